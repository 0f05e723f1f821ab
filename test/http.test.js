'use strict';
// The REST client (the HTTP layer every REST method shares), exercised through public methods against real local HTTP servers.
const http = require('http');
const { expect } = require('chai');
const nock = require('nock');
const sinon = require('sinon');
const OpenTok = require('opentok');
const { API_KEY, API_SECRET, PROJECT_PATH, SDK_VERSION, expectAuthHeaders } = require('./helpers');
const {
  callOnce,
  client,
  closeServers,
  closedPort,
  expectArchive,
  expectSingleError,
  startResponder,
  startServer,
} = require('./support/local-http');

const ARCHIVE_JSON = '{"id":"abc","status":"available","name":"nm"}';

// Header names node's HTTP client and the fetch layer may add on their own; everything else must
// be one of the SDK's headers (it sends no other custom headers).
const TRANSPORT_HEADERS = ['host', 'connection', 'content-length', 'accept-encoding', 'transfer-encoding'];
const SDK_HEADERS = ['user-agent', 'accept', 'x-opentok-auth', 'content-type'];

function expectOnlyKnownHeaders(headers) {
  for (const name of Object.keys(headers)) {
    expect([...SDK_HEADERS, ...TRANSPORT_HEADERS], `unexpected header ${name}`).to.include(name);
  }
  expect(headers).to.not.have.property('headers');
}

/** Reads the claims of an X-OPENTOK-AUTH JWT without verifying it. */
function claimsOf(headers) {
  return JSON.parse(Buffer.from(headers['x-opentok-auth'].split('.')[1], 'base64url').toString('utf8'));
}

// ---------------------------------------------------------------------------------------------

describe('HTTP layer', () => {
  // This file talks to real local servers: make sure nock lets requests through.
  before(() => nock.enableNetConnect());
  afterEach(closeServers);

  describe('request headers and bodies', () => {
    it('GET: User-Agent, Accept, a verified X-OPENTOK-AUTH JWT, no Content-Type, no body', async () => {
      const { base, requests } = await startResponder(200, { 'Content-Type': 'application/json' }, ARCHIVE_JSON);
      expectArchive(await callOnce((cb) => client(base).getArchive('abc', cb)));
      expect(requests).to.have.length(1);
      const [request] = requests;
      expect(request.method).to.equal('GET');
      expect(request.url).to.equal(`${PROJECT_PATH}/archive/abc`);
      expectAuthHeaders(request.headers);
      expect(request.headers['user-agent']).to.equal(`OpenTok-Node-SDK/${SDK_VERSION}`);
      expect(request.headers.accept).to.equal('application/json');
      expect(request.headers).to.not.have.property('content-type');
      expect(request.headers).to.not.have.property('transfer-encoding');
      expect(request.headers['content-length'] === undefined || request.headers['content-length'] === '0').to.equal(true);
      expect(request.body).to.equal('');
      expectOnlyKnownHeaders(request.headers);
    });

    it('DELETE: no Content-Type, no body; 204 → callback(null)', async () => {
      const { base, requests } = await startResponder(204, {}, '');
      const { args, sync } = await callOnce((cb) => client(base).deleteArchive('abc', cb));
      expect(sync).to.equal(false);
      expect(args).to.deep.equal([null]);
      expect(requests).to.have.length(1);
      const [request] = requests;
      expect(request.method).to.equal('DELETE');
      expect(request.url).to.equal(`${PROJECT_PATH}/archive/abc`);
      expectAuthHeaders(request.headers);
      expect(request.headers).to.not.have.property('content-type');
      expect(request.headers).to.not.have.property('transfer-encoding');
      expect(request.headers['content-length'] === undefined || request.headers['content-length'] === '0').to.equal(true);
      expect(request.body).to.equal('');
      expectOnlyKnownHeaders(request.headers);
    });

    it('POST with a JSON body: Content-Type application/json and the exact body', async () => {
      const { base, requests } = await startResponder(200, { 'Content-Type': 'application/json' }, ARCHIVE_JSON);
      expectArchive(await callOnce((cb) => client(base).stopArchive('abc', cb)));
      const [request] = requests;
      expect(request.method).to.equal('POST');
      expect(request.url).to.equal(`${PROJECT_PATH}/archive/abc/stop`);
      expectAuthHeaders(request.headers);
      expect(request.headers['content-type']).to.equal('application/json');
      expect(request.body).to.equal('{}');
      expect(request.headers['content-length']).to.equal('2');
      expectOnlyKnownHeaders(request.headers);
    });

    it('createSession: form body with Content-Type application/x-www-form-urlencoded', async () => {
      const { base, requests } = await startResponder(
        200,
        { 'Content-Type': 'application/json' },
        '[{"session_id":"SESSIONID","project_id":"123456"}]',
      );
      const { args } = await callOnce((cb) => client(base).createSession(cb));
      expect(args).to.have.length(2);
      expect(args[0]).to.equal(null);
      expect(args[1].sessionId).to.equal('SESSIONID');
      const [request] = requests;
      expect(request.method).to.equal('POST');
      expect(request.url).to.equal('/session/create');
      expectAuthHeaders(request.headers);
      expect(request.headers['content-type']).to.equal('application/x-www-form-urlencoded');
      expect(request.body).to.equal('archiveMode=manual&p2p.preference=enabled');
      expectOnlyKnownHeaders(request.headers);
    });

    it('uaAddendum is appended to the User-Agent after one space', async () => {
      const { base, requests } = await startResponder(200, { 'Content-Type': 'application/json' }, ARCHIVE_JSON);
      expectArchive(await callOnce((cb) => client(base, { uaAddendum: 'my-app/2.1' }).getArchive('abc', cb)));
      expect(requests[0].headers['user-agent']).to.equal(`OpenTok-Node-SDK/${SDK_VERSION} my-app/2.1`);
      expectAuthHeaders(requests[0].headers, { uaAddendum: 'my-app/2.1' });
    });

    it('the User-Agent version is the version field of package.json', async () => {
      const { version } = require('../package.json');
      const { base, requests } = await startResponder(200, { 'Content-Type': 'application/json' }, ARCHIVE_JSON);
      expectArchive(await callOnce((cb) => client(base).getArchive('abc', cb)));
      expect(requests[0].headers['user-agent']).to.equal(`OpenTok-Node-SDK/${version}`);
    });

    describe('a fresh JWT per request', () => {
      let clock;
      afterEach(() => {
        if (clock) clock.restore();
        clock = undefined;
      });

      it('mints a new token for each request (not cached past its lifetime)', async () => {
        const start = Date.UTC(2031, 4, 6, 7, 8, 9, 500);
        clock = sinon.useFakeTimers({ now: start, toFake: ['Date'] });
        const { base, requests } = await startResponder(200, { 'Content-Type': 'application/json' }, ARCHIVE_JSON);
        const opentok = client(base);

        expectArchive(await callOnce((cb) => opentok.getArchive('abc', cb)));
        const first = expectAuthHeaders(requests[0].headers);
        expect(first.iat).to.equal(Math.floor(start / 1000));
        expect(first.exp).to.equal(Math.floor(start / 1000) + 300);

        clock.setSystemTime(start + 10 * 60 * 1000);
        expectArchive(await callOnce((cb) => opentok.getArchive('abc', cb)));
        const second = expectAuthHeaders(requests[1].headers);
        expect(second.iat).to.equal(Math.floor(start / 1000) + 600);
        expect(requests[1].headers['x-opentok-auth']).to.not.equal(requests[0].headers['x-opentok-auth']);
      });

      it('each of several requests carries its own valid token', async () => {
        const { base, requests } = await startResponder(200, { 'Content-Type': 'application/json' }, ARCHIVE_JSON);
        const opentok = client(base);
        await Promise.all([
          callOnce((cb) => opentok.getArchive('abc', cb)),
          callOnce((cb) => opentok.stopArchive('abc', cb)),
          callOnce((cb) => opentok.getArchive('abc', cb)),
        ]);
        expect(requests).to.have.length(3);
        for (const request of requests) {
          expectAuthHeaders(request.headers);
          expect(claimsOf(request.headers)).to.not.have.property('jti');
        }
      });
    });
  });

  describe('response parsing by Content-Type', () => {
    it('application/json with a charset parameter is parsed', async () => {
      const { base } = await startResponder(200, { 'Content-Type': 'application/json; charset=utf-8' }, ARCHIVE_JSON);
      const archive = expectArchive(await callOnce((cb) => client(base).getArchive('abc', cb)));
      expect(archive.status).to.equal('available');
      expect(archive.name).to.equal('nm');
    });

    it('application/json with a charset parameter is parsed for errors too', async () => {
      const body = '{ "message" : "Some error." }';
      const { base } = await startResponder(500, { 'Content-Type': 'application/json; charset=utf-8' }, body);
      const error = expectSingleError(await callOnce((cb) => client(base).listArchives(cb)), OpenTok.RequestError);
      expect(error.message).to.equal('Unexpected response from OpenTok: "{"message":"Some error."}"');
      expect(error.statusCode).to.equal(500);
      expect(error.body).to.deep.equal({ message: 'Some error.' });
    });

    it('text/plain is returned raw (a JSON-looking text is not parsed)', async () => {
      const text = '{"message":"looks like json"}';
      const { base } = await startResponder(500, { 'Content-Type': 'text/plain' }, text);
      const error = expectSingleError(await callOnce((cb) => client(base).listArchives(cb)), OpenTok.RequestError);
      expect(error.message).to.equal(`Unexpected response from OpenTok: "${JSON.stringify({ message: text })}"`);
      expect(error.body).to.equal(text);
      expect(error.statusCode).to.equal(500);
    });

    it('a 2xx text/plain body is a string, so getArchive reports it as malformed', async () => {
      const { base } = await startResponder(200, { 'Content-Type': 'text/plain' }, ARCHIVE_JSON);
      const error = expectSingleError(await callOnce((cb) => client(base).getArchive('abc', cb)), OpenTok.RequestError);
      expect(error.message).to.equal(`Unexpected response from OpenTok: ${JSON.stringify(ARCHIVE_JSON)}`);
      expect(error.statusCode).to.equal(200);
      expect(error.body).to.equal(ARCHIVE_JSON);
    });

    it('a missing Content-Type returns the raw text', async () => {
      const { base } = await startServer((req, res) => {
        res.statusCode = 502;
        res.end('Bad gateway');
      });
      const error = expectSingleError(await callOnce((cb) => client(base).listArchives(cb)), OpenTok.RequestError);
      expect(error.message).to.equal('Unexpected response from OpenTok: "{"message":"Bad gateway"}"');
      expect(error.body).to.equal('Bad gateway');
      expect(error.statusCode).to.equal(502);
    });

    it('empty application/json → null (a 2xx getArchive then has a malformed body)', async () => {
      const { base } = await startResponder(200, { 'Content-Type': 'application/json' }, '');
      const error = expectSingleError(await callOnce((cb) => client(base).getArchive('abc', cb)), OpenTok.RequestError);
      expect(error.message).to.equal('Unexpected response from OpenTok: null');
      expect(error.statusCode).to.equal(200);
      expect(error.body).to.equal(undefined);
    });

    it('empty application/json on a 204 DELETE → callback(null)', async () => {
      const { base } = await startResponder(204, { 'Content-Type': 'application/json' }, '');
      const { args } = await callOnce((cb) => client(base).deleteArchive('abc', cb));
      expect(args).to.deep.equal([null]);
    });

    it('application/x-www-form-urlencoded is parsed as a form', async () => {
      const { base } = await startResponder(
        200,
        { 'Content-Type': 'application/x-www-form-urlencoded' },
        'id=abc&status=available&name=my+archive',
      );
      const archive = expectArchive(await callOnce((cb) => client(base).getArchive('abc', cb)));
      expect(archive.status).to.equal('available');
      expect(archive.name).to.equal('my archive');
    });
  });

  describe('status → error mapping', () => {
    it('401 → AuthError "Invalid API key or secret" with statusCode and body', async () => {
      const { base } = await startResponder(401, { 'Content-Type': 'application/json' }, '{"message":"nope"}');
      const error = expectSingleError(await callOnce((cb) => client(base).listArchives(cb)), OpenTok.AuthError);
      expect(error.message).to.equal('Invalid API key or secret');
      expect(error.statusCode).to.equal(401);
      expect(error.body).to.deep.equal({ message: 'nope' });
    });

    it('403 with an empty body → AuthError without body', async () => {
      const { base } = await startResponder(403, {}, '');
      const error = expectSingleError(await callOnce((cb) => client(base).listArchives(cb)), OpenTok.AuthError);
      expect(error.message).to.equal('Invalid API key or secret');
      expect(error.statusCode).to.equal(403);
      expect(error.body).to.equal(undefined);
    });

    it('404 → NotFoundError "Not Found"', async () => {
      const { base } = await startResponder(404, { 'Content-Type': 'application/json' }, '{"message":"missing"}');
      const error = expectSingleError(await callOnce((cb) => client(base).listArchives(cb)), OpenTok.NotFoundError);
      expect(error.message).to.equal('Not Found');
      expect(error.statusCode).to.equal(404);
      expect(error.body).to.deep.equal({ message: 'missing' });
    });

    it('500 JSON with a message → RequestError quoting it', async () => {
      const { base, requests } = await startResponder(
        500,
        { 'Content-Type': 'application/json' },
        '{ "message" : "Some error." }',
      );
      const error = expectSingleError(await callOnce((cb) => client(base).listArchives(cb)), OpenTok.RequestError);
      expect(error.message).to.equal('Unexpected response from OpenTok: "{"message":"Some error."}"');
      expect(error.statusCode).to.equal(500);
      expect(error.body).to.deep.equal({ message: 'Some error.' });
      expect(requests, 'no retry').to.have.length(1);
    });

    it('400 JSON without a message → the raw response text', async () => {
      const text = '{"code":400,"description":"bad"}';
      const { base } = await startResponder(400, { 'Content-Type': 'application/json' }, text);
      const error = expectSingleError(await callOnce((cb) => client(base).listArchives(cb)), OpenTok.RequestError);
      expect(error.message).to.equal(
        'Unexpected response from OpenTok: "{"message":"{\\"code\\":400,\\"description\\":\\"bad\\"}"}"',
      );
      expect(error.statusCode).to.equal(400);
      expect(error.body).to.deep.equal({ code: 400, description: 'bad' });
    });

    it('a falsy JSON message falls back to the raw text', async () => {
      const text = '{"message":""}';
      const { base } = await startResponder(500, { 'Content-Type': 'application/json' }, text);
      const error = expectSingleError(await callOnce((cb) => client(base).listArchives(cb)), OpenTok.RequestError);
      expect(error.message).to.equal(`Unexpected response from OpenTok: "${JSON.stringify({ message: text })}"`);
    });

    it('503 non-JSON with an empty body → {"message":""}', async () => {
      const { base } = await startResponder(503, { 'Content-Type': 'text/html' }, '');
      const error = expectSingleError(await callOnce((cb) => client(base).listArchives(cb)), OpenTok.RequestError);
      expect(error.message).to.equal('Unexpected response from OpenTok: "{"message":""}"');
      expect(error.statusCode).to.equal(503);
      expect(error.body).to.equal(undefined);
    });

    it('a non-2xx application/json response with an empty body → {"message":""}', async () => {
      const { base } = await startResponder(500, { 'Content-Type': 'application/json' }, '');
      const error = expectSingleError(await callOnce((cb) => client(base).listArchives(cb)), OpenTok.RequestError);
      expect(error.message).to.equal('Unexpected response from OpenTok: "{"message":""}"');
      expect(error.statusCode).to.equal(500);
      expect(error.body).to.equal(undefined);
    });

    it('every 2xx status is a success', async () => {
      for (const status of [200, 201, 202, 299]) {
        const { base } = await startResponder(status, { 'Content-Type': 'application/json' }, ARCHIVE_JSON);
        expectArchive(await callOnce((cb) => client(base).getArchive('abc', cb)));
      }
    });

    it('redirects are followed', async () => {
      const { base, requests } = await startServer((req, res) => {
        if (req.url === `${PROJECT_PATH}/archive/abc`) {
          res.writeHead(302, { Location: '/moved/abc' });
          res.end();
        } else {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(ARCHIVE_JSON);
        }
      });
      expectArchive(await callOnce((cb) => client(base).getArchive('abc', cb)));
      expect(requests.map((r) => r.url)).to.deep.equal([`${PROJECT_PATH}/archive/abc`, '/moved/abc']);
    });
  });

  describe('transport failures and malformed responses', () => {
    it('connection refused → RequestError "request to <url> failed, reason: …", no statusCode', async () => {
      const port = await closedPort();
      const base = `http://127.0.0.1:${port}`;
      const url = `${base}${PROJECT_PATH}/archive/abc`;
      const error = expectSingleError(await callOnce((cb) => client(base).getArchive('abc', cb)), OpenTok.RequestError);
      expect(error.message).to.equal(`request to ${url} failed, reason: connect ECONNREFUSED 127.0.0.1:${port}`);
      expect(error.cause).to.be.instanceOf(Error);
      expect(error.cause.code).to.equal('ECONNREFUSED');
      expect(error.statusCode).to.equal(undefined);
      expect(error.body).to.equal(undefined);
    });

    it('connection refused: cause is the underlying system error and the reason is its message', async () => {
      const port = await closedPort();
      const base = `http://127.0.0.1:${port}`;
      const url = `${base}${PROJECT_PATH}/archive/abc`;
      const error = expectSingleError(await callOnce((cb) => client(base).getArchive('abc', cb)), OpenTok.RequestError);
      expect(error.cause.code).to.equal('ECONNREFUSED');
      expect(error.message).to.equal(`request to ${url} failed, reason: ${error.cause.message}`);
    });

    it('connection refused on a POST method (stopArchive) → RequestError', async () => {
      const port = await closedPort();
      const base = `http://127.0.0.1:${port}`;
      const error = expectSingleError(await callOnce((cb) => client(base).stopArchive('abc', cb)), OpenTok.RequestError);
      expect(error.message.startsWith(`request to ${base}${PROJECT_PATH}/archive/abc/stop failed, reason: `)).to.equal(true);
      expect(error.cause.code).to.equal('ECONNREFUSED');
    });

    it('DNS failure → RequestError with cause code ENOTFOUND', async () => {
      const base = 'http://opentok-test-host.invalid';
      const error = expectSingleError(await callOnce((cb) => client(base).getArchive('abc', cb)), OpenTok.RequestError);
      expect(error.message.startsWith(`request to ${base}${PROJECT_PATH}/archive/abc failed, reason: `)).to.equal(true);
      expect(error.cause).to.be.instanceOf(Error);
      expect(['ENOTFOUND', 'EAI_AGAIN']).to.include(error.cause.code);
      expect(error.statusCode).to.equal(undefined);
    });

    it('connection reset mid-response (chunked body) → RequestError with cause', async () => {
      const { base, requests } = await startServer((req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"id":');
        setTimeout(() => req.socket.destroy(), 10);
      });
      const url = `${base}${PROJECT_PATH}/archive/abc`;
      const outcome = await callOnce((cb) => client(base, { timeout: 1500 }).getArchive('abc', cb));
      const error = expectSingleError(outcome, OpenTok.RequestError);
      expect(error.message.startsWith(`request to ${url} failed, reason: `), error.message).to.equal(true);
      expect(error.message).to.equal(`request to ${url} failed, reason: ${error.cause.message}`);
      expect(error.cause).to.be.instanceOf(Error);
      expect(error.statusCode).to.equal(undefined);
      expect(requests).to.have.length(1);
    });

    it('connection reset mid-response (Content-Length body) → RequestError with cause, promptly', async () => {
      const { base } = await startServer((req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
        res.write('{"id":');
        setTimeout(() => req.socket.destroy(), 10);
      });
      const url = `${base}${PROJECT_PATH}/archive/abc`;
      const outcome = await callOnce((cb) => client(base, { timeout: 1500 }).getArchive('abc', cb));
      const error = expectSingleError(outcome, OpenTok.RequestError);
      expect(error.message.startsWith(`request to ${url} failed, reason: `), error.message).to.equal(true);
      expect(error.cause).to.be.instanceOf(Error);
      expect(error.statusCode).to.equal(undefined);
      expect(outcome.elapsed, 'reported before the timeout').to.be.below(1000);
    });

    it('connection reset before any response → RequestError with cause ECONNRESET/socket hang up', async () => {
      const { base } = await startServer((req) => req.socket.destroy());
      const url = `${base}${PROJECT_PATH}/archive/abc`;
      const error = expectSingleError(await callOnce((cb) => client(base).getArchive('abc', cb)), OpenTok.RequestError);
      expect(error.message.startsWith(`request to ${url} failed, reason: `), error.message).to.equal(true);
      expect(error.cause).to.be.instanceOf(Error);
      expect(error.cause.code).to.equal('ECONNRESET');
      expect(error.statusCode).to.equal(undefined);
    });

    it('timeout: a server that never answers → "network timeout at: <url>" within ~1 s', async () => {
      const { base, requests } = await startServer(() => {});
      const url = `${base}${PROJECT_PATH}/archive/abc`;
      const outcome = await callOnce((cb) => client(base, { timeout: 200 }).getArchive('abc', cb), 150);
      const error = expectSingleError(outcome, OpenTok.RequestError);
      expect(error.message).to.equal(`network timeout at: ${url}`);
      expect(error.cause).to.be.instanceOf(Error);
      expect(error.statusCode).to.equal(undefined);
      expect(outcome.elapsed).to.be.at.least(190);
      expect(outcome.elapsed).to.be.below(1000);
      expect(requests).to.have.length(1);
    });

    it('timeout message carries the full URL, query string included', async () => {
      const { base } = await startServer(() => {});
      const outcome = await callOnce(
        (cb) => client(base, { timeout: 150 }).listArchives({ offset: 5, count: 10, sessionId: 'S' }, cb),
      );
      const error = expectSingleError(outcome, OpenTok.RequestError);
      expect(error.message).to.equal(`network timeout at: ${base}${PROJECT_PATH}/archive?offset=5&count=10&sessionId=S`);
    });

    it('timeout covers the whole body: a slow body after the headers times out', async () => {
      const { base } = await startServer((req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"id":"abc",');
        const interval = setInterval(() => res.write(' '), 30);
        res.on('close', () => clearInterval(interval));
      });
      const url = `${base}${PROJECT_PATH}/archive/abc`;
      const outcome = await callOnce((cb) => client(base, { timeout: 200 }).getArchive('abc', cb), 150);
      const error = expectSingleError(outcome, OpenTok.RequestError);
      expect(error.message).to.equal(`network timeout at: ${url}`);
      expect(error.cause).to.be.instanceOf(Error);
      expect(error.statusCode).to.equal(undefined);
      expect(outcome.elapsed).to.be.below(1000);
    });

    it('createSession wraps a timeout: "Failed to createSession. Error: network timeout at: <url>"', async () => {
      const { base } = await startServer(() => {});
      const outcome = await callOnce((cb) => client(base, { timeout: 150 }).createSession(cb));
      const error = expectSingleError(outcome, OpenTok.RequestError);
      expect(error.message).to.equal(`Failed to createSession. Error: network timeout at: ${base}/session/create`);
      expect(error.cause).to.be.instanceOf(Error);
      expect(error.statusCode).to.equal(undefined);
    });

    for (const status of [200, 500]) {
      it(`invalid JSON declared application/json (${status}) → RequestError with the SyntaxError message`, async () => {
        const text = '{"id": "abc", oops';
        let expectedMessage;
        try {
          JSON.parse(text);
        } catch (syntaxError) {
          expectedMessage = syntaxError.message;
        }
        const { base } = await startResponder(status, { 'Content-Type': 'application/json' }, text);
        const error = expectSingleError(await callOnce((cb) => client(base).getArchive('abc', cb)), OpenTok.RequestError);
        expect(error.message).to.equal(expectedMessage);
        expect(error.cause).to.be.instanceOf(SyntaxError);
        expect(error.cause.message).to.equal(expectedMessage);
        expect(error.statusCode).to.equal(status);
      });
    }

    it('invalid JSON on a DELETE (deleteArchive) is a RequestError too', async () => {
      const { base } = await startResponder(200, { 'Content-Type': 'application/json' }, 'not json');
      const error = expectSingleError(await callOnce((cb) => client(base).deleteArchive('abc', cb)), OpenTok.RequestError);
      expect(error.cause).to.be.instanceOf(SyntaxError);
      expect(error.message).to.equal(error.cause.message);
      expect(error.statusCode).to.equal(200);
    });

    it('an HTML 500 page → RequestError quoting the page', async () => {
      const html = '<html><body><h1>500 Internal Server Error</h1></body></html>';
      const { base } = await startResponder(500, { 'Content-Type': 'text/html; charset=utf-8' }, html);
      const error = expectSingleError(await callOnce((cb) => client(base).getArchive('abc', cb)), OpenTok.RequestError);
      expect(error.message).to.equal(
        'Unexpected response from OpenTok: "{"message":"<html><body><h1>500 Internal Server Error</h1></body></html>"}"',
      );
      expect(error.statusCode).to.equal(500);
      expect(error.body).to.equal(html);
      expect(error.cause).to.equal(undefined);
    });
  });

  describe('callback invocation guarantees', () => {
    let savedListeners;
    let restore;

    /** Replaces the process's uncaughtException listeners; resolves with the next uncaught error. */
    function nextUncaughtException() {
      savedListeners = process.listeners('uncaughtException');
      process.removeAllListeners('uncaughtException');
      const rejections = [];
      const onRejection = (reason) => rejections.push(reason);
      process.on('unhandledRejection', onRejection);
      restore = () => {
        process.removeAllListeners('uncaughtException');
        for (const listener of savedListeners) process.on('uncaughtException', listener);
        process.removeListener('unhandledRejection', onRejection);
        restore = undefined;
        return rejections;
      };
      return new Promise((resolve) => {
        process.once('uncaughtException', (error) => resolve(error));
      });
    }

    afterEach(() => {
      if (restore) restore();
    });

    async function expectRethrown(invokeWith) {
      const thrown = new Error('thrown by the user callback');
      let calls = 0;
      const uncaught = nextUncaughtException();
      invokeWith(() => {
        calls += 1;
        throw thrown;
      });
      const timeout = new Promise((resolve) => setTimeout(() => resolve('no uncaught exception'), 2000));
      const seen = await Promise.race([uncaught, timeout]);
      // Let a (wrong) redelivery show up before counting.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const rejections = restore();
      expect(seen).to.equal(thrown);
      expect(calls, 'callback calls').to.equal(1);
      expect(rejections, 'unhandled rejections').to.deep.equal([]);
    }

    it('a callback throwing on success is called once and its exception is uncaught', async () => {
      const { base } = await startResponder(200, { 'Content-Type': 'application/json' }, ARCHIVE_JSON);
      await expectRethrown((cb) => client(base).getArchive('abc', cb));
    });

    it('a callback throwing on an HTTP error is called once and its exception is uncaught', async () => {
      const { base } = await startResponder(500, { 'Content-Type': 'application/json' }, '{"message":"x"}');
      await expectRethrown((cb) => client(base).deleteArchive('abc', cb));
    });

    it('a callback throwing on a transport failure is called once and its exception is uncaught', async () => {
      const port = await closedPort();
      await expectRethrown((cb) => client(`http://127.0.0.1:${port}`).stopArchive('abc', cb));
    });

    it('a callback throwing on createSession success is called once and its exception is uncaught', async () => {
      const { base } = await startResponder(200, { 'Content-Type': 'application/json' }, '[{"session_id":"S"}]');
      await expectRethrown((cb) => client(base).createSession(cb));
    });

    it('a callback throwing during synchronous validation propagates out of the call', async () => {
      const { base, requests } = await startResponder(200, { 'Content-Type': 'application/json' }, ARCHIVE_JSON);
      const thrown = new Error('thrown synchronously');
      let calls = 0;
      const opentok = client(base);
      expect(() =>
        opentok.getArchive(null, (error) => {
          calls += 1;
          expect(error).to.be.instanceOf(OpenTok.ArgumentError);
          expect(error.message).to.equal('No archive ID given');
          throw thrown;
        }),
      ).to.throw(thrown);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(calls).to.equal(1);
      expect(requests, 'no request sent').to.have.length(0);
    });

    it('HTTP outcomes are delivered asynchronously even for an instant failure', async () => {
      const port = await closedPort();
      const { sync } = await callOnce((cb) => client(`http://127.0.0.1:${port}`).getArchive('abc', cb));
      expect(sync).to.equal(false);
    });
  });

  describe('proxy', () => {
    /** A forward proxy that answers plain requests itself and records CONNECT attempts. */
    async function startProxy() {
      const proxy = await startServer((req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(req.url.includes('/session/create') ? '[{"session_id":"SESSIONID"}]' : ARCHIVE_JSON);
      });
      proxy.connects = [];
      proxy.server.on('connect', (req, socket) => {
        proxy.connects.push({ url: req.url, headers: req.headers });
        socket.destroy();
      });
      return proxy;
    }

    it('http target: the request reaches the proxy in absolute form with Proxy-Authorization', async () => {
      const proxy = await startProxy();
      const opentok = client('http://example.test', { proxy: `http://user:pass@127.0.0.1:${proxy.port}` });
      expectArchive(await callOnce((cb) => opentok.getArchive('abc', cb)));
      expect(proxy.requests).to.have.length(1);
      const [request] = proxy.requests;
      expect(request.method).to.equal('GET');
      expect(request.url).to.equal(`http://example.test${PROJECT_PATH}/archive/abc`);
      expect(request.headers.host).to.equal('example.test');
      expect(request.headers['proxy-authorization']).to.equal('Basic dXNlcjpwYXNz');
      expectAuthHeaders(request.headers);
    });

    it('every request goes through the proxy (createSession POST with its body)', async () => {
      const proxy = await startProxy();
      const opentok = client('http://example.test:8080', { proxy: `http://127.0.0.1:${proxy.port}` });
      const { args } = await callOnce((cb) => opentok.createSession(cb));
      expect(args[0]).to.equal(null);
      expect(args[1].sessionId).to.equal('SESSIONID');
      const [request] = proxy.requests;
      expect(request.method).to.equal('POST');
      expect(request.url).to.equal('http://example.test:8080/session/create');
      expect(request.headers.host).to.equal('example.test:8080');
      expect(request.headers['content-type']).to.equal('application/x-www-form-urlencoded');
      expect(request.body).to.equal('archiveMode=manual&p2p.preference=enabled');
      expect(request.headers).to.not.have.property('proxy-authorization');
    });

    it('https target: a CONNECT host:443 tunnel is requested; a refused tunnel is one RequestError', async () => {
      const proxy = await startProxy();
      const opentok = client('https://example.test', { proxy: `http://user:pass@127.0.0.1:${proxy.port}` });
      const outcome = await callOnce((cb) => opentok.getArchive('abc', cb), 100);
      const error = expectSingleError(outcome, OpenTok.RequestError);
      expect(error.message.startsWith(`request to https://example.test${PROJECT_PATH}/archive/abc failed, reason: `)).to.equal(
        true,
      );
      expect(error.cause).to.be.instanceOf(Error);
      expect(error.statusCode).to.equal(undefined);
      expect(proxy.connects).to.have.length(1);
      expect(proxy.connects[0].url).to.equal('example.test:443');
      expect(proxy.connects[0].headers['proxy-authorization']).to.equal('Basic dXNlcjpwYXNz');
      expect(proxy.requests, 'no plain request to the proxy').to.have.length(0);
    });

    it('a proxy that refuses connections → RequestError with cause ECONNREFUSED', async () => {
      const port = await closedPort();
      const opentok = client('http://example.test', { proxy: `http://127.0.0.1:${port}` });
      const error = expectSingleError(await callOnce((cb) => opentok.getArchive('abc', cb)), OpenTok.RequestError);
      expect(error.message.startsWith(`request to http://example.test${PROJECT_PATH}/archive/abc failed, reason: `)).to.equal(
        true,
      );
      expect(error.cause).to.be.instanceOf(Error);
      expect(error.cause.code).to.equal('ECONNREFUSED');
      expect(error.statusCode).to.equal(undefined);
    });

    it('a proxy that refuses connections to an https target → RequestError', async () => {
      const port = await closedPort();
      const opentok = client('https://example.test', { proxy: `http://127.0.0.1:${port}` });
      const error = expectSingleError(await callOnce((cb) => opentok.getArchive('abc', cb)), OpenTok.RequestError);
      expect(error.message.startsWith(`request to https://example.test${PROJECT_PATH}/archive/abc failed, reason: `)).to.equal(
        true,
      );
      expect(error.cause.code).to.equal('ECONNREFUSED');
    });

    it('proxy wins over agent', async () => {
      const proxy = await startProxy();
      const agent = new http.Agent();
      const addRequest = sinon.spy(agent, 'addRequest');
      const opentok = client('http://example.test', { proxy: `http://127.0.0.1:${proxy.port}`, agent });
      expectArchive(await callOnce((cb) => opentok.getArchive('abc', cb)));
      expect(proxy.requests).to.have.length(1);
      expect(addRequest.called).to.equal(false);
      agent.destroy();
    });

    it('a proxy that is not a URL is refused by the constructor; an empty string means no proxy', async () => {
      for (const proxy of [{ host: '127.0.0.1', port: 1 }, 'proxy.example.com:3128', 42]) {
        expect(() => client('http://127.0.0.1:1', { proxy }), JSON.stringify(proxy)).to.throw(OpenTok.ArgumentError, /^Invalid proxy option: /);
      }
      const { base, requests } = await startResponder(200, { 'Content-Type': 'application/json' }, ARCHIVE_JSON);
      expectArchive(await callOnce((cb) => client(base, { proxy: '' }).getArchive('abc', cb)));
      expect(requests[0].url).to.equal(`${PROJECT_PATH}/archive/abc`);
    });
  });

  describe('agent', () => {
    it('a custom http.Agent is used for every request', async () => {
      const { base } = await startResponder(200, { 'Content-Type': 'application/json' }, ARCHIVE_JSON);
      const agent = new http.Agent({ keepAlive: false });
      const addRequest = sinon.spy(agent, 'addRequest');
      const opentok = client(base, { agent });
      expectArchive(await callOnce((cb) => opentok.getArchive('abc', cb)));
      expectArchive(await callOnce((cb) => opentok.stopArchive('abc', cb)));
      expect(addRequest.callCount).to.equal(2);
      agent.destroy();
    });

    it('the custom agent creates the connections', async () => {
      const { base } = await startResponder(200, { 'Content-Type': 'application/json' }, ARCHIVE_JSON);
      const agent = new http.Agent({ keepAlive: false });
      const createConnection = sinon.spy(agent, 'createConnection');
      expectArchive(await callOnce((cb) => client(base, { agent }).getArchive('abc', cb)));
      expect(createConnection.callCount).to.equal(1);
      expect(Number(createConnection.firstCall.args[0].port)).to.equal(Number(new URL(base).port));
      agent.destroy();
    });
  });

  describe('timeout option parsing', () => {
    /** A server that answers with an archive after `delayMs`. */
    function startSlowServer(delayMs) {
      return startServer((req, res) => {
        const timer = setTimeout(() => {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(ARCHIVE_JSON);
        }, delayMs);
        res.on('close', () => clearTimeout(timer));
      });
    }

    it("{timeout: '300'} applies 300 ms", async () => {
      const { base } = await startServer(() => {});
      const outcome = await callOnce((cb) => client(base, { timeout: '300' }).getArchive('abc', cb));
      const error = expectSingleError(outcome, OpenTok.RequestError);
      expect(error.message).to.equal(`network timeout at: ${base}${PROJECT_PATH}/archive/abc`);
      expect(outcome.elapsed).to.be.at.least(290);
      expect(outcome.elapsed).to.be.below(1000);
    });

    it("{timeout: '300'} lets a response within 300 ms succeed", async () => {
      const { base } = await startSlowServer(100);
      expectArchive(await callOnce((cb) => client(base, { timeout: '300' }).getArchive('abc', cb)));
    });

    for (const timeout of ['150ms', 0, 'abc', NaN, -1, Infinity, '', ' ', '1.5', 2 ** 31, true, {}]) {
      it(`{timeout: ${typeof timeout === 'number' ? String(timeout) : JSON.stringify(timeout)}} is refused by the constructor (2.x ignored it or took parseInt of it)`, () => {
        expect(() => client('http://127.0.0.1:1', { timeout })).to.throw(OpenTok.ArgumentError, /^Invalid timeout option: it must be a positive number of milliseconds/);
      });
    }

    it('{timeout: null} and {timeout: undefined} keep the default (a 300 ms answer succeeds)', async () => {
      const { base } = await startSlowServer(300);
      for (const timeout of [null, undefined]) {
        const outcome = await callOnce((cb) => client(base, { timeout }).getArchive('abc', cb));
        expectArchive(outcome);
        expect(outcome.elapsed).to.be.at.least(290);
      }
    });

    it('without options the default timeout lets a 300 ms answer succeed', async () => {
      const { base } = await startSlowServer(300);
      const opentok = new OpenTok(API_KEY, API_SECRET, base);
      expectArchive(await callOnce((cb) => opentok.getArchive('abc', cb)));
    });
  });
});
