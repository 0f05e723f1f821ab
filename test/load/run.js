'use strict';
// Load test of the SDK against the in-process emulator (`npm run test:load`, after `npm run build`).
//
// One OpenTok client (`apiUrl: emulator.url`) makes CALLS REST calls with CONCURRENCY in flight:
// an even mix of getArchive (an existing archive), listArchives, createSession, signal (to a
// routed session with a connected client) and listStreams (its one published stream).
//
// Asserted:
// - 0 errors, and every result checked against the emulator's state;
// - every callback called exactly once (a second call, or none within CALL_WATCHDOG_MS, fails);
// - retained heap (after global.gc()) after the run at most HEAP_BOUND_MB above the figure after
//   a warm-up of WARMUP calls;
// - keep-alive sockets: the peak number of simultaneously open client sockets is at most
//   CONCURRENCY + SOCKET_SLACK (the SDK's agent would allow 128 per origin), and far fewer
//   sockets are created than calls are made; process-wide TCP handles (both ends) at most twice that;
// - the whole run finishes within RUN_DEADLINE_MS (a watchdog exits otherwise).
//
// Prints a summary table and one JSON line (the last line of output). Exits 0 on success, 1 on a
// failed assertion, 2 on a crash or a deadline. Needs `--expose-gc`; without it the script runs
// itself again in a child process that has it.
//
// Tuning for a quick local run: LOAD_CALLS, LOAD_CONCURRENCY, LOAD_WARMUP environment variables.

const { spawnSync } = require('child_process');

const RUN_DEADLINE_MS = 110000;

if (typeof global.gc !== 'function') {
  // Re-run with --expose-gc; the child has its own watchdog, this one guards against a hang of it.
  const child = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, __filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
    timeout: RUN_DEADLINE_MS + 15000,
    killSignal: 'SIGKILL',
  });
  if (child.error || child.signal) {
    const reason = child.error ? child.error.message : `killed by ${child.signal}`;
    process.stderr.write(`LOAD TEST FAILED: the --expose-gc child did not finish (${reason})\n`);
    process.exit(2);
  }
  process.exit(child.status);
}

const net = require('net');

function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    process.stderr.write(`LOAD TEST FAILED: ${name} must be a positive integer, got ${JSON.stringify(raw)}\n`);
    process.exit(2);
  }
  return value;
}

const CALLS = positiveInt('LOAD_CALLS', 20000);
const CONCURRENCY = positiveInt('LOAD_CONCURRENCY', 64);
const WARMUP = Math.min(positiveInt('LOAD_WARMUP', 2000), CALLS);
/** The SDK's own request timeout. */
const SDK_TIMEOUT_MS = 10000;
/** A callback not called this long after its call counts as missing. */
const CALL_WATCHDOG_MS = SDK_TIMEOUT_MS + 5000;
const HEAP_BOUND_MB = 5;
const SOCKET_SLACK = 4;
/** Keep-alive reuse: at most this share of calls may open a socket. */
const MAX_SOCKETS_CREATED = Math.max(CONCURRENCY * 4, Math.floor(CALLS / 100));

// Watchdog over everything, including setup and teardown.
const deadline = setTimeout(() => {
  process.stderr.write(`LOAD TEST FAILED: did not finish within ${RUN_DEADLINE_MS} ms\n`);
  process.exit(2);
}, RUN_DEADLINE_MS);
deadline.unref();

// ---------------------------------------------------------------------------------------------
// Client-side socket accounting: every socket this process connects (the emulator's sockets are
// accepted, not connected, so they are not counted here).

const sockets = { created: 0, open: 0, peak: 0, foreign: 0, emulatorPort: -1, peakTcpHandles: 0 };
const counted = new WeakSet();
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function countedConnect(...args) {
  if (!counted.has(this)) {
    counted.add(this);
    // connect(options[, cb]), connect(port[, host][, cb]), or net.connect's normalized [options, cb].
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    const port = first !== null && typeof first === 'object' ? first.port : first;
    if (typeof port !== 'object' && Number(port) === sockets.emulatorPort) {
      sockets.created += 1;
      sockets.open += 1;
      if (sockets.open > sockets.peak) sockets.peak = sockets.open;
      this.once('close', () => {
        sockets.open -= 1;
      });
    } else {
      sockets.foreign += 1;
    }
  }
  return originalConnect.apply(this, args);
};

/** Samples the TCP handles alive in the process (both ends of every connection, so about 2× the client sockets). */
function sampleTcpHandles() {
  let count = 0;
  for (const resource of process.getActiveResourcesInfo()) if (resource === 'TCPSocketWrap') count += 1;
  if (count > sockets.peakTcpHandles) sockets.peakTcpHandles = count;
}

// Required after the patch so that nothing can have captured the original `connect`.
const OpenTok = require('opentok');
const { Emulator } = require('opentok/emulator');

// ---------------------------------------------------------------------------------------------

const KINDS = ['getArchive', 'listArchives', 'createSession', 'signal', 'listStreams'];

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

async function retainedHeap() {
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (let i = 0; i < 4; i += 1) {
    global.gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

const mb = (bytes) => Math.round((bytes / (1024 * 1024)) * 100) / 100;

async function main() {
  const emulator = await Emulator.start({ archiveProcessingMs: 10 });
  sockets.emulatorPort = Number(new URL(emulator.url).port);
  const sampler = setInterval(sampleTcpHandles, 5);
  try {
    return await run(emulator);
  } finally {
    clearInterval(sampler);
    await emulator.close();
  }
}

async function run(emulator) {
  const { apiKey, apiSecret } = emulator.project;
  const project = emulator.projects.get(apiKey);
  const opentok = new OpenTok(apiKey, apiSecret, { apiUrl: emulator.url, timeout: SDK_TIMEOUT_MS });

  // Setup: a routed session with a connected, publishing client and one stopped archive.
  const session = await opentok.promises.createSession({ mediaMode: 'routed' });
  const sessionId = session.sessionId;
  const client = emulator.connectClient({ token: opentok.generateToken(sessionId), sessionId });
  const streamId = client.publish({ name: 'load' });
  const started = await opentok.promises.startArchive(sessionId, { name: 'load' });
  await opentok.promises.stopArchive(started.id);
  const archiveId = started.id;
  // A stopped archive becomes `available` once the emulator has "processed" it, a few ms later:
  // the calls below expect it available, so the first ones must not race that.
  for (let tries = 0; (await opentok.promises.getArchive(archiveId)).status !== 'available'; tries += 1) {
    if (tries === 100) throw new Error('the archive never became available');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const setupSockets = sockets.created;

  /** Checks a call's callback arguments; returns a description of what is wrong, or null. */
  function check(kind, args) {
    const [err] = args;
    if (err !== null) return `${err && err.name}: ${err && err.message}`;
    switch (kind) {
      case 'getArchive':
        return args.length === 2 && args[1] !== null && typeof args[1] === 'object' && args[1].id === archiveId && args[1].status === 'available' ? null : 'not the archive';
      case 'listArchives':
        return args.length === 3 && Array.isArray(args[1]) && args[1].some((a) => a.id === archiveId) && args[2] === args[1].length
          ? null
          : 'not the archive list';
      case 'createSession': {
        const created = args[1];
        if (args.length !== 2 || !(created instanceof OpenTok.Session) || !project.sessions.has(created.sessionId)) {
          return 'session not created';
        }
        // Kept out of the heap figures: the emulator's state would otherwise grow with every call.
        project.sessions.delete(created.sessionId);
        return null;
      }
      case 'signal':
        return args.length === 1 ? null : `signal called back with ${args.length} arguments`;
      case 'listStreams':
        return args.length === 2 && Array.isArray(args[1]) && args[1].length === 1 && args[1][0].id === streamId
          ? null
          : 'not the stream list';
      default:
        return `unknown kind ${kind}`;
    }
  }

  function invoke(kind, callback) {
    switch (kind) {
      case 'getArchive':
        return opentok.getArchive(archiveId, callback);
      case 'listArchives':
        return opentok.listArchives(callback);
      case 'createSession':
        return opentok.createSession({ mediaMode: 'routed' }, callback);
      case 'signal':
        return opentok.signal(sessionId, null, { type: 'load', data: 'x' }, callback);
      case 'listStreams':
        return opentok.listStreams(sessionId, callback);
      default:
        throw new Error(`unknown kind ${kind}`);
    }
  }

  const latencyMs = new Float64Array(CALLS);
  const callbackCounts = new Uint8Array(CALLS);
  const errors = [];
  let duplicates = 0;
  let missing = 0;
  const perKind = Object.fromEntries(KINDS.map((kind) => [kind, 0]));

  /** Makes calls [from, to) with CONCURRENCY in flight; resolves when each has called back (or is missing). */
  function phase(from, to) {
    return new Promise((resolve) => {
      let next = from;
      let finished = 0;
      const total = to - from;
      const complete = () => {
        finished += 1;
        if (finished === total) resolve();
        else launch();
      };
      function launch() {
        if (next >= to) return;
        const index = next;
        next += 1;
        const kind = KINDS[index % KINDS.length];
        perKind[kind] += 1;
        const start = process.hrtime.bigint();
        const watchdog = setTimeout(() => {
          missing += 1;
          errors.push({ index, kind, error: `no callback within ${CALL_WATCHDOG_MS} ms` });
          callbackCounts[index] = 255;
          complete();
        }, CALL_WATCHDOG_MS);
        try {
          invoke(kind, (...args) => {
            if (callbackCounts[index] === 255) return; // Already reported as missing.
            callbackCounts[index] += 1;
            if (callbackCounts[index] > 1) {
              duplicates += 1;
              errors.push({ index, kind, error: `callback called ${callbackCounts[index]} times` });
              return;
            }
            clearTimeout(watchdog);
            latencyMs[index] = Number(process.hrtime.bigint() - start) / 1e6;
            const problem = check(kind, args);
            if (problem !== null) errors.push({ index, kind, error: problem });
            complete();
          });
        } catch (thrown) {
          clearTimeout(watchdog);
          callbackCounts[index] = 255;
          errors.push({ index, kind, error: `threw ${thrown && thrown.message}` });
          complete();
        }
      }
      if (total === 0) resolve();
      for (let i = 0; i < Math.min(CONCURRENCY, total); i += 1) launch();
    });
  }

  const runStarted = process.hrtime.bigint();
  await phase(0, WARMUP);
  const heapAfterWarmup = await retainedHeap();
  const mainStarted = process.hrtime.bigint();
  await phase(WARMUP, CALLS);
  const mainMs = Number(process.hrtime.bigint() - mainStarted) / 1e6;
  const heapAfterRun = await retainedHeap();
  // Late duplicate callbacks get a chance to show up.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const callbacksMissing = missing;
  let neverCalled = 0;
  for (let i = 0; i < CALLS; i += 1) if (callbackCounts[i] === 0) neverCalled += 1;
  const totalMs = Number(mainStarted - runStarted) / 1e6 + mainMs;

  client.disconnect();
  const sorted = Float64Array.from(latencyMs.filter((value, i) => callbackCounts[i] === 1)).sort();
  const round = (value) => Math.round(value * 100) / 100;
  const result = {
    calls: CALLS,
    concurrency: CONCURRENCY,
    perKind,
    errors: errors.length,
    duplicateCallbacks: duplicates,
    missingCallbacks: callbacksMissing + neverCalled,
    durationMs: Math.round(totalMs),
    callsPerSecond: Math.round((CALLS / totalMs) * 1000),
    mainPhaseCallsPerSecond: Math.round(((CALLS - WARMUP) / mainMs) * 1000),
    latencyMs: { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1]) },
    heapMB: { afterWarmup: mb(heapAfterWarmup), afterRun: mb(heapAfterRun), growth: mb(heapAfterRun - heapAfterWarmup), bound: HEAP_BOUND_MB },
    sockets: {
      createdDuringRun: sockets.created - setupSockets,
      createdTotal: sockets.created,
      peakOpen: sockets.peak,
      bound: CONCURRENCY + SOCKET_SLACK,
      maxCreated: MAX_SOCKETS_CREATED,
      peakTcpHandlesBothEnds: sockets.peakTcpHandles,
      foreign: sockets.foreign,
    },
  };

  const failures = [];
  if (errors.length > 0) {
    const sample = errors.slice(0, 5).map((e) => `#${e.index} ${e.kind}: ${e.error}`).join('; ');
    failures.push(`${errors.length} errors (first: ${sample})`);
  }
  if (duplicates > 0) failures.push(`${duplicates} callbacks called more than once`);
  if (result.missingCallbacks > 0) failures.push(`${result.missingCallbacks} callbacks never called`);
  if (heapAfterRun - heapAfterWarmup > HEAP_BOUND_MB * 1024 * 1024) {
    failures.push(`retained heap grew by ${result.heapMB.growth} MB (bound ${HEAP_BOUND_MB} MB): ${result.heapMB.afterWarmup} → ${result.heapMB.afterRun} MB`);
  }
  if (sockets.peak > CONCURRENCY + SOCKET_SLACK) {
    failures.push(`${sockets.peak} client sockets open at once (bound ${CONCURRENCY + SOCKET_SLACK})`);
  }
  if (sockets.created > MAX_SOCKETS_CREATED) {
    failures.push(`${sockets.created} sockets created for ${CALLS} calls (bound ${MAX_SOCKETS_CREATED}): keep-alive reuse is not working`);
  }
  // Cross-check of the accounting above, independent of the patched connect(): every TCP handle of
  // the process, i.e. both ends of each connection (client socket + the emulator's accepted socket).
  if (sockets.peakTcpHandles > 2 * (CONCURRENCY + SOCKET_SLACK)) {
    failures.push(`${sockets.peakTcpHandles} TCP handles alive at once (bound ${2 * (CONCURRENCY + SOCKET_SLACK)}, both ends)`);
  }
  if (sockets.created === 0) failures.push('no client socket was counted: the socket accounting is broken');
  if (sockets.foreign > 0) failures.push(`${sockets.foreign} sockets connected elsewhere than the emulator`);
  return { result, failures };
}

function printSummary(result) {
  const rows = [
    ['calls', `${result.calls} (${KINDS.map((k) => `${k} ${result.perKind[k]}`).join(', ')})`],
    ['in flight', String(result.concurrency)],
    ['errors / duplicate / missing callbacks', `${result.errors} / ${result.duplicateCallbacks} / ${result.missingCallbacks}`],
    ['duration', `${result.durationMs} ms`],
    ['calls/s (all / after warm-up)', `${result.callsPerSecond} / ${result.mainPhaseCallsPerSecond}`],
    ['latency p50 / p99 / max', `${result.latencyMs.p50} / ${result.latencyMs.p99} / ${result.latencyMs.max} ms`],
    ['heap after warm-up / after run', `${result.heapMB.afterWarmup} / ${result.heapMB.afterRun} MB (growth ${result.heapMB.growth}, bound ${result.heapMB.bound})`],
    ['peak open client sockets', `${result.sockets.peakOpen} (bound ${result.sockets.bound})`],
    ['sockets created (run / total)', `${result.sockets.createdDuringRun} / ${result.sockets.createdTotal} (bound ${result.sockets.maxCreated})`],
    ['peak TCP handles, both ends', String(result.sockets.peakTcpHandlesBothEnds)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) process.stdout.write(`${label.padEnd(width)}  ${value}\n`);
}

main().then(
  ({ result, failures }) => {
    clearTimeout(deadline);
    printSummary(result);
    process.stdout.write(`${JSON.stringify({ ok: failures.length === 0, failures, ...result })}\n`);
    if (failures.length > 0) {
      for (const failure of failures) process.stderr.write(`LOAD TEST FAILED: ${failure}\n`);
      process.exitCode = 1;
    }
  },
  (error) => {
    clearTimeout(deadline);
    process.stderr.write(`LOAD TEST FAILED: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
