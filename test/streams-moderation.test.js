'use strict';
// Streams (getStream, listStreams, setStreamClassLists, the Stream object) and moderation
// (forceMuteStream, forceMuteAll with excludedStreamIds and its misspelt alias excudedStreamIds,
// disableForceMute), with the generic status mapping (401/403 → AuthError, 404 → NotFoundError,
// any other non-2xx → RequestError), transport failures and the pass-through callback of
// setStreamClassLists, which forwards (err, body, response) unchanged.
const { expect } = require('chai');
const OpenTok = require('opentok');
const {
  API_URL,
  PROJECT_PATH,
  SESSION_ID,
  expectAuthHeaders,
  useNock,
} = require('./helpers');

const STREAM_ID = '4072fe0f-d499-4f2f-8237-64f5a9d936f5';
const OTHER_STREAM_ID = '8b732909-0a06-46a2-8ea8-074e64d43422';
const FALSY_VALUES = ['', null, undefined, 0, false, NaN];
const NON_STRING_TRUTHY = [42, true, {}, ['a'], () => 'x'];
const JSON_HEADERS = { 'Content-Type': 'application/json' };
const TEXT_HEADERS = { 'Content-Type': 'text/plain' };
const CALLBACK_MESSAGE = 'Invalid arguments -- must provide a callback function.';
const SESSION_ID_MESSAGE = 'Invalid arguments -- must provide a sessionId string.';
const STREAM_PATH = `${PROJECT_PATH}/session/${SESSION_ID}/stream`;
const MUTE_PATH = `${PROJECT_PATH}/session/${SESSION_ID}/mute`;

function streamJson(overrides = {}) {
  return {
    id: STREAM_ID,
    videoType: 'camera',
    name: 'Bob',
    layoutClassList: ['full', 'focus'],
    ...overrides,
  };
}

const {
  newOpenTok,
  show,
  syntaxErrorMessage,
  exchange,
  failedExchange,
  expectError,
  expectErrorObject,
  expectTransportError,
  expectPlainError,
  expectThrowsNoRequest,
  expectSyncValidation,
  expectJsonRequest,
} = require('./support/wire-harness');

function expectGet(seen, path) {
  expect(seen.method).to.equal('GET');
  expect(seen.path).to.equal(path);
  expectAuthHeaders(seen.rawHeaders);
  expect(seen.headers).to.not.have.property('content-type');
  expect(seen.body === undefined || seen.body === '', `no request body (got ${JSON.stringify(seen.body)})`).to.equal(true);
}

/** Asserts a Stream carrying exactly the keys of `json` as own enumerable data properties. */
function expectStream(stream, json) {
  expect(stream).to.be.an('object');
  expect(stream).to.be.an.instanceof(Object);
  for (const [key, value] of Object.entries(json)) {
    expect(Object.prototype.hasOwnProperty.call(stream, key), `own key ${key}`).to.equal(true);
    expect(Object.prototype.propertyIsEnumerable.call(stream, key), `enumerable key ${key}`).to.equal(true);
    expect(stream[key], key).to.deep.equal(value);
  }
  const dataKeys = Object.keys(stream).filter((key) => typeof stream[key] !== 'function');
  expect(dataKeys).to.have.members(Object.keys(json));
  return stream;
}

function expectDone(args) {
  expect(args, 'callback arguments').to.have.length(1);
  expect(args[0]).to.equal(null);
}

/** Generic status mapping cases for one-argument error callbacks. */
const GENERIC_STATUSES = [
  ['401', [401, ''], 'AuthError', 'Invalid API key or secret', { statusCode: 401 }],
  ['403 with a JSON body', [403, { code: 403 }], 'AuthError', 'Invalid API key or secret', { statusCode: 403, body: { code: 403 } }],
  ['404', [404, ''], 'NotFoundError', 'Not Found', { statusCode: 404 }],
  [
    '404 with a JSON body',
    [404, { message: 'Stream not found' }],
    'NotFoundError',
    'Not Found',
    { statusCode: 404, body: { message: 'Stream not found' } },
  ],
  [
    '400 JSON',
    [400, { code: 400, message: 'Invalid request' }],
    'RequestError',
    'Unexpected response from OpenTok: "{"message":"Invalid request"}"',
    { statusCode: 400, body: { code: 400, message: 'Invalid request' } },
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
    '500 application/json with an empty body (read as message "")',
    [500, '', JSON_HEADERS],
    'RequestError',
    'Unexpected response from OpenTok: "{"message":""}"',
    { statusCode: 500 },
  ],
];

/** Registers the generic error tests of a one-argument-error method. */
function describeGenericErrors(httpMethod, path, invoke) {
  describe('errors → callback(err) with one argument', () => {
    for (const [label, reply, className, message, props] of GENERIC_STATUSES) {
      it(`${label} → ${className}`, async () => {
        const { args, seen } = await exchange(httpMethod, reply, (cb) => invoke(newOpenTok(), cb));
        expect(seen.path).to.equal(path);
        expectError(args, className, message, props);
      });
    }

    it('a network error → RequestError with cause and no statusCode', async () => {
      const { args } = await failedExchange(httpMethod, (cb) => invoke(newOpenTok(), cb));
      expect(args, 'callback arguments').to.have.length(1);
      expectTransportError(args[0], path);
    });

    it('an unparseable JSON body → RequestError with a SyntaxError cause and statusCode', async () => {
      const { args } = await exchange(httpMethod, [200, '{"id":', JSON_HEADERS], (cb) => invoke(newOpenTok(), cb));
      expect(args, 'callback arguments').to.have.length(1);
      const err = args[0];
      expect(err).to.be.an.instanceof(OpenTok.RequestError);
      expect(err.cause).to.be.an.instanceof(SyntaxError);
      expect(err.message).to.equal(syntaxErrorMessage('{"id":'));
      expect(err.statusCode).to.equal(200);
    });
  });
}

describe('streams', () => {
  useNock();

  describe('getStream', () => {
    const PATH = `${STREAM_PATH}/${STREAM_ID}`;

    describe('missing callback', () => {
      const cases = [
        ['no callback', [SESSION_ID, STREAM_ID]],
        ['a non-function callback', [SESSION_ID, STREAM_ID, 'cb']],
        ['a null callback', [SESSION_ID, STREAM_ID, null]],
        ['invalid arguments too (callback is checked first)', [null, null]],
      ];
      for (const [label, callArgs] of cases) {
        it(`throws ArgumentError('${CALLBACK_MESSAGE}') for ${label}`, () =>
          expectThrowsNoRequest(() => newOpenTok().getStream(...callArgs)));
      }
    });

    describe('validation (plain Error, synchronous, no request)', () => {
      for (const value of [...FALSY_VALUES, ...NON_STRING_TRUTHY]) {
        it(`sessionId ${show(value)} → "${SESSION_ID_MESSAGE}"`, () =>
          expectSyncValidation((cb) => newOpenTok().getStream(value, STREAM_ID, cb), SESSION_ID_MESSAGE));
      }
      for (const value of [...FALSY_VALUES, ...NON_STRING_TRUTHY]) {
        it(`streamId ${show(value)} → "Invalid arguments -- must provide a streamId string."`, () =>
          expectSyncValidation(
            (cb) => newOpenTok().getStream(SESSION_ID, value, cb),
            'Invalid arguments -- must provide a streamId string.',
          ));
      }
      it('checks sessionId before streamId', () =>
        expectSyncValidation((cb) => newOpenTok().getStream(undefined, undefined, cb), SESSION_ID_MESSAGE));

      it('lets an exception of the validation callback propagate out of the call', () => {
        const boom = new Error('boom');
        let calls = 0;
        expect(() =>
          newOpenTok().getStream('', STREAM_ID, () => {
            calls += 1;
            throw boom;
          }),
        ).to.throw(boom);
        expect(calls).to.equal(1);
      });
    });

    describe('request and success', () => {
      it('GETs P/session/{sid}/stream/{streamId} without body or content type → (null, Stream) from a JSON object', async () => {
        const json = streamJson();
        const { args, seen } = await exchange('GET', [200, json], (cb) => newOpenTok().getStream(SESSION_ID, STREAM_ID, cb));
        expectGet(seen, PATH);
        expect(args, 'callback arguments').to.have.length(2);
        expect(args[0]).to.equal(null);
        expectStream(args[1], json);
      });

      it('builds the Stream from a JSON string body served as text/plain', async () => {
        const json = streamJson({ videoType: 'screen', name: 'Screen' });
        const { args, seen } = await exchange('GET', [200, JSON.stringify(json), TEXT_HEADERS], (cb) =>
          newOpenTok().getStream(SESSION_ID, STREAM_ID, cb),
        );
        expectGet(seen, PATH);
        expect(args, 'callback arguments').to.have.length(2);
        expect(args[0]).to.equal(null);
        expect(args[1]).to.not.be.a('string');
        expectStream(args[1], json);
      });

      it('builds the Stream from a JSON string body without a content type', async () => {
        const json = streamJson();
        const { args } = await exchange('GET', [200, JSON.stringify(json)], (cb) =>
          newOpenTok().getStream(SESSION_ID, STREAM_ID, cb),
        );
        expect(args, 'callback arguments').to.have.length(2);
        expect(args[0]).to.equal(null);
        expectStream(args[1], json);
      });

      it('the string and object forms give Streams of the same class', async () => {
        const fromObject = await exchange('GET', [200, streamJson()], (cb) => newOpenTok().getStream(SESSION_ID, STREAM_ID, cb));
        const fromString = await exchange('GET', [200, JSON.stringify(streamJson()), TEXT_HEADERS], (cb) =>
          newOpenTok().getStream(SESSION_ID, STREAM_ID, cb),
        );
        expect(Object.getPrototypeOf(fromString.args[1])).to.equal(Object.getPrototypeOf(fromObject.args[1]));
      });

      it('a text/plain body that is not JSON → RequestError(SyntaxError message) with the SyntaxError as cause', async () => {
        const { args } = await exchange('GET', [200, 'not json', TEXT_HEADERS], (cb) =>
          newOpenTok().getStream(SESSION_ID, STREAM_ID, cb),
        );
        expect(args, 'callback arguments').to.have.length(1);
        const err = args[0];
        expect(err).to.be.an.instanceof(OpenTok.RequestError);
        expect(err.name).to.equal('RequestError');
        expect(err.cause).to.be.an.instanceof(SyntaxError);
        expect(err.message).to.equal(err.cause.message);
        expect(err.message).to.equal(syntaxErrorMessage('not json'));
        expect(err.statusCode).to.equal(200);
      });
    });

    describeGenericErrors('GET', PATH, (ot, cb) => ot.getStream(SESSION_ID, STREAM_ID, cb));
  });

  describe('listStreams', () => {
    describe('missing callback', () => {
      const cases = [
        ['no callback', [SESSION_ID]],
        ['a non-function callback', [SESSION_ID, {}]],
        ['invalid sessionId too (callback is checked first)', [null]],
      ];
      for (const [label, callArgs] of cases) {
        it(`throws ArgumentError('${CALLBACK_MESSAGE}') for ${label}`, () =>
          expectThrowsNoRequest(() => newOpenTok().listStreams(...callArgs)));
      }
    });

    describe('validation (plain Error, synchronous, no request)', () => {
      for (const value of [...FALSY_VALUES, ...NON_STRING_TRUTHY]) {
        it(`sessionId ${show(value)} → "${SESSION_ID_MESSAGE}"`, () =>
          expectSyncValidation((cb) => newOpenTok().listStreams(value, cb), SESSION_ID_MESSAGE));
      }
    });

    describe('request and success', () => {
      it('GETs P/session/{sid}/stream → (null, Stream[]) from body.items', async () => {
        const items = [streamJson(), streamJson({ id: OTHER_STREAM_ID, videoType: 'screen', name: '', layoutClassList: [] })];
        const { args, seen } = await exchange('GET', [200, { count: 2, items }], (cb) => newOpenTok().listStreams(SESSION_ID, cb));
        expectGet(seen, STREAM_PATH);
        expect(args, 'callback arguments').to.have.length(2);
        expect(args[0]).to.equal(null);
        expect(args[1]).to.be.an('array').with.length(2);
        expectStream(args[1][0], items[0]);
        expectStream(args[1][1], items[1]);
      });

      it('listed streams are the same class as getStream results', async () => {
        const listed = await exchange('GET', [200, { count: 1, items: [streamJson()] }], (cb) =>
          newOpenTok().listStreams(SESSION_ID, cb),
        );
        const got = await exchange('GET', [200, streamJson()], (cb) => newOpenTok().getStream(SESSION_ID, STREAM_ID, cb));
        expect(Object.getPrototypeOf(listed.args[1][0])).to.equal(Object.getPrototypeOf(got.args[1]));
      });

      it('an empty items array → (null, [])', async () => {
        const { args } = await exchange('GET', [200, { count: 0, items: [] }], (cb) => newOpenTok().listStreams(SESSION_ID, cb));
        expect(args).to.have.length(2);
        expect(args[0]).to.equal(null);
        expect(args[1]).to.deep.equal([]);
      });

      it('a JSON body without items → (null, [])', async () => {
        const { args } = await exchange('GET', [200, { count: 3 }], (cb) => newOpenTok().listStreams(SESSION_ID, cb));
        expect(args).to.have.length(2);
        expect(args[0]).to.equal(null);
        expect(args[1]).to.be.an('array').that.is.empty;
      });

      it('a non-JSON (text/plain) body → (null, [])', async () => {
        const { args } = await exchange('GET', [200, 'hello', TEXT_HEADERS], (cb) => newOpenTok().listStreams(SESSION_ID, cb));
        expect(args).to.have.length(2);
        expect(args[0]).to.equal(null);
        expect(args[1]).to.be.an('array').that.is.empty;
      });

      it('an empty 204 → (null, [])', async () => {
        const { args } = await exchange('GET', [204, ''], (cb) => newOpenTok().listStreams(SESSION_ID, cb));
        expect(args).to.have.length(2);
        expect(args[0]).to.equal(null);
        expect(args[1]).to.be.an('array').that.is.empty;
      });
    });

    describeGenericErrors('GET', STREAM_PATH, (ot, cb) => ot.listStreams(SESSION_ID, cb));
  });

  describe('setStreamClassLists', () => {
    const CLASS_LISTS = [{ id: 'a', layoutClassList: ['focus'] }];
    const ID_MESSAGE = 'Invalid arguments -- each element in the streamClassArray must have an id string.';
    const LIST_MESSAGE = 'Invalid arguments -- each element in the streamClassArray must have a layoutClassList array.';
    const CLASS_MESSAGE = 'Invalid arguments -- each element in the layoutClassList array must be a string (defining class names).';

    describe('missing callback', () => {
      const cases = [
        ['no callback', [SESSION_ID, CLASS_LISTS]],
        ['a non-function callback', [SESSION_ID, CLASS_LISTS, 'cb']],
        ['invalid arguments too (callback is checked first)', [null, null]],
      ];
      for (const [label, callArgs] of cases) {
        it(`throws ArgumentError('${CALLBACK_MESSAGE}') for ${label}`, () =>
          expectThrowsNoRequest(() => newOpenTok().setStreamClassLists(...callArgs)));
      }
    });

    describe('validation (plain Error, synchronous, no request)', () => {
      const SID_MESSAGE = 'Invalid arguments -- must provide an sessionId string.';
      for (const value of [undefined, null, 0, false, NaN, ...NON_STRING_TRUTHY]) {
        it(`sessionId ${show(value)} → "${SID_MESSAGE}" (sic)`, () =>
          expectSyncValidation((cb) => newOpenTok().setStreamClassLists(value, CLASS_LISTS, cb), SID_MESSAGE));
      }

      for (const value of [undefined, null, {}, 'a', 42, { items: [] }, { length: 0 }]) {
        it(`classListArray ${show(value)} → "Invalid arguments -- must provide a streamClassArray array."`, () =>
          expectSyncValidation(
            (cb) => newOpenTok().setStreamClassLists(SESSION_ID, value, cb),
            'Invalid arguments -- must provide a streamClassArray array.',
          ));
      }

      const elementCases = [
        [null, ID_MESSAGE],
        [undefined, ID_MESSAGE],
        ['a', ID_MESSAGE],
        [42, ID_MESSAGE],
        [{}, ID_MESSAGE],
        [{ layoutClassList: ['focus'] }, ID_MESSAGE],
        [{ id: 42, layoutClassList: ['focus'] }, ID_MESSAGE],
        [{ id: null, layoutClassList: ['focus'] }, ID_MESSAGE],
        [{ id: 'a' }, LIST_MESSAGE],
        [{ id: 'a', layoutClassList: 'focus' }, LIST_MESSAGE],
        [{ id: 'a', layoutClassList: null }, LIST_MESSAGE],
        [{ id: 'a', layoutClassList: { 0: 'focus' } }, LIST_MESSAGE],
        [{ id: 'a', layoutClassList: [1] }, CLASS_MESSAGE],
        [{ id: 'a', layoutClassList: ['focus', null] }, CLASS_MESSAGE],
        [{ id: 'a', layoutClassList: ['focus', ['full']] }, CLASS_MESSAGE],
      ];
      for (const [element, message] of elementCases) {
        it(`element ${show(element)} → "${message}"`, () =>
          expectSyncValidation((cb) => newOpenTok().setStreamClassLists(SESSION_ID, [element], cb), message));

        it(`element ${show(element)} after a valid one → "${message}"`, () =>
          expectSyncValidation(
            (cb) => newOpenTok().setStreamClassLists(SESSION_ID, [{ id: 'ok', layoutClassList: [] }, element], cb),
            message,
          ));
      }

      it('checks sessionId before classListArray', () =>
        expectSyncValidation(
          (cb) => newOpenTok().setStreamClassLists(null, null, cb),
          'Invalid arguments -- must provide an sessionId string.',
        ));

      it('checks the id before the layoutClassList of an element', () =>
        expectSyncValidation((cb) => newOpenTok().setStreamClassLists(SESSION_ID, [{ id: 1, layoutClassList: 'x' }], cb), ID_MESSAGE));

      it('checks the layoutClassList array before its classes', () =>
        expectSyncValidation((cb) => newOpenTok().setStreamClassLists(SESSION_ID, [{ id: 'a', layoutClassList: 'x' }], cb), LIST_MESSAGE));

      it('reports the first invalid element in array order', () =>
        expectSyncValidation(
          (cb) => newOpenTok().setStreamClassLists(SESSION_ID, [{ id: 'a', layoutClassList: [1] }, { id: 2 }], cb),
          CLASS_MESSAGE,
        ));
    });

    describe('request', () => {
      it(`PUTs P/session/{sid}/stream with {"items":[{"id":"a","layoutClassList":["focus"]}]}`, async () => {
        const { seen } = await exchange('PUT', [200, ''], (cb) => newOpenTok().setStreamClassLists(SESSION_ID, CLASS_LISTS, cb));
        expectJsonRequest(seen, 'PUT', STREAM_PATH, '{"items":[{"id":"a","layoutClassList":["focus"]}]}');
      });

      it('sends several elements in the caller\'s order', async () => {
        const lists = [
          { id: STREAM_ID, layoutClassList: ['full', 'focus'] },
          { id: OTHER_STREAM_ID, layoutClassList: [] },
        ];
        const { seen } = await exchange('PUT', [200, ''], (cb) => newOpenTok().setStreamClassLists(SESSION_ID, lists, cb));
        expectJsonRequest(
          seen,
          'PUT',
          STREAM_PATH,
          `{"items":[{"id":"${STREAM_ID}","layoutClassList":["full","focus"]},{"id":"${OTHER_STREAM_ID}","layoutClassList":[]}]}`,
        );
      });

      it('an empty layoutClassList (clearing the classes) is sent as []', async () => {
        const { seen } = await exchange('PUT', [204, ''], (cb) =>
          newOpenTok().setStreamClassLists(SESSION_ID, [{ id: 'a', layoutClassList: [] }], cb),
        );
        expectJsonRequest(seen, 'PUT', STREAM_PATH, '{"items":[{"id":"a","layoutClassList":[]}]}');
      });

      it('an empty classListArray is valid and sent as {"items":[]}', async () => {
        const { args, seen } = await exchange('PUT', [200, ''], (cb) => newOpenTok().setStreamClassLists(SESSION_ID, [], cb));
        expectJsonRequest(seen, 'PUT', STREAM_PATH, '{"items":[]}');
        expect(args[0]).to.equal(null);
      });

      it("an empty sessionId passes (sic) and is inserted raw: P/session//stream", async () => {
        const { args, seen } = await exchange('PUT', [200, ''], (cb) => newOpenTok().setStreamClassLists('', CLASS_LISTS, cb));
        expectJsonRequest(seen, 'PUT', `${PROJECT_PATH}/session//stream`, '{"items":[{"id":"a","layoutClassList":["focus"]}]}');
        expect(args[0]).to.equal(null);
      });

      it('does not modify the (frozen) caller array or its elements', async () => {
        const lists = Object.freeze([
          Object.freeze({ id: 'a', layoutClassList: Object.freeze(['focus']) }),
          Object.freeze({ id: 'b', layoutClassList: Object.freeze([]) }),
        ]);
        const first = lists[0];
        const before = JSON.stringify(lists);
        const { args, seen } = await exchange('PUT', [200, ''], (cb) => newOpenTok().setStreamClassLists(SESSION_ID, lists, cb));
        expect(args[0]).to.equal(null);
        expect(JSON.stringify(lists)).to.equal(before);
        expect(lists[0]).to.equal(first);
        expect(Object.keys(lists)).to.deep.equal(['0', '1']);
        expectJsonRequest(
          seen,
          'PUT',
          STREAM_PATH,
          '{"items":[{"id":"a","layoutClassList":["focus"]},{"id":"b","layoutClassList":[]}]}',
        );
      });

      it('does not modify a non-frozen caller array either', async () => {
        const lists = [{ id: 'a', layoutClassList: ['focus'] }];
        const element = lists[0];
        const classes = element.layoutClassList;
        await exchange('PUT', [200, ''], (cb) => newOpenTok().setStreamClassLists(SESSION_ID, lists, cb));
        expect(lists).to.deep.equal([{ id: 'a', layoutClassList: ['focus'] }]);
        expect(lists[0]).to.equal(element);
        expect(lists[0].layoutClassList).to.equal(classes);
      });
    });

    describe('pass-through callback: (err, body, response) as the HTTP layer gives them', () => {
      function expectResponse(response, status) {
        expect(response, 'response').to.not.equal(null);
        expect(typeof response, 'typeof response').to.equal('object');
        expect(response.status).to.equal(status);
        expect(response.ok).to.equal(status >= 200 && status < 300);
        expect(response.statusText).to.be.a('string');
        expect(response.url).to.equal(`${API_URL}${STREAM_PATH}`);
        expect(response.headers.get).to.be.a('function');
      }

      it('200 with a JSON body → (null, body, response)', async () => {
        const body = [{ id: 'a', layoutClassList: ['focus'] }];
        const { args } = await exchange('PUT', [200, body], (cb) => newOpenTok().setStreamClassLists(SESSION_ID, CLASS_LISTS, cb));
        expect(args, 'callback arguments').to.have.length(3);
        expect(args[0]).to.equal(null);
        expect(args[1]).to.deep.equal(body);
        expectResponse(args[2], 200);
        expect(args[2].headers.get('CONTENT-TYPE')).to.equal('application/json');
      });

      it('200 with an empty JSON body → (null, null, response)', async () => {
        const { args } = await exchange('PUT', [200, '', JSON_HEADERS], (cb) =>
          newOpenTok().setStreamClassLists(SESSION_ID, CLASS_LISTS, cb),
        );
        expect(args).to.have.length(3);
        expect(args[0]).to.equal(null);
        expect(args[1]).to.equal(null);
        expectResponse(args[2], 200);
      });

      it("204 → (null, '', response)", async () => {
        const { args } = await exchange('PUT', [204, ''], (cb) => newOpenTok().setStreamClassLists(SESSION_ID, CLASS_LISTS, cb));
        expect(args, 'callback arguments').to.have.length(3);
        expect(args[0]).to.equal(null);
        expect(args[1]).to.equal('');
        expectResponse(args[2], 204);
      });

      it('403 → (AuthError, null, response)', async () => {
        const { args } = await exchange('PUT', [403, { message: 'Forbidden' }], (cb) =>
          newOpenTok().setStreamClassLists(SESSION_ID, CLASS_LISTS, cb),
        );
        expect(args, 'callback arguments').to.have.length(3);
        expectErrorObject(args[0], 'AuthError', 'Invalid API key or secret', { statusCode: 403, body: { message: 'Forbidden' } });
        expect(args[1]).to.equal(null);
        expectResponse(args[2], 403);
      });

      it('401 → (AuthError, null, response)', async () => {
        const { args } = await exchange('PUT', [401, ''], (cb) => newOpenTok().setStreamClassLists(SESSION_ID, CLASS_LISTS, cb));
        expect(args).to.have.length(3);
        expectErrorObject(args[0], 'AuthError', 'Invalid API key or secret', { statusCode: 401 });
        expect(args[1]).to.equal(null);
        expectResponse(args[2], 401);
      });

      it('404 → (NotFoundError, null, response)', async () => {
        const { args } = await exchange('PUT', [404, { message: 'nope' }], (cb) =>
          newOpenTok().setStreamClassLists(SESSION_ID, CLASS_LISTS, cb),
        );
        expect(args).to.have.length(3);
        expectErrorObject(args[0], 'NotFoundError', 'Not Found', { statusCode: 404, body: { message: 'nope' } });
        expect(args[1]).to.equal(null);
        expectResponse(args[2], 404);
      });

      it('500 → (RequestError, body, response)', async () => {
        const body = { code: 500, message: 'boom' };
        const { args } = await exchange('PUT', [500, body], (cb) => newOpenTok().setStreamClassLists(SESSION_ID, CLASS_LISTS, cb));
        expect(args, 'callback arguments').to.have.length(3);
        expectErrorObject(args[0], 'RequestError', 'Unexpected response from OpenTok: "{"message":"boom"}"', {
          statusCode: 500,
          body,
        });
        expect(args[1]).to.deep.equal(body);
        expectResponse(args[2], 500);
      });

      it('400 with a text body → (RequestError, text, response)', async () => {
        const { args } = await exchange('PUT', [400, 'Bad request', TEXT_HEADERS], (cb) =>
          newOpenTok().setStreamClassLists(SESSION_ID, CLASS_LISTS, cb),
        );
        expect(args).to.have.length(3);
        expectErrorObject(args[0], 'RequestError', 'Unexpected response from OpenTok: "{"message":"Bad request"}"', {
          statusCode: 400,
          body: 'Bad request',
        });
        expect(args[1]).to.equal('Bad request');
        expectResponse(args[2], 400);
      });

      it('a network error → (RequestError, null, null)', async () => {
        const { args } = await failedExchange('PUT', (cb) => newOpenTok().setStreamClassLists(SESSION_ID, CLASS_LISTS, cb));
        expect(args, 'callback arguments').to.have.length(3);
        expectTransportError(args[0], STREAM_PATH);
        expect(args[1]).to.equal(null);
        expect(args[2]).to.equal(null);
      });

      it('an unparseable JSON body → (RequestError, null, null) with a SyntaxError cause', async () => {
        const { args } = await exchange('PUT', [200, '{"items":', JSON_HEADERS], (cb) =>
          newOpenTok().setStreamClassLists(SESSION_ID, CLASS_LISTS, cb),
        );
        expect(args, 'callback arguments').to.have.length(3);
        expect(args[0]).to.be.an.instanceof(OpenTok.RequestError);
        expect(args[0].cause).to.be.an.instanceof(SyntaxError);
        expect(args[0].message).to.equal(syntaxErrorMessage('{"items":'));
        expect(args[1]).to.equal(null);
        expect(args[2]).to.equal(null);
      });
    });
  });

  describe('Stream object', () => {
    const fullJson = streamJson({
      id: STREAM_ID,
      name: 'Alice',
      layoutClassList: ['full'],
      videoType: 'screen',
      createdAt: 1384221730555,
      partnerId: 123456,
      event: 'streamCreated',
      nested: { deep: [1, { two: 2 }] },
      nothing: null,
    });

    it('copies every response key, including unknown ones, as own enumerable properties (getStream)', async () => {
      const { args } = await exchange('GET', [200, fullJson], (cb) => newOpenTok().getStream(SESSION_ID, STREAM_ID, cb));
      const stream = expectStream(args[1], fullJson);
      expect(stream.layoutClassList).to.be.an('array');
      expect(stream.nothing).to.equal(null);
    });

    it('copies every key from a JSON string body too', async () => {
      const { args } = await exchange('GET', [200, JSON.stringify(fullJson), TEXT_HEADERS], (cb) =>
        newOpenTok().getStream(SESSION_ID, STREAM_ID, cb),
      );
      expectStream(args[1], fullJson);
    });

    it('copies every key of listed streams', async () => {
      const { args } = await exchange('GET', [200, { count: 1, items: [fullJson] }], (cb) => newOpenTok().listStreams(SESSION_ID, cb));
      expectStream(args[1][0], fullJson);
    });

    it('a "__proto__" key in the response does not change the prototype', async () => {
      const reference = (await exchange('GET', [200, streamJson()], (cb) => newOpenTok().getStream(SESSION_ID, STREAM_ID, cb))).args[1];
      const raw = `{"id":"${STREAM_ID}","__proto__":{"polluted":true}}`;
      const { args } = await exchange('GET', [200, raw, JSON_HEADERS], (cb) => newOpenTok().getStream(SESSION_ID, STREAM_ID, cb));
      expect(args).to.have.length(2);
      expect(Object.getPrototypeOf(args[1])).to.equal(Object.getPrototypeOf(reference));
      expect(args[1].polluted).to.equal(undefined);
      expect({}.polluted).to.equal(undefined);
      expect(args[1].id).to.equal(STREAM_ID);
    });
  });
});

describe('moderation', () => {
  useNock();

  describe('forceMuteStream', () => {
    const PATH = `${STREAM_PATH}/${STREAM_ID}/mute`;

    describe('missing callback', () => {
      const cases = [
        ['no callback', [SESSION_ID, STREAM_ID]],
        ['a non-function callback', [SESSION_ID, STREAM_ID, {}]],
        ['invalid arguments too (callback is checked first)', [null, 42]],
      ];
      for (const [label, callArgs] of cases) {
        it(`throws ArgumentError('${CALLBACK_MESSAGE}') for ${label}`, () =>
          expectThrowsNoRequest(() => newOpenTok().forceMuteStream(...callArgs)));
      }
    });

    describe('validation (plain Error, synchronous, no request)', () => {
      for (const value of [...FALSY_VALUES, ...NON_STRING_TRUTHY]) {
        it(`sessionId ${show(value)} → "${SESSION_ID_MESSAGE}"`, () =>
          expectSyncValidation((cb) => newOpenTok().forceMuteStream(value, STREAM_ID, cb), SESSION_ID_MESSAGE));
      }
      for (const value of NON_STRING_TRUTHY) {
        it(`streamId ${show(value)} → "Invalid arguments -- streamId must be a string."`, () =>
          expectSyncValidation(
            (cb) => newOpenTok().forceMuteStream(SESSION_ID, value, cb),
            'Invalid arguments -- streamId must be a string.',
          ));
      }
      it('checks sessionId before streamId', () =>
        expectSyncValidation((cb) => newOpenTok().forceMuteStream(42, 42, cb), SESSION_ID_MESSAGE));
    });

    describe('request and success', () => {
      it('POSTs P/session/{sid}/stream/{streamId}/mute with body {}; 200 → callback(null)', async () => {
        const { args, seen } = await exchange('POST', [200, { id: STREAM_ID }], (cb) =>
          newOpenTok().forceMuteStream(SESSION_ID, STREAM_ID, cb),
        );
        expectJsonRequest(seen, 'POST', PATH, '{}');
        expectDone(args);
      });

      it('204 → callback(null) with one argument', async () => {
        const { args } = await exchange('POST', [204, ''], (cb) => newOpenTok().forceMuteStream(SESSION_ID, STREAM_ID, cb));
        expectDone(args);
      });

      const falsyStreamIds = [
        [undefined, 'undefined'],
        [null, 'null'],
        ['', ''],
        [0, '0'],
        [false, 'false'],
      ];
      for (const [value, text] of falsyStreamIds) {
        it(`a falsy streamId ${show(value)} is not rejected and is inserted as text: /stream/${text}/mute`, async () => {
          const { args, seen } = await exchange('POST', [200, ''], (cb) => newOpenTok().forceMuteStream(SESSION_ID, value, cb));
          expectJsonRequest(seen, 'POST', `${STREAM_PATH}/${text}/mute`, '{}');
          expectDone(args);
        });
      }
    });

    describeGenericErrors('POST', PATH, (ot, cb) => ot.forceMuteStream(SESSION_ID, STREAM_ID, cb));
  });

  describe('forceMuteAll (excludedStreamIds, alias excudedStreamIds)', () => {
    const EXCLUDED_MESSAGE = 'Invalid arguments -- excludedStreamIds must be array.';
    const ALIAS_MESSAGE = 'Invalid arguments -- excudedStreamIds must be array.';

    describe('missing callback', () => {
      const cases = [
        ['only a sessionId', [SESSION_ID]],
        ['options but no callback', [SESSION_ID, { excludedStreamIds: ['a'] }]],
        ['null options and no callback', [SESSION_ID, null]],
        ['a non-function callback', [SESSION_ID, {}, 'cb']],
        ['invalid sessionId too (callback is checked first)', [null]],
        ['invalid options too (callback is checked first)', [SESSION_ID, { excludedStreamIds: 'x' }]],
      ];
      for (const [label, callArgs] of cases) {
        it(`throws ArgumentError('${CALLBACK_MESSAGE}') for ${label}`, () =>
          expectThrowsNoRequest(() => newOpenTok().forceMuteAll(...callArgs)));
      }
    });

    describe('validation (plain Error, synchronous, no request)', () => {
      for (const value of [...FALSY_VALUES, ...NON_STRING_TRUTHY]) {
        it(`sessionId ${show(value)} → "${SESSION_ID_MESSAGE}" (callback second)`, () =>
          expectSyncValidation((cb) => newOpenTok().forceMuteAll(value, cb), SESSION_ID_MESSAGE));

        it(`sessionId ${show(value)} → "${SESSION_ID_MESSAGE}" (with options)`, () =>
          expectSyncValidation((cb) => newOpenTok().forceMuteAll(value, { excludedStreamIds: ['a'] }, cb), SESSION_ID_MESSAGE));
      }

      it('forceMuteAll(null, cb) delivers the sessionId error to cb instead of crashing', () => {
        const calls = [];
        expect(() => newOpenTok().forceMuteAll(null, (...args) => calls.push(args))).to.not.throw();
        expect(calls).to.have.length(1);
        expect(calls[0]).to.have.length(1);
        expectPlainError(calls[0][0], SESSION_ID_MESSAGE);
      });

      for (const value of ['a', 42, true, {}, { 0: 'a', length: 1 }]) {
        it(`excludedStreamIds ${show(value)} → "${EXCLUDED_MESSAGE}"`, () =>
          expectSyncValidation((cb) => newOpenTok().forceMuteAll(SESSION_ID, { excludedStreamIds: value }, cb), EXCLUDED_MESSAGE));

        it(`excudedStreamIds ${show(value)} → "${ALIAS_MESSAGE}"`, () =>
          expectSyncValidation((cb) => newOpenTok().forceMuteAll(SESSION_ID, { excudedStreamIds: value }, cb), ALIAS_MESSAGE));
      }

      it('checks sessionId before the exclusion options', () =>
        expectSyncValidation(
          (cb) => newOpenTok().forceMuteAll('', { excludedStreamIds: 'a', excudedStreamIds: 'b' }, cb),
          SESSION_ID_MESSAGE,
        ));

      it('checks excludedStreamIds before excudedStreamIds', () =>
        expectSyncValidation(
          (cb) => newOpenTok().forceMuteAll(SESSION_ID, { excudedStreamIds: 'b', excludedStreamIds: 'a' }, cb),
          EXCLUDED_MESSAGE,
        ));

      it('rejects an invalid alias even when excludedStreamIds is a valid array', () =>
        expectSyncValidation(
          (cb) => newOpenTok().forceMuteAll(SESSION_ID, { excludedStreamIds: ['a'], excudedStreamIds: 'b' }, cb),
          ALIAS_MESSAGE,
        ));

      it('rejects an invalid excludedStreamIds even when the alias is a valid array', () =>
        expectSyncValidation(
          (cb) => newOpenTok().forceMuteAll(SESSION_ID, { excludedStreamIds: 'a', excudedStreamIds: ['b'] }, cb),
          EXCLUDED_MESSAGE,
        ));
    });

    describe('request', () => {
      const bodyCases = [
        ['callback second (no options)', undefined, '{"active":true}', true],
        ['null options', null, '{"active":true}'],
        ['undefined options', undefined, '{"active":true}'],
        ['empty options', {}, '{"active":true}'],
        ['excludedStreamIds', { excludedStreamIds: ['a'] }, '{"active":true,"excludedStreamIds":["a"]}'],
        ['the misspelt alias excudedStreamIds', { excudedStreamIds: ['a'] }, '{"active":true,"excludedStreamIds":["a"]}'],
        [
          'both arrays: the correct spelling wins',
          { excudedStreamIds: ['b'], excludedStreamIds: ['a'] },
          '{"active":true,"excludedStreamIds":["a"]}',
        ],
        ['an empty excludedStreamIds array', { excludedStreamIds: [] }, '{"active":true,"excludedStreamIds":[]}'],
        [
          'an empty excludedStreamIds array still wins over the alias',
          { excludedStreamIds: [], excudedStreamIds: ['b'] },
          '{"active":true,"excludedStreamIds":[]}',
        ],
        [
          'a falsy excludedStreamIds passes and the alias is used',
          { excludedStreamIds: null, excudedStreamIds: ['b'] },
          '{"active":true,"excludedStreamIds":["b"]}',
        ],
        ['falsy exclusions are omitted', { excludedStreamIds: '', excudedStreamIds: 0 }, '{"active":true}'],
        [
          'several IDs, in order',
          { excludedStreamIds: [STREAM_ID, OTHER_STREAM_ID] },
          `{"active":true,"excludedStreamIds":["${STREAM_ID}","${OTHER_STREAM_ID}"]}`,
        ],
        [
          'no other keys are sent (active in the options is ignored)',
          { active: false, foo: 'bar', excludedStreamIds: ['a'], sessionId: 'x' },
          '{"active":true,"excludedStreamIds":["a"]}',
        ],
        ['unknown keys only', { foo: 'bar' }, '{"active":true}'],
      ];
      for (const [label, options, body, callbackSecond] of bodyCases) {
        it(`POSTs P/session/{sid}/mute with ${body}: ${label}`, async () => {
          const invoke = callbackSecond
            ? (cb) => newOpenTok().forceMuteAll(SESSION_ID, cb)
            : (cb) => newOpenTok().forceMuteAll(SESSION_ID, options, cb);
          const { args, seen } = await exchange('POST', [200, ''], invoke);
          expectJsonRequest(seen, 'POST', MUTE_PATH, body);
          expectDone(args);
        });
      }

      it('does not modify frozen options or their arrays', async () => {
        const excluded = Object.freeze(['a']);
        const alias = Object.freeze(['b']);
        const options = Object.freeze({ excludedStreamIds: excluded, excudedStreamIds: alias });
        const { args, seen } = await exchange('POST', [200, ''], (cb) => newOpenTok().forceMuteAll(SESSION_ID, options, cb));
        expectJsonRequest(seen, 'POST', MUTE_PATH, '{"active":true,"excludedStreamIds":["a"]}');
        expectDone(args);
        expect(options.excludedStreamIds).to.equal(excluded);
        expect(options.excudedStreamIds).to.equal(alias);
        expect(excluded).to.deep.equal(['a']);
        expect(alias).to.deep.equal(['b']);
      });

      it('does not add keys to non-frozen options when only the alias is given', async () => {
        const alias = ['a', 'b'];
        const options = { excudedStreamIds: alias };
        const { seen } = await exchange('POST', [200, ''], (cb) => newOpenTok().forceMuteAll(SESSION_ID, options, cb));
        expectJsonRequest(seen, 'POST', MUTE_PATH, '{"active":true,"excludedStreamIds":["a","b"]}');
        expect(Object.keys(options)).to.deep.equal(['excudedStreamIds']);
        expect(options.excudedStreamIds).to.equal(alias);
        expect(alias).to.deep.equal(['a', 'b']);
        expect(options).to.not.have.property('active');
        expect(options).to.not.have.property('excludedStreamIds');
      });

      it('204 → callback(null) with one argument', async () => {
        const { args } = await exchange('POST', [204, ''], (cb) => newOpenTok().forceMuteAll(SESSION_ID, {}, cb));
        expectDone(args);
      });
    });

    describeGenericErrors('POST', MUTE_PATH, (ot, cb) => ot.forceMuteAll(SESSION_ID, { excludedStreamIds: ['a'] }, cb));

    it('errors have one argument with the callback in second position too', async () => {
      const { args } = await exchange('POST', [403, ''], (cb) => newOpenTok().forceMuteAll(SESSION_ID, cb));
      expectError(args, 'AuthError', 'Invalid API key or secret', { statusCode: 403 });
    });
  });

  describe('disableForceMute', () => {
    describe('missing callback', () => {
      const cases = [
        ['no callback', [SESSION_ID]],
        ['a non-function callback', [SESSION_ID, {}]],
        ['invalid sessionId too (callback is checked first)', [null]],
      ];
      for (const [label, callArgs] of cases) {
        it(`throws ArgumentError('${CALLBACK_MESSAGE}') for ${label}`, () =>
          expectThrowsNoRequest(() => newOpenTok().disableForceMute(...callArgs)));
      }
    });

    describe('validation (plain Error, synchronous, no request)', () => {
      for (const value of [...FALSY_VALUES, ...NON_STRING_TRUTHY]) {
        it(`sessionId ${show(value)} → "${SESSION_ID_MESSAGE}"`, () =>
          expectSyncValidation((cb) => newOpenTok().disableForceMute(value, cb), SESSION_ID_MESSAGE));
      }
    });

    describe('request and success', () => {
      it('POSTs P/session/{sid}/mute with {"active":false}; 200 → callback(null)', async () => {
        const { args, seen } = await exchange('POST', [200, { status: 'ok' }], (cb) => newOpenTok().disableForceMute(SESSION_ID, cb));
        expectJsonRequest(seen, 'POST', MUTE_PATH, '{"active":false}');
        expectDone(args);
      });

      it('204 → callback(null) with one argument', async () => {
        const { args } = await exchange('POST', [204, ''], (cb) => newOpenTok().disableForceMute(SESSION_ID, cb));
        expectDone(args);
      });
    });

    describeGenericErrors('POST', MUTE_PATH, (ot, cb) => ot.disableForceMute(SESSION_ID, cb));
  });
});
