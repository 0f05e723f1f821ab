'use strict';
/* global document -- the functions given to page.evaluate run in the page */
// Helpers of the samples' browser tests: each sample runs in emulator mode in this process (its
// pages load the emulator's OpenTok.js stand-in), and the tests click through its pages in the
// shared headless Chromium of ./support.js.
const path = require('path');
const { expect } = require('chai');
const { canvasInfo } = require('./canvas');

/** Resolves after `ms`. */
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `sample/<name>` in emulator mode on a free port, as `node sample/<name>/index.js` does
 * without credentials; `log` lines are kept in `sample.logs`. `state()` is the emulator's record of
 * the sample's project, `sessionState()` that of its session.
 */
async function startSample(name) {
  const logs = [];
  const sample = await require(path.join(__dirname, '../../sample', name)).start({ port: 0, env: {}, log: (line) => logs.push(line) });
  const { apiKey } = sample.emulator.project;
  const state = () => sample.emulator.projects.get(apiKey);
  return {
    ...sample,
    logs,
    apiKey,
    sessionId: sample.session.sessionId,
    state,
    sessionState: () => state().sessions.get(sample.session.sessionId),
  };
}

/**
 * Waits until the text of `selector` matches `expected` (a RegExp, or a string it must contain)
 * and returns that text; on timeout the error tells what the page showed instead.
 */
async function waitForText(page, selector, expected, timeout = 5000) {
  const pattern = expected instanceof RegExp ? { source: expected.source, flags: expected.flags } : null;
  const wanted = pattern ? null : String(expected);
  try {
    await page.waitForFunction(
      ([sel, source, flags, text]) => {
        const element = document.querySelector(sel);
        if (!element) return false;
        return source === null ? element.textContent.includes(text) : new RegExp(source, flags).test(element.textContent);
      },
      [selector, pattern && pattern.source, pattern && pattern.flags, wanted],
      { timeout },
    );
  } catch (error) {
    const shown = await page.evaluate((sel) => {
      const element = document.querySelector(sel);
      return element ? element.textContent : null;
    }, selector).catch(() => '(page unavailable)');
    throw new Error(`${selector} did not show ${expected} within ${timeout} ms; it shows ${JSON.stringify(shown)} (${error.message.split('\n')[0]})`);
  }
  return page.textContent(selector);
}


/**
 * Checks that `selector` (a publisher or subscriber element) shows a drawn, moving test pattern
 * labelled `name`: many colours on its canvas, different a moment later.
 */
async function expectMovingPattern(page, selector, name) {
  await page.waitForSelector(`${selector} canvas`);
  expect(await page.textContent(`${selector} .OT_name`), `the name on ${selector}`).to.equal(name);
  const first = await canvasInfo(page, selector);
  expect(first.colours, `colours drawn on ${selector}`).to.be.greaterThan(10);
  await pause(200);
  const second = await canvasInfo(page, selector);
  expect(second.checksum, `the pattern on ${selector} moves`).to.not.equal(first.checksum);
}

module.exports = { startSample, waitForText, canvasInfo, expectMovingPattern, pause };
