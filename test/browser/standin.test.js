'use strict';
/* global window, document, OT -- the functions given to page.evaluate run in the page */
// The OpenTok.js stand-in (`/_emulator/opentok.js`) in headless Chromium: a test page on another
// origin than the emulator (http://localhost:<port> while the emulator is on 127.0.0.1) loads the
// script, connects with tokens the real SDK minted, and the backend drives the session with the
// real SDK; each test checks what the page saw and what the emulator's state holds.
const fs = require('fs');
const http = require('http');
const path = require('path');
const { expect } = require('chai');
const OpenTok = require('opentok');
const { Emulator } = require('opentok/emulator');
const { newContext, screenshot } = require('./support');

const { canvasInfo } = require('./canvas');
const PAGE_SCRIPT = fs.readFileSync(path.join(__dirname, 'standin-page.js'), 'utf8');

/** Resolves after `ms`. */
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe('OpenTok.js stand-in (headless Chromium)', function () {
  this.timeout(20000);
  let emulator;
  let opentok;
  let pages;
  let pageUrl;
  let context;

  before(async function () {
    emulator = await Emulator.start({ archiveProcessingMs: 20 });
    opentok = new OpenTok(emulator.project.apiKey, emulator.project.apiSecret, { apiUrl: emulator.url });
    pages = http.createServer((req, res) => {
      if (req.url === '/page.js') {
        res.setHeader('Content-Type', 'application/javascript');
        res.end(PAGE_SCRIPT);
        return;
      }
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(
        '<!doctype html><html><head><title>stand-in test page</title>' +
          '<style>body{font:14px sans-serif;margin:8px}#row>div{display:inline-block;margin:4px}</style></head>' +
          '<body><div id="row"><div id="publisher"></div><div id="subscribers"></div></div>' +
          `<script src="${emulator.url}/_emulator/opentok.js"></script><script src="/page.js"></script></body></html>`,
      );
    });
    await new Promise((resolve) => pages.listen(0, '127.0.0.1', resolve));
    // `localhost`, not the emulator's 127.0.0.1: every call of the page is cross-origin.
    pageUrl = `http://localhost:${pages.address().port}/`;
  });

  after(async function () {
    if (pages) await new Promise((resolve) => pages.close(resolve));
    if (emulator) await emulator.close();
  });

  beforeEach(async function () {
    context = await newContext();
  });

  afterEach(async function () {
    if (context) await context.close();
  });

  async function routedSession() {
    return opentok.promises.createSession({ mediaMode: 'routed' });
  }

  /** A new tab on the test page, connected to the session with a token of that role and data. */
  async function tab(session, { role = 'publisher', data = '' } = {}) {
    const page = await context.newPage();
    await page.goto(pageUrl);
    const token = session.generateToken({ role, data });
    const error = await page.evaluate(([apiKey, sessionId, t]) => window.join(apiKey, sessionId, t), [
      emulator.project.apiKey,
      session.sessionId,
      token,
    ]);
    expect(error, 'connect error').to.equal(null);
    page.connectionId = await page.evaluate(() => window.session.connection.connectionId);
    return page;
  }

  /** Waits until the page has seen an event with every field of `match`. */
  function waitSeen(page, match, timeout = 5000) {
    return page.waitForFunction(
      (m) => window.seen.some((entry) => Object.keys(m).every((key) => entry[key] === m[key])),
      match,
      { timeout },
    );
  }

  /** The events the page saw that have every field of `match`. */
  async function seenMatching(page, match) {
    const seen = await page.evaluate(() => window.seen);
    return seen.filter((entry) => Object.keys(match).every((key) => entry[key] === match[key]));
  }

  function sessionState(sessionId) {
    return emulator.projects.get(emulator.project.apiKey).sessions.get(sessionId);
  }

  describe('serving, CORS and the connection key', function () {
    function get(pathname, { method = 'GET', origin } = {}) {
      const url = new URL(pathname, emulator.url);
      return new Promise((resolve, reject) => {
        const req = http.request(url, { method, headers: origin ? { Origin: origin } : {} }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
        });
        req.on('error', reject);
        req.end();
      });
    }

    it('serves the script as JavaScript, defining window.OT', async function () {
      const res = await get('/_emulator/opentok.js');
      expect(res.status).to.equal(200);
      expect(res.headers['content-type']).to.equal('application/javascript; charset=utf-8');
      expect(res.text).to.include('window').and.to.include('.OT =');
    });

    it('answers local origins (localhost, 127.0.0.1, [::1], any port) with their origin, and no other', async function () {
      for (const origin of ['http://localhost:3000', 'http://127.0.0.1:8080', 'http://[::1]:3000', 'http://localhost']) {
        const res = await get('/_emulator/opentok.js', { origin });
        expect(res.headers['access-control-allow-origin'], origin).to.equal(origin);
        const preflight = await get('/_emulator/clients', { method: 'OPTIONS', origin });
        expect(preflight.status, origin).to.equal(204);
        expect(preflight.headers['access-control-allow-origin'], origin).to.equal(origin);
        expect(preflight.headers['access-control-allow-methods'], origin).to.include('POST');
        expect(preflight.headers['access-control-allow-headers'], origin).to.match(/content-type/i);
      }
      for (const origin of [
        'https://localhost:3000',
        'http://evil.example',
        'http://localhost.evil.example:3000',
        'http://evil.localhost:3000',
        'http://10.0.0.5:3000',
        'null',
      ]) {
        const res = await get('/_emulator/opentok.js', { origin });
        expect(res.headers['access-control-allow-origin'], origin).to.equal(undefined);
        const preflight = await get('/_emulator/clients', { method: 'OPTIONS', origin });
        expect(preflight.headers['access-control-allow-origin'], origin).to.equal(undefined);
        expect(preflight.headers['access-control-allow-methods'], origin).to.equal(undefined);
      }
      // Errors carry the header too, so that the page can read why it was refused.
      const refused = await get('/_emulator/clients/nobody/events?key=x', { origin: 'http://localhost:3000' });
      expect(refused.status).to.equal(404);
      expect(refused.headers['access-control-allow-origin']).to.equal('http://localhost:3000');
      // The REST API is not opened to pages.
      const rest = await get(`/v2/project/${emulator.project.apiKey}/session/x/stream`, { origin: 'http://localhost:3000' });
      expect(rest.headers['access-control-allow-origin']).to.equal(undefined);
    });

    it('acts for a connection only with the key its connect answer gave (knowing a connection ID is not enough)', async function () {
      const session = await routedSession();
      const post = (pathname, body) =>
        fetch(new URL(pathname, emulator.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const connected = await post('/_emulator/clients', {
        apiKey: emulator.project.apiKey,
        sessionId: session.sessionId,
        token: session.generateToken({ role: 'moderator' }),
      });
      expect(connected.status).to.equal(201);
      const { connectionId, key, role } = await connected.json();
      expect(role).to.equal('moderator');
      expect(key).to.match(/^[0-9a-f]{32}$/);
      const other = emulator.connectClient({ token: session.generateToken(), sessionId: session.sessionId });
      for (const wrong of ['', 'x'.repeat(32)]) {
        const refused = await post(`/_emulator/clients/${connectionId}/force-disconnect?key=${wrong}`, { connectionId: other.connectionId });
        expect(refused.status).to.equal(404);
      }
      expect(other.connected).to.equal(true);
      const allowed = await post(`/_emulator/clients/${connectionId}/force-disconnect?key=${key}`, { connectionId: other.connectionId });
      expect(allowed.status).to.equal(204);
      expect(other.connected).to.equal(false);
      const left = await fetch(new URL(`/_emulator/clients/${connectionId}?key=${key}`, emulator.url), { method: 'DELETE' });
      expect(left.status).to.equal(204);
      expect(sessionState(session.sessionId).connections.size).to.equal(0);
    });

    it('a page on another origin cannot connect: OT_CONNECT_FAILED, and no connection appears', async function () {
      const session = await routedSession();
      const page = await context.newPage();
      // Chromium resolves *.localhost to the loopback address; the origin is not an allowed one.
      await page.goto(pageUrl.replace('//localhost:', '//other.localhost:'));
      const error = await page.evaluate(
        ([apiKey, sessionId, token]) => window.join(apiKey, sessionId, token),
        [emulator.project.apiKey, session.sessionId, session.generateToken()],
      );
      expect(error).to.include({ name: 'OT_CONNECT_FAILED', code: 1006 });
      expect(sessionState(session.sessionId).connections.size).to.equal(0);
    });
  });

  describe('connecting', function () {
    it('connects: sessionConnected, the callback, session.connection and capabilities; the emulator has the connection', async function () {
      const session = await routedSession();
      const page = await tab(session, { role: 'moderator', data: 'name=alice' });
      await waitSeen(page, { event: 'sessionConnected' });
      await waitSeen(page, { event: 'connectionCreated', connectionId: page.connectionId, connectionData: 'name=alice' });
      const state = await page.evaluate(() => ({
        connected: window.session.isConnected(),
        sessionId: window.session.sessionId,
        capabilities: window.session.capabilities,
        data: window.session.connection.data,
        requirements: OT.checkSystemRequirements(),
      }));
      expect(state).to.deep.equal({
        connected: true,
        sessionId: session.sessionId,
        capabilities: { publish: 1, subscribe: 1, forceDisconnect: 1, forceUnpublish: 1, forceMute: 1 },
        data: 'name=alice',
        requirements: 1,
      });
      const connection = sessionState(session.sessionId).connections.get(page.connectionId);
      expect(connection).to.include({ kind: 'client', role: 'moderator', data: 'name=alice' });
      expect(emulator.client(page.connectionId).connected).to.equal(true);
      const publisherTab = await tab(session, { role: 'publisher' });
      expect(await publisherTab.evaluate(() => window.session.capabilities)).to.deep.equal({
        publish: 1,
        subscribe: 1,
        forceDisconnect: 0,
        forceUnpublish: 0,
        forceMute: 0,
      });
      expect(context.pageErrors).to.deep.equal([]);
    });

    it('refuses a bad token with OpenTok.js\'s error (OT_AUTHENTICATION_ERROR, 1004) and an exception event', async function () {
      const session = await routedSession();
      const other = await routedSession();
      const stranger = emulator.createProject();
      const strangerSession = await new OpenTok(stranger.apiKey, stranger.apiSecret, { apiUrl: emulator.url }).promises.createSession({
        mediaMode: 'routed',
      });
      const page = await context.newPage();
      await page.goto(pageUrl);
      const join = (apiKey, sessionId, token) => page.evaluate(([a, s, t]) => window.join(a, s, t), [apiKey, sessionId, token]);
      const apiKey = emulator.project.apiKey;

      expect(await join(apiKey, session.sessionId, 'not-a-token')).to.deep.equal({
        name: 'OT_AUTHENTICATION_ERROR',
        code: 1004,
        message: 'Invalid token format Token: not-a-token (1004)',
      });
      const wrongSession = await join(apiKey, session.sessionId, other.generateToken());
      expect(wrongSession).to.include({ name: 'OT_AUTHENTICATION_ERROR', code: 1004 });
      expect(wrongSession.message).to.match(/another session \(1004\)$/);
      const wrongKey = await join(stranger.apiKey, session.sessionId, session.generateToken());
      expect(wrongKey).to.deep.equal({
        name: 'OT_AUTHENTICATION_ERROR',
        code: 1004,
        message: 'Authentication Error: The API key does not match the token or session. (1004)',
      });
      const otherProject = await join(apiKey, session.sessionId, strangerSession.generateToken());
      expect(otherProject).to.include({ name: 'OT_AUTHENTICATION_ERROR', code: 1004 });
      const forged = new OpenTok(apiKey, 'not-the-secret', { apiUrl: emulator.url }).generateToken(session.sessionId);
      const badSignature = await join(apiKey, session.sessionId, forged);
      expect(badSignature).to.include({ name: 'OT_AUTHENTICATION_ERROR', code: 1004 });
      const unknownSession = await join(apiKey, `${session.sessionId}x`, session.generateToken());
      expect(unknownSession).to.include({ name: 'OT_INVALID_SESSION_ID', code: 1005 });

      const exceptions = await seenMatching(page, { source: 'OT', event: 'exception' });
      expect(exceptions[0]).to.deep.equal({
        source: 'OT',
        event: 'exception',
        code: 1004,
        title: 'Authentication error',
        message: 'Invalid token format Token: not-a-token (1004)',
      });
      expect(await seenMatching(page, { event: 'sessionConnected' })).to.deep.equal([]);
      expect(sessionState(session.sessionId).connections.size).to.equal(0);
      // OT.setLogLevel(OT.NONE) silences the console; the exception event still comes.
      const logged = context.pageErrors.length;
      await page.evaluate(() => OT.setLogLevel(OT.NONE));
      expect(await join(apiKey, session.sessionId, 'still-not-a-token')).to.include({ code: 1004 });
      expect(context.pageErrors.slice(logged).filter((line) => line.includes('OT.exception'))).to.deep.equal([]);
      expect(await seenMatching(page, { source: 'OT', event: 'exception' })).to.have.length(exceptions.length + 1);
      // OpenTok.js logs each failure on the console, and Chromium each refused request; nothing else went wrong.
      const expected = /OT\.exception|Failed to load resource: the server responded with a status of 40[34]/;
      expect(context.pageErrors.filter((line) => !expected.test(line))).to.deep.equal([]);
    });
  });

  describe('publishing and subscribing', function () {
    it('publish: a moving test pattern with the name, streamCreated on the publisher, the stream in the emulator', async function () {
      const session = await routedSession();
      const page = await tab(session, { data: 'alice' });
      const streamId = await page.evaluate(() => window.publish('publisher', { name: 'Alice', width: 320, height: 240 }));
      expect(streamId).to.be.a('string');
      await waitSeen(page, { source: 'publisher', event: 'streamCreated', streamId, streamName: 'Alice' });
      await waitSeen(page, { source: 'publisher', event: 'accessAllowed' });
      // insertMode 'replace': the target element itself becomes the publisher.
      const element = await page.evaluate(() => {
        const root = document.getElementById('publisher');
        return { same: window.publisher.element === root, classes: root.className, name: root.querySelector('.OT_name').textContent };
      });
      expect(element.same).to.equal(true);
      expect(element.classes).to.include('OT_root').and.to.include('OT_publisher');
      expect(element.name).to.equal('Alice');
      const first = await canvasInfo(page, '#publisher');
      await pause(250);
      const second = await canvasInfo(page, '#publisher');
      expect(first.colours, 'colours of the pattern').to.be.greaterThan(10);
      expect(second.checksum, 'the pattern moves').to.not.equal(first.checksum);

      const listed = await opentok.promises.listStreams(session.sessionId);
      expect(listed.map((stream) => [stream.id, stream.name, stream.videoType])).to.deep.equal([[streamId, 'Alice', 'camera']]);
      expect(sessionState(session.sessionId).streams.get(streamId).connectionId).to.equal(page.connectionId);
      expect(context.pageErrors).to.deep.equal([]);
    });

    it('two tabs: each sees the other\'s connection and stream, and a subscriber shows the remote pattern with its name', async function () {
      const session = await routedSession();
      const alice = await tab(session, { data: 'alice' });
      const aliceStream = await alice.evaluate(() => window.publish('publisher', { name: 'Alice' }));
      const bob = await tab(session, { data: 'bob' });
      // Bob, joining later, learns of Alice's connection and stream on connect.
      await waitSeen(bob, { event: 'connectionCreated', connectionId: alice.connectionId, connectionData: 'alice' });
      await waitSeen(bob, { event: 'streamCreated', streamId: aliceStream, streamName: 'Alice', streamConnectionId: alice.connectionId });
      await waitSeen(alice, { event: 'connectionCreated', connectionId: bob.connectionId, connectionData: 'bob' });
      const subscriberId = await bob.evaluate((id) => window.subscribe(id, 'subscribers', { insertMode: 'append' }), aliceStream);
      const subscriber = await bob.evaluate((id) => {
        const element = document.getElementById(id);
        return { parent: element.parentElement.id, classes: element.className, name: element.querySelector('.OT_name').textContent };
      }, subscriberId);
      expect(subscriber).to.deep.include({ parent: 'subscribers', name: 'Alice' });
      expect(subscriber.classes).to.include('OT_subscriber');
      const first = await canvasInfo(bob, `#${subscriberId}`);
      await pause(200);
      const second = await canvasInfo(bob, `#${subscriberId}`);
      expect(first.colours).to.be.greaterThan(10);
      expect(second.checksum).to.not.equal(first.checksum);

      const bobStream = await bob.evaluate(() => window.publish('publisher', { name: 'Bob' }));
      await waitSeen(alice, { event: 'streamCreated', streamId: bobStream, streamName: 'Bob' });
      await alice.evaluate((id) => window.subscribe(id, 'subscribers', { insertMode: 'append' }), bobStream);
      // Alice's page: her publisher and Bob's subscriber, both patterns running.
      await pause(150);
      await screenshot(alice, 'standin-publisher-subscriber');

      // publishVideo(false) reaches the other tab as a property change.
      await bob.evaluate(() => window.publisher.publishVideo(false));
      await waitSeen(alice, { event: 'streamPropertyChanged', streamId: bobStream, changedProperty: 'hasVideo', newValue: false });
      expect(context.pageErrors).to.deep.equal([]);
    });

    it('streams of simulated clients appear in the page, and the page\'s stream is visible to the emulator and REST', async function () {
      const session = await routedSession();
      const page = await tab(session);
      const client = emulator.connectClient({ token: session.generateToken({ data: 'simulated' }), sessionId: session.sessionId });
      await waitSeen(page, { event: 'connectionCreated', connectionId: client.connectionId, connectionData: 'simulated' });
      const simulatedStream = client.publish({ name: 'Simulated camera' });
      await waitSeen(page, { event: 'streamCreated', streamId: simulatedStream, streamName: 'Simulated camera', hasVideo: true });
      const pageStream = await page.evaluate(() => window.publish('publisher', { name: 'Page camera' }));
      expect((await opentok.promises.listStreams(session.sessionId)).map((stream) => stream.name).sort()).to.deep.equal([
        'Page camera',
        'Simulated camera',
      ]);
      expect(sessionState(session.sessionId).streams.get(pageStream).connectionId).to.equal(page.connectionId);
      expect(emulator.client(page.connectionId).role).to.equal('publisher');
      client.unpublish(simulatedStream);
      await waitSeen(page, { event: 'streamDestroyed', streamId: simulatedStream, reason: 'clientDisconnected' });
      client.disconnect();
      await waitSeen(page, { event: 'connectionDestroyed', connectionId: client.connectionId, reason: 'clientDisconnected' });
    });

    it('unpublish and disconnect: the other tab gets streamDestroyed and connectionDestroyed', async function () {
      const session = await routedSession();
      const alice = await tab(session);
      const bob = await tab(session);
      const stream = await alice.evaluate(() => window.publish('publisher', { name: 'Alice' }));
      await waitSeen(bob, { event: 'streamCreated', streamId: stream });
      await alice.evaluate(() => window.session.unpublish(window.publisher));
      await waitSeen(alice, { source: 'publisher', event: 'streamDestroyed', streamId: stream, reason: 'unpublished' });
      await waitSeen(bob, { source: 'session', event: 'streamDestroyed', streamId: stream, reason: 'clientDisconnected' });
      // The default action of the publisher's streamDestroyed: it is destroyed, its element gone.
      await waitSeen(alice, { source: 'publisher', event: 'destroyed' });
      expect(await alice.evaluate(() => document.getElementById('publisher'))).to.equal(null);
      expect(await opentok.promises.listStreams(session.sessionId)).to.deep.equal([]);

      await alice.evaluate(() => window.session.disconnect());
      await waitSeen(alice, { event: 'sessionDisconnected', reason: 'clientDisconnected' });
      await waitSeen(bob, { event: 'connectionDestroyed', connectionId: alice.connectionId, reason: 'clientDisconnected' });
      expect(sessionState(session.sessionId).connections.has(alice.connectionId)).to.equal(false);
      expect(context.pageErrors).to.deep.equal([]);
    });

    it('a closed tab leaves the session: its stream and connection end for the others', async function () {
      const session = await routedSession();
      const alice = await tab(session);
      const bob = await tab(session);
      const stream = await alice.evaluate(() => window.publish('publisher', { name: 'Alice' }));
      await waitSeen(bob, { event: 'streamCreated', streamId: stream });
      await alice.close();
      await waitSeen(bob, { event: 'streamDestroyed', streamId: stream, reason: 'clientDisconnected' });
      await waitSeen(bob, { event: 'connectionDestroyed', connectionId: alice.connectionId, reason: 'clientDisconnected' });
      expect(sessionState(session.sessionId).connections.has(alice.connectionId)).to.equal(false);
      expect(emulator.client(alice.connectionId)).to.equal(undefined);
    });
  });

  describe('what the backend does reaches the page', function () {
    it('REST signal: signal and signal:<type> in every tab, or in one connection\'s', async function () {
      const session = await routedSession();
      const alice = await tab(session);
      const bob = await tab(session);
      await alice.evaluate(() => {
        window.typed = [];
        window.session.on('signal:chat', (event) => window.typed.push([event.type, event.data]));
      });
      await opentok.promises.signal(session.sessionId, null, { type: 'chat', data: 'hello everyone' });
      for (const page of [alice, bob]) {
        await waitSeen(page, { event: 'signal:chat', data: 'hello everyone', from: null });
      }
      expect(await alice.evaluate(() => window.typed)).to.deep.equal([['signal:chat', 'hello everyone']]);
      await opentok.promises.signal(session.sessionId, bob.connectionId, { data: 'only bob' });
      await opentok.promises.signal(session.sessionId, null, { type: 'done', data: 'end' });
      await waitSeen(bob, { event: 'signal', data: 'only bob', from: null });
      // Signals arrive in order: once Alice has the later one, the one for Bob would have come.
      await waitSeen(alice, { event: 'signal:done', data: 'end' });
      expect(await seenMatching(alice, { data: 'only bob' })).to.deep.equal([]);
    });

    it('a page\'s signal reaches the other tab (and its sender), to all or to one connection', async function () {
      const session = await routedSession();
      const alice = await tab(session);
      const bob = await tab(session);
      expect(await alice.evaluate(() => window.signal({ type: 'greet', data: 'hi from alice' }))).to.equal(null);
      await waitSeen(bob, { event: 'signal:greet', data: 'hi from alice', from: alice.connectionId });
      await waitSeen(alice, { event: 'signal:greet', data: 'hi from alice', from: alice.connectionId });
      await waitSeen(bob, { event: 'connectionCreated', connectionId: alice.connectionId });
      expect(await bob.evaluate((id) => window.signal({ data: 'just you', to: window.connectionOf(id) }), alice.connectionId)).to.equal(null);
      expect(await bob.evaluate(() => window.signal({ type: 'done', data: 'end' }))).to.equal(null);
      await waitSeen(alice, { event: 'signal', data: 'just you', from: bob.connectionId });
      await waitSeen(bob, { event: 'signal:done', data: 'end' });
      expect(await seenMatching(bob, { data: 'just you' })).to.deep.equal([]);
      const tooLarge = await alice.evaluate(() => window.signal({ type: 'big', data: 'x'.repeat(9000) }));
      expect(tooLarge).to.include({ name: 'OT_INVALID_PARAMETER', code: 413 });
    });

    it('forceDisconnect: sessionDisconnected (forceDisconnected) in the page, streamDestroyed and connectionDestroyed in the other', async function () {
      const session = await routedSession();
      const alice = await tab(session);
      const bob = await tab(session);
      const stream = await alice.evaluate(() => window.publish('publisher', { name: 'Alice' }));
      await waitSeen(bob, { event: 'streamCreated', streamId: stream });
      await opentok.promises.forceDisconnect(session.sessionId, alice.connectionId);
      await waitSeen(alice, { source: 'publisher', event: 'streamDestroyed', streamId: stream, reason: 'forceDisconnected' });
      await waitSeen(alice, { event: 'sessionDisconnected', reason: 'forceDisconnected' });
      await waitSeen(bob, { event: 'streamDestroyed', streamId: stream, reason: 'forceDisconnected' });
      await waitSeen(bob, { event: 'connectionDestroyed', connectionId: alice.connectionId, reason: 'forceDisconnected' });
      expect(await alice.evaluate(() => window.session.isConnected())).to.equal(false);
      expect(sessionState(session.sessionId).connections.has(alice.connectionId)).to.equal(false);
      expect(context.pageErrors).to.deep.equal([]);
    });

    it('forceMuteStream and forceMuteAll: muteForced, the publisher\'s audio off, streamPropertyChanged hasAudio', async function () {
      const session = await routedSession();
      const alice = await tab(session);
      const bob = await tab(session);
      const stream = await alice.evaluate(() => window.publish('publisher', { name: 'Alice' }));
      await waitSeen(bob, { event: 'streamCreated', streamId: stream, hasAudio: true });

      await opentok.promises.forceMuteStream(session.sessionId, stream);
      await waitSeen(alice, { source: 'publisher', event: 'muteForced' });
      for (const page of [alice, bob]) {
        await waitSeen(page, { event: 'streamPropertyChanged', streamId: stream, changedProperty: 'hasAudio', oldValue: true, newValue: false });
      }
      expect(await alice.evaluate(() => window.publisher.stream.hasAudio)).to.equal(false);
      expect(sessionState(session.sessionId).streams.get(stream).muted).to.equal(true);

      // The user unmutes: everyone sees the audio come back.
      await alice.evaluate(() => window.publisher.publishAudio(true));
      await waitSeen(bob, { event: 'streamPropertyChanged', streamId: stream, changedProperty: 'hasAudio', newValue: true });

      await opentok.promises.forceMuteAll(session.sessionId, {});
      for (const page of [alice, bob]) await waitSeen(page, { source: 'session', event: 'muteForced', active: true });
      await alice.waitForFunction(() => window.seen.filter((entry) => entry.source === 'publisher' && entry.event === 'muteForced').length === 2);
      await waitSeen(bob, { event: 'streamPropertyChanged', streamId: stream, changedProperty: 'hasAudio', oldValue: true, newValue: false });
      // A stream published while the session is muted starts without audio.
      const bobStream = await bob.evaluate(() => window.publish('publisher', { name: 'Bob' }));
      await waitSeen(alice, { event: 'streamCreated', streamId: bobStream, hasAudio: false });
      await opentok.promises.disableForceMute(session.sessionId);
      for (const page of [alice, bob]) await waitSeen(page, { source: 'session', event: 'muteForced', active: false });
      expect(context.pageErrors).to.deep.equal([]);
    });

    it('startArchive and stopArchive: archiveStarted and archiveStopped with the archive\'s id and name', async function () {
      const session = await routedSession();
      const alice = await tab(session);
      await alice.evaluate(() => window.publish('publisher', { name: 'Alice' }));
      const archive = await opentok.promises.startArchive(session.sessionId, { name: 'Recording 1' });
      await waitSeen(alice, { event: 'archiveStarted', archiveId: archive.id, archiveName: 'Recording 1' });
      // A tab joining while it records learns of it on connect.
      const bob = await tab(session);
      await waitSeen(bob, { event: 'archiveStarted', archiveId: archive.id, archiveName: 'Recording 1' });
      await opentok.promises.stopArchive(archive.id);
      for (const page of [alice, bob]) {
        await waitSeen(page, { event: 'archiveStopped', archiveId: archive.id, archiveName: 'Recording 1' });
      }
    });

    it('dial: the SIP call\'s connection and audio-only stream appear, and go when it hangs up', async function () {
      const session = await routedSession();
      const page = await tab(session);
      const call = await opentok.promises.dial(session.sessionId, session.generateToken({ data: 'sip' }), 'sip:alice@sip.example.com', {
        from: 'phone@example.com',
      });
      await waitSeen(page, { event: 'connectionCreated', connectionId: call.connectionId, connectionData: 'sip' });
      await waitSeen(page, {
        event: 'streamCreated',
        streamId: call.streamId,
        streamName: 'phone@example.com',
        streamConnectionId: call.connectionId,
        hasAudio: true,
        hasVideo: false,
      });
      // Its subscriber shows the audio-only card, still moving.
      const id = await page.evaluate((streamId) => window.subscribe(streamId, 'subscribers', { insertMode: 'append' }), call.streamId);
      const first = await canvasInfo(page, `#${id}`);
      await pause(150);
      expect((await canvasInfo(page, `#${id}`)).checksum).to.not.equal(first.checksum);
      await opentok.promises.forceDisconnect(session.sessionId, call.connectionId);
      await waitSeen(page, { event: 'streamDestroyed', streamId: call.streamId, reason: 'forceDisconnected' });
      await waitSeen(page, { event: 'connectionDestroyed', connectionId: call.connectionId, reason: 'forceDisconnected' });
      // The default action of streamDestroyed removed the subscriber.
      await waitSeen(page, { source: 'subscriber', event: 'destroyed', reason: 'forceDisconnected' });
      expect(await page.evaluate((elementId) => document.getElementById(elementId), id)).to.equal(null);
    });
  });

  describe('the page\'s moderation and events API', function () {
    it('a moderator page forces another to unpublish and to leave; a publisher page is refused (OT_PERMISSION_DENIED)', async function () {
      const session = await routedSession();
      const moderator = await tab(session, { role: 'moderator' });
      const alice = await tab(session);
      const stream = await alice.evaluate(() => window.publish('publisher', { name: 'Alice' }));
      await waitSeen(moderator, { event: 'streamCreated', streamId: stream });
      const denied = await alice.evaluate(
        (id) => new Promise((resolve) => window.session.forceDisconnect(window.connectionOf(id), (error) => resolve(error && { name: error.name, code: error.code }))),
        moderator.connectionId,
      );
      expect(denied).to.deep.equal({ name: 'OT_PERMISSION_DENIED', code: 1520 });
      await moderator.evaluate((id) => window.session.forceUnpublish(window.streams[id]), stream);
      await waitSeen(alice, { source: 'publisher', event: 'streamDestroyed', streamId: stream, reason: 'forceUnpublished' });
      await waitSeen(moderator, { event: 'streamDestroyed', streamId: stream, reason: 'forceUnpublished' });
      await moderator.evaluate((id) => window.session.forceDisconnect(window.connectionOf(id)), alice.connectionId);
      await waitSeen(alice, { event: 'sessionDisconnected', reason: 'forceDisconnected' });
      await waitSeen(moderator, { event: 'connectionDestroyed', connectionId: alice.connectionId, reason: 'forceDisconnected' });
    });

    it('on, once and off: contexts, objects of handlers, several types in one string', async function () {
      const session = await routedSession();
      const page = await tab(session);
      const counts = await page.evaluate(async () => {
        const s = window.session;
        const calls = { plain: 0, once: 0, map: 0, multi: 0, removed: 0, contextOk: false };
        const context = { name: 'ctx' };
        const removed = () => calls.removed++;
        s.on('signal:a', function () {
          calls.plain++;
          calls.contextOk = this === context;
        }, context);
        s.once('signal:a', () => calls.once++);
        s.on({ 'signal:a': () => calls.map++ });
        s.on('signal:b signal:c', () => calls.multi++);
        s.on('signal:a', removed);
        s.off('signal:a', removed);
        s.on('signal:z', removed);
        s.off('signal:z');
        const settle = (type) => new Promise((resolve) => s.once(`signal:${type}`, () => setTimeout(resolve)));
        for (const type of ['a', 'a', 'b', 'c', 'z']) {
          const arrived = settle(type);
          await window.signal({ type, data: '' });
          await arrived;
        }
        return calls;
      });
      expect(counts).to.deep.equal({ plain: 2, once: 1, map: 2, multi: 2, removed: 0, contextOk: true });
    });
  });
});
