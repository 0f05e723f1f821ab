'use strict';
// Experience Composer renders and live captions, with the generic status mapping (401/403 →
// AuthError, 404 → NotFoundError, any other non-2xx → RequestError), transport failures and
// malformed bodies as they apply to these methods.
const { expect } = require('chai');
const nock = require('nock');
const OpenTok = require('opentok');
const {
  API_KEY,
  API_URL,
  PROJECT_PATH,
  SESSION_ID,
  useNock,
} = require('./helpers');
const {
  newOpenTok,
  invokeAsync,
  exchange,
  expectError,
  expectThrowsNoRequest,
  expectJsonPost,
  expectNoBodyRequest,
} = require('./support/wire-harness');

const TOKEN = 'T1==cGFydG5lcl9pZD0xMjM0NTY';
const RENDER_ID = '80abaf0d-25a3-4efc-968f-6268d620668d';
const CAPTIONS_ID = '7c0680fc-6274-4de5-a66f-d0648e8d3ac2';
const RENDER_URL = 'https://webapp.customer.com/composer?room=1';
const CALLBACK_URL = 'https://example.com/render-status';
const JSON_HEADERS = { 'Content-Type': 'application/json' };
const RENDER_PATH = `${PROJECT_PATH}/render`;
const CAPTIONS_PATH = `${PROJECT_PATH}/captions`;
const CAPTIONS_STARTED_MESSAGE = 'Live captions have already started for this OpenTok Session';

function renderJson(overrides = {}) {
  return {
    id: RENDER_ID,
    sessionId: SESSION_ID,
    projectId: API_KEY,
    createdAt: 1437676551000,
    updatedAt: 1437676551000,
    url: RENDER_URL,
    resolution: '1280x720',
    status: 'started',
    streamId: 'e32445b743678c98230f238',
    ...overrides,
  };
}

/** Asserts a transport failure: one-argument RequestError with cause and no statusCode. */
function expectTransportError(args, url) {
  expect(args, 'callback arguments').to.have.length(1);
  const [err] = args;
  expect(err).to.be.an.instanceof(OpenTok.RequestError);
  expect(err).to.be.an.instanceof(Error);
  expect(err.name).to.equal('RequestError');
  expect(err.message).to.equal(`request to ${url} failed, reason: connect ECONNREFUSED`);
  expect(err.cause).to.be.an.instanceof(Error);
  expect(err.cause.code).to.equal('ECONNREFUSED');
  expect(err.statusCode).to.equal(undefined);
}

function refused() {
  return Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
}

/** Replies to `method path` with a connection error and runs `invoke`; resolves with the args. */
async function failTransport(method, path, invoke) {
  nock(API_URL).intercept(path, method).replyWithError(refused());
  const { args, sync } = await invokeAsync(invoke);
  expect(sync, 'transport failure delivered synchronously').to.equal(false);
  return args;
}

/** Success of a render method: exactly `(null, body, response)` (errors have one argument). */
function expectRenderSuccess(args, body, status, url) {
  expect(args, 'callback arguments').to.have.length(3);
  expect(args[0]).to.equal(null);
  expect(args[1]).to.deep.equal(body);
  if (body !== null && typeof body === 'object') {
    expect(Object.getPrototypeOf(args[1]), 'raw JSON, no model class').to.equal(
      Array.isArray(body) ? Array.prototype : Object.prototype,
    );
  }
  const response = args[2];
  expect(typeof response, 'typeof response').to.equal('object');
  expect(response).to.not.equal(null);
  expect(response.status).to.equal(status);
  expect(response.ok).to.equal(true);
  expect(response.statusText).to.be.a('string');
  expect(response.url).to.equal(url);
  expect(response.headers.get).to.be.a('function');
  return response;
}

const GENERIC_ERRORS = [
  ['401', [401, ''], 'AuthError', 'Invalid API key or secret', { statusCode: 401 }],
  ['403 with a JSON body', [403, { code: 403 }], 'AuthError', 'Invalid API key or secret', { statusCode: 403, body: { code: 403 } }],
  ['404', [404, ''], 'NotFoundError', 'Not Found', { statusCode: 404 }],
  [
    '404 with a JSON body',
    [404, { message: 'Render not found' }],
    'NotFoundError',
    'Not Found',
    { statusCode: 404, body: { message: 'Render not found' } },
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
    '400 JSON body',
    [400, { message: 'Invalid request' }],
    'RequestError',
    'Unexpected response from OpenTok: "{"message":"Invalid request"}"',
    { statusCode: 400, body: { message: 'Invalid request' } },
  ],
];

describe('renders', () => {
  useNock();

  describe('missing callback → throws ArgumentError("No callback given to <method>")', () => {
    const cases = [
      ['listRenders', 'listRenders(cb): options are positional', (ot, cb) => ot.listRenders(cb)],
      ['listRenders', 'listRenders(options)', (ot) => ot.listRenders({ count: 5 })],
      ['listRenders', 'listRenders()', (ot) => ot.listRenders()],
      ['listRenders', 'listRenders(options, non-function)', (ot) => ot.listRenders({}, 'cb')],
      ['listRenders', 'checked before the count: listRenders({count: 5000})', (ot) => ot.listRenders({ count: 5000 })],
      ['getRender', 'getRender(id)', (ot) => ot.getRender(RENDER_ID)],
      ['getRender', 'getRender()', (ot) => ot.getRender()],
      ['getRender', 'getRender(id, object)', (ot) => ot.getRender(RENDER_ID, {})],
      ['startRender', 'startRender(cb): options are positional', (ot, cb) => ot.startRender(cb)],
      ['startRender', 'startRender(options)', (ot) => ot.startRender({ sessionId: SESSION_ID, token: TOKEN, url: RENDER_URL })],
      ['startRender', 'startRender()', (ot) => ot.startRender()],
      ['stopRender', 'stopRender(id)', (ot) => ot.stopRender(RENDER_ID)],
      ['stopRender', 'stopRender(id, string)', (ot) => ot.stopRender(RENDER_ID, 'cb')],
    ];
    for (const [method, label, invoke] of cases) {
      it(`${method}: ${label}`, () =>
        expectThrowsNoRequest((cb) => invoke(newOpenTok(), cb), `No callback given to ${method}`));
    }
  });

  describe('listRenders(options, callback)', () => {
    describe('count out of range → throws ArgumentError("Count is out of range") synchronously', () => {
      for (const count of [1001, 5000, 0, -1, '1001']) {
        it(`count ${JSON.stringify(count)}`, () =>
          expectThrowsNoRequest((cb) => newOpenTok().listRenders({ count }, cb), 'Count is out of range'));
      }

      it('also with an offset', () =>
        expectThrowsNoRequest((cb) => newOpenTok().listRenders({ offset: 10, count: 1001 }, cb), 'Count is out of range'));
    });

    describe('query string', () => {
      const cases = [
        ['no count or offset: no "?"', {}, RENDER_PATH],
        ['null options → {}', null, RENDER_PATH],
        ['undefined options → {}', undefined, RENDER_PATH],
        ['count 1 (lower bound passes)', { count: 1 }, `${RENDER_PATH}?count=1`],
        ['count 1000 (upper bound passes)', { count: 1000 }, `${RENDER_PATH}?count=1000`],
        ['offset only', { offset: 5 }, `${RENDER_PATH}?offset=5`],
        ['offset and count, offset first', { count: 20, offset: 40 }, `${RENDER_PATH}?offset=40&count=20`],
        ['offset 0 is falsy and omitted', { offset: 0, count: 10 }, `${RENDER_PATH}?count=10`],
        ['empty-string offset is omitted', { offset: '' }, RENDER_PATH],
        ['other keys are ignored', { offset: 2, count: 3, sessionId: SESSION_ID, foo: 'bar' }, `${RENDER_PATH}?offset=2&count=3`],
      ];
      for (const [label, options, path] of cases) {
        it(`GET ${path.replace(PROJECT_PATH, 'P')}: ${label}`, async () => {
          const body = { count: 0, items: [] };
          const { args, seen } = await exchange('GET', [200, body], (cb) => newOpenTok().listRenders(options, cb));
          expectNoBodyRequest(seen, 'GET', path);
          expectRenderSuccess(args, body, 200, `${API_URL}${path}`);
        });
      }
    });

    it('success → (null, raw body {count, items}, response): exactly three arguments', async () => {
      const body = { count: 2, items: [renderJson(), renderJson({ id: 'other', status: 'stopped', reason: 'Max duration exceeded' })] };
      const { args } = await exchange('GET', [200, body], (cb) => newOpenTok().listRenders({ count: 2 }, cb));
      expectRenderSuccess(args, body, 200, `${API_URL}${RENDER_PATH}?count=2`);
      expect(args[1].items[0]).to.not.have.property('stop');
      expect(args[2].headers.get('Content-Type')).to.equal('application/json');
    });

    it('does not modify the options object', async () => {
      const options = Object.freeze({ offset: 1, count: 2 });
      const { seen } = await exchange('GET', [200, { count: 0, items: [] }], (cb) => newOpenTok().listRenders(options, cb));
      expect(seen.path).to.equal(`${RENDER_PATH}?offset=1&count=2`);
      expect(options).to.deep.equal({ offset: 1, count: 2 });
    });
  });

  describe('getRender(renderId, callback)', () => {
    it('GETs P/render/{id} and calls back (null, body, response)', async () => {
      const body = renderJson();
      const { args, seen } = await exchange('GET', [200, body], (cb) => newOpenTok().getRender(RENDER_ID, cb));
      expectNoBodyRequest(seen, 'GET', `${RENDER_PATH}/${RENDER_ID}`);
      expectRenderSuccess(args, body, 200, `${API_URL}${RENDER_PATH}/${RENDER_ID}`);
    });

    it('inserts the ID raw (not encodeURIComponent)', async () => {
      const { seen } = await exchange('GET', [200, renderJson()], (cb) => newOpenTok().getRender('abc/def', cb));
      expect(seen.path).to.equal(`${RENDER_PATH}/abc/def`);
    });
  });

  describe('startRender(options, callback)', () => {
    const minimal = { sessionId: SESSION_ID, token: TOKEN, url: RENDER_URL };
    const cases = [
      [
        'minimal options: defaults maxDuration 1800, resolution 1280x720',
        minimal,
        `{"sessionId":"${SESSION_ID}","token":"${TOKEN}","url":"${RENDER_URL}","maxDuration":1800,"resolution":"1280x720"}`,
      ],
      [
        'every option, sent in the fixed key order whatever the caller order (properties included)',
        {
          properties: { name: 'Composed stream' },
          statusCallbackUrl: CALLBACK_URL,
          resolution: '1920x1080',
          maxDuration: 3600,
          url: RENDER_URL,
          token: TOKEN,
          sessionId: SESSION_ID,
        },
        `{"sessionId":"${SESSION_ID}","token":"${TOKEN}","url":"${RENDER_URL}","maxDuration":3600,"resolution":"1920x1080",` +
          `"statusCallbackUrl":"${CALLBACK_URL}","properties":{"name":"Composed stream"}}`,
      ],
      [
        'defaults plus statusCallbackUrl and properties',
        { ...minimal, statusCallbackUrl: CALLBACK_URL, properties: { name: 'N' } },
        `{"sessionId":"${SESSION_ID}","token":"${TOKEN}","url":"${RENDER_URL}","maxDuration":1800,"resolution":"1280x720",` +
          `"statusCallbackUrl":"${CALLBACK_URL}","properties":{"name":"N"}}`,
      ],
      [
        'explicitly undefined keys are dropped / defaulted',
        { ...minimal, maxDuration: undefined, resolution: undefined, statusCallbackUrl: undefined, properties: undefined },
        `{"sessionId":"${SESSION_ID}","token":"${TOKEN}","url":"${RENDER_URL}","maxDuration":1800,"resolution":"1280x720"}`,
      ],
      [
        'keys outside the documented set are not sent',
        { ...minimal, foo: 'bar', name: 'x' },
        `{"sessionId":"${SESSION_ID}","token":"${TOKEN}","url":"${RENDER_URL}","maxDuration":1800,"resolution":"1280x720"}`,
      ],
      ['null options → {}', null, '{"maxDuration":1800,"resolution":"1280x720"}'],
      ['undefined options → {}', undefined, '{"maxDuration":1800,"resolution":"1280x720"}'],
      ['empty options', {}, '{"maxDuration":1800,"resolution":"1280x720"}'],
    ];
    for (const [label, options, expectedBody] of cases) {
      it(`POSTs P/render with the exact JSON body: ${label}`, async () => {
        const body = renderJson({ status: 'starting' });
        const { args, seen } = await exchange('POST', [202, body], (cb) => newOpenTok().startRender(options, cb));
        expectJsonPost(seen, RENDER_PATH, expectedBody);
        expectRenderSuccess(args, body, 202, `${API_URL}${RENDER_PATH}`);
      });
    }

    it('does not modify the options object', async () => {
      const options = { ...minimal, properties: { name: 'N' } };
      const snapshot = JSON.stringify(options);
      const properties = options.properties;
      await exchange('POST', [200, renderJson()], (cb) => newOpenTok().startRender(options, cb));
      expect(JSON.stringify(options)).to.equal(snapshot);
      expect(options.properties).to.equal(properties);
      expect(options).to.not.have.property('maxDuration');
      expect(options).to.not.have.property('resolution');
    });
  });

  describe('stopRender(renderId, callback)', () => {
    it('DELETEs P/render/{id}; 204 → (null, "", response)', async () => {
      const { args, seen } = await exchange('DELETE', [204, ''], (cb) => newOpenTok().stopRender(RENDER_ID, cb));
      expectNoBodyRequest(seen, 'DELETE', `${RENDER_PATH}/${RENDER_ID}`);
      expectRenderSuccess(args, '', 204, `${API_URL}${RENDER_PATH}/${RENDER_ID}`);
      expect(args[1]).to.equal('');
    });

    it('inserts the ID raw', async () => {
      const { seen } = await exchange('DELETE', [204, ''], (cb) => newOpenTok().stopRender('abc/def', cb));
      expect(seen.path).to.equal(`${RENDER_PATH}/abc/def`);
    });
  });

  describe('errors: exactly one argument (generic mapping)', () => {
    const methods = [
      ['listRenders', 'GET', RENDER_PATH, (ot, cb) => ot.listRenders({}, cb)],
      ['getRender', 'GET', `${RENDER_PATH}/${RENDER_ID}`, (ot, cb) => ot.getRender(RENDER_ID, cb)],
      ['startRender', 'POST', RENDER_PATH, (ot, cb) => ot.startRender({ sessionId: SESSION_ID, token: TOKEN, url: RENDER_URL }, cb)],
      ['stopRender', 'DELETE', `${RENDER_PATH}/${RENDER_ID}`, (ot, cb) => ot.stopRender(RENDER_ID, cb)],
    ];
    for (const [name, httpMethod, path, invoke] of methods) {
      for (const [label, reply, className, message, props] of GENERIC_ERRORS) {
        it(`${name}: ${label} → ${className}`, async () => {
          const { args, seen } = await exchange(httpMethod, reply, (cb) => invoke(newOpenTok(), cb));
          expect(seen.path).to.equal(path);
          expectError(args, className, message, props);
        });
      }

      it(`${name}: connection refused → RequestError with cause`, async () => {
        const args = await failTransport(httpMethod, path, (cb) => invoke(newOpenTok(), cb));
        expectTransportError(args, `${API_URL}${path}`);
      });

      it(`${name}: unparseable JSON body → one-argument RequestError with SyntaxError cause`, async () => {
        const { args } = await exchange(httpMethod, [200, '{"id":', JSON_HEADERS], (cb) => invoke(newOpenTok(), cb));
        expect(args).to.have.length(1);
        expect(args[0]).to.be.an.instanceof(OpenTok.RequestError);
        expect(args[0].cause).to.be.an.instanceof(SyntaxError);
        expect(args[0].statusCode).to.equal(200);
      });
    }
  });
});

describe('live captions', () => {
  useNock();

  describe('startCaptions(sessionId, token, options, callback)', () => {
    describe('missing callback → throws ArgumentError("No callback given to startCaptions")', () => {
      const cases = [
        ['startCaptions(sid, token, cb): options are positional', (ot, cb) => ot.startCaptions(SESSION_ID, TOKEN, cb)],
        ['startCaptions(sid, token, options)', (ot) => ot.startCaptions(SESSION_ID, TOKEN, {})],
        ['startCaptions(sid, token)', (ot) => ot.startCaptions(SESSION_ID, TOKEN)],
        ['startCaptions()', (ot) => ot.startCaptions()],
        ['a non-function callback', (ot) => ot.startCaptions(SESSION_ID, TOKEN, {}, {})],
      ];
      for (const [label, invoke] of cases) {
        it(label, () => expectThrowsNoRequest((cb) => invoke(newOpenTok(), cb), 'No callback given to startCaptions'));
      }
    });

    describe('request: POST P/captions with the exact JSON body', () => {
      const base = `"sessionId":"${SESSION_ID}","token":"${TOKEN}"`;
      const cases = [
        ['defaults for {}', {}, `{${base},"languageCode":"en-US","maxDuration":14400,"partialCaptions":true}`],
        ['null options → {}', null, `{${base},"languageCode":"en-US","maxDuration":14400,"partialCaptions":true}`],
        ['undefined options → {}', undefined, `{${base},"languageCode":"en-US","maxDuration":14400,"partialCaptions":true}`],
        [
          'explicitly undefined options take the defaults',
          { languageCode: undefined, maxDuration: undefined, partialCaptions: undefined },
          `{${base},"languageCode":"en-US","maxDuration":14400,"partialCaptions":true}`,
        ],
        [
          'partialCaptions false and maxDuration 0 are kept (defaults only for undefined)',
          { partialCaptions: false, maxDuration: 0 },
          `{${base},"languageCode":"en-US","maxDuration":0,"partialCaptions":false}`,
        ],
        [
          'every option given, in a different order',
          { partialCaptions: false, maxDuration: 300, languageCode: 'en-US' },
          `{${base},"languageCode":"en-US","maxDuration":300,"partialCaptions":false}`,
        ],
        [
          'a null option is not undefined and is kept',
          { maxDuration: null },
          `{${base},"languageCode":"en-US","maxDuration":null,"partialCaptions":true}`,
        ],
        [
          'other option keys are ignored',
          { foo: 'bar', statusCallbackUrl: CALLBACK_URL, sessionId: 'OTHER', token: 'OTHER' },
          `{${base},"languageCode":"en-US","maxDuration":14400,"partialCaptions":true}`,
        ],
      ];
      for (const [label, options, expectedBody] of cases) {
        it(label, async () => {
          const { args, seen } = await exchange('POST', [202, { captionsId: CAPTIONS_ID }], (cb) =>
            newOpenTok().startCaptions(SESSION_ID, TOKEN, options, cb),
          );
          expectJsonPost(seen, CAPTIONS_PATH, expectedBody);
          expect(args).to.deep.equal([null, CAPTIONS_ID]);
        });
      }

      it('undefined sessionId/token keys disappear from the JSON', async () => {
        const { seen } = await exchange('POST', [202, { captionsId: CAPTIONS_ID }], (cb) =>
          newOpenTok().startCaptions(undefined, undefined, {}, cb),
        );
        expectJsonPost(seen, CAPTIONS_PATH, '{"languageCode":"en-US","maxDuration":14400,"partialCaptions":true}');
      });

      it('does not modify the options object', async () => {
        const options = { partialCaptions: false };
        await exchange('POST', [202, { captionsId: CAPTIONS_ID }], (cb) =>
          newOpenTok().startCaptions(SESSION_ID, TOKEN, options, cb),
        );
        expect(options).to.deep.equal({ partialCaptions: false });
        expect(Object.keys(options)).to.deep.equal(['partialCaptions']);
      });
    });

    describe('responses', () => {
      it('success → (null, body.captionsId): exactly two arguments, a string', async () => {
        const { args } = await exchange('POST', [202, { captionsId: CAPTIONS_ID, other: 1 }], (cb) =>
          newOpenTok().startCaptions(SESSION_ID, TOKEN, {}, cb),
        );
        expect(args).to.have.length(2);
        expect(args[0]).to.equal(null);
        expect(args[1]).to.be.a('string');
        expect(args[1]).to.equal(CAPTIONS_ID);
      });

      it('200 is a success too', async () => {
        const { args } = await exchange('POST', [200, { captionsId: 'abc' }], (cb) =>
          newOpenTok().startCaptions(SESSION_ID, TOKEN, null, cb),
        );
        expect(args).to.deep.equal([null, 'abc']);
      });

      it('409 → CaptionsError("Live captions have already started for this OpenTok Session")', async () => {
        const body = { code: 409, message: 'Captions already enabled' };
        const { args } = await exchange('POST', [409, body], (cb) => newOpenTok().startCaptions(SESSION_ID, TOKEN, {}, cb));
        const err = expectError(args, 'CaptionsError', CAPTIONS_STARTED_MESSAGE, { statusCode: 409, body });
        expect(err).to.be.an.instanceof(Error);
        expect(err).to.not.be.an.instanceof(OpenTok.RequestError);
      });

      it('409 with an empty body → CaptionsError without body', async () => {
        const { args } = await exchange('POST', [409, ''], (cb) => newOpenTok().startCaptions(SESSION_ID, TOKEN, {}, cb));
        expectError(args, 'CaptionsError', CAPTIONS_STARTED_MESSAGE, { statusCode: 409 });
      });

      for (const [label, reply, className, message, props] of GENERIC_ERRORS) {
        it(`${label} → generic ${className} (one argument)`, async () => {
          const { args } = await exchange('POST', reply, (cb) => newOpenTok().startCaptions(SESSION_ID, TOKEN, {}, cb));
          const err = expectError(args, className, message, props);
          expect(err).to.not.be.an.instanceof(OpenTok.CaptionsError);
        });
      }

      it('connection refused → RequestError with cause', async () => {
        const args = await failTransport('POST', CAPTIONS_PATH, (cb) => newOpenTok().startCaptions(SESSION_ID, TOKEN, {}, cb));
        expectTransportError(args, `${API_URL}${CAPTIONS_PATH}`);
      });

      it('2xx with a text body → RequestError malformed', async () => {
        const { args } = await exchange('POST', [202, 'accepted'], (cb) => newOpenTok().startCaptions(SESSION_ID, TOKEN, {}, cb));
        expectError(args, 'RequestError', 'Unexpected response from OpenTok: "accepted"', { statusCode: 202, body: 'accepted' });
      });

      it('2xx with an empty JSON body → RequestError "...: null"', async () => {
        const { args } = await exchange('POST', [202, '', JSON_HEADERS], (cb) =>
          newOpenTok().startCaptions(SESSION_ID, TOKEN, {}, cb),
        );
        expectError(args, 'RequestError', 'Unexpected response from OpenTok: null', { statusCode: 202 });
      });

      it('2xx with an empty non-JSON body → RequestError with JSON.stringify("")', async () => {
        const { args } = await exchange('POST', [204, ''], (cb) => newOpenTok().startCaptions(SESSION_ID, TOKEN, {}, cb));
        expectError(args, 'RequestError', 'Unexpected response from OpenTok: ""', { statusCode: 204 });
      });

      it('2xx with a JSON number body → RequestError malformed', async () => {
        const { args } = await exchange('POST', [200, '42', JSON_HEADERS], (cb) =>
          newOpenTok().startCaptions(SESSION_ID, TOKEN, {}, cb),
        );
        expectError(args, 'RequestError', 'Unexpected response from OpenTok: 42', { statusCode: 200, body: 42 });
      });
    });
  });

  describe('stopCaptions(captionsId, callback)', () => {
    const cases = [
      ['stopCaptions(id)', (ot) => ot.stopCaptions(CAPTIONS_ID)],
      ['stopCaptions()', (ot) => ot.stopCaptions()],
      ['a non-function callback', (ot) => ot.stopCaptions(CAPTIONS_ID, 'cb')],
    ];
    for (const [label, invoke] of cases) {
      it(`missing callback → throws ArgumentError("No callback given to stopCaptions"): ${label}`, () =>
        expectThrowsNoRequest((cb) => invoke(newOpenTok(), cb), 'No callback given to stopCaptions'));
    }

    it('POSTs P/captions/{id}/stop with no body and no Content-Type; 202 → (null, true)', async () => {
      const { args, seen } = await exchange('POST', [202, ''], (cb) => newOpenTok().stopCaptions(CAPTIONS_ID, cb));
      expectNoBodyRequest(seen, 'POST', `${CAPTIONS_PATH}/${CAPTIONS_ID}/stop`);
      expect(args).to.have.length(2);
      expect(args[0]).to.equal(null);
      expect(args[1]).to.equal(true);
    });

    for (const [label, reply] of [
      ['200 with a JSON body', [200, { ok: 1 }]],
      ['204 empty', [204, '']],
      ['202 with a text body', [202, 'Accepted']],
    ]) {
      it(`any 2xx → (null, true): ${label}`, async () => {
        const { args } = await exchange('POST', reply, (cb) => newOpenTok().stopCaptions(CAPTIONS_ID, cb));
        expect(args).to.deep.equal([null, true]);
      });
    }

    it('inserts the ID raw', async () => {
      const { seen } = await exchange('POST', [202, ''], (cb) => newOpenTok().stopCaptions('abc/def', cb));
      expect(seen.path).to.equal(`${CAPTIONS_PATH}/abc/def/stop`);
    });

    it('404 → NotFoundError("Not Found") with one argument', async () => {
      const { args } = await exchange('POST', [404, ''], (cb) => newOpenTok().stopCaptions(CAPTIONS_ID, cb));
      const err = expectError(args, 'NotFoundError', 'Not Found', { statusCode: 404 });
      expect(err).to.not.be.an.instanceof(OpenTok.CaptionsError);
    });

    for (const [label, reply, className, message, props] of GENERIC_ERRORS.filter(([l]) => !l.startsWith('404'))) {
      it(`${label} → generic ${className} (one argument)`, async () => {
        const { args } = await exchange('POST', reply, (cb) => newOpenTok().stopCaptions(CAPTIONS_ID, cb));
        expectError(args, className, message, props);
      });
    }

    it('409 → generic RequestError (CaptionsError is only for startCaptions)', async () => {
      const { args } = await exchange('POST', [409, { message: 'conflict' }], (cb) => newOpenTok().stopCaptions(CAPTIONS_ID, cb));
      const err = expectError(args, 'RequestError', 'Unexpected response from OpenTok: "{"message":"conflict"}"', {
        statusCode: 409,
        body: { message: 'conflict' },
      });
      expect(err).to.not.be.an.instanceof(OpenTok.CaptionsError);
    });

    it('connection refused → RequestError with cause', async () => {
      const path = `${CAPTIONS_PATH}/${CAPTIONS_ID}/stop`;
      const args = await failTransport('POST', path, (cb) => newOpenTok().stopCaptions(CAPTIONS_ID, cb));
      expectTransportError(args, `${API_URL}${path}`);
    });
  });
});
