'use strict';
// Helpers of the emulator tests: callback → promise with an exactly-once check, raw HTTP requests.
const http = require('http');

/**
 * Calls `fn(callback)` and resolves with the callback's argument list once the callback has run;
 * rejects when the callback runs a second time (checked on the next turns of the event loop).
 */
function call(fn) {
  return new Promise((resolve, reject) => {
    let calls = 0;
    fn((...args) => {
      calls += 1;
      if (calls > 1) {
        reject(new Error(`callback called ${calls} times`));
        return;
      }
      setImmediate(() => setImmediate(() => (calls === 1 ? resolve(args) : undefined)));
    });
  });
}

/**
 * Sends one raw HTTP request (no keep-alive) and resolves with `{status, headers, text, json}`,
 * or with `{error}` when the connection fails. `body` may be a string or a Buffer.
 */
function request(baseUrl, { method = 'GET', path = '/', headers = {}, body, timeoutMs = 5000 } = {}) {
  const target = new URL(baseUrl);
  const framed = { ...headers };
  const names = Object.keys(framed).map((name) => name.toLowerCase());
  if (body !== undefined && !names.includes('content-length') && !names.includes('transfer-encoding')) {
    // Node sends DELETE/OPTIONS bodies unframed otherwise, and the server reads them as a second request.
    framed['Content-Length'] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve) => {
    const req = http.request(
      { host: target.hostname, port: target.port, method, path, headers: framed, agent: false },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode, headers: res.headers, text, json });
        });
        res.on('error', (error) => resolve({ error }));
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error('client timeout')));
    req.on('error', (error) => resolve({ error }));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Resolves after `ms` milliseconds. */
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check()` every 10 ms until it returns a truthy value (or fails after `timeoutMs`). */
async function waitFor(check, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('waitFor: condition not met in time');
    await delay(10);
  }
}

module.exports = { call, request, delay, waitFor };
