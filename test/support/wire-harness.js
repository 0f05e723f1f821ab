'use strict';
// The request/response harness shared by the wire-level tests (archives, broadcasts, layouts,
// renders and captions, streams, moderation, DTMF, audio connector): nock interceptors that capture
// the raw request, exact-error assertions, and proofs that nothing was sent.
const { inspect } = require('util');
const { expect } = require('chai');
const nock = require('nock');
const OpenTok = require('opentok');
const { API_KEY, API_SECRET, API_URL, callbackArgs, expectAuthHeaders, normalizeHeaders } = require('../helpers');

const CALLBACK_MESSAGE = 'Invalid arguments -- must provide a callback function.';

function newOpenTok() {
  return new OpenTok(API_KEY, API_SECRET);
}

function show(value) {
  return typeof value === 'function' ? 'a function' : inspect(value);
}

function wait(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The message `JSON.parse(text)` fails with on this Node version. */
function syntaxErrorMessage(text) {
  try {
    JSON.parse(text);
  } catch (e) {
    return e.message;
  }
  throw new Error(`${text} is valid JSON`);
}

/**
 * Registers one interceptor for `method` on any path of the API host. `reply` is the nock reply
 * triple `[status, body, headers]`. The returned record gets the request's path (with query),
 * method, headers (raw and normalized) and raw body text.
 */
function intercept(method, reply) {
  const seen = { count: 0 };
  const scope = nock(API_URL)
    .intercept(() => true, method)
    .reply(function (uri) {
      seen.count += 1;
      seen.path = uri;
      seen.method = this.req.method;
      seen.rawHeaders = this.req.headers;
      seen.headers = normalizeHeaders(this.req.headers);
      return reply;
    });
  scope.on('request', (req, interceptor, body) => {
    seen.body = body;
  });
  return seen;
}

/**
 * Calls `invoke(callback)` and resolves with `{ args, sync }`: the exact argument list of the single
 * callback invocation and whether it happened before `invoke` returned.
 */
async function invokeAsync(invoke) {
  let returned = false;
  let sync;
  const args = await callbackArgs((cb) => {
    invoke((...a) => {
      sync = !returned;
      cb(...a);
    });
    returned = true;
  });
  return { args, sync };
}

/** Runs one API call against a single interceptor; asserts HTTP outcomes arrive asynchronously. */
async function exchange(method, reply, invoke) {
  const seen = intercept(method, reply);
  const { args, sync } = await invokeAsync(invoke);
  expect(sync, 'HTTP outcome delivered synchronously (must be async)').to.equal(false);
  expect(seen.count, 'number of requests').to.equal(1);
  return { args, seen };
}

/** Makes every request of `method` fail at the network level. */
async function failedExchange(method, invoke) {
  const failure = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });
  const seen = { count: 0 };
  nock(API_URL)
    .intercept((uri) => {
      seen.path = uri;
      seen.count += 1;
      return true;
    }, method)
    .replyWithError(failure);
  const { args, sync } = await invokeAsync(invoke);
  expect(sync, 'HTTP outcome delivered synchronously (must be async)').to.equal(false);
  expect(seen.count, 'number of requests').to.be.at.least(1);
  return { args, seen };
}

/** Persistent catch-all interceptors that count any request (matched or not). */
function trapRequests() {
  const trap = { hits: 0 };
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    nock(API_URL)
      .persist()
      .intercept(() => true, method)
      .reply(() => {
        trap.hits += 1;
        return [500, ''];
      });
  }
  const onNoMatch = () => {
    trap.hits += 1;
  };
  nock.emitter.on('no match', onNoMatch);
  trap.release = () => nock.emitter.removeListener('no match', onNoMatch);
  return trap;
}

/** Asserts an error built from an HTTP response (class, message, statusCode, body), as the only callback argument. */
function expectError(args, className, message, { statusCode, body } = {}) {
  expect(args, 'callback arguments').to.have.length(1);
  return expectErrorObject(args[0], className, message, { statusCode, body });
}

function expectErrorObject(err, className, message, { statusCode, body } = {}) {
  expect(err).to.be.an.instanceof(Error);
  expect(err).to.be.an.instanceof(OpenTok[className]);
  expect(err.name).to.equal(className);
  expect(err.message).to.equal(message);
  expect(err.stack).to.be.a('string');
  expect(err.statusCode, 'err.statusCode').to.equal(statusCode);
  if (body === undefined) {
    expect(err.body, 'err.body').to.equal(undefined);
  } else {
    expect(err.body).to.deep.equal(body);
  }
  return err;
}

/** Asserts a transport-failure RequestError: message, cause, no statusCode. */
function expectTransportError(err, path) {
  expect(err).to.be.an.instanceof(OpenTok.RequestError);
  expect(err.name).to.equal('RequestError');
  expect(err.message).to.equal(`request to ${API_URL}${path} failed, reason: connect ECONNREFUSED 127.0.0.1:443`);
  expect(err.cause).to.be.an.instanceof(Error);
  expect(err.cause.code).to.equal('ECONNREFUSED');
  expect(err.statusCode).to.equal(undefined);
}

/** Asserts a plain `Error` validation error: not an SDK class, no statusCode/body/cause. */
function expectPlainError(err, message) {
  expect(err).to.be.an.instanceof(Error);
  expect(err.constructor, 'error class').to.equal(Error);
  expect(Object.getPrototypeOf(err)).to.equal(Error.prototype);
  expect(err).to.not.be.an.instanceof(OpenTok.ArgumentError);
  expect(err.name).to.equal('Error');
  expect(err.message).to.equal(message);
  expect(err.statusCode).to.equal(undefined);
  expect(err.body).to.equal(undefined);
  expect(err.cause).to.equal(undefined);
}

/**
 * `invoke(callback)` must throw `ArgumentError(message)` synchronously, never call the callback
 * it is given, and send no request.
 */
async function expectThrowsNoRequest(invoke, message = CALLBACK_MESSAGE) {
  const trap = trapRequests();
  try {
    let calls = 0;
    const callback = () => {
      calls += 1;
    };
    let thrown;
    try {
      invoke(callback);
    } catch (e) {
      thrown = e;
    }
    expect(thrown, 'thrown error').to.be.an.instanceof(OpenTok.ArgumentError);
    expect(thrown).to.be.an.instanceof(Error);
    expect(thrown).to.not.be.an.instanceof(TypeError);
    expect(thrown.name).to.equal('ArgumentError');
    expect(thrown.message).to.equal(message);
    expect(thrown.statusCode).to.equal(undefined);
    await wait(20);
    expect(calls, 'callback calls').to.equal(0);
    expect(trap.hits, 'requests sent').to.equal(0);
  } finally {
    trap.release();
  }
}

/** Asserts a validation `ArgumentError(message)`: no statusCode, body or cause. */
function expectArgumentError(err, message) {
  expect(err).to.be.an.instanceof(Error);
  expect(err).to.be.an.instanceof(OpenTok.ArgumentError);
  expect(err.name).to.equal('ArgumentError');
  expect(err.message).to.equal(message);
  expect(err.statusCode).to.equal(undefined);
  expect(err.body).to.equal(undefined);
  expect(err.cause).to.equal(undefined);
}

/**
 * `invoke(callback)` must report exactly one error through the callback synchronously, with one
 * argument, and send no request; `check(err)` asserts the error itself.
 */
async function expectSyncReport(invoke, check) {
  const trap = trapRequests();
  try {
    const calls = [];
    invoke((...args) => calls.push(args));
    expect(calls, 'synchronous callback calls').to.have.length(1);
    expect(calls[0], 'callback arguments').to.have.length(1);
    check(calls[0][0]);
    await wait(20);
    expect(calls, 'callback calls').to.have.length(1);
    expect(trap.hits, 'requests sent').to.equal(0);
  } finally {
    trap.release();
  }
}

/** `invoke(callback)` must report a plain `Error(message)` synchronously, once, and send nothing. */
function expectSyncValidation(invoke, message) {
  return expectSyncReport(invoke, (err) => expectPlainError(err, message));
}

/** `invoke(callback)` must report `ArgumentError(message)` synchronously, once, and send nothing. */
function expectSyncArgumentError(invoke, message) {
  return expectSyncReport(invoke, (err) => expectArgumentError(err, message));
}

/** Asserts a request with the auth headers and exactly this JSON body text. */
function expectJsonRequest(seen, method, path, body) {
  expect(seen.method).to.equal(method);
  expect(seen.path).to.equal(path);
  expectAuthHeaders(seen.rawHeaders);
  expect(seen.headers['content-type']).to.equal('application/json');
  expect(seen.body).to.equal(body);
}

function expectJsonPost(seen, path, body) {
  expectJsonRequest(seen, 'POST', path, body);
}

/** Asserts a request with the auth headers, no Content-Type and no body. */
function expectNoBodyRequest(seen, method, path) {
  expect(seen.method).to.equal(method);
  expect(seen.path).to.equal(path);
  expectAuthHeaders(seen.rawHeaders);
  expect(seen.headers).to.not.have.property('content-type');
  expect(seen.body === undefined || seen.body === '', `no request body (got ${JSON.stringify(seen.body)})`).to.equal(true);
}

module.exports = {
  newOpenTok,
  show,
  wait,
  syntaxErrorMessage,
  intercept,
  invokeAsync,
  exchange,
  failedExchange,
  trapRequests,
  expectError,
  expectErrorObject,
  expectTransportError,
  expectPlainError,
  expectThrowsNoRequest,
  expectArgumentError,
  expectSyncReport,
  expectSyncValidation,
  expectSyncArgumentError,
  expectJsonRequest,
  expectJsonPost,
  expectNoBodyRequest,
};
