#!/usr/bin/env node
'use strict';
// `npm run bench`: the SDK's speed and memory, each figure beside its physical limit measured in
// the same run on the same machine:
//   - generateToken (JWT, T1) vs the same token built with bare crypto (tokens.js);
//   - createSession, startArchive, getArchive, listArchives vs a bare http.request with a
//     keep-alive agent and a freshly signed JWT, against a local keep-alive server in a child
//     process (server.js), sequentially and with 64 calls in flight (rest.js, one process per
//     client);
//   - cold `require('opentok')` vs `node -e 0` in fresh processes;
//   - heap retained after 100,000 tokens and 5,000 createSession calls vs the bare loops (heap.js).
// Repetitions are interleaved (the clients take turns, round after round, in rotating order) and
// reported as medians; each ratio is the median of the per-round ratios SDK/limit. Prints a
// table, then one JSON line. Time is never asserted: the run fails (exit code 1) only if a token
// does not verify, a call fails or the server saw an invalid or expired auth JWT.
//
//   node test/bench/run.js [--quick] [--rounds N] [--only tokens,rest,require,heap]
//
// --quick: a smoke run of a few seconds (CI). Its figures mean nothing, so it judges no target
// (no met/MISSED column, no `targets` in the JSON line); it still checks every token and call and
// fails the same way.
// OPENTOK_BENCH_SDK=<dir> measures another build of the package (e.g. a copy of an older dist/).
const { execFileSync, fork, spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { performance } = require('perf_hooks');
const { lastJsonLine, median } = require('./common');

const ROOT = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const option = (name) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};
const sections = (option('--only') || 'tokens,rest,require,heap').split(',');

const SETTINGS = quick
  ? { rounds: 1, tokenBatchMs: 30, verifyFirst: 20, seqMs: 30, parMs: 40, requireReps: 2, heapReps: 1,
      heapTokens: 5000, heapSessions: 200, heapWarmup: 200 }
  : { rounds: 9, tokenBatchMs: 250, verifyFirst: 500, seqMs: 300, parMs: 400, requireReps: 41, heapReps: 3,
      heapTokens: 100000, heapSessions: 5000, heapWarmup: 5000 };
if (option('--rounds')) SETTINGS.rounds = Number(option('--rounds'));

const TARGETS = {
  'token.jwt': { min: 0.5 },
  'token.t1': { min: 0.7 },
  'rest.seq': { min: 0.8 },
  'rest.par': { min: 0.7 },
  'require.addedMs': { max: 40 },
  'heap.sessionRetained': { max: 1.2 },
};

const problems = [];
const loads = [];
function noteLoad(label) {
  loads.push({ at: label, loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100) });
}

function worker(script, settings, nodeArgs = []) {
  const out = execFileSync(process.execPath, [...nodeArgs, path.join(__dirname, script), JSON.stringify(settings)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
    timeout: 10 * 60 * 1000,
  });
  return lastJsonLine(out);
}

/** Median of per-round ratios a[i]/b[i]. */
function pairedRatio(a, b) {
  return median(a.map((value, i) => value / b[i]));
}

// ---------------------------------------------------------------------------------------------

function benchTokens() {
  const { rates, verified } = worker('tokens.js', {
    rounds: SETTINGS.rounds,
    batchMs: SETTINGS.tokenBatchMs,
    verifyFirst: SETTINGS.verifyFirst,
  });
  for (const [name, count] of Object.entries(verified)) {
    if (count < SETTINGS.verifyFirst) problems.push(`tokens: only ${count} ${name} tokens verified`);
  }
  const figure = (kind) => ({
    sdk: median(rates[`sdk-${kind}`]),
    limit: median(rates[`bare-${kind}`]),
    ratio: pairedRatio(rates[`sdk-${kind}`], rates[`bare-${kind}`]),
    verified: verified[`sdk-${kind}`],
  });
  return { jwt: figure('jwt'), t1: figure('t1') };
}

function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'server.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve({ child, port: JSON.parse(text).port });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

function serverStats(port) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/__bench/stats', agent: false }, (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve(JSON.parse(text)));
      })
      .on('error', reject);
  });
}

/** Starts one REST client worker (rest.js); resolves with a function that runs one batch in it. */
function startRestWorker(port, client) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'rest.js'), [JSON.stringify({ port, client })], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let pending;
    child.on('message', (message) => {
      if (message.ready) {
        resolve({
          run: (request) =>
            new Promise((done) => {
              pending = done;
              child.send(request);
            }),
          stop: () => child.disconnect(),
        });
      } else pending(message);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code) reject(new Error(`rest worker ${client} exited with ${code}`));
    });
  });
}

async function benchRest(port) {
  const clients = ['sdk', 'bare'];
  const workers = {};
  for (const client of clients) workers[client] = await startRestWorker(port, client);
  const modes = [
    ['seq', 1, SETTINGS.seqMs],
    ['par', 64, SETTINGS.parMs],
  ];
  const names = ['createSession', 'startArchive', 'getArchive', 'listArchives'];
  const rows = {};
  for (const name of names) {
    rows[name] = {};
    for (const [mode] of modes) rows[name][mode] = { sdk: [], bare: [] };
  }
  let failures = [];
  try {
    // Round 0 warms every client up (JIT, sockets, lazy loading) and is discarded. The order of
    // the clients alternates from round to round: sdk, bare; bare, sdk; ...
    for (let round = 0; round <= SETTINGS.rounds; round += 1) {
      for (const name of names) {
        for (const [mode, width, ms] of modes) {
          for (let i = 0; i < clients.length; i += 1) {
            const client = clients[(i + round) % clients.length];
            const result = await workers[client].run({ name, width, ms: round === 0 ? Math.min(ms, 100) : ms });
            failures = failures.concat(result.failures);
            if (round > 0) rows[name][mode][client].push(result);
          }
        }
      }
    }
  } finally {
    for (const worker of Object.values(workers)) worker.stop();
  }
  if (failures.length > 0) problems.push(`rest: ${failures.length} failed calls, e.g. ${failures.slice(0, 3).join(' | ')}`);
  const figures = {};
  const pick = (list, key) => list.map((row) => row[key]);
  const summary = (list) => ({
    rate: median(pick(list, 'rate')),
    p50: median(pick(list, 'p50')),
    p99: median(pick(list, 'p99')),
    cpuPerCall: median(pick(list, 'cpuPerCall')),
  });
  for (const [name, modeRows] of Object.entries(rows)) {
    figures[name] = {};
    for (const [mode, { sdk, bare }] of Object.entries(modeRows)) {
      figures[name][mode] = {
        sdk: summary(sdk),
        limit: summary(bare),
        ratio: pairedRatio(pick(sdk, 'rate'), pick(bare, 'rate')),
        calls: pick(sdk, 'calls').reduce((a, b) => a + b, 0),
      };
    }
  }
  return figures;
}

/**
 * Cold start: fresh processes, interleaved pairs. The target figure is `node -e "require('opentok')"`
 * minus `node -e 0` (wall clock, median of the paired differences). The same pair as script files
 * (`node empty-child.js` / `node require-child.js`) is reported too: there `crypto` is not already
 * loaded by the `-e` machinery, so it is closer to what an application's entry file sees.
 */
function benchRequire() {
  const sdkDir = process.env.OPENTOK_BENCH_SDK;
  const env = { ...process.env };
  if (sdkDir) env.OPENTOK_BENCH_SDK = path.resolve(sdkDir);
  const code = sdkDir ? `require(${JSON.stringify(path.resolve(sdkDir))})` : "require('opentok')";
  const timed = (argv) => {
    const start = performance.now();
    const result = spawnSync(process.execPath, argv, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    const wall = performance.now() - start;
    if (result.status !== 0) throw new Error(`node ${argv.join(' ')} exited with ${result.status}`);
    return { wall, stdout: String(result.stdout) };
  };
  const variants = {
    node: ['-e', '0'],
    sdk: ['-e', code],
    emptyFile: [path.join(__dirname, 'empty-child.js')],
    sdkFile: [path.join(__dirname, 'require-child.js')],
  };
  const walls = { node: [], sdk: [], emptyFile: [], sdkFile: [] };
  const inProcess = [];
  for (const argv of Object.values(variants)) timed(argv); // file system cache
  const order = Object.keys(variants);
  for (let i = 0; i < SETTINGS.requireReps; i += 1) {
    for (let j = 0; j < order.length; j += 1) {
      const which = order[(i + j) % order.length];
      const { wall, stdout } = timed(variants[which]);
      walls[which].push(wall);
      if (which === 'sdkFile') inProcess.push(Number(stdout));
    }
  }
  const paired = (a, b) => median(walls[a].map((value, i) => value - walls[b][i]));
  return {
    sdkMs: median(walls.sdk),
    nodeMs: median(walls.node),
    addedMs: paired('sdk', 'node'),
    fileSdkMs: median(walls.sdkFile),
    fileNodeMs: median(walls.emptyFile),
    fileAddedMs: paired('sdkFile', 'emptyFile'),
    inProcessMs: median(inProcess),
    reps: SETTINGS.requireReps,
  };
}

/**
 * Heap per operation (see heap.js), each variant in fresh processes, SDK and bare alternating;
 * the ratio is the median of the per-repetition ratios.
 */
function benchHeap(port) {
  const figures = {};
  for (const what of ['tokens', 'sessions']) {
    const n = what === 'tokens' ? SETTINGS.heapTokens : SETTINGS.heapSessions;
    const warmup = what === 'tokens' ? Math.min(20000, n) : SETTINGS.heapWarmup;
    for (const retain of [true, false]) {
      const perOp = { sdk: [], bare: [] };
      for (let rep = 0; rep < SETTINGS.heapReps; rep += 1) {
        for (const client of rep % 2 ? ['bare', 'sdk'] : ['sdk', 'bare']) {
          perOp[client].push(worker('heap.js', { what, client, n, warmup, retain, port }, ['--expose-gc']).perOp);
        }
      }
      figures[`${what}.${retain ? 'retained' : 'notRetained'}`] = {
        sdk: median(perOp.sdk),
        limit: median(perOp.bare),
        ratio: pairedRatio(perOp.sdk, perOp.bare),
        overhead: median(perOp.sdk.map((value, i) => value - perOp.bare[i])),
      };
    }
  }
  figures.n = { tokens: SETTINGS.heapTokens, sessions: SETTINGS.heapSessions };
  return figures;
}

// ---------------------------------------------------------------------------------------------
// Report.

const fmt = (value, digits = 0) =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a';

function verdict(key, value) {
  const target = TARGETS[key];
  if (!target) return { text: '', met: undefined };
  const met = target.min !== undefined ? value >= target.min : value <= target.max;
  const text = target.min !== undefined ? `>= ${target.min}` : `<= ${target.max}`;
  return { text: `${text} ${met ? 'met' : 'MISSED'}`, met };
}

/** Prints the table; the target column (verdicts) only when `withVerdicts`. Returns the verdicts. */
function printTable(report, withVerdicts) {
  const header = ['figure', 'SDK', 'limit', 'SDK/limit', 'target'];
  const rows = [header];
  const met = {};
  const row = (cells) => rows.push(header.map((_, i) => cells[i] ?? ''));
  const add = (label, sdk, limit, ratio, key) => {
    const v = verdict(key, ratio);
    row([label, sdk, limit, fmt(ratio, 2), withVerdicts ? v.text : '']);
    return { value: ratio, target: TARGETS[key], met: v.met };
  };
  if (report.tokens) {
    const { jwt, t1 } = report.tokens;
    met['token.jwt'] = add('generateToken JWT, tokens/s', fmt(jwt.sdk), fmt(jwt.limit), jwt.ratio, 'token.jwt');
    met['token.t1'] = add('generateToken T1, tokens/s', fmt(t1.sdk), fmt(t1.limit), t1.ratio, 'token.t1');
  }
  if (report.rest) {
    for (const [name, modes] of Object.entries(report.rest)) {
      for (const [mode, f] of Object.entries(modes)) {
        const key = `rest.${mode}`;
        const label = `${name} ${mode === 'seq' ? 'sequential' : '64 in flight'}, calls/s`;
        met[`${key}.${name}`] = add(label, fmt(f.sdk.rate), fmt(f.limit.rate), f.ratio, key);
        const latency = (s) => `${fmt(s.p50, 2)} / ${fmt(s.p99, 2)}`;
        row(['  p50 / p99 latency, ms', latency(f.sdk), latency(f.limit)]);
        row(['  client CPU per call, µs', fmt(f.sdk.cpuPerCall), fmt(f.limit.cpuPerCall)]);
      }
    }
  }
  if (report.require) {
    const r = report.require;
    const v = verdict('require.addedMs', r.addedMs);
    met['require.addedMs'] = { value: r.addedMs, target: TARGETS['require.addedMs'], met: v.met };
    row([
      `node -e "require('opentok')", ms`,
      fmt(r.sdkMs, 1),
      `${fmt(r.nodeMs, 1)} (node -e 0)`,
      `+${fmt(r.addedMs, 1)} ms`,
      withVerdicts ? v.text : '',
    ]);
    row(['  as a script file, ms', fmt(r.fileSdkMs, 1), `${fmt(r.fileNodeMs, 1)} (empty file)`, `+${fmt(r.fileAddedMs, 1)} ms`]);
    row(['  require() itself, in the script, ms', fmt(r.inProcessMs, 1)]);
  }
  if (report.heap) {
    const h = report.heap;
    const tr = h['tokens.retained'];
    const tn = h['tokens.notRetained'];
    const sr = h['sessions.retained'];
    const sn = h['sessions.notRetained'];
    row([`heap per token, ${fmt(h.n.tokens)} kept, bytes`, fmt(tr.sdk, 1), fmt(tr.limit, 1), fmt(tr.ratio, 2)]);
    row(['  not kept (what the client keeps), bytes', fmt(tn.sdk, 1), fmt(tn.limit, 1), `${fmt(tn.overhead, 1)} B`]);
    met['heap.sessionRetained'] = add(`heap per createSession, ${fmt(h.n.sessions)} kept, bytes`, fmt(sr.sdk, 1), fmt(sr.limit, 1), sr.ratio, 'heap.sessionRetained');
    row(['  not kept (what the client keeps), bytes', fmt(sn.sdk, 1), fmt(sn.limit, 1), `${fmt(sn.overhead, 1)} B`]);
  }
  const used = header.map((_, col) => rows.slice(1).some((r) => r[col] !== ''));
  const shown = rows.map((r) => r.filter((_, col) => used[col]));
  const widths = shown[0].map((_, col) => Math.max(...shown.map((r) => r[col].length)));
  const line = (r) =>
    r
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col])))
      .join('  ')
      .trimEnd();
  console.log(line(shown[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of shown.slice(1)) console.log(line(r));
  return met;
}

/** What the run checked, for a run without problems: the tokens verified and the calls answered. */
function correctnessLine(report) {
  const checked = [];
  if (report.tokens) {
    const { jwt, t1 } = report.tokens;
    checked.push(`every token verified (${fmt(jwt.verified)} JWT, ${fmt(t1.verified)} T1 checked)`);
  }
  if (report.server) {
    checked.push(`every call succeeded (${fmt(report.server.requests)} requests, each with a valid, unexpired auth JWT)`);
  }
  if (report.require) checked.push("require('opentok') loaded in every process");
  return `correctness: ${checked.join('; ')}`;
}

async function main() {
  const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) || [])[1] || os.cpus()[0]?.model;
  const machine = { nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length, cpu, node: process.version };
  const report = { quick, settings: SETTINGS, machine };
  noteLoad('start');
  let server;
  try {
    if (sections.includes('rest') || sections.includes('heap')) server = await startServer();
    if (sections.includes('tokens')) {
      report.tokens = benchTokens();
      noteLoad('after tokens');
    }
    if (sections.includes('rest')) {
      report.rest = await benchRest(server.port);
      noteLoad('after rest');
    }
    if (sections.includes('require')) {
      report.require = benchRequire();
      noteLoad('after require');
    }
    if (sections.includes('heap')) {
      report.heap = benchHeap(server.port);
      noteLoad('after heap');
    }
    if (server) {
      const stats = await serverStats(server.port);
      report.server = stats;
      if (stats.authFailures || stats.expired || stats.notFound) {
        problems.push(`server: ${JSON.stringify(stats)}`);
      }
    }
  } finally {
    if (server) {
      server.child.removeAllListeners('exit');
      server.child.stdin.end();
    }
  }
  report.load = loads;
  console.log(
    `opentok bench${quick ? ' (quick: smoke run, figures not meaningful)' : ''}: ${machine.nproc} CPUs, ${machine.cpu}, node ${machine.node}`,
  );
  console.log(`load average (1/5/15 min): ${loads.map((l) => `${l.at} ${l.loadavg.join('/')}`).join('; ')}`);
  console.log('');
  const met = printTable(report, !quick);
  if (!quick) {
    report.targets = met;
    report.allTargetsMet = Object.values(met).every((t) => t.met);
  }
  report.problems = problems;
  console.log('');
  if (quick) {
    console.log('quick run: a smoke run, its figures are not meaningful and no target is judged');
  } else {
    const missed = Object.entries(met).filter(([, t]) => !t.met).map(([key]) => key);
    console.log(missed.length ? `targets missed: ${missed.join(', ')}` : 'all targets met');
  }
  if (problems.length === 0) console.log(correctnessLine(report));
  for (const problem of problems) console.log(`PROBLEM: ${problem}`);
  console.log(JSON.stringify(report));
  if (problems.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
