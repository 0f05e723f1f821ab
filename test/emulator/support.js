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

/**
 * Runs the built emulator CLI (`dist/emulator/cli.js`) for a test file: `startCli(args)` resolves
 * once it printed `API_URL=` with `{ child, stdout, exited }`; `runCli(args)` resolves when it exits
 * with `{ code, stdout, stderr }`; `killAll()` (for `afterEach`) kills the ones still running.
 */
function cliRunner() {
  const { spawn } = require('child_process');
  const path = require('path');
  const root = path.resolve(__dirname, '..', '..');
  const children = [];

  function spawnCli(args) {
    const child = spawn(process.execPath, [path.join('dist', 'emulator', 'cli.js'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    return child;
  }

  function startCli(args) {
    const child = spawnCli(args);
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    return new Promise((resolve, reject) => {
      let stdout = '';
      let stderr = '';
      const timer = setTimeout(() => reject(new Error(`CLI printed no URL in time: ${stdout} ${stderr}`)), 5000);
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        if (/API_URL=\S+\n/.test(stdout)) {
          clearTimeout(timer);
          resolve({ child, stdout, exited });
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`CLI exited with ${code}: ${stdout} ${stderr}`));
      });
    });
  }

  function runCli(args) {
    const child = spawnCli(args);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
  }

  function killAll() {
    for (const child of children.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }

  return { startCli, runCli, killAll, children };
}

/**
 * Starts a local HTTP server that answers 200 and records every request: `{method, url, headers,
 * raw, body}`, `raw` being the body bytes as received and `body` their JSON.
 */
async function startReceiver() {
  const received = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      received.push({ method: req.method, url: req.url, headers: req.headers, raw, body: JSON.parse(raw.toString('utf8')) });
      res.writeHead(200);
      res.end('ok');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    received,
    url: (route) => `http://127.0.0.1:${port}${route}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

module.exports = { call, request, delay, waitFor, cliRunner, startReceiver };
