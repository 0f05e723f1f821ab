'use strict';
// Real local HTTP servers and callback capture for the HTTP-layer tests (http.test.js,
// http-transport.test.js): each server records every request with its full body.
const http = require('http');
const { expect } = require('chai');
const OpenTok = require('opentok');
const { API_KEY, API_SECRET } = require('../helpers');

const servers = [];

/**
 * Starts an HTTP server on 127.0.0.1 (random port). Every request is recorded with its full body
 * (`{method, url, headers, body}`) before `handler(req, res, record)` runs.
 */
async function startServer(handler = () => {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const record = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(record);
      handler(req, res, record);
    });
  });
  servers.push(server);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { server, port, base: `http://127.0.0.1:${port}`, requests };
}

/** A server answering every request with `status`, `headers` and `body`. */
function startResponder(status, headers, body) {
  return startServer((req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  });
}

/** A port on which nothing listens (a server was opened there and closed). */
async function closedPort() {
  const server = http.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function closeServers() {
  while (servers.length > 0) {
    const server = servers.pop();
    server.closeAllConnections();
    server.close();
  }
}

// Callback capture

/**
 * Calls `invoke(callback)` and resolves with `{args, elapsed, sync}` once the callback has been
 * called and `settleMs` more have passed without a second call; rejects on a second call.
 */
function callOnce(invoke, settleMs = 20) {
  return new Promise((resolve, reject) => {
    let calls = 0;
    let returned = false;
    const started = Date.now();
    invoke((...args) => {
      calls += 1;
      if (calls !== 1) return;
      const result = { args, elapsed: Date.now() - started, sync: !returned };
      setTimeout(() => {
        if (calls === 1) resolve(result);
        else reject(new Error(`callback called ${calls} times`));
      }, settleMs);
    });
    returned = true;
  });
}

/** Asserts a one-argument error callback of class `ErrorClass` and returns the error. */
function expectSingleError({ args, sync }, ErrorClass) {
  expect(sync, 'callback invoked synchronously').to.equal(false);
  expect(args, 'callback arguments').to.have.length(1);
  const [error] = args;
  expect(error).to.be.instanceOf(Error);
  expect(error).to.be.instanceOf(ErrorClass);
  expect(error.name).to.equal(ErrorClass.name);
  return error;
}

/** Asserts the `(null, Archive)` of a successful getArchive. */
function expectArchive({ args, sync }, id = 'abc') {
  expect(sync, 'callback invoked synchronously').to.equal(false);
  expect(args).to.have.length(2);
  expect(args[0]).to.equal(null);
  expect(args[1]).to.be.an('object');
  expect(args[1].id).to.equal(id);
  return args[1];
}

function client(base, options = {}) {
  return new OpenTok(API_KEY, API_SECRET, { apiUrl: base, ...options });
}

module.exports = {
  callOnce,
  client,
  closeServers,
  closedPort,
  expectArchive,
  expectSingleError,
  startResponder,
  startServer,
};
