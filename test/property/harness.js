'use strict';
// Observation tools of the property tests: escaped errors (uncaught exceptions and unhandled
// rejections), a transport spy that sees every outgoing HTTP request synchronously, a catch-all nock
// interceptor that answers any request and logs it, callback recorders, exact error checks and a
// guard against prototype pollution.
const http = require('http');
const https = require('https');
const nock = require('nock');
const fc = require('fast-check');
const OpenTok = require('opentok');
const { API_URL, SESSION_ID, API_KEY } = require('../helpers');

// ---------------------------------------------------------------------------------------------
// Short descriptions for failure messages.

/** Long strings (also inside arrays) cut short, so that a description stays cheap and readable. */
function shorten(value, seen = new Set()) {
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 100)}…(${value.length} chars)` : value;
  if (Array.isArray(value) && !seen.has(value)) {
    seen.add(value);
    return value.map((item) => shorten(item, seen));
  }
  return value;
}

function show(value, max = 300) {
  let text;
  try {
    text = fc.stringify(shorten(value));
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;
}

// ---------------------------------------------------------------------------------------------
// Escaped errors.

const escapes = [];

function onUncaught(error) {
  escapes.push({ kind: 'uncaughtException', error });
}
function onUnhandled(reason) {
  escapes.push({ kind: 'unhandledRejection', error: reason });
}

function installEscapeListeners() {
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUnhandled);
}

function removeEscapeListeners() {
  process.removeListener('uncaughtException', onUncaught);
  process.removeListener('unhandledRejection', onUnhandled);
}

function expectNoEscapes(contextArg) {
  if (escapes.length > 0) {
    const context = typeof contextArg === 'function' ? contextArg() : contextArg;
    const first = escapes[0];
    escapes.length = 0;
    throw new Error(`${first.kind} escaped${context ? ` (${context})` : ''}: ${first.error && first.error.stack ? first.error.stack : show(first.error)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Transport spy: http(s).request/get are looked up by the SDK at call time, so wrapping them
// (over nock's own override) counts every request the moment it is created.

const transport = { count: 0, requests: [] };

function installTransportSpy() {
  const originals = [];
  for (const mod of [http, https]) {
    for (const name of ['request', 'get']) {
      const original = mod[name];
      mod[name] = function spiedRequest(...args) {
        transport.count += 1;
        const options = args.find((arg) => arg && typeof arg === 'object' && !(arg instanceof URL)) || {};
        const url = args.find((arg) => typeof arg === 'string' || arg instanceof URL);
        transport.requests.push({
          host: options.hostname || options.host || (url ? new URL(String(url)).hostname : undefined),
          method: options.method,
          path: options.path,
        });
        if (transport.requests.length > 50) transport.requests.shift();
        return original.apply(this, args);
      };
      originals.push([mod, name, original]);
    }
  }
  return () => {
    for (const [mod, name, original] of originals) mod[name] = original;
  };
}

// ---------------------------------------------------------------------------------------------
// Catch-all nock interceptor. `responder.mode` picks the answer of the next requests.

const API_HOST = new URL(API_URL).hostname;
const VERBS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const RESPONSE_MODES = ['ok', 'ok', 'ok', 'noContent', 'badRequest', 'notFound', 'conflict', 'serverError', 'badJson', 'text'];
const responder = { mode: 'ok', log: [] };

function replyFor(verb, uri) {
  const json = { 'Content-Type': 'application/json' };
  switch (responder.mode) {
    case 'noContent':
      return [204, ''];
    case 'badRequest':
      return [400, JSON.stringify({ message: 'bad request' }), json];
    case 'notFound':
      return [404, JSON.stringify({ message: 'not found' }), json];
    case 'conflict':
      return [409, JSON.stringify({ message: 'conflict' }), json];
    case 'serverError':
      return [500, JSON.stringify({ message: 'boom' }), json];
    case 'badJson':
      return [200, '{"unterminated', json];
    case 'text':
      return [200, 'plain text', { 'Content-Type': 'text/plain' }];
    default:
      if (verb === 'DELETE') return [204, ''];
      if (uri === '/session/create') return [200, JSON.stringify([{ session_id: SESSION_ID, project_id: API_KEY }]), json];
      if (verb === 'GET' && /\/callback$/.test(uri)) return [200, '[]', json];
      return [
        200,
        JSON.stringify({ id: 'x', status: 'started', sessionId: SESSION_ID, items: [], count: 0, captionsId: 'c', connectionId: 'c' }),
        json,
      ];
  }
}

function installCatchAll() {
  const scope = nock(API_URL).persist();
  for (const verb of VERBS) {
    scope.intercept(() => true, verb).reply(function reply(uri) {
      responder.log.push({ verb, uri: uri.length > 200 ? `${uri.slice(0, 200)}…` : uri });
      if (responder.log.length > 50) responder.log.shift();
      responder.count = (responder.count || 0) + 1;
      return replyFor(verb, uri);
    });
  }
}

function requestsSeen() {
  return { transport: transport.count, nock: responder.count || 0 };
}

// ---------------------------------------------------------------------------------------------
// Callback recorders.

/**
 * A fresh callback that records every call. `settled(ms)` resolves on the first call and rejects
 * after `ms` without one. After `close()`, further calls are reported to `lateCalls`.
 */
const lateCalls = [];

function recorder(context) {
  const calls = [];
  let closed = false;
  let notify;
  const first = new Promise((resolve) => {
    notify = resolve;
  });
  function recordedCallback(...args) {
    calls.push(args);
    if (closed) lateCalls.push({ context: context(), count: calls.length });
    notify();
  }
  return {
    fn: recordedCallback,
    calls,
    close() {
      closed = true;
    },
    settled(ms) {
      let timer;
      return Promise.race([
        first.then(() => clearTimeout(timer)),
        new Promise((resolve, reject) => {
          timer = setTimeout(() => reject(new Error(`callback not called within ${ms} ms`)), ms);
        }),
      ]);
    },
  };
}

function expectNoLateCalls() {
  if (lateCalls.length > 0) {
    const first = lateCalls[0];
    lateCalls.length = 0;
    throw new Error(`a callback was called again after its case ended (call #${first.count}): ${first.context}`);
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Exact error checks: class (an SDK ArgumentError or a plain Error), name, message, and none of the
// response properties a validation error never has.

/** Throws unless `error` is exactly the documented validation error `expected`. */
function checkError(error, expected, whereArg) {
  if (error instanceof Error && error.message === expected.message && error.name === expected.cls) {
    const classOk =
      expected.cls === 'ArgumentError' ? error instanceof OpenTok.ArgumentError : Object.getPrototypeOf(error) === Error.prototype;
    if (classOk && error.statusCode === undefined && error.body === undefined && error.cause === undefined) return;
  }
  const where = typeof whereArg === 'function' ? whereArg() : whereArg;
  const prefix = `${where}: expected ${expected.cls}(${JSON.stringify(expected.message)})`;
  if (!(error instanceof Error)) throw new Error(`${prefix}, got a non-Error ${show(error)}`);
  if (expected.cls === 'ArgumentError') {
    if (!(error instanceof OpenTok.ArgumentError) || error.name !== 'ArgumentError') {
      throw new Error(`${prefix}, got ${error.name} (${show(error.message)})`);
    }
  } else if (Object.getPrototypeOf(error) !== Error.prototype || error.name !== 'Error') {
    throw new Error(`${prefix} (a plain Error), got ${error.name}: ${show(error.message)}`);
  }
  if (error.message !== expected.message) throw new Error(`${prefix}, got message ${show(error.message)}`);
  for (const property of ['statusCode', 'body', 'cause']) {
    if (error[property] !== undefined) throw new Error(`${prefix}: a validation error has no ${property}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Prototype pollution guard.

const GUARDED = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype];
const guardedKeys = GUARDED.map((proto) => Reflect.ownKeys(proto).length);

const PROBE_KEYS = ['polluted', 'isAdmin', 'apiUrl', 'role', 'mediaMode', 'count', 'id'];

/**
 * Cheap per-case check: no key that the generators use appeared on Object.prototype. With `full`,
 * also compares the own keys of the built-in prototypes with those at load time.
 */
function expectNoPollution(contextArg, { full = false } = {}) {
  const context = () => (typeof contextArg === 'function' ? contextArg() : contextArg);
  const probe = {};
  for (const key of PROBE_KEYS) {
    if (probe[key] !== undefined) throw new Error(`prototype pollution (${context()}): Object.prototype.${key}`);
  }
  if (!full) return;
  GUARDED.forEach((proto, i) => {
    const keys = Reflect.ownKeys(proto);
    if (keys.length !== guardedKeys[i]) {
      throw new Error(`prototype pollution (${context()}): ${show(keys.slice(guardedKeys[i]))}`);
    }
  });
}

module.exports = {
  API_HOST,
  RESPONSE_MODES,
  show,
  escapes,
  installEscapeListeners,
  removeEscapeListeners,
  onUncaught,
  onUnhandled,
  expectNoEscapes,
  transport,
  installTransportSpy,
  responder,
  installCatchAll,
  requestsSeen,
  recorder,
  expectNoLateCalls,
  tick,
  sleep,
  checkError,
  expectNoPollution,
};
