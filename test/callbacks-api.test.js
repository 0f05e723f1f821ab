'use strict';
// Event callbacks: registerCallback, unregisterCallback, listCallbacks and Callback#unregister
// (which 2.23.2 broke).
const { expect } = require('chai');
const nock = require('nock');
const OpenTok = require('opentok');
const {
  API_KEY,
  API_SECRET,
  API_URL,
  PROJECT_PATH,
  callbackArgs,
  expectAuthHeaders,
  useNock,
} = require('./helpers');
const { mockRequest, trapRequests } = require('./support/request-capture');

const CALLBACK_PATH = `${PROJECT_PATH}/callback`;
const ITEM = {
  id: 'cb-1',
  group: 'connection',
  event: 'created',
  url: 'https://example.com/events',
  createdAt: 1700000000000,
};
const ITEM_2 = {
  id: 'cb/2 x',
  group: 'stream',
  event: 'destroyed',
  url: 'https://example.com/streams',
  createdAt: 1700000001000,
};

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

async function expectThrowsNoRequest(fn, message) {
  const hits = trapRequests();
  let thrown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'thrown error').to.be.an.instanceof(OpenTok.ArgumentError);
  expect(thrown.name).to.equal('ArgumentError');
  expect(thrown.message).to.equal(message);
  await settle();
  expect(hits).to.deep.equal([]);
}

/** Asserts a Callback model: every key of the item copied, plus a working `unregister`. */
function expectCallbackModel(model, item) {
  for (const [key, value] of Object.entries(item)) {
    expect(Object.prototype.propertyIsEnumerable.call(model, key), `own enumerable ${key}`).to.equal(true);
    expect(model[key], key).to.equal(value);
  }
  expect(model.unregister).to.be.a('function');
}

describe('event callbacks', () => {
  useNock();
  let opentok;
  beforeEach(() => {
    opentok = new OpenTok(API_KEY, API_SECRET);
  });

  describe('registerCallback', () => {
    it('POSTs {group, event, url} in that order and calls back (null, Callback)', async () => {
      const rec = mockRequest('POST', CALLBACK_PATH, [200, ITEM]);
      const options = { url: ITEM.url, event: 'created', group: 'connection', extra: 'ignored' };
      const args = await callbackArgs((cb) => opentok.registerCallback(options, cb));
      expect(args).to.have.length(2);
      expect(args[0]).to.equal(null);
      expectCallbackModel(args[1], ITEM);
      expect(rec.count).to.equal(1);
      expect(rec.uri).to.equal(CALLBACK_PATH);
      expect(rec.headers['content-type']).to.equal('application/json');
      expect(rec.body).to.equal('{"group":"connection","event":"created","url":"https://example.com/events"}');
      expectAuthHeaders(rec.rawHeaders);
      expect(options).to.deep.equal({ url: ITEM.url, event: 'created', group: 'connection', extra: 'ignored' });
    });

    it('drops undefined keys from the body', async () => {
      const rec = mockRequest('POST', CALLBACK_PATH, [200, ITEM]);
      const args = await callbackArgs((cb) => opentok.registerCallback({ url: 'https://u' }, cb));
      expect(args[0]).to.equal(null);
      expect(rec.body).to.equal('{"url":"https://u"}');
    });

    it('does not validate the values', async () => {
      const rec = mockRequest('POST', CALLBACK_PATH, [200, ITEM]);
      const args = await callbackArgs((cb) =>
        opentok.registerCallback({ group: 'nonsense', event: '', url: 'not a url' }, cb),
      );
      expect(args[0]).to.equal(null);
      expect(rec.body).to.equal('{"group":"nonsense","event":"","url":"not a url"}');
    });

    it('accepts the callback as the only argument (body {})', async () => {
      const rec = mockRequest('POST', CALLBACK_PATH, [200, ITEM]);
      const args = await callbackArgs((cb) => opentok.registerCallback(cb));
      expect(args).to.have.length(2);
      expect(args[0]).to.equal(null);
      expectCallbackModel(args[1], ITEM);
      expect(rec.body).to.equal('{}');
      expect(rec.headers['content-type']).to.equal('application/json');
    });

    for (const empty of [null, undefined]) {
      it(`treats ${empty} options as {}`, async () => {
        const rec = mockRequest('POST', CALLBACK_PATH, [200, ITEM]);
        const args = await callbackArgs((cb) => opentok.registerCallback(empty, cb));
        expect(args[0]).to.equal(null);
        expect(rec.body).to.equal('{}');
      });
    }

    it('the returned Callback unregisters itself', async () => {
      mockRequest('POST', CALLBACK_PATH, [200, ITEM_2]);
      const [, model] = await callbackArgs((cb) => opentok.registerCallback({ group: 'stream' }, cb));
      const rec = mockRequest('DELETE', `${CALLBACK_PATH}/cb%2F2%20x`, [204, '']);
      const args = await callbackArgs((cb) => model.unregister(cb));
      expect(args).to.have.length(1);
      expect(args[0]).to.equal(null);
      expect(rec.count).to.equal(1);
      expect(rec.uri).to.equal(`${CALLBACK_PATH}/cb%2F2%20x`);
    });

    it('403 → (AuthError) with one argument', async () => {
      mockRequest('POST', CALLBACK_PATH, [403, '']);
      const args = await callbackArgs((cb) => opentok.registerCallback({ url: 'https://u' }, cb));
      expectError(args, OpenTok.AuthError, 'Invalid API key or secret', 403);
    });

    it('500 → (RequestError) with one argument', async () => {
      mockRequest('POST', CALLBACK_PATH, [500, { message: 'Some error.' }]);
      const args = await callbackArgs((cb) => opentok.registerCallback({ url: 'https://u' }, cb));
      expectError(args, OpenTok.RequestError, 'Unexpected response from OpenTok: "{"message":"Some error."}"', 500);
    });

    const missing = [
      ['no arguments', []],
      ['options only', [{ url: 'https://u' }]],
      ['a non-function callback', [{}, 'cb']],
    ];
    for (const [label, callArgs] of missing) {
      it(`throws ArgumentError('No callback given to registerCallback') for ${label}`, () =>
        expectThrowsNoRequest(() => opentok.registerCallback(...callArgs), 'No callback given to registerCallback'));
    }
  });

  describe('unregisterCallback', () => {
    it('DELETEs P/callback/{encodeURIComponent(id)} without body; success (null)', async () => {
      const rec = mockRequest('DELETE', `${CALLBACK_PATH}/a%2Fb%3Fc%20d%23e`, [204, '']);
      const args = await callbackArgs((cb) => opentok.unregisterCallback('a/b?c d#e', cb));
      expect(args).to.have.length(1);
      expect(args[0]).to.equal(null);
      expect(rec.count).to.equal(1);
      expect(rec.uri).to.equal(`${CALLBACK_PATH}/a%2Fb%3Fc%20d%23e`);
      expect(rec.headers).to.not.have.property('content-type');
      expect(rec.body).to.equal('');
      expectAuthHeaders(rec.rawHeaders);
    });

    it('accepts a numeric id (not null/empty)', async () => {
      const rec = mockRequest('DELETE', `${CALLBACK_PATH}/42`, [204, '']);
      const args = await callbackArgs((cb) => opentok.unregisterCallback(42, cb));
      expect(args).to.deep.equal([null]);
      expect(rec.count).to.equal(1);
    });

    for (const id of [null, undefined, '', []]) {
      it(`id ${JSON.stringify(id) || 'undefined'} → synchronous ArgumentError('No callback ID given'), no request`, async () => {
        const hits = trapRequests();
        const calls = [];
        opentok.unregisterCallback(id, (...args) => calls.push(args));
        expect(calls, 'called synchronously').to.have.length(1);
        expectError(calls[0], OpenTok.ArgumentError, 'No callback ID given', undefined);
        await settle();
        expect(calls).to.have.length(1);
        expect(hits).to.deep.equal([]);
      });
    }

    it('404 → (NotFoundError) with one argument', async () => {
      mockRequest('DELETE', `${CALLBACK_PATH}/cb-1`, [404, '']);
      const args = await callbackArgs((cb) => opentok.unregisterCallback('cb-1', cb));
      expectError(args, OpenTok.NotFoundError, 'Not Found', 404);
    });

    it('401 → (AuthError) with one argument', async () => {
      mockRequest('DELETE', `${CALLBACK_PATH}/cb-1`, [401, '']);
      const args = await callbackArgs((cb) => opentok.unregisterCallback('cb-1', cb));
      expectError(args, OpenTok.AuthError, 'Invalid API key or secret', 401);
    });

    const missing = [
      ['an id only', ['cb-1']],
      ['a non-function callback', ['cb-1', {}]],
      ['a null id and no callback (callback checked first)', [null]],
    ];
    for (const [label, callArgs] of missing) {
      it(`throws ArgumentError('No callback given to unregisterCallback') for ${label}`, () =>
        expectThrowsNoRequest(
          () => opentok.unregisterCallback(...callArgs),
          'No callback given to unregisterCallback',
        ));
    }
  });

  describe('listCallbacks', () => {
    const calls = [
      ['(cb)', (o, cb) => o.listCallbacks(cb)],
      ['({}, cb)', (o, cb) => o.listCallbacks({}, cb)],
      ['(null, cb)', (o, cb) => o.listCallbacks(null, cb)],
      ['({foo}, cb)', (o, cb) => o.listCallbacks({ foo: 'bar' }, cb)],
    ];
    for (const [label, call] of calls) {
      it(`GETs P/callback for listCallbacks${label} and calls back (null, Callback[])`, async () => {
        const rec = mockRequest('GET', CALLBACK_PATH, [200, [ITEM, ITEM_2]]);
        const args = await callbackArgs((cb) => call(opentok, cb));
        expect(args).to.have.length(2);
        expect(args[0]).to.equal(null);
        expect(args[1]).to.be.an('array').with.length(2);
        expectCallbackModel(args[1][0], ITEM);
        expectCallbackModel(args[1][1], ITEM_2);
        expect(rec.count).to.equal(1);
        expect(rec.uri).to.equal(CALLBACK_PATH);
        expect(rec.headers).to.not.have.property('content-type');
        expect(rec.body).to.equal('');
        expectAuthHeaders(rec.rawHeaders);
      });
    }

    it('an empty array → (null, [])', async () => {
      mockRequest('GET', CALLBACK_PATH, [200, []]);
      const args = await callbackArgs((cb) => opentok.listCallbacks(cb));
      expect(args).to.have.length(2);
      expect(args[0]).to.equal(null);
      expect(args[1]).to.deep.equal([]);
    });

    it('each listed Callback has a working unregister(cb) issuing the DELETE', async () => {
      mockRequest('GET', CALLBACK_PATH, [200, [ITEM, ITEM_2]]);
      const [, list] = await callbackArgs((cb) => opentok.listCallbacks(cb));
      const first = mockRequest('DELETE', `${CALLBACK_PATH}/cb-1`, [204, '']);
      const second = mockRequest('DELETE', `${CALLBACK_PATH}/cb%2F2%20x`, [204, '']);
      const args1 = await callbackArgs((cb) => list[0].unregister(cb));
      const args2 = await callbackArgs((cb) => list[1].unregister(cb));
      expect(args1).to.have.length(1);
      expect(args1[0]).to.equal(null);
      expect(args2).to.have.length(1);
      expect(args2[0]).to.equal(null);
      expect(first.count).to.equal(1);
      expect(first.uri).to.equal(`${CALLBACK_PATH}/cb-1`);
      expect(first.headers).to.not.have.property('content-type');
      expectAuthHeaders(first.rawHeaders);
      expect(second.count).to.equal(1);
      expect(second.uri).to.equal(`${CALLBACK_PATH}/cb%2F2%20x`);
    });

    it('unregister on a listed Callback reports errors like unregisterCallback', async () => {
      mockRequest('GET', CALLBACK_PATH, [200, [ITEM]]);
      const [, list] = await callbackArgs((cb) => opentok.listCallbacks(cb));
      mockRequest('DELETE', `${CALLBACK_PATH}/cb-1`, [404, '']);
      const args = await callbackArgs((cb) => list[0].unregister(cb));
      expectError(args, OpenTok.NotFoundError, 'Not Found', 404);
    });

    for (const body of [{}, { items: [ITEM] }]) {
      it(`a non-array 2xx body ${JSON.stringify(body)} → malformed RequestError`, async () => {
        mockRequest('GET', CALLBACK_PATH, [200, body]);
        const args = await callbackArgs((cb) => opentok.listCallbacks(cb));
        const err = expectError(
          args,
          OpenTok.RequestError,
          `Unexpected response from OpenTok: ${JSON.stringify(body)}`,
          200,
        );
        expect(err.body).to.deep.equal(body);
      });
    }

    it('a non-array 2xx text body → malformed RequestError', async () => {
      mockRequest('GET', CALLBACK_PATH, [200, 'OK', { 'Content-Type': 'text/plain' }]);
      const args = await callbackArgs((cb) => opentok.listCallbacks(cb));
      expectError(args, OpenTok.RequestError, 'Unexpected response from OpenTok: "OK"', 200);
    });

    it('403 → exactly one call with one AuthError argument', async () => {
      mockRequest('GET', CALLBACK_PATH, [403, { message: 'nope' }]);
      const args = await callbackArgs((cb) => opentok.listCallbacks(cb));
      expectError(args, OpenTok.AuthError, 'Invalid API key or secret', 403);
    });

    it('500 → exactly one call with one RequestError argument', async () => {
      mockRequest('GET', CALLBACK_PATH, [500, { message: 'Some error.' }]);
      const args = await callbackArgs((cb) => opentok.listCallbacks({}, cb));
      expectError(args, OpenTok.RequestError, 'Unexpected response from OpenTok: "{"message":"Some error."}"', 500);
    });

    it('404 → exactly one call with one NotFoundError argument', async () => {
      mockRequest('GET', CALLBACK_PATH, [404, '']);
      const args = await callbackArgs((cb) => opentok.listCallbacks(cb));
      expectError(args, OpenTok.NotFoundError, 'Not Found', 404);
    });

    it('connection failure → exactly one call with one RequestError argument', async () => {
      nock(API_URL).get(CALLBACK_PATH).replyWithError({ message: 'connect ECONNREFUSED', code: 'ECONNREFUSED' });
      const args = await callbackArgs((cb) => opentok.listCallbacks(cb));
      const err = expectError(
        args,
        OpenTok.RequestError,
        `request to ${API_URL}${CALLBACK_PATH} failed, reason: connect ECONNREFUSED`,
        undefined,
      );
      expect(err.cause.code).to.equal('ECONNREFUSED');
    });

    const missing = [
      ['no arguments', []],
      ['options only', [{}]],
      ['a non-function callback', [{}, 'cb']],
    ];
    for (const [label, callArgs] of missing) {
      it(`throws ArgumentError('No callback given to listCallbacks') for ${label}`, () =>
        expectThrowsNoRequest(() => opentok.listCallbacks(...callArgs), 'No callback given to listCallbacks'));
    }
  });
});
