'use strict';
// Clock-skew recovery (src/http/clock-skew.ts and the REST client's re-send): when the service
// refuses the auth JWT for its time (issued after its clock, or expired while we took it for
// fresh) and its Date header agrees, the client keeps the offset the Date gives, signs again and
// sends once more: never twice, never for another refusal, and every JWT it signs afterwards
// (REST auth, generateJwt(), client tokens) is dated by the service's time. Unit tests with nock
// and sinon's fake Date; then the emulator with its clock minutes ahead and behind, over real
// HTTP, in both auth modes.
const crypto = require('crypto');
const util = require('util');
const { expect } = require('chai');
const debug = require('debug');
const jwt = require('jsonwebtoken');
const nock = require('nock');
const sinon = require('sinon');
const OpenTok = require('opentok');
const { Emulator, ClientConnectError } = require('opentok/emulator');
const { API_KEY, API_SECRET, API_URL, PROJECT_PATH, SESSION_ID, normalizeHeaders } = require('./helpers');

const ARCHIVE = { id: 'abc', status: 'available', name: 'nm' };
const ARCHIVE_PATH = `${PROJECT_PATH}/archive/abc`;
/** This machine's (fake) time in the unit tests: a whole second. */
const NOW = Date.parse('2030-06-01T12:00:00Z');
const TEN_MINUTES = 10 * 60 * 1000;
const ISSUED_IN_THE_FUTURE = { code: -1, message: 'issued time cannot be greater than current time', description: 'issued time cannot be greater than current time' };

/** The claims of the auth JWT a request carried (nock's header value may be an array). */
function authClaims(headers) {
  const normalized = normalizeHeaders(headers);
  const bearer = normalized.authorization;
  const token = bearer ? bearer.slice('Bearer '.length) : normalized['x-opentok-auth'];
  return jwt.decode(token);
}

/**
 * Intercepts GET /archive/abc: the first request gets `first` (status, body, headers), later ones
 * a 200. Returns the claims of each request's JWT, filled as they arrive.
 */
function interceptRefusal(first, { base = API_URL, path = ARCHIVE_PATH, times = 1 } = {}) {
  const seen = [];
  nock(base)
    .get(path)
    .times(times)
    .reply(function () {
      seen.push(authClaims(this.req.headers));
      return first;
    });
  nock(base)
    .get(path)
    .reply(function () {
      seen.push(authClaims(this.req.headers));
      return [200, ARCHIVE];
    });
  return seen;
}

const dateHeader = (ms) => ({ Date: new Date(ms).toUTCString() });

describe('Clock skew', function () {
  this.timeout(20000);

  describe('recovery (nock, fake Date)', () => {
    let clock;

    before(() => nock.disableNetConnect());
    after(() => nock.enableNetConnect());
    beforeEach(() => {
      clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
    });
    afterEach(() => {
      clock.restore();
      nock.cleanAll();
    });

    it('our clock 10 minutes ahead: "issued time cannot be greater than current time" → signed again 10 minutes earlier, sent once more', async () => {
      const seen = interceptRefusal([403, ISSUED_IN_THE_FUTURE, dateHeader(NOW - TEN_MINUTES)]);
      const opentok = new OpenTok(API_KEY, API_SECRET);
      const archive = await opentok.promises.getArchive('abc');
      expect(archive.id).to.equal('abc');
      expect(seen.map((claims) => claims.iat)).to.deep.equal([NOW / 1000, (NOW - TEN_MINUTES) / 1000]);
      expect(seen[1].exp).to.equal((NOW - TEN_MINUTES) / 1000 + 300);
    });

    it('our clock 10 minutes behind: an expired JWT we took for fresh → signed again 10 minutes later', async () => {
      const seen = interceptRefusal([401, { code: -1, message: 'Token expired' }, dateHeader(NOW + TEN_MINUTES)]);
      const archive = await new OpenTok(API_KEY, API_SECRET).promises.getArchive('abc');
      expect(archive.id).to.equal('abc');
      expect(seen.map((claims) => claims.iat)).to.deep.equal([NOW / 1000, (NOW + TEN_MINUTES) / 1000]);
    });

    it('the offset is kept: later requests, generateJwt() and client tokens are dated by the service time', async () => {
      interceptRefusal([403, ISSUED_IN_THE_FUTURE, dateHeader(NOW - TEN_MINUTES)]);
      const opentok = new OpenTok(API_KEY, API_SECRET);
      expect(jwt.decode(opentok.generateJwt()).iat, 'before').to.equal(NOW / 1000);
      await opentok.promises.getArchive('abc');
      const later = [];
      nock(API_URL)
        .get(ARCHIVE_PATH)
        .reply(function () {
          later.push(authClaims(this.req.headers));
          return [200, ARCHIVE];
        });
      await opentok.promises.getArchive('abc');
      expect(later.map((claims) => claims.iat), 'one request, dated by the service').to.deep.equal([(NOW - TEN_MINUTES) / 1000]);
      const restJwt = jwt.verify(opentok.generateJwt(), API_SECRET, { clockTimestamp: (NOW - TEN_MINUTES) / 1000 });
      expect(restJwt.iat).to.equal((NOW - TEN_MINUTES) / 1000);
      const token = jwt.verify(opentok.generateToken(SESSION_ID), API_SECRET, { clockTimestamp: (NOW - TEN_MINUTES) / 1000 });
      expect(token.iat).to.equal((NOW - TEN_MINUTES) / 1000);
      expect(token.exp, 'a day after the service time').to.equal((NOW - TEN_MINUTES) / 1000 + 86400);
      // Another client keeps its own clock.
      expect(jwt.decode(new OpenTok(API_KEY, API_SECRET).generateJwt()).iat).to.equal(NOW / 1000);
    });

    it('never twice: a second refusal is the error, with its 2 attempts', async () => {
      const seen = interceptRefusal([403, ISSUED_IN_THE_FUTURE, dateHeader(NOW - 2 * TEN_MINUTES)], { times: 3 });
      const error = await new OpenTok(API_KEY, API_SECRET).promises.getArchive('abc').catch((failure) => failure);
      expect(error).to.be.instanceOf(OpenTok.AuthError);
      expect(error.message).to.equal('Invalid API key or secret (2 attempts)');
      expect(error.attempts).to.equal(2);
      expect(error.statusCode).to.equal(403);
      expect(seen).to.have.length(2);
      nock.cleanAll();
    });

    for (const [label, reply] of [
      ['a refusal that is not about time ("Invalid token format")', [403, { code: -1, message: 'Invalid token format' }, dateHeader(NOW - TEN_MINUTES)]],
      ['a 401 with an invalid signature', [401, { message: 'Invalid signature' }, dateHeader(NOW + TEN_MINUTES)]],
      ['"issued time …" without a Date header', [403, ISSUED_IN_THE_FUTURE]],
      ['"issued time …" with an unparseable Date header', [403, ISSUED_IN_THE_FUTURE, { Date: 'yesterday' }]],
      ['"issued time …" while the Date says the service is ahead of our iat', [403, ISSUED_IN_THE_FUTURE, dateHeader(NOW + TEN_MINUTES)]],
      ['"expired" while the Date says our JWT was still valid for the service', [403, { message: 'Token expired' }, dateHeader(NOW + 60000)]],
      ['a 404 with a time message', [404, ISSUED_IN_THE_FUTURE, dateHeader(NOW - TEN_MINUTES)]],
    ]) {
      it(`not sent again: ${label}`, async () => {
        const seen = interceptRefusal(reply);
        const opentok = new OpenTok(API_KEY, API_SECRET);
        const error = await opentok.promises.getArchive('abc').catch((failure) => failure);
        expect(error).to.be.instanceOf(Error);
        expect(error.statusCode).to.equal(reply[0]);
        expect(error).to.not.have.property('attempts');
        expect(seen).to.have.length(1);
        expect(jwt.decode(opentok.generateJwt()).iat, 'offset unchanged').to.equal(NOW / 1000);
        nock.cleanAll();
      });
    }

    it('any method is sent again (the request was refused before anything was done): POST with its body', async () => {
      const bodies = [];
      nock(API_URL)
        .post(`${PROJECT_PATH}/archive`, (body) => bodies.push(body))
        .reply(403, ISSUED_IN_THE_FUTURE, dateHeader(NOW - TEN_MINUTES))
        .post(`${PROJECT_PATH}/archive`, (body) => bodies.push(body))
        .reply(200, { id: 'new', status: 'started' });
      const archive = await new OpenTok(API_KEY, API_SECRET).promises.startArchive(SESSION_ID, { name: 'x' });
      expect(archive.id).to.equal('new');
      expect(bodies).to.have.length(2);
      expect(bodies[1]).to.deep.equal(bodies[0]);
    });

    it('Vonage application mode: the bearer JWT is signed again', async () => {
      const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
      const applicationId = 'b5c7e4a2-9f31-4d2e-8a6b-3c1d0e9f7a55';
      const seen = interceptRefusal([403, ISSUED_IN_THE_FUTURE, dateHeader(NOW - TEN_MINUTES)], {
        base: 'https://video.api.vonage.com',
        path: `/v2/project/${applicationId}/archive/abc`,
      });
      const archive = await new OpenTok(applicationId, privateKey).promises.getArchive('abc');
      expect(archive.id).to.equal('abc');
      expect(seen.map((claims) => claims.iat)).to.deep.equal([NOW / 1000, (NOW - TEN_MINUTES) / 1000]);
      expect(seen[1].jti).to.not.equal(seen[0].jti);
    });

    it('with maxRetries, the re-send counts as an attempt and does not use up a retry', async () => {
      const statuses = [];
      const reply = (status, body, headers) =>
        function () {
          statuses.push(status);
          return [status, body, headers];
        };
      nock(API_URL)
        .get(ARCHIVE_PATH)
        .reply(reply(403, ISSUED_IN_THE_FUTURE, dateHeader(NOW - TEN_MINUTES)))
        .get(ARCHIVE_PATH)
        .reply(reply(503, { message: 'busy' }, { 'Retry-After': '0' }))
        .get(ARCHIVE_PATH)
        .reply(reply(503, { message: 'busy' }, { 'Retry-After': '0' }));
      const error = await new OpenTok(API_KEY, API_SECRET, { maxRetries: 1 }).promises.getArchive('abc').catch((failure) => failure);
      expect(statuses).to.deep.equal([403, 503, 503]);
      expect(error.message).to.equal('Unexpected response from OpenTok: "{"message":"busy"}" (3 attempts)');
      expect(error.attempts).to.equal(3);
    });

    describe('logging', () => {
      let lines;
      let saved;
      beforeEach(() => {
        saved = { namespaces: debug.namespaces, env: process.env.DEBUG, log: debug.log };
        lines = [];
        debug.log = (...args) => lines.push(util.format(...args));
        debug.enable('opentok:http');
      });
      afterEach(() => {
        debug.log = saved.log;
        debug.enable(saved.namespaces || '');
        if (saved.env === undefined) delete process.env.DEBUG;
        else process.env.DEBUG = saved.env;
      });

      it('logs the new offset under opentok:http, never the JWT', async () => {
        const tokens = [];
        nock(API_URL)
          .get(ARCHIVE_PATH)
          .reply(function () {
            tokens.push(normalizeHeaders(this.req.headers)['x-opentok-auth']);
            return [403, ISSUED_IN_THE_FUTURE, dateHeader(NOW - TEN_MINUTES)];
          })
          .get(ARCHIVE_PATH)
          .reply(function () {
            tokens.push(normalizeHeaders(this.req.headers)['x-opentok-auth']);
            return [200, ARCHIVE];
          });
        await new OpenTok(API_KEY, API_SECRET).promises.getArchive('abc');
        const offsetLines = lines.filter((line) => line.includes('clock offset'));
        expect(offsetLines).to.have.length(1);
        expect(offsetLines[0]).to.include(
          `opentok:http GET ${API_URL}${ARCHIVE_PATH} 403: the service refused the auth JWT for its time; clock offset now -600000ms (was 0ms), signing again and sending once more`,
        );
        expect(tokens).to.have.length(2);
        for (const token of tokens) {
          for (const part of token.split('.')) expect(lines.join('\n')).to.not.include(part);
        }
      });
    });
  });

  describe('against the emulator, its clock minutes ahead and behind (real HTTP)', () => {
    for (const skewMinutes of [-10, 10]) {
      const skewMs = skewMinutes * 60000;
      describe(`emulator ${Math.abs(skewMinutes)} minutes ${skewMinutes > 0 ? 'ahead' : 'behind'}`, () => {
        let emulator;
        before(async () => {
          emulator = await Emulator.start({ clockSkewMs: skewMs });
        });
        after(() => emulator.close());

        const serviceSeconds = () => Math.floor((Date.now() + skewMs) / 1000);

        it('a first call recovers, the offset is kept, later calls go through at once', async () => {
          const opentok = new OpenTok(emulator.project.apiKey, emulator.project.apiSecret, { apiUrl: emulator.url });
          // Without the offset, the emulator refuses our JWT for its time.
          const before = jwt.decode(opentok.generateJwt());
          expect(Math.abs(before.iat - serviceSeconds())).to.be.above(500);
          const session = await opentok.promises.createSession({ mediaMode: 'routed' });
          expect(session.sessionId).to.be.a('string');
          const after = jwt.decode(opentok.generateJwt());
          expect(Math.abs(after.iat - serviceSeconds()), 'generateJwt() dated by the emulator clock').to.be.at.most(2);
          // Later calls need no correction: one request each (the emulator looks up the faults
          // of every request it receives, so counting those lookups counts the requests).
          const requests = [];
          const take = sinon.stub(emulator.faults, 'take').callsFake(function (method, path) {
            requests.push(`${method} ${path}`);
            return take.wrappedMethod.call(this, method, path);
          });
          try {
            await opentok.promises.listArchives();
            await opentok.promises.listStreams(session.sessionId);
          } finally {
            take.restore();
          }
          expect(requests).to.have.length(2);
          // Client tokens are dated by the emulator clock too: they connect.
          const client = emulator.connectClient({ token: session.generateToken({ role: 'publisher' }), sessionId: session.sessionId });
          expect(client.connectionId).to.be.a('string');
        });

        it('Vonage application mode recovers the same way', async () => {
          const { applicationId, privateKey } = emulator.createApplication();
          const vonage = new OpenTok(applicationId, privateKey, { apiUrl: emulator.url });
          const session = await vonage.promises.createSession({ mediaMode: 'routed' });
          expect(session.sessionId).to.be.a('string');
          expect(Math.abs(jwt.decode(vonage.generateJwt()).iat - serviceSeconds())).to.be.at.most(2);
          const client = emulator.connectClient({ token: session.generateToken(), sessionId: session.sessionId });
          expect(client.connectionId).to.be.a('string');
        });

        if (skewMinutes < 0) {
          it('a client that has not learnt the offset mints tokens the emulator refuses as issued in the future', async () => {
            const learnt = new OpenTok(emulator.project.apiKey, emulator.project.apiSecret, { apiUrl: emulator.url });
            const session = await learnt.promises.createSession();
            const fresh = new OpenTok(emulator.project.apiKey, emulator.project.apiSecret, { apiUrl: emulator.url });
            expect(() => emulator.connectClient({ token: fresh.generateToken(session.sessionId), sessionId: session.sessionId }))
              .to.throw(ClientConnectError, 'issued time cannot be greater than current time')
              .with.property('code', 'invalid-token');
          });
        }
      });
    }
  });
});
