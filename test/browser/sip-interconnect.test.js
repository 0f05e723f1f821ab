'use strict';
// sample/SipInterconnect in emulator mode, in headless Chromium, by clicks only: the page publishes,
// dials a SIP address (the call's connection and stream appear in the page), plays DTMF to it and
// hangs up (they go). Each step is checked on the page and in the emulator.
const { expect } = require('chai');
const sinon = require('sinon');
const { newContext, screenshot } = require('./support');
const { startSample, waitForText, expectMovingPattern } = require('./sample-pages');

const SIP_URI = 'sip:alice@sip.example.com';

describe('sample/SipInterconnect in a browser (emulator mode)', function () {
  this.timeout(20000);
  let sample;
  let context;

  before(async function () {
    sample = await startSample('SipInterconnect');
  });

  after(async function () {
    sinon.restore();
    if (context) await context.close();
    if (sample) await sample.stop();
  });

  it('dial: the SIP call and its stream appear; DTMF; hang up: they go', async function () {
    context = await newContext();
    const page = await context.newPage();
    await page.goto(sample.url);
    await waitForText(page, '#session-status', 'Connected, publishing as "SIP sample"; 0 other streams in the session.');
    await expectMovingPattern(page, '#publisher', 'SIP sample');
    expect(await page.textContent('#sip-calls')).to.equal('None.');

    // Dial.
    await page.fill('#dial-form input[name="sipUri"]', SIP_URI);
    await page.fill('#dial-form input[name="from"]', '15551234567');
    await page.click('#dial-form button[type="submit"]');
    const result = await waitForText(page, '#result', /^Dialled sip:alice@sip\.example\.com: SIP call \S+, connection \S+\.\n/);
    const { id: callId, connectionId, streamId } = JSON.parse(result.slice(result.indexOf('\n') + 1));
    expect(result).to.include(`SIP call ${callId}, connection ${connectionId}.`);
    // The session's events: the call's connection listed, its audio stream subscribed to.
    await waitForText(page, '#sip-calls', `SIP call connected: connection ${connectionId}`);
    expect(await page.isHidden('#no-sip-calls')).to.equal(true);
    await waitForText(page, '#session-status', '1 other stream in the session.');
    await expectMovingPattern(page, '#subscribers .OT_subscriber', '15551234567');
    expect(sample.sessionState().connections.get(connectionId)).to.include({ kind: 'sip', data: 'sip=true', callId });
    expect(sample.sessionState().streams.get(streamId)).to.include({ connectionId, name: '15551234567' });
    expect(await page.isEnabled('#hangup')).to.equal(true);

    // DTMF to the call. The emulator keeps no trace of tones: the SDK call and its answer tell.
    const playDTMF = sinon.spy(sample.opentok, 'playDTMF');
    await page.fill('#dtmf-form input[name="digits"]', '1234#');
    await page.click('#dtmf-form button[type="submit"]');
    await waitForText(page, '#result', `Played DTMF 1234# to connection ${connectionId}.`);
    expect(playDTMF.callCount).to.equal(1);
    expect(playDTMF.firstCall.args.slice(0, 3)).to.deep.equal([sample.sessionId, connectionId, '1234#']);
    await screenshot(page, 'sip-interconnect');

    // Hang up: the connection and its stream leave the session and the page.
    await page.click('#hangup');
    await waitForText(page, '#result', `Hung up connection ${connectionId}.`);
    await waitForText(page, '#sip-calls', 'None.');
    await waitForText(page, '#session-status', '0 other streams in the session.');
    expect(await page.$('#subscribers .OT_subscriber')).to.equal(null);
    expect(await page.isDisabled('#hangup')).to.equal(true);
    expect(sample.sessionState().connections.has(connectionId)).to.equal(false);
    expect(sample.sessionState().streams.has(streamId)).to.equal(false);
    expect(context.pageErrors).to.deep.equal([]);
  });
});
