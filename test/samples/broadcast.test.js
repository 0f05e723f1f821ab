'use strict';
// The Broadcast sample over real HTTP, against the OpenTok emulator it starts when no credentials
// are set: pages and tokens, the JSON API (start/status/layout/stop), the HLS playlist the emulator
// serves, and how validation and service errors become statuses.
const { expect } = require('chai');
const sinon = require('sinon');
const { start } = require('../../sample/Broadcast');
const { call } = require('../../sample/shared/opentok-client');

const BAD_REQUEST = 'Failed to start broadcast. Error: Bad session ID, token, SIP credentials, or SIP URI (sip:user@domain.tld)';
const NO_BROADCAST = { error: 'No broadcast has been started' };

/** An HTTP request to the sample: `{status, type, body}` with the JSON (or text) body. */
async function request(base, method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
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

/** Starts the sample on the emulator with a captured log. */
async function startSample() {
  const logs = [];
  const sample = await start({ port: 0, env: {}, log: (line) => logs.push(line) });
  const { apiKey } = sample.emulator.project;
  const state = () => sample.emulator.projects.get(apiKey);
  return { ...sample, logs, apiKey, sessionId: sample.session.sessionId, state };
}

describe('sample/Broadcast', function () {
  describe('before any client joins', function () {
    let sample;

    before(async function () {
      sample = await startSample();
    });

    after(async function () {
      sinon.restore();
      if (sample) await sample.stop();
    });

    afterEach(function () {
      sinon.restore();
      sample.emulator.faults.clear();
    });

    it('runs on the emulator and logs where', function () {
      expect(sample.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(sample.server.address().port).to.not.equal(0);
      expect(sample.logs).to.have.length(3);
      expect(sample.logs[0]).to.include(sample.emulator.url).and.to.include(sample.apiKey);
      expect(sample.logs[1]).to.equal(`Broadcast sample is running at ${sample.url}`);
      expect(sample.logs[2]).to.equal(`Emulator mode: the pages load the emulator's OpenTok.js stand-in (${sample.emulator.url}/_emulator/opentok.js); its dashboard is ${sample.emulator.url}/`);
      const session = sample.state().sessions.get(sample.sessionId);
      expect(session.mediaMode).to.equal('routed');
      expect(session.connections.size).to.equal(0);
    });

    it('GET / renders the host page with a moderator token for the session', async function () {
      const page = await request(sample.url, 'GET', '/');
      expect(page.status).to.equal(200);
      expect(page.type).to.match(/^text\/html/);
      expect(field(page.body, 'apiKey')).to.equal(sample.apiKey);
      expect(field(page.body, 'sessionId')).to.equal(sample.sessionId);
      expect(page.body).to.include('id="start"').and.to.include('id="stop"').and.to.include('id="status"');
      const client = sample.emulator.connectClient({ token: field(page.body, 'token'), sessionId: sample.sessionId });
      try {
        expect(client.role).to.equal('moderator');
        expect(client.sessionId).to.equal(sample.sessionId);
      } finally {
        client.disconnect();
      }
    });

    it('GET /participant renders a publisher token for the session', async function () {
      const page = await request(sample.url, 'GET', '/participant');
      expect(page.status).to.equal(200);
      expect(field(page.body, 'apiKey')).to.equal(sample.apiKey);
      expect(field(page.body, 'sessionId')).to.equal(sample.sessionId);
      const client = sample.emulator.connectClient({ token: field(page.body, 'token'), sessionId: sample.sessionId });
      try {
        expect(client.role).to.equal('publisher');
      } finally {
        client.disconnect();
      }
    });

    it('GET /status, POST /stop and POST /layout answer 404 while no broadcast was started', async function () {
      expect(await request(sample.url, 'GET', '/status')).to.deep.equal({ status: 404, type: 'application/json; charset=utf-8', body: NO_BROADCAST });
      expect(await request(sample.url, 'POST', '/stop')).to.deep.include({ status: 404, body: NO_BROADCAST });
      expect(await request(sample.url, 'POST', '/layout', { type: 'pip' })).to.deep.include({ status: 404, body: NO_BROADCAST });
    });

    it('POST /start with nobody connected answers the emulator\'s refusal as a 400', async function () {
      const answer = await request(sample.url, 'POST', '/start', {});
      expect(answer.status).to.equal(400);
      expect(answer.body).to.deep.equal({ error: BAD_REQUEST, detail: 'No clients are connected to the session' });
      expect(sample.state().broadcasts.size).to.equal(0);
      expect(await request(sample.url, 'GET', '/status')).to.deep.include({ status: 404, body: NO_BROADCAST });
    });

    it('POST /start answers a service failure (500) as a 500', async function () {
      sample.emulator.faults.add({ method: 'POST', path: '/broadcast', status: 500, body: { message: 'boom' }, times: 1 });
      const answer = await request(sample.url, 'POST', '/start', {});
      expect(answer.status).to.equal(500);
      expect(answer.body).to.deep.equal({
        error: 'Failed to start broadcast. Error: Unexpected response from OpenTok: "{"message":"boom"}"',
        detail: 'boom',
      });
    });

    it('POST /start answers a credentials failure (403) as a 500, not as the browser\'s fault', async function () {
      sample.emulator.faults.add({ method: 'POST', path: '/broadcast', status: 403, times: 1 });
      const answer = await request(sample.url, 'POST', '/start', {});
      expect(answer.status).to.equal(500);
      expect(answer.body.error).to.equal('Failed to start broadcast. Error: Invalid API key or secret');
    });

    it('POST /start refuses malformed options with a 400 before calling OpenTok', async function () {
      const spy = sinon.spy(sample.opentok, 'startBroadcast');
      const cases = [
        [{ rtmp: 'rtmp://x' }, 'rtmp must be an array of {serverUrl, streamName}'],
        [{ rtmp: [null] }, 'rtmp[0] must be an object'],
        [{ rtmp: [{ serverUrl: 'rtmp://example.com/live' }] }, 'rtmp[0].streamName is required'],
        [{ rtmp: [{ streamName: 'key' }] }, 'rtmp[0].serverUrl is required'],
        [{ rtmp: [{ id: 7, serverUrl: 'rtmp://example.com/live', streamName: 'key' }] }, 'rtmp[0].id must be a string'],
        [{ maxDuration: 'long' }, 'maxDuration must be an integer number of seconds'],
        [{ maxDuration: 90.5 }, 'maxDuration must be an integer number of seconds'],
        [{ resolution: 720 }, 'resolution must be a string such as 1280x720'],
        [{ lowLatency: 'maybe' }, 'lowLatency must be a boolean'],
        [{ dvr: 2 }, 'dvr must be a boolean'],
        [[], 'The body must be a JSON object'],
      ];
      for (const [body, error] of cases) {
        const answer = await request(sample.url, 'POST', '/start', body);
        expect(answer, JSON.stringify(body)).to.deep.include({ status: 400, body: { error } });
      }
      expect(spy.callCount).to.equal(0);
    });
  });

  describe('with a client connected', function () {
    let sample;
    let client;

    before(async function () {
      sample = await startSample();
      client = sample.emulator.connectClient({ token: sample.opentok.generateToken(sample.sessionId), sessionId: sample.sessionId });
      client.publish({ name: 'host camera' });
    });

    after(async function () {
      sinon.restore();
      if (sample) await sample.stop();
    });

    afterEach(async function () {
      sinon.restore();
      // A failed test must not leave a started broadcast behind for the next one (409).
      for (const broadcast of sample.state().broadcasts.values()) {
        if (broadcast.status === 'started') await call((cb) => sample.opentok.stopBroadcast(broadcast.id, cb));
      }
    });

    it('starts, reports, lays out and stops a broadcast whose HLS playlist the emulator serves', async function () {
      const spy = sinon.spy(sample.opentok, 'startBroadcast');
      const started = await request(sample.url, 'POST', '/start', {});
      expect(started.status).to.equal(200);
      expect(spy.callCount).to.equal(1);
      expect(spy.firstCall.args[0]).to.equal(sample.sessionId);
      expect(spy.firstCall.args[1]).to.deep.equal({ outputs: { hls: {} }, layout: { type: 'bestFit' } });

      const broadcast = started.body;
      expect(broadcast).to.include({
        sessionId: sample.sessionId,
        projectId: sample.apiKey,
        status: 'started',
        resolution: '640x480',
        maxDuration: 14400,
        streamMode: 'auto',
      });
      expect(broadcast.id).to.be.a('string').and.not.equal('');
      expect(broadcast.broadcastUrls).to.deep.equal({
        hls: `${sample.emulator.url}/_emulator/broadcasts/${broadcast.id}/index.m3u8`,
        hlsStatus: 'live',
      });
      expect(sample.state().broadcasts.get(broadcast.id).status).to.equal('started');

      const playlist = await fetch(broadcast.broadcastUrls.hls);
      expect(playlist.status).to.equal(200);
      expect(playlist.headers.get('content-type')).to.equal('application/vnd.apple.mpegurl');
      expect(await playlist.text()).to.match(/^#EXTM3U\n/);

      const status = await request(sample.url, 'GET', '/status');
      expect(status.status).to.equal(200);
      expect(status.body).to.deep.equal(broadcast);

      const layout = await request(sample.url, 'POST', '/layout', { type: 'pip' });
      expect(layout).to.deep.include({ status: 200, body: { id: broadcast.id, layout: { type: 'pip' } } });
      expect(sample.state().broadcasts.get(broadcast.id).layout).to.include({ type: 'pip' });

      const stopped = await request(sample.url, 'POST', '/stop');
      expect(stopped.status).to.equal(200);
      expect(stopped.body).to.include({ id: broadcast.id, sessionId: sample.sessionId, status: 'stopped' });
      expect(stopped.body.broadcastUrls).to.deep.equal({});
      expect(sample.state().broadcasts.get(broadcast.id).status).to.equal('stopped');
      expect((await fetch(broadcast.broadcastUrls.hls)).status).to.equal(404);

      const after = await request(sample.url, 'GET', '/status');
      expect(after.status).to.equal(200);
      expect(after.body).to.deep.equal(stopped.body);

      const again = await request(sample.url, 'POST', '/stop');
      expect(again.status).to.equal(409);
      expect(again.body).to.deep.equal({
        error: 'Failed to stop broadcast. Error: Unexpected response from OpenTok: "{"message":"The broadcast is not started"}"',
        detail: 'The broadcast is not started',
      });
    });

    it('POST /layout validates the type: missing → 400 from the sample, unknown → 400 from the service', async function () {
      const started = await request(sample.url, 'POST', '/start', {});
      expect(started.status).to.equal(200);
      const spy = sinon.spy(sample.opentok, 'setBroadcastLayout');
      expect(await request(sample.url, 'POST', '/layout', {})).to.deep.include({ status: 400, body: { error: 'type is required' } });
      expect(spy.callCount).to.equal(0);
      const unknown = await request(sample.url, 'POST', '/layout', { type: 'bogus' });
      expect(unknown.status).to.equal(400);
      expect(unknown.body).to.deep.equal({
        error: 'Unexpected response from OpenTok: "{"message":"Invalid layout type"}"',
        detail: 'Invalid layout type',
      });
      expect(spy.callCount).to.equal(1);
      expect(sample.state().broadcasts.get(started.body.id).layout).to.equal(undefined);
    });

    it('POST /start while the session is being broadcast answers the service\'s 409', async function () {
      const first = await request(sample.url, 'POST', '/start', {});
      expect(first.status).to.equal(200);
      const second = await request(sample.url, 'POST', '/start', {});
      expect(second.status).to.equal(409);
      expect(second.body).to.deep.equal({
        error: 'Failed to start broadcast. Error: Unexpected response from OpenTok: "{"message":"The session is already being broadcast"}"',
        detail: 'The session is already being broadcast',
      });
      // The current broadcast is still the first one.
      expect((await request(sample.url, 'GET', '/status')).body).to.include({ id: first.body.id, status: 'started' });
    });

    it('passes maxDuration, resolution and low-latency HLS to startBroadcast', async function () {
      const spy = sinon.spy(sample.opentok, 'startBroadcast');
      const answer = await request(sample.url, 'POST', '/start', { maxDuration: 3600, resolution: '1280x720', lowLatency: true, dvr: false });
      expect(answer.status).to.equal(200);
      expect(spy.firstCall.args[1]).to.deep.equal({
        outputs: { hls: { lowLatency: true } },
        layout: { type: 'bestFit' },
        maxDuration: 3600,
        resolution: '1280x720',
      });
      expect(answer.body).to.include({ status: 'started', maxDuration: 3600, resolution: '1280x720' });
    });

    it('passes DVR HLS to startBroadcast (form-style values accepted)', async function () {
      const spy = sinon.spy(sample.opentok, 'startBroadcast');
      const answer = await request(sample.url, 'POST', '/start', { dvr: 'on', lowLatency: 'false', maxDuration: '600' });
      expect(answer.status).to.equal(200);
      expect(spy.firstCall.args[1]).to.deep.equal({ outputs: { hls: { dvr: true } }, layout: { type: 'bestFit' }, maxDuration: 600 });
      expect(answer.body).to.include({ status: 'started', maxDuration: 600 });
    });

    it('POST /start with both dvr and lowLatency answers the SDK\'s ArgumentError as a 400', async function () {
      const before = sample.state().broadcasts.size;
      const answer = await request(sample.url, 'POST', '/start', { dvr: true, lowLatency: true });
      expect(answer).to.deep.include({ status: 400, body: { error: 'Cannot set both dvr and lowLatency on HLS' } });
      expect(sample.state().broadcasts.size).to.equal(before);
    });

    it('POST /start with an out-of-range maxDuration answers the service\'s 400', async function () {
      const answer = await request(sample.url, 'POST', '/start', { maxDuration: 30 });
      expect(answer.status).to.equal(400);
      expect(answer.body).to.deep.equal({ error: BAD_REQUEST, detail: 'maxDuration must be between 60 and 36000 seconds' });
    });

    it('echoes the RTMP outputs next to the HLS URL', async function () {
      const rtmp = [
        { serverUrl: 'rtmp://a.example.com/live', streamName: 'first-key' },
        { id: 'youtube', serverUrl: 'rtmp://b.example.com/app', streamName: 'second-key' },
      ];
      const answer = await request(sample.url, 'POST', '/start', { rtmp });
      expect(answer.status).to.equal(200);
      expect(answer.body.broadcastUrls).to.deep.equal({
        hls: `${sample.emulator.url}/_emulator/broadcasts/${answer.body.id}/index.m3u8`,
        hlsStatus: 'live',
        rtmp: [
          { serverUrl: 'rtmp://a.example.com/live', streamName: 'first-key', status: 'live' },
          { id: 'youtube', serverUrl: 'rtmp://b.example.com/app', streamName: 'second-key', status: 'live' },
        ],
      });
      const status = await request(sample.url, 'GET', '/status');
      expect(status.body.broadcastUrls.rtmp).to.deep.equal(answer.body.broadcastUrls.rtmp);
      const stopped = await request(sample.url, 'POST', '/stop');
      expect(stopped.body).to.include({ id: answer.body.id, status: 'stopped' });
    });
  });
});
