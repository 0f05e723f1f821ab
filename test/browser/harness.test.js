'use strict';
// The browser harness itself: Debian's Chromium starts headless and runs a page from a local
// server, so a failure of the other browser tests is about the pages, not the harness.
const http = require('http');
const { expect } = require('chai');
const { newContext, screenshot } = require('./support');

describe('browser harness (headless Chromium)', function () {
  this.timeout(30000);
  let server;
  let url;

  before(async function () {
    server = http.createServer((req, res) => {
      res.setHeader('Content-Type', 'text/html');
      res.end('<!doctype html><title>harness</title><button id="b" onclick="this.textContent=\'clicked\'">click</button>');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${server.address().port}/`;
  });

  after(() => new Promise((resolve) => server.close(resolve)));

  it('loads a local page, clicks a button and saves a screenshot', async function () {
    const context = await newContext();
    try {
      const page = await context.newPage();
      await page.goto(url);
      await page.click('#b');
      expect(await page.textContent('#b')).to.equal('clicked');
      const file = await screenshot(page, 'harness');
      expect(require('fs').statSync(file).size).to.be.greaterThan(100);
      expect(context.pageErrors).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
