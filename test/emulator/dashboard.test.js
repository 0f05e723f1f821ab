'use strict';
// The emulator's dashboard over HTTP: the page at `/`, the JSON snapshot `GET /_emulator/state`
// (everything the emulator holds, never a secret), the live stream of snapshots
// `GET /_emulator/state/events` (sent at once and on each change, nothing while nothing changes,
// no work once nobody watches), the buttons' endpoints, and their guards against other origins
// and other host names.
const http = require('http');
const { expect } = require('chai');
const OpenTok = require('opentok');
const { Emulator } = require('opentok/emulator');
const { watcherCount } = require('../../dist/emulator/dashboard/live');
const { cliRunner, delay, request, startReceiver, waitFor } = require('./support');

/**
 * Opens the dashboard's event stream and parses it: `next()` resolves with the next `state`
 * snapshot (or rejects after `timeoutMs`), `received` counts them, `close()` ends the stream.
 */
function openStateStream(baseUrl) {
  const queue = [];
  const waiters = [];
  let received = 0;
  return new Promise((resolve, reject) => {
    const req = http.get(`${baseUrl}/_emulator/state/events`, (res) => {
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block);
          const data = /^data: (.*)$/m.exec(block);
          if (!event || event[1] !== 'state') continue;
          received += 1;
          const snapshot = JSON.parse(data[1]);
          const waiter = waiters.shift();
          if (waiter) waiter(snapshot);
          else queue.push(snapshot);
        }
      });
      resolve({
        res,
        get received() {
          return received;
        },
        next(timeoutMs = 2000) {
          if (queue.length > 0) return Promise.resolve(queue.shift());
          return new Promise((resolveNext, rejectNext) => {
            const timer = setTimeout(() => rejectNext(new Error('no state event in time')), timeoutMs);
            waiters.push((snapshot) => {
              clearTimeout(timer);
              resolveNext(snapshot);
            });
          });
        },
        close() {
          req.destroy();
        },
      });
    });
    req.on('error', reject);
  });
}

describe('emulator dashboard (HTTP)', function () {
  let emulator;
  let opentok;

  beforeEach(async () => {
    emulator = await Emulator.start({ archiveProcessingMs: 20 });
    opentok = new OpenTok(emulator.project.apiKey, emulator.project.apiSecret, { apiUrl: emulator.url });
  });

  afterEach(async () => {
    await emulator.events.settled();
    await emulator.close();
  });

  function projectState() {
    return emulator.projects.get(emulator.project.apiKey);
  }

  describe('GET /', () => {
    it('is the dashboard page, self-contained, with a policy that runs its own script only', async () => {
      expect(emulator.dashboardUrl).to.equal(`${emulator.url}/`);
      const page = await request(emulator.url, { path: '/' });
      expect(page.status).to.equal(200);
      expect(page.headers['content-type']).to.equal('text/html; charset=utf-8');
      expect(page.headers['cache-control']).to.equal('no-store');
      expect(page.headers['x-frame-options']).to.equal('DENY');
      expect(page.text).to.match(/^<!doctype html>/);
      expect(page.text).to.contain('<title>OpenTok emulator</title>');
      // Offline: nothing from another origin (the only URLs in it are the emulator's own paths).
      expect(page.text).to.not.match(/(src|href)="(https?:)?\/\//);
      expect(page.text).to.not.contain(emulator.project.apiSecret);
      const csp = page.headers['content-security-policy'];
      expect(csp).to.match(/default-src 'none'/);
      expect(csp).to.match(/script-src 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
      expect(csp).to.contain("connect-src 'self'");
      expect(csp).to.contain("frame-ancestors 'none'");
      const head = await request(emulator.url, { method: 'HEAD', path: '/' });
      expect(head.status).to.equal(200);
      expect(head.text).to.equal('');
    });

    it('refuses a host name other than localhost or an IP address (DNS rebinding)', async () => {
      const port = new URL(emulator.url).port;
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `app.localhost:${port}`, 'LOCALHOST']) {
        expect((await request(emulator.url, { path: '/', headers: { Host: host } })).status, host).to.equal(200);
      }
      for (const path of ['/', '/_emulator/state', '/_emulator/state/events']) {
        const refused = await request(emulator.url, { path, headers: { Host: `attacker.example:${port}` } });
        expect(refused.status, path).to.equal(403);
        expect(refused.json.message).to.equal("The emulator's own pages and API answer requests for localhost or an IP address only");
      }
    });
  });

  describe('GET /_emulator/state', () => {
    it('lists projects, sessions with connections and streams, archives, broadcasts, SIP calls, renders, captions and callbacks', async () => {
      const receiver = await startReceiver();
      try {
        await opentok.promises.registerCallback({ group: 'connection', event: 'created', url: receiver.url('/events') });
        await opentok.promises.registerCallback({ group: 'archive', event: 'status', url: receiver.url('/archives') });
        const session = await opentok.promises.createSession({ mediaMode: 'routed', archiveMode: 'manual' });
        const client = emulator.connectClient({ token: session.generateToken({ data: 'name=alice', role: 'moderator' }), sessionId: session.sessionId });
        const streamId = client.publish({ name: 'alice camera', videoType: 'screen', layoutClassList: ['focus'] });
        const archive = await opentok.promises.startArchive(session.sessionId, { name: 'rec' });
        await opentok.promises.stopArchive(archive.id);
        await waitFor(() => projectState().archives.get(archive.id).status === 'available');
        const broadcast = await opentok.promises.startBroadcast(session.sessionId, {
          outputs: { hls: {}, rtmp: [{ serverUrl: 'rtmp://rtmp.example.com/live', streamName: 'key' }] },
        });
        const call = await opentok.promises.dial(session.sessionId, session.generateToken(), 'sip:bob@sip.example.com', { from: 'bob@example.com' });
        const render = await opentok.promises.startRender({ sessionId: session.sessionId, token: session.generateToken(), url: 'https://example.com/' });
        const captionsId = await opentok.promises.startCaptions(session.sessionId, session.generateToken());
        await emulator.events.settled();

        const response = await request(emulator.url, { path: '/_emulator/state' });
        expect(response.status).to.equal(200);
        expect(response.headers['cache-control']).to.equal('no-store');
        const state = response.json;
        expect(state.url).to.equal(emulator.url);
        expect(state.dashboardUrl).to.equal(emulator.dashboardUrl);
        expect(state.projects).to.have.length(1);
        const [project] = state.projects;
        expect(project.apiKey).to.equal(emulator.project.apiKey);
        expect(project.kind).to.equal('project');

        expect(project.sessions).to.have.length(1);
        const [sessionState] = project.sessions;
        expect(sessionState).to.include({ id: session.sessionId, mediaMode: 'routed', archiveMode: 'manual', muteAll: false });
        const [clientConnection, sipConnection, renderConnection] = sessionState.connections;
        expect(clientConnection).to.deep.include({ id: client.connectionId, source: 'simulated', role: 'moderator', data: 'name=alice', controllable: true });
        expect(sipConnection).to.deep.include({ id: call.connectionId, source: 'sip', controllable: false });
        expect(renderConnection).to.deep.include({ source: 'render', controllable: false });
        expect(sessionState.streams[0]).to.deep.equal({
          id: streamId,
          connectionId: client.connectionId,
          name: 'alice camera',
          videoType: 'screen',
          hasAudio: true,
          hasVideo: true,
          muted: false,
          layoutClassList: ['focus'],
          createdAt: sessionState.streams[0].createdAt,
        });

        expect(project.archives).to.have.length(1);
        expect(project.archives[0]).to.deep.include({
          id: archive.id,
          name: 'rec',
          status: 'available',
          sessionId: session.sessionId,
          outputMode: 'composed',
          url: `${emulator.url}/_emulator/archives/${archive.id}/download`,
        });
        expect(project.archives[0].size).to.be.above(0);
        expect(project.broadcasts).to.deep.equal([
          {
            id: broadcast.id,
            sessionId: session.sessionId,
            status: 'started',
            createdAt: project.broadcasts[0].createdAt,
            hls: broadcast.broadcastUrls.hls,
            rtmp: [{ serverUrl: 'rtmp://rtmp.example.com/live', streamName: 'key', status: 'live' }],
          },
        ]);
        expect(project.sipCalls).to.deep.equal([
          { id: call.id, sessionId: session.sessionId, connectionId: call.connectionId, from: 'bob@example.com', createdAt: sipConnection.createdAt },
        ]);
        expect(project.renders).to.have.length(1);
        expect(project.renders[0]).to.include({ id: render.id, sessionId: session.sessionId, status: 'started', url: 'https://example.com/' });
        expect(project.captions).to.have.length(1);
        expect(project.captions[0]).to.include({ id: captionsId, sessionId: session.sessionId, status: 'started', languageCode: 'en-US' });
        expect(project.callbacks.map((callback) => [callback.group, callback.event, callback.url])).to.deep.equal([
          ['connection', 'created', receiver.url('/events')],
          ['archive', 'status', receiver.url('/archives')],
        ]);

        // The deliveries, newest first: what was sent, where, the answer and when.
        const kinds = state.deliveries.map((delivery) => delivery.kind);
        expect(kinds).to.have.members(['connectionCreated', 'connectionCreated', 'connectionCreated', 'archive started', 'archive stopped', 'archive available']);
        for (const delivery of state.deliveries) {
          expect(delivery).to.include({ apiKey: emulator.project.apiKey, status: 200, error: null });
          expect(delivery.at).to.be.a('number');
        }
        const times = state.deliveries.map((delivery) => delivery.at);
        expect(times).to.deep.equal([...times].sort((a, b) => b - a));
        // The dispatcher records which registration each POST went to, and when it was answered.
        const recorded = emulator.events.delivered.find((delivery) => delivery.url === receiver.url('/archives'));
        expect(recorded).to.include({ group: 'archive', event: 'status', status: 200 });
        expect(recorded.at).to.be.a('number');
      } finally {
        await receiver.close();
      }
    });

    it('shows a page\'s connection (OpenTok.js stand-in) as a browser, and its stream\'s audio and video as the page sets them', async () => {
      const session = await opentok.promises.createSession({ mediaMode: 'routed' });
      const json = (body) => ({ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const connected = await request(emulator.url, {
        method: 'POST',
        path: '/_emulator/clients',
        ...json({ apiKey: emulator.project.apiKey, sessionId: session.sessionId, token: session.generateToken() }),
      });
      expect(connected.status).to.equal(201);
      const { connectionId, key } = connected.json;
      const query = `?key=${encodeURIComponent(key)}`;
      const published = await request(emulator.url, {
        method: 'POST',
        path: `/_emulator/clients/${connectionId}/streams${query}`,
        ...json({ name: 'page camera', hasAudio: true, hasVideo: true }),
      });
      expect(published.status).to.equal(201);
      const streamId = published.json.id;
      const patched = await request(emulator.url, {
        method: 'PATCH',
        path: `/_emulator/clients/${connectionId}/streams/${streamId}${query}`,
        ...json({ hasAudio: false }),
      });
      expect(patched.status).to.equal(204);

      const simulated = emulator.connectClient({ token: session.generateToken(), sessionId: session.sessionId });
      const snapshot = (await request(emulator.url, { path: '/_emulator/state' })).json;
      const shown = snapshot.projects[0].sessions.find((candidate) => candidate.id === session.sessionId);
      const sources = Object.fromEntries(shown.connections.map((connection) => [connection.id, connection.source]));
      expect(sources).to.deep.equal({ [connectionId]: 'browser', [simulated.connectionId]: 'simulated' });
      expect(shown.streams.map(({ id, name, hasAudio, hasVideo }) => ({ id, name, hasAudio, hasVideo }))).to.deep.equal([
        { id: streamId, name: 'page camera', hasAudio: false, hasVideo: true },
      ]);
    });

    it('holds no secret or key material, and tells projects from Vonage applications', async () => {
      const other = emulator.createProject({ apiSecret: 'second-project-secret' });
      const application = emulator.createApplication();
      const state = await request(emulator.url, { path: '/_emulator/state' });
      expect(state.json.projects.map((project) => [project.apiKey, project.kind])).to.deep.equal([
        [emulator.project.apiKey, 'project'],
        [other.apiKey, 'project'],
        [application.applicationId, 'application'],
      ]);
      expect(state.text).to.not.contain(emulator.project.apiSecret);
      expect(state.text).to.not.contain('second-project-secret');
      expect(state.text).to.not.contain('PUBLIC KEY');
      expect(state.text).to.not.match(/secret/i);
    });

    it('keeps the last 50 deliveries, failures with their error', async () => {
      await opentok.promises.registerCallback({ group: 'connection', event: 'created', url: 'http://127.0.0.1:9/closed' });
      const session = await opentok.promises.createSession();
      for (let i = 0; i < 55; i += 1) emulator.connectClient({ token: session.generateToken(), sessionId: session.sessionId });
      await emulator.events.settled();
      const { deliveries } = (await request(emulator.url, { path: '/_emulator/state' })).json;
      expect(deliveries).to.have.length(50);
      expect(deliveries[0]).to.include({ kind: 'connectionCreated', url: 'http://127.0.0.1:9/closed', status: null });
      expect(deliveries[0].error).to.be.a('string').and.not.equal('');
    });
  });

  describe('GET /_emulator/state/events', () => {
    it('sends the state at once, then after each change, and nothing while nothing changes', async () => {
      const stream = await openStateStream(emulator.url);
      try {
        expect(stream.res.headers['content-type']).to.equal('text/event-stream; charset=utf-8');
        const first = await stream.next();
        expect(first.projects[0].sessions).to.deep.equal([]);

        const session = await opentok.promises.createSession({ mediaMode: 'routed' });
        const created = await stream.next();
        expect(created.projects[0].sessions.map((each) => each.id)).to.deep.equal([session.sessionId]);

        const client = emulator.connectClient({ token: session.generateToken({ data: 'bob' }), sessionId: session.sessionId });
        const connected = await stream.next();
        expect(connected.projects[0].sessions[0].connections.map((each) => each.data)).to.deep.equal(['bob']);

        // Changes made together go out as one snapshot, not one per change.
        client.publish();
        client.publish();
        client.publish();
        const published = await stream.next();
        expect(published.projects[0].sessions[0].streams).to.have.length(3);

        // Nothing changes: nothing is sent.
        const before = stream.received;
        await delay(500);
        expect(stream.received).to.equal(before);
      } finally {
        stream.close();
      }
    });

    it('runs while someone watches and stops once the last one leaves; HEAD does not hang', async () => {
      expect(watcherCount(emulator)).to.equal(0);
      const first = await openStateStream(emulator.url);
      const second = await openStateStream(emulator.url);
      await first.next();
      await second.next();
      expect(watcherCount(emulator)).to.equal(2);
      first.close();
      await waitFor(() => watcherCount(emulator) === 1);
      await opentok.promises.createSession();
      expect((await second.next()).projects[0].sessions).to.have.length(1);
      second.close();
      await waitFor(() => watcherCount(emulator) === 0);

      const head = await request(emulator.url, { method: 'HEAD', path: '/_emulator/state/events', timeoutMs: 2000 });
      expect(head.status).to.equal(200);
      expect(head.headers['content-type']).to.equal('text/event-stream; charset=utf-8');
      expect(watcherCount(emulator)).to.equal(0);
    });

    it('closing the emulator ends the streams', async () => {
      const stream = await openStateStream(emulator.url);
      await stream.next();
      const ended = new Promise((resolve) => stream.res.on('close', resolve));
      await emulator.close();
      await ended;
      expect(watcherCount(emulator)).to.equal(0);
      // afterEach closes it again: a second close must be harmless.
    });
  });

  describe('the buttons: connect, publish, disconnect', () => {
    it('connects a simulated client with a publisher token, publishes from it and disconnects it', async () => {
      const session = await opentok.promises.createSession({ mediaMode: 'routed' });
      const path = `/_emulator/dashboard/sessions/${encodeURIComponent(session.sessionId)}/clients`;
      const origin = emulator.url;
      // As the page sends them: its own origin, same-origin fetch metadata.
      const sameOrigin = { Origin: origin, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' };
      const connected = await request(emulator.url, { method: 'POST', path, headers: sameOrigin, body: '{}' });
      expect(connected.status).to.equal(201);
      expect(connected.json).to.include({ sessionId: session.sessionId, role: 'publisher', data: 'dashboard' });
      const { connectionId } = connected.json;
      expect(emulator.client(connectionId).connected).to.equal(true);

      const published = await request(emulator.url, { method: 'POST', path: `/_emulator/dashboard/connections/${connectionId}/streams`, headers: sameOrigin, body: '{}' });
      expect(published.status).to.equal(201);
      expect(projectState().sessions.get(session.sessionId).streams.get(published.json.streamId)).to.include({ connectionId, name: 'dashboard stream' });

      const gone = await request(emulator.url, { method: 'DELETE', path: `/_emulator/dashboard/connections/${connectionId}`, headers: { Origin: origin } });
      expect(gone.status).to.equal(204);
      expect(emulator.client(connectionId)).to.equal(undefined);
      expect((await request(emulator.url, { method: 'DELETE', path: `/_emulator/dashboard/connections/${connectionId}` })).status).to.equal(404);
      expect((await request(emulator.url, { method: 'POST', path: `/_emulator/dashboard/connections/${connectionId}/streams` })).status).to.equal(404);

      // Not from a browser (no Origin, no fetch metadata): allowed, as for the rest of the emulator's API.
      expect((await request(emulator.url, { method: 'POST', path })).status).to.equal(201);
    });

    it('refuses requests from another origin, including another app on localhost', async () => {
      const session = await opentok.promises.createSession({ mediaMode: 'routed' });
      const client = emulator.connectClient({ token: session.generateToken(), sessionId: session.sessionId });
      const port = new URL(emulator.url).port;
      const targets = [
        ['POST', `/_emulator/dashboard/sessions/${encodeURIComponent(session.sessionId)}/clients`],
        ['POST', `/_emulator/dashboard/connections/${client.connectionId}/streams`],
        ['DELETE', `/_emulator/dashboard/connections/${client.connectionId}`],
      ];
      const crossOrigin = [
        { Origin: 'https://attacker.example' },
        { Origin: 'http://localhost:3000' },
        { Origin: 'null' },
        { Origin: `http://127.0.0.1:${Number(port) + 1}` },
        { 'Sec-Fetch-Site': 'cross-site' },
        { 'Sec-Fetch-Site': 'same-site' },
        { Origin: emulator.url, 'Sec-Fetch-Site': 'same-site' },
        { Host: `attacker.example:${port}`, Origin: `http://attacker.example:${port}`, 'Sec-Fetch-Site': 'same-origin' },
      ];
      for (const [method, path] of targets) {
        for (const headers of crossOrigin) {
          const refused = await request(emulator.url, { method, path, headers: { 'Content-Type': 'text/plain', ...headers }, body: '{}' });
          expect(refused.status, `${method} ${path} ${JSON.stringify(headers)}`).to.equal(403);
        }
      }
      const connections = projectState().sessions.get(session.sessionId).connections;
      expect([...connections.keys()]).to.deep.equal([client.connectionId]);
      expect(projectState().sessions.get(session.sessionId).streams.size).to.equal(0);
    });

    it('answers 404 for an unknown session and 409 for a Vonage application session (no private key kept)', async () => {
      const unknown = await request(emulator.url, { method: 'POST', path: '/_emulator/dashboard/sessions/2_nothing/clients' });
      expect(unknown.status).to.equal(404);
      expect(unknown.json).to.deep.equal({ code: 404, message: 'Session not found' });

      const { applicationId, privateKey } = emulator.createApplication();
      const vonage = new OpenTok(applicationId, privateKey, { apiUrl: emulator.url });
      const session = await vonage.promises.createSession({ mediaMode: 'routed' });
      const refused = await request(emulator.url, { method: 'POST', path: `/_emulator/dashboard/sessions/${encodeURIComponent(session.sessionId)}/clients` });
      expect(refused.status).to.equal(409);
      expect(refused.json.message).to.match(/private key/);
      expect(emulator.projects.get(applicationId).sessions.get(session.sessionId).connections.size).to.equal(0);
    });
  });

  describe('CLI', () => {
    const { startCli, killAll } = cliRunner();

    afterEach(killAll);

    it('prints the dashboard and OpenTok.js stand-in URLs after the listening line, and serves them', async () => {
      const { child, stdout, exited } = await startCli(['--port', '0']);
      const match = /^OpenTok emulator listening on (http:\/\/127\.0\.0\.1:\d+)\nDashboard: (\S+)\nOpenTok\.js stand-in: (\S+)\n/.exec(stdout);
      expect(match, stdout).to.not.equal(null);
      expect(match[2]).to.equal(`${match[1]}/`);
      expect(match[3]).to.equal(`${match[1]}/_emulator/opentok.js`);
      const page = await request(match[2], { path: '/' });
      expect(page.status).to.equal(200);
      expect(page.headers['content-type']).to.equal('text/html; charset=utf-8');
      const script = await request(match[1], { path: '/_emulator/opentok.js' });
      expect(script.status).to.equal(200);
      expect(script.headers['content-type']).to.equal('application/javascript; charset=utf-8');
      child.kill('SIGTERM');
      expect((await exited).code).to.equal(0);
    });
  });
});
