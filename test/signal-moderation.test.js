'use strict';
// signal(sessionId, connectionId, payload, callback) and
// forceDisconnect(sessionId, connectionId, callback).
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
const { mockRequest, trapRequests } = require('./support/request-capture');

const CONNECTION_ID = 'e9f8c166-6c67-440d-994a-04fb6dfed007';
const SESSION_PATH = `${PROJECT_PATH}/session/${SESSION_ID}`;

const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

function expectError(args, ErrorClass, message, statusCode) {
  expect(args).to.have.length(1);
  const [err] = args;
  expect(err).to.be.an.instanceof(ErrorClass);
  expect(err).to.be.an.instanceof(Error);
  expect(err.name).to.equal(ErrorClass.name);
  expect(err.message).to.equal(message);
  expect(err.statusCode).to.equal(statusCode);
  return err;
}

function expectThrows(fn, ErrorClass, message) {
  let thrown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'thrown error').to.be.an.instanceof(ErrorClass);
  expect(thrown.name).to.equal(ErrorClass.name);
  expect(thrown.message).to.equal(message);
}

/** Calls `invoke(cb)` and checks the callback ran synchronously, once, with one error and no request. */
async function expectSyncValidationError(invoke, ErrorClass, message) {
  const hits = trapRequests();
  const calls = [];
  invoke((...args) => calls.push(args));
  expect(calls, 'called synchronously').to.have.length(1);
  const err = expectError(calls[0], ErrorClass, message, undefined);
  await settle();
  expect(calls).to.have.length(1);
  expect(hits).to.deep.equal([]);
  return err;
}

describe('signal', () => {
  useNock();
  let opentok;
  beforeEach(() => {
    opentok = new OpenTok(API_KEY, API_SECRET);
  });

  const payload = { type: 'chat', data: 'Hello, world' };

  describe('requests', () => {
    it('POSTs the payload to the session when connectionId is null', async () => {
      const rec = mockRequest('POST', `${SESSION_PATH}/signal`, [204, '']);
      const args = await callbackArgs((cb) => opentok.signal(SESSION_ID, null, payload, cb));
      expect(args).to.deep.equal([null]);
      expect(args).to.have.length(1);
      expect(rec.count).to.equal(1);
      expect(rec.uri).to.equal(`${SESSION_PATH}/signal`);
      expect(rec.headers['content-type']).to.equal('application/json');
      expect(rec.body).to.equal('{"type":"chat","data":"Hello, world"}');
      expectAuthHeaders(rec.rawHeaders);
    });

    for (const connectionId of [undefined, '', 0, false]) {
      it(`signals the whole session when connectionId is ${JSON.stringify(connectionId) || 'undefined'}`, async () => {
        const rec = mockRequest('POST', `${SESSION_PATH}/signal`, [204, '']);
        const args = await callbackArgs((cb) => opentok.signal(SESSION_ID, connectionId, payload, cb));
        expect(args).to.deep.equal([null]);
        expect(rec.count).to.equal(1);
      });
    }

    it('POSTs to /connection/{cid}/signal when connectionId is given', async () => {
      const rec = mockRequest('POST', `${SESSION_PATH}/connection/${CONNECTION_ID}/signal`, [204, '']);
      const args = await callbackArgs((cb) => opentok.signal(SESSION_ID, CONNECTION_ID, payload, cb));
      expect(args).to.have.length(1);
      expect(args[0]).to.equal(null);
      expect(rec.count).to.equal(1);
      expect(rec.uri).to.equal(`${SESSION_PATH}/connection/${CONNECTION_ID}/signal`);
      expect(rec.headers['content-type']).to.equal('application/json');
      expect(rec.body).to.equal('{"type":"chat","data":"Hello, world"}');
      expectAuthHeaders(rec.rawHeaders);
    });

    it('sends the payload as given: key order, extra keys, no validation', async () => {
      const rec = mockRequest('POST', `${SESSION_PATH}/signal`, [204, '']);
      const given = { data: 'x'.repeat(9000), extra: [1, { a: null }], type: 't'.repeat(200) };
      const snapshot = JSON.parse(JSON.stringify(given));
      const args = await callbackArgs((cb) => opentok.signal(SESSION_ID, null, given, cb));
      expect(args).to.deep.equal([null]);
      expect(rec.body).to.equal(JSON.stringify(given));
      expect(given).to.deep.equal(snapshot);
    });

    it('sends an empty payload object as {}', async () => {
      const rec = mockRequest('POST', `${SESSION_PATH}/signal`, [204, '']);
      const args = await callbackArgs((cb) => opentok.signal(SESSION_ID, null, {}, cb));
      expect(args).to.deep.equal([null]);
      expect(rec.body).to.equal('{}');
    });

    it('treats any 2xx as success with exactly one null argument', async () => {
      mockRequest('POST', `${SESSION_PATH}/signal`, [200, { ok: true }]);
      const args = await callbackArgs((cb) => opentok.signal(SESSION_ID, null, payload, cb));
      expect(args).to.have.length(1);
      expect(args[0]).to.equal(null);
    });
  });

  describe('errors', () => {
    it('404 → SignalError("Session or Connection not found") with statusCode', async () => {
      mockRequest('POST', `${SESSION_PATH}/connection/${CONNECTION_ID}/signal`, [404, { message: 'nope' }]);
      const args = await callbackArgs((cb) => opentok.signal(SESSION_ID, CONNECTION_ID, payload, cb));
      expectError(args, OpenTok.SignalError, 'Session or Connection not found', 404);
    });

    it('400 → RequestError with the generic message', async () => {
      mockRequest('POST', `${SESSION_PATH}/signal`, [400, { message: 'Invalid signal' }]);
      const args = await callbackArgs((cb) => opentok.signal(SESSION_ID, null, payload, cb));
      const err = expectError(
        args,
        OpenTok.RequestError,
        'Unexpected response from OpenTok: "{"message":"Invalid signal"}"',
        400,
      );
      expect(err.body).to.deep.equal({ message: 'Invalid signal' });
    });

    it('413 (text body) → RequestError quoting the text', async () => {
      mockRequest('POST', `${SESSION_PATH}/signal`, [413, 'Payload Too Large', { 'Content-Type': 'text/plain' }]);
      const args = await callbackArgs((cb) => opentok.signal(SESSION_ID, null, payload, cb));
      expectError(args, OpenTok.RequestError, 'Unexpected response from OpenTok: "{"message":"Payload Too Large"}"', 413);
    });

    it('500 (empty body) → RequestError with message ""', async () => {
      mockRequest('POST', `${SESSION_PATH}/signal`, [500, '']);
      const args = await callbackArgs((cb) => opentok.signal(SESSION_ID, null, payload, cb));
      expectError(args, OpenTok.RequestError, 'Unexpected response from OpenTok: "{"message":""}"', 500);
    });

    for (const status of [401, 403]) {
      it(`${status} → AuthError("Invalid API key or secret")`, async () => {
        mockRequest('POST', `${SESSION_PATH}/signal`, [status, { message: 'unauthorized' }]);
        const args = await callbackArgs((cb) => opentok.signal(SESSION_ID, null, payload, cb));
        expectError(args, OpenTok.AuthError, 'Invalid API key or secret', status);
      });
    }

    it('connection failure → RequestError with cause, no statusCode', async () => {
      nock(API_URL)
        .post(`${SESSION_PATH}/signal`)
        .replyWithError({ message: 'socket hang up', code: 'ECONNRESET' });
      const args = await callbackArgs((cb) => opentok.signal(SESSION_ID, null, payload, cb));
      const err = expectError(
        args,
        OpenTok.RequestError,
        `request to ${API_URL}${SESSION_PATH}/signal failed, reason: socket hang up`,
        undefined,
      );
      expect(err.cause).to.be.an.instanceof(Error);
      expect(err.cause.code).to.equal('ECONNRESET');
    });
  });

  describe('arguments', () => {
    const missing = [
      ['no callback', [SESSION_ID, null, payload]],
      ['a non-function callback', [SESSION_ID, null, payload, {}]],
      ['null everything (callback checked first)', [null, null, null]],
      ['a callback in 3rd position (no shifting)', [SESSION_ID, null, () => {}]],
    ];
    for (const [label, callArgs] of missing) {
      it(`throws ArgumentError('No callback given to signal') for ${label}`, async () => {
        const hits = trapRequests();
        expectThrows(() => opentok.signal(...callArgs), OpenTok.ArgumentError, 'No callback given to signal');
        await settle();
        expect(hits).to.deep.equal([]);
      });
    }

    const invalid = [
      ['sessionId null', [null, null, payload]],
      ['sessionId undefined', [undefined, CONNECTION_ID, payload]],
      ['payload null', [SESSION_ID, null, null]],
      ['payload undefined', [SESSION_ID, CONNECTION_ID, undefined]],
    ];
    for (const [label, callArgs] of invalid) {
      it(`${label} → synchronous ArgumentError('No sessionId or payload given to signal'), no request`, () =>
        expectSyncValidationError(
          (cb) => opentok.signal(...callArgs, cb),
          OpenTok.ArgumentError,
          'No sessionId or payload given to signal',
        ));
    }
  });
});

describe('forceDisconnect', () => {
  useNock();
  let opentok;
  beforeEach(() => {
    opentok = new OpenTok(API_KEY, API_SECRET);
  });

  const CONNECTION_PATH = `${SESSION_PATH}/connection/${CONNECTION_ID}`;

  it('sends DELETE P/session/{sid}/connection/{cid} without body or content type; 204 → (null)', async () => {
    const rec = mockRequest('DELETE', CONNECTION_PATH, [204, '']);
    const args = await callbackArgs((cb) => opentok.forceDisconnect(SESSION_ID, CONNECTION_ID, cb));
    expect(args).to.have.length(1);
    expect(args[0]).to.equal(null);
    expect(rec.count).to.equal(1);
    expect(rec.uri).to.equal(CONNECTION_PATH);
    expect(rec.headers).to.not.have.property('content-type');
    expect(rec.body).to.equal('');
    expectAuthHeaders(rec.rawHeaders);
  });

  it("drops the /connection part when connectionId is ''", async () => {
    const rec = mockRequest('DELETE', SESSION_PATH, [204, '']);
    const args = await callbackArgs((cb) => opentok.forceDisconnect(SESSION_ID, '', cb));
    expect(args).to.deep.equal([null]);
    expect(rec.count).to.equal(1);
    expect(rec.uri).to.equal(SESSION_PATH);
  });

  it('inserts the IDs raw (not URI-encoded)', async () => {
    const rec = mockRequest('DELETE', `${PROJECT_PATH}/session/a~b/connection/c~d`, [204, '']);
    const args = await callbackArgs((cb) => opentok.forceDisconnect('a~b', 'c~d', cb));
    expect(args).to.deep.equal([null]);
    expect(rec.uri).to.equal(`${PROJECT_PATH}/session/a~b/connection/c~d`);
  });

  it('runs the seed doc snippet: forceDisconnect(sessionId, connectionId, function (error) {...})', async () => {
    mockRequest('DELETE', CONNECTION_PATH, [204, '']);
    const sessionId = SESSION_ID;
    const connectionId = CONNECTION_ID;
    const logged = [];
    const console = { log: (...parts) => logged.push(parts) };
    const args = await callbackArgs((done) =>
      opentok.forceDisconnect(sessionId, connectionId, function (error) {
        done(...arguments);
        if (error) return console.log('error:', error);
      }),
    );
    expect(args).to.deep.equal([null]);
    expect(logged).to.deep.equal([]);
  });

  it('404 → ForceDisconnectError("Session or Connection not found") with statusCode', async () => {
    mockRequest('DELETE', CONNECTION_PATH, [404, { message: 'Not found' }]);
    const args = await callbackArgs((cb) => opentok.forceDisconnect(SESSION_ID, CONNECTION_ID, cb));
    expectError(args, OpenTok.ForceDisconnectError, 'Session or Connection not found', 404);
  });

  it('403 → AuthError', async () => {
    mockRequest('DELETE', CONNECTION_PATH, [403, '']);
    const args = await callbackArgs((cb) => opentok.forceDisconnect(SESSION_ID, CONNECTION_ID, cb));
    expectError(args, OpenTok.AuthError, 'Invalid API key or secret', 403);
  });

  it('400 → RequestError with the generic message', async () => {
    mockRequest('DELETE', CONNECTION_PATH, [400, { message: 'bad' }]);
    const args = await callbackArgs((cb) => opentok.forceDisconnect(SESSION_ID, CONNECTION_ID, cb));
    expectError(args, OpenTok.RequestError, 'Unexpected response from OpenTok: "{"message":"bad"}"', 400);
  });

  it('500 → RequestError with the generic message', async () => {
    mockRequest('DELETE', CONNECTION_PATH, [500, { message: 'Some error.' }]);
    const args = await callbackArgs((cb) => opentok.forceDisconnect(SESSION_ID, CONNECTION_ID, cb));
    expectError(args, OpenTok.RequestError, 'Unexpected response from OpenTok: "{"message":"Some error."}"', 500);
  });

  const missing = [
    ['no callback', [SESSION_ID, CONNECTION_ID]],
    ['a non-function callback', [SESSION_ID, CONNECTION_ID, 'cb']],
    ['null IDs (callback checked first)', [null, null]],
  ];
  for (const [label, callArgs] of missing) {
    it(`throws ArgumentError('No callback given to forceDisconnect') for ${label}`, async () => {
      const hits = trapRequests();
      expectThrows(
        () => opentok.forceDisconnect(...callArgs),
        OpenTok.ArgumentError,
        'No callback given to forceDisconnect',
      );
      await settle();
      expect(hits).to.deep.equal([]);
    });
  }

  const invalid = [
    ['sessionId null', [null, CONNECTION_ID]],
    ['sessionId undefined', [undefined, CONNECTION_ID]],
    ['connectionId null', [SESSION_ID, null]],
    ['connectionId undefined', [SESSION_ID, undefined]],
  ];
  for (const [label, callArgs] of invalid) {
    it(`${label} → synchronous ArgumentError('No sessionId or connectionId given to forceDisconnect')`, () =>
      expectSyncValidationError(
        (cb) => opentok.forceDisconnect(...callArgs, cb),
        OpenTok.ArgumentError,
        'No sessionId or connectionId given to forceDisconnect',
      ));
  }
});
