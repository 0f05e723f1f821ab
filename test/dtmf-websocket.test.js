'use strict';
// playDTMF and websocketConnect (audio connector), with the generic status mapping (401/403 →
// AuthError, 404 → NotFoundError, any other non-2xx → RequestError), transport failures and the
// websocketConnect error wrapping ('Error connecting to websocket: <inner message>').
const { expect } = require('chai');
const OpenTok = require('opentok');
const {
  API_URL,
  PROJECT_PATH,
  SESSION_ID,
  useNock,
} = require('./helpers');

const CONNECTION_ID = '7aebb3a4-3d86-4962-b317-afb73e05439d';
const TOKEN = 'T1==cGFydG5lcl9pZD0xMjM0NTYmc2lnPWFiYw==';
const WEBSOCKET_URI = 'wss://service.example.com/socket';
const FALSY_VALUES = ['', null, undefined, 0, false, NaN];
const NON_STRING_TRUTHY = [42, true, {}, ['a'], () => 'x'];
const JSON_HEADERS = { 'Content-Type': 'application/json' };
const TEXT_HEADERS = { 'Content-Type': 'text/plain' };
const CALLBACK_MESSAGE = 'Invalid arguments -- must provide a callback function.';
const SESSION_ID_MESSAGE = 'Invalid arguments -- must provide a sessionId string.';
const CONNECTION_ID_MESSAGE = 'Invalid arguments -- connectionId must be a string.';
const SESSION_DTMF_PATH = `${PROJECT_PATH}/session/${SESSION_ID}/play-dtmf`;
const CONNECTION_DTMF_PATH = `${PROJECT_PATH}/session/${SESSION_ID}/connection/${CONNECTION_ID}/play-dtmf`;
const CONNECT_PATH = `${PROJECT_PATH}/connect`;
const WS_PREFIX = 'Error connecting to websocket: ';

const {
  newOpenTok,
  show,
  syntaxErrorMessage,
  exchange,
  failedExchange,
  expectError,
  expectTransportError,
  expectThrowsNoRequest,
  expectSyncValidation,
  expectJsonRequest,
} = require('./support/wire-harness');


function expectDone(args) {
  expect(args, 'callback arguments').to.have.length(1);
  expect(args[0]).to.equal(null);
}

/** Generic status mapping: [label, reply, class, inner message, error properties]. */
const GENERIC_STATUSES = [
  ['401', [401, ''], 'AuthError', 'Invalid API key or secret', { statusCode: 401 }],
  ['403 with a JSON body', [403, { code: 403 }], 'AuthError', 'Invalid API key or secret', { statusCode: 403, body: { code: 403 } }],
  ['404', [404, ''], 'NotFoundError', 'Not Found', { statusCode: 404 }],
  [
    '400 JSON',
    [400, { code: 400, message: 'Invalid digits' }],
    'RequestError',
    'Unexpected response from OpenTok: "{"message":"Invalid digits"}"',
    { statusCode: 400, body: { code: 400, message: 'Invalid digits' } },
  ],
  [
    '500 JSON { "message" : "Some error." }',
    [500, '{ "message" : "Some error." }', JSON_HEADERS],
    'RequestError',
    'Unexpected response from OpenTok: "{"message":"Some error."}"',
    { statusCode: 500, body: { message: 'Some error.' } },
  ],
  ['503 non-JSON empty body', [503, ''], 'RequestError', 'Unexpected response from OpenTok: "{"message":""}"', { statusCode: 503 }],
  [
    '502 text body',
    [502, 'Bad Gateway', TEXT_HEADERS],
    'RequestError',
    'Unexpected response from OpenTok: "{"message":"Bad Gateway"}"',
    { statusCode: 502, body: 'Bad Gateway' },
  ],
  [
    '500 application/json with an empty body (read as message "")',
    [500, '', JSON_HEADERS],
    'RequestError',
    'Unexpected response from OpenTok: "{"message":""}"',
    { statusCode: 500 },
  ],
];

describe('playDTMF', () => {
  useNock();

  describe('missing callback', () => {
    const cases = [
      ['no callback', [SESSION_ID, CONNECTION_ID, '1713']],
      ['no callback, null connectionId', [SESSION_ID, null, '1713']],
      ['a non-function callback', [SESSION_ID, CONNECTION_ID, '1713', 'cb']],
      ['an object callback', [SESSION_ID, null, '1713', {}]],
      ['a callback in the digits position (connectionId is positional)', [SESSION_ID, null, () => {}]],
      ['invalid arguments too (callback is checked first)', [null, 42]],
    ];
    for (const [label, callArgs] of cases) {
      it(`throws ArgumentError('${CALLBACK_MESSAGE}') for ${label}`, () =>
        expectThrowsNoRequest(() => newOpenTok().playDTMF(...callArgs)));
    }
  });

  describe('validation (plain Error, synchronous, no request)', () => {
    for (const value of [...FALSY_VALUES, ...NON_STRING_TRUTHY]) {
      it(`sessionId ${show(value)} → "${SESSION_ID_MESSAGE}"`, () =>
        expectSyncValidation((cb) => newOpenTok().playDTMF(value, CONNECTION_ID, '1713', cb), SESSION_ID_MESSAGE));
    }
    for (const value of NON_STRING_TRUTHY) {
      it(`connectionId ${show(value)} → "${CONNECTION_ID_MESSAGE}"`, () =>
        expectSyncValidation((cb) => newOpenTok().playDTMF(SESSION_ID, value, '1713', cb), CONNECTION_ID_MESSAGE));
    }
    it('checks sessionId before connectionId', () =>
      expectSyncValidation((cb) => newOpenTok().playDTMF(undefined, 42, '1713', cb), SESSION_ID_MESSAGE));

    it('lets an exception of the validation callback propagate out of the call', () => {
      const boom = new Error('boom');
      let calls = 0;
      expect(() =>
        newOpenTok().playDTMF(SESSION_ID, 42, '1', () => {
          calls += 1;
          throw boom;
        }),
      ).to.throw(boom);
      expect(calls).to.equal(1);
    });
  });

  describe('request', () => {
    it('POSTs P/session/{sid}/connection/{cid}/play-dtmf with {"digits":"1713"} when connectionId is given', async () => {
      const { args, seen } = await exchange('POST', [200, ''], (cb) => newOpenTok().playDTMF(SESSION_ID, CONNECTION_ID, '1713', cb));
      expectJsonRequest(seen, 'POST', CONNECTION_DTMF_PATH, '{"digits":"1713"}');
      expectDone(args);
    });

    for (const value of FALSY_VALUES) {
      it(`POSTs P/session/{sid}/play-dtmf with {"digits":"1713"} for connectionId ${show(value)}`, async () => {
        const { args, seen } = await exchange('POST', [200, ''], (cb) => newOpenTok().playDTMF(SESSION_ID, value, '1713', cb));
        expectJsonRequest(seen, 'POST', SESSION_DTMF_PATH, '{"digits":"1713"}');
        expectDone(args);
      });
    }

    const digitCases = [
      ['all allowed characters', '0123456789*#p', '{"digits":"0123456789*#p"}'],
      ['characters the service would refuse', 'abc!', '{"digits":"abc!"}'],
      ['an empty string', '', '{"digits":""}'],
      ['a number', 1713, '{"digits":1713}'],
      ['null', null, '{"digits":null}'],
      ['undefined (dropped by JSON.stringify)', undefined, '{}'],
      ['an array', ['1', '2'], '{"digits":["1","2"]}'],
    ];
    for (const [label, digits, body] of digitCases) {
      it(`does not validate digits: ${label} → ${body}`, async () => {
        const { args, seen } = await exchange('POST', [200, ''], (cb) => newOpenTok().playDTMF(SESSION_ID, CONNECTION_ID, digits, cb));
        expectJsonRequest(seen, 'POST', CONNECTION_DTMF_PATH, body);
        expectDone(args);
      });
    }
  });

  describe('success → callback(null) with one argument', () => {
    const replies = [
      ['200 with an empty body', [200, '']],
      ['200 with a JSON body', [200, { status: 'ok' }]],
      ['204', [204, '']],
    ];
    for (const [label, reply] of replies) {
      it(label, async () => {
        const { args } = await exchange('POST', reply, (cb) => newOpenTok().playDTMF(SESSION_ID, null, '1', cb));
        expectDone(args);
      });
    }
  });

  describe('errors → callback(err) with one argument', () => {
    const targets = [
      ['session', null, SESSION_DTMF_PATH],
      ['connection', CONNECTION_ID, CONNECTION_DTMF_PATH],
    ];
    for (const [target, connectionId, path] of targets) {
      for (const [label, reply, className, message, props] of GENERIC_STATUSES) {
        it(`${target}: ${label} → ${className}`, async () => {
          const { args, seen } = await exchange('POST', reply, (cb) => newOpenTok().playDTMF(SESSION_ID, connectionId, '1713', cb));
          expect(seen.path).to.equal(path);
          expectError(args, className, message, props);
        });
      }

      it(`${target}: a network error → RequestError with cause and no statusCode`, async () => {
        const { args } = await failedExchange('POST', (cb) => newOpenTok().playDTMF(SESSION_ID, connectionId, '1713', cb));
        expect(args, 'callback arguments').to.have.length(1);
        expectTransportError(args[0], path);
      });
    }

    it('an unparseable JSON body → RequestError with a SyntaxError cause and statusCode', async () => {
      const { args } = await exchange('POST', [200, '{"x":', JSON_HEADERS], (cb) => newOpenTok().playDTMF(SESSION_ID, null, '1', cb));
      expect(args, 'callback arguments').to.have.length(1);
      expect(args[0]).to.be.an.instanceof(OpenTok.RequestError);
      expect(args[0].cause).to.be.an.instanceof(SyntaxError);
      expect(args[0].message).to.equal(syntaxErrorMessage('{"x":'));
      expect(args[0].statusCode).to.equal(200);
    });
  });
});

describe('websocketConnect', () => {
  useNock();
  const WS_CALLBACK_MESSAGE = 'No callback given to websocketConnect';
  const RESPONSE = { id: 'b0a5a8c7-dc38-459f-a48d-a7f2008da853', connectionId: 'e9f8c166-6c67-440d-994a-04fb6dfed007' };
  const baseBody = (websocket) =>
    `{"sessionId":"${SESSION_ID}","token":"${TOKEN}","websocket":${websocket}}`;

  describe('missing callback', () => {
    const cases = [
      ['no options and no callback', [SESSION_ID, TOKEN, WEBSOCKET_URI]],
      ['options and no callback', [SESSION_ID, TOKEN, WEBSOCKET_URI, { streams: ['a'] }]],
      ['null options and no callback', [SESSION_ID, TOKEN, WEBSOCKET_URI, null]],
      ['a non-function callback', [SESSION_ID, TOKEN, WEBSOCKET_URI, {}, 'cb']],
      ['null options and a null callback', [SESSION_ID, TOKEN, WEBSOCKET_URI, null, null]],
      ['invalid arguments too (callback is checked first)', [null, null, null]],
    ];
    for (const [label, callArgs] of cases) {
      it(`throws ArgumentError('${WS_CALLBACK_MESSAGE}') for ${label}`, () =>
        expectThrowsNoRequest(() => newOpenTok().websocketConnect(...callArgs), WS_CALLBACK_MESSAGE));
    }
  });

  describe('validation (plain Error, synchronous, no request)', () => {
    const EMPTY_VALUES = [null, undefined, '', []];
    const positions = [
      ['sessionId', 0, 'No sessionId given to websocketConnect'],
      ['token', 1, 'No token given to websocketConnect'],
      ['websocketUri', 2, 'No websocketUri given to websocketConnect'],
    ];
    for (const [name, index, message] of positions) {
      for (const value of EMPTY_VALUES) {
        const callArgs = [SESSION_ID, TOKEN, WEBSOCKET_URI];
        callArgs[index] = value;
        it(`${name} ${show(value)} → "${message}" (callback fourth)`, () =>
          expectSyncValidation((cb) => newOpenTok().websocketConnect(...callArgs, cb), message));

        it(`${name} ${show(value)} → "${message}" (with options)`, () =>
          expectSyncValidation((cb) => newOpenTok().websocketConnect(...callArgs, { streams: ['a'] }, cb), message));
      }
    }

    it('checks sessionId first', () =>
      expectSyncValidation((cb) => newOpenTok().websocketConnect(null, null, null, cb), 'No sessionId given to websocketConnect'));

    it('checks token before websocketUri', () =>
      expectSyncValidation((cb) => newOpenTok().websocketConnect(SESSION_ID, '', '', cb), 'No token given to websocketConnect'));

    it('lets an exception of the validation callback propagate out of the call', () => {
      const boom = new Error('boom');
      let calls = 0;
      expect(() =>
        newOpenTok().websocketConnect(SESSION_ID, TOKEN, '', null, () => {
          calls += 1;
          throw boom;
        }),
      ).to.throw(boom);
      expect(calls).to.equal(1);
    });
  });

  describe('request', () => {
    const bodyCases = [
      ['callback fourth (no options)', 'none', `{"uri":"${WEBSOCKET_URI}"}`],
      ['null options', null, `{"uri":"${WEBSOCKET_URI}"}`],
      ['undefined options', undefined, `{"uri":"${WEBSOCKET_URI}"}`],
      ['empty options', {}, `{"uri":"${WEBSOCKET_URI}"}`],
      ['streams array', { streams: ['s1', 's2'] }, `{"uri":"${WEBSOCKET_URI}","streams":["s1","s2"]}`],
      ['empty streams array', { streams: [] }, `{"uri":"${WEBSOCKET_URI}","streams":[]}`],
      ['streams not an array (string) is ignored', { streams: 's1' }, `{"uri":"${WEBSOCKET_URI}"}`],
      ['streams not an array (object) is ignored', { streams: { 0: 's1' } }, `{"uri":"${WEBSOCKET_URI}"}`],
      ['headers object', { headers: { 'X-Custom': 'v', n: 1 } }, `{"uri":"${WEBSOCKET_URI}","headers":{"X-Custom":"v","n":1}}`],
      ['headers array (any object is sent)', { headers: ['a', 'b'] }, `{"uri":"${WEBSOCKET_URI}","headers":["a","b"]}`],
      ['empty headers object', { headers: {} }, `{"uri":"${WEBSOCKET_URI}","headers":{}}`],
      ['headers string is ignored', { headers: 'X: y' }, `{"uri":"${WEBSOCKET_URI}"}`],
      ['headers null is ignored', { headers: null }, `{"uri":"${WEBSOCKET_URI}"}`],
      ['bidirectional true', { bidirectional: true }, `{"uri":"${WEBSOCKET_URI}","bidirectional":true}`],
      ["bidirectional 'yes' copied as is", { bidirectional: 'yes' }, `{"uri":"${WEBSOCKET_URI}","bidirectional":"yes"}`],
      ['bidirectional 1 copied as is', { bidirectional: 1 }, `{"uri":"${WEBSOCKET_URI}","bidirectional":1}`],
      ['bidirectional false omitted', { bidirectional: false }, `{"uri":"${WEBSOCKET_URI}"}`],
      ['bidirectional 0 omitted', { bidirectional: 0 }, `{"uri":"${WEBSOCKET_URI}"}`],
      ["bidirectional '' omitted", { bidirectional: '' }, `{"uri":"${WEBSOCKET_URI}"}`],
      ['audioRate and unknown keys ignored', { audioRate: 16000, uri: 'wss://other', foo: 'bar' }, `{"uri":"${WEBSOCKET_URI}"}`],
      [
        'every option, in reverse order: fixed order uri, streams, headers, bidirectional',
        { audioRate: 8000, bidirectional: true, headers: { a: 'b' }, streams: ['s1'] },
        `{"uri":"${WEBSOCKET_URI}","streams":["s1"],"headers":{"a":"b"},"bidirectional":true}`,
      ],
    ];
    for (const [label, options, websocket] of bodyCases) {
      it(`POSTs P/connect with websocket ${websocket}: ${label}`, async () => {
        const invoke =
          options === 'none'
            ? (cb) => newOpenTok().websocketConnect(SESSION_ID, TOKEN, WEBSOCKET_URI, cb)
            : (cb) => newOpenTok().websocketConnect(SESSION_ID, TOKEN, WEBSOCKET_URI, options, cb);
        const { args, seen } = await exchange('POST', [200, RESPONSE], invoke);
        expectJsonRequest(seen, 'POST', CONNECT_PATH, baseBody(websocket));
        expect(args[0]).to.equal(null);
      });
    }

    it('validation is a null/empty check only: a non-empty non-string token is sent as given', async () => {
      const { seen } = await exchange('POST', [200, RESPONSE], (cb) =>
        newOpenTok().websocketConnect(SESSION_ID, 12345, WEBSOCKET_URI, cb),
      );
      expectJsonRequest(seen, 'POST', CONNECT_PATH, `{"sessionId":"${SESSION_ID}","token":12345,"websocket":{"uri":"${WEBSOCKET_URI}"}}`);
    });

    it('does not modify frozen options or their arrays and objects', async () => {
      const streams = Object.freeze(['s1']);
      const headers = Object.freeze({ a: 'b' });
      const options = Object.freeze({ streams, headers, bidirectional: true, audioRate: 16000 });
      const { args, seen } = await exchange('POST', [200, RESPONSE], (cb) =>
        newOpenTok().websocketConnect(SESSION_ID, TOKEN, WEBSOCKET_URI, options, cb),
      );
      expectJsonRequest(
        seen,
        'POST',
        CONNECT_PATH,
        baseBody(`{"uri":"${WEBSOCKET_URI}","streams":["s1"],"headers":{"a":"b"},"bidirectional":true}`),
      );
      expect(args[0]).to.equal(null);
      expect(Object.keys(options)).to.deep.equal(['streams', 'headers', 'bidirectional', 'audioRate']);
      expect(options.streams).to.equal(streams);
      expect(options.headers).to.equal(headers);
      expect(streams).to.deep.equal(['s1']);
      expect(headers).to.deep.equal({ a: 'b' });
    });
  });

  describe('success', () => {
    it('→ (null, body) with exactly two arguments, the parsed JSON {id, connectionId}', async () => {
      const { args } = await exchange('POST', [200, RESPONSE], (cb) =>
        newOpenTok().websocketConnect(SESSION_ID, TOKEN, WEBSOCKET_URI, { streams: ['s1'] }, cb),
      );
      expect(args, 'callback arguments').to.have.length(2);
      expect(args[0]).to.equal(null);
      expect(args[1]).to.deep.equal(RESPONSE);
      expect(Object.keys(args[1])).to.deep.equal(['id', 'connectionId']);
    });

    it('passes extra response keys through unchanged', async () => {
      const body = { ...RESPONSE, streamId: 'x', foo: { bar: [1] } };
      const { args } = await exchange('POST', [200, body], (cb) => newOpenTok().websocketConnect(SESSION_ID, TOKEN, WEBSOCKET_URI, cb));
      expect(args).to.have.length(2);
      expect(args[0]).to.equal(null);
      expect(args[1]).to.deep.equal(body);
    });
  });

  describe("errors → callback(err) wrapped as 'Error connecting to websocket: <inner>'", () => {
    for (const [label, reply, className, message, props] of GENERIC_STATUSES) {
      it(`${label} → ${className} '${WS_PREFIX}${message}'`, async () => {
        const { args, seen } = await exchange('POST', reply, (cb) =>
          newOpenTok().websocketConnect(SESSION_ID, TOKEN, WEBSOCKET_URI, {}, cb),
        );
        expect(seen.path).to.equal(CONNECT_PATH);
        const err = expectError(args, className, `${WS_PREFIX}${message}`, props);
        expect(err.message).to.not.contain('Error: ');
      });
    }

    it("403 → AuthError 'Error connecting to websocket: Invalid API key or secret' with statusCode 403", async () => {
      const { args } = await exchange('POST', [403, ''], (cb) => newOpenTok().websocketConnect(SESSION_ID, TOKEN, WEBSOCKET_URI, cb));
      const err = expectError(args, 'AuthError', 'Error connecting to websocket: Invalid API key or secret', { statusCode: 403 });
      expect(err).to.not.be.an.instanceof(OpenTok.RequestError);
    });

    it('500 → RequestError with the inner message, statusCode and body', async () => {
      const body = { code: 500, message: 'boom' };
      const { args } = await exchange('POST', [500, body], (cb) => newOpenTok().websocketConnect(SESSION_ID, TOKEN, WEBSOCKET_URI, null, cb));
      expectError(args, 'RequestError', 'Error connecting to websocket: Unexpected response from OpenTok: "{"message":"boom"}"', {
        statusCode: 500,
        body,
      });
    });

    it('a network error → RequestError wrapping the transport message, cause = the network error, no statusCode', async () => {
      const { args } = await failedExchange('POST', (cb) => newOpenTok().websocketConnect(SESSION_ID, TOKEN, WEBSOCKET_URI, cb));
      expect(args, 'callback arguments').to.have.length(1);
      const err = args[0];
      expect(err).to.be.an.instanceof(OpenTok.RequestError);
      expect(err.name).to.equal('RequestError');
      expect(err.message).to.equal(
        `${WS_PREFIX}request to ${API_URL}${CONNECT_PATH} failed, reason: connect ECONNREFUSED 127.0.0.1:443`,
      );
      expect(err.cause).to.be.an.instanceof(Error);
      expect(err.cause.code).to.equal('ECONNREFUSED');
      expect(err.statusCode).to.equal(undefined);
    });

    it('an unparseable JSON body → RequestError wrapping the SyntaxError message, cause = the SyntaxError', async () => {
      const { args } = await exchange('POST', [200, '{"id":', JSON_HEADERS], (cb) =>
        newOpenTok().websocketConnect(SESSION_ID, TOKEN, WEBSOCKET_URI, cb),
      );
      expect(args, 'callback arguments').to.have.length(1);
      const err = args[0];
      expect(err).to.be.an.instanceof(OpenTok.RequestError);
      expect(err.message).to.equal(`${WS_PREFIX}${syntaxErrorMessage('{"id":')}`);
      expect(err.cause).to.be.an.instanceof(SyntaxError);
      expect(err.statusCode).to.equal(200);
    });
  });
});
