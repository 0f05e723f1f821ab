'use strict';
// Property-based tests (fast-check) of every public entry point under bad input: the constructor
// (including Vonage mode), generateToken, generateJwt, every method of the callback API and
// `opentok.promises.*`.
//
// Properties:
// 1. A call either throws synchronously one of the documented errors (the missing-callback errors
//    ('No callback given to <method>' and the like), listRenders' 'Count is out of range', the
//    constructor's 'Invalid arguments when initializing OpenTok' error and its ArgumentError naming
//    a refused option (apiUrl, proxy, timeout, maxRetries), generateToken's errors —
//    exact class and message) or calls back exactly once, within a bound — never both,
//    never anything else thrown, never an uncaught exception or unhandled rejection (process
//    listeners are installed for the whole file).
// 2. Input that a documented validation rejects sends no request (transport spy + catch-all nock),
//    and the error arrives synchronously (createSession's: on a later tick, via process.nextTick).
// 3. Arguments are never modified: every argument is snapshotted (keys, descriptors,
//    prototypes, extensibility, internal state) before the call and compared after its callback;
//    deeply frozen inputs never cause a TypeError; no prototype is polluted; functions passed in
//    non-callback positions are never called; requests only go to the configured host.
// 4. Tokens for valid options always verify and decode to the same values: JWTs with jsonwebtoken
//    (HS256, the secret), T1 tokens by recomputing the HMAC-SHA1 and query-parsing the data string;
//    also for generated session IDs of arbitrary API keys, and Vonage tokens.
// 5. Every promise of `opentok.promises` settles exactly once, within a bound, for arbitrary input,
//    and rejects with the documented error where the callback API reports a validation error.
//
// Generators (test/property/arbitraries.js): wrong types of every kind, huge and unicode strings
// (grapheme, binary, lone surrogates), objects with own __proto__/constructor/prototype keys,
// deeply frozen and cyclic values. Values whose String() conversion itself throws (null-prototype
// objects, arrays holding symbols) have properties of their own, so that their failures do not
// hide others; likewise T1 tokens with lone surrogates (the general token property skips them).
// The oracle of what must happen for any argument list is in test/property/methods.js.
//
// Seed: FC_SEED (default below) — every failure message starts with it. FC_RUNS_SCALE multiplies
// every numRuns (default 1). The last test prints the number of generated cases (≥ 100,000).
// Run alone with `npx mocha --no-package test/property.test.js` (package.json's spec list would
// otherwise add every test file).
const assert = require('assert');
const crypto = require('crypto');
const querystring = require('querystring');
const { expect } = require('chai');
const fc = require('fast-check');
const jwt = require('jsonwebtoken');
const nock = require('nock');
const sinon = require('sinon');
const OpenTok = require('opentok');
const { API_KEY, API_SECRET, API_URL, SESSION_ID, makeSessionId } = require('./helpers');
const arbs = require('./property/arbitraries');
const { METHODS, METHOD_NAMES, CALLBACK, expectation, callArb, missingCallbackArb, A } = require('./property/methods');
const { snapshot, difference, deepFreeze } = require('./property/snapshot');
const h = require('./property/harness');

const SEED = process.env.FC_SEED === undefined || process.env.FC_SEED === '' ? 20260517 : Number(process.env.FC_SEED);
const SCALE = Number(process.env.FC_RUNS_SCALE || 1);
const CALLBACK_BOUND_MS = 2000;
const totals = { planned: 0, executed: 0, properties: 0 };
const NOT_THROWN = Symbol('not thrown');

function truncateLines(text) {
  return text
    .split('\n')
    .map((line) => (line.length > 3000 ? `${line.slice(0, 2000)} …[${line.length} chars]… ${line.slice(-400)}` : line))
    .join('\n');
}

/** fc.check with the file's seed; counts the cases and reports failures with the seed. */
async function assertProperty(property, numRuns, { timeLimit = 20000 } = {}) {
  const runs = Math.max(1, Math.round(numRuns * SCALE));
  const details = await fc.check(property, { seed: SEED, numRuns: runs, interruptAfterTimeLimit: timeLimit });
  totals.planned += runs;
  totals.executed += details.numRuns;
  totals.properties += 1;
  h.expectNoPollution('after the property', { full: true });
  if (details.failed) {
    const cause = details.errorInstance;
    const got = cause instanceof Error ? cause.stack || cause.message : h.show(cause);
    const report = fc
      .defaultReportMessage(details)
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('Hint:'))
      .join('\n');
    const error = new Error(`FC_SEED=${SEED} (replay with FC_SEED=${SEED})\n${truncateLines(report)}\nGot error: ${truncateLines(String(got))}`);
    error.stack = ''; // the message holds the counterexample and the inner stack: mocha prints it once
    throw error;
  }
}

/** Throws `message` (a string or a function returning one, computed only on failure) unless `condition`. */
function ensure(condition, message) {
  if (!condition) throw new Error(typeof message === 'function' ? message() : message);
}

function snapshotAll(args) {
  return args.map((arg) => (arg === CALLBACK ? null : snapshot(arg)));
}

function expectUnchanged(args, before, context) {
  args.forEach((arg, i) => {
    if (before[i] === null) return;
    const diff = difference(before[i], snapshot(arg), `argument ${i}`);
    if (diff) throw new Error(`${typeof context === 'function' ? context() : context}: the caller's argument was modified: ${diff}`);
  });
}

function withCallback(args, fn) {
  return args.map((arg) => (arg === CALLBACK ? fn : arg));
}

const label = (name, args) => () => `${name}(${args.map((arg) => h.show(arg, 120)).join(', ')})`;

// ---------------------------------------------------------------------------------------------
// Token helpers (session-ID decoding, token data and formats).

// 2026-01-01T00:00:00.700Z: Math.round (create_time) and Math.floor (the JWT's iat) differ.
const NOW_MS = 1767225600700;
const NOW = Math.round(NOW_MS / 1000);
const IAT = Math.floor(NOW_MS / 1000);
const THIRTY_DAYS = 2592000;
const ROLES = ['publisher', 'publisheronly', 'subscriber', 'moderator'];
const TOKEN_MESSAGES = [
  'Token cannot be generated without a sessionId parameter',
  'Token cannot be generated unless the session belongs to the API Key',
  'Invalid role for token generation: ',
  'Invalid expireTime for token generation: ',
  'Invalid expireTime for token generation, time cannot be in the past: ',
  'Invalid expireTime for token generation, time cannot be more than 30 days in the future: ',
  'Invalid data for token generation, must be a string with maximum length 1024',
  'Invalid initial layout class list for token generation, must have concatenated length of less than 1024',
];

function decodeSessionApiKey(sessionId) {
  const base64 = sessionId.substring(2).replace(/-/g, '+').replace(/_/g, '/');
  const fields = Buffer.from(base64, 'base64').toString('latin1').split('~');
  return fields[1];
}

/** What generateToken must do: the message it throws, or the token data the options produce. */
function tokenExpectation(apiKey, sessionId, options, { checkSession = true } = {}) {
  const o = typeof options === 'object' && options !== null ? options : {};
  if (checkSession) {
    if (typeof sessionId !== 'string') return { error: 'Token cannot be generated without a sessionId parameter' };
    if (decodeSessionApiKey(sessionId) !== apiKey) {
      return { error: 'Token cannot be generated unless the session belongs to the API Key' };
    }
  }
  const role = o.role !== undefined ? o.role : 'publisher';
  const requested = o.expireTime;
  const expire = typeof requested === 'number' || typeof requested === 'string' ? Math.round(requested) : NOW + 86400;
  const data = o.data ? o.data : undefined;
  const classes = o.initialLayoutClassList;
  const classList = Array.isArray(classes) ? classes.join(' ') : typeof classes === 'string' ? classes : '';
  if (!ROLES.includes(role)) return { error: `Invalid role for token generation: ${String(role)}` };
  if (Number.isNaN(expire)) return { error: `Invalid expireTime for token generation: ${String(requested)}` };
  if (expire < NOW) {
    return { error: `Invalid expireTime for token generation, time cannot be in the past: ${expire} < ${NOW}` };
  }
  if (expire > NOW + THIRTY_DAYS) {
    return {
      error: `Invalid expireTime for token generation, time cannot be more than 30 days in the future: ${expire} > ${NOW + THIRTY_DAYS}`,
    };
  }
  if (data !== undefined && (typeof data !== 'string' || data.length > 1024)) {
    return { error: 'Invalid data for token generation, must be a string with maximum length 1024' };
  }
  if (classList.length > 1024) {
    return {
      error: 'Invalid initial layout class list for token generation, must have concatenated length of less than 1024',
    };
  }
  return { token: { role, expire, data, classList } };
}

function expectThrownPlainError(thrown, message, context) {
  if (thrown === NOT_THROWN) throw new Error(`${context}: expected Error(${JSON.stringify(message)}), nothing thrown`);
  if (!(thrown instanceof Error) || Object.getPrototypeOf(thrown) !== Error.prototype) {
    throw new Error(`${context}: expected a plain Error(${JSON.stringify(message)}), got ${h.show(thrown)} ${thrown && thrown.stack}`);
  }
  if (thrown.message !== message) {
    throw new Error(`${context}: expected message ${JSON.stringify(message)}, got ${h.show(thrown.message)}`);
  }
}

const isWellFormed = (value) => typeof value !== 'string' || value.isWellFormed();

function expectedTokenKeys(expected) {
  return [
    'session_id',
    'create_time',
    'nonce',
    'role',
    'expire_time',
    ...(expected.data !== undefined ? ['connection_data'] : []),
    'initial_layout_class_list',
    'scope',
  ];
}

/** Verifies a client JWT with jsonwebtoken and compares every claim. */
function verifyJwtToken(token, { apiKey, secret, sessionId, expected }) {
  const [encodedHeader] = token.split('.');
  assert.strictEqual(Buffer.from(encodedHeader, 'base64url').toString(), '{"alg":"HS256","typ":"JWT"}');
  const key = crypto.createSecretKey(Buffer.from(secret, 'utf8'));
  const claims = jwt.verify(token, key, { algorithms: ['HS256'] });
  assert.deepStrictEqual(Object.keys(claims), ['iss', 'ist', 'iat', 'exp', ...expectedTokenKeys(expected)]);
  assert.strictEqual(claims.iss, apiKey);
  assert.strictEqual(claims.ist, 'project');
  assert.strictEqual(claims.iat, IAT);
  assert.strictEqual(claims.exp, expected.expire);
  assert.strictEqual(claims.session_id, sessionId);
  assert.strictEqual(claims.create_time, NOW);
  assert.ok(typeof claims.nonce === 'number' && claims.nonce >= 0 && claims.nonce < 1, `nonce ${claims.nonce}`);
  assert.strictEqual(claims.role, expected.role);
  assert.strictEqual(claims.expire_time, expected.expire);
  if (expected.data !== undefined) assert.strictEqual(claims.connection_data, expected.data);
  assert.strictEqual(claims.initial_layout_class_list, expected.classList);
  assert.strictEqual(claims.scope, 'session.connect');
}

/** Verifies a T1 token the way a consumer does, and compares every field. */
function verifyT1Token(token, { apiKey, secret, sessionId, expected }) {
  assert.ok(token.startsWith('T1=='), 'T1 prefix');
  const base64 = token.slice(4);
  assert.match(base64, /^[A-Za-z0-9+/]*={0,2}$/);
  const plain = Buffer.from(base64, 'base64').toString('utf8');
  assert.strictEqual(Buffer.from(plain, 'utf8').toString('base64'), base64);
  const colon = plain.indexOf(':');
  const head = querystring.parse(plain.slice(0, colon));
  const dataString = plain.slice(colon + 1);
  const sig = crypto.createHmac('sha1', Buffer.from(secret, 'utf8')).update(dataString).digest('hex');
  assert.strictEqual(plain, `partner_id=${apiKey}&sig=${sig}:${dataString}`);
  assert.deepStrictEqual(Object.keys(head), ['partner_id', 'sig']);
  assert.strictEqual(head.partner_id, apiKey);
  assert.strictEqual(head.sig, sig);
  const fields = querystring.parse(dataString);
  assert.deepStrictEqual(Object.keys(fields), expectedTokenKeys(expected));
  assert.strictEqual(querystring.stringify(fields), dataString);
  assert.strictEqual(fields.session_id, sessionId);
  assert.strictEqual(fields.create_time, String(NOW));
  const nonce = Number(fields.nonce);
  assert.strictEqual(String(nonce), fields.nonce);
  assert.ok(nonce >= 0 && nonce < 1, `nonce ${fields.nonce}`);
  assert.strictEqual(fields.role, expected.role);
  assert.strictEqual(fields.expire_time, String(expected.expire));
  if (expected.data !== undefined) assert.strictEqual(fields.connection_data, expected.data);
  assert.strictEqual(fields.initial_layout_class_list, expected.classList);
  assert.strictEqual(fields.scope, 'session.connect');
}

// Valid token options: the four roles (or none), expireTime in (now, now + 30 days] as a
// number, a fraction or a numeric string, data of up to 1024 UTF-16 units of arbitrary unicode,
// class lists whose joined length is at most 1024, and ignored snake_case keys.
const validExpireTime = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: NOW + 1, max: NOW + THIRTY_DAYS }),
  fc.double({ min: NOW + 0.5, max: NOW + THIRTY_DAYS + 0.49, noNaN: true }),
  fc.integer({ min: NOW + 1, max: NOW + THIRTY_DAYS }).map(String),
  fc.constantFrom(NOW, NOW + THIRTY_DAYS, NOW + 1, String(NOW + THIRTY_DAYS)),
);

/**
 * How the constructor's error shows the secret: 2.23.2 printed `String(apiSecret)`, but the secret
 * never appears in an error: a string (the real secret's type) is `[redacted]`, an object (a Buffer
 * read from a key file) its `Object.prototype.toString` tag.
 */
function shownSecret(apiSecret) {
  if (typeof apiSecret === 'string') return '[redacted]';
  if ((typeof apiSecret === 'object' && apiSecret !== null) || typeof apiSecret === 'function') {
    return Object.prototype.toString.call(apiSecret);
  }
  return String(apiSecret);
}

function validData(wellFormed) {
  const fit = (text) => {
    const cut = text.slice(0, 1024);
    return wellFormed ? cut.toWellFormed() : cut;
  };
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(undefined, '') },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }).map(fit) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 1024 }).map(fit) },
    { weight: 2, arbitrary: (wellFormed ? arbs.unicodeString.map((s) => s.toWellFormed()) : arbs.unicodeString).map(fit) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1024, maxLength: 1100 }).map(fit) },
    { weight: 1, arbitrary: fc.constantFrom('name=Johnny x&y', '%20+%', 'a'.repeat(1024), '€'.repeat(1024), '😀'.repeat(512)) },
  );
}

function validClassList(wellFormed) {
  const fitsArray = (list) => list.join(' ').length <= 1024;
  const name = wellFormed ? fc.string({ unit: 'grapheme', maxLength: 30 }) : arbs.unicodeString;
  return fc.oneof(
    fc.constant(undefined),
    fc.array(name, { maxLength: 30 }).filter(fitsArray),
    name,
    // Boundaries: joined lengths of exactly 1024 (allowed).
    fc.constantFrom(['focus'], ['focus', 'inactive'], ['a'.repeat(1024)], ['a'.repeat(511), 'b'.repeat(512)], Array(512).fill('x'), 'b'.repeat(1024), []),
  );
}

const snakeValue = fc.oneof(arbs.numberArb, arbs.anyString, fc.constantFrom('moderator', 'session_id', null, true));

function validTokenOptions(wellFormed) {
  return fc
    .tuple(
      fc.record(
        {
          role: fc.constantFrom(...ROLES),
          expireTime: validExpireTime,
          data: validData(wellFormed),
          initialLayoutClassList: validClassList(wellFormed),
          // Ignored snake_case keys (2.23.2 let them override the computed token data).
          session_id: snakeValue,
          nonce: snakeValue,
          create_time: snakeValue,
          expire_time: snakeValue,
          connection_data: snakeValue,
        },
        { requiredKeys: [] },
      ),
      fc.boolean(),
    )
    .map(([record, freeze]) => {
      const options = arbs.objectFrom(Object.keys(record).map((key) => [key, record[key]]));
      return freeze ? deepFreeze(options) : options;
    });
}

// ---------------------------------------------------------------------------------------------

describe('property-based tests under bad input (fast-check)', function () {
  this.timeout(60000);
  let restoreTransport;
  let client;

  let stackTraceLimit;
  before(() => {
    // mocha sets an unlimited stack depth; every Error the SDK creates would capture fast-check's
    // whole call stack. Ten frames keep the runs fast and the reports readable.
    stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 10;
    h.installEscapeListeners();
    restoreTransport = h.installTransportSpy();
    nock.disableNetConnect();
    client = new OpenTok(API_KEY, API_SECRET);
  });

  beforeEach(() => {
    nock.cleanAll();
    h.installCatchAll();
    h.escapes.length = 0;
  });

  afterEach(() => {
    nock.cleanAll();
  });

  after(() => {
    Error.stackTraceLimit = stackTraceLimit;
    h.removeEscapeListeners();
    restoreTransport();
    nock.enableNetConnect();
  });

  describe('the harness can see what it asserts on', () => {
    it('sees a valid request (transport spy and nock) and its callback', async () => {
      const before = h.requestsSeen();
      const rec = h.recorder(() => 'getArchive');
      client.getArchive('archive-id', rec.fn);
      await rec.settled(CALLBACK_BOUND_MS);
      expect(h.requestsSeen().transport - before.transport).to.equal(1);
      expect(h.requestsSeen().nock - before.nock).to.equal(1);
      expect(rec.calls).to.have.length(1);
      expect(rec.calls[0][0]).to.equal(null);
      expect(h.transport.requests[h.transport.requests.length - 1].host).to.equal(h.API_HOST);
    });

    it('detects a mutation, a frozen object and an escaped error', () => {
      const value = { a: [1, { b: 2 }] };
      const before = snapshot(value);
      value.a[1].b = 3;
      expect(difference(before, snapshot(value))).to.match(/\["b"\] changed/);
      const frozen = deepFreeze({ a: { b: [] } });
      expect(Object.isFrozen(frozen.a.b)).to.equal(true);
      const own = JSON.parse('{"__proto__": {"polluted": true}}');
      expect(Object.prototype.hasOwnProperty.call(own, '__proto__')).to.equal(true);
      expect(() => h.expectNoPollution('self-test', { full: true })).to.not.throw();
      expect(process.listeners('unhandledRejection')).to.include(h.onUnhandled);
      expect(process.listeners('uncaughtException')).to.include(h.onUncaught);
      h.escapes.push({ kind: 'unhandledRejection', error: new Error('self-test') });
      expect(() => h.expectNoEscapes('self-test')).to.throw(/unhandledRejection escaped/);
      expect(h.escapes).to.have.length(0);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('constructor', () => {
    const VONAGE_SECRET_PREFIX = '-----BEGIN PRIVATE KEY-----\nnot really a key\n-----END PRIVATE KEY-----\n';
    const VONAGE_APP_ID = '0b3e4a2e-1f0a-4c2b-9f8e-1234567890ab';
    const apiKeyArb = fc.oneof(
      { weight: 2, arbitrary: arbs.numberArb },
      { weight: 2, arbitrary: fc.stringMatching(/^[0-9]{1,10}$/) },
      { weight: 1, arbitrary: fc.oneof(fc.uuid(), fc.constant(VONAGE_APP_ID)) },
      { weight: 2, arbitrary: arbs.anyString },
      { weight: 4, arbitrary: arbs.junk() },
    );
    const apiSecretArb = fc.oneof(
      { weight: 3, arbitrary: arbs.anyString },
      { weight: 1, arbitrary: fc.constant(VONAGE_SECRET_PREFIX) },
      { weight: 3, arbitrary: arbs.junk() },
    );
    const ctorOptionsArb = fc.oneof(
      { weight: 1, arbitrary: arbs.nullish },
      { weight: 1, arbitrary: arbs.anyString },
      {
        weight: 4,
        arbitrary: arbs.optionsArb({
          apiUrl: arbs.optionValue(fc.constantFrom('https://example.com', 'http://localhost:1234/', '')),
          proxy: arbs.optionValue(fc.constantFrom('http://proxy.example.com:3128', 'http://user:pass@127.0.0.1:3128', 'x', '', 'not a url')),
          uaAddendum: arbs.optionValue(arbs.anyString),
          timeout: arbs.optionValue(fc.oneof(fc.integer(), fc.double(), fc.constantFrom('100', 'abc', '0', '1e3', ' 250 ', '1.5'))),
          maxRetries: arbs.optionValue(fc.oneof(fc.integer({ min: -3, max: 10 }), fc.double(), fc.constantFrom('2', null))),
          agent: arbs.optionValue(fc.constant(null).map(() => ({}))),
          apiEndpoint: arbs.optionValue(arbs.anyString),
        }),
      },
      { weight: 2, arbitrary: arbs.junk() },
    );

    function expectedApiUrl(apiKey, apiSecret, options) {
      const vonage =
        typeof apiKey === 'string' &&
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(apiKey) &&
        apiSecret.startsWith('-----BEGIN PRIVATE KEY');
      let url = vonage ? 'https://video.api.vonage.com' : 'https://api.opentok.com';
      if (typeof options === 'string') url = options;
      else if (isOptionsObject(options) && typeof options.apiUrl === 'string') {
        url = options.apiUrl;
      }
      return url.trim().replace(/\/+$/, '');
    }

    const isOptionsObject = (options) => typeof options === 'object' && options !== null && !Array.isArray(options);

    /** An absolute http(s) URL with a host (and, for a base URL, no query or fragment). */
    function isHttpUrl(value, baseUrl) {
      if (typeof value !== 'string' || (baseUrl && /[?#]/.test(value))) return false;
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
      } catch {
        return false;
      }
    }

    /**
     * The option the constructor refuses, checked in this order, or undefined: a base URL that is
     * not an absolute http(s) URL, a non-empty proxy that is not one, a timeout that is neither a
     * positive number of ms (up to 2^31 - 1) nor a string of digits, a maxRetries that is not a
     * non-negative integer. null and undefined are the defaults.
     */
    function refusedOption(options) {
      if (typeof options === 'string') return isHttpUrl(options, true) ? undefined : 'apiUrl';
      if (!isOptionsObject(options)) return undefined;
      if (options.apiUrl != null && !isHttpUrl(options.apiUrl, true)) return 'apiUrl';
      if (options.proxy != null && options.proxy !== '' && !isHttpUrl(options.proxy, false)) return 'proxy';
      const { timeout } = options;
      if (timeout != null) {
        const ms = typeof timeout === 'number' ? timeout : typeof timeout === 'string' && /^\s*\d+\s*$/.test(timeout) ? Number(timeout) : NaN;
        if (!(ms > 0 && ms <= 2147483647)) return 'timeout';
      }
      const { maxRetries } = options;
      if (maxRetries != null && !(Number.isInteger(maxRetries) && maxRetries >= 0)) return 'maxRetries';
      return undefined;
    }

    /**
     * One constructor call: the 'Invalid arguments when initializing OpenTok' Error for wrong
     * types, else a client with the given values.
     */
    function constructorCase(apiKey, apiSecret, options, withNew) {
      const args = [apiKey, apiSecret, options];
      const before = snapshotAll(args);
      const spies = arbs.spies.calls;
      let thrown = NOT_THROWN;
      let ot;
      try {
        ot = withNew ? new OpenTok(...args) : OpenTok(...args);
      } catch (error) {
        thrown = error;
      }
      const valid = (typeof apiKey === 'number' || typeof apiKey === 'string') && typeof apiSecret === 'string';
      if (!valid) {
        expectThrownPlainError(
          thrown,
          `Invalid arguments when initializing OpenTok: apiKey=${String(apiKey)}, apiSecret=${shownSecret(apiSecret)}`,
          'constructor',
        );
      } else if (refusedOption(options) !== undefined) {
        const name = refusedOption(options);
        ensure(
          thrown instanceof OpenTok.ArgumentError && thrown.message.startsWith(`Invalid ${name} option: `),
          () => `constructor did not refuse ${name} with an ArgumentError: ${thrown === NOT_THROWN ? 'no throw' : thrown && thrown.stack}`,
        );
      } else {
        ensure(thrown === NOT_THROWN, () => `constructor threw for valid types and options: ${thrown && thrown.stack}`);
        assert.ok(ot instanceof OpenTok);
        assert.strictEqual(ot.apiKey, typeof apiKey === 'number' ? apiKey.toString() : apiKey);
        assert.strictEqual(ot.apiSecret, apiSecret);
        assert.strictEqual(ot.apiUrl, expectedApiUrl(apiKey, apiSecret, options));
      }
      expectUnchanged(args, before, 'constructor');
      assert.strictEqual(arbs.spies.calls, spies, 'a function passed to the constructor was called');
      h.expectNoPollution('constructor');
    }

    it('any types: Error("Invalid arguments when initializing OpenTok: apiKey=<apiKey>, apiSecret=<apiSecret>") for wrong ones', async () => {
      await assertProperty(
        fc.property(apiKeyArb, apiSecretArb, ctorOptionsArb, fc.boolean(), (apiKey, apiSecret, options, withNew) => {
          constructorCase(apiKey, apiSecret, options, withNew);
        }),
        3000,
      );
    });

    it('a number or string key and a string secret: never throws; apiKey, apiSecret and apiUrl as given', async () => {
      const validKey = fc.oneof(arbs.numberArb, fc.stringMatching(/^[0-9]{1,10}$/), arbs.anyString, fc.constant(VONAGE_APP_ID));
      const validSecret = fc.oneof({ weight: 3, arbitrary: arbs.anyString }, { weight: 1, arbitrary: fc.constant(VONAGE_SECRET_PREFIX) });
      await assertProperty(
        fc.property(validKey, validSecret, ctorOptionsArb, fc.boolean(), (apiKey, apiSecret, options, withNew) => {
          constructorCase(apiKey, apiSecret, options, withNew);
        }),
        3000,
      );
    });

    it('a client built with arbitrary apiUrl, uaAddendum and timeout still calls back exactly once', async () => {
      const clientOptions = fc.oneof(
        fc.constantFrom(API_URL, `${API_URL}/`, 'not a url', '', '\uD800', 'http://', 'ftp://x', 'https://api.opentok.com:99999'),
        arbs.optionsArb({
          apiUrl: arbs.optionValue(fc.constantFrom(API_URL, `${API_URL}/`, 'not a url', '', '\uD800', 'http://', 'ftp://x', 'https://api.opentok.com:99999')),
          uaAddendum: arbs.optionValue(fc.oneof(arbs.anyString, fc.constantFrom('a\r\nX-Injected: 1', 'é', '😀'))),
          timeout: arbs.optionValue(fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.constantFrom('100', 'abc', '0', '1e3', 1e300, -1))),
        }),
      );
      const calls = fc.constantFrom('getArchive', 'createSession', 'listArchives', 'signal');
      await assertProperty(
        fc.asyncProperty(clientOptions, calls, async (options, method) => {
          let ot;
          try {
            ot = new OpenTok(API_KEY, API_SECRET, options);
          } catch {
            // Options the constructor refuses (an apiUrl that is not one, a bad timeout): checked by the properties above.
            fc.pre(false);
          }
          const where = () => `new OpenTok(key, secret, ${h.show(options)}).${method}(…)`;
          const rec = h.recorder(where);
          const args = {
            getArchive: ['archive-id'],
            createSession: [{}],
            listArchives: [{ count: 5 }],
            signal: [SESSION_ID, null, { type: 't', data: 'd' }],
          }[method];
          let thrown = NOT_THROWN;
          try {
            ot[method](...args, rec.fn);
          } catch (error) {
            thrown = error;
          }
          ensure(thrown === NOT_THROWN, () => `${where()} threw ${thrown && thrown.stack}`);
          ensure(rec.calls.length === 0, () => `${where()}: the callback ran before the method returned`);
          await rec.settled(CALLBACK_BOUND_MS).catch((error) => {
            throw new Error(`${where()}: ${error.message}`);
          });
          await h.tick();
          ensure(rec.calls.length === 1, () => `${where()}: called back ${rec.calls.length} times`);
          const first = rec.calls[0][0];
          ensure(first === null || first instanceof Error, () => `${where()}: first callback argument ${h.show(first)}`);
          h.expectNoEscapes(where);
          rec.close();
        }),
        200,
      );
    });

    it('values whose string conversion throws: still only the "Invalid arguments" Error, or a client', async () => {
      await assertProperty(
        fc.property(
          fc.oneof(arbs.hostile(), apiKeyArb),
          fc.oneof(arbs.hostile(), apiSecretArb),
          fc.oneof(arbs.hostile(), arbs.hostile().map((value) => ({ timeout: value })), ctorOptionsArb),
          (apiKey, apiSecret, options) => {
            let thrown = NOT_THROWN;
            try {
              new OpenTok(apiKey, apiSecret, options); // eslint-disable-line no-new
            } catch (error) {
              thrown = error;
            }
            if (thrown === NOT_THROWN) return;
            // An option the constructor refuses, whatever its value: an ArgumentError naming it.
            if (thrown instanceof OpenTok.ArgumentError && /^Invalid (apiUrl|proxy|timeout|maxRetries) option: /.test(thrown.message)) return;
            if (
              !(thrown instanceof Error) ||
              Object.getPrototypeOf(thrown) !== Error.prototype ||
              !thrown.message.startsWith('Invalid arguments when initializing OpenTok: apiKey=')
            ) {
              throw new Error(`constructor threw an undocumented error: ${thrown && thrown.stack}`);
            }
          },
        ),
        1000,
      );
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('generateJwt and generateToken', () => {
    let clock;
    before(() => {
      clock = sinon.useFakeTimers({ now: NOW_MS, toFake: ['Date'] });
    });
    after(() => clock.restore());

    const latin1Char = (exclude) =>
      fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code)).filter((c) => !exclude.includes(c));
    const sessionApiKeyArb = fc.oneof(
      fc.integer({ min: 0 }),
      fc.double(),
      fc.string({ unit: latin1Char('~'), minLength: 1, maxLength: 16 }),
      fc.stringMatching(/^[0-9]{1,10}$/),
    );
    const secretArb = fc
      .oneof({ weight: 6, arbitrary: arbs.anyString }, { weight: 3, arbitrary: arbs.unicodeString }, { weight: 1, arbitrary: arbs.hugeString })
      .filter((secret) => secret.length > 0);

    it('generateJwt: an HS256 JWT that verifies for the key, with iss, ist, iat, exp = iat + 300', async () => {
      await assertProperty(
        fc.property(fc.oneof(sessionApiKeyArb, arbs.anyString), secretArb, (apiKey, secret) => {
          const ot = new OpenTok(apiKey, secret);
          const token = ot.generateJwt();
          const [encodedHeader] = token.split('.');
          assert.strictEqual(Buffer.from(encodedHeader, 'base64url').toString(), '{"alg":"HS256","typ":"JWT"}');
          const claims = jwt.verify(token, crypto.createSecretKey(Buffer.from(secret, 'utf8')), {
            algorithms: ['HS256'],
            issuer: String(apiKey),
          });
          assert.deepStrictEqual(Object.keys(claims), ['iss', 'ist', 'iat', 'exp']);
          assert.strictEqual(claims.ist, 'project');
          assert.strictEqual(claims.iat, IAT);
          assert.strictEqual(claims.exp, IAT + 300);
        }),
        2000,
      );
    });

    it('generateToken with arbitrary arguments: a documented Error or a token with the expected claims', async () => {
      const sessionIdArb = fc.oneof(
        { weight: 4, arbitrary: fc.constant(SESSION_ID) },
        { weight: 2, arbitrary: arbs.anyString.map((location) => makeSessionId(API_KEY, location.replace(/~/g, ''))) },
        { weight: 1, arbitrary: arbs.anyString.map((suffix) => SESSION_ID + suffix) },
        { weight: 1, arbitrary: sessionApiKeyArb.map((key) => makeSessionId(String(key))) },
        { weight: 2, arbitrary: fc.constantFrom('', '1_', '2_', '1_MX4', 'T1==', '1_!!!!') },
        { weight: 2, arbitrary: arbs.anyString },
        { weight: 3, arbitrary: arbs.junk() },
      );
      const expireArb = fc.oneof(
        validExpireTime,
        fc.integer({ min: NOW - 100000, max: NOW + THIRTY_DAYS + 100000 }),
        fc.constantFrom(NOW - 1, NOW - 0.6, NOW + THIRTY_DAYS + 0.5, NOW + THIRTY_DAYS + 1, '', ' ', 'not a time', '0x10', '1e10', NaN, Infinity, -Infinity),
        arbs.numberArb,
        arbs.anyString,
      );
      const dataArb = fc.oneof(validData(false), fc.string({ minLength: 1025, maxLength: 1100 }), arbs.anyString);
      const classListArb = fc.oneof(
        validClassList(false),
        fc.array(fc.string({ maxLength: 300 }), { maxLength: 8 }),
        fc.constantFrom(Array(513).fill('x'), ['a'.repeat(512), 'b'.repeat(512)], 'c'.repeat(1025)),
      );
      const optionsArb = arbs.optionsArb({
        role: arbs.optionValue(fc.constantFrom(...ROLES, 'Publisher', 'admin', '')),
        expireTime: arbs.optionValue(expireArb),
        data: arbs.optionValue(dataArb),
        initialLayoutClassList: arbs.optionValue(classListArb),
        session_id: arbs.junk(),
        nonce: arbs.junk(),
        create_time: arbs.junk(),
        expire_time: arbs.junk(),
        connection_data: arbs.junk(),
      });
      await assertProperty(
        fc.property(sessionIdArb, optionsArb, fc.oneof(fc.boolean(), arbs.junk()), (sessionId, options, t1) => {
          const expected = tokenExpectation(API_KEY, sessionId, options);
          const o = typeof options === 'object' && options !== null ? options : {};
          // T1 tokens cannot encode lone surrogates: a dedicated property below covers that case.
          fc.pre(!(expected.token && t1 && ![sessionId, o.data, expected.token.classList].every(isWellFormed)));
          const args = [sessionId, options, t1];
          const before = snapshotAll(args);
          const spies = arbs.spies.calls;
          let thrown = NOT_THROWN;
          let token;
          try {
            token = client.generateToken(...args);
          } catch (error) {
            thrown = error;
          }
          if (expected.error) {
            expectThrownPlainError(thrown, expected.error, 'generateToken');
          } else {
            if (thrown !== NOT_THROWN) throw new Error(`generateToken threw for valid input: ${thrown && thrown.stack}`);
            const context = { apiKey: API_KEY, secret: API_SECRET, sessionId, expected: expected.token };
            if (t1) verifyT1Token(token, context);
            else verifyJwtToken(token, context);
          }
          expectUnchanged(args, before, 'generateToken');
          assert.strictEqual(arbs.spies.calls, spies, 'a function passed to generateToken was called');
          h.expectNoPollution('generateToken');
        }),
        12000,
      );
    });

    it('valid options: the JWT verifies with jsonwebtoken and decodes to the same values', async () => {
      await assertProperty(
        fc.property(validTokenOptions(false), fc.constantFrom(undefined, false, 0, '', null), (options, t1) => {
          const expected = tokenExpectation(API_KEY, SESSION_ID, options);
          assert.strictEqual(expected.error, undefined, 'generator produced invalid options');
          const before = snapshot(options);
          const token = client.generateToken(SESSION_ID, options, t1);
          verifyJwtToken(token, { apiKey: API_KEY, secret: API_SECRET, sessionId: SESSION_ID, expected: expected.token });
          const diff = difference(before, snapshot(options));
          if (diff) throw new Error(`generateToken modified its options: ${diff}`);
        }),
        10000,
      );
    });

    it('valid options: the T1 token verifies (HMAC-SHA1) and query-parses to the same values', async () => {
      await assertProperty(
        fc.property(validTokenOptions(true), fc.constantFrom(true, 1, 'yes', {}), (options, t1) => {
          const expected = tokenExpectation(API_KEY, SESSION_ID, options);
          assert.strictEqual(expected.error, undefined, 'generator produced invalid options');
          const token = client.generateToken(SESSION_ID, options, t1);
          verifyT1Token(token, { apiKey: API_KEY, secret: API_SECRET, sessionId: SESSION_ID, expected: expected.token });
        }),
        8000,
      );
    });

    it('generated session IDs of arbitrary API keys (client built with that key and an arbitrary secret)', async () => {
      const locationArb = fc.string({ unit: latin1Char('~'), maxLength: 20 });
      await assertProperty(
        fc.property(sessionApiKeyArb, locationArb, secretArb, validTokenOptions(true), fc.boolean(), (apiKey, location, secret, options, t1) => {
          const ot = new OpenTok(apiKey, secret);
          const keyText = String(apiKey);
          assert.strictEqual(ot.apiKey, keyText);
          const sessionId = makeSessionId(keyText, location);
          const expected = tokenExpectation(keyText, sessionId, options);
          assert.strictEqual(expected.error, undefined, 'generator produced invalid input');
          // The T1 plain text carries the key raw (`partner_id=<apiKey>&sig=…:`): keys holding one of
          // the separators cannot be parsed back, so only JWTs are checked for them.
          const rawKeySafe = !/[:&=%+]/.test(keyText);
          const context = { apiKey: keyText, secret, sessionId, expected: expected.token };
          if (t1 && rawKeySafe) verifyT1Token(ot.generateToken(sessionId, options, true), context);
          else verifyJwtToken(ot.generateToken(sessionId, options), context);
          // Another key's session is refused (the session ID must encode the client's API key).
          const other = makeSessionId(`${keyText}0`, location);
          let thrown = NOT_THROWN;
          try {
            ot.generateToken(other, options);
          } catch (error) {
            thrown = error;
          }
          expectThrownPlainError(thrown, 'Token cannot be generated unless the session belongs to the API Key', 'generateToken');
        }),
        2500,
      );
    });

    it('valid options holding lone surrogates: the T1 token is generated and verifies (data may be any string ≤ 1024)', async () => {
      await assertProperty(
        fc.property(
          fc.oneof(
            fc.record({ data: arbs.unicodeString.filter((s) => !s.isWellFormed() && s.length <= 1024) }),
            fc.record({ initialLayoutClassList: fc.array(arbs.loneSurrogate, { minLength: 1, maxLength: 3 }) }),
          ),
          (options) => {
            const expected = tokenExpectation(API_KEY, SESSION_ID, options);
            // A T1 token is UTF-8: lone surrogates come back as U+FFFD, as UTF-8 encoding makes them.
            if (expected.token.data !== undefined) expected.token.data = expected.token.data.toWellFormed();
            expected.token.classList = expected.token.classList.toWellFormed();
            let thrown = NOT_THROWN;
            let token;
            try {
              token = client.generateToken(SESSION_ID, options, true);
            } catch (error) {
              thrown = error;
            }
            if (thrown !== NOT_THROWN) {
              throw new Error(`generateToken(SESSION_ID, ${h.show(options)}, true) threw ${thrown && thrown.name}: ${thrown && thrown.message}`);
            }
            verifyT1Token(token, { apiKey: API_KEY, secret: API_SECRET, sessionId: SESSION_ID, expected: expected.token });
          },
        ),
        500,
      );
    });

    it('values whose string conversion throws: only a documented Error, or a token', async () => {
      const hostileOptions = fc
        .tuple(fc.constantFrom('role', 'expireTime', 'data', 'initialLayoutClassList'), arbs.hostile())
        .map(([key, value]) => arbs.objectFrom([[key, value]]));
      await assertProperty(
        fc.property(
          fc.oneof(arbs.hostile(), fc.constant(SESSION_ID)),
          fc.oneof(arbs.hostile(), hostileOptions),
          fc.boolean(),
          (sessionId, options, t1) => {
            let thrown = NOT_THROWN;
            try {
              client.generateToken(sessionId, options, t1);
            } catch (error) {
              thrown = error;
            }
            if (thrown === NOT_THROWN) return;
            const documented =
              thrown instanceof Error &&
              Object.getPrototypeOf(thrown) === Error.prototype &&
              TOKEN_MESSAGES.some((message) => thrown.message.startsWith(message));
            if (!documented) throw new Error(`generateToken threw an undocumented error: ${thrown && thrown.stack}`);
          },
        ),
        1000,
      );
    });

    describe('Vonage application mode', () => {
      let keys;
      before(function () {
        this.timeout(20000);
        keys = crypto.generateKeyPairSync('rsa', {
          modulusLength: 2048,
          privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
          publicKeyEncoding: { type: 'spki', format: 'pem' },
        });
      });

      const applicationId = '0b3e4a2e-1f0a-4c2b-9f8e-1234567890ab';
      const vonageOptions = fc.oneof(
        validTokenOptions(false),
        arbs.optionsArb({ role: arbs.optionValue(fc.constantFrom(...ROLES)), expireTime: arbs.junk(), data: arbs.junk() }),
      );
      const jsonable = (value) => {
        try {
          JSON.stringify(value);
          return true;
        } catch {
          return false;
        }
      };

      function vonageProperty(sessionIdArb) {
        return fc.property(sessionIdArb, vonageOptions, (sessionId, options) => {
          const ot = new OpenTok(applicationId, keys.privateKey);
          const expected = tokenExpectation(applicationId, sessionId, options, { checkSession: false });
          let thrown = NOT_THROWN;
          let token;
          try {
            token = ot.generateToken(sessionId, options);
          } catch (error) {
            thrown = error;
          }
          if (expected.error) {
            expectThrownPlainError(thrown, expected.error, 'generateToken (Vonage)');
            return;
          }
          if (!jsonable(sessionId)) {
            // A session ID JSON cannot serialise cannot go into a token: the documented message.
            expectThrownPlainError(thrown, 'Token cannot be generated without a sessionId parameter', 'generateToken (Vonage)');
            return;
          }
          ensure(thrown === NOT_THROWN, () => `generateToken (Vonage) threw for session ID ${h.show(sessionId)}: ${thrown && thrown.stack}`);
          const [encodedHeader] = token.split('.');
          assert.strictEqual(Buffer.from(encodedHeader, 'base64url').toString(), '{"alg":"RS256","typ":"JWT"}');
          const claims = jwt.verify(token, keys.publicKey, { algorithms: ['RS256'] });
          assert.strictEqual(claims.scope, 'session.connect');
          if (typeof sessionId === 'string') assert.strictEqual(claims.session_id, sessionId);
          assert.strictEqual(claims.role, expected.token.role);
          assert.strictEqual(claims.initial_layout_class_list, expected.token.classList);
          assert.strictEqual(claims.exp, expected.token.expire);
          assert.strictEqual(claims.sub, 'video');
          assert.deepStrictEqual(claims.acl, { paths: { '/session/**': {} } });
          if (expected.token.data !== undefined) assert.strictEqual(claims.connection_data, expected.token.data);
          else assert.ok(!('connection_data' in claims));
          assert.match(claims.jti, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
          assert.strictEqual(claims.iat, IAT);
          assert.strictEqual(claims.application_id, applicationId);
        });
      }

      it('any session ID and options: a documented Error or an RS256 token with the Vonage claims', async () => {
        await assertProperty(
          vonageProperty(fc.oneof(fc.constant(SESSION_ID), arbs.anyString, arbs.junk().filter(jsonable))),
          300,
        );
      });

      it('session IDs that JSON cannot represent (BigInt, cycles): a documented Error or a token', async () => {
        await assertProperty(
          vonageProperty(fc.oneof(arbs.junk(), fc.bigInt().map((n) => ({ id: n }))).filter((value) => !jsonable(value))),
          100,
        );
      });
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('callback API: a missing callback throws the documented error first', () => {
    for (const name of METHOD_NAMES) {
      it(`${name}`, async () => {
        const start = h.requestsSeen();
        await assertProperty(
          fc.property(missingCallbackArb(name), (args) => {
            ensure(expectation(name, args).kind === 'throw', 'generator sanity: no callback');
            const before = snapshotAll(args);
            const spies = arbs.spies.calls;
            const requests = h.transport.count;
            let thrown = NOT_THROWN;
            try {
              client[name](...args);
            } catch (error) {
              thrown = error;
            }
            const where = label(name, args);
            ensure(thrown !== NOT_THROWN, () => `${where()} did not throw`);
            h.checkError(thrown, METHODS[name].missing, where);
            ensure(h.transport.count === requests, () => `${where()} sent a request`);
            ensure(arbs.spies.calls === spies, () => `${where()}: a function passed as an argument was called`);
            expectUnchanged(args, before, where);
            h.expectNoPollution(where);
          }),
          500,
        );
        await h.sleep(5);
        expect(h.requestsSeen(), 'requests sent by calls without a callback').to.deep.equal(start);
        h.expectNoEscapes(name);
      });
    }
  });

  // -------------------------------------------------------------------------------------------
  describe('callback API: invalid input is reported once, synchronously, with no request', () => {
    for (const name of METHOD_NAMES) {
      const spec = METHODS[name];
      if (!spec.validate && !spec.countCheck) continue;
      it(`${name}`, async () => {
        const start = h.requestsSeen();
        const reported = spec.deferred ? 'nextTick' : spec.countCheck ? 'throw' : 'sync';
        const arb = callArb(name, 'invalid').filter((args) => expectation(name, args).kind === reported);
        const run = (args, rec) => {
          const call = withCallback(args, rec.fn);
          const expected = expectation(name, call);
          const before = snapshotAll(args);
          const spies = arbs.spies.calls;
          const requests = h.transport.count;
          let thrown = NOT_THROWN;
          try {
            client[name](...call);
          } catch (error) {
            thrown = error;
          }
          const where = label(name, args);
          if (expected.kind === 'throw') {
            h.checkError(thrown === NOT_THROWN ? undefined : thrown, expected.error, () => `${where()} must throw`);
            ensure(rec.calls.length === 0, () => `${where()}: callback called although the method threw`);
          } else {
            ensure(thrown === NOT_THROWN, () => `${where()} threw ${thrown && thrown.stack}`);
            const syncCalls = rec.calls.length;
            ensure(
              syncCalls === (expected.kind === 'sync' ? 1 : 0),
              () => `${where()}: ${syncCalls} synchronous callbacks, expected ${expected.kind === 'sync' ? 1 : 0}`,
            );
          }
          ensure(h.transport.count === requests, () => `${where()} sent a request for invalid input`);
          return { expected, before, spies, where };
        };
        const finish = (args, rec, { expected, before, spies, where }) => {
          if (expected.kind !== 'throw') {
            ensure(rec.calls.length === 1, () => `${where()}: ${rec.calls.length} callbacks`);
            ensure(rec.calls[0].length === 1, () => `${where()}: ${rec.calls[0].length} callback arguments, expected (err)`);
            h.checkError(rec.calls[0][0], expected.error, where);
          }
          ensure(arbs.spies.calls === spies, () => `${where()}: a function passed as an argument was called`);
          expectUnchanged(args, before, where);
          h.expectNoPollution(where);
          rec.close();
        };
        if (spec.deferred) {
          await assertProperty(
            fc.asyncProperty(arb, async (args) => {
              const rec = h.recorder(label(name, args));
              const state = run(args, rec);
              await rec.settled(CALLBACK_BOUND_MS);
              await h.tick();
              finish(args, rec, state);
            }),
            1500,
          );
        } else {
          await assertProperty(
            fc.property(arb, (args) => {
              const rec = h.recorder(label(name, args));
              finish(args, rec, run(args, rec));
            }),
            1200,
          );
        }
        await h.sleep(15);
        h.expectNoLateCalls();
        expect(h.requestsSeen(), 'requests sent for invalid input').to.deep.equal(start);
        h.expectNoEscapes(name);
      });
    }
  });

  // -------------------------------------------------------------------------------------------
  /** One call of the callback API against the catch-all nock, checked against the oracle. */
  async function httpCase(name, args, mode, { oracle = true } = {}) {
    h.responder.mode = mode;
    const where = label(name, args);
    const rec = h.recorder(where);
    const call = withCallback(args, rec.fn);
    const expected = oracle ? expectation(name, call) : null;
    const before = snapshotAll(args);
    const spies = arbs.spies.calls;
    const seen = h.requestsSeen();
    let thrown = NOT_THROWN;
    try {
      client[name](...call);
    } catch (error) {
      thrown = error;
    }
    const syncCalls = rec.calls.length;
    let kind = expected ? expected.kind : 'any';
    if (kind === 'countUncomparable' || kind === 'any') {
      // No oracle: a documented throw, or one callback.
      if (thrown !== NOT_THROWN) {
        const documented = [A('Count is out of range'), METHODS[name].missing];
        const isDocumented = documented.some(
          (error) => thrown instanceof Error && thrown.message === error.message && thrown.name === error.cls,
        );
        ensure(isDocumented, () => `${where()} threw an undocumented ${thrown && thrown.name}: ${thrown && thrown.stack}`);
        kind = 'throw';
      } else {
        kind = syncCalls > 0 ? 'sync' : 'request';
      }
    } else if (kind === 'throw') {
      h.checkError(thrown === NOT_THROWN ? undefined : thrown, expected.error, () => `${where()} must throw`);
    } else {
      ensure(thrown === NOT_THROWN, () => `${where()} threw ${thrown && thrown.name} instead of calling back: ${thrown && thrown.stack}`);
    }
    if (kind === 'sync') {
      ensure(syncCalls === 1, () => `${where()}: ${syncCalls} synchronous callbacks, expected 1`);
      if (expected) {
        h.checkError(rec.calls[0][0], expected.error, where);
        ensure(rec.calls[0].length === 1, () => `${where()}: ${rec.calls[0].length} callback arguments, expected (err)`);
      }
    } else if (kind === 'nextTick' || kind === 'request') {
      ensure(syncCalls === 0, () => `${where()}: the callback ran before the method returned`);
      await rec.settled(CALLBACK_BOUND_MS).catch((error) => {
        throw new Error(`${where()}: ${error.message}`);
      });
      const first = rec.calls[0][0];
      if (kind === 'nextTick') {
        h.checkError(first, expected.error, where);
        ensure(rec.calls[0].length === 1, () => `${where()}: ${rec.calls[0].length} callback arguments, expected (err)`);
      } else {
        ensure(first === null || first instanceof Error, () => `${where()}: the first callback argument is neither null nor an Error: ${h.show(first)}`);
      }
    }
    await h.tick();
    await h.tick();
    ensure(rec.calls.length === (kind === 'throw' ? 0 : 1), () => `${where()}: called back ${rec.calls.length} times`);
    const now = h.requestsSeen();
    if (kind === 'request') {
      const sent = now.transport - seen.transport;
      ensure(sent <= 1, () => `${where()}: ${sent} requests sent`);
      for (const request of sent > 0 ? h.transport.requests.slice(-sent) : []) {
        ensure(request.host === h.API_HOST, () => `${where()}: request sent to ${request.host}`);
      }
    } else {
      ensure(
        now.transport === seen.transport && now.nock === seen.nock,
        () => `${where()}: a request was sent although the call was rejected`,
      );
    }
    ensure(arbs.spies.calls === spies, () => `${where()}: a function passed as an argument was called`);
    expectUnchanged(args, before, where);
    h.expectNoEscapes(where);
    h.expectNoPollution(where);
    rec.close();
  }

  describe('callback API over HTTP: exactly one callback for arbitrary input', () => {
    for (const name of METHOD_NAMES) {
      it(`${name}`, async () => {
        await assertProperty(
          fc.asyncProperty(callArb(name, 'mixed'), fc.constantFrom(...h.RESPONSE_MODES), (args, mode) => httpCase(name, args, mode)),
          60,
        );
        await h.sleep(10);
        h.expectNoLateCalls();
        h.expectNoEscapes(name);
      });
    }

    it('listRenders with a count that cannot be compared with a number (a Symbol): the count error or one callback', async () => {
      const optionsArb = fc
        .tuple(arbs.symbolArb, fc.option(fc.integer({ min: 0, max: 2000 })))
        .map(([count, offset]) => arbs.objectFrom(offset === null ? [['count', count]] : [['offset', offset], ['count', count]]));
      await assertProperty(
        fc.asyncProperty(optionsArb, (options) => httpCase('listRenders', [options, CALLBACK], 'ok')),
        50,
      );
    });
  });

  describe('callback API: values whose string conversion throws still give one callback', () => {
    for (const name of METHOD_NAMES) {
      const spec = METHODS[name];
      it(`${name}`, async () => {
        const replacement = fc.oneof(
          arbs.hostile(),
          fc.tuple(fc.constantFrom('count', 'offset', 'sessionId', 'from', 'location', 'archiveName', 'excludedStreamIds', 'outputs', 'role', 'data', 'id', 'layoutClassList'), arbs.hostile())
            .map(([key, value]) => arbs.objectFrom([[key, value]])),
        );
        const arb = fc
          .tuple(callArb(name, 'mixed'), fc.nat(), replacement)
          .map(([args, index, value]) => {
            const slots = args.map((arg, i) => i).filter((i) => args[i] !== CALLBACK && i < spec.params.length);
            if (slots.length === 0) return args;
            const copy = args.slice();
            copy[slots[index % slots.length]] = value;
            return copy;
          });
        await assertProperty(
          fc.asyncProperty(arb, (args) => httpCase(name, args, 'ok', { oracle: false })),
          30,
        );
        await h.sleep(10);
        h.expectNoLateCalls();
        h.expectNoEscapes(name);
      });
    }
  });

  // -------------------------------------------------------------------------------------------
  /** One call of `opentok.promises[name]` with the positional arguments of `args`. */
  async function promiseCase(name, args, mode, { requireRejection }) {
    h.responder.mode = mode;
    const spec = METHODS[name];
    const positional = args.filter((arg) => arg !== CALLBACK);
    const padded = Array.from({ length: spec.params.length }, (_unused, i) => positional[i]);
    const hasFunction = positional.some((arg) => typeof arg === 'function');
    const expected = hasFunction ? null : expectation(name, [...padded, CALLBACK]);
    const before = snapshotAll(positional);
    const seen = h.requestsSeen();
    const where = () => `promises.${label(name, positional)()}`;
    let promise;
    try {
      promise = client.promises[name](...positional);
    } catch (error) {
      throw new Error(`${where()} threw synchronously instead of returning a promise: ${error && error.stack}`);
    }
    ensure(promise instanceof Promise, () => `${where()} did not return a promise`);
    let settlements = 0;
    let outcome;
    const settled = promise.then(
      (value) => {
        settlements += 1;
        outcome = { fulfilled: true, value };
      },
      (reason) => {
        settlements += 1;
        outcome = { fulfilled: false, reason };
      },
    );
    let timer;
    await Promise.race([
      settled,
      new Promise((resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`${where()} did not settle within ${CALLBACK_BOUND_MS} ms`)), CALLBACK_BOUND_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    await h.tick();
    ensure(settlements === 1, () => `${where()} settled ${settlements} times`);
    if (expected && expected.kind !== 'request' && expected.kind !== 'countUncomparable') {
      ensure(!outcome.fulfilled, () => `${where()} resolved; expected a rejection with ${expected.error.message}`);
      h.checkError(outcome.reason, expected.error, where);
      const now = h.requestsSeen();
      ensure(now.transport === seen.transport && now.nock === seen.nock, () => `${where()}: a request was sent for invalid input`);
    } else {
      if (requireRejection) throw new Error('generator sanity: expected invalid input');
      const sent = h.requestsSeen().transport - seen.transport;
      ensure(sent <= 1, () => `${where()}: ${sent} requests`);
      ensure(outcome.fulfilled || outcome.reason instanceof Error, () => `${where()} rejected with a non-Error ${h.show(outcome.reason)}`);
    }
    expectUnchanged(positional, before, where);
    h.expectNoEscapes(where);
    h.expectNoPollution(where);
  }

  describe('promise API: invalid input rejects with the callback API error, no request', () => {
    for (const name of METHOD_NAMES) {
      const spec = METHODS[name];
      if (!spec.validate && !spec.countCheck) continue;
      it(`promises.${name}`, async () => {
        const arb = callArb(name, 'invalid').filter((args) => {
          const positional = args.filter((arg) => arg !== CALLBACK);
          if (positional.some((arg) => typeof arg === 'function')) return false;
          const padded = Array.from({ length: spec.params.length }, (_unused, i) => positional[i]);
          const kind = expectation(name, [...padded, CALLBACK]).kind;
          return kind !== 'request' && kind !== 'countUncomparable';
        });
        await assertProperty(
          fc.asyncProperty(arb, (args) => promiseCase(name, args, 'ok', { requireRejection: true })),
          300,
        );
        h.expectNoEscapes(name);
      });
    }
  });

  describe('promise API over HTTP: every promise settles exactly once for arbitrary input', () => {
    for (const name of METHOD_NAMES) {
      it(`promises.${name}`, async () => {
        const arb = fc.tuple(
          fc.oneof({ weight: 4, arbitrary: callArb(name, 'mixed') }, { weight: 1, arbitrary: missingCallbackArb(name) }),
          fc.constantFrom(...h.RESPONSE_MODES),
        );
        await assertProperty(
          fc.asyncProperty(arb, ([args, mode]) => promiseCase(name, args, mode, { requireRejection: false })),
          20,
        );
        await h.sleep(10);
        h.expectNoEscapes(name);
      });
    }
  });

  // -------------------------------------------------------------------------------------------
  describe('total', () => {
    it('ran at least 100,000 generated cases in total', () => {
    // eslint-disable-next-line no-console
    console.log(
      `\n      fast-check: ${totals.planned} generated cases planned (sum of numRuns), ${totals.executed} executed, ${totals.properties} properties, FC_SEED=${SEED}`,
    );
      // The sum of numRuns; a failing property stops early, so fewer cases run while the SDK has bugs.
      expect(totals.planned).to.be.at.least(Math.round(100000 * Math.min(SCALE, 1)));
    });
  });
});
