'use strict';
// The emulator itself: REST authentication, event callbacks, fault injection, robustness of the
// HTTP server, its own HTTP API and the CLI.
const crypto = require('crypto');
const net = require('net');
const { expect } = require('chai');
const jwt = require('jsonwebtoken');
const OpenTok = require('opentok');
const { Emulator } = require('opentok/emulator');
const { parseEvent } = require('opentok/webhooks');
const { call, cliRunner, request, startReceiver, waitFor } = require('./support');


/**
 * A HS256 REST JWT with the given claims over the defaults of a valid one of `project` (an
 * `undefined` claim is left out). Signed by hand so that claims of any type can be sent.
 */
function restJwt(project, claims = {}, secret = project.apiSecret) {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ iss: project.apiKey, ist: 'project', iat: now, exp: now + 300, ...claims })}`;
  return `${signed}.${crypto.createHmac('sha256', secret).update(signed).digest('base64url')}`;
}

/**
 * Writes raw bytes to a fresh socket to the server and resolves with everything it answers (as
 * latin1 text) once it closes the connection, or after 500 ms of silence.
 */
function rawExchange(baseUrl, bytes) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    const chunks = [];
    const finish = () => {
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    socket.setTimeout(500, finish);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', finish);
    socket.on('error', finish);
    socket.write(bytes);
  });
}

describe('emulator server', function () {
  let emulator;
  let opentok;

  before(async () => {
    emulator = await Emulator.start({ archiveProcessingMs: 20 });
    opentok = new OpenTok(emulator.project.apiKey, emulator.project.apiSecret, { apiUrl: emulator.url });
  });

  after(async () => {
    await emulator.close();
  });

  afterEach(() => {
    emulator.faults.clear();
  });

  async function routedSession() {
    const [err, session] = await call((cb) => opentok.createSession({ mediaMode: 'routed' }, cb));
    expect(err).to.equal(null);
    return session;
  }

  describe('REST authentication', () => {
    const archivePath = () => `/v2/project/${emulator.project.apiKey}/archive`;

    async function expect403(headers, message) {
      const response = await request(emulator.url, { path: archivePath(), headers });
      expect(response.status, JSON.stringify(response.json)).to.equal(403);
      expect(response.headers['content-type']).to.equal('application/json; charset=utf-8');
      expect(response.json).to.deep.equal({ code: 403, message });
    }

    it('accepts a valid X-OPENTOK-AUTH JWT (control)', async () => {
      const response = await request(emulator.url, { path: archivePath(), headers: { 'X-OPENTOK-AUTH': restJwt(emulator.project) } });
      expect(response.status).to.equal(200);
      expect(response.json).to.deep.equal({ count: 0, items: [] });
    });

    it('refuses a missing header', async () => {
      await expect403({}, 'Authentication required');
      await expect403({ 'X-OPENTOK-AUTH': '' }, 'Authentication required');
      await expect403({ Authorization: 'Basic dXNlcjpwYXNz' }, 'Authentication required');
    });

    it('refuses a JWT signed with a wrong secret', async () => {
      await expect403({ 'X-OPENTOK-AUTH': restJwt(emulator.project, {}, 'wrong-secret') }, 'Invalid token: invalid signature');
    });

    it('refuses an expired JWT', async () => {
      const now = Math.floor(Date.now() / 1000);
      await expect403({ 'X-OPENTOK-AUTH': restJwt(emulator.project, { iat: now - 400, exp: now - 100 }) }, 'Invalid token: jwt expired');
    });

    it('refuses a JWT issued after its clock with the service\'s message', async () => {
      const now = Math.floor(Date.now() / 1000);
      await expect403({ 'X-OPENTOK-AUTH': restJwt(emulator.project, { iat: now + 60, exp: now + 300 }) }, 'issued time cannot be greater than current time');
    });

    it('refuses a JWT without exp or living longer than 300 s', async () => {
      const now = Math.floor(Date.now() / 1000);
      await expect403({ 'X-OPENTOK-AUTH': restJwt(emulator.project, { exp: undefined }) }, 'Invalid token: exp is required');
      await expect403({ 'X-OPENTOK-AUTH': restJwt(emulator.project, { iat: now, exp: now + 301 }) }, 'Invalid token: lifetime exceeds 300 seconds');
    });

    it('refuses a wrong issuer', async () => {
      await expect403({ 'X-OPENTOK-AUTH': restJwt(emulator.project, { iss: '99999999' }) }, 'Invalid token: unknown API key');
      await expect403({ 'X-OPENTOK-AUTH': restJwt(emulator.project, { iss: undefined }) }, 'Invalid token: unknown API key');
      // Another known project's key as issuer, signed with this project's secret.
      const other = emulator.createProject();
      await expect403({ 'X-OPENTOK-AUTH': restJwt(emulator.project, { iss: other.apiKey }) }, 'Invalid token: invalid signature');
    });

    it('refuses ist other than "project"', async () => {
      await expect403({ 'X-OPENTOK-AUTH': restJwt(emulator.project, { ist: 'account' }) }, 'Invalid token: ist must be "project"');
      await expect403({ 'X-OPENTOK-AUTH': restJwt(emulator.project, { ist: undefined }) }, 'Invalid token: ist must be "project"');
    });

    it('refuses a JWT of project A on project B\'s path', async () => {
      const other = emulator.createProject();
      await expect403({ 'X-OPENTOK-AUTH': restJwt(other) }, 'The token does not grant access to this project');
    });

    it('refuses malformed tokens and other algorithms', async () => {
      const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
      for (const token of ['garbage', 'a.b.c', `${header}.${Buffer.from('{oops').toString('base64url')}.c2ln`, `${header}.${Buffer.from('"str"').toString('base64url')}.c2ln`]) {
        await expect403({ 'X-OPENTOK-AUTH': token }, 'Invalid token: not a JWT');
      }
      const now = Math.floor(Date.now() / 1000);
      const claims = { iss: emulator.project.apiKey, ist: 'project', iat: now, exp: now + 300 };
      const unsigned = jwt.sign(claims, null, { algorithm: 'none' });
      await expect403({ 'X-OPENTOK-AUTH': unsigned }, 'Invalid token: jwt signature is required');
      const hs384 = jwt.sign(claims, emulator.project.apiSecret, { algorithm: 'HS384' });
      await expect403({ 'X-OPENTOK-AUTH': hs384 }, 'Invalid token: invalid algorithm');
    });

    it('refuses a Bearer token of an unknown application', async () => {
      await expect403({ Authorization: `Bearer ${restJwt(emulator.project, { application_id: 'nope' })}` }, 'Invalid token: unknown application');
      await expect403({ Authorization: 'Bearer garbage' }, 'Invalid token: not a JWT');
    });

    it('gives the SDK an AuthError for a wrong secret', async () => {
      const wrong = new OpenTok(emulator.project.apiKey, 'wrong', { apiUrl: emulator.url });
      const [err, ...rest] = await call((cb) => wrong.listArchives(cb));
      expect(rest).to.deep.equal([]);
      expect(err).to.be.instanceOf(OpenTok.AuthError);
      expect(err.message).to.equal('Invalid API key or secret');
      expect(err.statusCode).to.equal(403);
    });
  });

  describe('event callbacks', () => {
    let receiver;

    beforeEach(async () => {
      receiver = await startReceiver();
    });

    afterEach(async () => {
      const [, callbacks] = await call((cb) => opentok.listCallbacks(cb));
      for (const callback of callbacks) await call((cb) => callback.unregister(cb));
      await emulator.events.settled();
      await receiver.close();
    });

    async function register(group, event) {
      const [err, callback] = await call((cb) => opentok.registerCallback({ group, event, url: receiver.url(`/${group}/${event}`) }, cb));
      expect(err).to.equal(null);
      return callback;
    }

    /** Waits for deliveries in flight and returns (and forgets) what the receiver got. */
    async function take() {
      await emulator.events.settled();
      return receiver.received.splice(0);
    }

    it('POSTs connection, stream and archive events to the registered URLs', async () => {
      for (const [group, event] of [
        ['connection', 'created'],
        ['connection', 'destroyed'],
        ['stream', 'created'],
        ['stream', 'destroyed'],
        ['archive', 'status'],
      ]) {
        await register(group, event);
      }
      const session = await routedSession();
      const sessionId = session.sessionId;
      const projectId = emulator.project.apiKey;
      expect(await take()).to.deep.equal([]);

      const client = emulator.connectClient({ token: session.generateToken({ data: 'alice' }) });
      const [created] = await take();
      expect(created).to.include({ method: 'POST', url: '/connection/created' });
      expect(created.headers['content-type']).to.equal('application/json');
      expect(created.body).to.include({ sessionId, projectId, event: 'connectionCreated' });
      expect(created.body.timestamp).to.be.a('number');
      expect(created.body.connection).to.deep.include({ id: client.connectionId, data: 'alice' });

      const streamId = client.publish({ name: 'alice-cam' });
      const [streamCreated, ...noMore] = await take();
      expect(noMore).to.deep.equal([]);
      expect(streamCreated.url).to.equal('/stream/created');
      expect(streamCreated.body).to.include({ sessionId, projectId, event: 'streamCreated' });
      expect(streamCreated.body.stream).to.deep.include({ id: streamId, name: 'alice-cam', videoType: 'camera' });
      expect(streamCreated.body.stream.connection).to.deep.include({ id: client.connectionId, data: 'alice' });

      const [, archive] = await call((cb) => opentok.startArchive(sessionId, { name: 'evt' }, cb));
      const [started] = await take();
      expect(started.url).to.equal('/archive/status');
      expect(started.body).to.include({ id: archive.id, status: 'started', projectId, sessionId, name: 'evt' });
      expect(started.body).to.not.have.any.keys('event', 'partnerId', 'sha256sum');
      expect(started.body.updatedAt).to.be.a('number');

      await call((cb) => opentok.stopArchive(archive.id, cb));
      const [stopped] = await take();
      expect(stopped.body).to.include({ id: archive.id, status: 'stopped', reason: 'user initiated' });
      await waitFor(() => emulator.projects.get(projectId).archives.get(archive.id).status === 'available');
      const [available] = await take();
      expect(available.body).to.include({ id: archive.id, status: 'available', url: `${emulator.url}/_emulator/archives/${archive.id}/download` });
      expect(available.body.size).to.be.above(0);
      expect(available.body.sha256sum).to.match(/^[0-9a-f]{64}$/);

      client.unpublish(streamId);
      const [streamDestroyed] = await take();
      expect(streamDestroyed.url).to.equal('/stream/destroyed');
      expect(streamDestroyed.body).to.include({ sessionId, event: 'streamDestroyed', reason: 'clientDisconnected' });
      expect(streamDestroyed.body.stream.id).to.equal(streamId);

      client.disconnect();
      const [destroyed] = await take();
      expect(destroyed.url).to.equal('/connection/destroyed');
      expect(destroyed.body).to.include({ sessionId, event: 'connectionDestroyed', reason: 'clientDisconnected' });
      expect(destroyed.body.connection.id).to.equal(client.connectionId);

      const delivered = emulator.events.delivered.filter((entry) => entry.url.startsWith(receiver.url('/')));
      expect(delivered.map((entry) => entry.status)).to.deep.equal([200, 200, 200, 200, 200, 200, 200]);
    });

    it('reports forceDisconnect in the destroyed events and delivers nothing once unregistered', async () => {
      const connectionCallback = await register('connection', 'destroyed');
      await register('stream', 'destroyed');
      const session = await routedSession();
      const client = emulator.connectClient({ token: session.generateToken() });
      const streamId = client.publish();
      await call((cb) => opentok.forceDisconnect(session.sessionId, client.connectionId, cb));
      const events = await take();
      expect(events.map((event) => [event.url, event.body.reason])).to.deep.equal([
        ['/stream/destroyed', 'forceDisconnected'],
        ['/connection/destroyed', 'forceDisconnected'],
      ]);
      expect(events[0].body.stream.id).to.equal(streamId);

      await call((cb) => connectionCallback.unregister(cb));
      emulator.connectClient({ token: session.generateToken() }).disconnect();
      expect(await take()).to.deep.equal([]);
    });

    it('does not deliver events of one project to another project\'s callbacks', async () => {
      await register('connection', 'created');
      const second = emulator.createProject();
      const ot2 = new OpenTok(second.apiKey, second.apiSecret, { apiUrl: emulator.url });
      const [, session2] = await call((cb) => ot2.createSession(cb));
      emulator.connectClient({ token: session2.generateToken() });
      expect(await take()).to.deep.equal([]);
    });

    it('records a failed delivery without breaking the request that caused it', async () => {
      const closed = await startReceiver();
      const deadUrl = closed.url('/dead');
      await closed.close();
      const [, callback] = await call((cb) => opentok.registerCallback({ group: 'connection', event: 'created', url: deadUrl }, cb));
      const session = await routedSession();
      const client = emulator.connectClient({ token: session.generateToken() });
      expect(client.connected).to.equal(true);
      await emulator.events.settled();
      const failed = emulator.events.delivered.filter((entry) => entry.url === deadUrl);
      expect(failed).to.have.length(1);
      expect(failed[0].status).to.equal(undefined);
      expect(failed[0].error).to.contain('ECONNREFUSED');
      await call((cb) => callback.unregister(cb));
    });

    it('reports render status changes to the render/status callbacks, parseable by opentok/webhooks', async () => {
      await register('render', 'status');
      const session = await routedSession();
      const options = { sessionId: session.sessionId, token: session.generateToken(), url: 'https://example.com/page' };
      const [err, render] = await call((cb) => opentok.startRender(options, cb));
      expect(err).to.equal(null);
      const [started, ...noMore] = await take();
      expect(noMore).to.deep.equal([]);
      expect(started).to.include({ method: 'POST', url: '/render/status' });
      expect(started.headers['content-type']).to.equal('application/json');
      expect(started.body).to.deep.equal({ id: render.id, sessionId: session.sessionId, streamId: render.streamId, status: 'started', reason: '' });
      const parsed = parseEvent(started.body);
      expect(parsed).to.include({ type: 'renderStatus', id: render.id, status: 'started' });

      await call((cb) => opentok.stopRender(render.id, cb));
      const [stopped] = await take();
      expect(stopped.body).to.deep.equal({ id: render.id, sessionId: session.sessionId, streamId: render.streamId, status: 'stopped', reason: 'Stop Requested' });
      expect(parseEvent(stopped.body)).to.include({ type: 'renderStatus', status: 'stopped' });
      // Stopping again changes nothing and reports nothing.
      await call((cb) => opentok.stopRender(render.id, cb));
      expect(await take()).to.deep.equal([]);
    });

    it('sends a render\'s status changes to its statusCallbackUrl instead, when startRender gave one', async () => {
      await register('render', 'status');
      const session = await routedSession();
      const options = {
        sessionId: session.sessionId,
        token: session.generateToken(),
        url: 'https://example.com/page',
        statusCallbackUrl: receiver.url('/own-url'),
      };
      const [, render] = await call((cb) => opentok.startRender(options, cb));
      await call((cb) => opentok.stopRender(render.id, cb));
      const events = await take();
      expect(events.map((event) => [event.url, event.body.status])).to.deep.equal([
        ['/own-url', 'started'],
        ['/own-url', 'stopped'],
      ]);
      expect(events[0].body).to.deep.equal({ id: render.id, sessionId: session.sessionId, streamId: render.streamId, status: 'started', reason: '' });
    });

    it('reports live captions Started and Stopped to the captions/status callbacks', async () => {
      await register('captions', 'status');
      const session = await routedSession();
      const projectId = emulator.project.apiKey;
      const [err, captionsId] = await call((cb) => opentok.startCaptions(session.sessionId, session.generateToken(), {}, cb));
      expect(err).to.equal(null);
      const [started, ...noMore] = await take();
      expect(noMore).to.deep.equal([]);
      expect(started.url).to.equal('/captions/status');
      expect(started.body).to.include({
        captionId: captionsId,
        projectId,
        sessionId: session.sessionId,
        status: 'Started',
        duration: 0,
        languageCode: 'en-US',
        provider: 'aws-transcribe',
        group: 'captions',
      });
      expect(started.body.createdAt).to.equal(started.body.updatedAt);
      expect(parseEvent(started.body)).to.include({ type: 'captionsStatus', captionsId, status: 'Started' });

      await call((cb) => opentok.stopCaptions(captionsId, cb));
      const [stopped] = await take();
      expect(stopped.body).to.include({ captionId: captionsId, status: 'Stopped', createdAt: started.body.createdAt });
      expect(stopped.body.updatedAt).to.be.at.least(started.body.updatedAt);
      expect(parseEvent(stopped.body)).to.include({ type: 'captionsStatus', captionsId, status: 'Stopped' });
    });
  });

  describe('a skewed clock (clockSkewMs)', () => {
    for (const skewMs of [-10 * 60000, 10 * 60000]) {
      const label = skewMs > 0 ? 'ahead' : 'behind';
      it(`${label} by 10 minutes: its Date header tells its time, and REST JWTs are checked against it`, async () => {
        const skewed = await Emulator.start({ clockSkewMs: skewMs });
        try {
          expect(skewed.options.clockSkewMs).to.equal(skewMs);
          const path = `/v2/project/${skewed.project.apiKey}/archive`;
          const serviceNow = Math.floor((Date.now() + skewMs) / 1000);
          // A JWT dated by the emulator's clock is accepted, and the Date header says that clock.
          const ok = await request(skewed.url, { path, headers: { 'X-OPENTOK-AUTH': restJwt(skewed.project, { iat: serviceNow, exp: serviceNow + 300 }) } });
          expect(ok.status).to.equal(200);
          expect(Math.abs(Date.parse(ok.headers.date) / 1000 - serviceNow)).to.be.at.most(2);
          // One dated by this machine's clock is refused for its time.
          const refused = await request(skewed.url, { path, headers: { 'X-OPENTOK-AUTH': restJwt(skewed.project) } });
          expect(refused.status).to.equal(403);
          expect(refused.json.message).to.equal(skewMs > 0 ? 'Invalid token: jwt expired' : 'issued time cannot be greater than current time');
          expect(Math.abs(Date.parse(refused.headers.date) / 1000 - serviceNow)).to.be.at.most(2);
        } finally {
          await skewed.close();
        }
      });
    }

    it('refuses a clockSkewMs that is not a finite number', async () => {
      for (const clockSkewMs of [NaN, Infinity, '1000', {}]) {
        let failure;
        await Emulator.start({ clockSkewMs }).then((started) => started.close(), (error) => (failure = error));
        expect(failure, String(clockSkewMs)).to.be.instanceOf(TypeError);
        expect(failure.message).to.equal('clockSkewMs must be a finite number of milliseconds');
      }
    });

    it('without a skew, the Date header is the machine\'s', async () => {
      const response = await request(emulator.url, { path: '/_emulator/project' });
      expect(Math.abs(Date.parse(response.headers.date) - Date.now())).to.be.below(2000);
      expect(emulator.options.clockSkewMs).to.equal(0);
    });
  });

  describe('fault injection', () => {
    it('latencyMs delays every request by at least that long', async () => {
      const slow = await Emulator.start({ latencyMs: 150 });
      try {
        const ot = new OpenTok(slow.project.apiKey, slow.project.apiSecret, { apiUrl: slow.url });
        const started = Date.now();
        const [err, items] = await call((cb) => ot.listArchives(cb));
        expect(err).to.equal(null);
        expect(items).to.deep.equal([]);
        expect(Date.now() - started).to.be.at.least(150);
      } finally {
        await slow.close();
      }
    });

    it('delayMs delays only the matching requests', async () => {
      emulator.faults.add({ path: '/archive', delayMs: 400 });
      let started = Date.now();
      expect((await call((cb) => opentok.listArchives(cb)))[0]).to.equal(null);
      expect(Date.now() - started).to.be.at.least(400);
      started = Date.now();
      expect((await call((cb) => opentok.listBroadcasts(cb)))[0]).to.equal(null);
      expect(Date.now() - started).to.be.below(400);
    });

    it('forces a status: the SDK gets the mapped error, and `times` expires the rule', async () => {
      emulator.faults.add({ method: 'GET', path: '/archive', status: 500, body: { message: 'boom' }, times: 2 });
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const args = await call((cb) => opentok.listArchives(cb));
        expect(args).to.have.length(1);
        expect(args[0]).to.be.instanceOf(OpenTok.RequestError);
        expect(args[0].message).to.equal('Unexpected response from OpenTok: "{"message":"boom"}"');
        expect(args[0].statusCode).to.equal(500);
        expect(args[0].body).to.deep.equal({ message: 'boom' });
      }
      const [err, items] = await call((cb) => opentok.listArchives(cb));
      expect(err).to.equal(null);
      expect(items).to.be.an('array');
    });

    it('maps forced 403/404 statuses and the default fault body', async () => {
      emulator.faults.add({ path: /\/broadcast$/, status: 403, times: 1 });
      emulator.faults.add({ path: /\/broadcast$/, status: 404, times: 1 });
      emulator.faults.add({ path: /\/broadcast$/, status: 502, times: 1 });
      const [auth] = await call((cb) => opentok.listBroadcasts(cb));
      expect(auth).to.be.instanceOf(OpenTok.AuthError);
      const [notFound] = await call((cb) => opentok.listBroadcasts(cb));
      expect(notFound).to.be.instanceOf(OpenTok.NotFoundError);
      const [bad] = await call((cb) => opentok.listBroadcasts(cb));
      expect(bad.message).to.equal('Unexpected response from OpenTok: "{"message":"Injected fault"}"');
      expect(bad.statusCode).to.equal(502);
      expect((await call((cb) => opentok.listBroadcasts(cb)))[0]).to.equal(null);
    });

    it('matches methods and removes a rule with the function add() returns', async () => {
      const remove = emulator.faults.add({ method: 'post', path: '/session/create', status: 503 });
      const [failed] = await call((cb) => opentok.createSession(cb));
      expect(failed.message).to.equal('Failed to createSession. Error: Unexpected response from OpenTok: "{"message":"Injected fault"}"');
      expect(failed.statusCode).to.equal(503);
      expect((await call((cb) => opentok.listArchives(cb)))[0], 'GET unaffected').to.equal(null);
      remove();
      expect((await call((cb) => opentok.createSession(cb)))[0]).to.equal(null);
    });

    it('sends the headers of a rule: Retry-After with a forced 503', async () => {
      emulator.faults.add({ path: '/_emulator/project', status: 503, headers: { 'Retry-After': '7' }, times: 1 });
      const response = await request(emulator.url, { path: '/_emulator/project' });
      expect(response.status).to.equal(503);
      expect(response.headers['retry-after']).to.equal('7');
      expect(response.headers['content-type']).to.equal('application/json; charset=utf-8');
    });

    it('"fail twice, then succeed" with Retry-After: a client with maxRetries 2 succeeds, one with 1 gets the error and its attempts', async () => {
      const path = `/v2/project/${emulator.project.apiKey}/archive`;
      const rule = { method: 'GET', path, status: 503, headers: { 'Retry-After': '0' }, times: 2 };
      const patient = new OpenTok(emulator.project.apiKey, emulator.project.apiSecret, { apiUrl: emulator.url, maxRetries: 2 });
      emulator.faults.add(rule);
      const [err, items] = await call((cb) => patient.listArchives(cb));
      expect(err).to.equal(null);
      expect(items).to.be.an('array');
      const hasty = new OpenTok(emulator.project.apiKey, emulator.project.apiSecret, { apiUrl: emulator.url, maxRetries: 1 });
      emulator.faults.add(rule);
      const [failed] = await call((cb) => hasty.listArchives(cb));
      expect(failed).to.be.instanceOf(OpenTok.RequestError);
      expect(failed.message).to.equal('Unexpected response from OpenTok: "{"message":"Injected fault"}" (2 attempts)');
      expect(failed.attempts).to.equal(2);
      emulator.faults.clear();
    });

    it('a rule is copied with its headers: changing them afterwards changes nothing', async () => {
      const headers = { 'Retry-After': '1' };
      emulator.faults.add({ path: '/_emulator/project', status: 429, headers, times: 1 });
      headers['Retry-After'] = '99';
      const response = await request(emulator.url, { path: '/_emulator/project' });
      expect(response.headers['retry-after']).to.equal('1');
    });

    it('resets the connection: the SDK gets a RequestError with a cause', async () => {
      emulator.faults.add({ path: '/archive', reset: true, times: 1 });
      const args = await call((cb) => opentok.listArchives(cb));
      expect(args).to.have.length(1);
      const [err] = args;
      expect(err).to.be.instanceOf(OpenTok.RequestError);
      expect(err.message).to.equal(`request to ${emulator.url}/v2/project/${emulator.project.apiKey}/archive failed, reason: socket hang up`);
      expect(err.cause).to.be.instanceOf(Error);
      expect(err.cause.code).to.equal('ECONNRESET');
      expect(err).to.not.have.property('statusCode');
      expect((await call((cb) => opentok.listArchives(cb)))[0]).to.equal(null);
    });

    it('applies faults given at start', async () => {
      const faulty = await Emulator.start({ faults: [{ path: '/_emulator/project', status: 418, body: { message: 'teapot' }, times: 1 }] });
      try {
        const first = await request(faulty.url, { path: '/_emulator/project' });
        expect(first.status).to.equal(418);
        expect(first.json).to.deep.equal({ message: 'teapot' });
        expect((await request(faulty.url, { path: '/_emulator/project' })).status).to.equal(200);
      } finally {
        await faulty.close();
      }
    });
  });

  describe('robustness', () => {
    const auth = () => ({ 'X-OPENTOK-AUTH': restJwt(emulator.project) });
    const archivePath = () => `/v2/project/${emulator.project.apiKey}/archive`;

    it('answers 413 to a body over 1 MiB (declared or chunked) and accepts exactly 1 MiB', async () => {
      const big = Buffer.alloc(1024 * 1024 + 1, 0x20);
      const declared = await request(emulator.url, { method: 'POST', path: archivePath(), headers: { ...auth(), 'Content-Type': 'application/json' }, body: big });
      expect(declared.status).to.equal(413);
      expect(declared.json).to.deep.equal({ code: 413, message: 'Request entity too large' });

      const chunked = await request(emulator.url, {
        method: 'POST',
        path: archivePath(),
        headers: { ...auth(), 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
        body: big,
      });
      expect(chunked.status).to.equal(413);

      const exact = Buffer.alloc(1024 * 1024, 0x20);
      exact.write('{"sessionId":"nope"}');
      const accepted = await request(emulator.url, { method: 'POST', path: archivePath(), headers: { ...auth(), 'Content-Type': 'application/json' }, body: exact });
      expect(accepted.status).to.equal(404);
      expect(accepted.json).to.deep.equal({ code: 404, message: 'Session not found' });
    });

    it('answers 400 to malformed JSON', async () => {
      const response = await request(emulator.url, {
        method: 'POST',
        path: archivePath(),
        headers: { ...auth(), 'Content-Type': 'application/json' },
        body: '{"sessionId": ',
      });
      expect(response.status).to.equal(400);
      expect(response.json).to.deep.equal({ code: 400, message: 'Malformed JSON body' });
      // Authentication comes first: an anonymous caller learns nothing about its body.
      const anonymous = await request(emulator.url, { method: 'POST', path: archivePath(), headers: { 'Content-Type': 'application/json' }, body: '{"sessionId": ' });
      expect(anonymous.status).to.equal(403);
      expect(anonymous.json).to.deep.equal({ code: 403, message: 'Authentication required' });
      const anonymousBig = await request(emulator.url, { method: 'POST', path: archivePath(), headers: { 'Content-Type': 'application/json' }, body: Buffer.alloc(2 * 1024 * 1024, 0x20) });
      expect(anonymousBig.status).to.equal(403);
    });

    it('answers 404 to an unknown path and 405 to a wrong method on a known path', async () => {
      const unknown = await request(emulator.url, { path: '/v2/nothing/here', headers: auth() });
      expect(unknown.status).to.equal(404);
      expect(unknown.json).to.deep.equal({ code: 404, message: 'Not Found' });
      const wrongMethod = await request(emulator.url, { method: 'PUT', path: archivePath(), headers: auth() });
      expect(wrongMethod.status).to.equal(405);
      expect(wrongMethod.json).to.deep.equal({ code: 405, message: 'Method Not Allowed' });
      const wrongMethodOwnApi = await request(emulator.url, { method: 'DELETE', path: '/_emulator/project' });
      expect(wrongMethodOwnApi.status).to.equal(405);
    });

    it('a 405 says in Allow which methods the path answers (HEAD wherever GET)', async () => {
      const wrongMethod = await request(emulator.url, { method: 'PUT', path: archivePath(), headers: auth() });
      expect(wrongMethod.status).to.equal(405);
      expect(wrongMethod.headers.allow.split(', ').sort()).to.deep.equal(['GET', 'HEAD', 'POST']);
      const ownApi = await request(emulator.url, { method: 'DELETE', path: '/_emulator/project' });
      expect(ownApi.headers.allow.split(', ')).to.include.members(['GET', 'HEAD']);
      expect(ownApi.headers.allow.split(', ')).to.not.include('DELETE');
    });

    it('HEAD is answered like GET, headers only: same status, type and length, no body', async () => {
      const get = await request(emulator.url, { path: archivePath(), headers: auth() });
      const head = await request(emulator.url, { method: 'HEAD', path: archivePath(), headers: auth() });
      expect(get.status).to.equal(200);
      expect(head.status).to.equal(200);
      expect(head.text).to.equal('');
      expect(head.headers['content-type']).to.equal(get.headers['content-type']);
      expect(head.headers['content-length']).to.equal(String(Buffer.byteLength(get.text)));
      // Authentication still applies, and an unknown path is still a 404.
      expect((await request(emulator.url, { method: 'HEAD', path: archivePath() })).status).to.equal(403);
      expect((await request(emulator.url, { method: 'HEAD', path: '/v2/nothing/here', headers: auth() })).status).to.equal(404);
    });

    it('answers 400 to malformed percent-encoding and odd request targets', async () => {
      const malformed = await request(emulator.url, { path: `${archivePath()}/%E0%A4%A`, headers: auth() });
      expect(malformed.status).to.equal(400);
      expect(malformed.json).to.deep.equal({ code: 400, message: 'Malformed percent-encoding in the path' });
      const badKey = await request(emulator.url, { path: '/v2/project/%zz/archive', headers: auth() });
      expect(badKey.status).to.equal(400);
      // `//` used to make URL parsing throw, and the socket was destroyed without an answer.
      const doubleSlash = await request(emulator.url, { path: '//' });
      expect(doubleSlash.status).to.equal(404);
      const hostLike = await request(emulator.url, { path: '//evil.example.com/_emulator/project' });
      expect(hostLike.status).to.equal(404);
      const asterisk = await request(emulator.url, { method: 'OPTIONS', path: '*' });
      expect(asterisk.status).to.equal(400);
      expect(asterisk.json).to.deep.equal({ code: 400, message: 'Malformed request target' });
      const absolute = await request(emulator.url, { path: `${emulator.url}/_emulator/project?x=1` });
      expect(absolute.status).to.equal(200);
      expect(absolute.json.apiKey).to.equal(emulator.project.apiKey);
    });

    it('answers unparseable requests with 400 and oversized headers with 431', async () => {
      const garbage = await rawExchange(emulator.url, 'GARBAGE\r\n\r\n');
      expect(garbage).to.match(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(garbage).to.contain('{"code":400,"message":"Bad Request"}');
      const huge = await rawExchange(emulator.url, `GET /_emulator/project HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20000)}\r\n\r\n`);
      expect(huge).to.match(/^HTTP\/1\.1 431 /);
      const badLength = await rawExchange(emulator.url, 'POST /session/create HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n');
      expect(badLength).to.match(/^HTTP\/1\.1 400 /);
    });

    it('survives a seeded fuzz of random methods, paths, bodies and headers', async function () {
      this.timeout(20000);
      // mulberry32: a small deterministic PRNG.
      let seed = 0x5eed1234;
      const random = () => {
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const pick = (items) => items[Math.floor(random() * items.length)];
      const randomText = (length) => Array.from({ length }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join('');

      const session = await routedSession();
      const client = emulator.connectClient({ token: session.generateToken() });
      const streamId = client.publish();
      const [, archive] = await call((cb) => opentok.startArchive(session.sessionId, cb));
      const [, broadcast] = await call((cb) => opentok.startBroadcast(session.sessionId, { outputs: { hls: {} } }, cb));
      const apiKey = emulator.project.apiKey;
      const other = emulator.createProject();
      const ids = {
        K: () => (random() < 0.9 ? apiKey : pick([other.apiKey, '%zz', ''])),
        S: () => (random() < 0.85 ? session.sessionId : pick(['nope', '%E0%A4%A', '__proto__'])),
        A: () => (random() < 0.85 ? archive.id : pick(['nope', '%2F', 'constructor'])),
        B: () => (random() < 0.85 ? broadcast.id : pick(['nope', '%'])),
        ST: () => (random() < 0.85 ? streamId : pick(['nope', '%00'])),
        C: () => (random() < 0.85 ? client.connectionId : pick(['nope', '%41'])),
        X: () => pick(['nope', '..', randomText(6).replace(/[^A-Za-z0-9]/g, 'x')]),
      };
      const templates = [
        ['POST', '/session/create'],
        ['POST', '/v2/project/{K}/archive'], ['GET', '/v2/project/{K}/archive'], ['GET', '/v2/project/{K}/archive/{A}'],
        ['DELETE', '/v2/project/{K}/archive/{A}'], ['POST', '/v2/project/{K}/archive/{A}/stop'],
        ['PATCH', '/v2/project/{K}/archive/{A}/streams'], ['PUT', '/v2/project/{K}/archive/{A}/layout'],
        ['POST', '/v2/project/{K}/broadcast'], ['GET', '/v2/project/{K}/broadcast'], ['GET', '/v2/project/{K}/broadcast/{B}'],
        ['POST', '/v2/project/{K}/broadcast/{B}/stop'], ['PATCH', '/v2/project/{K}/broadcast/{B}/streams'],
        ['PUT', '/v2/project/{K}/broadcast/{B}/layout'], ['POST', '/v2/project/{K}/dial'], ['POST', '/v2/project/{K}/connect'],
        ['POST', '/v2/project/{K}/session/{S}/play-dtmf'], ['POST', '/v2/project/{K}/session/{S}/connection/{C}/play-dtmf'],
        ['GET', '/v2/project/{K}/session/{S}/stream'], ['PUT', '/v2/project/{K}/session/{S}/stream'],
        ['GET', '/v2/project/{K}/session/{S}/stream/{ST}'], ['POST', '/v2/project/{K}/session/{S}/stream/{ST}/mute'],
        ['POST', '/v2/project/{K}/session/{S}/mute'], ['DELETE', '/v2/project/{K}/session/{S}/connection/{C}'],
        ['POST', '/v2/project/{K}/session/{S}/signal'], ['POST', '/v2/project/{K}/session/{S}/connection/{C}/signal'],
        ['POST', '/v2/project/{K}/captions'], ['POST', '/v2/project/{K}/captions/{X}/stop'],
        ['POST', '/v2/project/{K}/render'], ['GET', '/v2/project/{K}/render'], ['GET', '/v2/project/{K}/render/{X}'],
        ['DELETE', '/v2/project/{K}/render/{X}'], ['POST', '/v2/project/{K}/callback'], ['GET', '/v2/project/{K}/callback'],
        ['DELETE', '/v2/project/{K}/callback/{X}'], ['GET', '/_emulator/project'], ['POST', '/_emulator/connections'],
        ['POST', '/_emulator/connections/{C}/streams'], ['DELETE', '/_emulator/connections/{C}'],
        ['GET', '/_emulator/archives/{A}/download'], ['GET', '/_emulator/broadcasts/{B}/index.m3u8'],
      ];
      const queries = ['', '', '', '?offset=1&count=2', '?count=0', '?count=5000', '?offset=-1', '?offset=x&count=%zz', `?sessionId=${session.sessionId}`];
      const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
      const token = () => pick([session.generateToken(), session.generateToken({ role: 'subscriber' }), 'x', 1, null]);
      const bodies = [
        () => undefined,
        () => '',
        () => '{',
        () => 'null',
        () => '[]',
        () => '"text"',
        () => '12',
        () => JSON.stringify({ sessionId: pick([session.sessionId, 42, null, {}]), token: token(), name: pick(['n', 1]), multiArchiveTag: pick([undefined, 't', 3]) }),
        () => JSON.stringify({ sessionId: session.sessionId, hasAudio: pick([true, false, 'no']), hasVideo: pick([false, null]), outputMode: pick(['individual', 1]), resolution: pick(['1x1', '1280x720', 5]), streamMode: pick(['manual', 'auto', {}]) }),
        () => JSON.stringify({ sessionId: pick([session.sessionId, 42]), outputs: pick([{}, { hls: null }, { hls: 'x' }, { hls: { dvr: true, lowLatency: true } }, { rtmp: 'x' }, { rtmp: [null] }, { rtmp: [{}] }, null]), maxDuration: pick([undefined, 1, 'x', 600]), multiBroadcastTag: pick([undefined, 'x']) }),
        () => JSON.stringify(pick([null, 'x', [], { type: 'custom' }, { type: 'pip', stylesheet: 'x' }, { type: 'bestFit', screenshareType: pick(['pip', 1]) }, { type: 1 }])),
        () => JSON.stringify({ items: pick([null, [null], [{ id: streamId, layoutClassList: [1] }], [{ id: streamId, layoutClassList: ['a'] }], 'x']) }),
        () => JSON.stringify({ active: pick([true, false, 'yes', null]), excludedStreamIds: pick([undefined, null, [1], [streamId], 'x']) }),
        () => JSON.stringify({ addStream: pick([streamId, 1, null, undefined]), removeStream: pick([streamId, {}, undefined]), hasAudio: pick([false, undefined]), hasVideo: pick([false, undefined]) }),
        () => JSON.stringify({ group: pick(['connection', 'x', 1]), event: pick(['created', '', null]), url: pick(['http://127.0.0.1:9/', 'ftp://x', 3]) }),
        () => JSON.stringify({ sessionId: session.sessionId, token: token(), sip: pick([null, {}, { uri: 'sip:a@b.example.com' }, { uri: 'bogus' }, 'x']) }),
        () => JSON.stringify({ sessionId: session.sessionId, token: token(), websocket: pick([null, { uri: 'ws://x' }, { uri: 1 }, []]) }),
        () => JSON.stringify({ sessionId: session.sessionId, token: token(), url: pick(['https://a.example.com', 'x', null]), resolution: pick([undefined, 'x', 1]) }),
        () => JSON.stringify({ sessionId: session.sessionId, token: token(), languageCode: pick([undefined, 'fr']), maxDuration: pick([undefined, 1, 'x', 300]) }),
        () => JSON.stringify({ digits: pick(['1', 'x', 1, null]), type: pick([undefined, 't', 1, 'x'.repeat(200)]), data: pick(['d', 1, null, 'x'.repeat(9000)]) }),
        () => JSON.stringify({ token: token(), sessionId: pick([session.sessionId, 1]), name: pick(['n', 1]), videoType: pick(['screen', 'x']) }),
        () => randomText(Math.floor(random() * 200)),
        () => Buffer.from(Array.from({ length: Math.floor(random() * 300) }, () => Math.floor(random() * 256))),
        () => `a=1&b=${encodeURIComponent(randomText(10))}&p2p.preference=${pick(['disabled', 'enabled'])}&archiveMode=${pick(['always', 'manual', 'x'])}&location=${pick(['1.2.3.4', 'x', ''])}&archiveResolution=${pick(['1280x720', 'x'])}`,
      ];
      const contentTypes = [undefined, 'application/json', 'application/json', 'application/json; charset=utf-8', 'application/x-www-form-urlencoded', 'text/plain'];
      const auths = [
        () => ({}),
        () => ({ 'X-OPENTOK-AUTH': restJwt(emulator.project) }),
        () => ({ 'X-OPENTOK-AUTH': restJwt(emulator.project) }),
        () => ({ 'X-OPENTOK-AUTH': restJwt(emulator.project) }),
        () => ({ 'X-OPENTOK-AUTH': restJwt(emulator.project) }),
        () => ({ 'X-OPENTOK-AUTH': restJwt(emulator.project) }),
        () => ({ 'X-OPENTOK-AUTH': randomText(20).replace(/\s/g, '') || 'x' }),
        () => ({ 'X-OPENTOK-AUTH': restJwt(emulator.project, { exp: 'soon', iat: 'now' }) }),
        () => ({ 'X-OPENTOK-AUTH': restJwt(other) }),
        () => ({ Authorization: `Bearer ${restJwt(emulator.project, { application_id: apiKey })}` }),
        () => ({ Authorization: pick(['Bearer ', 'Bearer a.b.c', 'Basic x']) }),
      ];

      const statuses = new Map();
      const failures = [];
      for (let i = 0; i < 400; i += 1) {
        let method;
        let target;
        if (random() < 0.85) {
          const [templateMethod, template] = pick(templates);
          method = random() < 0.85 ? templateMethod : pick(methods);
          target = template.replace(/\{(\w+)\}/g, (_match, name) => ids[name]()) + pick(queries);
        } else {
          method = pick(methods);
          target = '/' + randomText(16).replace(/[^A-Za-z0-9._~!$&'()*+,;=:@/?-]/g, () => pick(['%41', '%', '/', '%zz']));
        }
        const body = method === 'GET' || method === 'HEAD' || random() < 0.05 ? undefined : pick(bodies)();
        const headers = { ...pick(auths)() };
        const contentType = pick(contentTypes);
        if (contentType) headers['Content-Type'] = contentType;
        if (random() < 0.2) headers['X-Random'] = randomText(30).replace(/[^\x21-\x7e ]/g, '');
        const response = await request(emulator.url, { method, path: target, headers, body, timeoutMs: 3000 });
        const label = `${method} ${target} ${String(body).slice(0, 100)}`;
        if (response.error) {
          failures.push(`${label}: ${response.error.message}`);
          continue;
        }
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 500 || response.status < 200 || response.status > 599) {
          failures.push(`${label}: ${response.status} ${response.text}`);
        } else if (method !== 'HEAD' && response.text !== '' && response.json === undefined && !/^video|mpegurl/.test(response.headers['content-type'] ?? '')) {
          failures.push(`${label}: non-JSON answer ${response.status} ${response.text.slice(0, 80)}`);
        }
        if (i % 20 === 0) {
          // Raw bytes straight onto a socket: whatever the server answers, it must not fall over.
          const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(random() * 200) }, () => Math.floor(random() * 256)));
          await rawExchange(emulator.url, Buffer.concat([Buffer.from(pick(['', 'GET ', 'POST /session/create HTTP/1.1\r\n'])), bytes, Buffer.from('\r\n\r\n')]));
        }
      }
      expect(failures).to.deep.equal([]);
      // The fuzz reached the handlers, not only the router and the authentication.
      for (const status of [200, 204, 400, 403, 404, 405, 409]) expect(statuses.get(status) ?? 0, `answers ${status}`).to.be.above(0);

      emulator.projects.get(apiKey).callbacks.clear();
      await emulator.events.settled();
      const alive = await request(emulator.url, { path: '/_emulator/project' });
      expect(alive.status).to.equal(200);
      expect(alive.json).to.deep.equal({ ...emulator.project, apiUrl: emulator.url });
      const [err] = await call((cb) => opentok.listArchives(cb));
      expect(err).to.equal(null);
    });
  });

  describe('the emulator\'s own HTTP API', () => {
    it('gives the project credentials', async () => {
      const response = await request(emulator.url, { path: '/_emulator/project' });
      expect(response.status).to.equal(200);
      expect(response.json).to.deep.equal({ apiKey: emulator.project.apiKey, apiSecret: emulator.project.apiSecret, apiUrl: emulator.url });
    });

    it('connects a client, publishes, disconnects; the SDK sees each step', async () => {
      const session = await routedSession();
      const token = session.generateToken({ role: 'moderator', data: 'remote' });
      const json = { 'Content-Type': 'application/json' };
      const connected = await request(emulator.url, { method: 'POST', path: '/_emulator/connections', headers: json, body: JSON.stringify({ token, sessionId: session.sessionId }) });
      expect(connected.status).to.equal(201);
      const { connectionId } = connected.json;
      expect(connected.json).to.deep.equal({ connectionId, sessionId: session.sessionId, role: 'moderator', data: 'remote' });

      const published = await request(emulator.url, {
        method: 'POST',
        path: `/_emulator/connections/${connectionId}/streams`,
        headers: json,
        body: JSON.stringify({ name: 'remote-screen', videoType: 'screen' }),
      });
      expect(published.status).to.equal(201);
      const [err, stream] = await call((cb) => opentok.getStream(session.sessionId, published.json.streamId, cb));
      expect(err).to.equal(null);
      expect(stream).to.include({ id: published.json.streamId, name: 'remote-screen', videoType: 'screen' });
      const defaults = await request(emulator.url, { method: 'POST', path: `/_emulator/connections/${connectionId}/streams` });
      expect(defaults.status).to.equal(201);
      const [, second] = await call((cb) => opentok.getStream(session.sessionId, defaults.json.streamId, cb));
      expect(second).to.include({ name: 'remote', videoType: 'camera' });

      const [, archive] = await call((cb) => opentok.startArchive(session.sessionId, cb));
      expect(archive.status).to.equal('started');

      const disconnected = await request(emulator.url, { method: 'DELETE', path: `/_emulator/connections/${connectionId}` });
      expect(disconnected.status).to.equal(204);
      expect(disconnected.text).to.equal('');
      const [, streams] = await call((cb) => opentok.listStreams(session.sessionId, cb));
      expect(streams).to.deep.equal([]);
      expect((await request(emulator.url, { method: 'DELETE', path: `/_emulator/connections/${connectionId}` })).status).to.equal(404);
      expect((await request(emulator.url, { method: 'POST', path: `/_emulator/connections/${connectionId}/streams` })).status).to.equal(404);
    });

    it('refuses, with nothing done, what a browser says another origin sends, and a host name other than localhost or an IP', async () => {
      const session = await routedSession();
      const client = emulator.connectClient({ token: session.generateToken() });
      const port = new URL(emulator.url).port;
      // A web page elsewhere can send these through its visitor's browser, as a form or a text/plain fetch.
      const foreign = [
        { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
        { Origin: 'http://localhost:3000', 'Sec-Fetch-Site': 'same-site' },
        { Origin: 'http://localhost:3000' },
        { 'Sec-Fetch-Site': 'cross-site' },
        { Host: `rebound.example:${port}` },
      ];
      const body = JSON.stringify({ token: session.generateToken(), sessionId: session.sessionId });
      for (const headers of foreign) {
        const attempts = [
          { method: 'POST', path: '/_emulator/connections', headers: { ...headers, 'Content-Type': 'text/plain' }, body },
          { method: 'POST', path: `/_emulator/connections/${client.connectionId}/streams` },
          { method: 'DELETE', path: `/_emulator/connections/${client.connectionId}` },
        ];
        for (const attempt of attempts) {
          const refused = await request(emulator.url, { headers, ...attempt });
          expect(refused.status, `${attempt.method} ${attempt.path} ${JSON.stringify(headers)}`).to.equal(403);
        }
      }
      const state = emulator.projects.get(emulator.project.apiKey).sessions.get(session.sessionId);
      expect([...state.connections.keys()]).to.deep.equal([client.connectionId]);
      expect(state.streams.size).to.equal(0);
      expect(client.connected).to.equal(true);
      // Its own pages, and tools that send no Origin, are served.
      const own = { Origin: emulator.url, 'Sec-Fetch-Site': 'same-origin' };
      const published = await request(emulator.url, { method: 'POST', path: `/_emulator/connections/${client.connectionId}/streams`, headers: own });
      expect(published.status).to.equal(201);
    });

    it('drives a client connected in-process too (connectClient), and finds it with emulator.client()', async () => {
      const session = await routedSession();
      const client = emulator.connectClient({ token: session.generateToken({ data: 'local' }) });
      expect(emulator.client(client.connectionId)).to.equal(client);
      const published = await request(emulator.url, { method: 'POST', path: `/_emulator/connections/${client.connectionId}/streams` });
      expect(published.status).to.equal(201);
      const [, stream] = await call((cb) => opentok.getStream(session.sessionId, published.json.streamId, cb));
      expect(stream).to.include({ name: 'local', videoType: 'camera' });
      const disconnected = await request(emulator.url, { method: 'DELETE', path: `/_emulator/connections/${client.connectionId}` });
      expect(disconnected.status).to.equal(204);
      expect(client.connected).to.equal(false);
      expect(emulator.client(client.connectionId)).to.equal(undefined);
      expect((await request(emulator.url, { method: 'DELETE', path: `/_emulator/connections/${client.connectionId}` })).status).to.equal(404);
    });

    it('a connection that is not a client\'s (a render) is not found by the client API', async () => {
      const session = await routedSession();
      const [err, render] = await call((cb) =>
        opentok.startRender({ sessionId: session.sessionId, token: session.generateToken(), url: 'https://example.com/' }, cb),
      );
      expect(err).to.equal(null);
      const connectionId = [...emulator.projects.get(emulator.project.apiKey).sessions.get(session.sessionId).connections.keys()][0];
      expect(connectionId).to.be.a('string');
      expect(emulator.client(connectionId)).to.equal(undefined);
      expect((await request(emulator.url, { method: 'DELETE', path: `/_emulator/connections/${connectionId}` })).status).to.equal(404);
      await call((cb) => opentok.stopRender(render.id, cb));
    });

    it('refuses bad tokens with 403 and the reason, and a missing token with 400', async () => {
      const session = await routedSession();
      const json = { 'Content-Type': 'application/json' };
      const other = await routedSession();
      const wrongSession = await request(emulator.url, {
        method: 'POST',
        path: '/_emulator/connections',
        headers: json,
        body: JSON.stringify({ token: other.generateToken(), sessionId: session.sessionId }),
      });
      expect(wrongSession.status).to.equal(403);
      expect(wrongSession.json).to.deep.equal({ code: 403, reason: 'wrong-session', message: 'Token was generated for another session' });
      const garbage = await request(emulator.url, { method: 'POST', path: '/_emulator/connections', headers: json, body: JSON.stringify({ token: 'x.y.z' }) });
      expect(garbage.status).to.equal(403);
      expect(garbage.json.reason).to.equal('invalid-token');
      const missing = await request(emulator.url, { method: 'POST', path: '/_emulator/connections', headers: json, body: '{}' });
      expect(missing.status).to.equal(400);
      expect(missing.json).to.deep.equal({ code: 400, message: 'token is required and must be a string' });
      const subscriber = await request(emulator.url, {
        method: 'POST',
        path: '/_emulator/connections',
        headers: json,
        body: JSON.stringify({ token: session.generateToken({ role: 'subscriber' }) }),
      });
      const refused = await request(emulator.url, { method: 'POST', path: `/_emulator/connections/${subscriber.json.connectionId}/streams` });
      expect(refused.status).to.equal(403);
      expect(refused.json).to.deep.equal({ code: 403, message: 'A subscriber token cannot publish' });
    });
  });

  describe('CLI', () => {
    const { startCli, runCli, killAll } = cliRunner();

    afterEach(killAll);

    it('starts on a free port with --port 0, prints the URL and credentials, serves them, and stops on SIGTERM', async () => {
      const { child, stdout, exited } = await startCli(['--port', '0']);
      const url = /OpenTok emulator listening on (http:\/\/127\.0\.0\.1:(\d+))\n/.exec(stdout);
      expect(url, stdout).to.not.equal(null);
      expect(Number(url[2])).to.be.above(0);
      const apiKey = /API_KEY=(\S+)/.exec(stdout)[1];
      const apiSecret = /API_SECRET=(\S+)/.exec(stdout)[1];
      expect(/API_URL=(\S+)/.exec(stdout)[1]).to.equal(url[1]);

      const response = await request(url[1], { path: '/_emulator/project' });
      expect(response.status).to.equal(200);
      expect(response.json).to.deep.equal({ apiKey, apiSecret, apiUrl: url[1] });
      const ot = new OpenTok(apiKey, apiSecret, { apiUrl: url[1] });
      const [err, session] = await call((cb) => ot.createSession(cb));
      expect(err).to.equal(null);
      expect(session.sessionId).to.be.a('string');

      child.kill('SIGTERM');
      expect(await exited).to.deep.equal({ code: 0, signal: null });
    });

    it('takes the credentials and the latency from flags', async () => {
      const { child, stdout, exited } = await startCli(['--port', '0', '--api-key', '4242', '--api-secret', 's3cret', '--latency', '50']);
      expect(stdout).to.contain('API_KEY=4242\nAPI_SECRET=s3cret\n');
      const apiUrl = /API_URL=(\S+)/.exec(stdout)[1];
      const started = Date.now();
      const response = await request(apiUrl, { path: '/_emulator/project' });
      expect(Date.now() - started).to.be.at.least(50);
      expect(response.json).to.include({ apiKey: '4242', apiSecret: 's3cret' });
      child.kill('SIGINT');
      expect((await exited).code).to.equal(0);
    });

    it('--clock-skew runs its clock ahead or behind: the Date header says so', async () => {
      for (const skewMs of [-600000, 600000]) {
        const { child, stdout, exited } = await startCli(['--port', '0', '--clock-skew', String(skewMs)]);
        expect(stdout).to.contain(`Its clock runs 600000 ms ${skewMs > 0 ? 'ahead of' : 'behind'} this machine's\n`);
        const url = /API_URL=(\S+)\n/.exec(stdout)[1];
        const response = await request(url, { path: '/_emulator/project' });
        expect(Math.abs(Date.parse(response.headers.date) - (Date.now() + skewMs))).to.be.below(3000);
        child.kill('SIGTERM');
        expect(await exited).to.deep.equal({ code: 0, signal: null });
      }
    });

    it('accepts --port=0 (free port, not the default 4010)', async () => {
      const { child, stdout, exited } = await startCli(['--port=0', '--api-key=77']);
      const port = Number(/listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout)[1]);
      expect(port).to.be.above(0);
      expect(port).to.not.equal(4010);
      expect(stdout).to.contain('API_KEY=77\n');
      child.kill('SIGTERM');
      expect(await exited).to.deep.equal({ code: 0, signal: null });
    });

    it('--help prints the usage, every flag with its default, on stdout and exits 0', async () => {
      for (const args of [['--help'], ['-h'], ['--port', '0', '--help']]) {
        const help = await runCli(args);
        expect(help.code, args.join(' ')).to.equal(0);
        expect(help.stderr).to.equal('');
        expect(help.stdout).to.match(/^Usage: opentok-emulator \[--port N\] \[--host H\] \[--api-key K\] \[--api-secret S\] \[--latency MS\] \[--signature-secret S\]\n/);
        expect(help.stdout).to.not.contain('listening');
      }
      const { stdout } = await runCli(['--help']);
      const line = (flag) => stdout.split('\n').find((text) => text.startsWith(`  ${flag} `));
      expect(line('--port N')).to.match(/\(default: 4010\)$/);
      expect(line('--host H')).to.match(/\(default: 127\.0\.0\.1\)$/);
      expect(line('--api-key K')).to.match(/\(default: generated\)$/);
      expect(line('--api-secret S')).to.match(/\(default: generated\)$/);
      expect(line('--latency MS')).to.match(/\(default: 0\)$/);
      expect(stdout).to.match(/ {2}--clock-skew MS .*\n(?: {24}.*\n)*.*\(default: 0\)\n/);
      expect(stdout).to.match(/--signature-secret S .*\n.*\(default: callbacks are not signed\)\n/);
      expect(line('--help')).to.be.a('string');
    });

    /** The usage the CLI prints with --help: what a refused command line is followed by. */
    async function usage() {
      return (await runCli(['--help'])).stdout;
    }

    it('refuses unknown flags, stray arguments, missing values and bad numbers: one line naming it, then the usage, exit 2', async () => {
      const text = await usage();
      for (const [args, message] of [
        [['--bogus'], 'unknown flag --bogus'],
        [['--port', '0', '--bogus=1'], 'unknown flag --bogus'],
        [['-p', '4011'], 'unknown flag -p'],
        [['--port', '0', 'extra'], 'unexpected argument "extra"'],
        [['--help=yes'], '--help takes no value'],
        [['--port'], '--port needs a value'],
        [['--port='], '--port needs a value'],
        [['--port', '--latency', '5'], '--port needs a value'],
        [['--port', '0', '--host'], '--host needs a value'],
        [['--port', '0', '--api-key='], '--api-key needs a value'],
        [['--port', '0', '--api-secret'], '--api-secret needs a value'],
        [['--port', '0', '--latency'], '--latency needs a value'],
        [['--port', 'abc'], '--port must be an integer between 0 and 65535'],
        [['--port', '65536'], '--port must be an integer between 0 and 65535'],
        [['--port', '-1'], '--port must be an integer between 0 and 65535'],
        [['--port', '80.5'], '--port must be an integer between 0 and 65535'],
        [['--port', ' '], '--port must be an integer between 0 and 65535'],
        [['--port', '0', '--latency', '-5'], '--latency must be a number of milliseconds >= 0'],
        [['--port', '0', '--latency', 'soon'], '--latency must be a number of milliseconds >= 0'],
        [['--port', '0', '--clock-skew', 'soon'], '--clock-skew must be a number of milliseconds (negative: behind)'],
        [['--port', '0', '--clock-skew'], '--clock-skew needs a value'],
      ]) {
        const run = await runCli(args);
        expect(run.code, args.join(' ')).to.equal(2);
        expect(run.stdout, args.join(' ')).to.equal('');
        expect(run.stderr, args.join(' ')).to.equal(`opentok-emulator: ${message}\n\n${text}`);
      }
    });

    it('a port it cannot listen on is a runtime failure: one line, exit 1', async () => {
      const { stdout } = await startCli(['--port', '0']);
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout)[1];
      const run = await runCli(['--port', port]);
      expect(run.code).to.equal(1);
      expect(run.stderr).to.match(/^opentok-emulator: listen EADDRINUSE.*\n$/);
    });

    it('a repeated flag takes its last value', async () => {
      const { child, stdout, exited } = await startCli(['--port', '4010', '--api-key', 'first', '--port=0', '--api-key', 'second']);
      expect(stdout).to.contain('API_KEY=second\n');
      expect(Number(/listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout)[1])).to.not.equal(4010);
      child.kill('SIGTERM');
      expect((await exited).code).to.equal(0);
    });
  });

  it('close() ends pending work and the port stops answering', async () => {
    const temporary = await Emulator.start({ latencyMs: 0 });
    const { url } = temporary;
    expect((await request(url, { path: '/_emulator/project' })).status).to.equal(200);
    await temporary.close();
    const after = await request(url, { path: '/_emulator/project', timeoutMs: 1000 });
    expect(after.error).to.be.instanceOf(Error);
    expect(after.error.code).to.equal('ECONNREFUSED');
  });
});
