'use strict';
// Diagnostic logging with the `debug` package under `opentok:*` (src/http/logger.ts): one line when
// a REST request starts and one when it completes (method, full URL, status or failure reason,
// duration), nothing when the namespace is disabled, and never a secret: API secret, private key,
// the auth JWT sent, client tokens or anything else from request/response headers and bodies.
const crypto = require('crypto');
const http = require('http');
const util = require('util');
const { expect } = require('chai');
const debug = require('debug');
const nock = require('nock');
const OpenTok = require('opentok');
const { API_KEY, API_SECRET, API_URL, PROJECT_PATH, SESSION_ID, callbackArgs, normalizeHeaders, useNock } = require('./helpers');
const { closedPort } = require('./support/local-http');

const APPLICATION_ID = 'b5c7e4a2-9f31-4d2e-8a6b-3c1d0e9f7a55';
const VONAGE_URL = 'https://video.api.vonage.com';
const VONAGE_PATH = `/v2/project/${APPLICATION_ID}`;

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
/** A completion line: `opentok:http <METHOD> <URL> <outcome> <n>ms`, then debug's `+Xms` when coloured. */
const COMPLETION = /opentok:http (GET|POST|PUT|PATCH|DELETE) (\S+) (.+) (\d+)ms(?: \+\S+)?$/;
const START = /opentok:http (GET|POST|PUT|PATCH|DELETE) (\S+) started(?: \+\S+)?$/;

/**
 * Enables `namespaces` and captures what debug would print, as plain text lines (colours removed).
 * Restores the namespaces, `process.env.DEBUG` (which `debug.enable` writes) and `debug.log` after
 * each test.
 */
function captureDebug() {
  const state = { lines: [] };
  let savedNamespaces;
  let savedEnv;
  let savedLog;
  beforeEach(() => {
    savedNamespaces = debug.namespaces;
    savedEnv = process.env.DEBUG;
    savedLog = debug.log;
    state.lines = [];
    debug.log = (...args) => {
      state.lines.push(util.format(...args).replace(ANSI, ''));
    };
    debug.enable('opentok:*');
  });
  afterEach(() => {
    debug.log = savedLog;
    debug.enable(savedNamespaces === undefined ? '' : savedNamespaces);
    if (savedEnv === undefined) delete process.env.DEBUG;
    else process.env.DEBUG = savedEnv;
  });
  return state;
}

/** The completion lines among `lines`, parsed. */
function completions(lines) {
  return lines
    .map((line) => COMPLETION.exec(line))
    .filter((match) => match !== null && !START.test(match[0]))
    .map(([, method, url, outcome, ms]) => ({ method, url, outcome, ms: Number(ms) }));
}

function starts(lines) {
  return lines
    .map((line) => START.exec(line))
    .filter((match) => match !== null)
    .map(([, method, url]) => ({ method, url }));
}

/** A local server that accepts connections and never answers. */
async function silentServer() {
  const sockets = new Set();
  const server = http.createServer(() => {});
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(resolve);
      }),
  };
}

/**
 * Fails if any line contains `secret`, or any `window`-character piece of it (whitespace ignored,
 * so that a PEM body or a token split over lines is caught too).
 */
function expectNoLeak(lines, secret, what, window = 16) {
  expect(secret, what).to.be.a('string');
  const compact = secret.replace(/\s+/g, '');
  expect(compact.length, `${what} is long enough to be searched`).to.be.at.least(window);
  for (const line of lines) {
    const texts = [line, line.replace(/\s+/g, '')];
    for (const text of texts) {
      expect(text.includes(compact), `a log line contains the ${what}: ${line}`).to.equal(false);
      for (let i = 0; i + window <= text.length; i += 1) {
        const piece = text.slice(i, i + window);
        expect(compact.includes(piece), `a log line contains part of the ${what} (${piece}): ${line}`).to.equal(false);
      }
    }
  }
}

describe('logging (debug, opentok:* namespaces)', () => {
  useNock();
  const captured = captureDebug();

  describe('one line per request', () => {
    it('success: start line, then "<METHOD> <full URL> <status> <n>ms" under opentok:http', async () => {
      const scope = nock(API_URL)
        .get(`${PROJECT_PATH}/archive?offset=5&count=10&sessionId=S`)
        .delay(30)
        .reply(200, { count: 0, items: [] });
      const args = await callbackArgs((cb) => new OpenTok(API_KEY, API_SECRET).listArchives({ offset: 5, count: 10, sessionId: 'S' }, cb));
      expect(args[0]).to.equal(null);
      expect(scope.isDone()).to.equal(true);
      const url = `${API_URL}${PROJECT_PATH}/archive?offset=5&count=10&sessionId=S`;
      const { lines } = captured;
      expect(lines).to.have.length(2);
      expect(starts(lines)).to.deep.equal([{ method: 'GET', url }]);
      expect(lines[0]).to.match(START);
      const done = completions(lines);
      expect(done).to.have.length(1);
      expect(done[0]).to.include({ method: 'GET', url, outcome: '200' });
      expect(done[0].ms).to.be.at.least(25).and.below(5000);
      expect(lines[1]).to.match(COMPLETION);
      for (const line of lines) expect(line).to.not.include('\n');
    });

    it('POST with a JSON body: one completion line with status 200, the body is not logged', async () => {
      const scope = nock(API_URL)
        .post(`${PROJECT_PATH}/archive`)
        .reply(200, { id: 'ARCHIVE-ID-xyz', sessionId: SESSION_ID, name: 'SECRET-NAME-IN-RESPONSE', status: 'started' });
      const args = await callbackArgs((cb) =>
        new OpenTok(API_KEY, API_SECRET).startArchive(SESSION_ID, { name: 'SECRET-NAME-IN-REQUEST' }, cb));
      expect(args[0]).to.equal(null);
      expect(scope.isDone()).to.equal(true);
      const done = completions(captured.lines);
      expect(done).to.have.length(1);
      expect(done[0]).to.include({ method: 'POST', url: `${API_URL}${PROJECT_PATH}/archive`, outcome: '200' });
      for (const line of captured.lines) {
        expect(line).to.not.include('SECRET-NAME');
        expect(line).to.not.include('ARCHIVE-ID-xyz');
        expect(line).to.not.include(SESSION_ID);
      }
    });

    it('error status: the status is logged, not the error body or message', async () => {
      nock(API_URL).delete(`${PROJECT_PATH}/archive/abc`).reply(500, { message: 'Server detail BODY-TEXT' });
      const args = await callbackArgs((cb) => new OpenTok(API_KEY, API_SECRET).deleteArchive('abc', cb));
      expect(args[0]).to.be.an.instanceOf(OpenTok.RequestError);
      const done = completions(captured.lines);
      expect(done).to.have.length(1);
      expect(done[0]).to.include({ method: 'DELETE', url: `${API_URL}${PROJECT_PATH}/archive/abc`, outcome: '500' });
      for (const line of captured.lines) expect(line).to.not.include('BODY-TEXT');
    });

    it('404: "404"', async () => {
      nock(API_URL).get(`${PROJECT_PATH}/archive/gone`).reply(404, '');
      const args = await callbackArgs((cb) => new OpenTok(API_KEY, API_SECRET).getArchive('gone', cb));
      expect(args[0]).to.be.an.instanceOf(OpenTok.NotFoundError);
      expect(completions(captured.lines).map((c) => c.outcome)).to.deep.equal(['404']);
    });

    it('a body declared JSON that does not parse: "<status> unparseable body", without the body', async () => {
      nock(API_URL)
        .get(`${PROJECT_PATH}/archive/abc`)
        .reply(200, 'not json BODY-TEXT', { 'Content-Type': 'application/json' });
      const args = await callbackArgs((cb) => new OpenTok(API_KEY, API_SECRET).getArchive('abc', cb));
      expect(args[0]).to.be.an.instanceOf(OpenTok.RequestError);
      expect(args[0].message, 'the parse error quotes the body, which is why it is not logged').to.include('not json');
      const done = completions(captured.lines);
      expect(done.map((c) => c.outcome)).to.deep.equal(['200 unparseable body']);
      for (const line of captured.lines) expect(line).to.not.include('BODY-TEXT');
    });

    it('transport failure (closed port): "error ECONNREFUSED", one line, no stack, no message', async () => {
      const port = await closedPort();
      const base = `http://127.0.0.1:${port}`;
      nock.enableNetConnect('127.0.0.1');
      const args = await callbackArgs((cb) => new OpenTok(API_KEY, API_SECRET, base).getArchive('abc', cb));
      expect(args[0]).to.be.an.instanceOf(OpenTok.RequestError);
      expect(args[0].cause.code).to.equal('ECONNREFUSED');
      const done = completions(captured.lines);
      expect(done).to.have.length(1);
      expect(done[0]).to.include({ method: 'GET', url: `${base}${PROJECT_PATH}/archive/abc`, outcome: 'error ECONNREFUSED' });
      expect(done[0].ms).to.be.below(5000);
      expect(captured.lines).to.have.length(2);
      for (const line of captured.lines) {
        expect(line).to.not.include('\n');
        expect(line).to.not.match(/\bat .*:\d+:\d+/);
        expect(line).to.not.include('request to');
        expect(line).to.not.include('connect ECONNREFUSED');
      }
    });

    it('timeout: "timeout" with a duration of at least the timeout', async () => {
      const server = await silentServer();
      nock.enableNetConnect('127.0.0.1');
      try {
        const args = await callbackArgs((cb) => new OpenTok(API_KEY, API_SECRET, { apiUrl: server.base, timeout: 120 }).getArchive('abc', cb));
        expect(args[0]).to.be.an.instanceOf(OpenTok.RequestError);
        expect(args[0].message).to.equal(`network timeout at: ${server.base}${PROJECT_PATH}/archive/abc`);
      } finally {
        await server.close();
      }
      const done = completions(captured.lines);
      expect(done).to.have.length(1);
      expect(done[0]).to.include({ method: 'GET', url: `${server.base}${PROJECT_PATH}/archive/abc`, outcome: 'timeout' });
      expect(done[0].ms).to.be.at.least(110).and.below(5000);
      for (const line of captured.lines) expect(line).to.not.include('network timeout at');
    });

    it('credentials in a configured apiUrl are masked', async () => {
      nock('https://api.example.com').get(`${PROJECT_PATH}/archive/abc`).reply(200, { id: 'abc' });
      const args = await callbackArgs((cb) =>
        new OpenTok(API_KEY, API_SECRET, 'https://user:URLPASSWORD@api.example.com').getArchive('abc', cb));
      expect(args[0]).to.equal(null);
      const done = completions(captured.lines);
      expect(done).to.have.length(1);
      expect(done[0]).to.include({ url: `https://***@api.example.com${PROJECT_PATH}/archive/abc`, outcome: '200' });
      for (const line of captured.lines) {
        expect(line).to.not.include('URLPASSWORD');
        expect(line).to.not.include('user:');
      }
    });

    it('concurrent requests each get their own line', async () => {
      nock(API_URL).get(`${PROJECT_PATH}/archive/a`).delay(40).reply(200, { id: 'a' });
      nock(API_URL).get(`${PROJECT_PATH}/archive/b`).reply(404, '');
      const opentok = new OpenTok(API_KEY, API_SECRET);
      await Promise.all([
        callbackArgs((cb) => opentok.getArchive('a', cb)),
        callbackArgs((cb) => opentok.getArchive('b', cb)),
      ]);
      const done = completions(captured.lines);
      expect(done.map((c) => [c.url, c.outcome])).to.deep.equal([
        [`${API_URL}${PROJECT_PATH}/archive/b`, '404'],
        [`${API_URL}${PROJECT_PATH}/archive/a`, '200'],
      ]);
      expect(starts(captured.lines)).to.have.length(2);
    });

    it('a throwing debug.log does not change the outcome', async () => {
      debug.log = () => {
        throw new Error('broken logger');
      };
      nock(API_URL).get(`${PROJECT_PATH}/archive/abc`).reply(200, { id: 'abc' });
      const args = await callbackArgs((cb) => new OpenTok(API_KEY, API_SECRET).getArchive('abc', cb));
      expect(args[0]).to.equal(null);
      expect(args[1].id).to.equal('abc');
    });
  });

  describe('disabled namespace', () => {
    for (const [label, namespaces] of [
      ['nothing enabled', ''],
      ['another namespace enabled', 'other:*'],
      ['opentok:* enabled but opentok:http excluded', 'opentok:*,-opentok:http'],
    ]) {
      it(`${label}: nothing is logged, the request still works`, async () => {
        debug.enable(namespaces);
        const scope = nock(API_URL).get(`${PROJECT_PATH}/archive/abc`).reply(200, { id: 'abc' });
        nock(API_URL).get(`${PROJECT_PATH}/archive/def`).reply(500, { message: 'x' });
        const opentok = new OpenTok(API_KEY, API_SECRET);
        const ok = await callbackArgs((cb) => opentok.getArchive('abc', cb));
        const failed = await callbackArgs((cb) => opentok.getArchive('def', cb));
        expect(ok[0]).to.equal(null);
        expect(failed[0]).to.be.an.instanceOf(OpenTok.RequestError);
        expect(scope.isDone()).to.equal(true);
        expect(captured.lines).to.deep.equal([]);
      });
    }

    it('a transport failure is not logged either', async () => {
      debug.enable('');
      const port = await closedPort();
      nock.enableNetConnect('127.0.0.1');
      const args = await callbackArgs((cb) => new OpenTok(API_KEY, API_SECRET, `http://127.0.0.1:${port}`).getArchive('abc', cb));
      expect(args[0]).to.be.an.instanceOf(OpenTok.RequestError);
      expect(captured.lines).to.deep.equal([]);
    });
  });

  describe('secret hygiene', () => {
    let privateKey;
    before(() => {
      ({ privateKey } = crypto.generateKeyPairSync('rsa', {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      }));
      expect(privateKey.startsWith('-----BEGIN PRIVATE KEY-----')).to.equal(true);
    });

    /** The PEM body (base64 lines between the armour lines). */
    function pemBody(pem) {
      return pem
        .split('\n')
        .filter((line) => line && !line.startsWith('-----'))
        .join('\n');
    }

    const SIP_PASSWORD = 'sip-password-DO-NOT-LOG-0123456789';
    const WS_HEADER_SECRET = 'ws-header-secret-DO-NOT-LOG-987654';

    /**
     * Calls dial, websocketConnect, startCaptions and startRender with a client token in the body,
     * against interceptors that capture the auth header each request carried and echo the body
     * back (in a 200 for some, in a 500 error message for others). Returns the auth JWTs sent.
     */
    async function callTokenMethods({ opentok, base, path, authHeader, token }) {
      const jwts = [];
      const echo = (status) =>
        function reply(uri, body) {
          const value = normalizeHeaders(this.req.headers)[authHeader];
          expect(value, authHeader).to.be.a('string');
          jwts.push(value.replace(/^Bearer /, ''));
          const text = typeof body === 'string' ? body : JSON.stringify(body);
          expect(text, 'the request body carries the client token').to.include(token);
          return status === 200
            ? [200, { id: 'ID', connectionId: 'C', streamId: 'S', captionsId: 'CAPTIONS', echo: text }]
            : [status, { message: `echo ${text}` }];
        };
      const scope = nock(base)
        .post(`${path}/dial`).reply(echo(200))
        .post(`${path}/dial`).reply(echo(500))
        .post(`${path}/connect`).reply(echo(200))
        .post(`${path}/connect`).reply(echo(403))
        .post(`${path}/captions`).reply(echo(200))
        .post(`${path}/captions`).reply(echo(409))
        .post(`${path}/render`).reply(echo(200))
        .post(`${path}/render`).reply(echo(500));
      const dialOptions = { auth: { username: 'u', password: SIP_PASSWORD }, headers: { 'X-Secret': SIP_PASSWORD } };
      const wsOptions = { headers: { Authorization: WS_HEADER_SECRET } };
      const renderOptions = { sessionId: SESSION_ID, token, url: 'https://example.com/composer', properties: { name: 'r' } };
      const results = [];
      for (let round = 0; round < 2; round += 1) {
        results.push(await callbackArgs((cb) => opentok.dial(SESSION_ID, token, 'sip:user@sip.example.com', dialOptions, cb)));
        results.push(await callbackArgs((cb) => opentok.websocketConnect(SESSION_ID, token, 'wss://example.com/ws', wsOptions, cb)));
        results.push(await callbackArgs((cb) => opentok.startCaptions(SESSION_ID, token, {}, cb)));
        results.push(await callbackArgs((cb) => opentok.startRender(renderOptions, cb)));
      }
      expect(scope.isDone(), 'all eight requests were sent').to.equal(true);
      expect(results.slice(0, 4).map((args) => args[0])).to.deep.equal([null, null, null, null]);
      for (const args of results.slice(4)) expect(args[0]).to.be.an.instanceOf(Error);
      expect(jwts).to.have.length(8);
      return jwts;
    }

    function expectLinesForTokenMethods(lines, base, path) {
      const done = completions(lines);
      expect(done.map((c) => [c.method, c.url, c.outcome])).to.deep.equal([
        ['POST', `${base}${path}/dial`, '200'],
        ['POST', `${base}${path}/connect`, '200'],
        ['POST', `${base}${path}/captions`, '200'],
        ['POST', `${base}${path}/render`, '200'],
        ['POST', `${base}${path}/dial`, '500'],
        ['POST', `${base}${path}/connect`, '403'],
        ['POST', `${base}${path}/captions`, '409'],
        ['POST', `${base}${path}/render`, '500'],
      ]);
      expect(lines).to.have.length(16);
    }

    function expectNoSecrets(lines, secrets) {
      for (const [what, secret] of Object.entries(secrets)) expectNoLeak(lines, secret, what);
    }

    it('API key/secret mode: no secret, auth JWT, client token or header value in any line', async () => {
      const opentok = new OpenTok(API_KEY, API_SECRET);
      const token = opentok.generateToken(SESSION_ID, { data: 'connection-data-PRIVATE' });
      const jwts = await callTokenMethods({ opentok, base: API_URL, path: PROJECT_PATH, authHeader: 'x-opentok-auth', token });
      const { lines } = captured;
      expectLinesForTokenMethods(lines, API_URL, PROJECT_PATH);
      expectNoSecrets(lines, { 'API secret': API_SECRET, 'client token': token, 'SIP password': SIP_PASSWORD, 'websocket header': WS_HEADER_SECRET });
      jwts.forEach((sent, i) => {
        expectNoLeak(lines, sent, `auth JWT #${i}`);
        expectNoLeak(lines, sent.split('.')[2], `auth JWT #${i} signature`);
      });
      for (const line of lines) {
        expect(line).to.not.include('connection-data-PRIVATE');
        expect(line.toLowerCase()).to.not.include('x-opentok-auth');
        expect(line).to.not.include('eyJ');
      }
    });

    it('Vonage application mode: no private key material, Bearer JWT or client token in any line', async () => {
      const opentok = new OpenTok(APPLICATION_ID, privateKey);
      const token = opentok.generateToken(SESSION_ID);
      const jwts = await callTokenMethods({ opentok, base: VONAGE_URL, path: VONAGE_PATH, authHeader: 'authorization', token });
      const { lines } = captured;
      expectLinesForTokenMethods(lines, VONAGE_URL, VONAGE_PATH);
      expectNoSecrets(lines, { 'private key PEM body': pemBody(privateKey), 'client token': token, 'SIP password': SIP_PASSWORD, 'websocket header': WS_HEADER_SECRET });
      jwts.forEach((sent, i) => {
        expect(sent.split('.'), 'a JWT').to.have.length(3);
        expectNoLeak(lines, sent, `Bearer JWT #${i}`);
        expectNoLeak(lines, sent.split('.')[2], `Bearer JWT #${i} signature`);
      });
      for (const line of lines) {
        expect(line).to.not.include('PRIVATE KEY');
        expect(line).to.not.include('Bearer');
        expect(line).to.not.include('eyJ');
      }
    });

    it('a private key that cannot sign: "error <code>", nothing of the key', async () => {
      const body = pemBody(privateKey);
      // Armoured like a PKCS#8 key (so Vonage mode is active) but with a mangled body.
      const broken = `-----BEGIN PRIVATE KEY-----\n${body.slice(0, 200).split('').reverse().join('')}\n-----END PRIVATE KEY-----\n`;
      const opentok = new OpenTok(APPLICATION_ID, broken);
      const args = await callbackArgs((cb) => opentok.getArchive('abc', cb));
      expect(args[0]).to.be.an.instanceOf(OpenTok.RequestError);
      const done = completions(captured.lines);
      expect(done).to.have.length(1);
      expect(done[0]).to.include({ method: 'GET', url: `${VONAGE_URL}${VONAGE_PATH}/archive/abc` });
      expect(done[0].outcome).to.match(/^error [\w.-]+$/);
      expectNoLeak(captured.lines, broken.replace(/-----[A-Z ]+-----/g, ''), 'broken key body');
      for (const line of captured.lines) expect(line).to.not.include('PRIVATE KEY');
    });

    it('the self-check catches a leak (a line containing a piece of a secret fails)', () => {
      expect(() => expectNoLeak(['GET x 200 1ms'], API_SECRET, 'API secret')).to.not.throw();
      expect(() => expectNoLeak([`prefix ${API_SECRET.slice(3, 20)} suffix`], API_SECRET, 'API secret')).to.throw(/part of the API secret/);
      const body = pemBody(privateKey);
      const oneLine = body.split('\n')[4];
      expect(() => expectNoLeak([`k=${oneLine.slice(10, 30)}`], body, 'key')).to.throw(/part of the key/);
    });
  });
});
