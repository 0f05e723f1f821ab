'use strict';
// One headless Chromium for the whole mocha run (Debian's /usr/bin/chromium, driven by
// playwright-core): launched on first use, closed after the last test. Each test gets a fresh
// browser context (its own cookies and storage), so tabs of one test share nothing with another's.
// A missing browser fails the tests that need it: `.ci/run` installs Chromium, and a skipped
// browser test would hide exactly the gaps these tests exist to find.
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

/** The Chromium executable: `CHROMIUM_PATH`, or Debian's package. */
const EXECUTABLE = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Where the tests save screenshots of the pages they drive (git-ignored). */
const SCREENSHOT_DIR = path.join(__dirname, 'screenshots');

/**
 * The flags this machine's closed network needs: without the background-networking ones Chromium
 * keeps trying to reach Google's hosts, and root needs --no-sandbox.
 */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

let launching;

/** The shared browser, launched on the first call. */
function browser() {
  if (!launching) {
    if (!fs.existsSync(EXECUTABLE)) {
      return Promise.reject(
        new Error(`Chromium not found at ${EXECUTABLE}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`),
      );
    }
    launching = chromium.launch({ executablePath: EXECUTABLE, headless: true, args: ARGS });
  }
  return launching;
}

/**
 * A new browser context for one test; closed by the caller (or by `closeAll`). Console errors and
 * uncaught page errors of its pages are collected in `context.pageErrors`, so a test can assert
 * that a page ran cleanly.
 */
async function newContext() {
  const context = await (await browser()).newContext();
  context.pageErrors = [];
  context.on('page', (page) => {
    page.on('pageerror', (error) => context.pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') context.pageErrors.push(`console.error: ${message.text()}`);
    });
  });
  return context;
}

/** Saves a full-page screenshot as `test/browser/screenshots/<name>.png`; returns its path. */
async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// A root-level hook: runs once, after every test of the run.
after(async function () {
  if (!launching) return;
  const launched = await launching.catch(() => undefined);
  launching = undefined;
  if (launched) await launched.close();
});

module.exports = { browser, newContext, screenshot, SCREENSHOT_DIR, EXECUTABLE };
