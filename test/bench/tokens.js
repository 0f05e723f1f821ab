'use strict';
// Worker: generateToken throughput (JWT and T1) against the bare-crypto baselines, in interleaved
// time-boxed batches. Every variant's tokens are verified first (jsonwebtoken / the T1 decoder),
// and the last token of every timed batch is verified too, outside the timed loop.
// Prints one JSON line: the per-round rates (tokens/s) of each variant and the verified counts.
// Usage: node tokens.js '{"rounds":7,"batchMs":250,"verifyFirst":200}'
const { performance } = require('perf_hooks');
const { API_KEY, API_SECRET, SESSION_ID, bareJwtToken, bareT1Token } = require('./common');
const { verifyJwtToken, verifyT1Token } = require('./verify');
const OpenTok = require('./sdk');

const { rounds, batchMs, verifyFirst } = JSON.parse(process.argv[2] || '{}');
const ot = new OpenTok(API_KEY, API_SECRET);

const VARIANTS = {
  'sdk-jwt': { make: () => ot.generateToken(SESSION_ID), verify: verifyJwtToken },
  'bare-jwt': { make: () => bareJwtToken(), verify: verifyJwtToken },
  'sdk-t1': { make: () => ot.generateToken(SESSION_ID, undefined, true), verify: verifyT1Token },
  'bare-t1': { make: () => bareT1Token(), verify: verifyT1Token },
};
const ORDER = Object.keys(VARIANTS);
const verified = Object.fromEntries(ORDER.map((name) => [name, 0]));

/** Makes tokens for `ms` milliseconds, 128 between clock reads; returns tokens per second. */
function batch(name, ms) {
  const { make, verify } = VARIANTS[name];
  const start = performance.now();
  const deadline = start + ms;
  let count = 0;
  let now = start;
  let last;
  while (now < deadline) {
    for (let i = 0; i < 128; i += 1) last = make();
    count += 128;
    now = performance.now();
  }
  verify(last);
  verified[name] += 1;
  return (count / (now - start)) * 1000;
}

for (const name of ORDER) {
  for (let i = 0; i < verifyFirst; i += 1) {
    VARIANTS[name].verify(VARIANTS[name].make());
    verified[name] += 1;
  }
}

const rates = Object.fromEntries(ORDER.map((name) => [name, []]));
// Round 0 warms every variant up (JIT, key preparation, random pool) and is discarded. The order
// alternates (ABCD, DCBA, ...) so that no variant always runs right after the same neighbour.
for (let round = 0; round <= rounds; round += 1) {
  const order = round % 2 ? [...ORDER].reverse() : ORDER;
  for (const name of order) {
    const rate = batch(name, round === 0 ? Math.min(batchMs, 100) : batchMs);
    if (round > 0) rates[name].push(rate);
  }
}
process.stdout.write(`${JSON.stringify({ rates, verified })}\n`);
