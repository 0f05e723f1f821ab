'use strict';
// sample/HelloWorld in emulator mode, in headless Chromium: the page joins the session with the
// emulator's OpenTok.js stand-in and shows its own publisher's test pattern; a second tab sees it.
const { expect } = require('chai');
const { newContext, screenshot } = require('./support');
const { startSample, waitForText, expectMovingPattern } = require('./sample-pages');

describe('sample/HelloWorld in a browser (emulator mode)', function () {
  this.timeout(20000);
  let sample;
  let context;

  before(async function () {
    sample = await startSample('HelloWorld');
  });

  after(async function () {
    if (context) await context.close();
    if (sample) await sample.stop();
  });

  it('shows your own publisher\'s moving test pattern; another tab sees your stream and you see its', async function () {
    context = await newContext();
    const page = await context.newPage();
    await page.goto(sample.url);
    expect(await page.textContent('#emulator-banner')).to.include('Emulator mode');
    expect(await page.getAttribute('#emulator-banner a', 'href')).to.equal(sample.emulator.dashboardUrl);
    await waitForText(page, '#session-status', 'Connected, publishing as "Hello World"; 0 other streams in the session.');
    await expectMovingPattern(page, '#publisher', 'Hello World');

    // The emulator has the page's connection and stream.
    const [connection] = sample.sessionState().connections.values();
    expect(connection).to.include({ kind: 'client', role: 'publisher' });
    const streams = await sample.opentok.promises.listStreams(sample.sessionId);
    expect(streams.map((stream) => stream.name)).to.deep.equal(['Hello World']);
    expect(sample.sessionState().streams.get(streams[0].id).connectionId).to.equal(connection.id);

    // A second visitor: each page subscribes to the other's stream.
    const other = await context.newPage();
    await other.goto(sample.url);
    await waitForText(other, '#session-status', 'Connected, publishing as "Hello World"; 1 other stream in the session.');
    await waitForText(page, '#session-status', '1 other stream in the session.');
    await expectMovingPattern(page, '#subscribers .OT_subscriber', 'Hello World');
    await expectMovingPattern(other, '#subscribers .OT_subscriber', 'Hello World');
    expect(sample.sessionState().connections.size).to.equal(2);
    expect(sample.sessionState().streams.size).to.equal(2);

    await screenshot(page, 'hello-world');
    expect(context.pageErrors).to.deep.equal([]);
  });
});
