'use strict';
// opentok.createSession([options], callback): the form body, the Session it builds and its
// wrapped errors ('Failed to createSession. Error: <inner message>').
const { expect } = require('chai');
const nock = require('nock');
const OpenTok = require('opentok');
const Session = require('opentok/lib/session.js');
const {
  API_KEY,
  API_SECRET,
  API_URL,
  callbackArgs,
  expectAuthHeaders,
  useNock,
} = require('./helpers');
const { mockRequest, trapRequests } = require('./support/request-capture');

const CREATED_SESSION_ID = '2_MX4xMjM0NTZ-fk1vbiBKYW4gMDEgMDA6MDA6MDAgUFNUIDIwMjR-MC4xMjM0fn4';
const CREATE_BODY = [
  {
    session_id: CREATED_SESSION_ID,
    project_id: API_KEY,
    partner_id: API_KEY,
    create_dt: 'Mon Jan 01 00:00:00 PST 2024',
    media_server_url: '',
  },
];
const FORM = 'application/x-www-form-urlencoded';

const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

function expectSessionSuccess(args, opentok) {
  expect(args).to.have.length(2);
  expect(args[0]).to.equal(null);
  const session = args[1];
  expect(session).to.be.an.instanceof(Session);
  expect(session.ot).to.equal(opentok);
  expect(session.sessionId).to.equal(CREATED_SESSION_ID);
  return session;
}

describe('createSession', () => {
  useNock();
  let opentok;
  beforeEach(() => {
    opentok = new OpenTok(API_KEY, API_SECRET);
  });

  describe('request body and wire format', () => {
    const table = [
      ['no options', undefined, 'archiveMode=manual&p2p.preference=enabled'],
      ['{mediaMode: routed}', { mediaMode: 'routed' }, 'archiveMode=manual&p2p.preference=disabled'],
      [
        '{mediaMode: routed, archiveMode: always}',
        { mediaMode: 'routed', archiveMode: 'always' },
        'archiveMode=always&p2p.preference=disabled',
      ],
      [
        '{location: 12.34.56.78}',
        { location: '12.34.56.78' },
        'location=12.34.56.78&archiveMode=manual&p2p.preference=enabled',
      ],
      [
        'every documented option',
        {
          location: '12.34.56.78',
          mediaMode: 'routed',
          archiveMode: 'always',
          e2ee: true,
          archiveName: 'nm',
          archiveResolution: '1280x720',
        },
        'location=12.34.56.78&archiveMode=always&e2ee=true&archiveName=nm&archiveResolution=1280x720&p2p.preference=disabled',
      ],
    ];

    for (const [label, options, expectedBody] of table) {
      it(`sends the exact form body for ${label}`, async () => {
        const rec = mockRequest('POST', '/session/create', [200, CREATE_BODY]);
        const args = await callbackArgs((cb) =>
          options === undefined ? opentok.createSession(cb) : opentok.createSession(options, cb),
        );
        expectSessionSuccess(args, opentok);
        expect(rec.count).to.equal(1);
        expect(rec.uri).to.equal('/session/create');
        expect(rec.body).to.equal(expectedBody);
        expect(rec.headers['content-type']).to.equal(FORM);
        expectAuthHeaders(rec.rawHeaders);
      });
    }

    it('posts to /session/create on the base URL, without the /v2/project prefix', async () => {
      const base = 'http://localhost:4567';
      const custom = new OpenTok(API_KEY, API_SECRET, { apiUrl: base });
      const rec = mockRequest('POST', '/session/create', [200, CREATE_BODY], base);
      const args = await callbackArgs((cb) => custom.createSession({ mediaMode: 'routed' }, cb));
      expectSessionSuccess(args, custom);
      expect(rec.count).to.equal(1);
      expect(rec.uri).to.equal('/session/create');
      expect(rec.body).to.equal('archiveMode=manual&p2p.preference=disabled');
      expect(rec.headers['content-type']).to.equal(FORM);
    });

    it('treats a function first argument as the callback (options = {})', async () => {
      const rec = mockRequest('POST', '/session/create', [200, CREATE_BODY]);
      const args = await callbackArgs((cb) => opentok.createSession(cb));
      const session = expectSessionSuccess(args, opentok);
      expect(rec.body).to.equal('archiveMode=manual&p2p.preference=enabled');
      expect(Object.keys(session)).to.deep.equal(['ot', 'sessionId', 'mediaMode', 'archiveMode']);
      expect(session.mediaMode).to.equal('relayed');
      expect(session.archiveMode).to.equal('manual');
    });

    for (const empty of [null, undefined]) {
      it(`treats ${empty} options as {}`, async () => {
        const rec = mockRequest('POST', '/session/create', [200, CREATE_BODY]);
        const args = await callbackArgs((cb) => opentok.createSession(empty, cb));
        const session = expectSessionSuccess(args, opentok);
        expect(rec.body).to.equal('archiveMode=manual&p2p.preference=enabled');
        expect(Object.keys(session)).to.deep.equal(['ot', 'sessionId', 'mediaMode', 'archiveMode']);
      });
    }

    it('never sends mediaMode or unknown option keys, and keeps the fixed field order', async () => {
      const rec = mockRequest('POST', '/session/create', [200, CREATE_BODY]);
      const options = {
        archiveResolution: '640x480',
        foo: 'bar',
        mediaMode: 'routed',
        'p2p.preference': 'enabled',
        archiveName: 'x',
        apiKey: 'nope',
        location: '10.0.0.1',
      };
      const args = await callbackArgs((cb) => opentok.createSession(options, cb));
      expectSessionSuccess(args, opentok);
      expect(rec.body).to.equal(
        'location=10.0.0.1&archiveMode=manual&archiveName=x&archiveResolution=640x480&p2p.preference=disabled',
      );
    });

    it('encodes values like URLSearchParams (space → +) and sends e2ee=false', async () => {
      const rec = mockRequest('POST', '/session/create', [200, CREATE_BODY]);
      const args = await callbackArgs((cb) =>
        opentok.createSession({ archiveName: 'My archive & co/1', e2ee: false }, cb),
      );
      expectSessionSuccess(args, opentok);
      expect(rec.body).to.equal(
        'archiveMode=manual&e2ee=false&archiveName=My+archive+%26+co%2F1&p2p.preference=enabled',
      );
    });

    it('omits fields whose value is null or undefined', async () => {
      const rec = mockRequest('POST', '/session/create', [200, CREATE_BODY]);
      const args = await callbackArgs((cb) =>
        opentok.createSession({ e2ee: null, archiveName: undefined, archiveResolution: null }, cb),
      );
      expectSessionSuccess(args, opentok);
      expect(rec.body).to.equal('archiveMode=manual&p2p.preference=enabled');
    });

    it('silently replaces an invalid mediaMode by relayed', async () => {
      const rec = mockRequest('POST', '/session/create', [200, CREATE_BODY]);
      const args = await callbackArgs((cb) => opentok.createSession({ mediaMode: 'bogus' }, cb));
      const session = expectSessionSuccess(args, opentok);
      expect(rec.body).to.equal('archiveMode=manual&p2p.preference=enabled');
      expect(session.mediaMode).to.equal('relayed');
    });

    it('silently replaces an invalid archiveMode by manual', async () => {
      const rec = mockRequest('POST', '/session/create', [200, CREATE_BODY]);
      const args = await callbackArgs((cb) =>
        opentok.createSession({ mediaMode: 'routed', archiveMode: 'sometimes' }, cb),
      );
      const session = expectSessionSuccess(args, opentok);
      expect(rec.body).to.equal('archiveMode=manual&p2p.preference=disabled');
      expect(session.archiveMode).to.equal('manual');
    });
  });

  describe('missing callback', () => {
    const message = 'Invalid arguments when calling createSession, must provide a callback';
    const cases = [
      ['no arguments at all', []],
      ['options only', [{ mediaMode: 'routed' }]],
      ['null only', [null]],
      ['a non-function callback', [{}, 'callback']],
      ['a null callback', [{}, null]],
      ['invalid options and no callback (checked first)', [{ location: 'nowhere' }]],
    ];
    for (const [label, callArgs] of cases) {
      it(`throws a plain Error for ${label}, sending nothing`, async () => {
        const hits = trapRequests();
        let thrown;
        try {
          opentok.createSession(...callArgs);
        } catch (error) {
          thrown = error;
        }
        expect(thrown, 'thrown error').to.be.an.instanceof(Error);
        expect(thrown.constructor).to.equal(Error);
        expect(thrown.message).to.equal(message);
        await settle();
        expect(hits).to.deep.equal([]);
      });
    }
  });

  describe('validation errors (delivered on process.nextTick, no request)', () => {
    async function expectDeferredError(options, message) {
      const hits = trapRequests();
      const calls = [];
      let immediateRan = false;
      opentok.createSession(options, (...args) => calls.push({ args, immediateRan }));
      expect(calls, 'callback called synchronously').to.have.length(0);
      setImmediate(() => {
        immediateRan = true;
      });
      await settle();
      expect(calls).to.have.length(1);
      expect(calls[0].immediateRan, 'delivered on the next tick').to.equal(false);
      const { args } = calls[0];
      expect(args).to.have.length(1);
      const [err] = args;
      expect(err.constructor).to.equal(Error);
      expect(err.message).to.equal(message);
      expect(err).to.not.have.property('statusCode');
      expect(hits).to.deep.equal([]);
    }

    const ALWAYS = 'A session with always archive mode must also have the routed media mode.';
    const LOCATION = 'Invalid arguments when calling createSession, location must be an IPv4 address';

    it('archiveMode always without mediaMode → always/routed error', () =>
      expectDeferredError({ archiveMode: 'always' }, ALWAYS));

    it('archiveMode always with mediaMode relayed → always/routed error', () =>
      expectDeferredError({ archiveMode: 'always', mediaMode: 'relayed' }, ALWAYS));

    it('archiveMode always with an invalid mediaMode (replaced by relayed) → always/routed error', () =>
      expectDeferredError({ archiveMode: 'always', mediaMode: 'ROUTED' }, ALWAYS));

    it('checks always/routed before location', () =>
      expectDeferredError({ archiveMode: 'always', location: 'not-an-ip' }, ALWAYS));

    for (const location of ['not-an-ip', 'localhost', '::1', '1.2.3', '256.1.1.1', '', null, 1234]) {
      it(`location ${JSON.stringify(location)} → IPv4 error`, () => expectDeferredError({ location }, LOCATION));
    }

    it('a location key present with value undefined → IPv4 error', () =>
      expectDeferredError({ location: undefined }, LOCATION));
  });

  describe('success', () => {
    it('calls back (null, Session) with sessionId = body[0].session_id', async () => {
      mockRequest('POST', '/session/create', [200, CREATE_BODY]);
      const args = await callbackArgs((cb) => opentok.createSession({}, cb));
      const session = expectSessionSuccess(args, opentok);
      expect(session).to.not.have.property('project_id');
      expect(session).to.not.have.property('media_server_url');
      expect(session.generateToken).to.be.a('function');
    });

    it('uses the first element when the array has several', async () => {
      mockRequest('POST', '/session/create', [200, [...CREATE_BODY, { session_id: 'second' }]]);
      const args = await callbackArgs((cb) => opentok.createSession(cb));
      expectSessionSuccess(args, opentok);
    });

    it('gives the Session own keys ot, sessionId, then the normalised options ({location})', async () => {
      mockRequest('POST', '/session/create', [200, CREATE_BODY]);
      const args = await callbackArgs((cb) => opentok.createSession({ location: '12.34.56.78' }, cb));
      const session = expectSessionSuccess(args, opentok);
      expect(Object.keys(session)).to.deep.equal(['ot', 'sessionId', 'location', 'mediaMode', 'archiveMode']);
      expect(session.location).to.equal('12.34.56.78');
      expect(session.mediaMode).to.equal('relayed');
      expect(session.archiveMode).to.equal('manual');
    });

    it('keeps the caller key order, replaced values in place and unknown keys', async () => {
      mockRequest('POST', '/session/create', [200, CREATE_BODY]);
      const options = { archiveMode: 'always', foo: 'bar', mediaMode: 'routed', e2ee: true };
      const args = await callbackArgs((cb) => opentok.createSession(options, cb));
      const session = expectSessionSuccess(args, opentok);
      expect(Object.keys(session)).to.deep.equal(['ot', 'sessionId', 'archiveMode', 'foo', 'mediaMode', 'e2ee']);
      expect(session).to.include({ archiveMode: 'always', foo: 'bar', mediaMode: 'routed', e2ee: true });
    });

    it('stores the replaced mediaMode value at the caller position', async () => {
      mockRequest('POST', '/session/create', [200, CREATE_BODY]);
      const args = await callbackArgs((cb) => opentok.createSession({ mediaMode: 'bogus', location: '1.2.3.4' }, cb));
      const session = expectSessionSuccess(args, opentok);
      expect(Object.keys(session)).to.deep.equal(['ot', 'sessionId', 'mediaMode', 'location', 'archiveMode']);
      expect(session.mediaMode).to.equal('relayed');
    });

    it('does not mutate the caller options', async () => {
      mockRequest('POST', '/session/create', [200, CREATE_BODY]);
      const options = { location: '12.34.56.78', mediaMode: 'bogus', archiveMode: 'bogus' };
      const args = await callbackArgs((cb) => opentok.createSession(options, cb));
      const session = expectSessionSuccess(args, opentok);
      expect(options).to.deep.equal({ location: '12.34.56.78', mediaMode: 'bogus', archiveMode: 'bogus' });
      expect(Object.keys(options)).to.deep.equal(['location', 'mediaMode', 'archiveMode']);
      expect(session.mediaMode).to.equal('relayed');
      expect(session.archiveMode).to.equal('manual');
    });

    it('does not add defaults to the caller options and accepts a frozen object', async () => {
      mockRequest('POST', '/session/create', [200, CREATE_BODY]);
      const options = Object.freeze({ location: '12.34.56.78' });
      const args = await callbackArgs((cb) => opentok.createSession(options, cb));
      expectSessionSuccess(args, opentok);
      expect(Object.keys(options)).to.deep.equal(['location']);
    });

    it('accepts a text/plain body containing the JSON array', async () => {
      mockRequest('POST', '/session/create', [200, JSON.stringify(CREATE_BODY), { 'Content-Type': 'text/plain' }]);
      const args = await callbackArgs((cb) => opentok.createSession(cb));
      expectSessionSuccess(args, opentok);
    });
  });

  describe('errors (wrapped)', () => {
    function expectWrapped(args, ErrorClass, message, statusCode) {
      expect(args).to.have.length(1);
      const [err] = args;
      expect(err).to.be.an.instanceof(ErrorClass);
      expect(err).to.be.an.instanceof(Error);
      expect(err.name).to.equal(ErrorClass.name);
      expect(err.message).to.equal(message);
      if (statusCode === undefined) {
        expect(err.statusCode).to.equal(undefined);
      } else {
        expect(err.statusCode).to.equal(statusCode);
      }
      return err;
    }

    it('403 → AuthError "Failed to createSession. Error: Invalid API key or secret"', async () => {
      mockRequest('POST', '/session/create', [403, { code: -1, message: 'Invalid credentials' }]);
      const args = await callbackArgs((cb) => opentok.createSession(cb));
      expectWrapped(args, OpenTok.AuthError, 'Failed to createSession. Error: Invalid API key or secret', 403);
    });

    it('401 → AuthError', async () => {
      mockRequest('POST', '/session/create', [401, '']);
      const args = await callbackArgs((cb) => opentok.createSession(cb));
      expectWrapped(args, OpenTok.AuthError, 'Failed to createSession. Error: Invalid API key or secret', 401);
    });

    it('500 {message: boom} → RequestError with the quoted JSON message, statusCode and body', async () => {
      mockRequest('POST', '/session/create', [500, { message: 'boom' }]);
      const args = await callbackArgs((cb) => opentok.createSession(cb));
      const err = expectWrapped(
        args,
        OpenTok.RequestError,
        'Failed to createSession. Error: Unexpected response from OpenTok: "{"message":"boom"}"',
        500,
      );
      expect(err.body).to.deep.equal({ message: 'boom' });
    });

    it('503 with an empty non-JSON body → RequestError with message ""', async () => {
      mockRequest('POST', '/session/create', [503, '']);
      const args = await callbackArgs((cb) => opentok.createSession(cb));
      expectWrapped(
        args,
        OpenTok.RequestError,
        'Failed to createSession. Error: Unexpected response from OpenTok: "{"message":""}"',
        503,
      );
    });

    it('404 → NotFoundError "Failed to createSession. Error: Not Found"', async () => {
      mockRequest('POST', '/session/create', [404, '']);
      const args = await callbackArgs((cb) => opentok.createSession(cb));
      expectWrapped(args, OpenTok.NotFoundError, 'Failed to createSession. Error: Not Found', 404);
    });

    for (const body of [{}, [], [{}], [{ session_id: 123 }]]) {
      it(`malformed 2xx body ${JSON.stringify(body)} → wrapped RequestError`, async () => {
        mockRequest('POST', '/session/create', [200, body]);
        const args = await callbackArgs((cb) => opentok.createSession(cb));
        const err = expectWrapped(
          args,
          OpenTok.RequestError,
          `Failed to createSession. Error: Unexpected response from OpenTok: ${JSON.stringify(body)}`,
          200,
        );
        expect(err.body).to.deep.equal(body);
      });
    }

    it('unparseable JSON body → wrapped RequestError with the SyntaxError as cause', async () => {
      mockRequest('POST', '/session/create', [200, '[{"session_id":', { 'Content-Type': 'application/json' }]);
      const args = await callbackArgs((cb) => opentok.createSession(cb));
      expect(args).to.have.length(1);
      const [err] = args;
      expect(err).to.be.an.instanceof(OpenTok.RequestError);
      expect(err.message.startsWith('Failed to createSession. Error: ')).to.equal(true);
      expect(err.statusCode).to.equal(200);
      expect(err.cause).to.be.an.instanceof(SyntaxError);
    });

    it('connection failure → wrapped RequestError with the network error as cause, no statusCode', async () => {
      nock(API_URL)
        .post('/session/create')
        .replyWithError({ message: 'connect ECONNREFUSED 127.0.0.1:443', code: 'ECONNREFUSED' });
      const args = await callbackArgs((cb) => opentok.createSession(cb));
      const err = expectWrapped(
        args,
        OpenTok.RequestError,
        `Failed to createSession. Error: request to ${API_URL}/session/create failed, reason: connect ECONNREFUSED 127.0.0.1:443`,
        undefined,
      );
      expect(err.cause).to.be.an.instanceof(Error);
      expect(err.cause.code).to.equal('ECONNREFUSED');
    });
  });
});
