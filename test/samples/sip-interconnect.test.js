'use strict';
// The SipInterconnect sample over real HTTP, against the OpenTok emulator it starts when no
// credentials are set: the page, dialling out (the SIP call joins the session as a participant with
// a stream), DTMF, hanging up, and how validation and service errors become statuses.
const { expect } = require('chai');
const sinon = require('sinon');
const { start } = require('../../sample/SipInterconnect');
const { call } = require('../../sample/shared/opentok-client');

const SIP_URI = 'sip:alice@sip.example.com';

/** An HTTP request to the sample: `{status, type, body}`; a JSON body unless `form` is given. */
async function request(base, method, path, { json, form } = {}) {
  const init = { method, headers: {} };
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (form !== undefined) {
    init.headers['Content-Type'] = 'application/x-www-form-urlencoded';
    init.body = new URLSearchParams(form).toString();
  }
  const response = await fetch(new URL(path, base), init);
  const text = await response.text();
  const type = response.headers.get('content-type') || '';
  return { status: response.status, type, body: type.startsWith('application/json') ? JSON.parse(text) : text };
}

/** The text of `<dd id="...">` in a rendered page. */
function field(html, id) {
  const match = new RegExp(`<dd id="${id}">([^<]*)</dd>`).exec(html);
  expect(match, `#${id} in the page`).to.not.equal(null);
  return match[1];
}

describe('sample/SipInterconnect', function () {
  let sample;
  let logs;
  let apiKey;
  let sessionId;
  const session = () => sample.emulator.projects.get(apiKey).sessions.get(sessionId);
  const streamIds = async () => (await call((cb) => sample.opentok.listStreams(sessionId, cb)))[0].map((stream) => stream.id);
  const dial = (json) => request(sample.url, 'POST', '/dial', { json });

  before(async function () {
    logs = [];
    sample = await start({ port: 0, env: {}, log: (line) => logs.push(line) });
    apiKey = sample.emulator.project.apiKey;
    sessionId = sample.session.sessionId;
  });

  after(async function () {
    sinon.restore();
    if (sample) await sample.stop();
  });

  afterEach(function () {
    sinon.restore();
    sample.emulator.faults.clear();
  });

  it('runs on the emulator with a routed session and logs where', function () {
    expect(sample.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(logs).to.have.length(3);
    expect(logs[0]).to.include(sample.emulator.url).and.to.include(apiKey);
    expect(logs[1]).to.equal(`SipInterconnect sample is running at ${sample.url}`);
    expect(logs[2]).to.equal(`Emulator mode: the pages load the emulator's OpenTok.js stand-in (${sample.emulator.url}/_emulator/opentok.js); its dashboard is ${sample.emulator.url}/`);
    expect(session().mediaMode).to.equal('routed');
  });

  it('GET / renders the API key, session ID, a publisher token and the dial form', async function () {
    const page = await request(sample.url, 'GET', '/');
    expect(page.status).to.equal(200);
    expect(page.type).to.match(/^text\/html/);
    expect(field(page.body, 'apiKey')).to.equal(apiKey);
    expect(field(page.body, 'sessionId')).to.equal(sessionId);
    expect(page.body).to.include('<form id="dial-form" method="post" action="dial">').and.to.include('name="sipUri"');
    const client = sample.emulator.connectClient({ token: field(page.body, 'token'), sessionId });
    try {
      expect(client.role).to.equal('publisher');
      expect(client.data).to.equal('');
    } finally {
      client.disconnect();
    }
  });

  it('POST /dial creates a SIP participant whose connection and stream exist in the session', async function () {
    const spy = sinon.spy(sample.opentok, 'dial');
    const answer = await dial({ sipUri: SIP_URI, from: '15551234567', video: true });
    expect(answer.status).to.equal(200);
    expect(Object.keys(answer.body)).to.deep.equal(['id', 'connectionId', 'streamId']);
    for (const value of Object.values(answer.body)) expect(value).to.be.a('string').and.not.equal('');

    expect(spy.callCount).to.equal(1);
    const [dialledSession, , uri, options] = spy.firstCall.args;
    expect([dialledSession, uri]).to.deep.equal([sessionId, SIP_URI]);
    expect(options).to.deep.equal({ from: '15551234567', secure: false, video: true });

    const connection = session().connections.get(answer.body.connectionId);
    expect(connection).to.include({ kind: 'sip', data: 'sip=true', role: 'publisher' });
    const [streams] = await call((cb) => sample.opentok.listStreams(sessionId, cb));
    const stream = streams.find((item) => item.id === answer.body.streamId);
    expect(stream, 'the SIP stream in listStreams').to.not.equal(undefined);
    expect(stream).to.include({ name: '15551234567', videoType: 'camera' });
    expect(session().streams.get(answer.body.streamId).connectionId).to.equal(answer.body.connectionId);
  });

  it('POST /dial accepts a form body (checkbox values)', async function () {
    const spy = sinon.spy(sample.opentok, 'dial');
    const answer = await request(sample.url, 'POST', '/dial', { form: { sipUri: SIP_URI, from: '', secure: 'on' } });
    expect(answer.status).to.equal(200);
    expect(spy.firstCall.args[3]).to.deep.equal({ from: undefined, secure: true, video: false });
    expect(session().connections.get(answer.body.connectionId)).to.include({ kind: 'sip', data: 'sip=true' });
    expect(await streamIds()).to.include(answer.body.streamId);
  });

  it('POST /dial without a sipUri answers 400 and dials nothing', async function () {
    const spy = sinon.spy(sample.opentok, 'dial');
    const connections = session().connections.size;
    for (const body of [{}, { sipUri: '' }, { sipUri: '   ' }, { sipUri: 42 }]) {
      expect(await dial(body), JSON.stringify(body)).to.deep.include({ status: 400, body: { error: 'sipUri is required' } });
    }
    expect(await request(sample.url, 'POST', '/dial')).to.deep.include({ status: 400, body: { error: 'sipUri is required' } });
    expect(await dial({ sipUri: SIP_URI, video: 'yes' })).to.deep.include({ status: 400, body: { error: 'video must be a boolean' } });
    expect(await dial({ sipUri: SIP_URI, from: 5 })).to.deep.include({ status: 400, body: { error: 'from must be a string' } });
    expect(spy.callCount).to.equal(0);
    expect(session().connections.size).to.equal(connections);
  });

  it('POST /dial with a malformed SIP URI answers the service\'s 400', async function () {
    const answer = await dial({ sipUri: 'alice' });
    expect(answer.status).to.equal(400);
    expect(answer.body).to.deep.equal({
      error: 'Failed to dial endpoint. Error: Unexpected response from OpenTok: "{"message":"Invalid SIP URI (sip:user@domain.tld)"}"',
      detail: 'Invalid SIP URI (sip:user@domain.tld)',
    });
  });

  it('POST /dial answers service and credentials failures as 500', async function () {
    sample.emulator.faults.add({ method: 'POST', path: '/dial', status: 503, body: { message: 'busy' }, times: 1 });
    sample.emulator.faults.add({ method: 'POST', path: '/dial', status: 401, times: 1 });
    expect(await dial({ sipUri: SIP_URI })).to.deep.include({
      status: 500,
      body: { error: 'Failed to dial endpoint. Error: Unexpected response from OpenTok: "{"message":"busy"}"', detail: 'busy' },
    });
    const auth = await dial({ sipUri: SIP_URI });
    expect(auth.status).to.equal(500);
    expect(auth.body.error).to.equal('Failed to dial endpoint. Error: Invalid API key or secret');
  });

  it('POST /dtmf plays digits to a connection or to the whole session (204)', async function () {
    const { body: sipCall } = await dial({ sipUri: SIP_URI });
    const spy = sinon.spy(sample.opentok, 'playDTMF');
    const toConnection = await request(sample.url, 'POST', '/dtmf', { json: { digits: '1234#p*', connectionId: sipCall.connectionId } });
    expect(toConnection).to.deep.include({ status: 204, body: '' });
    const toSession = await request(sample.url, 'POST', '/dtmf', { form: { digits: '9', connectionId: '' } });
    expect(toSession).to.deep.include({ status: 204, body: '' });
    expect(spy.callCount).to.equal(2);
    expect(spy.firstCall.args.slice(0, 3)).to.deep.equal([sessionId, sipCall.connectionId, '1234#p*']);
    expect(spy.secondCall.args.slice(0, 3)).to.deep.equal([sessionId, null, '9']);
  });

  it('POST /dtmf with invalid digits answers the service\'s 400', async function () {
    const { body: sipCall } = await dial({ sipUri: SIP_URI });
    const answer = await request(sample.url, 'POST', '/dtmf', { json: { digits: '12a', connectionId: sipCall.connectionId } });
    expect(answer.status).to.equal(400);
    expect(answer.body).to.deep.equal({
      error: 'Unexpected response from OpenTok: "{"message":"digits must contain only 0-9, *, # and p"}"',
      detail: 'digits must contain only 0-9, *, # and p',
    });
  });

  it('POST /dtmf without digits answers 400; to an unknown connection, the service\'s 404', async function () {
    const spy = sinon.spy(sample.opentok, 'playDTMF');
    expect(await request(sample.url, 'POST', '/dtmf', { json: {} })).to.deep.include({ status: 400, body: { error: 'digits is required' } });
    expect(spy.callCount).to.equal(0);
    const unknown = await request(sample.url, 'POST', '/dtmf', { json: { digits: '1', connectionId: 'no-such-connection' } });
    expect(unknown).to.deep.include({ status: 404, body: { error: 'Not Found', detail: 'Connection not found' } });
  });

  it('POST /hangup/:connectionId removes the SIP connection and its stream (204), then 404', async function () {
    const { body: sipCall } = await dial({ sipUri: SIP_URI });
    expect(session().connections.has(sipCall.connectionId)).to.equal(true);
    expect(await streamIds()).to.include(sipCall.streamId);

    const hangup = await request(sample.url, 'POST', `/hangup/${sipCall.connectionId}`);
    expect(hangup).to.deep.include({ status: 204, body: '' });
    expect(session().connections.has(sipCall.connectionId)).to.equal(false);
    expect(await streamIds()).to.not.include(sipCall.streamId);

    const again = await request(sample.url, 'POST', `/hangup/${sipCall.connectionId}`);
    expect(again).to.deep.include({
      status: 404,
      body: { error: 'Session or Connection not found', detail: 'Connection not found' },
    });
  });
});
