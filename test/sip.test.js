'use strict';
// SIP interconnect: opentok.dial(sessionId, token, sipUri[, options], callback).
const { expect } = require('chai');
const nock = require('nock');
const OpenTok = require('opentok');
const SipInterconnectModule = require('opentok/lib/sipInterconnect.js');
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

const TOKEN = 'T1==cGFydG5lcl9pZD0xMjM0NTY';
const SIP_URI = 'sip:user@sip.example.com;transport=tls';
const DIAL_PATH = `${PROJECT_PATH}/dial`;
const DIAL_RESPONSE = { id: 'conf-1', connectionId: 'conn-1', streamId: 'stream-1' };

const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

function expectJsonRequest(rec, expectedBody) {
  expect(rec.count).to.equal(1);
  expect(rec.uri).to.equal(DIAL_PATH);
  expect(rec.headers['content-type']).to.equal('application/json');
  expect(rec.body).to.equal(expectedBody);
  expectAuthHeaders(rec.rawHeaders);
}

function expectSipCall(args) {
  expect(args).to.have.length(2);
  expect(args[0]).to.equal(null);
  const sipCall = args[1];
  expect(sipCall).to.be.an.instanceof(OpenTok.SipInterconnect);
  expect(sipCall).to.be.an.instanceof(SipInterconnectModule);
  return sipCall;
}

describe('dial', () => {
  useNock();
  let opentok;
  beforeEach(() => {
    opentok = new OpenTok(API_KEY, API_SECRET);
  });

  describe('missing callback', () => {
    const cases = [
      ['no options and no callback', [SESSION_ID, TOKEN, SIP_URI]],
      ['options and no callback', [SESSION_ID, TOKEN, SIP_URI, {}]],
      ['a non-function callback', [SESSION_ID, TOKEN, SIP_URI, {}, 'cb']],
      ['null options and null callback', [SESSION_ID, TOKEN, SIP_URI, null, null]],
      ['invalid arguments too (callback is checked first)', [null, null, null]],
    ];
    for (const [label, callArgs] of cases) {
      it(`throws ArgumentError('No callback given to dial') for ${label}`, async () => {
        const hits = trapRequests();
        let thrown;
        try {
          opentok.dial(...callArgs);
        } catch (error) {
          thrown = error;
        }
        expect(thrown, 'thrown error').to.be.an.instanceof(OpenTok.ArgumentError);
        expect(thrown.name).to.equal('ArgumentError');
        expect(thrown.message).to.equal('No callback given to dial');
        await settle();
        expect(hits).to.deep.equal([]);
      });
    }
  });

  describe('argument validation (synchronous ArgumentError, no request)', () => {
    const cases = [
      ['sessionId null', [null, TOKEN, SIP_URI], 'No session ID given'],
      ['sessionId undefined', [undefined, TOKEN, SIP_URI], 'No session ID given'],
      ['sessionId empty', ['', TOKEN, SIP_URI], 'No session ID given'],
      ['everything null (session ID first)', [null, null, null], 'No session ID given'],
      ['token null', [SESSION_ID, null, SIP_URI], 'No token given'],
      ['token empty', [SESSION_ID, '', SIP_URI], 'No token given'],
      ['token and SIP URI missing (token first)', [SESSION_ID, '', ''], 'No token given'],
      ['SIP URI null', [SESSION_ID, TOKEN, null], 'No SIP URI given'],
      ['SIP URI undefined', [SESSION_ID, TOKEN, undefined], 'No SIP URI given'],
      ['SIP URI empty', [SESSION_ID, TOKEN, ''], 'No SIP URI given'],
    ];
    for (const [label, callArgs, message] of cases) {
      for (const withOptions of [false, true]) {
        it(`${label}${withOptions ? ' (with options)' : ''} → ArgumentError('${message}')`, async () => {
          const hits = trapRequests();
          const calls = [];
          const cb = (...args) => calls.push(args);
          if (withOptions) opentok.dial(...callArgs, { secure: true }, cb);
          else opentok.dial(...callArgs, cb);
          expect(calls, 'called synchronously').to.have.length(1);
          const args = calls[0];
          expect(args).to.have.length(1);
          expect(args[0]).to.be.an.instanceof(OpenTok.ArgumentError);
          expect(args[0].name).to.equal('ArgumentError');
          expect(args[0].message).to.equal(message);
          expect(args[0].statusCode).to.equal(undefined);
          await settle();
          expect(calls).to.have.length(1);
          expect(hits).to.deep.equal([]);
        });
      }
    }

    it('a validation error has no statusCode, body or cause property at all', () => {
      let err;
      opentok.dial(null, TOKEN, SIP_URI, (e) => {
        err = e;
      });
      expect(err).to.be.an.instanceof(OpenTok.ArgumentError);
      expect(err).to.not.have.property('statusCode');
      expect(err).to.not.have.property('body');
      expect(err).to.not.have.property('cause');
    });

    it('does not validate formats (a non-SIP URI is sent as is)', async () => {
      const rec = mockRequest('POST', DIAL_PATH, [200, DIAL_RESPONSE]);
      const args = await callbackArgs((cb) => opentok.dial('x', 'y', 'not a uri', cb));
      expectSipCall(args);
      expectJsonRequest(rec, '{"sessionId":"x","token":"y","sip":{"uri":"not a uri"}}');
    });
  });

  describe('request body', () => {
    const minimal = `{"sessionId":"${SESSION_ID}","token":"${TOKEN}","sip":{"uri":"${SIP_URI}"}}`;

    it('accepts the callback in 4th position (options = {})', async () => {
      const rec = mockRequest('POST', DIAL_PATH, [200, DIAL_RESPONSE]);
      const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, cb));
      expectSipCall(args);
      expectJsonRequest(rec, minimal);
    });

    for (const empty of [null, undefined, {}]) {
      it(`treats ${JSON.stringify(empty) || 'undefined'} options as {}`, async () => {
        const rec = mockRequest('POST', DIAL_PATH, [200, DIAL_RESPONSE]);
        const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, empty, cb));
        expectSipCall(args);
        expectJsonRequest(rec, minimal);
      });
    }

    it('sends every option in the fixed sip key order, whatever the caller order', async () => {
      const rec = mockRequest('POST', DIAL_PATH, [200, DIAL_RESPONSE]);
      const options = {
        foo: 'ignored',
        streams: ['s1', 's2'],
        observeForceMute: true,
        video: true,
        from: 'from@example.com',
        secure: true,
        auth: { username: 'user', password: 'pass' },
        headers: { 'X-Custom': 'a', 'X-Other': 'b' },
        sessionId: 'not-this',
        uri: 'not-this',
      };
      const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, options, cb));
      expectSipCall(args);
      expectJsonRequest(
        rec,
        `{"sessionId":"${SESSION_ID}","token":"${TOKEN}","sip":{"uri":"${SIP_URI}",` +
          '"headers":{"X-Custom":"a","X-Other":"b"},"auth":{"username":"user","password":"pass"},' +
          '"secure":true,"from":"from@example.com","video":true,"observeForceMute":true,"streams":["s1","s2"]}}',
      );
    });

    it('sends truthy flags as true and stringifies a numeric from', async () => {
      const rec = mockRequest('POST', DIAL_PATH, [200, DIAL_RESPONSE]);
      const options = { secure: 'yes', video: 1, observeForceMute: 'on', from: 14155550101 };
      const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, options, cb));
      expectSipCall(args);
      expectJsonRequest(
        rec,
        `{"sessionId":"${SESSION_ID}","token":"${TOKEN}","sip":{"uri":"${SIP_URI}",` +
          '"secure":true,"from":"14155550101","video":true,"observeForceMute":true}}',
      );
    });

    it('omits falsy flags instead of sending false', async () => {
      const rec = mockRequest('POST', DIAL_PATH, [200, DIAL_RESPONSE]);
      const options = { secure: false, from: '', video: 0, observeForceMute: false, streams: undefined };
      const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, options, cb));
      expectSipCall(args);
      expectJsonRequest(rec, minimal);
    });

    it('sends auth as given, like headers: its key order and any other key (as 2.x did)', async () => {
      const rec = mockRequest('POST', DIAL_PATH, [200, DIAL_RESPONSE]);
      const auth = { password: 'pass', username: 'user', realm: 'example.com' };
      const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, { auth }, cb));
      expectSipCall(args);
      expectJsonRequest(
        rec,
        `{"sessionId":"${SESSION_ID}","token":"${TOKEN}","sip":{"uri":"${SIP_URI}",` + '"auth":{"password":"pass","username":"user","realm":"example.com"}}}',
      );
      expect(auth).to.deep.equal({ password: 'pass', username: 'user', realm: 'example.com' });
    });

    it('ignores headers and auth given as arrays', async () => {
      const rec = mockRequest('POST', DIAL_PATH, [200, DIAL_RESPONSE]);
      const options = { headers: ['X-Custom: a'], auth: ['user', 'pass'] };
      const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, options, cb));
      expectSipCall(args);
      expectJsonRequest(rec, minimal);
    });

    it('ignores unknown option keys', async () => {
      const rec = mockRequest('POST', DIAL_PATH, [200, DIAL_RESPONSE]);
      const options = { audioRate: 16000, bidirectional: true, token: 'other', name: 'x' };
      const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, options, cb));
      expectSipCall(args);
      expectJsonRequest(rec, minimal);
    });

    it('does not modify the caller options', async () => {
      mockRequest('POST', DIAL_PATH, [200, DIAL_RESPONSE]);
      const options = { from: 123, secure: 1, headers: { a: 'b' } };
      const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, options, cb));
      expectSipCall(args);
      expect(options).to.deep.equal({ from: 123, secure: 1, headers: { a: 'b' } });
    });
  });

  describe('response', () => {
    it('calls back (null, SipInterconnect) with id, connectionId and streamId copied', async () => {
      mockRequest('POST', DIAL_PATH, [200, DIAL_RESPONSE]);
      const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, {}, cb));
      const sipCall = expectSipCall(args);
      expect(OpenTok.SipInterconnect).to.equal(SipInterconnectModule);
      for (const key of ['id', 'connectionId', 'streamId']) {
        expect(Object.prototype.propertyIsEnumerable.call(sipCall, key), `own enumerable ${key}`).to.equal(true);
      }
      expect(sipCall).to.include({ id: 'conf-1', connectionId: 'conn-1', streamId: 'stream-1' });
    });

    it('the reply has no sessionId (as the service documents it): the SIP call gets the one it was dialled into, after the copied keys', async () => {
      mockRequest('POST', DIAL_PATH, [200, DIAL_RESPONSE]);
      const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, cb));
      const sipCall = expectSipCall(args);
      expect(sipCall.sessionId).to.equal(SESSION_ID);
      expect(Object.keys(sipCall)).to.deep.equal(['id', 'connectionId', 'streamId', 'sessionId']);
    });

    it('a reply that has a sessionId keeps its own', async () => {
      mockRequest('POST', DIAL_PATH, [200, { ...DIAL_RESPONSE, sessionId: 'from-the-reply' }]);
      const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, cb));
      expect(expectSipCall(args).sessionId).to.equal('from-the-reply');
    });

    it('copies extra response keys too (e.g. sessionId)', async () => {
      mockRequest('POST', DIAL_PATH, [200, { ...DIAL_RESPONSE, sessionId: SESSION_ID }]);
      const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, cb));
      const sipCall = expectSipCall(args);
      expect(sipCall.sessionId).to.equal(SESSION_ID);
    });

    it('runs the seed doc snippet shape: dial(sessionId, token, sipUri, options, function (error, sipCall) {...}), with the reply the service documents', async () => {
      mockRequest('POST', DIAL_PATH, [200, DIAL_RESPONSE]);
      const sessionId = SESSION_ID;
      const token = TOKEN;
      const sipUri = SIP_URI;
      const options = { headers: { 'X-Foo': 'bar' }, auth: { username: 'u', password: 'p' }, secure: true };
      const logged = [];
      const console = { log: (...parts) => logged.push(parts.join(' ')) };
      await new Promise((resolve) => {
        opentok.dial(sessionId, token, sipUri, options, function (error, sipCall) {
          resolve();
          if (error) return console.log('error: ', error);

          console.log('SIP audio stream Id: ' + sipCall.streamId + ' added to session ID: ' + sipCall.sessionId);
        });
      });
      expect(logged).to.deep.equal([`SIP audio stream Id: stream-1 added to session ID: ${SESSION_ID}`]);
    });

    function expectWrapped(args, ErrorClass, message, statusCode) {
      expect(args).to.have.length(1);
      const [err] = args;
      expect(err).to.be.an.instanceof(ErrorClass);
      expect(err).to.be.an.instanceof(Error);
      expect(err.name).to.equal(ErrorClass.name);
      expect(err.message).to.equal(message);
      expect(err.statusCode).to.equal(statusCode);
      return err;
    }

    it('403 → AuthError "Failed to dial endpoint. Error: Invalid API key or secret"', async () => {
      mockRequest('POST', DIAL_PATH, [403, { message: 'forbidden' }]);
      const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, {}, cb));
      expectWrapped(args, OpenTok.AuthError, 'Failed to dial endpoint. Error: Invalid API key or secret', 403);
    });

    it('401 → AuthError', async () => {
      mockRequest('POST', DIAL_PATH, [401, '']);
      const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, cb));
      expectWrapped(args, OpenTok.AuthError, 'Failed to dial endpoint. Error: Invalid API key or secret', 401);
    });

    it('500 → RequestError with the wrapped generic message, statusCode and body', async () => {
      mockRequest('POST', DIAL_PATH, [500, { message: 'Some error.' }]);
      const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, {}, cb));
      const err = expectWrapped(
        args,
        OpenTok.RequestError,
        'Failed to dial endpoint. Error: Unexpected response from OpenTok: "{"message":"Some error."}"',
        500,
      );
      expect(err.body).to.deep.equal({ message: 'Some error.' });
    });

    it('409 with a text body → RequestError quoting the text', async () => {
      mockRequest('POST', DIAL_PATH, [409, 'conflict', { 'Content-Type': 'text/plain' }]);
      const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, cb));
      expectWrapped(
        args,
        OpenTok.RequestError,
        'Failed to dial endpoint. Error: Unexpected response from OpenTok: "{"message":"conflict"}"',
        409,
      );
    });

    it('404 → NotFoundError "Failed to dial endpoint. Error: Not Found"', async () => {
      mockRequest('POST', DIAL_PATH, [404, '']);
      const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, cb));
      expectWrapped(args, OpenTok.NotFoundError, 'Failed to dial endpoint. Error: Not Found', 404);
    });

    it('a 2xx text body (not an object) → wrapped malformed-body RequestError', async () => {
      mockRequest('POST', DIAL_PATH, [200, 'OK', { 'Content-Type': 'text/plain' }]);
      const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, cb));
      const err = expectWrapped(
        args,
        OpenTok.RequestError,
        'Failed to dial endpoint. Error: Unexpected response from OpenTok: "OK"',
        200,
      );
      expect(err.body).to.equal('OK');
    });

    it('a 2xx JSON number body → wrapped malformed-body RequestError', async () => {
      mockRequest('POST', DIAL_PATH, [200, '42', { 'Content-Type': 'application/json' }]);
      const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, cb));
      const err = expectWrapped(
        args,
        OpenTok.RequestError,
        'Failed to dial endpoint. Error: Unexpected response from OpenTok: 42',
        200,
      );
      expect(err.body).to.equal(42);
    });

    it('connection failure → wrapped RequestError with the network error as cause', async () => {
      nock(API_URL).post(DIAL_PATH).replyWithError({ message: 'getaddrinfo ENOTFOUND', code: 'ENOTFOUND' });
      const args = await callbackArgs((cb) => opentok.dial(SESSION_ID, TOKEN, SIP_URI, cb));
      const err = expectWrapped(
        args,
        OpenTok.RequestError,
        `Failed to dial endpoint. Error: request to ${API_URL}${DIAL_PATH} failed, reason: getaddrinfo ENOTFOUND`,
        undefined,
      );
      expect(err.cause).to.be.an.instanceof(Error);
      expect(err.cause.code).to.equal('ENOTFOUND');
    });
  });
});
