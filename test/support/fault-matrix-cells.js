'use strict';
// The fault matrix of test/fault-matrix.test.js: every asynchronous method of the client called
// with valid arguments against a misbehaving local server, one fault at a time, and the
// expectations for each cell (response parsing, error mapping, transport failures, malformed
// bodies, wrapped errors, pass-through callbacks, exactly one asynchronous callback). It has no
// side effect on load, so a child process can run the whole matrix with
//   node -e "require('./test/support/fault-matrix-cells.js').runMatrix().then(...)"
// and the test can check that the child then exits on its own (no leaked socket or timer).
// It deliberately does not load test/helpers.js (which loads nock): the child runs the real stack.
const { expect } = require('chai');
const OpenTok = require('opentok');
const SipInterconnect = require('opentok/lib/sipInterconnect.js');
const { startMisbehavingServer, closedPortBase, HTML_500, INVALID_JSON, BODY_503 } = require('./misbehaving-server');

const API_KEY = '123456';
const API_SECRET = '1234567890abcdef1234567890abcdef1234567890';
const P = `/v2/project/${API_KEY}`;
const SESSION_ID = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';
const TOKEN = 'T1==dG9rZW4=';

/** Client timeout of the two timeout faults (ms). Every other fault runs with the default 20 s. */
const SHORT_TIMEOUT = 300;
/** How long a cell waits after the first callback for a (wrong) second one. */
const SETTLE_MS = 100;
/** A cell whose callback has not come after this long is recorded as "never called back". */
const DEADLINE_MS = 5000;

/** The message JSON.parse gives for the invalid JSON body, in this very Node. */
const PARSE_MESSAGE = (() => {
  try {
    JSON.parse(INVALID_JSON);
  } catch (syntaxError) {
    return syntaxError.message;
  }
  throw new Error('INVALID_JSON parsed');
})();

// ---------------------------------------------------------------------------------------------
// What a 200 with a JSON body of an unexpected shape must give, per method: either the
// malformed-body RequestError ('Unexpected response from OpenTok: ' + JSON.stringify(body), with
// statusCode and body), or a success whose result is what the method builds from that body.

const MALFORMED = { label: 'malformed-body RequestError', malformed: true };

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Own enumerable keys that are data, not methods (a model's methods may be own functions). */
function dataKeys(object) {
  return Object.keys(object).filter((key) => typeof object[key] !== 'function');
}

/** `(null)` whatever the body: void operations (any 2xx is a success). */
const voidSuccess = () => ({
  label: 'success (null)',
  check: (args) => expect(args).to.deep.equal([null]),
});

/** `(null, body, response)` whatever the body: pass-through methods and renders. */
const rawSuccess = () => ({
  label: 'success (null, body, response)',
  check: (args, { json, url }) => {
    expect(args, 'callback arguments').to.have.length(3);
    expect(args[0]).to.equal(null);
    expect(args[1]).to.deep.equal(json);
    expectResponse(args[2], 200, url);
  },
});

/**
 * Methods that need an object: `{}` builds an empty model (all keys copied: none), else malformed.
 * `addedKeys(json)` lists the keys the model adds after the copied ones.
 */
function objectModel(name, checkModel, addedKeys = () => []) {
  return (json) =>
    isObject(json)
      ? {
          label: `success (null, ${name}) with the body's keys`,
          check: (args) => {
            expect(args, 'callback arguments').to.have.length(2);
            expect(args[0]).to.equal(null);
            expect(args[1]).to.be.an('object');
            expect(dataKeys(args[1]), `${name} data keys`).to.deep.equal([...Object.keys(json), ...addedKeys(json)]);
            checkModel(args[1]);
          },
        }
      : MALFORMED;
}

const hasMethod = (name) => (model) => expect(model[name], `${name}()`).to.be.a('function');

// ---------------------------------------------------------------------------------------------
// Every asynchronous method of the client, with valid arguments (so the request is really sent).
// `kind`: 'plain' errors are `(err)`; 'pass-through' errors are `(err, body, response)` /
// `(err, null, null)` on a transport failure; 'render' errors are `(err)` (renders succeed with
// three arguments but fail with one). `wrap` is the prefix of a method that wraps its errors.

const METHODS = [
  {
    name: 'createSession',
    call: (ot, cb) => ot.createSession({ mediaMode: 'routed' }, cb),
    http: 'POST',
    path: '/session/create',
    wrap: 'Failed to createSession. Error: ',
    shape: () => MALFORMED, // needs an array whose first element has a string session_id
  },
  {
    name: 'startArchive',
    call: (ot, cb) => ot.startArchive(SESSION_ID, { name: 'nm' }, cb),
    http: 'POST',
    path: `${P}/archive`,
    shape: () => MALFORMED, // only an object with status "started" is a success
  },
  {
    name: 'stopArchive',
    call: (ot, cb) => ot.stopArchive('ARCHIVE-ID', cb),
    http: 'POST',
    path: `${P}/archive/ARCHIVE-ID/stop`,
    shape: objectModel('Archive', (archive) => {
      hasMethod('stop')(archive);
      hasMethod('delete')(archive);
    }),
  },
  {
    name: 'getArchive',
    call: (ot, cb) => ot.getArchive('ARCHIVE-ID', cb),
    http: 'GET',
    path: `${P}/archive/ARCHIVE-ID`,
    shape: objectModel('Archive', (archive) => {
      hasMethod('stop')(archive);
      hasMethod('delete')(archive);
    }),
  },
  {
    name: 'deleteArchive',
    call: (ot, cb) => ot.deleteArchive('ARCHIVE-ID', cb),
    http: 'DELETE',
    path: `${P}/archive/ARCHIVE-ID`,
    shape: voidSuccess,
  },
  {
    name: 'listArchives',
    call: (ot, cb) => ot.listArchives(cb),
    http: 'GET',
    path: `${P}/archive`,
    shape: () => MALFORMED, // needs an object with an items array
  },
  {
    name: 'addArchiveStream',
    call: (ot, cb) => ot.addArchiveStream('ARCHIVE-ID', 'STREAM-ID', { hasAudio: true }, cb),
    http: 'PATCH',
    path: `${P}/archive/ARCHIVE-ID/streams`,
    shape: voidSuccess,
  },
  {
    name: 'removeArchiveStream',
    call: (ot, cb) => ot.removeArchiveStream('ARCHIVE-ID', 'STREAM-ID', cb),
    http: 'PATCH',
    path: `${P}/archive/ARCHIVE-ID/streams`,
    shape: voidSuccess,
  },
  {
    name: 'setArchiveLayout',
    call: (ot, cb) => ot.setArchiveLayout('ARCHIVE-ID', 'bestFit', cb),
    http: 'PUT',
    path: `${P}/archive/ARCHIVE-ID/layout`,
    kind: 'pass-through',
    shape: rawSuccess,
  },
  {
    name: 'startBroadcast',
    call: (ot, cb) => ot.startBroadcast(SESSION_ID, { outputs: { hls: {} } }, cb),
    http: 'POST',
    path: `${P}/broadcast`,
    wrap: 'Failed to start broadcast. Error: ',
    shape: objectModel('Broadcast', hasMethod('stop')),
  },
  {
    name: 'stopBroadcast',
    call: (ot, cb) => ot.stopBroadcast('BROADCAST-ID', cb),
    http: 'POST',
    path: `${P}/broadcast/BROADCAST-ID/stop`,
    wrap: 'Failed to stop broadcast. Error: ',
    shape: objectModel('Broadcast', hasMethod('stop')),
  },
  {
    name: 'getBroadcast',
    call: (ot, cb) => ot.getBroadcast('BROADCAST-ID', cb),
    http: 'GET',
    path: `${P}/broadcast/BROADCAST-ID`,
    wrap: 'Failed to get broadcast. Error: ',
    shape: objectModel('Broadcast', hasMethod('stop')),
  },
  {
    name: 'listBroadcasts',
    call: (ot, cb) => ot.listBroadcasts(cb),
    http: 'GET',
    path: `${P}/broadcast`,
    shape: () => MALFORMED, // needs an object with an items array
  },
  {
    name: 'setBroadcastLayout',
    call: (ot, cb) => ot.setBroadcastLayout('BROADCAST-ID', 'bestFit', cb),
    http: 'PUT',
    path: `${P}/broadcast/BROADCAST-ID/layout`,
    kind: 'pass-through',
    shape: rawSuccess,
  },
  {
    name: 'addBroadcastStream',
    call: (ot, cb) => ot.addBroadcastStream('BROADCAST-ID', 'STREAM-ID', cb),
    http: 'PATCH',
    path: `${P}/broadcast/BROADCAST-ID/streams`,
    kind: 'pass-through',
    shape: rawSuccess,
  },
  {
    name: 'removeBroadcastStream',
    call: (ot, cb) => ot.removeBroadcastStream('BROADCAST-ID', 'STREAM-ID', cb),
    http: 'PATCH',
    path: `${P}/broadcast/BROADCAST-ID/streams`,
    kind: 'pass-through',
    shape: rawSuccess,
  },
  {
    name: 'dial',
    call: (ot, cb) => ot.dial(SESSION_ID, TOKEN, 'sip:user@sip.example.com', { secure: true }, cb),
    http: 'POST',
    path: `${P}/dial`,
    wrap: 'Failed to dial endpoint. Error: ',
    // A reply without a sessionId (the service's) gets the one dialled into.
    shape: objectModel(
      'SipInterconnect',
      (call) => {
        expect(call).to.be.instanceOf(SipInterconnect);
        expect(call.sessionId).to.equal(SESSION_ID);
      },
      (json) => ('sessionId' in json ? [] : ['sessionId']),
    ),
  },
  {
    name: 'playDTMF',
    call: (ot, cb) => ot.playDTMF(SESSION_ID, 'CONNECTION-ID', '1234#', cb),
    http: 'POST',
    path: `${P}/session/${SESSION_ID}/connection/CONNECTION-ID/play-dtmf`,
    shape: voidSuccess,
  },
  {
    name: 'websocketConnect',
    call: (ot, cb) => ot.websocketConnect(SESSION_ID, TOKEN, 'wss://ws.example.com/audio', cb),
    http: 'POST',
    path: `${P}/connect`,
    wrap: 'Error connecting to websocket: ',
    // Success is `(null, body)` with the parsed JSON, whatever it is.
    shape: () => ({
      label: 'success (null, body)',
      check: (args, { json }) => expect(args).to.deep.equal([null, json]),
    }),
  },
  {
    name: 'getStream',
    call: (ot, cb) => ot.getStream(SESSION_ID, 'STREAM-ID', cb),
    http: 'GET',
    path: `${P}/session/${SESSION_ID}/stream/STREAM-ID`,
    // An object or a JSON string. The string "x" is not JSON, so it is an unparseable body: either
    // the parse-error RequestError (cause SyntaxError) or the malformed-body one is right.
    shape: (json) =>
      typeof json === 'string' ? { ...MALFORMED, label: 'parse-error or malformed-body RequestError', orParseError: true } : objectModel('Stream', () => {})(json),
  },
  {
    name: 'listStreams',
    call: (ot, cb) => ot.listStreams(SESSION_ID, cb),
    http: 'GET',
    path: `${P}/session/${SESSION_ID}/stream`,
    // A missing items (or a non-JSON body) gives [].
    shape: () => ({ label: 'success (null, [])', check: (args) => expect(args).to.deep.equal([null, []]) }),
  },
  {
    name: 'setStreamClassLists',
    call: (ot, cb) => ot.setStreamClassLists(SESSION_ID, [{ id: 'STREAM-ID', layoutClassList: ['focus'] }], cb),
    http: 'PUT',
    path: `${P}/session/${SESSION_ID}/stream`,
    kind: 'pass-through',
    shape: rawSuccess,
  },
  {
    name: 'forceDisconnect',
    call: (ot, cb) => ot.forceDisconnect(SESSION_ID, 'CONNECTION-ID', cb),
    http: 'DELETE',
    path: `${P}/session/${SESSION_ID}/connection/CONNECTION-ID`,
    shape: voidSuccess,
  },
  {
    name: 'forceMuteStream',
    call: (ot, cb) => ot.forceMuteStream(SESSION_ID, 'STREAM-ID', cb),
    http: 'POST',
    path: `${P}/session/${SESSION_ID}/stream/STREAM-ID/mute`,
    shape: voidSuccess,
  },
  {
    name: 'forceMuteAll',
    call: (ot, cb) => ot.forceMuteAll(SESSION_ID, { excludedStreamIds: ['STREAM-ID'] }, cb),
    http: 'POST',
    path: `${P}/session/${SESSION_ID}/mute`,
    shape: voidSuccess,
  },
  {
    name: 'disableForceMute',
    call: (ot, cb) => ot.disableForceMute(SESSION_ID, cb),
    http: 'POST',
    path: `${P}/session/${SESSION_ID}/mute`,
    shape: voidSuccess,
  },
  {
    name: 'signal',
    call: (ot, cb) => ot.signal(SESSION_ID, null, { type: 'chat', data: 'hello' }, cb),
    http: 'POST',
    path: `${P}/session/${SESSION_ID}/signal`,
    shape: voidSuccess,
  },
  {
    name: 'listRenders',
    call: (ot, cb) => ot.listRenders({}, cb),
    http: 'GET',
    path: `${P}/render`,
    kind: 'render',
    shape: rawSuccess,
  },
  {
    name: 'getRender',
    call: (ot, cb) => ot.getRender('RENDER-ID', cb),
    http: 'GET',
    path: `${P}/render/RENDER-ID`,
    kind: 'render',
    shape: rawSuccess,
  },
  {
    name: 'startRender',
    call: (ot, cb) => ot.startRender({ sessionId: SESSION_ID, token: TOKEN, url: 'https://page.example.com/' }, cb),
    http: 'POST',
    path: `${P}/render`,
    kind: 'render',
    shape: rawSuccess,
  },
  {
    name: 'stopRender',
    call: (ot, cb) => ot.stopRender('RENDER-ID', cb),
    http: 'DELETE',
    path: `${P}/render/RENDER-ID`,
    kind: 'render',
    shape: rawSuccess,
  },
  {
    name: 'startCaptions',
    call: (ot, cb) => ot.startCaptions(SESSION_ID, TOKEN, {}, cb),
    http: 'POST',
    path: `${P}/captions`,
    // (null, body.captionsId), the body must be an object: `{}` gives (null, undefined).
    shape: (json) =>
      isObject(json)
        ? { label: 'success (null, body.captionsId)', check: (args) => expect(args).to.deep.equal([null, json.captionsId]) }
        : MALFORMED,
  },
  {
    name: 'stopCaptions',
    call: (ot, cb) => ot.stopCaptions('CAPTIONS-ID', cb),
    http: 'POST',
    path: `${P}/captions/CAPTIONS-ID/stop`,
    shape: () => ({ label: 'success (null, true)', check: (args) => expect(args).to.deep.equal([null, true]) }),
  },
  {
    name: 'registerCallback',
    call: (ot, cb) => ot.registerCallback({ group: 'connection', event: 'created', url: 'https://cb.example.com/' }, cb),
    http: 'POST',
    path: `${P}/callback`,
    shape: objectModel('Callback', hasMethod('unregister')),
  },
  {
    name: 'unregisterCallback',
    call: (ot, cb) => ot.unregisterCallback('CALLBACK-ID', cb),
    http: 'DELETE',
    path: `${P}/callback/CALLBACK-ID`,
    shape: voidSuccess,
  },
  {
    name: 'listCallbacks',
    call: (ot, cb) => ot.listCallbacks(cb),
    http: 'GET',
    path: `${P}/callback`,
    // Success is (null, Callback[]) from a JSON array (a non-array 2xx body is malformed):
    // [1,2] gives two Callbacks without data keys.
    shape: (json) =>
      Array.isArray(json)
        ? {
            label: 'success (null, Callback[]) (any array)',
            check: (args) => {
              expect(args, 'callback arguments').to.have.length(2);
              expect(args[0]).to.equal(null);
              expect(args[1]).to.be.an('array').with.length(json.length);
              for (const item of args[1]) {
                expect(dataKeys(item)).to.deep.equal([]);
                hasMethod('unregister')(item);
              }
            },
          }
        : MALFORMED,
  },
];

// ---------------------------------------------------------------------------------------------
// Faults. `kind`: 'transport' (no usable response), 'timeout', 'parse' (unparseable JSON),
// 'http-error' (a non-2xx status), 'shape' (a 200 JSON body of the wrong shape).

const FAULTS = [
  { id: 'refused', title: 'connection refused (closed port)', kind: 'transport', causeCode: 'ECONNREFUSED', prompt: true },
  { id: 'reset-request', title: 'connection reset as soon as the request arrives', mode: 'reset-request', kind: 'transport', causeCode: 'ECONNRESET', prompt: true },
  { id: 'reset-response', title: 'connection reset mid-response (Content-Length, partial body)', mode: 'reset-response', kind: 'transport', prompt: true },
  { id: 'hang', title: `server never answers (client timeout ${SHORT_TIMEOUT} ms)`, mode: 'hang', kind: 'timeout', timeout: SHORT_TIMEOUT },
  { id: 'slow-body', title: `slow body: headers, then one byte every 100 ms (client timeout ${SHORT_TIMEOUT} ms)`, mode: 'slow-body', kind: 'timeout', timeout: SHORT_TIMEOUT },
  { id: 'truncated', title: 'truncated body: Content-Length larger than the body, then FIN', mode: 'truncated', kind: 'transport', prompt: true },
  { id: 'html-500', title: 'HTML 500', mode: 'html-500', kind: 'http-error', message: HTML_500, passBody: HTML_500, errBody: HTML_500 },
  { id: 'empty-json-500', title: 'empty JSON 500 (application/json, empty body)', mode: 'empty-json-500', kind: 'http-error', message: '', passBody: null, errBody: undefined },
  { id: 'invalid-json-200', title: `invalid JSON 200 (application/json, ${INVALID_JSON})`, mode: 'invalid-json-200', kind: 'parse' },
  { id: 'wrong-shape-array', title: 'wrong-shape JSON 200: [1,2]', mode: 'json-200', kind: 'shape', json: [1, 2] },
  { id: 'wrong-shape-string', title: 'wrong-shape JSON 200: "x"', mode: 'json-200', kind: 'shape', json: 'x' },
  { id: 'wrong-shape-object', title: 'wrong-shape JSON 200: {}', mode: 'json-200', kind: 'shape', json: {} },
  { id: 'redirect-loop', title: 'redirect loop (302 to itself)', mode: 'redirect-loop', kind: 'transport', redirect: true },
  // With retries (maxRetries 2): what is retried for which method, and the attempts in the error.
  {
    id: 'refused-retried',
    title: 'connection refused, maxRetries 2: 3 attempts for every method',
    kind: 'transport',
    causeCode: 'ECONNREFUSED',
    prompt: true,
    maxRetries: 2,
    attempts: () => 3,
  },
  {
    id: 'reset-request-retried',
    title: 'connection reset as soon as the request arrives, maxRetries 2: 3 attempts for GET and DELETE, 1 for the others',
    mode: 'reset-request',
    kind: 'transport',
    causeCode: 'ECONNRESET',
    prompt: true,
    maxRetries: 2,
    attempts: (method) => (method.http === 'GET' || method.http === 'DELETE' ? 3 : 1),
  },
  {
    id: '503-retried',
    title: 'JSON 503 with Retry-After: 0 on every request, maxRetries 2: 3 attempts for every method',
    mode: 'json-503',
    kind: 'http-error',
    status: 503,
    message: BODY_503.message,
    passBody: BODY_503,
    errBody: BODY_503,
    maxRetries: 2,
    attempts: () => 3,
  },
  {
    id: 'fail-twice-retried',
    title: 'JSON 503 twice, then JSON 200 {}, maxRetries 2: every call succeeds',
    mode: 'fail-twice-then-json-200',
    kind: 'shape',
    json: {},
    maxRetries: 2,
    // 3 attempts for a call whose method and URL no other call shares (two 503s, then the 200);
    // 2 or 3 where two calls share them and so the two 503s (undefined: either).
    attempts: (method) => (METHODS.filter((other) => other.http === method.http && other.path === method.path).length === 1 ? 3 : undefined),
    // Two 503s for each method and URL, then one 200 per call.
    expectedRequests: () => {
      const keys = METHODS.map((method) => `${method.http} ${method.path}`);
      return [...keys, ...[...new Set(keys)].flatMap((key) => [key, key])].sort();
    },
  },
];

/** The requests the server of a retrying fault must have received, sorted: each call's attempts. */
function expectedRetriedRequests(fault) {
  if (fault.expectedRequests) return fault.expectedRequests();
  return METHODS.flatMap((method) => Array(fault.attempts(method)).fill(`${method.http} ${method.path}`)).sort();
}

/** How many attempts a retrying fault makes for `method` (1 without retries; undefined: it varies). */
function attemptsOf(fault, method) {
  return fault.attempts ? fault.attempts(method) : 1;
}

/** ", N attempts" in a test title when a call is sent more than once. */
function attemptsLabel(fault, method) {
  const attempts = attemptsOf(fault, method);
  return attempts > 1 ? `, "(${attempts} attempts)"` : '';
}

/** The label of what a cell must give, for test titles. */
function expectationLabel(fault, method) {
  const args = method.kind === 'pass-through' ? '(err, null, null)' : '(err)';
  const prefix = method.wrap ? `, message "${method.wrap}…"` : '';
  switch (fault.kind) {
    case 'transport':
      return `${args} RequestError with cause${prefix}${attemptsLabel(fault, method)}`;
    case 'timeout':
      return `${args} RequestError "network timeout at: <url>"${prefix}`;
    case 'parse':
      return `${args} RequestError with the SyntaxError as cause, statusCode 200${prefix}`;
    case 'http-error':
      return `${method.kind === 'pass-through' ? '(err, body, response)' : '(err)'} RequestError, statusCode ${fault.status || 500}${prefix}${attemptsLabel(fault, method)}`;
    default:
      return method.shape(fault.json).label;
  }
}

// ---------------------------------------------------------------------------------------------
// Running

/** Calls `invoke(callback)` and records how the callback was called (see the fields below). */
function runCell(invoke) {
  return new Promise((resolve) => {
    const started = Date.now();
    // calls keeps counting after the cell resolved, so a late second call still shows.
    const cell = { calls: 0, args: undefined, sync: undefined, elapsed: undefined, threw: undefined };
    let returned = false;
    let settle;
    const deadline = setTimeout(() => resolve(cell), DEADLINE_MS);
    const callback = (...args) => {
      cell.calls += 1;
      if (cell.calls > 1) return;
      cell.args = args;
      cell.sync = !returned;
      cell.elapsed = Date.now() - started;
      settle = setTimeout(() => {
        clearTimeout(deadline);
        resolve(cell);
      }, SETTLE_MS);
    };
    try {
      invoke(callback);
    } catch (thrown) {
      cell.threw = thrown;
      clearTimeout(deadline);
      clearTimeout(settle);
      resolve(cell);
    }
    returned = true;
  });
}

/** Starts the server of `fault` (or finds a closed port). */
async function startFaultServer(fault) {
  if (!fault.mode) return { base: await closedPortBase(), requests: null, close: async () => {} };
  return startMisbehavingServer(fault.mode, { body: JSON.stringify(fault.json) });
}

/** A client for `base`, with the fault's timeout and maxRetries when it has them (else 20 s, no retries). */
function clientFor(fault, base) {
  const options = { apiUrl: base };
  if (fault.timeout) options.timeout = fault.timeout;
  if (fault.maxRetries) options.maxRetries = fault.maxRetries;
  return new OpenTok(API_KEY, API_SECRET, options);
}

/**
 * Runs every method against one fault, all concurrently, then closes the server. Resolves with
 * `{fault, base, requests, cells}` (`cells`: method name → cell record).
 */
async function runFault(fault) {
  const server = await startFaultServer(fault);
  try {
    const ot = clientFor(fault, server.base);
    const records = await Promise.all(METHODS.map((method) => runCell((cb) => method.call(ot, cb))));
    const cells = new Map(METHODS.map((method, index) => [method.name, records[index]]));
    return { fault, base: server.base, requests: server.requests ? [...server.requests] : null, cells };
  } finally {
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Checking

function expectResponse(response, status, url) {
  // (chai's type check would say 'Response' because of Symbol.toStringTag.)
  expect(typeof response === 'object' && response !== null, 'response is an object').to.equal(true);
  expect(response.status).to.equal(status);
  expect(response.ok).to.equal(status >= 200 && status < 300);
  expect(response.statusText).to.be.a('string');
  expect(response.url).to.equal(url);
  expect(response.headers.get('CONTENT-TYPE')).to.be.a('string');
}

/**
 * Checks the error arguments of a failed cell and returns the error: argument count by kind
 * (`withResponse`: a pass-through HTTP error carries body and response), class RequestError.
 */
function expectRequestError(method, args) {
  const count = method.kind === 'pass-through' ? 3 : 1;
  expect(args, 'callback arguments').to.have.length(count);
  const [error] = args;
  expect(error, 'error').to.be.instanceOf(Error);
  expect(error, 'error class').to.be.instanceOf(OpenTok.RequestError);
  expect(error.name).to.equal('RequestError');
  expect(error.stack).to.be.a('string');
  return error;
}

/** Asserts one cell of the matrix. `run` is what runFault resolved with. */
function checkCell(run, method) {
  const { fault, base } = run;
  const cell = run.cells.get(method.name);
  const url = base + method.path;
  const wrap = method.wrap || '';
  expect(cell.threw, 'the call threw synchronously').to.equal(undefined);
  expect(cell.calls, 'callback calls').to.equal(1);
  expect(cell.sync, 'callback invoked synchronously (HTTP outcomes are async)').to.equal(false);
  if (run.requests) {
    const sent = run.requests.some((request) => request.method === method.http && request.url === method.path);
    expect(sent, `request ${method.http} ${method.path} received`).to.equal(true);
  }
  const { args } = cell;
  // A call sent more than once says so at the end of its message, and in `attempts`.
  const attempts = attemptsOf(fault, method);
  const suffix = attempts > 1 ? ` (${attempts} attempts)` : '';
  if (fault.kind !== 'shape' && fault.kind !== 'parse') {
    expect(args[0] && args[0].attempts, 'err.attempts').to.equal(attempts > 1 ? attempts : undefined);
  }
  if (fault.kind === 'transport' || fault.kind === 'timeout') {
    const error = expectRequestError(method, args);
    if (method.kind === 'pass-through') expect(args.slice(1), 'body and response').to.deep.equal([null, null]);
    expect(error.cause, 'cause').to.be.instanceOf(Error);
    if (fault.kind === 'timeout') {
      expect(error.message).to.equal(`${wrap}network timeout at: ${url}`);
      expect(cell.elapsed, 'elapsed ms').to.be.within(SHORT_TIMEOUT - 5, SHORT_TIMEOUT + 1500);
    } else {
      expect(error.message).to.equal(`${wrap}request to ${url} failed, reason: ${error.cause.message}${suffix}`);
    }
    if (fault.causeCode) expect(error.cause.code, 'cause.code').to.equal(fault.causeCode);
    if (fault.prompt) expect(cell.elapsed, 'elapsed ms (the default timeout is 20 s)').to.be.below(2000);
    expect(error.statusCode, 'statusCode').to.equal(undefined);
    return;
  }
  if (fault.kind === 'parse') {
    const error = expectRequestError(method, args);
    if (method.kind === 'pass-through') expect(args.slice(1), 'body and response').to.deep.equal([null, null]);
    expect(error.message).to.equal(wrap + PARSE_MESSAGE);
    expect(error.cause, 'cause').to.be.instanceOf(SyntaxError);
    expect(error.statusCode).to.equal(200);
    return;
  }
  if (fault.kind === 'http-error') {
    const error = expectRequestError(method, args);
    const status = fault.status || 500;
    expect(error.message).to.equal(`${wrap}Unexpected response from OpenTok: "${JSON.stringify({ message: fault.message })}"${suffix}`);
    expect(error.statusCode).to.equal(status);
    expect(error.body, 'err.body').to.deep.equal(fault.errBody);
    if (method.kind === 'pass-through') {
      expect(args[1], 'body argument').to.deep.equal(fault.passBody);
      expectResponse(args[2], status, url);
    }
    return;
  }
  // 'shape'
  const expected = method.shape(fault.json);
  if (!expected.malformed) {
    expected.check(args, { json: fault.json, url });
    return;
  }
  const error = expectRequestError(method, args);
  expect(error.statusCode).to.equal(200);
  if (expected.orParseError && error.cause instanceof SyntaxError) {
    expect(error.message).to.equal(wrap + error.cause.message);
    return;
  }
  expect(error.message).to.equal(`${wrap}Unexpected response from OpenTok: ${JSON.stringify(fault.json)}${suffix}`);
  expect(error.attempts, 'err.attempts').to.equal(attempts > 1 ? attempts : undefined);
  expect(error.body, 'err.body').to.deep.equal(fault.json);
}

/**
 * Runs every fault (one after the other, the methods of a fault concurrently, as the test does)
 * and checks every cell. Resolves with a summary `{cells, calledBackOnce, failures}`, where
 * `failures` lists `<fault id> × <method>: <message>`. Used by the child process.
 */
async function runMatrix() {
  const runs = [];
  for (const fault of FAULTS) runs.push(await runFault(fault));
  const summary = { cells: 0, calledBackOnce: 0, failures: [] };
  for (const run of runs) {
    for (const method of METHODS) {
      summary.cells += 1;
      if (run.cells.get(method.name).calls === 1) summary.calledBackOnce += 1;
      try {
        checkCell(run, method);
      } catch (failure) {
        summary.failures.push(`${run.fault.id} × ${method.name}: ${failure.message}`);
      }
    }
  }
  return summary;
}

module.exports = {
  API_KEY,
  API_SECRET,
  SESSION_ID,
  SHORT_TIMEOUT,
  METHODS,
  FAULTS,
  expectationLabel,
  runCell,
  runFault,
  startFaultServer,
  clientFor,
  checkCell,
  expectedRetriedRequests,
  runMatrix,
};
