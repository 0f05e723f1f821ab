'use strict';
// Client tokens: session.generateToken, session-ID decoding (the API key a session ID encodes must
// be the client's), generateToken in normal mode (arguments, defaults, validation, the legacy T1 and
// the JWT formats) and generateJwt. Vonage mode is in test/vonage.test.js.
// Both token formats are decoded here independently of the SDK (jsonwebtoken, querystring, crypto).
const crypto = require('crypto');
const querystring = require('querystring');
const { expect } = require('chai');
const jwt = require('jsonwebtoken');
const sinon = require('sinon');
const OpenTok = require('opentok');
const { API_KEY, API_SECRET, SESSION_ID, makeSessionId } = require('./helpers');

/** A session ID that decodes to API key 100, location 127.0.0.1. */
const SESSION_ID_100 = '1_MX4xMDB-MTI3LjAuMC4xflR1ZSBKYW4gMjggMTU6NDg6NDAgUFNUIDIwMTR-MC43NjAyOTYyfg';

// A fixed clock whose fractional second rounds UP: now = Math.round(..) differs from iat = Math.floor(..).
const NOW_MS = 1795820725600;
const NOW = 1795820726; // Math.round(NOW_MS / 1000)
const IAT = 1795820725; // Math.floor(NOW_MS / 1000)
const ONE_DAY = 86400;
const THIRTY_DAYS = 2592000;

const BELONGS_MESSAGE = 'Token cannot be generated unless the session belongs to the API Key';
const NO_SESSION_MESSAGE = 'Token cannot be generated without a sessionId parameter';
const DATA_MESSAGE = 'Invalid data for token generation, must be a string with maximum length 1024';
const CLASS_LIST_MESSAGE =
  'Invalid initial layout class list for token generation, must have concatenated length of less than 1024';
const JWT_HEADER = '{"alg":"HS256","typ":"JWT"}';
const DATA_KEYS_WITH_CONNECTION_DATA = [
  'session_id',
  'create_time',
  'nonce',
  'role',
  'expire_time',
  'connection_data',
  'initial_layout_class_list',
  'scope',
];

/** The expected token-data key order, with `connection_data` only when present. */
function expectedDataKeys(hasConnectionData) {
  return DATA_KEYS_WITH_CONNECTION_DATA.filter((key) => hasConnectionData || key !== 'connection_data');
}

/** Decodes a base64url JWT segment to text, insisting on the URL-safe alphabet without padding. */
function base64UrlText(segment) {
  expect(segment).to.match(/^[A-Za-z0-9_-]+$/);
  return Buffer.from(segment, 'base64url').toString('utf8');
}

/**
 * Decodes a JWT client token by hand and with jsonwebtoken. Checks the exact header
 * text, the signature, the claim key order and the claim types; returns the raw texts, the claims
 * and the token data (the claims minus iss/ist/iat/exp).
 */
function decodeJwtToken(token, { apiKey = API_KEY, secret = API_SECRET } = {}) {
  expect(token).to.be.a('string');
  const parts = token.split('.');
  expect(parts).to.have.length(3);
  const headerText = base64UrlText(parts[0]);
  const payloadText = base64UrlText(parts[1]);
  expect(headerText).to.equal(JWT_HEADER);
  const signature = crypto.createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest('base64url');
  expect(parts[2], 'HS256 signature with the API secret').to.equal(signature);

  const verified = jwt.verify(token, secret, { algorithms: ['HS256'] });
  const claims = JSON.parse(payloadText);
  expect(verified).to.deep.equal(claims);

  const keys = Object.keys(claims);
  expect(keys).to.deep.equal(['iss', 'ist', 'iat', 'exp', ...expectedDataKeys('connection_data' in claims)]);
  expect(claims.iss).to.equal(apiKey);
  expect(claims.ist).to.equal('project');
  expect(Number.isInteger(claims.iat), 'iat is an integer').to.equal(true);
  expect(Math.abs(claims.iat - Math.floor(Date.now() / 1000))).to.be.at.most(2);
  expect(claims.exp).to.equal(claims.expire_time);
  expect(Number.isInteger(claims.create_time), 'create_time is an integer').to.equal(true);
  expect(Number.isInteger(claims.expire_time), 'expire_time is an integer').to.equal(true);
  expect(claims.nonce).to.be.a('number');
  expect(claims.nonce).to.be.at.least(0);
  expect(claims.nonce).to.be.below(1);
  expect(claims.session_id).to.be.a('string');
  expect(claims.role).to.be.a('string');
  expect(claims.initial_layout_class_list).to.be.a('string');
  expect(claims.scope).to.equal('session.connect');

  const data = {};
  for (const key of keys.slice(4)) data[key] = claims[key];
  return { format: 'jwt', headerText, payloadText, claims, data };
}

/**
 * Decodes a legacy T1 token the way a consumer does: drop `T1==`, base64-decode, split
 * on the first `:`, query-parse both halves, check the HMAC-SHA1 signature and the partner ID.
 * Returns the data string and the token data with numeric fields converted to numbers.
 */
function decodeT1Token(token, { apiKey = API_KEY, secret = API_SECRET } = {}) {
  expect(token).to.be.a('string');
  expect(token.startsWith('T1=='), `T1 prefix of ${token}`).to.equal(true);
  const encoded = token.slice(4);
  expect(encoded).to.match(/^[A-Za-z0-9+/]*={0,2}$/);
  const plainBuffer = Buffer.from(encoded, 'base64');
  expect(plainBuffer.toString('base64'), 'standard, padded base64').to.equal(encoded);
  const plain = plainBuffer.toString('utf8');
  const colon = plain.indexOf(':');
  expect(colon).to.be.above(0);
  const metaString = plain.slice(0, colon);
  const dataString = plain.slice(colon + 1);

  const meta = querystring.parse(metaString);
  expect(Object.keys(meta)).to.deep.equal(['partner_id', 'sig']);
  expect(meta.partner_id).to.equal(apiKey);
  expect(meta.sig).to.match(/^[0-9a-f]{40}$/);
  expect(metaString).to.equal(`partner_id=${apiKey}&sig=${meta.sig}`);
  const expectedSig = crypto.createHmac('sha1', secret).update(dataString, 'utf8').digest('hex');
  expect(meta.sig, 'HMAC-SHA1 of the data string').to.equal(expectedSig);

  const parsed = querystring.parse(dataString);
  const keys = Object.keys(parsed);
  expect(keys).to.deep.equal(expectedDataKeys('connection_data' in parsed));
  // The data string is exactly what querystring.stringify produces for these values in this order.
  expect(querystring.stringify(parsed)).to.equal(dataString);
  for (const key of keys) expect(parsed[key], key).to.be.a('string');
  for (const key of ['create_time', 'expire_time']) {
    expect(parsed[key], key).to.match(/^-?\d+$/);
  }
  expect(String(Number(parsed.nonce)), 'nonce is the decimal text of a float').to.equal(parsed.nonce);
  expect(parsed.scope).to.equal('session.connect');

  const data = {};
  for (const key of keys) {
    data[key] = ['create_time', 'nonce', 'expire_time'].includes(key) ? Number(parsed[key]) : parsed[key];
  }
  expect(data.nonce).to.be.at.least(0);
  expect(data.nonce).to.be.below(1);
  return { format: 't1', plain, metaString, meta, dataString, data };
}

/** Decodes a token of either format; `t1` says which format is expected. */
function decodeToken(token, t1, credentials) {
  return t1 ? decodeT1Token(token, credentials) : decodeJwtToken(token, credentials);
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
}

/** Deep copy that keeps arrays, plain objects and primitives (for before/after comparison). */
function snapshot(value) {
  if (Array.isArray(value)) return value.map(snapshot);
  if (value && typeof value === 'object') {
    const copy = {};
    for (const key of Object.keys(value)) copy[key] = snapshot(value[key]);
    return copy;
  }
  return value;
}

/** Key order of an object and of its nested objects, for "not mutated" checks. */
function keyOrder(value) {
  if (!value || typeof value !== 'object') return null;
  const keys = Object.keys(value);
  return keys.map((key) => [key, keyOrder(value[key])]);
}

describe('tokens', () => {
  let opentok;

  beforeEach(() => {
    opentok = new OpenTok(API_KEY, API_SECRET);
  });

  afterEach(() => {
    sinon.restore();
  });

  describe('session-ID decoding', () => {
    let clock;
    beforeEach(() => {
      clock = sinon.useFakeTimers({ now: NOW_MS, toFake: ['Date'] });
    });
    afterEach(() => clock.restore());

    it('decodes the first example to API key 123456 and accepts it (fixture sanity checked by hand)', () => {
      const raw = Buffer.from(SESSION_ID.slice(2).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
      expect(raw).to.equal('1~123456~~Sat Mar 15 14:42:23 PDT 2014~0.49013025~');
      for (const t1 of [false, true]) {
        const { data } = decodeToken(opentok.generateToken(SESSION_ID, undefined, t1), t1);
        expect(data.session_id).to.equal(SESSION_ID);
      }
    });

    it('decodes the second example to API key 100 for new OpenTok(100, secret) (numeric apiKey)', () => {
      const raw = Buffer.from(SESSION_ID_100.slice(2).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString(
        'latin1',
      );
      expect(raw).to.equal('1~100~127.0.0.1~Tue Jan 28 15:48:40 PST 2014~0.7602962~');
      const ot100 = new OpenTok(100, API_SECRET);
      expect(ot100.apiKey).to.equal('100');
      const jwtToken = decodeJwtToken(ot100.generateToken(SESSION_ID_100), { apiKey: '100' });
      expect(jwtToken.claims.iss).to.equal('100');
      expect(jwtToken.payloadText.startsWith('{"iss":"100","ist":"project",')).to.equal(true);
      expect(jwtToken.data.session_id).to.equal(SESSION_ID_100);
      const t1Token = decodeT1Token(ot100.generateToken(SESSION_ID_100, {}, true), { apiKey: '100' });
      expect(t1Token.metaString.startsWith('partner_id=100&sig=')).to.equal(true);
      expect(t1Token.data.session_id).to.equal(SESSION_ID_100);
    });

    it('accepts the second example with the string API key "100" too', () => {
      const ot100 = new OpenTok('100', API_SECRET);
      const { data } = decodeJwtToken(ot100.generateToken(SESSION_ID_100), { apiKey: '100' });
      expect(data.session_id).to.equal(SESSION_ID_100);
    });

    it('rejects the API-key-100 session for the 123456 client and vice versa', () => {
      expectPlainError(() => opentok.generateToken(SESSION_ID_100), BELONGS_MESSAGE);
      expectPlainError(() => opentok.generateToken(SESSION_ID_100, {}, true), BELONGS_MESSAGE);
      const ot100 = new OpenTok(100, API_SECRET);
      expectPlainError(() => ot100.generateToken(SESSION_ID), BELONGS_MESSAGE);
    });

    it('compares the decoded key by strict string equality', () => {
      for (const key of ['0123456', '1234567', '12345', ' 123456', '123456 ']) {
        expectPlainError(() => opentok.generateToken(makeSessionId(key)), BELONGS_MESSAGE);
      }
      // a makeSessionId() ID for the right key is accepted
      const sid = makeSessionId(API_KEY, '10.1.2.3');
      expect(decodeJwtToken(opentok.generateToken(sid)).data.session_id).to.equal(sid);
    });

    it('drops the first two characters whatever they are (1_, 2_, anything)', () => {
      const body = SESSION_ID.slice(2);
      for (const prefix of ['2_', 'xx', '9-']) {
        const sid = prefix + body;
        expect(decodeJwtToken(opentok.generateToken(sid)).data.session_id).to.equal(sid);
      }
      // Without the sentinel the first two base64 characters are lost and the key no longer decodes.
      expectPlainError(() => opentok.generateToken(body), BELONGS_MESSAGE);
    });

    it('base64-decodes leniently like Buffer.from(s, "base64")', () => {
      const lenient = [
        SESSION_ID + '==', // padding present
        '1_MX4xMjM0NTZ', // truncated after the key, no padding: decodes to "1~123456"
        `${SESSION_ID.slice(0, 12)} \n${SESSION_ID.slice(12)}`, // embedded whitespace
        `${SESSION_ID.slice(0, 12)}!*${SESSION_ID.slice(12)}`, // characters outside the alphabet
        '1_MX4xMjM0NTY=Nzg5fg', // stops at "=": "1~123456", not "1~123456789~"
      ];
      for (const sid of lenient) {
        const raw = Buffer.from(sid.slice(2).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
        expect(raw.split('~')[1], `fixture ${JSON.stringify(sid)}`).to.equal(API_KEY);
        for (const t1 of [false, true]) {
          const { data } = decodeToken(opentok.generateToken(sid, {}, t1), t1);
          expect(data.session_id, 'the session ID is used as given').to.equal(sid);
        }
      }
    });

    it('rejects undecodable IDs and the empty string with the API-key message', () => {
      for (const sid of ['', '1_', '1', 'not a session id', '1_MX4', '1_!!!!', 'T1==abc']) {
        expectPlainError(() => opentok.generateToken(sid), BELONGS_MESSAGE);
        expectPlainError(() => opentok.generateToken(sid, { role: 'moderator' }, true), BELONGS_MESSAGE);
      }
    });
  });

  describe('arguments and defaults', () => {
    let clock;
    beforeEach(() => {
      clock = sinon.useFakeTimers({ now: NOW_MS, toFake: ['Date'] });
    });
    afterEach(() => clock.restore());

    it('throws when sessionId is not a string', () => {
      expectPlainError(() => opentok.generateToken(), NO_SESSION_MESSAGE);
      for (const sid of [undefined, null, 123456, {}, [SESSION_ID], true, new String(SESSION_ID)]) {
        expectPlainError(() => opentok.generateToken(sid), NO_SESSION_MESSAGE);
        expectPlainError(() => opentok.generateToken(sid, { role: 'moderator' }, true), NO_SESSION_MESSAGE);
      }
    });

    it('checks the session ID before the options (sessionId, then API key, then options)', () => {
      expectPlainError(() => opentok.generateToken(42, { role: 'bogus' }), NO_SESSION_MESSAGE);
      expectPlainError(() => opentok.generateToken(undefined, { expireTime: 'x' }, true), NO_SESSION_MESSAGE);
      expectPlainError(() => opentok.generateToken(SESSION_ID_100, { role: 'bogus' }), BELONGS_MESSAGE);
      expectPlainError(() => opentok.generateToken('', { data: 5 }, true), BELONGS_MESSAGE);
    });

    it('returns a JWT string synchronously with the documented defaults', () => {
      const token = opentok.generateToken(SESSION_ID);
      expect(token).to.be.a('string');
      const { claims, data } = decodeJwtToken(token);
      expect(claims.iat).to.equal(IAT);
      expect(claims.exp).to.equal(NOW + ONE_DAY);
      expect(data).to.deep.equal({
        session_id: SESSION_ID,
        create_time: NOW,
        nonce: data.nonce,
        role: 'publisher',
        expire_time: NOW + ONE_DAY,
        initial_layout_class_list: '',
        scope: 'session.connect',
      });
      expect(data).to.not.have.property('connection_data');
    });

    it('uses Math.round for create_time and Math.floor for iat', () => {
      clock.setSystemTime(1795820725400);
      let decoded = decodeJwtToken(opentok.generateToken(SESSION_ID));
      expect(decoded.data.create_time).to.equal(1795820725);
      expect(decoded.claims.iat).to.equal(1795820725);
      expect(decoded.data.expire_time).to.equal(1795820725 + ONE_DAY);

      clock.setSystemTime(1795820725500);
      decoded = decodeJwtToken(opentok.generateToken(SESSION_ID));
      expect(decoded.data.create_time).to.equal(1795820726);
      expect(decoded.claims.iat).to.equal(1795820725);
      expect(decoded.data.expire_time).to.equal(1795820726 + ONE_DAY);
      expect(decoded.claims.exp).to.equal(1795820726 + ONE_DAY);

      const t1 = decodeT1Token(opentok.generateToken(SESSION_ID, {}, true));
      expect(t1.data.create_time).to.equal(1795820726);
      expect(t1.data.expire_time).to.equal(1795820726 + ONE_DAY);
    });

    it('treats non-object options as {}', () => {
      for (const options of [undefined, null, 'moderator', 42, true, () => ({ role: 'moderator' })]) {
        for (const t1 of [false, true]) {
          const { data } = decodeToken(opentok.generateToken(SESSION_ID, options, t1), t1);
          expect(data.role).to.equal('publisher');
          expect(data.expire_time).to.equal(NOW + ONE_DAY);
          expect(data.initial_layout_class_list).to.equal('');
          expect(data).to.not.have.property('connection_data');
        }
      }
    });

    it('defaults role to publisher (missing or undefined) and accepts every valid role', () => {
      for (const options of [{}, { role: undefined }]) {
        expect(decodeJwtToken(opentok.generateToken(SESSION_ID, options)).data.role).to.equal('publisher');
      }
      for (const role of ['publisher', 'publisheronly', 'subscriber', 'moderator']) {
        for (const t1 of [false, true]) {
          expect(decodeToken(opentok.generateToken(SESSION_ID, { role }, t1), t1).data.role).to.equal(role);
        }
      }
    });

    it('produces a T1 token for a truthy third argument and a JWT for a falsy one', () => {
      for (const flag of [true, 1, 'yes', 'false', {}, []]) {
        decodeT1Token(opentok.generateToken(SESSION_ID, {}, flag));
      }
      for (const flag of [false, 0, '', null, undefined, NaN]) {
        decodeJwtToken(opentok.generateToken(SESSION_ID, {}, flag));
      }
      decodeJwtToken(opentok.generateToken(SESSION_ID, {}));
      decodeJwtToken(opentok.generateToken(SESSION_ID));
    });

    it('uses a fresh crypto nonce per token, not Math.random', () => {
      sinon.stub(Math, 'random').returns(0.25);
      const nonces = new Set();
      for (let i = 0; i < 40; i += 1) {
        const t1 = i % 2 === 1;
        const { data } = decodeToken(opentok.generateToken(SESSION_ID, {}, t1), t1);
        expect(data.nonce).to.not.equal(0.25);
        nonces.add(data.nonce);
      }
      expect(nonces.size).to.equal(40);
    });

    it('gives different tokens for identical calls at the same instant', () => {
      const first = opentok.generateToken(SESSION_ID, { role: 'moderator' });
      const second = opentok.generateToken(SESSION_ID, { role: 'moderator' });
      expect(first).to.not.equal(second);
      expect(decodeJwtToken(first).data.nonce).to.not.equal(decodeJwtToken(second).data.nonce);
      const t1a = opentok.generateToken(SESSION_ID, {}, true);
      const t1b = opentok.generateToken(SESSION_ID, {}, true);
      expect(decodeT1Token(t1a).data.nonce).to.not.equal(decodeT1Token(t1b).data.nonce);
    });
  });

  describe('validation messages', () => {
    let clock;
    beforeEach(() => {
      clock = sinon.useFakeTimers({ now: NOW_MS, toFake: ['Date'] });
    });
    afterEach(() => clock.restore());

    /** Both formats must throw the same message for these options. */
    function expectBothThrow(options, message) {
      expectPlainError(() => opentok.generateToken(SESSION_ID, options), message);
      expectPlainError(() => opentok.generateToken(SESSION_ID, options, true), message);
    }

    it('rejects an invalid role', () => {
      expectBothThrow({ role: 'admin' }, 'Invalid role for token generation: admin');
      expectBothThrow({ role: 'Publisher' }, 'Invalid role for token generation: Publisher');
      expectBothThrow({ role: '' }, 'Invalid role for token generation: ');
      expectBothThrow({ role: null }, 'Invalid role for token generation: null');
      expectBothThrow({ role: 5 }, 'Invalid role for token generation: 5');
    });

    it('rejects a non-numeric expireTime with the caller value in the message', () => {
      expectBothThrow({ expireTime: 'not a time' }, 'Invalid expireTime for token generation: not a time');
      expectBothThrow({ expireTime: NaN }, 'Invalid expireTime for token generation: NaN');
      expectBothThrow({ expireTime: '12abc' }, 'Invalid expireTime for token generation: 12abc');
    });

    it('rejects an expireTime in the past with the computed numbers', () => {
      expectBothThrow(
        { expireTime: NOW - 1 },
        `Invalid expireTime for token generation, time cannot be in the past: ${NOW - 1} < ${NOW}`,
      );
      expectBothThrow({ expireTime: 0 }, `Invalid expireTime for token generation, time cannot be in the past: 0 < ${NOW}`);
      expectBothThrow(
        { expireTime: -5 },
        `Invalid expireTime for token generation, time cannot be in the past: -5 < ${NOW}`,
      );
      // a fractional value is reported rounded
      expectBothThrow(
        { expireTime: NOW - 0.6 },
        `Invalid expireTime for token generation, time cannot be in the past: ${NOW - 1} < ${NOW}`,
      );
      // the empty string rounds to 0
      expectBothThrow({ expireTime: '' }, `Invalid expireTime for token generation, time cannot be in the past: 0 < ${NOW}`);
    });

    it('rejects an expireTime more than 30 days ahead with the computed numbers', () => {
      const limit = NOW + THIRTY_DAYS;
      const prefix = 'Invalid expireTime for token generation, time cannot be more than 30 days in the future';
      expectBothThrow({ expireTime: limit + 1 }, `${prefix}: ${limit + 1} > ${limit}`);
      expectBothThrow({ expireTime: limit + 0.5 }, `${prefix}: ${limit + 1} > ${limit}`);
      expectBothThrow({ expireTime: String(limit + 1) }, `${prefix}: ${limit + 1} > ${limit}`);
      expectBothThrow({ expireTime: Infinity }, `${prefix}: Infinity > ${limit}`);
      // a millisecond timestamp, the classic mistake
      expectBothThrow({ expireTime: NOW_MS + 3600000 }, `${prefix}: ${NOW_MS + 3600000} > ${limit}`);
      expect(limit).to.equal(1798412726);
    });

    it('rejects non-string or over-long data', () => {
      for (const data of [123, true, { name: 'Johnny' }, ['name=Johnny'], -1]) {
        expectBothThrow({ data }, DATA_MESSAGE);
      }
      expectBothThrow({ data: 'x'.repeat(1025) }, DATA_MESSAGE);
      expectBothThrow({ data: 'é'.repeat(1025) }, DATA_MESSAGE);
    });

    it('rejects a class list longer than 1024 characters (string or joined array)', () => {
      expectBothThrow({ initialLayoutClassList: 'c'.repeat(1025) }, CLASS_LIST_MESSAGE);
      expectBothThrow({ initialLayoutClassList: ['a'.repeat(512), 'b'.repeat(512)] }, CLASS_LIST_MESSAGE);
    });

    it('validates in the documented order', () => {
      const longData = 'x'.repeat(1025);
      const longClasses = 'c'.repeat(1025);
      expectBothThrow(
        { role: 'admin', expireTime: 'not a time', data: longData, initialLayoutClassList: longClasses },
        'Invalid role for token generation: admin',
      );
      expectBothThrow(
        { expireTime: 'not a time', data: longData, initialLayoutClassList: longClasses },
        'Invalid expireTime for token generation: not a time',
      );
      expectBothThrow(
        { expireTime: NOW - 10, data: longData, initialLayoutClassList: longClasses },
        `Invalid expireTime for token generation, time cannot be in the past: ${NOW - 10} < ${NOW}`,
      );
      expectBothThrow(
        { expireTime: NOW + THIRTY_DAYS + 10, data: longData, initialLayoutClassList: longClasses },
        `Invalid expireTime for token generation, time cannot be more than 30 days in the future: ${
          NOW + THIRTY_DAYS + 10
        } > ${NOW + THIRTY_DAYS}`,
      );
      expectBothThrow({ data: longData, initialLayoutClassList: longClasses }, DATA_MESSAGE);
      expectBothThrow({ data: 7, initialLayoutClassList: longClasses }, DATA_MESSAGE);
    });
  });

  describe('expireTime, data and class list values', () => {
    let clock;
    beforeEach(() => {
      clock = sinon.useFakeTimers({ now: NOW_MS, toFake: ['Date'] });
    });
    afterEach(() => clock.restore());

    /** Token data of both formats for `options`; asserts both agree on everything but the nonce. */
    function dataOfBoth(options) {
      const jwtData = decodeJwtToken(opentok.generateToken(SESSION_ID, options)).data;
      const t1Data = decodeT1Token(opentok.generateToken(SESSION_ID, options, true)).data;
      expect({ ...t1Data, nonce: 0 }).to.deep.equal({ ...jwtData, nonce: 0 });
      return jwtData;
    }

    it('allows expire_time === now and === now + 30 days exactly', () => {
      expect(dataOfBoth({ expireTime: NOW }).expire_time).to.equal(NOW);
      expect(dataOfBoth({ expireTime: NOW + THIRTY_DAYS }).expire_time).to.equal(NOW + THIRTY_DAYS);
      // Date.now()/1000 itself (fractional, 1795820725.6) rounds to now
      expect(dataOfBoth({ expireTime: Date.now() / 1000 }).expire_time).to.equal(NOW);
      expect(dataOfBoth({ expireTime: NOW - 0.4 }).expire_time).to.equal(NOW);
      expect(dataOfBoth({ expireTime: NOW + THIRTY_DAYS + 0.4 }).expire_time).to.equal(NOW + THIRTY_DAYS);
    });

    it('rounds fractional and numeric-string expireTime to the nearest second', () => {
      expect(dataOfBoth({ expireTime: NOW + 100.4 }).expire_time).to.equal(NOW + 100);
      expect(dataOfBoth({ expireTime: NOW + 100.5 }).expire_time).to.equal(NOW + 101);
      expect(dataOfBoth({ expireTime: String(NOW + 3600) }).expire_time).to.equal(NOW + 3600);
      expect(dataOfBoth({ expireTime: String(NOW + 3600.6) }).expire_time).to.equal(NOW + 3601);
      expect(dataOfBoth({ expireTime: String(NOW + 3600.2) }).expire_time).to.equal(NOW + 3600);
      const decoded = decodeJwtToken(opentok.generateToken(SESSION_ID, { expireTime: NOW + 7.7 }));
      expect(decoded.claims.exp).to.equal(NOW + 8);
      expect(decoded.payloadText).to.include(`"exp":${NOW + 8},`);
      expect(decoded.payloadText).to.include(`"expire_time":${NOW + 8},`);
    });

    it('ignores expireTime values that are neither numbers nor strings', () => {
      const ignored = [
        undefined,
        null,
        new Date(NOW_MS + 3600000), // a Date is not a number: ignored, not read as milliseconds
        new Date(0),
        { valueOf: () => NOW + 60 },
        [NOW + 60],
        true,
        false,
      ];
      for (const expireTime of ignored) {
        expect(dataOfBoth({ expireTime }).expire_time, String(expireTime)).to.equal(NOW + ONE_DAY);
      }
    });

    it('includes connection_data for truthy string data and omits the key for falsy data', () => {
      expect(dataOfBoth({ data: 'name=Johnny' }).connection_data).to.equal('name=Johnny');
      for (const data of [undefined, null, '', 0, false, NaN]) {
        const jwtToken = decodeJwtToken(opentok.generateToken(SESSION_ID, { data }));
        expect(jwtToken.data, String(data)).to.not.have.property('connection_data');
        expect(jwtToken.payloadText).to.not.include('connection_data');
        const t1Token = decodeT1Token(opentok.generateToken(SESSION_ID, { data }, true));
        expect(t1Token.dataString).to.not.include('connection_data');
      }
    });

    it('allows exactly 1024 characters of data', () => {
      const data = 'd'.repeat(1024);
      expect(dataOfBoth({ data }).connection_data).to.equal(data);
      const wide = 'é'.repeat(1024); // 1024 characters, 2048 UTF-8 bytes
      expect(dataOfBoth({ data: wide }).connection_data).to.equal(wide);
    });

    it('joins an array class list with single spaces, keeps a string, and uses "" otherwise', () => {
      expect(dataOfBoth({ initialLayoutClassList: ['focus'] }).initial_layout_class_list).to.equal('focus');
      expect(dataOfBoth({ initialLayoutClassList: ['focus', 'inactive'] }).initial_layout_class_list).to.equal(
        'focus inactive',
      );
      expect(dataOfBoth({ initialLayoutClassList: ['a', 2, 'c'] }).initial_layout_class_list).to.equal('a 2 c');
      expect(dataOfBoth({ initialLayoutClassList: [] }).initial_layout_class_list).to.equal('');
      expect(dataOfBoth({ initialLayoutClassList: 'full  focus' }).initial_layout_class_list).to.equal('full  focus');
      for (const initialLayoutClassList of [undefined, null, 5, true, { 0: 'focus', length: 1 }]) {
        expect(dataOfBoth({ initialLayoutClassList }).initial_layout_class_list).to.equal('');
      }
    });

    it('allows exactly 1024 characters of class list', () => {
      const asString = 'c'.repeat(1024);
      expect(dataOfBoth({ initialLayoutClassList: asString }).initial_layout_class_list).to.equal(asString);
      const asArray = ['a'.repeat(511), 'b'.repeat(512)];
      expect(dataOfBoth({ initialLayoutClassList: asArray }).initial_layout_class_list).to.equal(asArray.join(' '));
    });

    it('ignores snake_case and claim keys in the options (they never override computed values)', () => {
      const options = {
        session_id: makeSessionId(API_KEY, '10.0.0.1'),
        create_time: 1,
        nonce: 0.5,
        expire_time: NOW + 10,
        connection_data: 'injected',
        initial_layout_class_list: 'injected',
        scope: 'session.admin',
        role: 'subscriber',
        iss: 'other',
        ist: 'account',
        iat: 1,
        exp: NOW + 10,
      };
      const jwtToken = decodeJwtToken(opentok.generateToken(SESSION_ID, options));
      const t1Token = decodeT1Token(opentok.generateToken(SESSION_ID, options, true));
      for (const { data } of [jwtToken, t1Token]) {
        expect(data).to.deep.equal({
          session_id: SESSION_ID,
          create_time: NOW,
          nonce: data.nonce,
          role: 'subscriber',
          expire_time: NOW + ONE_DAY,
          initial_layout_class_list: '',
          scope: 'session.connect',
        });
        expect(data.nonce).to.not.equal(0.5);
      }
      expect(jwtToken.claims.iss).to.equal(API_KEY);
      expect(jwtToken.claims.ist).to.equal('project');
      expect(jwtToken.claims.iat).to.equal(IAT);
      expect(jwtToken.claims.exp).to.equal(NOW + ONE_DAY);
      expect(t1Token.dataString).to.not.include('injected');
      expect(jwtToken.payloadText).to.not.include('injected');
    });

    it('never modifies the options object or its class-list array', () => {
      const classes = ['focus', 'inactive'];
      const options = {
        role: 'moderator',
        expireTime: NOW + 3600.6,
        data: 'name=Johnny',
        initialLayoutClassList: classes,
        session_id: 'x',
        nonce: 0.5,
      };
      const before = snapshot(options);
      const beforeOrder = keyOrder(options);
      opentok.generateToken(SESSION_ID, options);
      opentok.generateToken(SESSION_ID, options, true);
      new OpenTok.Session(opentok, SESSION_ID).generateToken(options, true);
      expect(options).to.deep.equal(before);
      expect(keyOrder(options)).to.deep.equal(beforeOrder);
      expect(options.initialLayoutClassList).to.equal(classes);
      expect(classes).to.deep.equal(['focus', 'inactive']);

      const sparse = {};
      opentok.generateToken(SESSION_ID, sparse);
      opentok.generateToken(SESSION_ID, sparse, true);
      expect(Object.keys(sparse)).to.deep.equal([]);
    });

    it('works with frozen options', () => {
      const options = Object.freeze({
        role: 'moderator',
        expireTime: NOW + 60,
        data: 'frozen',
        initialLayoutClassList: Object.freeze(['a', 'b']),
      });
      for (const t1 of [false, true]) {
        const { data } = decodeToken(opentok.generateToken(SESSION_ID, options, t1), t1);
        expect(data.role).to.equal('moderator');
        expect(data.expire_time).to.equal(NOW + 60);
        expect(data.connection_data).to.equal('frozen');
        expect(data.initial_layout_class_list).to.equal('a b');
      }
      const empty = Object.freeze({});
      expect(decodeJwtToken(opentok.generateToken(SESSION_ID, empty)).data.role).to.equal('publisher');
      expect(decodeT1Token(opentok.generateToken(SESSION_ID, empty, true)).data.role).to.equal('publisher');
    });
  });

  describe('legacy T1 format', () => {
    let clock;
    beforeEach(() => {
      // A fixed clock: create_time 1795820725, default expire_time 1795907125 (+ one day).
      clock = sinon.useFakeTimers({ now: 1795820725000, toFake: ['Date'] });
    });
    afterEach(() => clock.restore());

    it('matches a known decoded T1 token byte for byte (except nonce and signature)', () => {
      const token = opentok.generateToken(
        SESSION_ID,
        { role: 'moderator', data: 'name=Johnny x&y', initialLayoutClassList: ['focus', 'inactive'] },
        true,
      );
      const { plain, meta, data } = decodeT1Token(token);
      const nonceText = String(data.nonce);
      expect(plain).to.equal(
        `partner_id=123456&sig=${meta.sig}:session_id=${SESSION_ID}&create_time=1795820725&nonce=${nonceText}` +
          '&role=moderator&expire_time=1795907125&connection_data=name%3DJohnny%20x%26y' +
          '&initial_layout_class_list=focus%20inactive&scope=session.connect',
      );
      expect(data.connection_data).to.equal('name=Johnny x&y');
      expect(data.initial_layout_class_list).to.equal('focus inactive');
      // Re-encoding the plain text reproduces the token.
      expect(token).to.equal(`T1==${Buffer.from(plain, 'utf8').toString('base64')}`);
    });

    it('always carries initial_layout_class_list (even empty) and scope, and no connection_data without data', () => {
      const { dataString, data } = decodeT1Token(opentok.generateToken(SESSION_ID, undefined, true));
      expect(dataString).to.equal(
        `session_id=${SESSION_ID}&create_time=1795820725&nonce=${String(data.nonce)}` +
          '&role=publisher&expire_time=1795907125&initial_layout_class_list=&scope=session.connect',
      );
    });

    it('percent-encodes like querystring.stringify / encodeURIComponent, numbers through String()', () => {
      const sid = `${SESSION_ID}==`;
      const token = opentok.generateToken(
        sid,
        { role: 'subscriber', expireTime: '1795824325', data: "a!'()*~-_. b/é+%", initialLayoutClassList: 'x/y' },
        true,
      );
      const { dataString, data } = decodeT1Token(token);
      expect(dataString).to.equal(
        `session_id=${SESSION_ID}%3D%3D&create_time=1795820725&nonce=${String(data.nonce)}` +
          "&role=subscriber&expire_time=1795824325&connection_data=a!'()*~-_.%20b%2F%C3%A9%2B%25" +
          '&initial_layout_class_list=x%2Fy&scope=session.connect',
      );
      expect(data.session_id).to.equal(sid);
      expect(data.connection_data).to.equal("a!'()*~-_. b/é+%");
    });

    it('signs with the configured secret (a different secret does not verify)', () => {
      const otherSecret = 'another-secret-0123456789';
      const other = new OpenTok(API_KEY, otherSecret);
      const token = other.generateToken(SESSION_ID, { data: 'x' }, true);
      decodeT1Token(token, { secret: otherSecret });
      const { sig } = querystring.parse(Buffer.from(token.slice(4), 'base64').toString('utf8').split(':')[0]);
      const dataString = Buffer.from(token.slice(4), 'base64').toString('utf8').split(/:(.*)/s)[1];
      expect(sig).to.not.equal(crypto.createHmac('sha1', API_SECRET).update(dataString).digest('hex'));
    });
  });

  describe('JWT client token', () => {
    let clock;
    beforeEach(() => {
      clock = sinon.useFakeTimers({ now: NOW_MS, toFake: ['Date'] });
    });
    afterEach(() => clock.restore());

    it('has the exact header text, claim order and JSON types', () => {
      const token = opentok.generateToken(SESSION_ID, {
        expireTime: NOW + 600,
        data: 'name=Johnny',
        initialLayoutClassList: ['focus', 'inactive'],
      });
      const { headerText, payloadText, claims } = decodeJwtToken(token);
      expect(headerText).to.equal('{"alg":"HS256","typ":"JWT"}');
      const nonceText = JSON.stringify(claims.nonce);
      expect(payloadText).to.equal(
        `{"iss":"123456","ist":"project","iat":${IAT},"exp":${NOW + 600},"session_id":"${SESSION_ID}",` +
          `"create_time":${NOW},"nonce":${nonceText},"role":"publisher","expire_time":${NOW + 600},` +
          '"connection_data":"name=Johnny","initial_layout_class_list":"focus inactive","scope":"session.connect"}',
      );
      expect(nonceText).to.match(/^0(\.\d+)?(e-\d+)?$/);
    });

    it('omits connection_data without data and keeps an empty class list', () => {
      const { payloadText, claims } = decodeJwtToken(opentok.generateToken(SESSION_ID));
      expect(payloadText).to.equal(
        `{"iss":"123456","ist":"project","iat":${IAT},"exp":${NOW + ONE_DAY},"session_id":"${SESSION_ID}",` +
          `"create_time":${NOW},"nonce":${JSON.stringify(claims.nonce)},"role":"publisher",` +
          `"expire_time":${NOW + ONE_DAY},"initial_layout_class_list":"","scope":"session.connect"}`,
      );
    });

    it('verifies with jsonwebtoken and the API secret only', () => {
      const token = opentok.generateToken(SESSION_ID, { role: 'subscriber' });
      const claims = jwt.verify(token, API_SECRET, { algorithms: ['HS256'], issuer: API_KEY });
      expect(claims.role).to.equal('subscriber');
      expect(() => jwt.verify(token, 'wrong-secret', { algorithms: ['HS256'] })).to.throw(jwt.JsonWebTokenError);
      // still valid until expire_time, expired just after it
      clock.setSystemTime((NOW + ONE_DAY - 1) * 1000);
      expect(() => jwt.verify(token, API_SECRET, { algorithms: ['HS256'] })).to.not.throw();
      clock.setSystemTime((NOW + ONE_DAY + 1) * 1000);
      expect(() => jwt.verify(token, API_SECRET, { algorithms: ['HS256'] })).to.throw(jwt.TokenExpiredError);
    });
  });

  describe('the seed-doc example and Session#generateToken', () => {
    it('runs the seed-doc example on opentok.generateToken(sessionId, options)', () => {
      const expireTime = new Date().getTime() / 1000 + 7 * 24 * 60 * 60; // one week, fractional
      const options = { role: 'moderator', expireTime, data: 'name=Johnny', initialLayoutClassList: ['focus'] };
      const token = opentok.generateToken(SESSION_ID, options);
      const { claims, data } = decodeJwtToken(token);
      expect(data.role).to.equal('moderator');
      expect(data.expire_time).to.equal(Math.round(expireTime));
      expect(claims.exp).to.equal(Math.round(expireTime));
      expect(data.connection_data).to.equal('name=Johnny');
      expect(data.initial_layout_class_list).to.equal('focus');
      expect(data.session_id).to.equal(SESSION_ID);
      expect(Math.abs(data.create_time - Math.round(Date.now() / 1000))).to.be.at.most(2);
    });

    it('runs the seed-doc example verbatim on session.generateToken(options) (JWT)', () => {
      const session = new OpenTok.Session(opentok, SESSION_ID, { location: '127.0.0.1' });
      const expireTime = new Date().getTime() / 1000 + 7 * 24 * 60 * 60;
      const token = session.generateToken({
        role: 'moderator',
        expireTime,
        data: 'name=Johnny',
        initialLayoutClassList: ['focus'],
      });
      const { data } = decodeJwtToken(token);
      expect(data.session_id).to.equal(SESSION_ID);
      expect(data.role).to.equal('moderator');
      expect(data.expire_time).to.equal(Math.round(expireTime));
      expect(data.connection_data).to.equal('name=Johnny');
      expect(data.initial_layout_class_list).to.equal('focus');
    });

    it('passes the T1 switch through session.generateToken(options, true)', () => {
      const session = new OpenTok.Session(opentok, SESSION_ID, { location: '127.0.0.1' });
      const expireTime = new Date().getTime() / 1000 + 7 * 24 * 60 * 60;
      const token = session.generateToken(
        { role: 'moderator', expireTime, data: 'name=Johnny', initialLayoutClassList: ['focus'] },
        true,
      );
      const { dataString, data } = decodeT1Token(token);
      expect(data.session_id).to.equal(SESSION_ID);
      expect(data.role).to.equal('moderator');
      expect(data.expire_time).to.equal(Math.round(expireTime));
      expect(data.connection_data).to.equal('name=Johnny');
      expect(data.initial_layout_class_list).to.equal('focus');
      expect(dataString).to.include('&connection_data=name%3DJohnny&initial_layout_class_list=focus&scope=session.connect');
      // falsy switch → JWT
      decodeJwtToken(session.generateToken({ role: 'moderator' }, false));
      decodeJwtToken(session.generateToken({ role: 'moderator' }, 0));
    });

    it('builds a Session with own properties ot, sessionId, location (no mediaMode)', () => {
      expect(OpenTok.Session).to.equal(require('opentok/lib/session.js'));
      const session = new OpenTok.Session(opentok, SESSION_ID, { location: '127.0.0.1' });
      expect(session).to.be.an.instanceof(OpenTok.Session);
      expect(Object.keys(session)).to.deep.equal(['ot', 'sessionId', 'location']);
      expect(session.ot).to.equal(opentok);
      expect(session.sessionId).to.equal(SESSION_ID);
      expect(session.location).to.equal('127.0.0.1');
      expect(Object.prototype.hasOwnProperty.call(session, 'mediaMode')).to.equal(false);
      expect(session.mediaMode).to.equal(undefined);
      expect(session.archiveMode).to.equal(undefined);
    });

    it('session.generateToken() with no arguments gives a default JWT for the session', () => {
      const session = new OpenTok.Session(opentok, SESSION_ID, { location: '127.0.0.1' });
      const { data } = decodeJwtToken(session.generateToken());
      expect(data.session_id).to.equal(SESSION_ID);
      expect(data.role).to.equal('publisher');
      expect(data).to.not.have.property('connection_data');
      const t1 = decodeT1Token(session.generateToken(undefined, true));
      expect(t1.data.role).to.equal('publisher');
      expect(t1.data.session_id).to.equal(SESSION_ID);
    });

    it('delegates to ot.generateToken(session.sessionId, options, generateT1Token) and returns its result', () => {
      const session = new OpenTok.Session(opentok, SESSION_ID, { location: '127.0.0.1' });
      const spy = sinon.spy(opentok, 'generateToken');
      const options = { role: 'subscriber' };
      const token = session.generateToken(options, true);
      expect(spy.callCount).to.equal(1);
      expect(spy.firstCall.args).to.have.length(3);
      expect(spy.firstCall.args[0]).to.equal(SESSION_ID);
      expect(spy.firstCall.args[1]).to.equal(options);
      expect(spy.firstCall.args[2]).to.equal(true);
      expect(spy.firstCall.thisValue).to.equal(opentok);
      expect(token).to.equal(spy.firstCall.returnValue);
      expect(decodeT1Token(token).data.role).to.equal('subscriber');
    });

    it('throws the documented errors through session.generateToken', () => {
      const foreign = new OpenTok.Session(opentok, SESSION_ID_100, { location: '127.0.0.1' });
      expectPlainError(() => foreign.generateToken(), BELONGS_MESSAGE);
      expectPlainError(() => foreign.generateToken({}, true), BELONGS_MESSAGE);
      const ot100 = new OpenTok(100, API_SECRET);
      const session100 = new OpenTok.Session(ot100, SESSION_ID_100, { location: '127.0.0.1' });
      const { data } = decodeT1Token(session100.generateToken({ role: 'moderator' }, true), { apiKey: '100' });
      expect(data.session_id).to.equal(SESSION_ID_100);
      const session = new OpenTok.Session(opentok, SESSION_ID, { location: '127.0.0.1' });
      expectPlainError(() => session.generateToken({ role: 'guest' }), 'Invalid role for token generation: guest');
      expectPlainError(() => session.generateToken({ data: 'x'.repeat(1025) }, true), DATA_MESSAGE);
    });
  });

  describe('opentok.generateJwt()', () => {
    let clock;
    beforeEach(() => {
      clock = sinon.useFakeTimers({ now: NOW_MS, toFake: ['Date'] });
    });
    afterEach(() => clock.restore());

    it('returns an HS256 REST JWT with exactly iss, ist, iat, exp (no jti), exp = iat + 300', () => {
      const token = opentok.generateJwt();
      expect(token).to.be.a('string');
      const claims = jwt.verify(token, API_SECRET, { issuer: API_KEY, algorithms: ['HS256'] });
      expect(Object.keys(claims)).to.deep.equal(['iss', 'ist', 'iat', 'exp']);
      expect(claims).to.not.have.property('jti');
      expect(claims.iss).to.equal(API_KEY);
      expect(claims.ist).to.equal('project');
      expect(claims.iat).to.equal(IAT);
      expect(claims.exp).to.equal(IAT + 300);
      expect(claims.exp).to.be.above(Date.now() / 1000);
      const parts = token.split('.');
      expect(parts).to.have.length(3);
      expect(base64UrlText(parts[0])).to.equal(JWT_HEADER);
      expect(base64UrlText(parts[1])).to.equal(`{"iss":"123456","ist":"project","iat":${IAT},"exp":${IAT + 300}}`);
      expect(parts[2]).to.equal(crypto.createHmac('sha256', API_SECRET).update(`${parts[0]}.${parts[1]}`).digest('base64url'));
    });

    it('uses the string API key as issuer for a numeric apiKey', () => {
      const ot100 = new OpenTok(100, API_SECRET);
      const claims = jwt.verify(ot100.generateJwt(), API_SECRET, { issuer: '100', algorithms: ['HS256'] });
      expect(claims.iss).to.equal('100');
    });

    it('mints a fresh token on every call', () => {
      const first = opentok.generateJwt();
      clock.tick(2000);
      const second = opentok.generateJwt();
      expect(second).to.not.equal(first);
      const claims = jwt.verify(second, API_SECRET, { issuer: API_KEY, algorithms: ['HS256'] });
      expect(claims.iat).to.equal(IAT + 2);
      expect(claims.exp).to.equal(IAT + 302);
    });

    it('is signed with the configured secret only', () => {
      expect(() => jwt.verify(opentok.generateJwt(), 'wrong-secret', { algorithms: ['HS256'] })).to.throw(
        jwt.JsonWebTokenError,
      );
    });
  });
});
