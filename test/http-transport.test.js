'use strict';
// The transport under the REST client (src/http/transport.ts, redirects.ts, decode-body.ts,
// response.ts): Node's http/https against real local servers. What goes on the wire, compressed
// responses, redirects and the response object of pass-through callbacks.
const crypto = require('crypto');
const http = require('http');
const util = require('util');
const zlib = require('zlib');
const { expect } = require('chai');
const nock = require('nock');
const OpenTok = require('opentok');
const { PROJECT_PATH, SESSION_ID } = require('./helpers');
const {
  callOnce,
  client,
  closeServers,
  expectArchive,
  expectSingleError,
  startResponder,
  startServer,
} = require('./support/local-http');

const ARCHIVE = { id: 'abc', status: 'started', name: 'Jürgen ✓' };
const ARCHIVE_JSON = JSON.stringify(ARCHIVE);
const JSON_TYPE = { 'Content-Type': 'application/json' };
const archivePath = (id = 'abc') => `${PROJECT_PATH}/archive/${id}`;

/** Header names in the order they were sent, as the server read them. */
function headerNames(record) {
  return record.rawHeaders.filter((_, index) => index % 2 === 0);
}

/** A server recording raw header order too. */
async function startRecorder(handler) {
  const started = await startServer((req, res, record) => {
    record.rawHeaders = req.rawHeaders;
    handler(req, res, record);
  });
  return started;
}

/** Calls the pass-through setArchiveLayout and returns its `(err, body, response)`. */
function setLayout(base, options = {}) {
  return callOnce((cb) => client(base, options).setArchiveLayout('abc', 'bestFit', null, cb));
}

describe('HTTP transport (Node http/https under the REST client)', () => {
  before(() => nock.enableNetConnect());
  afterEach(closeServers);

  describe('the request on the wire: headers and bodies', () => {
    it('POST with a JSON body: SDK headers, then Content-Length (UTF-8 bytes), Accept-Encoding, Host, Connection', async () => {
      const { base, requests } = await startRecorder((req, res) => {
        res.writeHead(200, JSON_TYPE);
        res.end(ARCHIVE_JSON);
      });
      const { args } = await callOnce((cb) => client(base).startArchive(SESSION_ID, { name: ARCHIVE.name }, cb));
      expect(args[0]).to.equal(null);
      const [request] = requests;
      expect(headerNames(request)).to.deep.equal([
        'User-Agent',
        'Accept',
        'X-OPENTOK-AUTH',
        'Content-Type',
        'Content-Length',
        'Accept-Encoding',
        'Host',
        'Connection',
      ]);
      const body = JSON.stringify({ sessionId: SESSION_ID, name: ARCHIVE.name });
      expect(request.body).to.equal(body);
      expect(request.headers['content-length']).to.equal(String(Buffer.byteLength(body)));
      expect(Buffer.byteLength(body)).to.be.above(body.length);
      expect(request.headers['accept-encoding']).to.equal('gzip,deflate');
      expect(request.headers.connection).to.equal('keep-alive');
      expect(request.headers).to.not.have.property('transfer-encoding');
    });

    it('GET and DELETE: no Content-Type, no Content-Length, no body', async () => {
      const { base, requests } = await startRecorder((req, res) => {
        res.writeHead(req.method === 'DELETE' ? 204 : 200, JSON_TYPE);
        res.end(req.method === 'DELETE' ? '' : ARCHIVE_JSON);
      });
      expectArchive(await callOnce((cb) => client(base).getArchive('abc', cb)));
      expect((await callOnce((cb) => client(base).deleteArchive('abc', cb))).args).to.deep.equal([null]);
      for (const request of requests) {
        expect(headerNames(request)).to.deep.equal(['User-Agent', 'Accept', 'X-OPENTOK-AUTH', 'Accept-Encoding', 'Host', 'Connection']);
        expect(request.body).to.equal('');
      }
    });

    it('a POST without a body (stopCaptions) says Content-Length: 0, with no Content-Type', async () => {
      const { base, requests } = await startRecorder((req, res) => {
        res.writeHead(202);
        res.end();
      });
      expect((await callOnce((cb) => client(base).stopCaptions('cap', cb))).args).to.deep.equal([null, true]);
      const [request] = requests;
      expect(request.method).to.equal('POST');
      expect(request.headers['content-length']).to.equal('0');
      expect(request.headers).to.not.have.property('content-type');
      expect(request.headers).to.not.have.property('transfer-encoding');
      expect(request.body).to.equal('');
    });

    it('sequential calls reuse one keep-alive connection', async () => {
      const { server, base } = await startResponder(200, JSON_TYPE, ARCHIVE_JSON);
      let connections = 0;
      server.on('connection', () => {
        connections += 1;
      });
      const opentok = client(base);
      for (let i = 0; i < 5; i += 1) expectArchive(await callOnce((cb) => opentok.getArchive('abc', cb), 0));
      expect(connections).to.equal(1);
    });

    it('credentials in the apiUrl are sent as Basic auth (percent-decoded), beside the auth JWT', async () => {
      const { port, requests } = await startResponder(200, JSON_TYPE, ARCHIVE_JSON);
      expectArchive(await callOnce((cb) => client(`http://us%40er:p%3Ass@127.0.0.1:${port}`).getArchive('abc', cb)));
      expect(requests[0].headers.authorization).to.equal(`Basic ${Buffer.from('us@er:p:ss').toString('base64')}`);
      expect(requests[0].headers).to.have.property('x-opentok-auth');
      expect(requests[0].url).to.equal(archivePath());
    });

    it('an IPv6 literal host is reached without its brackets', async function () {
      const server = http.createServer((req, res) => {
        res.writeHead(200, JSON_TYPE);
        res.end(ARCHIVE_JSON);
      });
      try {
        await new Promise((resolve, reject) => server.once('error', reject).listen(0, '::1', resolve));
      } catch {
        this.skip(); // No IPv6 loopback on this machine.
      }
      try {
        const base = `http://[::1]:${server.address().port}`;
        expectArchive(await callOnce((cb) => client(base).getArchive('abc', cb)));
      } finally {
        server.closeAllConnections();
        server.close();
      }
    });

    it('an apiUrl with another protocol, or not a URL, is refused by the constructor (ArgumentError naming apiUrl)', () => {
      for (const apiUrl of ['ftp://127.0.0.1:1', 'not a url']) {
        expect(() => client(apiUrl), apiUrl).to.throw(OpenTok.ArgumentError, /^Invalid apiUrl option: /);
      }
    });
  });

  describe('compressed responses (Accept-Encoding: gzip,deflate)', () => {
    const encodings = {
      gzip: (text) => zlib.gzipSync(text),
      'x-gzip': (text) => zlib.gzipSync(text),
      deflate: (text) => zlib.deflateSync(text),
      'deflate (raw, as some servers send it)': (text) => zlib.deflateRawSync(text),
      br: (text) => zlib.brotliCompressSync(text),
      'gzip cut short after a sync flush (no trailer)': (text) =>
        zlib.gzipSync(text, { finishFlush: zlib.constants.Z_SYNC_FLUSH }),
    };
    for (const [label, compress] of Object.entries(encodings)) {
      it(`${label}: the decoded JSON is parsed`, async () => {
        const coding = label.split(' ')[0];
        const { base } = await startResponder(200, { ...JSON_TYPE, 'Content-Encoding': coding }, compress(ARCHIVE_JSON));
        const archive = expectArchive(await callOnce((cb) => client(base).getArchive('abc', cb)));
        expect(archive.name).to.equal(ARCHIVE.name);
      });
    }

    it('the coding name is matched case-insensitively', async () => {
      const { base } = await startResponder(200, { ...JSON_TYPE, 'Content-Encoding': ' GZip ' }, zlib.gzipSync(ARCHIVE_JSON));
      expectArchive(await callOnce((cb) => client(base).getArchive('abc', cb)));
    });

    it('a compressed error body gives the decoded message', async () => {
      const body = zlib.gzipSync(JSON.stringify({ message: 'Some error.' }));
      const { base } = await startResponder(500, { ...JSON_TYPE, 'Content-Encoding': 'gzip' }, body);
      const error = expectSingleError(await callOnce((cb) => client(base).getArchive('abc', cb)), OpenTok.RequestError);
      expect(error.message).to.equal('Unexpected response from OpenTok: "{"message":"Some error."}"');
      expect(error.statusCode).to.equal(500);
    });

    it('an empty gzip body is empty text (a 200 DELETE with no content)', async () => {
      const { base } = await startResponder(200, { ...JSON_TYPE, 'Content-Encoding': 'gzip' }, '');
      expect((await callOnce((cb) => client(base).deleteArchive('abc', cb))).args).to.deep.equal([null]);
    });

    it('a 204 is never decoded, whatever its Content-Encoding', async () => {
      const { base } = await startResponder(204, { 'Content-Encoding': 'gzip' }, '');
      expect((await callOnce((cb) => client(base).deleteArchive('abc', cb))).args).to.deep.equal([null]);
    });

    it('an unknown coding is read as it is', async () => {
      const { base } = await startResponder(200, { ...JSON_TYPE, 'Content-Encoding': 'identity' }, ARCHIVE_JSON);
      expectArchive(await callOnce((cb) => client(base).getArchive('abc', cb)));
    });

    it('a body that is not what its coding says → RequestError with the zlib error as cause', async () => {
      const { base } = await startResponder(200, { ...JSON_TYPE, 'Content-Encoding': 'gzip' }, 'not gzip at all');
      const url = `${base}${archivePath()}`;
      const error = expectSingleError(await callOnce((cb) => client(base).getArchive('abc', cb)), OpenTok.RequestError);
      expect(error.message).to.equal(`request to ${url} failed, reason: incorrect header check`);
      expect(error.cause).to.be.instanceOf(Error);
      expect(error.cause.code).to.equal('Z_DATA_ERROR');
      expect(error.statusCode).to.equal(undefined);
    });

    it('a pass-through call with a broken compressed body → (err, null, null)', async () => {
      const { base } = await startResponder(200, { ...JSON_TYPE, 'Content-Encoding': 'deflate' }, 'garbage');
      const { args } = await setLayout(base);
      expect(args).to.have.length(3);
      expect(args[0]).to.be.instanceOf(OpenTok.RequestError);
      expect(args[0].cause.code).to.equal('Z_DATA_ERROR');
      expect(args.slice(1)).to.deep.equal([null, null]);
    });
  });

  describe('redirects', () => {
    /** A server that redirects `from` with `status` to `to` and answers anything else with the archive. */
    function redirecting(status, from, to) {
      return startRecorder((req, res) => {
        if (req.url === from) {
          res.writeHead(status, { Location: typeof to === 'function' ? to() : to });
          res.end('moved');
        } else {
          res.writeHead(200, JSON_TYPE);
          res.end(ARCHIVE_JSON);
        }
      });
    }

    for (const status of [303, 301, 302]) {
      it(`${status} after a POST continues as a GET without body, Content-Type or Content-Length`, async () => {
        const { base, requests } = await redirecting(status, `${PROJECT_PATH}/archive`, '/elsewhere');
        const { args } = await callOnce((cb) => client(base).startArchive(SESSION_ID, cb));
        expect(args[0]).to.equal(null);
        expect(requests.map((r) => `${r.method} ${r.url}`)).to.deep.equal([`POST ${PROJECT_PATH}/archive`, 'GET /elsewhere']);
        const second = requests[1];
        expect(second.body).to.equal('');
        expect(second.headers).to.not.have.property('content-type');
        expect(second.headers).to.not.have.property('content-length');
        expect(second.headers['x-opentok-auth']).to.equal(requests[0].headers['x-opentok-auth']);
      });
    }

    for (const status of [307, 308]) {
      it(`${status} repeats the method, the body and its headers`, async () => {
        const { base, requests } = await redirecting(status, `${PROJECT_PATH}/archive`, '/elsewhere');
        const { args } = await callOnce((cb) => client(base).startArchive(SESSION_ID, { name: 'n' }, cb));
        expect(args[0]).to.equal(null);
        expect(requests.map((r) => r.method)).to.deep.equal(['POST', 'POST']);
        expect(requests[1].body).to.equal(requests[0].body);
        expect(requests[1].headers['content-type']).to.equal('application/json');
        expect(requests[1].headers['content-length']).to.equal(requests[0].headers['content-length']);
      });
    }

    it('301/302 after a PUT keep the PUT and its body', async () => {
      const { base, requests } = await redirecting(302, `${PROJECT_PATH}/archive/abc/layout`, '/layout-2');
      const { args } = await setLayout(base);
      expect(args[0]).to.equal(null);
      expect(requests.map((r) => `${r.method} ${r.body}`)).to.deep.equal(['PUT {"type":"bestFit"}', 'PUT {"type":"bestFit"}']);
    });

    it('the auth JWT is not sent to another host', async () => {
      const target = await startRecorder((req, res) => {
        res.writeHead(200, JSON_TYPE);
        res.end(ARCHIVE_JSON);
      });
      // 127.0.0.1 → localhost: another host name, so the credentials stay behind.
      const { base, requests } = await redirecting(302, archivePath(), `http://localhost:${target.port}/archive`);
      expectArchive(await callOnce((cb) => client(base).getArchive('abc', cb)));
      expect(requests[0].headers).to.have.property('x-opentok-auth');
      expect(target.requests).to.have.length(1);
      expect(target.requests[0].headers).to.not.have.property('x-opentok-auth');
      expect(target.requests[0].headers['user-agent']).to.equal(requests[0].headers['user-agent']);
    });

    it('Vonage mode: the Authorization header is not sent to another host either', async () => {
      const applicationId = 'b5c7e4a2-9f31-4d2e-8a6b-3c1d0e9f7a55';
      const { privateKey } = crypto.generateKeyPairSync('rsa', {
        modulusLength: 2048,
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
        publicKeyEncoding: { type: 'spki', format: 'pem' },
      });
      const target = await startRecorder((req, res) => {
        res.writeHead(200, JSON_TYPE);
        res.end(ARCHIVE_JSON);
      });
      const from = `/v2/project/${applicationId}/archive/abc`;
      const { base, requests } = await redirecting(307, from, `http://localhost:${target.port}/a`);
      const opentok = new OpenTok(applicationId, privateKey, { apiUrl: base });
      expectArchive(await callOnce((cb) => opentok.getArchive('abc', cb)));
      expect(requests[0].url).to.equal(from);
      expect(requests[0].headers.authorization).to.match(/^Bearer /);
      expect(target.requests).to.have.length(1);
      expect(target.requests[0].headers).to.not.have.property('authorization');
    });

    it('the same host on another port keeps the credentials (as node-fetch and browsers do)', async () => {
      const target = await startRecorder((req, res) => {
        res.writeHead(200, JSON_TYPE);
        res.end(ARCHIVE_JSON);
      });
      const { base } = await redirecting(302, archivePath(), `http://127.0.0.1:${target.port}/archive`);
      expectArchive(await callOnce((cb) => client(base).getArchive('abc', cb)));
      expect(target.requests[0].headers).to.have.property('x-opentok-auth');
    });

    it('the response object of a pass-through call has the URL that answered', async () => {
      const { base } = await redirecting(307, `${PROJECT_PATH}/archive/abc/layout`, '/layout-2');
      const { args } = await setLayout(base);
      expect(args[2].url).to.equal(`${base}/layout-2`);
    });

    it('a loop stops after 20 redirects: RequestError "maximum redirect reached at: <url>"', async () => {
      const { base, requests } = await redirecting(302, archivePath(), archivePath());
      const url = `${base}${archivePath()}`;
      const error = expectSingleError(await callOnce((cb) => client(base).getArchive('abc', cb)), OpenTok.RequestError);
      expect(error.message).to.equal(`request to ${url} failed, reason: maximum redirect reached at: ${url}`);
      expect(error.cause.code).to.equal('ERR_TOO_MANY_REDIRECTS');
      expect(requests).to.have.length(21);
    });

    it('a Location that is not a URL → RequestError with cause code ERR_INVALID_REDIRECT', async () => {
      const { base } = await redirecting(302, archivePath(), 'http://[::1');
      const error = expectSingleError(await callOnce((cb) => client(base).getArchive('abc', cb)), OpenTok.RequestError);
      expect(error.message).to.equal(
        `request to ${base}${archivePath()} failed, reason: uri requested responds with an invalid redirect URL: http://[::1`,
      );
      expect(error.cause.code).to.equal('ERR_INVALID_REDIRECT');
    });

    it('a redirect to another protocol than http(s) is refused', async () => {
      const { base, requests } = await redirecting(302, archivePath(), 'ftp://127.0.0.1/file');
      const error = expectSingleError(await callOnce((cb) => client(base).getArchive('abc', cb)), OpenTok.RequestError);
      expect(error.message).to.equal(`request to ${base}${archivePath()} failed, reason: Only HTTP(S) protocols are supported`);
      expect(requests).to.have.length(1);
    });

    it('a 3xx without Location is the final response: RequestError with its status', async () => {
      const { base } = await startResponder(302, JSON_TYPE, '{"message":"nowhere"}');
      const error = expectSingleError(await callOnce((cb) => client(base).getArchive('abc', cb)), OpenTok.RequestError);
      expect(error.message).to.equal('Unexpected response from OpenTok: "{"message":"nowhere"}"');
      expect(error.statusCode).to.equal(302);
    });

    it('the timeout covers every hop: slow redirects time out', async () => {
      let hops = 0;
      const { base } = await startServer((req, res) => {
        hops += 1;
        setTimeout(() => {
          res.writeHead(302, { Location: `/hop-${hops}` });
          res.end();
        }, 80);
      });
      const url = `${base}${archivePath()}`;
      const { args, elapsed } = await callOnce((cb) => client(base, { timeout: 300 }).getArchive('abc', cb));
      expect(args[0].message).to.equal(`network timeout at: ${url}`);
      expect(hops).to.be.within(2, 5);
      expect(elapsed).to.be.within(250, 2000);
    });
  });

  describe('the response object of pass-through callbacks', () => {
    it('headers.get is case-insensitive; repeated headers are joined; has() and iteration', async () => {
      const { base } = await startServer((req, res) => {
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('X-Request-Id', 'req-1');
        res.setHeader('Set-Cookie', ['a=1', 'b=2']);
        res.end('{"id":"abc"}');
      });
      const { args } = await setLayout(base);
      const [error, body, response] = args;
      expect(error).to.equal(null);
      expect(body).to.deep.equal({ id: 'abc' });
      expect(response.headers.get('x-request-id')).to.equal('req-1');
      expect(response.headers.get('X-REQUEST-ID')).to.equal('req-1');
      expect(response.headers.get('set-cookie')).to.equal('a=1, b=2');
      expect(response.headers.get('x-absent')).to.equal(null);
      expect(response.headers.has('Content-Type')).to.equal(true);
      expect(response.headers.has('x-absent')).to.equal(false);
      expect(new Map(response.headers)).to.include.keys('content-type', 'x-request-id');
      expect(util.inspect(response)).to.include("'x-request-id': 'req-1'");
    });

    it('status, ok and the reason phrase the server sent', async () => {
      const { base } = await startServer((req, res) => {
        res.writeHead(200, 'Fine Thanks', JSON_TYPE);
        res.end('{}');
      });
      const response = (await setLayout(base)).args[2];
      expect(response.status).to.equal(200);
      expect(response.ok).to.equal(true);
      expect(response.statusText).to.equal('Fine Thanks');
    });

    it('an error response comes with its response object (ok false)', async () => {
      const { base } = await startResponder(400, JSON_TYPE, '{"message":"bad layout"}');
      const [error, body, response] = (await setLayout(base)).args;
      expect(error).to.be.instanceOf(OpenTok.RequestError);
      expect(body).to.deep.equal({ message: 'bad layout' });
      expect(response.status).to.equal(400);
      expect(response.ok).to.equal(false);
      expect(response.statusText).to.equal('Bad Request');
      expect(response.url).to.equal(`${base}${PROJECT_PATH}/archive/abc/layout`);
    });
  });
});
