'use strict';
// Where this package deliberately behaves differently from opentok 2.23.2, one entry per rule.
// The README's "Migrating from opentok 2.x" section says the same in words (a test checks that
// every entry's title is there).
//
// An entry turns the record 2.23.2 produced for a case into the record this package must produce:
// - `applies(entry, original)` says whether the rule concerns the case;
// - `expect(expected, entry, original)` edits the expected record in place, from what 2.x did and
//   the case alone (never from what this package did);
// - where 2.x did something that no rule can turn into ours (it crashed, it never called back),
//   `check(original, ours, entry)` asserts what 2.x did and what this package does instead, and
//   `adopt` names the parts of our record that then stand in for 2.x's.
// Whatever an entry does not touch must be identical on both sides.
const { expect } = require('chai');
const F = require('./fixtures');
const { CB } = require('./cases');

const OUR_VERSION = require('../../package.json').version;
const OUR_ERROR_CLASSES = new Set(require('./record').ERROR_CLASSES);

// ---------------------------------------------------------------------------------------------
// Helpers over records.

/** Every described error of a record's callbacks and throw: `fn(error, where)`. */
function eachError(record, fn) {
  for (const call of record.calls || []) {
    call.args.forEach((arg, index) => {
      if (arg && arg.error) fn(arg.error, { call, index });
    });
  }
  if (record.threw && record.threw.error) fn(record.threw.error, { threw: true });
}

/** The reply's body as `describe` shows it (`undefined` when empty), as an error's `body`. */
function describedReplyBody(reply) {
  if (!reply || reply.transport || reply.body === '' || reply.body === undefined) return { undefined: true };
  if (typeof reply.body === 'string') {
    const json = reply.headers && reply.headers['Content-Type'] === 'application/json';
    if (!json) return reply.body;
    try {
      return describeJson(JSON.parse(reply.body));
    } catch {
      return { undefined: true };
    }
  }
  return describeJson(reply.body);
}

function describeJson(value) {
  if (value === null) return null;
  if (Array.isArray(value)) return value.map(describeJson);
  if (typeof value === 'object') {
    const data = {};
    for (const [key, item] of Object.entries(value)) data[key] = describeJson(item);
    return { object: data };
  }
  return value;
}

function parseErrorMessage(text) {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return error.message;
  }
}

const hasReply = (entry) => entry.reply && !entry.reply.transport && typeof entry.reply.status === 'number';
const isStatus = (entry, ...statuses) => hasReply(entry) && statuses.includes(entry.reply.status);
const label = (entry) => entry.id.split(' › ').slice(1).join(' › ');
const firstArgs = (record) => (record.calls[0] ? record.calls[0].args : []);

/** True when 2.x crashed on the case: an uncaught error, a raw JS error, or no callback at all. */
function crashed(original, entry) {
  if (original.uncaught.length > 0) return true;
  const expectsCallback = entry.args.includes(CB) && !original.threw;
  if (expectsCallback && original.calls.length === 0) return true;
  const rawError = (error) =>
    ['TypeError', 'SyntaxError', 'RangeError'].includes(error.class) ||
    /TypeError|SyntaxError|Cannot read properties|is not a function|is not valid JSON/.test(error.message);
  let raw = false;
  eachError(original, (error) => {
    if (rawError(error)) raw = true;
  });
  return raw;
}

/** Asserts our record: exactly one asynchronous callback, whose first argument is one of our errors. */
function expectOneTypedError(ours) {
  expect(ours.uncaught, 'uncaught errors').to.deep.equal([]);
  expect(ours.calls, 'callback calls').to.have.length(1);
  expect(ours.calls[0].sync, 'called back asynchronously').to.equal(false);
  const [first] = ours.calls[0].args;
  expect(first && first.error, 'an error first').to.be.an('object');
  expect(OUR_ERROR_CLASSES.has(first.error.class) || first.error.class === 'Error', `error class ${first.error.class}`).to.equal(true);
  expect(first.error.isError).to.equal(true);
  return first.error;
}

function recomputeLength(request) {
  if (request.headers['content-length']) {
    request.headers['content-length'].value = String(Buffer.byteLength(request.body || ''));
  }
}

/** What a method needs in a 2xx body; methods not listed take any body. */
const NEEDS = {
  createSession: (body) => Array.isArray(body) && body[0] !== null && typeof body[0] === 'object' && typeof body[0].session_id === 'string',
  stopArchive: isJsonObject,
  getArchive: isJsonObject,
  listArchives: (body) => isJsonObject(body) && Array.isArray(body.items),
  startBroadcast: isJsonObject,
  stopBroadcast: isJsonObject,
  getBroadcast: isJsonObject,
  listBroadcasts: (body) => isJsonObject(body) && Array.isArray(body.items),
  dial: isJsonObject,
  getStream: isJsonObject,
  startCaptions: (body) => isJsonObject(body),
  registerCallback: isJsonObject,
  listCallbacks: Array.isArray,
};
/** Methods that read a JSON text sent with another content type, as 2.x did. */
const READS_JSON_TEXT = ['getStream', 'startBroadcast', 'stopBroadcast', 'getBroadcast'];

function isJsonObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const isSuccess = (entry) => hasReply(entry) && entry.reply.status >= 200 && entry.reply.status < 300;

/** The reply's body as the method reads it: parsed JSON, text, `null` for empty JSON; `undefined` if unparseable. */
function replyValue(entry) {
  const { body, headers = {} } = entry.reply;
  if (typeof body !== 'string') return body;
  const json = headers['Content-Type'] === 'application/json';
  if (json || READS_JSON_TEXT.includes(entry.method)) {
    if (body === '') return json ? null : '';
    try {
      return JSON.parse(body);
    } catch {
      return json ? undefined : body;
    }
  }
  return body;
}

function replyHasShape(entry) {
  const needs = NEEDS[entry.method];
  return !needs || needs(replyValue(entry));
}

/** createSession's documented form fields, in the order they are sent. */
const SESSION_FIELDS = ['location', 'archiveMode', 'e2ee', 'archiveName', 'archiveResolution', 'p2p.preference'];

// ---------------------------------------------------------------------------------------------

const departures = [
  {
    id: 'user-agent',
    title: 'The User-Agent names this package',
    reason: 'It identifies the SDK that sent the request: `OpenTok-Node-SDK/<version of this package>`.',
    applies: (entry, original) => original.requests.length > 0,
    expect(expected) {
      for (const request of expected.requests) {
        request.headers['user-agent'].value = request.headers['user-agent'].value.replace('OpenTok-Node-SDK/2.23.2', `OpenTok-Node-SDK/${OUR_VERSION}`);
      }
    },
  },
  {
    id: 'no-headers-header',
    title: 'No stray `headers` request header',
    reason: '2.x merged its header options wrongly and sent a header literally named `headers` with the value `[object Object]` on every request.',
    applies: (entry, original) => original.requests.length > 0,
    expect(expected) {
      for (const request of expected.requests) delete request.headers.headers;
    },
  },
  {
    id: 'secret-hidden',
    title: 'The API secret stays out of errors, `JSON.stringify` and `util.inspect`',
    reason:
      "2.x kept the secret (and its HTTP client) in enumerable properties, so `JSON.stringify(opentok)` and `console.log(opentok)` printed it, and the constructor's error echoed a string secret when the key was wrong. `opentok.apiSecret` still returns it, but serialising or logging a client shows only `apiKey` and `apiUrl`, and the error says `apiSecret=[redacted]`.",
    applies: (entry, original) =>
      /OpenTok\(\)$/.test(entry.method) &&
      ((original.returned && original.returned.jsonKeys.includes('apiSecret')) || (original.threw && original.threw.error.message.includes(F.API_SECRET))),
    expect(expected) {
      if (expected.returned) expected.returned.jsonKeys = ['apiKey', 'apiUrl'];
      else expected.threw.error.message = expected.threw.error.message.replace(F.API_SECRET, '[redacted]');
    },
  },
  {
    id: 'error-classes',
    title: 'Errors are real `Error` subclasses with a name, a stack, `statusCode` and `body`',
    reason:
      "2.x's error classes set only `message`: `name` was `Error`, there was no stack trace, `CaptionsError` was not even an `Error`, and nothing told the status or the body of the response. Now `err.name` is the class name, `err.stack` is there, and errors built from a response carry `statusCode` and, when the response had one, `body`.",
    applies: (entry, original) => {
      let any = false;
      eachError(original, (error) => {
        if (OUR_ERROR_CLASSES.has(error.class) || error.class === 'Error') any = true;
      });
      return any;
    },
    expect(expected, entry, original) {
      const fromResponse = original.requests.length > 0 && hasReply(entry);
      eachError(expected, (error, where) => {
        if (!OUR_ERROR_CLASSES.has(error.class) && error.class !== 'Error') return;
        if (OUR_ERROR_CLASSES.has(error.class)) error.name = error.class;
        error.isError = true;
        error.hasStack = true;
        // Errors of a response, not the validation errors reported before any request.
        if (fromResponse && !where.threw && !(where.call && where.call.sync)) {
          error.statusCode = entry.reply.status;
          error.body = describedReplyBody(entry.reply);
        }
      });
    },
  },
  {
    id: 'wrapped-errors',
    title: 'Wrapped errors keep the class, `statusCode`, `body` and `cause` of the error they wrap',
    reason:
      '`createSession`, `dial`, `startBroadcast`, `stopBroadcast`, `getBroadcast` and `websocketConnect` wrap the underlying message (`Failed to createSession. Error: …`). 2.x wrapped it in a plain `Error`; the wrapper is now of the same class as the wrapped error (a 403 is still an `AuthError`), with its status, body and cause. The message is unchanged.',
    applies: (entry, original) => {
      const [first] = firstArgs(original);
      return Boolean(first && first.error && first.error.class === 'Error' && /^(Failed to [a-z ]+[a-zA-Z]*\.|Error connecting to websocket:) /.test(first.error.message));
    },
    expect(expected, entry) {
      const error = firstArgs(expected)[0].error;
      if (isStatus(entry, 401, 403)) error.class = 'AuthError';
      else if (isStatus(entry, 404)) error.class = 'NotFoundError';
      else if (hasReply(entry) && entry.reply.status >= 300 && !(entry.method === 'startBroadcast' && entry.reply.status === 400)) error.class = 'RequestError';
      error.name = error.class;
      if (hasReply(entry)) {
        error.statusCode = entry.reply.status;
        error.body = describedReplyBody(entry.reply);
        if (replyValue(entry) === undefined) {
          // A body declared JSON that does not parse: a RequestError caused by the SyntaxError.
          error.class = 'RequestError';
          error.name = 'RequestError';
          error.cause = { class: 'SyntaxError', message: parseErrorMessage(entry.reply.body) };
        }
      }
    },
  },
  {
    id: 'throwing-callback',
    title: 'An exception thrown by your callback surfaces; the callback is not called again',
    reason:
      "2.x called the callbacks inside a promise chain: an exception thrown by an app's callback was caught, the callback was called a second time with it (`Failed to createSession. Error: <your error>`), or it turned into an unhandled rejection about something else (`Cannot read properties of null (reading 'status')`). The exception is now rethrown as it is, outside any promise, where a crash reporter sees it, and the callback is never called twice.",
    applies: (entry) => entry.throwingCallback === true,
    check(original, ours) {
      const appError = (described) => (described.error || described.unhandledRejection.error).message === 'bug in the callback';
      expect(original.calls.length > 1 || !original.uncaught.every(appError), '2.x re-invoked or hid the error').to.equal(true);
      expect(ours.calls).to.have.length(1);
      expect(ours.uncaught).to.have.length(1);
      expect(ours.uncaught[0].error).to.include({ class: 'Error', message: 'bug in the callback' });
    },
    adopt: ['calls', 'uncaught'],
  },
  {
    id: 'transport-failures',
    title: 'Network failures are `RequestError`s with the system error as `cause`',
    reason:
      "2.x passed node-fetch's `FetchError` through, or crashed reading the missing response. Now a connection refused or reset, a DNS or TLS failure calls back with a `RequestError` whose message is node-fetch's (`request to <url> failed, reason: …`) and whose `cause` is Node's own error (`cause.code` is `ECONNREFUSED`, ...).",
    applies: (entry) => Boolean(entry.reply && entry.reply.transport),
    check(original, ours, entry) {
      const error = expectOneTypedError(ours);
      const url = error.message.match(/request to (\S+) failed/);
      expect(url, 'message names the URL').to.not.equal(null);
      expect(error.message).to.match(new RegExp(`request to \\S+ failed, reason: socket failure ${entry.reply.transport}$`));
      expect(error.cause).to.deep.equal({ class: 'Error', message: `socket failure ${entry.reply.transport}`, code: entry.reply.transport });
      // What 2.x did instead: FetchError passed through (or wrapped), or a crash.
      const [first] = firstArgs(original);
      const passedThrough = first && first.error && /FetchError|request to .* failed/.test(`${first.error.class} ${first.error.message}`);
      expect(passedThrough || crashed(original, entry), '2.x passed the FetchError on or crashed').to.equal(true);
    },
    adopt: ['calls', 'uncaught'],
  },
  {
    id: 'body-shape',
    title: 'A 2xx reply without what the method reads is a `RequestError`',
    reason:
      "2.x built whatever it could from a 2xx body of the wrong shape: an `Archive` from the characters of a text body, a `SipInterconnect` without an ID, a `Session` whose `sessionId` is `undefined` or a number, a captions ID of `undefined`. Those objects fail later, far from the cause. The callback now gets a `RequestError` (`Unexpected response from OpenTok: <body>`, wrapped where the method wraps its errors) with the status and body. A JSON text with another content type is still read where 2.x read it (`getStream`, `startBroadcast`, `stopBroadcast`, `getBroadcast`), and `createSession` reads the documented array from a JSON text too.",
    applies: (entry, original) => isSuccess(entry) && !replyHasShape(entry) && !crashed(original, entry) && firstArgs(original)[0] === null,
    check(original, ours, entry) {
      if (entry.method === 'createSession' && label(entry) === 'reply: 200 JSON string') {
        expect(ours.calls).to.have.length(1);
        expect(firstArgs(ours)[1].data.sessionId).to.equal(F.SESSION_ID);
        return;
      }
      const error = expectOneTypedError(ours);
      expect(error.class).to.equal('RequestError');
      expect(error.message).to.match(/Unexpected response from OpenTok: /);
      expect(error.statusCode).to.equal(entry.reply.status);
    },
    adopt: ['calls'],
  },
  {
    id: 'stop-after-validation',
    title: 'A validation error stops the call',
    reason: '2.x reported some invalid arguments through the callback and then sent the request anyway, calling the callback a second time. Now nothing is sent after a validation error.',
    applies: (entry, original) => original.calls.length > 1 && original.calls[0].sync,
    expect(expected) {
      expected.requests = [];
      expected.calls = expected.calls.slice(0, 1);
    },
  },
  {
    id: 'callback-once',
    title: 'Every callback is called exactly once',
    reason: '`listCallbacks` called back with the error and then again with a `TypeError` when a request failed.',
    applies: (entry, original) => original.calls.length > 1 && !original.calls[0].sync,
    expect(expected) {
      expected.calls = expected.calls.slice(0, 1);
      expected.uncaught = [];
    },
  },
  {
    id: 'no-mutation',
    title: "The caller's objects are never modified",
    reason: '2.x wrote defaults into the options passed to `createSession` (`mediaMode`, `archiveMode`), `startBroadcast` (`sessionId`, `streamMode`) and `forceMuteAll` (`active`).',
    applies: (entry, original) => original.mutated.length > 0,
    expect(expected) {
      expected.mutated = [];
    },
  },
  {
    id: 'session-form',
    title: '`createSession` sends only the documented fields, in a fixed order',
    reason:
      '2.x sent every key of the options as a form field, in the caller\'s order (`foo=bar&…` for an unknown key). Now the form holds `location`, `archiveMode`, `e2ee`, `archiveName`, `archiveResolution` and `p2p.preference`, in that order, each only when set.',
    applies: (entry, original) => entry.method === 'createSession' && original.requests.length > 0 && original.requests.some((request) => request.path === '/session/create'),
    expect(expected) {
      for (const request of expected.requests) {
        if (request.path !== '/session/create') continue;
        const form = new URLSearchParams(request.body);
        const sorted = new URLSearchParams();
        for (const field of SESSION_FIELDS) if (form.has(field)) sorted.append(field, form.get(field));
        request.body = sorted.toString();
        recomputeLength(request);
      }
    },
  },
  {
    id: 'null-options',
    title: '`null` and `undefined` options are the same as no options',
    reason: '`createSession`, `listArchives`, `listBroadcasts`, `listRenders`, `startCaptions`, `addBroadcastStream` and `forceMuteAll` threw a `TypeError` when given `null` (and `createSession` `undefined`) options. They now behave as with `{}`.',
    applies: (entry, original) => / › (null|undefined) options$/.test(entry.id) && Boolean(original.threw),
    sameAs: (entry) => entry.id.replace(/(null|undefined) options$/, entry.method === 'addBroadcastStream' ? 'no options' : entry.method === 'forceMuteAll' || entry.method === 'createSession' || entry.method === 'startCaptions' || entry.method === 'listRenders' ? 'empty options' : 'no options'),
  },
  {
    id: 'detached-methods',
    title: 'Every method works without its object',
    reason: "2.x defined most methods as bound functions on each client, but not `createSession`, `dial`, `getBroadcast`, `getStream` and a few others, which threw a `TypeError` when called detached (`util.promisify(opentok.dial)`). Every method of a client now works detached.",
    applies: (entry, original) => entry.detached === true && Boolean(original.threw),
    sameAs: (entry) => {
      if (entry.via) return entry.id.replace('detached › ', '');
      const ids = { getBroadcast: 'getBroadcast › id', getStream: 'getStream › ids', dial: 'dial › no options', createSession: 'createSession › no options' };
      return ids[entry.method];
    },
  },
  {
    id: 'callback-checked-first',
    title: 'A missing callback throws an `ArgumentError`, checked before anything else',
    reason:
      "Where 2.x called the missing callback (`setArchiveLayout`, `getStream`, `forceMuteAll`, the other `Invalid arguments -- …` methods), it threw `TypeError: callback is not a function`. These methods now throw `ArgumentError('Invalid arguments -- must provide a callback function.')`. The optional arguments are also resolved before validation, so `setArchiveLayout(42, 'bestFit', cb)` and `forceMuteAll(null, cb)` report their error to `cb` instead of throwing.",
    applies: (entry, original) => Boolean(original.threw && original.threw.error && /callback is not a function|Cannot read properties of undefined \(reading 'excudedStreamIds'\)/.test(original.threw.error.message)),
    check(original, ours, entry) {
      if (!entry.args.includes(CB)) {
        expect(ours.threw.error).to.include({ class: 'ArgumentError', message: 'Invalid arguments -- must provide a callback function.' });
        expect(ours.calls).to.deep.equal([]);
      } else {
        expect(ours.threw, 'no throw').to.equal(undefined);
        expect(ours.calls).to.have.length(1);
        expect(ours.calls[0].sync, 'reported synchronously').to.equal(true);
        expect(firstArgs(ours)[0].error.class).to.equal('Error');
        expect(firstArgs(ours)[0].error.message).to.match(/^Invalid arguments -- /);
      }
      expect(ours.requests).to.deep.equal([]);
    },
    adopt: ['threw', 'calls'],
  },
  {
    id: 'start-archive-one-argument',
    title: '`startArchive` errors have one argument; a 409 is an `ArchiveError`',
    reason: '2.x called back with two arguments on errors (`callback(err, err)`, or `callback(requestError, archiveError)` on a 409).',
    applies: (entry, original) => entry.method === 'startArchive' && firstArgs(original).length === 2 && firstArgs(original)[0] !== null && Boolean(firstArgs(original)[0].error),
    expect(expected, entry) {
      const args = expected.calls[0].args;
      expected.calls[0].args = isStatus(entry, 409) ? [args[1]] : [args[0]];
      const error = expected.calls[0].args[0].error;
      if (isStatus(entry, 409)) {
        error.statusCode = 409;
        error.body = describedReplyBody(entry.reply);
      }
    },
  },
  {
    id: 'messages',
    title: 'Two messages name the right method and entity',
    reason: "`stopCaptions` without a callback said `No callback given to stopArchive`; `removeBroadcastStream` without a broadcast ID said `No archiveId provided`. They now say `No callback given to stopCaptions` and `No broadcastId provided`.",
    applies: (entry, original) =>
      (entry.method === 'stopCaptions' && Boolean(original.threw) && original.threw.error.message === 'No callback given to stopArchive') ||
      (entry.method === 'removeBroadcastStream' && original.calls.length > 0 && firstArgs(original)[0] && firstArgs(original)[0].error && firstArgs(original)[0].error.message === 'No archiveId provided'),
    expect(expected, entry) {
      if (entry.method === 'stopCaptions') expected.threw.error.message = 'No callback given to stopCaptions';
      else firstArgs(expected)[0].error.message = 'No broadcastId provided';
    },
  },
  {
    id: 'undefined-broadcast-id',
    title: '`stopBroadcast` and `getBroadcast` report a missing ID through the callback',
    reason: '2.x threw `TypeError: Cannot read properties of undefined` for an `undefined` broadcast ID; it is now `ArgumentError(\'No broadcast ID given\')` through the callback, like `null` and `\'\'`.',
    applies: (entry, original) => /Broadcast$/.test(entry.method) && Boolean(original.threw) && /reading 'length'/.test(original.threw.error.message),
    check(original, ours) {
      expect(ours.threw).to.equal(undefined);
      expect(firstArgs(ours)[0].error).to.include({ class: 'ArgumentError', message: 'No broadcast ID given' });
    },
    adopt: ['threw', 'calls'],
  },
  {
    id: 'timeout',
    title: 'The `timeout` option applies',
    reason: '2.x stored `timeout`, `proxy` and `uaAddendum` and then ignored them. A request that has not completed within `timeout` ms now fails with `RequestError(\'network timeout at: <url>\')`.',
    applies: (entry) => Boolean(entry.client && entry.client.options && entry.client.options.timeout),
    check(original, ours, entry) {
      const error = expectOneTypedError(ours);
      expect(error.class).to.equal('RequestError');
      expect(error.message).to.match(entry.method === 'createSession' ? /^Failed to createSession\. Error: network timeout at: https:\/\/api\.opentok\.com\// : /^network timeout at: https:\/\/api\.opentok\.com\//);
      expect(error.cause).to.include({ code: 'ETIMEDOUT' });
      expect(firstArgs(original)[0], '2.x waited for the slow reply and succeeded').to.equal(null);
    },
    adopt: ['calls'],
  },
  {
    id: 'api-url-trailing-slash',
    title: 'A trailing slash on `apiUrl` is removed',
    reason:
      "2.x appended every path to the base URL as given, so `apiUrl: 'https://api.opentok.com/'` requested `//v2/project/…`, which the service answers with a 404. Trailing slashes are now removed (`opentok.apiUrl` shows the URL without them) and the requests go to `/v2/project/…`.",
    applies: (entry) => {
      const options = entry.client ? entry.client.options : entry.method.endsWith('OpenTok()') ? entry.args[2] : undefined;
      const url = typeof options === 'string' ? options : options && options.apiUrl;
      return typeof url === 'string' && url.endsWith('/');
    },
    expect(expected) {
      for (const request of expected.requests) request.path = request.path.replace(/^\/+/, '/');
      if (expected.returned) expected.returned.apiUrl = expected.returned.apiUrl.replace(/\/+$/, '');
    },
  },
  {
    id: 'options-checked',
    title: 'Unusable options throw an `ArgumentError` at construction',
    reason:
      "2.x accepted any `apiUrl`, `timeout` and `proxy` and failed later, or silently did something else: `apiUrl: 'not a url'` failed only at the first call, `timeout: 'abc'` and `NaN` became 20 s, `timeout: -1` made every call time out after 1 ms. The constructor now throws an `ArgumentError` naming the option (`Invalid timeout option: …`) for an `apiUrl` that is not an absolute http(s) URL, a `timeout` that is neither a positive number of milliseconds nor a string of digits (`'5000'` still works), a `maxRetries` that is not a non-negative integer and a `proxy` that is not a URL. `null` and `undefined` still mean the default.",
    applies: (entry) => / › bad option: /.test(entry.id),
    check(original, ours, entry) {
      expect(original.returned, '2.x built a client').to.be.an('object');
      const option = /bad option: (\w+)/.exec(entry.id)[1];
      expect(ours.threw.error.class).to.equal('ArgumentError');
      expect(ours.threw.error.message.startsWith(`Invalid ${option} option: `), ours.threw.error.message).to.equal(true);
    },
    adopt: ['returned', 'threw'],
  },
  {
    id: 'ua-addendum',
    title: 'The `uaAddendum` option applies',
    reason: 'It is appended to the User-Agent after one space; 2.x dropped it.',
    applies: (entry) => Boolean(entry.client && entry.client.options && entry.client.options.uaAddendum),
    expect(expected, entry) {
      for (const request of expected.requests) request.headers['user-agent'].value += ` ${entry.client.options.uaAddendum}`;
    },
  },
  {
    id: 'empty-error-body',
    title: 'An error status with an empty JSON body is an ordinary error',
    reason: "2.x crashed reading `message` of the `null` body (`TypeError`, passed on as the error); the message is now built from an empty text: `Unexpected response from OpenTok: \"{\"message\":\"\"}\"`.",
    applies: (entry, original) => label(entry) === 'reply: 502 empty JSON' && crashed(original, entry),
    check(original, ours) {
      const error = expectOneTypedError(ours);
      expect(error.message).to.match(/Unexpected response from OpenTok: "\{"message":""\}"$/);
    },
    adopt: ['calls', 'uncaught'],
  },
  {
    id: 'add-broadcast-stream-flags',
    title: '`addBroadcastStream` honours `hasAudio: false` and `hasVideo: false`',
    reason: '2.x always sent `true` for both.',
    applies: (entry, original) => entry.method === 'addBroadcastStream' && original.requests.length > 0 && entry.args[2] && typeof entry.args[2] === 'object',
    expect(expected, entry) {
      const options = entry.args[2];
      for (const request of expected.requests) {
        const body = JSON.parse(request.body);
        for (const flag of ['hasAudio', 'hasVideo']) if (Object.prototype.hasOwnProperty.call(options, flag)) body[flag] = Boolean(options[flag]);
        request.body = JSON.stringify(body);
        recomputeLength(request);
      }
    },
  },
  {
    id: 'force-mute-all-body',
    title: '`forceMuteAll` sends `{"active":true,"excludedStreamIds":[…]}` and takes `excludedStreamIds`',
    reason:
      "2.x sent the caller's options object with `active: true` added (unknown keys included) and only knew the misspelt `excudedStreamIds`. The body now holds `active` and, when given, `excludedStreamIds` (the misspelt key still works as an alias), and a non-array `excludedStreamIds` is refused like the misspelt one.",
    applies: (entry) => entry.method === 'forceMuteAll' && /excludedStreamIds|excudedStreamIds|unknown keys|empty options|no options/.test(entry.id),
    expect(expected, entry) {
      const options = (typeof entry.args[1] === 'object' && entry.args[1]) || {};
      if (options.excludedStreamIds !== undefined && !Array.isArray(options.excludedStreamIds)) {
        expected.requests = [];
        expected.calls = [{ sync: true, args: [{ error: { class: 'Error', isError: true, name: 'Error', message: 'Invalid arguments -- excludedStreamIds must be array.', hasStack: true, statusCode: { undefined: true }, body: { undefined: true } } }] }];
        return;
      }
      for (const request of expected.requests) {
        const ids = Array.isArray(options.excludedStreamIds) ? options.excludedStreamIds : Array.isArray(options.excudedStreamIds) ? options.excudedStreamIds : undefined;
        request.body = JSON.stringify({ active: true, excludedStreamIds: ids });
        recomputeLength(request);
      }
    },
  },
  {
    id: 'render-properties',
    title: '`startRender` sends the `properties` option',
    reason: '2.x documented `properties` (e.g. the composer\'s stream `name`) but never sent it.',
    applies: (entry) => entry.method === 'startRender' && entry.args[0] && entry.args[0].properties !== undefined,
    expect(expected, entry) {
      for (const request of expected.requests) {
        request.body = JSON.stringify({ ...JSON.parse(request.body), properties: entry.args[0].properties });
        recomputeLength(request);
      }
    },
  },
  {
    id: 'list-models',
    title: 'Objects from list calls have working methods',
    reason: "Broadcasts from `listBroadcasts` threw `client.stopBroadcast is not a function` from `stop()`; callbacks from `listCallbacks` and `registerCallback` threw from `unregister()`. They now work like the objects of the single-item calls.",
    applies: (entry, original) => Boolean(entry.via) && Boolean(original.threw),
    check(original, ours) {
      expect(ours.threw).to.equal(undefined);
      expect(ours.requests).to.have.length(1);
      expect(ours.calls).to.have.length(1);
    },
    adopt: ['threw', 'calls', 'requests'],
  },
  {
    id: 'sip-call',
    title: 'The SIP call object is a `SipCall` and knows its session',
    reason:
      "The class is named `SipCall` (`OpenTok.SipInterconnect` and `require('opentok/lib/sipInterconnect.js')` are the same class, so `instanceof` checks keep working). The service's reply to a dial has no `sessionId`, so 2.x's object had none and the documented snippet printed `undefined`; the call now carries the session ID it was dialled into.",
    applies: (entry, original) =>
      (firstArgs(original)[1] && firstArgs(original)[1].model === 'SipInterconnect') || (original.returned && original.returned.model === 'SipInterconnect'),
    expect(expected, entry) {
      if (expected.returned) {
        // Built directly with `new SipInterconnect(ot, properties)`: no session to add.
        expected.returned.model = 'SipCall';
        return;
      }
      const call = firstArgs(expected)[1];
      call.model = 'SipCall';
      if (call.data.sessionId === undefined) call.data.sessionId = entry.args[0];
    },
  },
  {
    id: 'token-checks',
    title: 'Tokens: non-numeric and far-future `expireTime` are refused, snake_case options ignored',
    reason:
      "`expireTime: 'not a time'` produced a token with `expire_time: null`, an `expireTime` more than 30 days ahead produced a token the service refuses, and snake_case keys in the options (`expire_time`, `connection_data`, …) overrode the computed claims. The first two now throw, and only the documented camelCase options are read.",
    applies: (entry) => entry.method === 'generateToken' && /expireTime not numeric|more than 30 days|snake_case/.test(entry.id),
    check(original, ours, entry) {
      if (/snake_case/.test(entry.id)) {
        const claims = ours.returned.jwt.claims;
        // `role` is a documented option; `expire_time` and `connection_data` are not.
        expect(claims.role).to.equal('subscriber');
        expect(claims.expire_time).to.equal(F.NOW_S + 86400);
        expect(claims).to.not.have.property('connection_data');
        expect(original.returned.jwt.claims.connection_data, '2.x took connection_data').to.equal('snake');
        return;
      }
      expect(original.returned, '2.x returned a token').to.have.property('jwt');
      expect(ours.threw.error.class).to.equal('Error');
      expect(ours.threw.error.message).to.match(/^Invalid expireTime for token generation/);
    },
    adopt: ['returned', 'threw'],
  },
  {
    id: 'session-t1',
    title: '`session.generateToken(options, true)` makes a T1 token',
    reason: "2.x's `Session#generateToken` dropped the second argument, so it always made a JWT.",
    applies: (entry) => entry.id === 'session.generateToken › T1',
    check(original, ours) {
      expect(original.returned).to.have.property('jwt');
      expect(ours.returned).to.have.property('t1');
      expect(ours.returned.t1.data.role).to.equal('subscriber');
    },
    adopt: ['returned'],
  },
  {
    id: 'vonage-tokens',
    title: 'Vonage application tokens honour `expireTime` and are validated',
    reason:
      "In application mode 2.x read only a snake_case `expire_time` and validated nothing: `expireTime` was ignored (every token lasted 24 hours) and a role such as `admin` went into the token. The documented options now apply, with the same checks and messages as in the API-key mode.",
    applies: (entry) => entry.method === 'generateToken' && Boolean(entry.client) && entry.client.key === F.APPLICATION_ID && typeof entry.args[1] === 'object' && entry.args[1] !== null && ('expireTime' in entry.args[1] || entry.args[1].role === 'admin'),
    check(original, ours, entry) {
      const options = entry.args[1];
      expect(original.returned.jwt.claims.exp, '2.x: 24 hours whatever the options').to.equal(F.NOW_S + 86400);
      if (options.role === 'admin') {
        expect(original.returned.jwt.claims.role).to.equal('admin');
        expect(ours.threw.error).to.include({ class: 'Error', message: 'Invalid role for token generation: admin' });
        return;
      }
      expect(ours.returned.jwt.claims.exp).to.equal(Math.round(options.expireTime));
    },
    adopt: ['returned', 'threw'],
  },
  {
    id: 'get-stream-object',
    title: '`getStream` reads the JSON object the service sends',
    reason: "2.x's `Stream` parsed its argument as JSON text, so the service's real reply (a JSON object) failed with `SyntaxError: \"[object Object]\" is not valid JSON`. Both an object and a JSON text now give a `Stream`.",
    applies: (entry, original) => entry.method === 'getStream' && isSuccess(entry) && isJsonObject(replyValue(entry)) && crashed(original, entry),
    check(original, ours, entry) {
      expect(ours.calls).to.have.length(1);
      const [error, stream] = firstArgs(ours);
      expect(error).to.equal(null);
      expect(stream.model).to.equal('Stream');
      expect(stream.data).to.deep.equal(describeJson(replyValue(entry)).object);
    },
    adopt: ['calls'],
  },
  // The generic rule, last: it explains a crash only when no rule above does.
  {
    id: 'no-crash',
    title: 'Malformed and unexpected responses call back once with a `RequestError`',
    reason:
      '2.x crashed on many replies it did not expect (an empty JSON body, a 2xx without the fields a method reads, an error status with an empty JSON body): a `TypeError` thrown inside a promise, an unhandled rejection, a callback never called, or called twice. Every such reply now calls back exactly once, asynchronously, with a `RequestError` (status and body attached), or with the error its status maps to.',
    applies: (entry, original) => hasReply(entry) && original.requests.length > 0 && crashed(original, entry),
    check(original, ours) {
      expectOneTypedError(ours);
    },
    adopt: ['calls', 'uncaught'],
  },
];

module.exports = { departures, describedReplyBody };
