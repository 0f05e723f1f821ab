'use strict';
// What one side of the differential suite observed, as plain JSON: the requests nock saw and what
// the caller saw (return value, synchronous throw, callback calls, uncaught errors, changes to
// the caller's objects). Both packages go through the same functions, so a difference in the
// records is a difference in behaviour, never in how it was recorded.
const jwt = require('jsonwebtoken');
const { API_SECRET } = require('./fixtures');

/** The error classes both packages export as statics, in their export order. */
const { ERROR_CLASS_NAMES: ERROR_CLASSES } = require('../helpers');

/** Members of model objects that are methods users call. */
const MODEL_METHODS = ['stop', 'delete', 'unregister', 'generateToken'];

/**
 * The class of an error as the package defines it: the static whose prototype is the error's own
 * prototype (2.x's classes have no `name` and no `constructor` of their own), else the name of the
 * built-in constructor (`Error`, `TypeError`, node-fetch's `FetchError`, ...).
 */
function errorClass(OpenTok, error) {
  const proto = Object.getPrototypeOf(error);
  for (const name of ERROR_CLASSES) {
    if (OpenTok[name] && proto === OpenTok[name].prototype) return name;
  }
  if (proto && Object.prototype.hasOwnProperty.call(proto, 'constructor')) return proto.constructor.name;
  return proto && proto.constructor ? proto.constructor.name : typeof error;
}

function isErrorLike(OpenTok, value) {
  if (value instanceof Error) return true;
  // 2.x's CaptionsError is not an Error subclass at all.
  return ERROR_CLASSES.some((name) => OpenTok[name] && value instanceof OpenTok[name]);
}

/** Claims and header of a JWT, verified with the test secret when it is HS256. */
function describeJwt(token) {
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload !== 'object') return { notAJwt: token };
  let verified = 'not verified';
  if (decoded.header.alg === 'HS256') {
    try {
      jwt.verify(token, API_SECRET);
      verified = 'HS256 with the API secret';
    } catch (error) {
      verified = `failed: ${error.message}`;
    }
  }
  const claims = {};
  for (const [key, value] of Object.entries(decoded.payload)) {
    // Random per token: only their type can be compared.
    claims[key] = key === 'nonce' || key === 'jti' ? `<${typeof value}>` : value;
  }
  return { jwt: { header: decoded.header, claims, verified } };
}

/** A T1 token decoded as the service reads it: drop `T1==`, base64-decode, split on the first `:`. */
function describeT1(token) {
  const text = Buffer.from(token.slice(4), 'base64').toString('utf8');
  const colon = text.indexOf(':');
  const head = new URLSearchParams(text.slice(0, colon));
  const data = {};
  for (const [key, value] of new URLSearchParams(text.slice(colon + 1))) {
    data[key] = key === 'nonce' ? '<number text>' : value;
  }
  return { t1: { partnerId: head.get('partner_id'), sigLength: (head.get('sig') || '').length, data } };
}

/** A token-like string as its decoded content; any other string as itself. */
function describeString(value) {
  if (value.startsWith('T1==')) return describeT1(value);
  if (/^eyJ[\w-]*\.eyJ[\w-]*\.[\w-]*$/.test(value)) return describeJwt(value);
  return value;
}

/**
 * Any value the caller can observe, as JSON. Errors keep their class, name, message and extra
 * properties; model objects their class name, own data and callable methods; the HTTP response
 * handed to pass-through callbacks its status and content type.
 */
function describeValue(OpenTok, value, depth = 0) {
  if (value === undefined) return { undefined: true };
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isNaN(value) ? { NaN: true } : value;
  if (typeof value === 'string') return describeString(value);
  if (typeof value === 'function') return { function: true };
  if (typeof value !== 'object') return { [typeof value]: String(value) };
  if (depth > 6) return { deep: true };
  if (isErrorLike(OpenTok, value)) return { error: describeError(OpenTok, value, depth) };
  if (Array.isArray(value)) return value.map((item) => describeValue(OpenTok, item, depth + 1));
  if (typeof value.status === 'number' && value.headers && typeof value.headers.get === 'function') {
    return { response: { status: value.status, ok: value.ok, contentType: value.headers.get('content-type') } };
  }
  const proto = Object.getPrototypeOf(value);
  const data = {};
  for (const key of Object.keys(value)) {
    if (typeof value[key] === 'function') continue;
    // A model's back reference to the client (2.x: `ot` on sessions) is the client itself.
    data[key] = key === 'ot' || key === 'client' ? { client: true } : describeValue(OpenTok, value[key], depth + 1);
  }
  if (proto === Object.prototype || proto === null) return { object: data };
  const methods = MODEL_METHODS.filter((name) => typeof value[name] === 'function');
  return { model: proto.constructor ? proto.constructor.name : 'anonymous', data, methods };
}

function describeError(OpenTok, error, depth) {
  const described = {
    class: errorClass(OpenTok, error),
    isError: error instanceof Error,
    name: error.name,
    message: error.message,
    hasStack: typeof error.stack === 'string' && error.stack.length > 0,
    statusCode: describeValue(OpenTok, error.statusCode, depth + 1),
    body: describeValue(OpenTok, error.body, depth + 1),
  };
  if (error.cause !== undefined) {
    const cause = error.cause;
    described.cause =
      cause instanceof Error
        ? { class: errorClass(OpenTok, cause), message: cause.message, code: cause.code }
        : describeValue(OpenTok, cause, depth + 1);
  }
  // Properties beyond the ones above (node-fetch's FetchError has `type`, `code`, `errno`).
  const extra = Object.keys(error).filter((key) => !['message', 'statusCode', 'body', 'cause', 'name', 'stack'].includes(key));
  if (extra.length > 0) described.extra = extra.sort();
  return described;
}

/** A header value as nock hands it to matchers: its shape, and its content. */
function describeHeader(name, value) {
  const shape = Array.isArray(value) ? `array of ${value.length}` : typeof value;
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  if (name === 'x-opentok-auth') return { shape, value: describeJwt(text) };
  if (name === 'authorization') return { shape, value: text.startsWith('Bearer ') ? { bearer: describeJwt(text.slice(7)) } : text };
  return { shape, value: text };
}

/** A JSON snapshot of a caller's argument, to see whether a call changed it. */
function snapshot(value, seen = new Set()) {
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? '<function>' : value === undefined ? '<undefined>' : value;
  if (seen.has(value)) return '<cycle>';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => snapshot(item, seen));
  const out = {};
  for (const key of Object.keys(value)) out[key] = snapshot(value[key], seen);
  return out;
}

module.exports = { describeValue, describeHeader, snapshot, ERROR_CLASSES };
