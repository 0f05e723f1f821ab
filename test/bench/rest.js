'use strict';
// Worker (a child process with an IPC channel): one REST client, driven by run.js batch by batch.
//   client "sdk":   the SDK's methods (createSession, startArchive, getArchive, listArchives);
//   client "bare":  the same requests with a bare `http.request` (keep-alive agent, a freshly
//                   signed JWT per request): the limit.
// Each client lives in its own process so that nothing one does to the process (async hooks,
// agents, garbage) slows down another; run.js interleaves their batches.
//
// Message in:  {name, width, ms}: keep `width` calls of `name` in flight for `ms` milliseconds,
//              then wait for the last one.
// Message out: {rate (calls/s), p50, p99 (ms), cpuPerCall (µs of this process), calls, failures}.
// Usage: node rest.js '{"port":1234,"client":"sdk"}'
const { performance } = require('perf_hooks');
const { API_KEY, API_SECRET, CALLS, bareAgent, bareRequest, percentile } = require('./common');

const { port, client } = JSON.parse(process.argv[2] || '{}');
const failures = [];

function noteFailure(name, what) {
  failures.push(`${client} ${name}: ${what instanceof Error ? what.stack : what}`);
}

/** One call of `name`; `done()` once its callback has checked the result. */
function makeCaller() {
  if (client === 'sdk') {
    const OpenTok = require('./sdk');
    const ot = new OpenTok(API_KEY, API_SECRET, { apiUrl: `http://127.0.0.1:${port}` });
    return (name) => {
      const call = CALLS[name];
      return (done) =>
        call.sdk(ot, (error, ...results) => {
          if (error || !call.sdkCheck(...results)) noteFailure(name, error || 'unexpected result');
          done();
        });
    };
  }
  const agent = bareAgent();
  return (name) => {
    const call = CALLS[name];
    return (done) =>
      bareRequest(agent, port, call, (error, body) => {
        if (error || !call.check(body)) noteFailure(name, error || 'unexpected result');
        done();
      });
  };
}
const caller = makeCaller();

/**
 * Keeps `width` calls in flight until `ms` have passed, then waits for the last to finish.
 * Resolves with the calls/s over the whole batch, the latency percentiles and the CPU time this
 * process spent per call.
 */
function batch(send, width, ms) {
  return new Promise((resolve) => {
    const latencies = [];
    const cpu = process.cpuUsage();
    const start = performance.now();
    const deadline = start + ms;
    let active = 0;
    const launch = () => {
      active += 1;
      const sent = performance.now();
      send(() => {
        const now = performance.now();
        latencies.push(now - sent);
        active -= 1;
        if (now < deadline) launch();
        else if (active === 0) {
          latencies.sort((a, b) => a - b);
          const used = process.cpuUsage(cpu);
          resolve({
            rate: (latencies.length / (now - start)) * 1000,
            p50: percentile(latencies, 50),
            p99: percentile(latencies, 99),
            cpuPerCall: (used.user + used.system) / latencies.length,
            calls: latencies.length,
          });
        }
      });
    };
    for (let i = 0; i < width; i += 1) launch();
  });
}

process.on('message', ({ name, width, ms }) => {
  void batch(caller(name), width, ms).then((result) => {
    process.send({ ...result, failures: failures.splice(0) });
  });
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
