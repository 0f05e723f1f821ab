'use strict';
// Live-streaming broadcasts: startBroadcast, stopBroadcast, getBroadcast, listBroadcasts,
// add/removeBroadcastStream and the Broadcast object, with the wrapped errors ('Failed to start
// broadcast. Error: <inner message>', an instance of the inner error's class), the pass-through
// callbacks of add/removeBroadcastStream (the HTTP layer's (err, body, response) unchanged), and the
// generic status mapping and transport failures as they apply to these methods.
const { expect } = require('chai');
const nock = require('nock');
const OpenTok = require('opentok');
const {
  API_KEY,
  API_SECRET,
  API_URL,
  PROJECT_PATH,
  SESSION_ID,
  callbackArgs,
  expectAuthHeaders,
  useNock,
} = require('./helpers');
const { closedPort } = require('./support/local-http');
const {
  invokeAsync,
  exchange,
  expectJsonRequest,
  expectThrowsNoRequest,
  expectSyncArgumentError,
} = require('./support/wire-harness');

// Characters that encodeURIComponent would change but a URL path keeps: proves the ID is raw.
const BROADCAST_ID = 'bc:1@x%2Fy';
const UUID = '1748b7070a81464c9759c46ad10d3734';
const STREAM_ID = '8b732909-0a06-46a2-8ea8-074e64d43422';
const JSON_HEADERS = { 'Content-Type': 'application/json' };
const TEXT_HEADERS = { 'Content-Type': 'text/plain; charset=utf-8' };
const BROADCAST_PATH = `${PROJECT_PATH}/broadcast`;
const BAD_REQUEST = 'Bad session ID, token, SIP credentials, or SIP URI (sip:user@domain.tld)';
const START_WRAP = 'Failed to start broadcast. Error: ';
const STOP_WRAP = 'Failed to stop broadcast. Error: ';
const GET_WRAP = 'Failed to get broadcast. Error: ';
const NULL_OR_EMPTY = [null, undefined, ''];
const HLS_OPTIONS = () => ({ outputs: { hls: {} } });

function label(value) {
  if (value === '') return "''";
  if (Array.isArray(value)) return `[${value.join(',')}]`;
  return String(value);
}

function broadcastJson(overrides = {}) {
  return {
    id: BROADCAST_ID,
    sessionId: SESSION_ID,
    projectId: Number(API_KEY),
    createdAt: 1437676551000,
    updatedAt: 1437676551029,
    resolution: '640x480',
    broadcastUrls: {
      hls: 'https://cdn.example.com/hls/live/1/playlist.m3u8',
      hlsStatus: 'live',
      rtmp: [{ id: 'foo', serverUrl: 'rtmp://myfooserver/myfooapp', streamName: 'myfoostream', status: 'live' }],
    },
    maxDuration: 5400,
    maxBitrate: 2000000,
    streamMode: 'auto',
    streams: [],
    status: 'started',
    ...overrides,
  };
}

function newOpenTok(base) {
  return base === undefined ? new OpenTok(API_KEY, API_SECRET) : new OpenTok(API_KEY, API_SECRET, base);
}

/**
 * Calls `invoke(opentok, callback)` on a client whose base URL is a closed local port. Resolves
 * with `{ args, url }` where `url` is the base URL.
 */
async function refusedCall(invoke) {
  const port = await closedPort();
  const base = `http://127.0.0.1:${port}`;
  nock.enableNetConnect('127.0.0.1');
  try {
    const { args, sync } = await invokeAsync((cb) => invoke(newOpenTok(base), cb));
    expect(sync, 'transport failure delivered synchronously').to.equal(false);
    return { args, base, port };
  } finally {
    nock.disableNetConnect();
  }
}

/**
 * Asserts a single-argument error: class `Ctor` (exactly, when `exact`), `name`, exact message,
 * `statusCode` and `body` (undefined when not given).
 */
function expectError(args, Ctor, name, message, { statusCode, body } = {}) {
  expect(args, 'callback arguments').to.have.length(1);
  const [err] = args;
  expect(err).to.be.an.instanceof(Error);
  expect(err).to.be.an.instanceof(Ctor);
  expect(err.name).to.equal(name);
  expect(err.message).to.equal(message);
  expect(err.stack).to.be.a('string');
  expect(err.statusCode, 'err.statusCode').to.equal(statusCode);
  if (body === undefined) {
    expect(err.body, 'err.body').to.equal(undefined);
  } else {
    expect(err.body).to.deep.equal(body);
  }
  expect(err).to.not.be.an.instanceof(TypeError);
  return err;
}

function expectNoBodyGet(seen, path) {
  expect(seen.method).to.equal('GET');
  expect(seen.path).to.equal(path);
  expectAuthHeaders(seen.rawHeaders);
  expect(seen.headers).to.not.have.property('content-type');
  expect(seen.body === undefined || seen.body === '', `no request body (got ${JSON.stringify(seen.body)})`).to.equal(true);
}

/** The response keys a Broadcast copies: all but `event` and `partnerId`. */
function copiedKeys(json) {
  return Object.keys(json).filter((key) => key !== 'event' && key !== 'partnerId');
}

/** Asserts one Broadcast built from `json`: every key but event/partnerId, nothing else, a stop method. */
function expectBroadcast(broadcast, json) {
  expect(broadcast).to.be.an('object');
  expect(broadcast).to.be.an.instanceof(Object);
  for (const key of copiedKeys(json)) {
    expect(Object.prototype.hasOwnProperty.call(broadcast, key), `own key ${key}`).to.equal(true);
    expect(broadcast[key], key).to.deep.equal(json[key]);
  }
  const dataKeys = Object.keys(broadcast).filter((key) => typeof broadcast[key] !== 'function');
  expect(dataKeys).to.have.members(copiedKeys(json));
  expect(broadcast).to.not.have.property('event');
  expect(broadcast).to.not.have.property('partnerId');
  expect(broadcast.stop).to.be.a('function');
  return broadcast;
}

/** Asserts a successful `(null, Broadcast)`. */
function expectBroadcastResult(args, json) {
  expect(args, 'callback arguments').to.have.length(2);
  expect(args[0]).to.equal(null);
  return expectBroadcast(args[1], json);
}

/** Asserts the HTTP response object of a pass-through callback. */
function expectResponse(response, status) {
  expect(typeof response).to.equal('object');
  expect(response).to.not.equal(null);
  expect(response.status).to.equal(status);
  expect(response.ok).to.equal(status >= 200 && status < 300);
  expect(response.statusText).to.be.a('string');
  expect(response.url).to.equal(`${API_URL}${BROADCAST_PATH}/${BROADCAST_ID}/streams`);
  expect(response.headers.get).to.be.a('function');
}

function deepFreeze(value) {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('broadcasts', () => {
  useNock();

  describe('startBroadcast', () => {
    describe('missing callback', () => {
      it('throws ArgumentError "No callback given to startBroadcast" with options but no callback', () =>
        expectThrowsNoRequest(() => newOpenTok().startBroadcast(SESSION_ID, HLS_OPTIONS()), 'No callback given to startBroadcast'));

      it('does not shift: startBroadcast(sessionId, callback) throws and never calls the function', async () => {
        let called = 0;
        await expectThrowsNoRequest(
          () =>
            newOpenTok().startBroadcast(SESSION_ID, () => {
              called += 1;
            }),
          'No callback given to startBroadcast',
        );
        expect(called, 'calls of the function passed as options').to.equal(0);
      });

      it('throws when the callback position holds a non-function', () =>
        expectThrowsNoRequest(
          () => newOpenTok().startBroadcast(SESSION_ID, HLS_OPTIONS(), { not: 'a function' }),
          'No callback given to startBroadcast',
        ));

      it('checks the callback before any argument (no arguments at all)', () =>
        expectThrowsNoRequest(() => newOpenTok().startBroadcast(), 'No callback given to startBroadcast'));

      it('checks the callback before the sessionId and options', () =>
        expectThrowsNoRequest(() => newOpenTok().startBroadcast(null, null), 'No callback given to startBroadcast'));
    });

    describe('validation (synchronous, one argument, no request)', () => {
      for (const value of [...NULL_OR_EMPTY, []]) {
        it(`sessionId ${label(value)} → "No sessionId given to startBroadcast"`, () =>
          expectSyncArgumentError(
            (cb) => newOpenTok().startBroadcast(value, HLS_OPTIONS(), cb),
            'No sessionId given to startBroadcast',
          ));
      }

      for (const value of [undefined, null, false, 0, '', 'options', 42, true]) {
        it(`options ${label(value)} → "No options given to startBroadcast"`, () =>
          expectSyncArgumentError((cb) => newOpenTok().startBroadcast(SESSION_ID, value, cb), 'No options given to startBroadcast'));
      }

      const bothCases = [
        ['true/true', { dvr: true, lowLatency: true }],
        ['truthy non-booleans', { dvr: 1, lowLatency: 'yes' }],
      ];
      for (const [name, hls] of bothCases) {
        it(`outputs.hls dvr and lowLatency both truthy (${name}) → "Cannot set both dvr and lowLatency on HLS"`, () =>
          expectSyncArgumentError(
            (cb) => newOpenTok().startBroadcast(SESSION_ID, { outputs: { hls, rtmp: [] } }, cb),
            'Cannot set both dvr and lowLatency on HLS',
          ));
      }

      it('sessionId is checked before options', () =>
        expectSyncArgumentError((cb) => newOpenTok().startBroadcast('', null, cb), 'No sessionId given to startBroadcast'));

      it('sessionId is checked before the HLS rule', () =>
        expectSyncArgumentError(
          (cb) => newOpenTok().startBroadcast(null, { outputs: { hls: { dvr: true, lowLatency: true } } }, cb),
          'No sessionId given to startBroadcast',
        ));

      it('lets an exception of the validation callback propagate out of the call', () => {
        const boom = new Error('boom');
        let calls = 0;
        expect(() =>
          newOpenTok().startBroadcast(SESSION_ID, null, () => {
            calls += 1;
            throw boom;
          }),
        ).to.throw(boom);
        expect(calls).to.equal(1);
      });
    });

    describe('request body', () => {
      const S = SESSION_ID;
      const rtmp = [
        { id: 'foo', serverUrl: 'rtmp://myfooserver/myfooapp', streamName: 'myfoostream' },
        { serverUrl: 'rtmps://mybarserver/mybarapp', streamName: 'mybarstream' },
      ];
      const cases = [
        ['options {outputs:{hls:{}}}', { outputs: { hls: {} } }, `{"outputs":{"hls":{}},"sessionId":"${S}","streamMode":"auto"}`],
        [
          "streamMode 'manual' first stays first and is kept",
          { streamMode: 'manual', outputs: { hls: {} } },
          `{"streamMode":"manual","outputs":{"hls":{}},"sessionId":"${S}"}`,
        ],
        [
          "a falsy streamMode ('') keeps its position and becomes 'auto'",
          { streamMode: '', outputs: { hls: {} } },
          `{"streamMode":"auto","outputs":{"hls":{}},"sessionId":"${S}"}`,
        ],
        [
          "a null streamMode keeps its position and becomes 'auto'",
          { outputs: { hls: {} }, streamMode: null, maxDuration: 60 },
          `{"outputs":{"hls":{}},"streamMode":"auto","maxDuration":60,"sessionId":"${S}"}`,
        ],
        [
          'an options sessionId keeps its position but gets the argument value',
          { sessionId: 'OTHER', outputs: { hls: {} } },
          `{"sessionId":"${S}","outputs":{"hls":{}},"streamMode":"auto"}`,
        ],
        [
          'an options sessionId in the middle keeps its position',
          { outputs: { hls: {} }, sessionId: 'OTHER', resolution: '1280x720' },
          `{"outputs":{"hls":{}},"sessionId":"${S}","resolution":"1280x720","streamMode":"auto"}`,
        ],
        [
          'RTMP outputs verbatim',
          { outputs: { rtmp } },
          `{"outputs":{"rtmp":[{"id":"foo","serverUrl":"rtmp://myfooserver/myfooapp","streamName":"myfoostream"},` +
            `{"serverUrl":"rtmps://mybarserver/mybarapp","streamName":"mybarstream"}]},"sessionId":"${S}","streamMode":"auto"}`,
        ],
        [
          'HLS dvr alone',
          { outputs: { hls: { dvr: true } } },
          `{"outputs":{"hls":{"dvr":true}},"sessionId":"${S}","streamMode":"auto"}`,
        ],
        [
          'HLS lowLatency alone (dvr false)',
          { outputs: { hls: { dvr: false, lowLatency: true } } },
          `{"outputs":{"hls":{"dvr":false,"lowLatency":true}},"sessionId":"${S}","streamMode":"auto"}`,
        ],
        [
          'every documented option, in the caller\'s key order',
          {
            maxBitrate: 1000000,
            layout: { type: 'bestFit', screenshareType: 'horizontalPresentation' },
            outputs: { hls: { lowLatency: true }, rtmp: [rtmp[0]] },
            resolution: '1080x1920',
            maxDuration: 5400,
            multiBroadcastTag: 'broadcast-1',
          },
          '{"maxBitrate":1000000,"layout":{"type":"bestFit","screenshareType":"horizontalPresentation"},' +
            '"outputs":{"hls":{"lowLatency":true},"rtmp":[{"id":"foo","serverUrl":"rtmp://myfooserver/myfooapp","streamName":"myfoostream"}]},' +
            `"resolution":"1080x1920","maxDuration":5400,"multiBroadcastTag":"broadcast-1","sessionId":"${S}","streamMode":"auto"}`,
        ],
        [
          'custom layout with stylesheet, manual streamMode last',
          { outputs: { hls: {} }, layout: { type: 'custom', stylesheet: 'stream.instructor {position: absolute;}' }, streamMode: 'manual' },
          '{"outputs":{"hls":{}},"layout":{"type":"custom","stylesheet":"stream.instructor {position: absolute;}"},' +
            `"streamMode":"manual","sessionId":"${S}"}`,
        ],
        [
          'unknown keys and out-of-range values verbatim (no other validation)',
          { foo: 'bar', maxDuration: 5, resolution: 'huge', outputs: { hls: {} } },
          `{"foo":"bar","maxDuration":5,"resolution":"huge","outputs":{"hls":{}},"sessionId":"${S}","streamMode":"auto"}`,
        ],
        ['empty options object (outputs are not validated)', {}, `{"sessionId":"${S}","streamMode":"auto"}`],
        ['outputs null is not an error', { outputs: null }, `{"outputs":null,"sessionId":"${S}","streamMode":"auto"}`],
        [
          'outputs.hls null is not an error',
          { outputs: { hls: null } },
          `{"outputs":{"hls":null},"sessionId":"${S}","streamMode":"auto"}`,
        ],
        [
          'undefined values dropped by JSON.stringify',
          { maxBitrate: undefined, outputs: { hls: {} }, layout: undefined },
          `{"outputs":{"hls":{}},"sessionId":"${S}","streamMode":"auto"}`,
        ],
      ];
      for (const [name, options, expectedBody] of cases) {
        it(`POSTs P/broadcast with the exact JSON body: ${name}`, async () => {
          const json = broadcastJson();
          const { args, seen } = await exchange('POST', [200, json], (cb) => newOpenTok().startBroadcast(SESSION_ID, options, cb));
          expectJsonRequest(seen, 'POST', BROADCAST_PATH, expectedBody);
          expectBroadcastResult(args, json);
        });
      }

      it('does not modify the caller\'s options', async () => {
        const options = {
          outputs: { hls: { dvr: true }, rtmp: [{ id: 'foo', serverUrl: 'rtmp://s/app', streamName: 'n' }] },
          maxDuration: 5400,
          layout: { type: 'pip' },
        };
        const before = JSON.parse(JSON.stringify(options));
        const { outputs } = options;
        const { hls, rtmp } = outputs;
        const { seen } = await exchange('POST', [200, broadcastJson()], (cb) => newOpenTok().startBroadcast(SESSION_ID, options, cb));
        expect(options).to.deep.equal(before);
        expect(Object.keys(options)).to.deep.equal(['outputs', 'maxDuration', 'layout']);
        expect(options).to.not.have.property('sessionId');
        expect(options).to.not.have.property('streamMode');
        expect(options.outputs).to.equal(outputs);
        expect(options.outputs.hls).to.equal(hls);
        expect(options.outputs.rtmp).to.equal(rtmp);
        expect(Object.keys(options.outputs)).to.deep.equal(['hls', 'rtmp']);
        expect(seen.body).to.equal(
          '{"outputs":{"hls":{"dvr":true},"rtmp":[{"id":"foo","serverUrl":"rtmp://s/app","streamName":"n"}]},' +
            `"maxDuration":5400,"layout":{"type":"pip"},"sessionId":"${SESSION_ID}","streamMode":"auto"}`,
        );
      });

      it('does not modify options carrying sessionId and a falsy streamMode', async () => {
        const options = { sessionId: 'OTHER', streamMode: '', outputs: { hls: {} } };
        const { seen } = await exchange('POST', [200, broadcastJson()], (cb) => newOpenTok().startBroadcast(SESSION_ID, options, cb));
        expect(options).to.deep.equal({ sessionId: 'OTHER', streamMode: '', outputs: { hls: {} } });
        expect(seen.body).to.equal(`{"sessionId":"${SESSION_ID}","streamMode":"auto","outputs":{"hls":{}}}`);
      });

      it('accepts deeply frozen options (frozen nested outputs included)', async () => {
        const options = deepFreeze({
          outputs: { hls: { lowLatency: true }, rtmp: [{ serverUrl: 'rtmp://s/app', streamName: 'n' }] },
          resolution: '1280x720',
        });
        const json = broadcastJson();
        const { args, seen } = await exchange('POST', [200, json], (cb) => newOpenTok().startBroadcast(SESSION_ID, options, cb));
        expectJsonRequest(
          seen,
          'POST',
          BROADCAST_PATH,
          '{"outputs":{"hls":{"lowLatency":true},"rtmp":[{"serverUrl":"rtmp://s/app","streamName":"n"}]},' +
            `"resolution":"1280x720","sessionId":"${SESSION_ID}","streamMode":"auto"}`,
        );
        expect(options).to.deep.equal({
          outputs: { hls: { lowLatency: true }, rtmp: [{ serverUrl: 'rtmp://s/app', streamName: 'n' }] },
          resolution: '1280x720',
        });
        expectBroadcastResult(args, json);
      });
    });

    describe('responses', () => {
      it('200 JSON → (null, Broadcast), every key but event/partnerId copied', async () => {
        const json = broadcastJson({ partnerId: 123456, event: 'broadcast', foo: { bar: [1] } });
        const { args } = await exchange('POST', [200, json], (cb) => newOpenTok().startBroadcast(SESSION_ID, HLS_OPTIONS(), cb));
        expectBroadcastResult(args, json);
      });

      it('200 with a JSON string under text/plain → (null, Broadcast)', async () => {
        const json = broadcastJson();
        const { args } = await exchange('POST', [200, JSON.stringify(json), TEXT_HEADERS], (cb) =>
          newOpenTok().startBroadcast(SESSION_ID, HLS_OPTIONS(), cb),
        );
        expectBroadcastResult(args, json);
      });

      it('400 → plain Error "Failed to start broadcast. Error: Bad session ID, …" with statusCode 400', async () => {
        const body = { code: 400, message: 'Invalid request' };
        const { args } = await exchange('POST', [400, body], (cb) => newOpenTok().startBroadcast(SESSION_ID, HLS_OPTIONS(), cb));
        const err = expectError(args, Error, 'Error', START_WRAP + BAD_REQUEST, { statusCode: 400, body });
        expect(err.constructor).to.equal(Error);
        expect(Object.getPrototypeOf(err)).to.equal(Error.prototype);
        expect(err).to.not.be.an.instanceof(OpenTok.RequestError);
        expect(err).to.not.be.an.instanceof(OpenTok.ArgumentError);
      });

      it('400 with an empty body → plain Error without body', async () => {
        const { args } = await exchange('POST', [400, ''], (cb) => newOpenTok().startBroadcast(SESSION_ID, HLS_OPTIONS(), cb));
        const err = expectError(args, Error, 'Error', START_WRAP + BAD_REQUEST, { statusCode: 400 });
        expect(err.constructor).to.equal(Error);
      });

      it('403 → AuthError "Failed to start broadcast. Error: Invalid API key or secret"', async () => {
        const { args } = await exchange('POST', [403, { code: -1 }], (cb) => newOpenTok().startBroadcast(SESSION_ID, HLS_OPTIONS(), cb));
        expectError(args, OpenTok.AuthError, 'AuthError', `${START_WRAP}Invalid API key or secret`, {
          statusCode: 403,
          body: { code: -1 },
        });
      });

      it('401 → AuthError wrapped', async () => {
        const { args } = await exchange('POST', [401, ''], (cb) => newOpenTok().startBroadcast(SESSION_ID, HLS_OPTIONS(), cb));
        expectError(args, OpenTok.AuthError, 'AuthError', `${START_WRAP}Invalid API key or secret`, { statusCode: 401 });
      });

      it('404 → NotFoundError wrapped', async () => {
        const { args } = await exchange('POST', [404, ''], (cb) => newOpenTok().startBroadcast(SESSION_ID, HLS_OPTIONS(), cb));
        expectError(args, OpenTok.NotFoundError, 'NotFoundError', `${START_WRAP}Not Found`, { statusCode: 404 });
      });

      it('409 → generic RequestError wrapped', async () => {
        const body = { code: 409, message: 'The broadcast has already started for the session.' };
        const { args } = await exchange('POST', [409, body], (cb) => newOpenTok().startBroadcast(SESSION_ID, HLS_OPTIONS(), cb));
        expectError(
          args,
          OpenTok.RequestError,
          'RequestError',
          `${START_WRAP}Unexpected response from OpenTok: "{"message":"The broadcast has already started for the session."}"`,
          { statusCode: 409, body },
        );
      });

      it('500 → RequestError wrapped', async () => {
        const { args } = await exchange('POST', [500, '{ "message" : "Some error." }', JSON_HEADERS], (cb) =>
          newOpenTok().startBroadcast(SESSION_ID, HLS_OPTIONS(), cb),
        );
        expectError(args, OpenTok.RequestError, 'RequestError', `${START_WRAP}Unexpected response from OpenTok: "{"message":"Some error."}"`, {
          statusCode: 500,
          body: { message: 'Some error.' },
        });
      });

      it('transport failure (closed local port) → RequestError wrapped, with cause and no statusCode', async () => {
        const { args, base, port } = await refusedCall((ot, cb) => ot.startBroadcast(SESSION_ID, HLS_OPTIONS(), cb));
        const err = expectError(
          args,
          OpenTok.RequestError,
          'RequestError',
          `${START_WRAP}request to ${base}${BROADCAST_PATH} failed, reason: connect ECONNREFUSED 127.0.0.1:${port}`,
        );
        expect(err.cause).to.be.an.instanceof(Error);
        expect(err.cause.code).to.equal('ECONNREFUSED');
      });

      it('2xx with an empty JSON body → wrapped RequestError "…: null"', async () => {
        const { args } = await exchange('POST', [200, '', JSON_HEADERS], (cb) => newOpenTok().startBroadcast(SESSION_ID, HLS_OPTIONS(), cb));
        expectError(args, OpenTok.RequestError, 'RequestError', `${START_WRAP}Unexpected response from OpenTok: null`, { statusCode: 200 });
      });

      it('2xx with unparseable JSON → wrapped RequestError with the SyntaxError as cause', async () => {
        const { args } = await exchange('POST', [200, '{"id":', JSON_HEADERS], (cb) =>
          newOpenTok().startBroadcast(SESSION_ID, HLS_OPTIONS(), cb),
        );
        expect(args).to.have.length(1);
        const err = args[0];
        expect(err).to.be.an.instanceof(OpenTok.RequestError);
        expect(err.cause).to.be.an.instanceof(SyntaxError);
        expect(err.message).to.equal(START_WRAP + err.cause.message);
        expect(err.statusCode).to.equal(200);
      });
    });
  });

  const idMethods = [
    ['stopBroadcast', 'POST', '/stop', STOP_WRAP],
    ['getBroadcast', 'GET', '', GET_WRAP],
  ];
  for (const [method, httpMethod, suffix, wrap] of idMethods) {
    const expectRequest = (seen, id = BROADCAST_ID) => {
      const path = `${BROADCAST_PATH}/${id}${suffix}`;
      if (httpMethod === 'POST') expectJsonRequest(seen, 'POST', path, '{}');
      else expectNoBodyGet(seen, path);
    };

    describe(method, () => {
      it(`throws "No callback given to ${method}" without a callback`, () =>
        expectThrowsNoRequest(() => newOpenTok()[method](BROADCAST_ID), `No callback given to ${method}`));

      it('throws when the callback is not a function', () =>
        expectThrowsNoRequest(() => newOpenTok()[method](BROADCAST_ID, {}), `No callback given to ${method}`));

      it('checks the callback before the broadcast ID', () =>
        expectThrowsNoRequest(() => newOpenTok()[method](), `No callback given to ${method}`));

      for (const value of NULL_OR_EMPTY) {
        it(`reports "No broadcast ID given" synchronously for ${label(value)}`, () =>
          expectSyncArgumentError((cb) => newOpenTok()[method](value, cb), 'No broadcast ID given'));
      }

      it(`${httpMethod}s P/broadcast/{id}${suffix} with the ID inserted raw (not encoded)`, async () => {
        const json = broadcastJson({ status: httpMethod === 'POST' ? 'stopped' : 'started' });
        const { args, seen } = await exchange(httpMethod, [200, json], (cb) => newOpenTok()[method](BROADCAST_ID, cb));
        expectRequest(seen);
        expectBroadcastResult(args, json);
      });

      it('a non-empty non-string ID (0) is not null/empty: the request is sent', async () => {
        const { args, seen } = await exchange(httpMethod, [200, broadcastJson({ id: 0 })], (cb) => newOpenTok()[method](0, cb));
        expectRequest(seen, '0');
        expect(args[0]).to.equal(null);
      });

      it('success with a JSON string under text/plain → (null, Broadcast)', async () => {
        const json = broadcastJson({ partnerId: 1, event: 'x' });
        const { args } = await exchange(httpMethod, [200, JSON.stringify(json), TEXT_HEADERS], (cb) =>
          newOpenTok()[method](BROADCAST_ID, cb),
        );
        expectBroadcastResult(args, json);
      });

      it(`404 → NotFoundError "${wrap}Not Found"`, async () => {
        const { args } = await exchange(httpMethod, [404, ''], (cb) => newOpenTok()[method](BROADCAST_ID, cb));
        expectError(args, OpenTok.NotFoundError, 'NotFoundError', `${wrap}Not Found`, { statusCode: 404 });
      });

      it('404 with a JSON body → NotFoundError wrapped, body kept', async () => {
        const body = { code: 404, message: 'Broadcast not found' };
        const { args } = await exchange(httpMethod, [404, body], (cb) => newOpenTok()[method](BROADCAST_ID, cb));
        expectError(args, OpenTok.NotFoundError, 'NotFoundError', `${wrap}Not Found`, { statusCode: 404, body });
      });

      it('403 → AuthError wrapped', async () => {
        const { args } = await exchange(httpMethod, [403, ''], (cb) => newOpenTok()[method](BROADCAST_ID, cb));
        expectError(args, OpenTok.AuthError, 'AuthError', `${wrap}Invalid API key or secret`, { statusCode: 403 });
      });

      it('401 → AuthError wrapped', async () => {
        const { args } = await exchange(httpMethod, [401, { message: 'nope' }], (cb) => newOpenTok()[method](BROADCAST_ID, cb));
        expectError(args, OpenTok.AuthError, 'AuthError', `${wrap}Invalid API key or secret`, {
          statusCode: 401,
          body: { message: 'nope' },
        });
      });

      it('409 → RequestError wrapped', async () => {
        const body = { message: 'Broadcast is not started' };
        const { args } = await exchange(httpMethod, [409, body], (cb) => newOpenTok()[method](BROADCAST_ID, cb));
        expectError(
          args,
          OpenTok.RequestError,
          'RequestError',
          `${wrap}Unexpected response from OpenTok: "{"message":"Broadcast is not started"}"`,
          { statusCode: 409, body },
        );
      });

      it('503 with an empty body → RequestError wrapped', async () => {
        const { args } = await exchange(httpMethod, [503, ''], (cb) => newOpenTok()[method](BROADCAST_ID, cb));
        expectError(args, OpenTok.RequestError, 'RequestError', `${wrap}Unexpected response from OpenTok: "{"message":""}"`, {
          statusCode: 503,
        });
      });

      it('a non-JSON 2xx text body → wrapped RequestError', async () => {
        const { args } = await exchange(httpMethod, [200, 'ok', TEXT_HEADERS], (cb) => newOpenTok()[method](BROADCAST_ID, cb));
        expectError(args, OpenTok.RequestError, 'RequestError', `${wrap}Unexpected response from OpenTok: "ok"`, {
          statusCode: 200,
          body: 'ok',
        });
      });

      it('an empty 2xx JSON body (null) → wrapped RequestError "…: null"', async () => {
        const { args } = await exchange(httpMethod, [200, '', JSON_HEADERS], (cb) => newOpenTok()[method](BROADCAST_ID, cb));
        expectError(args, OpenTok.RequestError, 'RequestError', `${wrap}Unexpected response from OpenTok: null`, { statusCode: 200 });
      });

      it('an empty 204 → wrapped RequestError "…: \\"\\""', async () => {
        const { args } = await exchange(httpMethod, [204, ''], (cb) => newOpenTok()[method](BROADCAST_ID, cb));
        expectError(args, OpenTok.RequestError, 'RequestError', `${wrap}Unexpected response from OpenTok: ""`, { statusCode: 204 });
      });

      it('a JSON scalar 2xx body (42) → wrapped RequestError', async () => {
        const { args } = await exchange(httpMethod, [200, '42', JSON_HEADERS], (cb) => newOpenTok()[method](BROADCAST_ID, cb));
        expectError(args, OpenTok.RequestError, 'RequestError', `${wrap}Unexpected response from OpenTok: 42`, {
          statusCode: 200,
          body: 42,
        });
      });

      it('unparseable JSON → wrapped RequestError with the SyntaxError as cause', async () => {
        const { args } = await exchange(httpMethod, [200, '{"id":', JSON_HEADERS], (cb) => newOpenTok()[method](BROADCAST_ID, cb));
        expect(args).to.have.length(1);
        const err = args[0];
        expect(err).to.be.an.instanceof(OpenTok.RequestError);
        expect(err.cause).to.be.an.instanceof(SyntaxError);
        expect(err.message).to.equal(wrap + err.cause.message);
        expect(err.statusCode).to.equal(200);
      });

      it('transport failure (closed local port) → RequestError wrapped, with cause and no statusCode', async () => {
        const { args, base, port } = await refusedCall((ot, cb) => ot[method](BROADCAST_ID, cb));
        const err = expectError(
          args,
          OpenTok.RequestError,
          'RequestError',
          `${wrap}request to ${base}${BROADCAST_PATH}/${BROADCAST_ID}${suffix} failed, reason: connect ECONNREFUSED 127.0.0.1:${port}`,
        );
        expect(err.cause).to.be.an.instanceof(Error);
        expect(err.cause.code).to.equal('ECONNREFUSED');
      });
    });
  }

  describe('listBroadcasts', () => {
    const listBody = () => ({
      count: 5,
      items: [
        broadcastJson({ id: 'first', partnerId: 1, event: 'broadcast' }),
        broadcastJson({ id: BROADCAST_ID, status: 'started', foo: 'bar' }),
      ],
    });

    it('throws "No callback given to listBroadcasts" without arguments', () =>
      expectThrowsNoRequest(() => newOpenTok().listBroadcasts(), 'No callback given to listBroadcasts'));

    it('throws with options but no callback', () =>
      expectThrowsNoRequest(() => newOpenTok().listBroadcasts({ count: 5 }), 'No callback given to listBroadcasts'));

    it('throws when the callback position holds a non-function', () =>
      expectThrowsNoRequest(() => newOpenTok().listBroadcasts({}, 'cb'), 'No callback given to listBroadcasts'));

    const queryCases = [
      ['no options (callback first)', undefined, ''],
      ['empty options', {}, ''],
      ['null options', null, ''],
      ['offset 0 omitted', { offset: 0 }, ''],
      ['falsy values omitted', { offset: 0, count: 0, sessionId: '' }, ''],
      ['count only', { count: 5 }, '?count=5'],
      ['offset only', { offset: 10 }, '?offset=10'],
      ['sessionId only', { sessionId: SESSION_ID }, `?sessionId=${SESSION_ID}`],
      ['all three, fixed order', { offset: 10, count: 5, sessionId: SESSION_ID }, `?offset=10&count=5&sessionId=${SESSION_ID}`],
      [
        'reverse insertion order is still offset, count, sessionId',
        { sessionId: SESSION_ID, count: 5, offset: 10 },
        `?offset=10&count=5&sessionId=${SESSION_ID}`,
      ],
      ['offset and count go through parseInt(…, 10)', { offset: '010', count: '1e2' }, '?offset=10&count=1'],
      ['non-integer numbers are truncated by parseInt', { offset: 2.9, count: '7abc' }, '?offset=2&count=7'],
      ['a truthy non-numeric count gives parseInt\'s NaN', { count: 'abc' }, '?count=NaN'],
      ['sessionId is inserted raw, not encoded', { sessionId: 'a~b=c+d/e' }, '?sessionId=a~b=c+d/e'],
      ['sessionId raw with a real session ID tail', { count: 1, sessionId: '2_MX4xMjM0NTZ-fn4=' }, '?count=1&sessionId=2_MX4xMjM0NTZ-fn4='],
      ['unknown keys ignored', { foo: 'bar', count: 2 }, '?count=2'],
    ];
    for (const [name, options, query] of queryCases) {
      it(`GETs P/broadcast${query || ' (no "?")'}: ${name}`, async () => {
        const invoke =
          name === 'no options (callback first)'
            ? (cb) => newOpenTok().listBroadcasts(cb)
            : (cb) => newOpenTok().listBroadcasts(options, cb);
        const { args, seen } = await exchange('GET', [200, { count: 0, items: [] }], invoke);
        expectNoBodyGet(seen, `${BROADCAST_PATH}${query}`);
        expect(args).to.have.length(3);
        expect(args[0]).to.equal(null);
        expect(args[1]).to.deep.equal([]);
        expect(args[2]).to.equal(0);
      });
    }

    it('does not modify the options object', async () => {
      const options = Object.freeze({ offset: '3', count: 5, sessionId: SESSION_ID });
      const { seen } = await exchange('GET', [200, { count: 0, items: [] }], (cb) => newOpenTok().listBroadcasts(options, cb));
      expect(seen.path).to.equal(`${BROADCAST_PATH}?offset=3&count=5&sessionId=${SESSION_ID}`);
      expect(options).to.deep.equal({ offset: '3', count: 5, sessionId: SESSION_ID });
    });

    it('success → (null, Broadcast[], totalCount) with exactly three arguments', async () => {
      const body = listBody();
      const { args } = await exchange('GET', [200, body], (cb) => newOpenTok().listBroadcasts(cb));
      expect(args).to.have.length(3);
      expect(args[0]).to.equal(null);
      expect(args[1]).to.be.an('array').with.length(2);
      expectBroadcast(args[1][0], body.items[0]);
      expectBroadcast(args[1][1], body.items[1]);
      expect(args[2]).to.equal(5);
    });

    it('items are the same Broadcast class as getBroadcast results', async () => {
      const listed = await exchange('GET', [200, listBody()], (cb) => newOpenTok().listBroadcasts(cb));
      const got = await exchange('GET', [200, broadcastJson()], (cb) => newOpenTok().getBroadcast(BROADCAST_ID, cb));
      expect(Object.getPrototypeOf(listed.args[1][0])).to.equal(Object.getPrototypeOf(got.args[1]));
    });

    for (const [name, body] of [
      ['missing', { items: [broadcastJson()] }],
      ['null', { count: null, items: [broadcastJson()] }],
      ['0', { count: 0, items: [broadcastJson()] }],
    ]) {
      it(`totalCount is 0 when body.count is ${name}`, async () => {
        const { args } = await exchange('GET', [200, body], (cb) => newOpenTok().listBroadcasts({}, cb));
        expect(args).to.have.length(3);
        expect(args[0]).to.equal(null);
        expect(args[1]).to.have.length(1);
        expect(args[2]).to.equal(0);
      });
    }

    it('listed broadcasts have a working stop()', async () => {
      const { args } = await exchange('GET', [200, listBody()], (cb) => newOpenTok().listBroadcasts(cb));
      const broadcast = args[1][1];
      const stopped = broadcastJson({ status: 'stopped' });
      const result = await exchange('POST', [200, stopped], (cb) => broadcast.stop(cb));
      expectJsonRequest(result.seen, 'POST', `${BROADCAST_PATH}/${BROADCAST_ID}/stop`, '{}');
      expectBroadcastResult(result.args, stopped);
    });

    it('2xx body without items → RequestError with the JSON body', async () => {
      const { args } = await exchange('GET', [200, { count: 1 }], (cb) => newOpenTok().listBroadcasts(cb));
      expectError(args, OpenTok.RequestError, 'RequestError', 'Unexpected response from OpenTok: {"count":1}', {
        statusCode: 200,
        body: { count: 1 },
      });
    });

    it('2xx body whose items is not an array → RequestError', async () => {
      const body = { count: 1, items: { id: 'x' } };
      const { args } = await exchange('GET', [200, body], (cb) => newOpenTok().listBroadcasts(cb));
      expectError(args, OpenTok.RequestError, 'RequestError', 'Unexpected response from OpenTok: {"count":1,"items":{"id":"x"}}', {
        statusCode: 200,
        body,
      });
    });

    it('2xx empty JSON body → RequestError "…: null"', async () => {
      const { args } = await exchange('GET', [200, '', JSON_HEADERS], (cb) => newOpenTok().listBroadcasts(cb));
      expectError(args, OpenTok.RequestError, 'RequestError', 'Unexpected response from OpenTok: null', { statusCode: 200 });
    });

    const errorCases = [
      ['401', [401, ''], OpenTok.AuthError, 'AuthError', 'Invalid API key or secret', { statusCode: 401 }],
      ['403', [403, { code: 403 }], OpenTok.AuthError, 'AuthError', 'Invalid API key or secret', { statusCode: 403, body: { code: 403 } }],
      ['404', [404, ''], OpenTok.NotFoundError, 'NotFoundError', 'Not Found', { statusCode: 404 }],
      [
        '500',
        [500, '{ "message" : "Some error." }', JSON_HEADERS],
        OpenTok.RequestError,
        'RequestError',
        'Unexpected response from OpenTok: "{"message":"Some error."}"',
        { statusCode: 500, body: { message: 'Some error.' } },
      ],
      [
        '502 plain text',
        [502, 'Bad Gateway', TEXT_HEADERS],
        OpenTok.RequestError,
        'RequestError',
        'Unexpected response from OpenTok: "{"message":"Bad Gateway"}"',
        { statusCode: 502, body: 'Bad Gateway' },
      ],
    ];
    for (const [name, reply, Ctor, className, message, props] of errorCases) {
      it(`${name} → ${className} "${message}" as the only argument (the mapped error), never a TypeError`, async () => {
        const { args } = await exchange('GET', reply, (cb) => newOpenTok().listBroadcasts({ count: 2 }, cb));
        expectError(args, Ctor, className, message, props);
      });
    }

    it('transport failure (closed local port) → RequestError with cause, one argument', async () => {
      const { args, base, port } = await refusedCall((ot, cb) => ot.listBroadcasts({ count: 2 }, cb));
      const err = expectError(
        args,
        OpenTok.RequestError,
        'RequestError',
        `request to ${base}${BROADCAST_PATH}?count=2 failed, reason: connect ECONNREFUSED 127.0.0.1:${port}`,
      );
      expect(err.cause.code).to.equal('ECONNREFUSED');
    });
  });

  describe('addBroadcastStream', () => {
    const STREAMS_PATH = `${BROADCAST_PATH}/${BROADCAST_ID}/streams`;

    describe('missing callback', () => {
      it('throws "No callback given to addBroadcastStream" without options or callback', () =>
        expectThrowsNoRequest(() => newOpenTok().addBroadcastStream(BROADCAST_ID, STREAM_ID), 'No callback given to addBroadcastStream'));

      it('throws with options but no callback', () =>
        expectThrowsNoRequest(
          () => newOpenTok().addBroadcastStream(BROADCAST_ID, STREAM_ID, { hasAudio: false }),
          'No callback given to addBroadcastStream',
        ));

      it('throws when the callback position holds a non-function', () =>
        expectThrowsNoRequest(
          () => newOpenTok().addBroadcastStream(BROADCAST_ID, STREAM_ID, {}, 'cb'),
          'No callback given to addBroadcastStream',
        ));

      it('checks the callback before the IDs', () =>
        expectThrowsNoRequest(() => newOpenTok().addBroadcastStream(), 'No callback given to addBroadcastStream'));
    });

    describe('validation (synchronous, one argument, no request)', () => {
      for (const value of NULL_OR_EMPTY) {
        it(`broadcastId ${label(value)} → "No broadcastId given to addBroadcastStream" (callback third)`, () =>
          expectSyncArgumentError(
            (cb) => newOpenTok().addBroadcastStream(value, STREAM_ID, cb),
            'No broadcastId given to addBroadcastStream',
          ));

        it(`broadcastId ${label(value)} → same error with options`, () =>
          expectSyncArgumentError(
            (cb) => newOpenTok().addBroadcastStream(value, STREAM_ID, { hasAudio: true }, cb),
            'No broadcastId given to addBroadcastStream',
          ));

        it(`streamId ${label(value)} → "No streamId given to addBroadcastStream"`, () =>
          expectSyncArgumentError(
            (cb) => newOpenTok().addBroadcastStream(BROADCAST_ID, value, cb),
            'No streamId given to addBroadcastStream',
          ));

        it(`streamId ${label(value)} → same error with options`, () =>
          expectSyncArgumentError(
            (cb) => newOpenTok().addBroadcastStream(BROADCAST_ID, value, {}, cb),
            'No streamId given to addBroadcastStream',
          ));
      }

      it('broadcastId is checked before streamId (one callback only)', () =>
        expectSyncArgumentError((cb) => newOpenTok().addBroadcastStream('', null, cb), 'No broadcastId given to addBroadcastStream'));
    });

    describe('request', () => {
      const S = STREAM_ID;
      const bodyCases = [
        ['no options (callback third)', 'shift', `{"addStream":"${S}","hasAudio":true,"hasVideo":true}`],
        ['empty options', {}, `{"addStream":"${S}","hasAudio":true,"hasVideo":true}`],
        ['null options', null, `{"addStream":"${S}","hasAudio":true,"hasVideo":true}`],
        ['undefined options', undefined, `{"addStream":"${S}","hasAudio":true,"hasVideo":true}`],
        ['hasAudio false honoured', { hasAudio: false }, `{"addStream":"${S}","hasAudio":false,"hasVideo":true}`],
        ['hasVideo false honoured', { hasVideo: false }, `{"addStream":"${S}","hasAudio":true,"hasVideo":false}`],
        ['both false', { hasVideo: false, hasAudio: false }, `{"addStream":"${S}","hasAudio":false,"hasVideo":false}`],
        ['falsy own keys (0, \'\') → false', { hasAudio: 0, hasVideo: '' }, `{"addStream":"${S}","hasAudio":false,"hasVideo":false}`],
        ['an own key holding undefined → Boolean(undefined) = false', { hasAudio: undefined }, `{"addStream":"${S}","hasAudio":false,"hasVideo":true}`],
        ['truthy non-booleans → true', { hasAudio: 'yes', hasVideo: 1 }, `{"addStream":"${S}","hasAudio":true,"hasVideo":true}`],
        ['inherited keys are not own → true', Object.create({ hasAudio: false, hasVideo: false }), `{"addStream":"${S}","hasAudio":true,"hasVideo":true}`],
        ['unknown option keys are not sent', { foo: 'bar', hasVideo: true }, `{"addStream":"${S}","hasAudio":true,"hasVideo":true}`],
      ];
      for (const [name, options, expectedBody] of bodyCases) {
        it(`PATCHes P/broadcast/{id}/streams with ${expectedBody}: ${name}`, async () => {
          const invoke =
            options === 'shift'
              ? (cb) => newOpenTok().addBroadcastStream(BROADCAST_ID, STREAM_ID, cb)
              : (cb) => newOpenTok().addBroadcastStream(BROADCAST_ID, STREAM_ID, options, cb);
          const { args, seen } = await exchange('PATCH', [204, ''], invoke);
          expectJsonRequest(seen, 'PATCH', STREAMS_PATH, expectedBody);
          expect(args).to.have.length(3);
          expect(args[0]).to.equal(null);
          expect(args[1]).to.equal('');
          expectResponse(args[2], 204);
        });
      }

      it('does not modify the options object (frozen options accepted)', async () => {
        const options = Object.freeze({ hasAudio: false });
        const { seen } = await exchange('PATCH', [204, ''], (cb) =>
          newOpenTok().addBroadcastStream(BROADCAST_ID, STREAM_ID, options, cb),
        );
        expect(seen.body).to.equal(`{"addStream":"${STREAM_ID}","hasAudio":false,"hasVideo":true}`);
        expect(options).to.deep.equal({ hasAudio: false });
      });
    });
  });

  describe('removeBroadcastStream', () => {
    const STREAMS_PATH = `${BROADCAST_PATH}/${BROADCAST_ID}/streams`;

    it('throws "No callback given to removeBroadcastStream" without a callback', () =>
      expectThrowsNoRequest(
        () => newOpenTok().removeBroadcastStream(BROADCAST_ID, STREAM_ID),
        'No callback given to removeBroadcastStream',
      ));

    it('does not shift: an options object in the callback position throws', () =>
      expectThrowsNoRequest(
        () => newOpenTok().removeBroadcastStream(BROADCAST_ID, STREAM_ID, {}),
        'No callback given to removeBroadcastStream',
      ));

    it('checks the callback before the IDs', () =>
      expectThrowsNoRequest(() => newOpenTok().removeBroadcastStream(), 'No callback given to removeBroadcastStream'));

    for (const value of NULL_OR_EMPTY) {
      it(`broadcastId ${label(value)} → "No broadcastId provided"`, () =>
        expectSyncArgumentError((cb) => newOpenTok().removeBroadcastStream(value, STREAM_ID, cb), 'No broadcastId provided'));

      it(`streamId ${label(value)} → "No streamId provided"`, () =>
        expectSyncArgumentError((cb) => newOpenTok().removeBroadcastStream(BROADCAST_ID, value, cb), 'No streamId provided'));
    }

    it('broadcastId is checked before streamId (one callback only)', () =>
      expectSyncArgumentError((cb) => newOpenTok().removeBroadcastStream(null, '', cb), 'No broadcastId provided'));

    it('PATCHes P/broadcast/{id}/streams with {"removeStream":S}; 204 → (null, \'\', response)', async () => {
      const { args, seen } = await exchange('PATCH', [204, ''], (cb) => newOpenTok().removeBroadcastStream(BROADCAST_ID, STREAM_ID, cb));
      expectJsonRequest(seen, 'PATCH', STREAMS_PATH, `{"removeStream":"${STREAM_ID}"}`);
      expect(args).to.have.length(3);
      expect(args[0]).to.equal(null);
      expect(args[1]).to.equal('');
      expectResponse(args[2], 204);
    });
  });

  describe('add/removeBroadcastStream pass-through callbacks', () => {
    const methods = [
      ['addBroadcastStream', (ot, cb) => ot.addBroadcastStream(BROADCAST_ID, STREAM_ID, cb)],
      ['addBroadcastStream with options', (ot, cb) => ot.addBroadcastStream(BROADCAST_ID, STREAM_ID, { hasVideo: false }, cb)],
      ['removeBroadcastStream', (ot, cb) => ot.removeBroadcastStream(BROADCAST_ID, STREAM_ID, cb)],
    ];
    for (const [name, invoke] of methods) {
      it(`${name}: 200 JSON → (null, parsed body, response)`, async () => {
        const { args } = await exchange('PATCH', [200, { ok: true }], (cb) => invoke(newOpenTok(), cb));
        expect(args).to.have.length(3);
        expect(args[0]).to.equal(null);
        expect(args[1]).to.deep.equal({ ok: true });
        expectResponse(args[2], 200);
      });

      it(`${name}: 200 with an empty JSON body → (null, null, response)`, async () => {
        const { args } = await exchange('PATCH', [200, '', JSON_HEADERS], (cb) => invoke(newOpenTok(), cb));
        expect(args).to.have.length(3);
        expect(args[0]).to.equal(null);
        expect(args[1]).to.equal(null);
        expectResponse(args[2], 200);
      });

      it(`${name}: 204 → response headers readable case-insensitively`, async () => {
        const { args } = await exchange('PATCH', [204, '', { 'X-Custom-Header': 'v1' }], (cb) => invoke(newOpenTok(), cb));
        expect(args).to.have.length(3);
        expect(args[2].headers.get('x-custom-header')).to.equal('v1');
        expect(args[2].headers.get('X-CUSTOM-HEADER')).to.equal('v1');
      });

      it(`${name}: 404 → (NotFoundError, null, response)`, async () => {
        const { args } = await exchange('PATCH', [404, { message: 'Broadcast not found' }], (cb) => invoke(newOpenTok(), cb));
        expect(args).to.have.length(3);
        expect(args[0]).to.be.an.instanceof(OpenTok.NotFoundError);
        expect(args[0].name).to.equal('NotFoundError');
        expect(args[0].message).to.equal('Not Found');
        expect(args[0].statusCode).to.equal(404);
        expect(args[1]).to.equal(null);
        expectResponse(args[2], 404);
      });

      it(`${name}: 403 → (AuthError, null, response)`, async () => {
        const { args } = await exchange('PATCH', [403, { code: 403 }], (cb) => invoke(newOpenTok(), cb));
        expect(args).to.have.length(3);
        expect(args[0]).to.be.an.instanceof(OpenTok.AuthError);
        expect(args[0].message).to.equal('Invalid API key or secret');
        expect(args[0].statusCode).to.equal(403);
        expect(args[1]).to.equal(null);
        expectResponse(args[2], 403);
      });

      it(`${name}: 500 → (RequestError, parsed body, response)`, async () => {
        const { args } = await exchange('PATCH', [500, '{ "message" : "Some error." }', JSON_HEADERS], (cb) => invoke(newOpenTok(), cb));
        expect(args).to.have.length(3);
        expect(args[0]).to.be.an.instanceof(OpenTok.RequestError);
        expect(args[0].name).to.equal('RequestError');
        expect(args[0].message).to.equal('Unexpected response from OpenTok: "{"message":"Some error."}"');
        expect(args[0].statusCode).to.equal(500);
        expect(args[0].body).to.deep.equal({ message: 'Some error.' });
        expect(args[1]).to.deep.equal({ message: 'Some error.' });
        expectResponse(args[2], 500);
      });

      it(`${name}: 400 → generic (RequestError, parsed body, response)`, async () => {
        const body = { code: 400, message: 'stream mode is not manual' };
        const { args } = await exchange('PATCH', [400, body], (cb) => invoke(newOpenTok(), cb));
        expect(args).to.have.length(3);
        expect(args[0]).to.be.an.instanceof(OpenTok.RequestError);
        expect(args[0].message).to.equal('Unexpected response from OpenTok: "{"message":"stream mode is not manual"}"');
        expect(args[1]).to.deep.equal(body);
        expectResponse(args[2], 400);
      });

      it(`${name}: unparseable JSON → (RequestError, null, null)`, async () => {
        const { args } = await exchange('PATCH', [200, '{"x":', JSON_HEADERS], (cb) => invoke(newOpenTok(), cb));
        expect(args).to.have.length(3);
        expect(args[0]).to.be.an.instanceof(OpenTok.RequestError);
        expect(args[0].cause).to.be.an.instanceof(SyntaxError);
        expect(args[1]).to.equal(null);
        expect(args[2]).to.equal(null);
      });

      it(`${name}: transport failure (closed local port) → (RequestError, null, null)`, async () => {
        const { args, base, port } = await refusedCall(invoke);
        expect(args).to.have.length(3);
        const [err] = args;
        expect(err).to.be.an.instanceof(OpenTok.RequestError);
        expect(err.message).to.equal(
          `request to ${base}${BROADCAST_PATH}/${BROADCAST_ID}/streams failed, reason: connect ECONNREFUSED 127.0.0.1:${port}`,
        );
        expect(err.cause.code).to.equal('ECONNREFUSED');
        expect(err.statusCode).to.equal(undefined);
        expect(args[1]).to.equal(null);
        expect(args[2]).to.equal(null);
      });
    }
  });

  describe('Broadcast object', () => {
    const fullJson = broadcastJson({
      partnerId: 123456,
      event: 'broadcast',
      multiBroadcastTag: undefined,
      streamMode: 'manual',
      streams: [{ streamId: 's1', hasAudio: true, hasVideo: false }],
      unknownKey: { nested: [1, { two: 2 }] },
      nullKey: null,
    });
    delete fullJson.multiBroadcastTag;

    it('copies every own key except event and partnerId, and nothing else (from an object)', async () => {
      const { args } = await exchange('GET', [200, fullJson], (cb) => newOpenTok().getBroadcast(BROADCAST_ID, cb));
      const broadcast = expectBroadcastResult(args, fullJson);
      expect(broadcast.nullKey).to.equal(null);
      expect(Object.keys(broadcast)).to.not.include('event');
      expect(Object.keys(broadcast)).to.not.include('partnerId');
    });

    it('is built from a JSON string as well (text/plain body)', async () => {
      const { args } = await exchange('GET', [200, JSON.stringify(fullJson), TEXT_HEADERS], (cb) =>
        newOpenTok().getBroadcast(BROADCAST_ID, cb),
      );
      expectBroadcastResult(args, fullJson);
    });

    it('a "__proto__" key in the response does not change the prototype', async () => {
      const reference = (await exchange('GET', [200, broadcastJson()], (cb) => newOpenTok().getBroadcast(UUID, cb))).args[1];
      const raw = `{"id":"${UUID}","status":"started","__proto__":{"stop":"nope","polluted":true}}`;
      const { args } = await exchange('GET', [200, raw, JSON_HEADERS], (cb) => newOpenTok().getBroadcast(UUID, cb));
      expect(args).to.have.length(2);
      const broadcast = args[1];
      expect(Object.getPrototypeOf(broadcast)).to.equal(Object.getPrototypeOf(reference));
      expect(broadcast.stop).to.be.a('function');
      expect(broadcast.polluted).to.equal(undefined);
      expect({}.polluted).to.equal(undefined);
      expect(broadcast.id).to.equal(UUID);

      const stopped = await exchange('POST', [200, broadcastJson({ id: UUID, status: 'stopped' })], (cb) => broadcast.stop(cb));
      expectJsonRequest(stopped.seen, 'POST', `${BROADCAST_PATH}/${UUID}/stop`, '{}');
      expectBroadcastResult(stopped.args, broadcastJson({ id: UUID, status: 'stopped' }));
    });

    const sources = [
      ['startBroadcast', 'POST', (ot, cb) => ot.startBroadcast(SESSION_ID, HLS_OPTIONS(), cb), broadcastJson()],
      ['stopBroadcast', 'POST', (ot, cb) => ot.stopBroadcast(BROADCAST_ID, cb), broadcastJson({ status: 'stopped' })],
      ['getBroadcast', 'GET', (ot, cb) => ot.getBroadcast(BROADCAST_ID, cb), broadcastJson({ partnerId: 9, event: 'e' })],
      [
        'listBroadcasts',
        'GET',
        (ot, cb) => ot.listBroadcasts((err, broadcasts, total) => cb(err, broadcasts && broadcasts[0], total)),
        { count: 1, items: [broadcastJson()] },
      ],
    ];
    for (const [source, httpMethod, obtain, reply] of sources) {
      const fetchBroadcast = async () => {
        const { args } = await exchange(httpMethod, [200, reply], (cb) => obtain(newOpenTok(), cb));
        expect(args[0]).to.equal(null);
        expect(args[1].id).to.equal(BROADCAST_ID);
        return args[1];
      };

      it(`broadcast.stop(cb) ≡ stopBroadcast(id) on a broadcast from ${source}; success yields a new Broadcast`, async () => {
        const broadcast = await fetchBroadcast();
        const stopped = broadcastJson({ status: 'stopped', updatedAt: 1437676999999, partnerId: 1 });
        const { args, seen } = await exchange('POST', [200, stopped], (cb) => broadcast.stop(cb));
        expectJsonRequest(seen, 'POST', `${BROADCAST_PATH}/${BROADCAST_ID}/stop`, '{}');
        const result = expectBroadcastResult(args, stopped);
        expect(result).to.not.equal(broadcast);
        expect(Object.getPrototypeOf(result)).to.equal(Object.getPrototypeOf(broadcast));
        expect(result.updatedAt).to.equal(1437676999999);
        expect(broadcast.updatedAt).to.not.equal(1437676999999);
      });

      it(`broadcast.stop on a broadcast from ${source}: 404 → a single "${STOP_WRAP}Not Found" wrapping`, async () => {
        const broadcast = await fetchBroadcast();
        const { args } = await exchange('POST', [404, ''], (cb) => broadcast.stop(cb));
        expectError(args, OpenTok.NotFoundError, 'NotFoundError', `${STOP_WRAP}Not Found`, { statusCode: 404 });
      });
    }

    it('broadcast.stop maps other errors with one wrapping (500 → RequestError, 403 → AuthError)', async () => {
      const broadcast = (await exchange('GET', [200, broadcastJson()], (cb) => newOpenTok().getBroadcast(BROADCAST_ID, cb))).args[1];
      const server = await exchange('POST', [500, { message: 'boom' }], (cb) => broadcast.stop(cb));
      expectError(server.args, OpenTok.RequestError, 'RequestError', `${STOP_WRAP}Unexpected response from OpenTok: "{"message":"boom"}"`, {
        statusCode: 500,
        body: { message: 'boom' },
      });
      const auth = await exchange('POST', [403, ''], (cb) => broadcast.stop(cb));
      expectError(auth.args, OpenTok.AuthError, 'AuthError', `${STOP_WRAP}Invalid API key or secret`, { statusCode: 403 });
    });

    it('broadcast.stop without a callback throws "No callback given to stopBroadcast"', async () => {
      const broadcast = (await exchange('GET', [200, broadcastJson()], (cb) => newOpenTok().getBroadcast(BROADCAST_ID, cb))).args[1];
      await expectThrowsNoRequest(() => broadcast.stop(), 'No callback given to stopBroadcast');
    });

    it('broadcast.stop on a broadcast without an id → "No broadcast ID given" (same validation)', async () => {
      const json = { status: 'started', sessionId: SESSION_ID };
      const { args } = await exchange('GET', [200, json], (cb) => newOpenTok().getBroadcast(BROADCAST_ID, cb));
      const broadcast = expectBroadcastResult(args, json);
      await expectSyncArgumentError((cb) => broadcast.stop(cb), 'No broadcast ID given');
    });

    it('broadcasts are bound to the OpenTok instance that produced them (its key, secret and base URL)', async () => {
      const otherKey = '654321';
      const otherSecret = 'fedcba0987654321fedcba0987654321fedcba09';
      const otherUrl = 'https://other.example.com';
      const ot = new OpenTok(otherKey, otherSecret, otherUrl);
      nock(otherUrl).get(`/v2/project/${otherKey}/broadcast/${UUID}`).reply(200, broadcastJson({ id: UUID }));
      const got = await callbackArgs((cb) => ot.getBroadcast(UUID, cb));
      expect(got[0]).to.equal(null);
      let headers;
      let body;
      const scope = nock(otherUrl)
        .post(`/v2/project/${otherKey}/broadcast/${UUID}/stop`)
        .reply(function () {
          headers = this.req.headers;
          return [200, broadcastJson({ id: UUID, status: 'stopped' })];
        });
      scope.on('request', (req, interceptor, requestBody) => {
        body = requestBody;
      });
      const args = await callbackArgs((cb) => got[1].stop(cb));
      expect(args[0]).to.equal(null);
      expect(args[1].status).to.equal('stopped');
      expect(body).to.equal('{}');
      expectAuthHeaders(headers, { apiKey: otherKey, secret: otherSecret });
    });
  });
});
