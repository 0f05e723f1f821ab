'use strict';
/* global document -- the functions given to page.evaluate run in the page */
// sample/Broadcast in emulator mode, in headless Chromium, by clicks only: the host page publishes
// (a participant joins in another tab), then starts a broadcast, sees its status and HLS link,
// changes its layout and stops it. Each step is checked on the page and in the emulator.
const { expect } = require('chai');
const { newContext, screenshot } = require('./support');
const { startSample, waitForText, expectMovingPattern } = require('./sample-pages');

describe('sample/Broadcast in a browser (emulator mode)', function () {
  this.timeout(20000);
  let sample;
  let context;

  before(async function () {
    sample = await startSample('Broadcast');
  });

  after(async function () {
    if (context) await context.close();
    if (sample) await sample.stop();
  });

  it('with the host publishing: start, status, layout, stop', async function () {
    context = await newContext();
    const host = await context.newPage();
    await host.goto(sample.url);
    await waitForText(host, '#session-status', 'Connected, publishing as "Broadcast host"');
    await expectMovingPattern(host, '#publisher', 'Broadcast host');
    expect(await host.isDisabled('#stop')).to.equal(true);
    expect(await host.isDisabled('#layout')).to.equal(true);

    // A participant joins by the page's link, in another tab.
    const [participant] = await Promise.all([context.waitForEvent('page'), host.click('a[href="participant"]')]);
    await waitForText(participant, '#session-status', 'Connected, publishing as "Participant"; 1 other stream in the session.');
    await waitForText(host, '#session-status', '1 other stream in the session.');
    await expectMovingPattern(host, '#subscribers .OT_subscriber', 'Participant');

    // Start: the summary line with the HLS link, and the sample's whole answer below it.
    await host.click('#start');
    const summary = await waitForText(host, '#broadcast', /^Broadcast \S+: started, layout bestFit\. HLS playlist$/);
    const broadcastId = /^Broadcast (\S+):/.exec(summary)[1];
    expect(await host.textContent('#status')).to.match(/^200\n/).and.to.include(`"id": "${broadcastId}"`);
    const hls = `${sample.emulator.url}/_emulator/broadcasts/${broadcastId}/index.m3u8`;
    expect(await host.getAttribute('#hls', 'href')).to.equal(hls);
    const broadcast = await sample.opentok.promises.getBroadcast(broadcastId);
    expect(broadcast).to.include({ sessionId: sample.sessionId, status: 'started' });
    expect(broadcast.broadcastUrls.hls).to.equal(hls);
    expect((await fetch(hls)).status).to.equal(200);
    expect(await host.isEnabled('#stop')).to.equal(true);
    expect(await host.isDisabled('#start')).to.equal(true);

    // Layout: the select sets it on the broadcast.
    await host.selectOption('#layout', 'pip');
    await waitForText(host, '#broadcast', `Broadcast ${broadcastId}: started, layout pip.`);
    expect(sample.state().broadcasts.get(broadcastId).layout).to.include({ type: 'pip' });

    // Status: refreshed from the service.
    await host.evaluate(() => {
      document.getElementById('status').textContent = '';
    });
    await host.click('#refresh');
    await waitForText(host, '#status', `"id": "${broadcastId}"`);
    expect(await host.textContent('#broadcast')).to.equal(`Broadcast ${broadcastId}: started, layout pip. HLS playlist`);
    await screenshot(host, 'broadcast');

    // Stop.
    await host.click('#stop');
    await waitForText(host, '#broadcast', `Broadcast ${broadcastId}: stopped.`);
    expect(await host.isDisabled('#stop')).to.equal(true);
    expect(await host.isDisabled('#layout')).to.equal(true);
    expect(await host.isEnabled('#start')).to.equal(true);
    expect((await sample.opentok.promises.getBroadcast(broadcastId)).status).to.equal('stopped');
    expect((await fetch(hls)).status).to.equal(404);
    expect(context.pageErrors).to.deep.equal([]);
  });
});
