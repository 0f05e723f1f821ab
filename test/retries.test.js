'use strict';
// Opt-in retries (the `maxRetries` option, src/http/retry.ts and the loop of
// src/http/rest-client.ts): which replies and failures are retried for which method, how many
// attempts are made and said in the error, the backoff (full jitter, capped) and Retry-After in
// both forms, one deadline (`timeout`) for the whole call, one callback, and the promise API.
// Real local servers where the network matters; nock with sinon's fake clock where time does.
const http = require('http');
const { setTimeout: realSetTimeout } = require('timers');
const { expect } = require('chai');
const nock = require('nock');
const sinon = require('sinon');
const OpenTok = require('opentok');
const { backoffMs, retryAfterMs, BACKOFF_BASE_MS, BACKOFF_CAP_MS } = require('../dist/http/retry');
const { API_KEY, API_SECRET, PROJECT_PATH } = require('./helpers');
const { callOnce, client, closeServers, closedPort, expectArchive, expectSingleError, startServer } = require('./support/local-http');

const ARCHIVE = { id: 'abc', status: 'available', name: 'nm' };
const ARCHIVE_JSON = JSON.stringify(ARCHIVE);

/** One call of each HTTP method the REST API uses, with what a success looks like. */
const CALLS = {
  GET: { call: (ot, cb) => ot.getArchive('abc', cb), path: `${PROJECT_PATH}/archive/abc`, ok: ARCHIVE_JSON },
  POST: { call: (ot, cb) => ot.stopArchive('abc', cb), path: `${PROJECT_PATH}/archive/abc/stop`, ok: ARCHIVE_JSON },
  DELETE: { call: (ot, cb) => ot.deleteArchive('abc', cb), path: `${PROJECT_PATH}/archive/abc`, ok: '' },
  PUT: { call: (ot, cb) => ot.setArchiveLayout('abc', 'bestFit', cb), path: `${PROJECT_PATH}/archive/abc/layout`, ok: '{}' },
  PATCH: { call: (ot, cb) => ot.addArchiveStream('abc', 'stream', {}, cb), path: `${PROJECT_PATH}/archive/abc/streams`, ok: '' },
};
const METHODS = Object.keys(CALLS);
const IDEMPOTENT = ['GET', 'DELETE'];

/** A server that answers the first `failures` requests with `fail(req, res)`, then with the call's success. */
function startFlaky(method, failures, fail) {
  let seen = 0;
  return startServer((req, res) => {
    seen += 1;
    if (seen <= failures) {
      fail(req, res);
      return;
    }
    const body = CALLS[method].ok;
    res.writeHead(body === '' ? 204 : 200, body === '' ? {} : { 'Content-Type': 'application/json' });
    res.end(body);
  });
}

function replyStatus(status, headers = {}) {
  return (req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify({ code: status, message: `status ${status}` }));
  };
}

/** Asserts the success of a call of `method` (whatever its callback's shape). */
function expectSuccess(method, { args, sync }) {
  expect(sync, 'called back synchronously').to.equal(false);
  expect(args[0], `${method}: error`).to.equal(null);
}

describe('Retries (maxRetries)', function () {
  this.timeout(20000);
  let random;

  beforeEach(() => {
    // No waiting between attempts unless a test says otherwise: the backoff is random * range.
    random = sinon.stub(Math, 'random').returns(0);
  });
  afterEach(() => {
    sinon.restore();
    closeServers();
    nock.cleanAll();
  });

  describe('the option', () => {
    it('defaults to 0: a 503 is sent once and its error says nothing of attempts', async () => {
      const { base, requests } = await startFlaky('GET', 5, replyStatus(503));
      const error = expectSingleError(await callOnce((cb) => CALLS.GET.call(client(base), cb)), OpenTok.RequestError);
      expect(requests).to.have.length(1);
      expect(error.message).to.equal('Unexpected response from OpenTok: "{"message":"status 503"}"');
      expect(error).to.not.have.property('attempts');
    });

    it('accepts non-negative integers and refuses anything else with an ArgumentError naming it', () => {
      for (const maxRetries of [0, 1, 5, null, undefined]) {
        expect(() => new OpenTok(API_KEY, API_SECRET, { maxRetries }), String(maxRetries)).to.not.throw();
      }
      for (const maxRetries of [-1, 1.5, NaN, Infinity, '2', true, {}]) {
        expect(() => new OpenTok(API_KEY, API_SECRET, { maxRetries }), String(maxRetries)).to.throw(
          OpenTok.ArgumentError,
          /^Invalid maxRetries option: it must be a non-negative integer; got /,
        );
      }
    });
  });

  describe('which replies are retried: 429, 502, 503 and 504, for every method', () => {
    for (const status of [429, 502, 503, 504]) {
      for (const method of METHODS) {
        it(`${status} twice, then success: ${method} succeeds after 3 attempts`, async () => {
          const { base, requests } = await startFlaky(method, 2, replyStatus(status));
          expectSuccess(method, await callOnce((cb) => CALLS[method].call(client(base, { maxRetries: 2 }), cb)));
          expect(requests.map((request) => `${request.method} ${request.url}`)).to.deep.equal(Array(3).fill(`${method} ${CALLS[method].path}`));
        });
      }
    }

    for (const status of [400, 401, 403, 404, 405, 409, 500, 501]) {
      it(`${status} is not retried (the service meant it)`, async () => {
        const { base, requests } = await startFlaky('GET', 5, replyStatus(status));
        const { args } = await callOnce((cb) => CALLS.GET.call(client(base, { maxRetries: 3 }), cb));
        expect(args[0]).to.be.instanceOf(Error);
        expect(args[0].statusCode).to.equal(status);
        expect(args[0]).to.not.have.property('attempts');
        expect(requests).to.have.length(1);
      });
    }

    it('a 503 whose JSON body does not parse is retried too', async () => {
      const { base, requests } = await startFlaky('POST', 1, (req, res) => {
        res.writeHead(503, { 'Content-Type': 'application/json' });
        res.end('<html>');
      });
      expectSuccess('POST', await callOnce((cb) => CALLS.POST.call(client(base, { maxRetries: 1 }), cb)));
      expect(requests).to.have.length(2);
    });

    it('every attempt failing: the last error, "(N attempts)" at the end of its message and in err.attempts', async () => {
      const { base, requests } = await startFlaky('GET', 10, replyStatus(503));
      const error = expectSingleError(await callOnce((cb) => CALLS.GET.call(client(base, { maxRetries: 3 }), cb)), OpenTok.RequestError);
      expect(requests).to.have.length(4);
      expect(error.message).to.equal('Unexpected response from OpenTok: "{"message":"status 503"}" (4 attempts)');
      expect(error.attempts).to.equal(4);
      expect(error.statusCode).to.equal(503);
      expect(error.body).to.deep.equal({ code: 503, message: 'status 503' });
      expect(error.stack.split('\n')[0]).to.equal(`RequestError: ${error.message}`);
    });

    it('a wrapped error and a pass-through callback carry the attempts too', async () => {
      const { base } = await startFlaky('POST', 10, replyStatus(502));
      const wrapped = expectSingleError(await callOnce((cb) => client(base, { maxRetries: 1 }).getBroadcast('b', cb)), OpenTok.RequestError);
      expect(wrapped.message).to.equal('Failed to get broadcast. Error: Unexpected response from OpenTok: "{"message":"status 502"}" (2 attempts)');
      expect(wrapped.attempts).to.equal(2);
      const { args } = await callOnce((cb) => CALLS.PUT.call(client(base, { maxRetries: 1 }), cb));
      expect(args).to.have.length(3);
      expect(args[0].message).to.match(/ \(2 attempts\)$/);
      expect(args[2].status).to.equal(502);
    });
  });

  describe('which transport failures are retried for which method', () => {
    for (const method of METHODS) {
      it(`connection refused: ${method} is retried (the request never left)`, async () => {
        const base = `http://127.0.0.1:${await closedPort()}`;
        const { args } = await callOnce((cb) => CALLS[method].call(client(base, { maxRetries: 2 }), cb));
        const error = args[0];
        expect(error).to.be.instanceOf(OpenTok.RequestError);
        expect(error.cause.code).to.equal('ECONNREFUSED');
        expect(error.attempts).to.equal(3);
        expect(error.message).to.match(/^request to .* failed, reason: connect ECONNREFUSED .* \(3 attempts\)$/);
      });
    }

    for (const code of ['ENOTFOUND', 'EAI_AGAIN']) {
      it(`DNS failure (${code}): POST is retried, each attempt resolving again`, async () => {
        const agent = new http.Agent();
        let lookups = 0;
        // A name that does not resolve, without asking a real resolver.
        agent.createConnection = (options, callback) => {
          lookups += 1;
          const socket = new (require('net').Socket)();
          process.nextTick(() => socket.destroy(Object.assign(new Error(`getaddrinfo ${code} nowhere.test`), { code })));
          callback?.(null, socket);
          return socket;
        };
        const ot = new OpenTok(API_KEY, API_SECRET, { apiUrl: 'http://nowhere.test', agent, maxRetries: 2 });
        const error = expectSingleError(await callOnce((cb) => CALLS.POST.call(ot, cb)), OpenTok.RequestError);
        expect(error.cause.code).to.equal(code);
        expect(error.attempts).to.equal(3);
        expect(lookups).to.equal(3);
      });
    }

    for (const method of METHODS) {
      const retried = IDEMPOTENT.includes(method);
      it(`connection reset on arrival: ${method} ${retried ? 'is retried' : 'is not retried (it may have been acted on)'}`, async () => {
        const { base, requests } = await startFlaky(method, 1, (req) => req.socket.destroy());
        const outcome = await callOnce((cb) => CALLS[method].call(client(base, { maxRetries: 2 }), cb));
        if (retried) {
          expectSuccess(method, outcome);
          expect(requests).to.have.length(2);
        } else {
          expect(outcome.args[0].cause.code).to.equal('ECONNRESET');
          expect(outcome.args[0]).to.not.have.property('attempts');
          expect(requests).to.have.length(1);
        }
      });
    }

    for (const method of ['GET', 'POST']) {
      it(`a response cut short (premature close): ${method} ${method === 'GET' ? 'is retried' : 'is not retried'}`, async () => {
        const { base, requests } = await startFlaky(method, 1, (req, res) => {
          res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
          res.write('{"id":', () => res.socket.destroy());
        });
        const outcome = await callOnce((cb) => CALLS[method].call(client(base, { maxRetries: 2 }), cb));
        if (method === 'GET') {
          expectArchive(outcome);
          expect(requests).to.have.length(2);
        } else {
          expect(outcome.args[0]).to.be.instanceOf(OpenTok.RequestError);
          expect(requests).to.have.length(1);
        }
      });
    }

    it('the call timing out is not retried: its time is up', async () => {
      const { base, requests } = await startServer(() => {});
      const outcome = await callOnce((cb) => CALLS.GET.call(client(base, { maxRetries: 3, timeout: 300 }), cb));
      const error = expectSingleError(outcome, OpenTok.RequestError);
      expect(error.message).to.equal(`network timeout at: ${base}${CALLS.GET.path}`);
      expect(requests).to.have.length(1);
      expect(outcome.elapsed).to.be.within(290, 1000);
    });
  });

  describe('one deadline for the whole call', () => {
    it('each attempt gets the time left: a slow second attempt times out at the call deadline', async () => {
      let seen = 0;
      const { base, requests } = await startServer((req, res) => {
        seen += 1;
        if (seen === 1) {
          setTimeout(() => replyStatus(503)(req, res), 200);
        } // the second attempt never gets an answer
      });
      const outcome = await callOnce((cb) => CALLS.GET.call(client(base, { maxRetries: 3, timeout: 500 }), cb));
      const error = expectSingleError(outcome, OpenTok.RequestError);
      expect(error.message).to.equal(`network timeout at: ${base}${CALLS.GET.path} (2 attempts)`);
      expect(requests).to.have.length(2);
      expect(outcome.elapsed).to.be.within(490, 1200);
    });

    it('a Retry-After that ends after the deadline is not waited: the last error at once', async () => {
      const { base, requests } = await startFlaky('GET', 5, replyStatus(503, { 'Retry-After': '5' }));
      const outcome = await callOnce((cb) => CALLS.GET.call(client(base, { maxRetries: 3, timeout: 2000 }), cb));
      const error = expectSingleError(outcome, OpenTok.RequestError);
      expect(error.statusCode).to.equal(503);
      expect(error).to.not.have.property('attempts');
      expect(requests).to.have.length(1);
      expect(outcome.elapsed).to.be.below(500);
    });
  });

  describe('backoff and Retry-After (fake clock)', () => {
    const BASE = 'https://api.opentok.com';
    const START = Date.parse('2030-01-01T00:00:00Z');
    let clock;

    beforeEach(() => {
      nock.disableNetConnect();
      clock = sinon.useFakeTimers({ now: START, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    });
    afterEach(() => {
      clock.restore();
      nock.enableNetConnect();
    });

    /**
     * Lets nock deliver its replies, which it schedules on the real timers of the `timers` module
     * (the fake clock replaces only the globals), and the promise chains after them run.
     */
    async function settle() {
      for (let i = 0; i < 5; i += 1) await new Promise((resolve) => realSetTimeout(resolve, 2));
    }

    /**
     * Runs the call to its end: each reply is delivered at once, then the fake clock jumps to the
     * next timer (the wait before the next attempt) and runs it. Resolves with the call's result
     * and the waits between attempts, from the fake time at which each request arrived.
     */
    async function drive(call, times) {
      let done = false;
      const result = call.finally(() => {
        done = true;
      });
      for (let i = 0; i < 50 && !done; i += 1) {
        await settle();
        if (!done) await clock.nextAsync();
      }
      expect(done, 'the call is over').to.equal(true);
      expect(clock.countTimers(), 'timers left').to.equal(0);
      return { result: await result, waits: times.slice(1).map((time, index) => time - times[index]) };
    }

    /**
     * Answers GET /archive/abc with 503 (`headers` on each) `failures` times, then 200; returns
     * the fake time of each request, filled as they arrive.
     */
    function interceptFlaky(failures, headers = () => ({})) {
      const times = [];
      nock(BASE)
        .get(CALLS.GET.path)
        .times(failures)
        .reply(() => {
          times.push(Date.now());
          return [503, { message: 'busy' }, headers()];
        });
      nock(BASE)
        .get(CALLS.GET.path)
        .reply(() => {
          times.push(Date.now());
          return [200, ARCHIVE];
        });
      return times;
    }

    it('full jitter: each wait is random() × min(cap, base × 2^retry)', async () => {
      random.returns(0.999999);
      const times = interceptFlaky(7);
      const call = new OpenTok(API_KEY, API_SECRET, { maxRetries: 7, timeout: 60000 }).promises.getArchive('abc');
      const { waits, result } = await drive(call, times);
      expect(result.id).to.equal('abc');
      const expected = [0, 1, 2, 3, 4, 5, 6].map((retry) => Math.floor(0.999999 * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry)));
      expect(waits).to.deep.equal(expected);
      expect(expected).to.deep.equal([249, 499, 999, 1999, 3999, 7999, 7999]);
    });

    it('full jitter: random() = 0 retries at once', async () => {
      const times = interceptFlaky(3);
      const call = new OpenTok(API_KEY, API_SECRET, { maxRetries: 3 }).promises.getArchive('abc');
      const { waits } = await drive(call, times);
      expect(waits).to.deep.equal([0, 0, 0]);
    });

    it('backoffMs stays in [0, min(cap, base × 2^retry)) for random() in [0, 1)', () => {
      for (let retry = 0; retry < 12; retry += 1) {
        const range = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry);
        expect(backoffMs(retry, () => 0)).to.equal(0);
        expect(backoffMs(retry, () => 0.9999999999)).to.equal(range - 1);
        expect(backoffMs(retry, () => 0.5)).to.equal(Math.floor(range / 2));
      }
    });

    it('Retry-After in seconds is waited instead of the backoff', async () => {
      random.returns(0.999999);
      const times = interceptFlaky(2, () => ({ 'Retry-After': '3' }));
      const call = new OpenTok(API_KEY, API_SECRET, { maxRetries: 2 }).promises.getArchive('abc');
      const { waits, result } = await drive(call, times);
      expect(result.id).to.equal('abc');
      expect(waits).to.deep.equal([3000, 3000]);
    });

    it("Retry-After as an HTTP date is counted from the reply's own Date header", async () => {
      // The service's clock is an hour ahead of ours: only the difference of its two dates counts.
      const serviceNow = START + 3600000;
      const times = interceptFlaky(1, () => ({
        Date: new Date(serviceNow).toUTCString(),
        'Retry-After': new Date(serviceNow + 2000).toUTCString(),
      }));
      const call = new OpenTok(API_KEY, API_SECRET, { maxRetries: 1 }).promises.getArchive('abc');
      const { waits, result } = await drive(call, times);
      expect(result.id).to.equal('abc');
      expect(waits).to.deep.equal([2000]);
    });

    it('Retry-After as an HTTP date, no Date header: counted from our clock', async () => {
      const times = interceptFlaky(1, () => ({ 'Retry-After': new Date(START + 5000).toUTCString() }));
      const call = new OpenTok(API_KEY, API_SECRET, { maxRetries: 1 }).promises.getArchive('abc');
      const { waits } = await drive(call, times);
      expect(waits).to.deep.equal([5000]);
    });

    it('the waits and the attempts all fit in the timeout: a wait past the deadline ends the call', async () => {
      random.returns(0.999999);
      const times = interceptFlaky(7);
      const call = new OpenTok(API_KEY, API_SECRET, { maxRetries: 7, timeout: 2000 }).promises.getArchive('abc').catch((error) => error);
      // 249 + 499 + 999 = 1747 ms; the next wait (1999 ms) would end after 2000 ms.
      const { waits, result } = await drive(call, times);
      expect(waits).to.deep.equal([249, 499, 999]);
      expect(result).to.be.instanceOf(OpenTok.RequestError);
      expect(result.message).to.equal('Unexpected response from OpenTok: "{"message":"busy"}" (4 attempts)');
    });

    it('the promise API rejects once, with the last error and its attempts', async () => {
      const times = [];
      nock(BASE)
        .get(CALLS.GET.path)
        .times(3)
        .reply(() => {
          times.push(Date.now());
          return [429, { message: 'slow down' }, { 'Retry-After': '1' }];
        });
      const call = new OpenTok(API_KEY, API_SECRET, { maxRetries: 2 }).promises.getArchive('abc').then(
        () => 'resolved',
        (error) => error,
      );
      const { waits, result: error } = await drive(call, times);
      expect(waits).to.deep.equal([1000, 1000]);
      expect(error).to.be.instanceOf(OpenTok.RequestError);
      expect(error.message).to.equal('Unexpected response from OpenTok: "{"message":"slow down"}" (3 attempts)');
      expect(error.attempts).to.equal(3);
    });

    it('retryAfterMs reads seconds and HTTP dates, and nothing else', () => {
      const now = Date.parse('Wed, 21 Oct 2030 07:28:00 GMT');
      expect(retryAfterMs('120', now)).to.equal(120000);
      expect(retryAfterMs(' 0 ', now)).to.equal(0);
      expect(retryAfterMs('Wed, 21 Oct 2030 07:28:30 GMT', now)).to.equal(30000);
      expect(retryAfterMs('Wed, 21 Oct 2030 07:27:00 GMT', now), 'a date in the past').to.equal(0);
      for (const junk of ['1.5', '-1', 'soon', '', 'Wed, 99 Foo 2030 GMT']) expect(retryAfterMs(junk, now), junk).to.equal(undefined);
      expect(retryAfterMs(null, now)).to.equal(undefined);
    });
  });
});
