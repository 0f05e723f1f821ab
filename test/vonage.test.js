'use strict';
// Vonage "application" mode: activation (a UUID application ID and a PKCS#8 private key), base
// URL, auth and paths; the RS256 REST JWT (also returned by generateJwt); and Vonage-mode client
// tokens, which honour expireTime and are validated like normal tokens. The tokens are checked by
// hand (exact header text, claim order) and with jsonwebtoken against the public key of a key pair
// generated here.
const crypto = require('crypto');
const util = require('util');
const { expect } = require('chai');
const jwt = require('jsonwebtoken');
const nock = require('nock');
const sinon = require('sinon');
const OpenTok = require('opentok');
const {
  API_KEY,
  API_SECRET,
  API_URL,
  SDK_VERSION,
  SESSION_ID,
  callbackArgs,
  makeSessionId,
  normalizeHeaders,
  useNock,
} = require('./helpers');

const APPLICATION_ID = 'b5c7e4a2-9f31-4d2e-8a6b-3c1d0e9f7a55';
const VONAGE_URL = 'https://video.api.vonage.com';
const VONAGE_PATH = `/v2/project/${APPLICATION_ID}`;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RS256_HEADER = '{"alg":"RS256","typ":"JWT"}';
const REST_CLAIM_KEYS = ['iss', 'ist', 'iat', 'exp', 'application_id', 'jti'];
const TOKEN_CLAIM_KEYS = [
  'scope',
  'session_id',
  'role',
  'initial_layout_class_list',
  'exp',
  'sub',
  'acl',
  'connection_data',
  'jti',
  'iat',
  'application_id',
];
const ACL = { paths: { '/session/**': {} } };

// A fixed clock whose fractional second rounds UP: now = Math.round(..) differs from iat = Math.floor(..).
const NOW_MS = 1795820725600;
const NOW = 1795820726; // Math.round(NOW_MS / 1000)
const IAT = 1795820725; // Math.floor(NOW_MS / 1000)
const ONE_DAY = 86400;
const THIRTY_DAYS = 2592000;

const DATA_MESSAGE = 'Invalid data for token generation, must be a string with maximum length 1024';
const CLASS_LIST_MESSAGE =
  'Invalid initial layout class list for token generation, must have concatenated length of less than 1024';

let privateKey; // PKCS#8 PEM, '-----BEGIN PRIVATE KEY-----…'
let publicKey; // SPKI PEM
let pkcs1PrivateKey; // the same key as '-----BEGIN RSA PRIVATE KEY-----…'
let keyBodyLine; // one line of the base64 key material, to look for in outputs

/** Generates the key pair once, on first use by one of this file's suites. */
function generateKeys() {
  if (privateKey) return;
  ({ publicKey, privateKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  }));
  pkcs1PrivateKey = crypto.createPrivateKey(privateKey).export({ type: 'pkcs1', format: 'pem' });
  expect(privateKey.startsWith('-----BEGIN PRIVATE KEY-----')).to.equal(true);
  expect(pkcs1PrivateKey.startsWith('-----BEGIN RSA PRIVATE KEY-----')).to.equal(true);
  keyBodyLine = privateKey.split('\n')[5];
  expect(keyBodyLine).to.match(/^[A-Za-z0-9+/]{64}$/);
}

function vonageClient(options) {
  return new OpenTok(APPLICATION_ID, privateKey, options);
}

/** Decodes a base64url JWT segment to text, insisting on the URL-safe alphabet without padding. */
function base64UrlText(segment) {
  expect(segment).to.match(/^[A-Za-z0-9_-]+$/);
  return Buffer.from(segment, 'base64url').toString('utf8');
}

/**
 * Checks an RS256 JWT: exactly three segments, header text exactly {"alg":"RS256","typ":"JWT"}, a
 * signature that verifies with the public key (by hand and with jsonwebtoken). Returns the claims in
 * their serialized order.
 */
function decodeRs256(token) {
  expect(token).to.be.a('string');
  const parts = token.split('.');
  expect(parts).to.have.length(3);
  expect(base64UrlText(parts[0])).to.equal(RS256_HEADER);
  const payloadText = base64UrlText(parts[1]);
  const signatureOk = crypto.verify(
    'sha256',
    Buffer.from(`${parts[0]}.${parts[1]}`),
    publicKey,
    Buffer.from(parts[2], 'base64url'),
  );
  expect(signatureOk, 'RS256 signature verifies with the public key').to.equal(true);
  const verified = jwt.verify(token, publicKey, { algorithms: ['RS256'] });
  const claims = JSON.parse(payloadText);
  expect(verified).to.deep.equal(claims);
  expect(jwt.decode(token, { complete: true }).header).to.deep.equal({ alg: 'RS256', typ: 'JWT' });
  return claims;
}

/** Asserts a REST JWT of Vonage mode; `iat` exact when given, else close to the clock. */
function expectRestJwt(token, { applicationId = APPLICATION_ID, iat } = {}) {
  const claims = decodeRs256(token);
  expect(Object.keys(claims)).to.deep.equal(REST_CLAIM_KEYS);
  expect(claims.iss).to.equal(applicationId);
  expect(claims.ist).to.equal('project');
  expect(Number.isInteger(claims.iat), 'iat is an integer').to.equal(true);
  if (iat === undefined) {
    expect(Math.abs(claims.iat - Math.floor(Date.now() / 1000))).to.be.at.most(2);
  } else {
    expect(claims.iat).to.equal(iat);
  }
  expect(claims.exp).to.equal(claims.iat + 300);
  expect(claims.application_id).to.equal(applicationId);
  expect(claims.jti).to.match(UUID_V4);
  // jsonwebtoken agrees on the issuer as well.
  jwt.verify(token, publicKey, { algorithms: ['RS256'], issuer: applicationId });
  return claims;
}

/** Asserts the headers of a Vonage-mode request and returns the REST JWT claims. */
function expectVonageHeaders(rawHeaders, options) {
  const headers = normalizeHeaders(rawHeaders);
  expect(headers['user-agent']).to.equal(`OpenTok-Node-SDK/${SDK_VERSION}`);
  expect(headers.accept).to.equal('application/json');
  expect(headers, 'no X-OPENTOK-AUTH in Vonage mode').to.not.have.property('x-opentok-auth');
  expect(headers).to.not.have.property('headers');
  expect(headers.authorization).to.be.a('string');
  expect(headers.authorization).to.match(/^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  return expectRestJwt(headers.authorization.slice('Bearer '.length), options);
}

/**
 * Intercepts one `method` request to any path of `base`, answering `reply`; records the path,
 * headers and raw body.
 */
function intercept(base, method, reply) {
  const seen = { count: 0 };
  const scope = nock(base)
    .intercept(() => true, method)
    .reply(function (uri) {
      seen.count += 1;
      seen.path = uri;
      seen.rawHeaders = this.req.headers;
      seen.headers = normalizeHeaders(this.req.headers);
      return reply;
    });
  scope.on('request', (req, interceptor, body) => {
    seen.body = body;
  });
  return seen;
}

/** Which auth scheme a client uses, observed on the wire with getArchive. */
async function observeAuth(opentok, base) {
  const seen = intercept(base, 'GET', [200, { id: 'abc', status: 'available' }]);
  const args = await callbackArgs((cb) => opentok.getArchive('abc', cb));
  expect(args[0]).to.equal(null);
  expect(seen.count).to.equal(1);
  return seen;
}

/** Runs `fn`, asserting it throws a plain `Error` (not a subclass) with exactly `message`. */
function expectPlainError(fn, message) {
  let thrown = null;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `expected a throw with message: ${message}`).to.be.an.instanceof(Error);
  expect(Object.getPrototypeOf(thrown), 'a plain Error').to.equal(Error.prototype);
  expect(thrown.message).to.equal(message);
  return thrown;
}

/** Asserts that `text` contains neither the PEM nor any recognisable part of the key material. */
function expectNoKey(text, label) {
  expect(text, label).to.be.a('string');
  expect(text, label).to.not.include(privateKey);
  expect(text, label).to.not.include('-----BEGIN PRIVATE KEY');
  expect(text, label).to.not.include(keyBodyLine);
  expect(text, label).to.not.include(keyBodyLine.slice(0, 24));
}

describe('Vonage application mode: activation, base URL, REST auth', () => {
  before(generateKeys);
  useNock();

  describe('activation', () => {
    const activating = [
      ['a lower-case UUID', () => APPLICATION_ID],
      ['an upper-case UUID', () => APPLICATION_ID.toUpperCase()],
      ['a mixed-case UUID', () => 'B5c7E4a2-9F31-4d2E-8a6B-3C1d0E9f7A55'],
      ['a UUID that is not v4 (any hex digits match)', () => '00000000-0000-0000-0000-000000000000'],
    ];
    for (const [label, appId] of activating) {
      it(`is active for ${label} with a PKCS#8 key: Vonage URL and Bearer auth`, async () => {
        const id = appId();
        const opentok = new OpenTok(id, privateKey);
        expect(opentok.apiUrl).to.equal(VONAGE_URL);
        expect(opentok.apiKey).to.equal(id);
        const seen = await observeAuth(opentok, VONAGE_URL);
        expect(seen.path).to.equal(`/v2/project/${id}/archive/abc`);
        expectVonageHeaders(seen.rawHeaders, { applicationId: id });
      });
    }

    it('does not need a valid key to be active (the constructor does not parse it)', () => {
      const opentok = new OpenTok(APPLICATION_ID, '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n');
      expect(opentok.apiUrl).to.equal(VONAGE_URL);
    });

    const inactive = [
      ['a "-----BEGIN RSA PRIVATE KEY" (PKCS#1) secret', () => [APPLICATION_ID, pkcs1PrivateKey]],
      ['a "-----BEGIN ENCRYPTED PRIVATE KEY" secret', () => [APPLICATION_ID, '-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n']],
      ['a secret with whitespace before "-----BEGIN PRIVATE KEY"', () => [APPLICATION_ID, `\n${privateKey}`]],
      ['an ordinary API secret', () => [APPLICATION_ID, API_SECRET]],
      ['a numeric API key', () => [API_KEY, privateKey]],
      ['a number as the API key', () => [123456, privateKey]],
      ['a UUID with a trailing character', () => [`${APPLICATION_ID}x`, privateKey]],
      ['a UUID with surrounding spaces', () => [` ${APPLICATION_ID} `, privateKey]],
      ['a UUID without hyphens', () => [APPLICATION_ID.replace(/-/g, ''), privateKey]],
      ['a UUID with a non-hex character', () => [`g${APPLICATION_ID.slice(1)}`, privateKey]],
      ['a braced UUID', () => [`{${APPLICATION_ID}}`, privateKey]],
    ];
    for (const [label, args] of inactive) {
      it(`is not active for ${label}: default URL api.opentok.com`, () => {
        const [key, secret] = args();
        expect(new OpenTok(key, secret).apiUrl).to.equal(API_URL);
      });
    }

    it('a PKCS#1 key with a UUID sends X-OPENTOK-AUTH (HS256), not Authorization', async () => {
      const seen = await observeAuth(new OpenTok(APPLICATION_ID, pkcs1PrivateKey), API_URL);
      expect(seen.path).to.equal(`${VONAGE_PATH}/archive/abc`);
      expect(seen.headers).to.not.have.property('authorization');
      const token = seen.headers['x-opentok-auth'];
      expect(token).to.be.a('string');
      expect(jwt.decode(token, { complete: true }).header).to.deep.equal({ alg: 'HS256', typ: 'JWT' });
    });

    it('a numeric API key with a PKCS#8 key sends X-OPENTOK-AUTH, not Authorization', async () => {
      const seen = await observeAuth(new OpenTok(API_KEY, privateKey), API_URL);
      expect(seen.headers).to.not.have.property('authorization');
      expect(seen.headers['x-opentok-auth']).to.be.a('string');
    });
  });

  describe('base URL', () => {
    it('defaults to https://video.api.vonage.com', () => {
      expect(vonageClient().apiUrl).to.equal(VONAGE_URL);
      expect(vonageClient({}).apiUrl).to.equal(VONAGE_URL);
      expect(vonageClient({ apiUrl: null }).apiUrl).to.equal(VONAGE_URL);
      expect(() => vonageClient({ apiUrl: 42 })).to.throw(OpenTok.ArgumentError, /^Invalid apiUrl option: /);
    });

    it('is overridden by a string third argument, and requests go there with Bearer auth', async () => {
      const opentok = vonageClient('http://vonage.example.test');
      expect(opentok.apiUrl).to.equal('http://vonage.example.test');
      const seen = await observeAuth(opentok, 'http://vonage.example.test');
      expect(seen.path).to.equal(`${VONAGE_PATH}/archive/abc`);
      expectVonageHeaders(seen.rawHeaders);
    });

    it('is overridden by {apiUrl}, and requests go there with Bearer auth', async () => {
      const opentok = vonageClient({ apiUrl: 'https://eu.vonage.example.test' });
      expect(opentok.apiUrl).to.equal('https://eu.vonage.example.test');
      const seen = await observeAuth(opentok, 'https://eu.vonage.example.test');
      expectVonageHeaders(seen.rawHeaders);
    });
  });

  describe('REST requests', () => {
    it('startArchive: POST /v2/project/<appId>/archive, JSON body, Bearer RS256 JWT', async () => {
      const seen = intercept(VONAGE_URL, 'POST', [200, { id: 'a1', status: 'started' }]);
      const args = await callbackArgs((cb) => vonageClient().startArchive('SESSION', { name: 'N' }, cb));
      expect(args).to.have.length(2);
      expect(args[0]).to.equal(null);
      expect(seen.path).to.equal(`${VONAGE_PATH}/archive`);
      expect(seen.headers['content-type']).to.equal('application/json');
      expect(seen.body).to.equal('{"sessionId":"SESSION","name":"N"}');
      expectVonageHeaders(seen.rawHeaders);
    });

    it('listArchives: GET /v2/project/<appId>/archive', async () => {
      const seen = intercept(VONAGE_URL, 'GET', [200, { count: 0, items: [] }]);
      const args = await callbackArgs((cb) => vonageClient().listArchives(cb));
      expect(args).to.deep.equal([null, [], 0]);
      expect(seen.path).to.equal(`${VONAGE_PATH}/archive`);
      expectVonageHeaders(seen.rawHeaders);
    });

    it('createSession: POST /session/create (path unchanged), form body, Bearer auth', async () => {
      const seen = intercept(VONAGE_URL, 'POST', [200, [{ session_id: 'SESSIONID' }]]);
      const args = await callbackArgs((cb) => vonageClient().createSession(cb));
      expect(args[0]).to.equal(null);
      expect(args[1].sessionId).to.equal('SESSIONID');
      expect(seen.path).to.equal('/session/create');
      expect(seen.headers['content-type']).to.equal('application/x-www-form-urlencoded');
      expectVonageHeaders(seen.rawHeaders);
    });

    it('stopCaptions: POST /v2/project/<appId>/captions/<id>/stop with Bearer auth', async () => {
      const seen = intercept(VONAGE_URL, 'POST', [202, '']);
      const args = await callbackArgs((cb) => vonageClient().stopCaptions('cap', cb));
      expect(args).to.deep.equal([null, true]);
      expect(seen.path).to.equal(`${VONAGE_PATH}/captions/cap/stop`);
      expectVonageHeaders(seen.rawHeaders);
    });

    it('the REST JWT claims are exact under a fixed clock: iat = floor(now), exp = iat + 300', async () => {
      const clock = sinon.useFakeTimers({ now: NOW_MS, toFake: ['Date'] });
      try {
        const seen = intercept(VONAGE_URL, 'GET', [200, { id: 'r' }]);
        const args = await callbackArgs((cb) => vonageClient().getRender('r', cb));
        expect(args).to.have.length(3);
        expect(seen.path).to.equal(`${VONAGE_PATH}/render/r`);
        const claims = expectVonageHeaders(seen.rawHeaders, { iat: IAT });
        expect(claims.exp).to.equal(IAT + 300);
      } finally {
        clock.restore();
      }
    });

    it('mints a fresh JWT for every request: jti differs', async () => {
      const opentok = vonageClient();
      const first = await observeAuth(opentok, VONAGE_URL);
      const second = await observeAuth(opentok, VONAGE_URL);
      const a = expectVonageHeaders(first.rawHeaders);
      const b = expectVonageHeaders(second.rawHeaders);
      expect(a.jti).to.not.equal(b.jti);
      expect(first.headers.authorization).to.not.equal(second.headers.authorization);
    });

    it('the uaAddendum still applies in Vonage mode', async () => {
      const seen = await observeAuth(vonageClient({ uaAddendum: 'my-app/1.0' }), VONAGE_URL);
      expect(seen.headers['user-agent']).to.equal(`OpenTok-Node-SDK/${SDK_VERSION} my-app/1.0`);
      expect(seen.headers.authorization).to.match(/^Bearer /);
      expect(seen.headers).to.not.have.property('x-opentok-auth');
    });
  });

  describe('generateJwt()', () => {
    it('returns the RS256 REST JWT: header, claim order, verification with the public key', () => {
      expectRestJwt(vonageClient().generateJwt());
    });

    it('exact times under a fixed clock', () => {
      const clock = sinon.useFakeTimers({ now: NOW_MS, toFake: ['Date'] });
      try {
        const claims = expectRestJwt(vonageClient().generateJwt(), { iat: IAT });
        expect(claims).to.deep.include({ iss: APPLICATION_ID, ist: 'project', iat: IAT, exp: IAT + 300 });
        expect(claims.application_id).to.equal(APPLICATION_ID);
      } finally {
        clock.restore();
      }
    });

    it('a fresh jti for every call', () => {
      const opentok = vonageClient();
      const a = expectRestJwt(opentok.generateJwt());
      const b = expectRestJwt(opentok.generateJwt());
      expect(a.jti).to.not.equal(b.jti);
    });

    it('does not verify with another key (the signature is meaningful)', () => {
      const other = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
      expect(() => jwt.verify(vonageClient().generateJwt(), other, { algorithms: ['RS256'] })).to.throw(
        jwt.JsonWebTokenError,
      );
    });
  });
});

describe('Vonage-mode generateToken', () => {
  before(generateKeys);
  let opentok;
  let clock;

  beforeEach(() => {
    opentok = vonageClient();
    clock = sinon.useFakeTimers({ now: NOW_MS, toFake: ['Date'] });
  });

  afterEach(() => clock.restore());

  /** Decodes a Vonage client token; checks header, signature, claim order and fixed claims. */
  function decodeToken(token, { sessionId = SESSION_ID } = {}) {
    expect(token.startsWith('T1=='), 'not a T1 token').to.equal(false);
    const claims = decodeRs256(token);
    const hasData = Object.prototype.hasOwnProperty.call(claims, 'connection_data');
    expect(Object.keys(claims)).to.deep.equal(TOKEN_CLAIM_KEYS.filter((key) => hasData || key !== 'connection_data'));
    expect(claims.scope).to.equal('session.connect');
    expect(claims.session_id).to.deep.equal(sessionId);
    expect(claims.sub).to.equal('video');
    expect(claims.acl).to.deep.equal(ACL);
    expect(claims.jti).to.match(UUID_V4);
    expect(claims.iat).to.equal(IAT);
    expect(claims.application_id).to.equal(APPLICATION_ID);
    return claims;
  }

  it('default token: exact claims in order', () => {
    const claims = decodeToken(opentok.generateToken(SESSION_ID));
    expect(claims).to.deep.equal({
      scope: 'session.connect',
      session_id: SESSION_ID,
      role: 'publisher',
      initial_layout_class_list: '',
      exp: NOW + ONE_DAY,
      sub: 'video',
      acl: ACL,
      jti: claims.jti,
      iat: IAT,
      application_id: APPLICATION_ID,
    });
  });

  it('every option: exact claims in order, connection_data after acl', () => {
    const claims = decodeToken(
      opentok.generateToken(SESSION_ID, {
        initialLayoutClassList: ['focus', 'inactive'],
        data: 'name=Johnny',
        expireTime: NOW + 3600,
        role: 'moderator',
      }),
    );
    expect(claims).to.deep.equal({
      scope: 'session.connect',
      session_id: SESSION_ID,
      role: 'moderator',
      initial_layout_class_list: 'focus inactive',
      exp: NOW + 3600,
      sub: 'video',
      acl: ACL,
      connection_data: 'name=Johnny',
      jti: claims.jti,
      iat: IAT,
      application_id: APPLICATION_ID,
    });
  });

  it('verifies with jsonwebtoken against the public key (RS256) at real time too', () => {
    clock.restore();
    const token = vonageClient().generateToken('any session');
    const claims = jwt.verify(token, publicKey, { algorithms: ['RS256'] });
    expect(claims.exp - claims.iat).to.be.within(ONE_DAY - 1, ONE_DAY + 1);
    expect(Math.abs(claims.iat - Math.floor(Date.now() / 1000))).to.be.at.most(2);
    clock = sinon.useFakeTimers({ now: NOW_MS, toFake: ['Date'] });
  });

  it('a fresh jti for every token', () => {
    const a = decodeToken(opentok.generateToken(SESSION_ID));
    const b = decodeToken(opentok.generateToken(SESSION_ID));
    expect(a.jti).to.not.equal(b.jti);
  });

  describe('does not check the session ID', () => {
    const sessionIds = [
      ['an arbitrary string', 'not-a-session-id'],
      ['a session ID of another API key', makeSessionId('999999')],
      ['a session ID of the normal-mode API key', SESSION_ID],
      ['an empty string', ''],
      ['a number (no type check)', 42],
      ['null (no type check)', null],
    ];
    for (const [label, sessionId] of sessionIds) {
      it(`${label}: session_id is sent as given`, () => {
        const claims = decodeToken(opentok.generateToken(sessionId), { sessionId });
        expect(claims.session_id).to.deep.equal(sessionId);
      });
    }
  });

  describe('ignores the third argument (never a T1 token)', () => {
    for (const flag of [true, 'yes', 1]) {
      it(`generateToken(sid, options, ${JSON.stringify(flag)}) is the RS256 JWT`, () => {
        const token = opentok.generateToken(SESSION_ID, { role: 'subscriber' }, flag);
        expect(token.startsWith('T1==')).to.equal(false);
        expect(decodeToken(token).role).to.equal('subscriber');
      });
    }
  });

  describe('role', () => {
    for (const role of ['publisher', 'publisheronly', 'subscriber', 'moderator']) {
      it(`accepts ${role}`, () => {
        expect(decodeToken(opentok.generateToken(SESSION_ID, { role })).role).to.equal(role);
      });
    }

    for (const role of ['admin', 'Publisher', '', null, 5]) {
      it(`rejects ${JSON.stringify(role)}: "Invalid role for token generation: ${String(role)}"`, () => {
        expectPlainError(() => opentok.generateToken(SESSION_ID, { role }), `Invalid role for token generation: ${String(role)}`);
      });
    }
  });

  describe('expireTime (honoured)', () => {
    const accepted = [
      ['an integer', NOW + 3600, NOW + 3600],
      ['a fraction below .5 rounds down', NOW + 3600.4, NOW + 3600],
      ['a fraction of .5 rounds up', NOW + 3600.5, NOW + 3601],
      ['a numeric string', String(NOW + 7200), NOW + 7200],
      ['a fractional numeric string', `${NOW + 100}.7`, NOW + 101],
      ['exactly now', NOW, NOW],
      ['exactly now + 30 days', NOW + THIRTY_DAYS, NOW + THIRTY_DAYS],
      ['undefined → now + 86400', undefined, NOW + ONE_DAY],
      ['null → now + 86400', null, NOW + ONE_DAY],
      ['a Date object is ignored → now + 86400', new Date(NOW_MS + 3600000), NOW + ONE_DAY],
      ['a boolean is ignored → now + 86400', true, NOW + ONE_DAY],
    ];
    for (const [label, expireTime, exp] of accepted) {
      it(`${label}: exp = ${exp - NOW >= 0 ? `now + ${exp - NOW}` : exp}`, () => {
        expect(decodeToken(opentok.generateToken(SESSION_ID, { expireTime })).exp).to.equal(exp);
      });
    }

    it('the seed-doc one-week fractional expireTime is rounded', () => {
      const expireTime = new Date().getTime() / 1000 + 7 * 24 * 60 * 60;
      expect(decodeToken(opentok.generateToken(SESSION_ID, { expireTime })).exp).to.equal(Math.round(expireTime));
    });

    const rejected = [
      ['a non-numeric string', 'not a time', 'Invalid expireTime for token generation: not a time'],
      ['NaN', NaN, 'Invalid expireTime for token generation: NaN'],
      ['one second in the past', NOW - 1, `Invalid expireTime for token generation, time cannot be in the past: ${NOW - 1} < ${NOW}`],
      [
        'a past fraction (rounded in the message)',
        NOW - 10.6,
        `Invalid expireTime for token generation, time cannot be in the past: ${NOW - 11} < ${NOW}`,
      ],
      ['an empty string (rounds to 0)', '', `Invalid expireTime for token generation, time cannot be in the past: 0 < ${NOW}`],
      [
        'one second beyond 30 days',
        NOW + THIRTY_DAYS + 1,
        'Invalid expireTime for token generation, time cannot be more than 30 days in the future: ' +
          `${NOW + THIRTY_DAYS + 1} > ${NOW + THIRTY_DAYS}`,
      ],
      [
        'Infinity',
        Infinity,
        `Invalid expireTime for token generation, time cannot be more than 30 days in the future: Infinity > ${NOW + THIRTY_DAYS}`,
      ],
    ];
    for (const [label, expireTime, message] of rejected) {
      it(`rejects ${label}`, () => {
        expectPlainError(() => opentok.generateToken(SESSION_ID, { expireTime }), message);
      });
    }
  });

  describe('data', () => {
    it('connection_data is absent without data', () => {
      expect(decodeToken(opentok.generateToken(SESSION_ID, {}))).to.not.have.property('connection_data');
    });

    for (const data of ['', 0, false, null]) {
      it(`falsy data ${JSON.stringify(data)} → connection_data absent`, () => {
        expect(decodeToken(opentok.generateToken(SESSION_ID, { data }))).to.not.have.property('connection_data');
      });
    }

    it('exactly 1024 characters are allowed', () => {
      const data = 'x'.repeat(1024);
      expect(decodeToken(opentok.generateToken(SESSION_ID, { data })).connection_data).to.equal(data);
    });

    it('1025 characters are rejected', () => {
      expectPlainError(() => opentok.generateToken(SESSION_ID, { data: 'x'.repeat(1025) }), DATA_MESSAGE);
    });

    for (const data of [123, { name: 'x' }, ['a']]) {
      it(`a non-string ${JSON.stringify(data)} is rejected`, () => {
        expectPlainError(() => opentok.generateToken(SESSION_ID, { data }), DATA_MESSAGE);
      });
    }
  });

  describe('initialLayoutClassList', () => {
    const cases = [
      ['an array is joined with spaces', ['focus', 'inactive', 'x'], 'focus inactive x'],
      ['a string is kept as is', 'focus  big', 'focus  big'],
      ['an empty array → ""', [], ''],
      ['a number → ""', 5, ''],
      ['an object → ""', { a: 1 }, ''],
      ['exactly 1024 characters are allowed', ['a'.repeat(500), 'b'.repeat(523)], `${'a'.repeat(500)} ${'b'.repeat(523)}`],
    ];
    for (const [label, initialLayoutClassList, expected] of cases) {
      it(label, () => {
        const claims = decodeToken(opentok.generateToken(SESSION_ID, { initialLayoutClassList }));
        expect(claims.initial_layout_class_list).to.equal(expected);
      });
    }

    it('a joined length of 1025 is rejected', () => {
      expectPlainError(
        () => opentok.generateToken(SESSION_ID, { initialLayoutClassList: ['a'.repeat(500), 'b'.repeat(524)] }),
        CLASS_LIST_MESSAGE,
      );
    });

    it('a 1025-character string is rejected', () => {
      expectPlainError(() => opentok.generateToken(SESSION_ID, { initialLayoutClassList: 'c'.repeat(1025) }), CLASS_LIST_MESSAGE);
    });
  });

  describe('validation order: role, expireTime, data, class list', () => {
    it('role before expireTime', () => {
      expectPlainError(
        () => opentok.generateToken(SESSION_ID, { role: 'x', expireTime: 'nope' }),
        'Invalid role for token generation: x',
      );
    });

    it('expireTime before data', () => {
      expectPlainError(
        () => opentok.generateToken(SESSION_ID, { expireTime: NOW - 5, data: 'x'.repeat(2000) }),
        `Invalid expireTime for token generation, time cannot be in the past: ${NOW - 5} < ${NOW}`,
      );
    });

    it('data before the class list', () => {
      expectPlainError(
        () => opentok.generateToken(SESSION_ID, { data: 'x'.repeat(2000), initialLayoutClassList: 'y'.repeat(2000) }),
        DATA_MESSAGE,
      );
    });
  });

  describe('options handling', () => {
    it('snake_case keys are ignored (the original read only expire_time)', () => {
      const claims = decodeToken(
        opentok.generateToken(SESSION_ID, {
          expire_time: NOW + 60,
          connection_data: 'sneaky',
          session_id: 'other',
          initial_layout_class_list: 'zzz',
          scope: 'other',
          sub: 'other',
        }),
      );
      expect(claims.exp).to.equal(NOW + ONE_DAY);
      expect(claims).to.not.have.property('connection_data');
      expect(claims.initial_layout_class_list).to.equal('');
    });

    for (const options of [undefined, null, 'moderator', 5]) {
      it(`non-object options ${JSON.stringify(options) || 'undefined'} → {} (defaults)`, () => {
        const claims = decodeToken(opentok.generateToken(SESSION_ID, options));
        expect(claims.role).to.equal('publisher');
        expect(claims.exp).to.equal(NOW + ONE_DAY);
      });
    }

    it('does not modify the options object', () => {
      const options = { role: 'subscriber', expireTime: NOW + 10.4, data: 'd', initialLayoutClassList: ['a', 'b'] };
      const classes = options.initialLayoutClassList;
      opentok.generateToken(SESSION_ID, options);
      expect(options).to.deep.equal({ role: 'subscriber', expireTime: NOW + 10.4, data: 'd', initialLayoutClassList: ['a', 'b'] });
      expect(Object.keys(options)).to.deep.equal(['role', 'expireTime', 'data', 'initialLayoutClassList']);
      expect(options.initialLayoutClassList).to.equal(classes);
    });

    it('accepts a frozen options object', () => {
      const options = Object.freeze({ role: 'moderator', initialLayoutClassList: Object.freeze(['focus']) });
      const claims = decodeToken(opentok.generateToken(SESSION_ID, options));
      expect(claims.role).to.equal('moderator');
      expect(claims.initial_layout_class_list).to.equal('focus');
    });
  });
});

describe('Vonage mode: the private key never leaks', () => {
  before(generateKeys);
  useNock();

  it('util.inspect, JSON.stringify, String and Object.keys do not show the private key', () => {
    const opentok = vonageClient({ uaAddendum: 'app', timeout: 5000 });
    expectNoKey(util.inspect(opentok), 'util.inspect');
    expectNoKey(util.inspect(opentok, { depth: null }), 'util.inspect depth null');
    expectNoKey(JSON.stringify(opentok), 'JSON.stringify');
    expectNoKey(String(opentok), 'String()');
    expect(Object.keys(opentok)).to.not.include('apiSecret');
    for (const key of Object.keys(opentok)) {
      expectNoKey(util.inspect(opentok[key], { depth: null }), `opentok.${key}`);
    }
    // The key is still available as the documented `apiSecret` accessor.
    expect(opentok.apiSecret).to.equal(privateKey);
  });

  it('nor after tokens and a request were made (no cached key material shows up)', async () => {
    const opentok = vonageClient();
    opentok.generateToken('s');
    opentok.generateJwt();
    await observeAuth(opentok, VONAGE_URL);
    expectNoKey(util.inspect(opentok, { depth: null }), 'util.inspect');
    expectNoKey(JSON.stringify(opentok), 'JSON.stringify');
  });

  it('token validation errors do not contain the key', () => {
    const opentok = vonageClient();
    const invalid = [
      { role: 'x' },
      { expireTime: 'nope' },
      { expireTime: 1 },
      { expireTime: Infinity },
      { data: 'x'.repeat(1025) },
      { initialLayoutClassList: 'x'.repeat(1025) },
    ];
    for (const options of invalid) {
      let thrown;
      try {
        opentok.generateToken('s', options);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(options)).to.be.an.instanceof(Error);
      expectNoKey(thrown.message, `message for ${JSON.stringify(options)}`);
      expectNoKey(thrown.stack, `stack for ${JSON.stringify(options)}`);
    }
  });

  const responses = [
    ['401', [401, '']],
    ['404', [404, '']],
    ['500', [500, { message: 'boom' }]],
  ];
  for (const [label, reply] of responses) {
    it(`a ${label} error does not contain the key`, async () => {
      intercept(VONAGE_URL, 'GET', reply);
      const args = await callbackArgs((cb) => vonageClient().getRender('r', cb));
      expect(args).to.have.length(1);
      expect(args[0]).to.be.an.instanceof(Error);
      expectNoKey(args[0].message, 'message');
      expectNoKey(util.inspect(args[0], { depth: null }), 'util.inspect(err)');
    });
  }

  it('a transport failure does not contain the key', async () => {
    nock(VONAGE_URL)
      .get(`${VONAGE_PATH}/render/r`)
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const args = await callbackArgs((cb) => vonageClient().getRender('r', cb));
    expect(args).to.have.length(1);
    expect(args[0]).to.be.an.instanceof(OpenTok.RequestError);
    expectNoKey(args[0].message, 'message');
    expectNoKey(util.inspect(args[0], { depth: null }), 'util.inspect(err)');
  });

  describe('with an unparseable private key', () => {
    const badKey = '-----BEGIN PRIVATE KEY-----\nQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0MjQyNDI=\n-----END PRIVATE KEY-----\n';
    const badBody = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0MjQyNDI';

    function expectNoBadKey(text, label) {
      expect(text, label).to.be.a('string');
      expect(text, label).to.not.include(badKey);
      expect(text, label).to.not.include(badBody);
    }

    it('generateToken and generateJwt throw errors that do not contain the key', () => {
      const opentok = new OpenTok(APPLICATION_ID, badKey);
      for (const fn of [() => opentok.generateToken('s'), () => opentok.generateJwt()]) {
        let thrown;
        try {
          fn();
        } catch (error) {
          thrown = error;
        }
        expect(thrown).to.be.an.instanceof(Error);
        expectNoBadKey(thrown.message, 'message');
        expectNoBadKey(util.inspect(thrown, { depth: null }), 'util.inspect(err)');
      }
    });

    it('a REST call calls back once with an error that does not contain the key', async () => {
      nock(VONAGE_URL)
        .persist()
        .intercept(() => true, 'GET')
        .reply(200, { id: 'r' });
      const opentok = new OpenTok(APPLICATION_ID, badKey);
      const args = await callbackArgs((cb) => opentok.getRender('r', cb));
      expect(args).to.have.length(1);
      expect(args[0]).to.be.an.instanceof(Error);
      expectNoBadKey(args[0].message, 'message');
      expectNoBadKey(util.inspect(args[0], { depth: null }), 'util.inspect(err)');
      expectNoBadKey(util.inspect(opentok, { depth: null }), 'util.inspect(opentok)');
    });
  });
});
