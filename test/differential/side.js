'use strict';
// One side of the differential suite: `node test/differential/side.js original|ours [filter]`
// runs every case of cases.js against one package (`original` is opentok@2.23.2, installed as
// the dev dependency `opentok-2`; `ours` is this package's build) and prints one JSON object,
// case ID → record. Each side runs in its own process, so that 2.x's crashes (uncaught
// exceptions, unhandled rejections) are recorded instead of taking the test runner down.
const path = require('path');
const nock = require('nock');
const sinon = require('sinon');
const F = require('./fixtures');
const { cases, CB } = require('./cases');
const { describeValue, describeHeader, snapshot } = require('./record');

const side = process.argv[2];
const filter = process.argv[3];
if (side !== 'original' && side !== 'ours') {
  process.stderr.write('usage: side.js original|ours [case ID substring]\n');
  process.exit(2);
}
const OpenTok = side === 'original' ? require('opentok-2') : require(path.resolve(__dirname, '../..'));

/** Longest a case waits for its first callback beyond the reply's delay: nock answers at once. */
const DEADLINE_MS = 120;
/** How long a case waits for a callback once no request is in flight. */
const QUIET_MS = 25;
/** A case ends once no request is in flight and nothing new happened for this long. */
const SETTLE_MS = 2;
/** The longest a case may keep requests in flight after its callback. */
const SETTLE_LIMIT_MS = 2000;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Requests created and not finished yet, whichever package made them: both create theirs with
 * `http(s).request` (nock's, once nock is loaded) synchronously within the call, so a case can
 * wait for the request a validation error failed to stop, and for its second callback.
 */
let inFlight = 0;
for (const module of [require('http'), require('https')]) {
  const request = module.request;
  module.request = function countedRequest(...args) {
    const req = request.apply(this, args);
    inFlight += 1;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      // Its callback comes a few ticks later.
      setImmediate(() => (inFlight -= 1));
    };
    req.on('error', finish);
    req.on('close', finish);
    req.on('response', (response) => {
      response.on('end', finish);
      response.on('close', finish);
    });
    return req;
  };
}

let current = null;
process.on('uncaughtException', (error) => {
  if (current) current.uncaught.push(describeValue(OpenTok, error));
  else throw error;
});
process.on('unhandledRejection', (reason) => {
  if (current) current.uncaught.push({ unhandledRejection: describeValue(OpenTok, reason) });
});

function clientFor(entry) {
  const { key = F.API_KEY, secret = F.API_SECRET, options } = entry.client || {};
  return new OpenTok(key, secret === 'PRIVATE_KEY' ? F.PRIVATE_KEY : secret, options);
}

function baseUrlOf(entry) {
  const options = entry.client && entry.client.options;
  const url = typeof options === 'string' ? options : options && options.apiUrl;
  if (url) return new URL(url).origin;
  return entry.client && entry.client.key === F.APPLICATION_ID ? 'https://video.api.vonage.com' : F.API_URL;
}

/**
 * Interceptors for every method and path of the case's base URL: each request is recorded as
 * nock sees it (method, path and query, header names and value shapes as a `matchHeader`
 * function receives them, raw body) and answered with `answer`, or 599 when the case expects no
 * request.
 */
function intercept(baseUrl, answer, requests) {
  const scope = nock(baseUrl);
  scope.on('request', (req, interceptor, body) => {
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) headers[name] = describeHeader(name, value);
    requests.push({ method: req.method, path: req.path, headers, body: body === undefined ? null : body });
  });
  for (const method of METHODS) {
    let interceptor = scope.intercept(() => true, method).times(5);
    if (answer && answer.delay) interceptor = interceptor.delay(answer.delay);
    if (!answer) interceptor.reply(599, 'unexpected request');
    else if (answer.transport) interceptor.replyWithError({ code: answer.transport, message: `socket failure ${answer.transport}` });
    else interceptor.reply(answer.status, typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body), answer.headers || {});
  }
}

/** Calls `fn(callback)` once the model is there; resolves with the model. */
function prepare(ot, via) {
  return new Promise((resolve, reject) => {
    nock.cleanAll();
    const requests = [];
    const answer = via.reply;
    intercept(F.API_URL, { status: answer.status, body: answer.body, headers: { 'Content-Type': 'application/json' } }, requests);
    ot[via.method](...via.args, (...args) => {
      if (args[0]) reject(new Error(`setup ${via.method} failed: ${args[0].message}`));
      else resolve(via.pick(args));
    });
  });
}

/** A client as its user can read it: its properties, its class, what JSON.stringify shows. */
function describeClient(client, secret) {
  return {
    apiKey: client.apiKey,
    apiSecretIsTheSecret: client.apiSecret === secret,
    apiUrl: client.apiUrl,
    instanceOfOpenTok: client instanceof OpenTok,
    jsonKeys: Object.keys(JSON.parse(JSON.stringify(client))).sort(),
  };
}

function construct(entry) {
  const args = entry.args.map((arg) => (arg === 'PRIVATE_KEY' ? F.PRIVATE_KEY : arg));
  const record = { requests: [], calls: [], uncaught: [], mutated: [] };
  try {
    const client = entry.method === 'OpenTok()' ? OpenTok(...args) : new OpenTok(...args);
    record.returned = describeClient(client, args[1]);
  } catch (error) {
    record.threw = describeValue(OpenTok, error);
  }
  return record;
}

/** The module paths 2.x exposed, loaded and used as 2.x's users did. */
function libPath(entry) {
  const record = { requests: [], calls: [], uncaught: [], mutated: [] };
  const Module = require(`${side === 'original' ? 'opentok-2' : 'opentok'}/${entry.method}`);
  if (entry.method === 'lib/opentok.js') {
    record.returned = { isTheConstructor: Module === OpenTok };
    return record;
  }
  const client = new OpenTok(F.API_KEY, F.API_SECRET);
  const built = new Module(client, ...entry.args);
  record.returned = { ...describeValue(OpenTok, built), instanceOfExport: built instanceof Module };
  if (entry.method === 'lib/session.js') record.returned.token = describeValue(OpenTok, built.generateToken({ role: 'subscriber' }));
  return record;
}

async function run(entry) {
  if (entry.method === 'new OpenTok()' || entry.method === 'OpenTok()') return construct(entry);
  if (entry.method.startsWith('lib/')) return libPath(entry);
  const ot = clientFor(entry);
  let target = ot;
  if (entry.via) target = await prepare(ot, entry.via);
  nock.cleanAll();
  const record = { requests: [], calls: [], uncaught: [] };
  current = record;
  intercept(baseUrlOf(entry), entry.reply, record.requests);

  let returned = false;
  let resolveFirst;
  const firstCall = new Promise((resolve) => (resolveFirst = resolve));
  const callback = (...args) => {
    record.calls.push({ sync: !returned, args: args.map((arg) => describeValue(OpenTok, arg)) });
    resolveFirst();
    // An app's bug in its callback: the first call throws.
    if (entry.throwingCallback && record.calls.length === 1) throw new Error('bug in the callback');
  };
  const args = entry.args.map((arg) => (arg === CB ? callback : arg));
  const before = snapshot(args);
  const fn = target[entry.method];
  try {
    const value = entry.detached ? fn(...args) : fn.apply(target, args);
    if (entry.returns) record.returned = describeValue(OpenTok, value);
  } catch (error) {
    record.threw = describeValue(OpenTok, error);
  }
  returned = true;
  const expectsCallback = entry.args.includes(CB) && !record.threw;
  if (expectsCallback) {
    // Until the callback comes; or, once nothing is in flight any more, a little while (a crash
    // leaves no request behind and no callback to wait for); or the deadline.
    const delay = (entry.reply && entry.reply.delay) || 0;
    const waitStart = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - waitStart) / 1e6;
    let called = false;
    firstCall.then(() => (called = true));
    while (!called && elapsed() < DEADLINE_MS + delay && !(inFlight === 0 && elapsed() > QUIET_MS + delay)) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    }
  }
  // A second callback, a late request or a late crash still has a moment to show.
  const settleBy = process.hrtime.bigint() + BigInt(SETTLE_LIMIT_MS) * 1000000n;
  let seen;
  do {
    seen = record.requests.length + record.calls.length + record.uncaught.length;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  } while (
    (inFlight > 0 || seen !== record.requests.length + record.calls.length + record.uncaught.length) &&
    process.hrtime.bigint() < settleBy
  );
  const after = snapshot(args);
  record.mutated = before.map((value, index) => index).filter((index) => JSON.stringify(before[index]) !== JSON.stringify(after[index]));
  current = null;
  nock.cleanAll();
  return record;
}

async function main() {
  // Both sides sign their JWTs at the same fixed instant; timers stay real.
  const clock = sinon.useFakeTimers({ now: F.NOW, toFake: ['Date'] });
  nock.disableNetConnect();
  const results = {};
  for (const entry of cases) {
    if (filter && !entry.id.includes(filter)) continue;
    const started = process.hrtime.bigint();
    try {
      results[entry.id] = await run(entry);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (process.env.DIFF_SLOW && ms > 100) process.stderr.write(`slow case (${ms.toFixed(0)} ms): ${entry.id}\n`);
    } catch (error) {
      results[entry.id] = { harnessError: error.stack };
    }
  }
  clock.restore();
  // 2.x may leave a socket or timer behind after a crash: exit once the records are written (a
  // pipe takes them asynchronously).
  process.stdout.write(JSON.stringify(results), () => process.exit(0));
}

main();
