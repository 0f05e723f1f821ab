'use strict';
// Worker (run with --expose-gc): heap retained by N tokens or N createSession calls, SDK or bare.
//
// Both clients are loaded and warmed up first with `warmup` operations each, not retained (so that
// optimised code, lazily loaded modules, prepared keys, the random pool and the keep-alive socket
// are in the "before" figure: the JIT's own growth otherwise shows as ~100 bytes per call), then:
//   before = heapUsed after full GCs; run N operations, sequentially; after = heapUsed after full GCs.
// `retain: true` keeps every result as a user would (the token strings in an array; the Session
// objects, or for the bare client the same information as a plain object {sessionId, mediaMode,
// archiveMode}); `retain: false` drops them, so what remains is what the client itself keeps.
// Prints one JSON line: {bytes: after - before, perOp: bytes / N}.
// Usage: node --expose-gc heap.js '{"what":"sessions","client":"sdk","n":5000,"warmup":5000,"retain":true,"port":1234}'
const { API_KEY, API_SECRET, SESSION_ID, CALLS, bareJwtToken, bareAgent, bareRequest } = require('./common');
const OpenTok = require('./sdk');

const { what, client, n, warmup, retain, port } = JSON.parse(process.argv[2] || '{}');
if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');

function settledHeap() {
  for (let i = 0; i < 4; i += 1) global.gc();
  return process.memoryUsage().heapUsed;
}

const ot = new OpenTok(API_KEY, API_SECRET, port ? { apiUrl: `http://127.0.0.1:${port}` } : undefined);
const agent = bareAgent();
const call = CALLS.createSession;

function sdkSession(cb) {
  ot.createSession({}, (error, session) => {
    if (error) throw error;
    cb(session);
  });
}

function bareSession(cb) {
  bareRequest(agent, port, call, (error, body) => {
    if (error) throw error;
    cb({ sessionId: body[0].session_id, mediaMode: 'relayed', archiveMode: 'manual' });
  });
}

/** Runs `count` createSession calls one after the other; resolves with the results or []. */
function sessions(create, count, keep) {
  return new Promise((resolve) => {
    const kept = [];
    let done = 0;
    const next = () => {
      create((result) => {
        if (keep) kept.push(result);
        done += 1;
        if (done === count) resolve(kept);
        else next();
      });
    };
    next();
  });
}

async function main() {
  const results = [];
  let before;
  let after;
  if (what === 'tokens') {
    const make = client === 'sdk' ? () => ot.generateToken(SESSION_ID) : () => bareJwtToken();
    for (let i = 0; i < warmup; i += 1) {
      ot.generateToken(SESSION_ID);
      bareJwtToken();
    }
    before = settledHeap();
    for (let i = 0; i < n; i += 1) {
      const token = make();
      if (retain) results.push(token);
    }
    after = settledHeap();
  } else {
    await sessions(sdkSession, warmup, false);
    await sessions(bareSession, warmup, false);
    before = settledHeap();
    const kept = await sessions(client === 'sdk' ? sdkSession : bareSession, n, retain);
    results.push(...kept);
    // Let the last response's socket go back to the agent's free list before measuring.
    await new Promise((resolve) => setImmediate(resolve));
    after = settledHeap();
  }
  if (retain && results.length !== n) throw new Error(`kept ${results.length} of ${n}`);
  process.stdout.write(`${JSON.stringify({ bytes: after - before, perOp: (after - before) / n, kept: results.length })}\n`);
  agent.destroy();
  process.exit(0);
}

void main();
