'use strict';
// Shared fixtures and assertions of the wire-level tests.
const { expect } = require('chai');
const jwt = require('jsonwebtoken');
const nock = require('nock');

const API_KEY = '123456';
const API_SECRET = '1234567890abcdef1234567890abcdef1234567890';
const API_URL = 'https://api.opentok.com';
const PROJECT_PATH = `/v2/project/${API_KEY}`;
const SDK_VERSION = require('../package.json').version;

/** The error classes the constructor carries as statics, in their export order (2.x's order too). */
const ERROR_CLASS_NAMES = Object.freeze([
  'ArgumentError',
  'AuthError',
  'ArchiveError',
  'CaptionsError',
  'SipError',
  'SignalError',
  'ForceDisconnectError',
  'CallbackError',
  'RequestError',
  'NotFoundError',
]);

/**
 * A real-looking session ID that encodes `apiKey`: `1_` + base64url of
 * `1~<apiKey>~<location>~<date>~<random>~` (token generation reads the key from field 1).
 */
function makeSessionId(apiKey = API_KEY, location = '127.0.0.1') {
  const raw = `1~${apiKey}~${location}~Tue Jan 28 15:48:40 PST 2014~0.7602962~`;
  return '1_' + Buffer.from(raw, 'latin1').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A real session ID of API key 123456 (it decodes to `1~123456~~Sat Mar 15 14:42:23 PDT 2014~…`). */
const SESSION_ID = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';

/** Lower-cased header names with string values (nock may report a header's values as an array). */
function normalizeHeaders(headers) {
  const normalized = {};
  for (const [name, value] of Object.entries(headers)) {
    normalized[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return normalized;
}

/**
 * Asserts the headers every REST request carries: User-Agent, Accept and an
 * X-OPENTOK-AUTH JWT that verifies with the secret, issued for the API key, valid 300 s.
 * `headers` is what nock passes to a reply function (`this.req.headers`, lower-cased).
 */
function expectAuthHeaders(rawHeaders, { apiKey = API_KEY, secret = API_SECRET, uaAddendum } = {}) {
  const headers = normalizeHeaders(rawHeaders);
  const ua = `OpenTok-Node-SDK/${SDK_VERSION}` + (uaAddendum ? ` ${uaAddendum}` : '');
  expect(headers['user-agent']).to.equal(ua);
  expect(headers.accept).to.equal('application/json');
  const token = headers['x-opentok-auth'];
  expect(token, 'X-OPENTOK-AUTH header').to.be.a('string');
  const claims = jwt.verify(token, secret, { issuer: apiKey, algorithms: ['HS256'] });
  expect(Object.keys(claims)).to.deep.equal(['iss', 'ist', 'iat', 'exp']);
  expect(claims.ist).to.equal('project');
  expect(claims.exp - claims.iat).to.equal(300);
  expect(Math.abs(claims.iat - Math.floor(Date.now() / 1000))).to.be.at.most(2);
  expect(headers).to.not.have.property('headers');
  return claims;
}

/**
 * Wraps a mocha `done` so the test fails if the callback runs more than once, and gives the
 * assertions the exact argument list. `check(args)` runs once; a second call fails the test.
 */
function onceCallback(done, check) {
  let calls = 0;
  return function callback(...args) {
    calls += 1;
    if (calls > 1) {
      done(new Error(`callback called ${calls} times`));
      return;
    }
    try {
      check(args);
    } catch (assertionError) {
      done(assertionError);
      return;
    }
    // Give a duplicate call a chance to show up before the test ends.
    setImmediate(() => {
      if (calls === 1) done();
    });
  };
}

/** Calls `fn(callback)` and resolves with the callback's argument list; rejects on a second call. */
function callbackArgs(fn) {
  return new Promise((resolve, reject) => {
    let calls = 0;
    let first;
    fn((...args) => {
      calls += 1;
      if (calls === 1) {
        first = args;
        setImmediate(() => (calls === 1 ? resolve(first) : reject(new Error(`callback called ${calls} times`))));
      }
    });
  });
}

/** Disallows real network access and clears interceptors after each test of the including file. */
function useNock() {
  before(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  after(() => nock.enableNetConnect());
}

module.exports = {
  ERROR_CLASS_NAMES,
  API_KEY,
  API_SECRET,
  API_URL,
  PROJECT_PATH,
  SDK_VERSION,
  SESSION_ID,
  makeSessionId,
  expectAuthHeaders,
  normalizeHeaders,
  onceCallback,
  callbackArgs,
  useNock,
};
