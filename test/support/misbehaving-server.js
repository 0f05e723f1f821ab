'use strict';
// A local HTTP server (127.0.0.1, random port) that fails in one chosen way on every request, for
// the fault matrix (test/fault-matrix.test.js). It records each request's method and URL, and its
// close() releases every socket and timer it created, so a test can check that nothing is left.
const http = require('http');

/** JSON text that is not parseable (a truncated object). */
const INVALID_JSON = '{"id":';

/** The HTML page of the HTML 500 mode. */
const HTML_500 = '<html><head><title>500 Internal Server Error</title></head><body><h1>Oops</h1></body></html>';

/** Content-Length announced by the partial-body modes; more than they ever send. */
const DECLARED_LENGTH = 100;

/** The partial body the partial-body modes send. */
const PARTIAL_BODY = '{"id":"abc",';

/**
 * How each mode answers (`req` and `res` of node's server, `track` registers a timer for close()).
 * Every mode but `reset-request` reads the whole request body first, so that destroying the socket
 * never discards unread request data (which could turn a clean close into an RST too early).
 */
const MODES = {
  /** Destroys the connection as soon as the request head has arrived: no response at all. */
  'reset-request': { early: (req) => req.socket.destroy() },
  /** Headers with a Content-Length, part of the body, then the connection is destroyed. */
  'reset-response': {
    respond: (req, res, track) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(DECLARED_LENGTH) });
      res.write(PARTIAL_BODY, () => track(setTimeout(() => res.socket && res.socket.destroy(), 10)));
    },
  },
  /** Never answers (the client's timeout has to end the exchange). */
  hang: { respond: () => {} },
  /** Headers, then one byte of body every 100 ms, for as long as the client stays. */
  'slow-body': {
    respond: (req, res, track) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(DECLARED_LENGTH) });
      res.write('{');
      const interval = track(setInterval(() => res.write(' '), 100));
      res.on('close', () => clearInterval(interval));
    },
  },
  /** A Content-Length larger than the body sent, then the connection is ended cleanly (FIN). */
  truncated: {
    respond: (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(DECLARED_LENGTH) });
      res.write(PARTIAL_BODY, () => res.socket && res.socket.end());
    },
  },
  /** 500 with an HTML page. */
  'html-500': { respond: (req, res) => send(res, 500, 'text/html; charset=utf-8', HTML_500) },
  /** 500 declared application/json with an empty body. */
  'empty-json-500': { respond: (req, res) => send(res, 500, 'application/json', '') },
  /** 200 declared application/json with unparseable JSON. */
  'invalid-json-200': { respond: (req, res) => send(res, 200, 'application/json', INVALID_JSON) },
  /** 200 application/json with the JSON text given as `options.body` (a wrong shape). */
  'json-200': { respond: (req, res, track, options) => send(res, 200, 'application/json', options.body) },
  /** 503 with a JSON body and `Retry-After: 0` (come back at once), on every request. */
  'json-503': { respond: (req, res) => send(res, 503, 'application/json', JSON.stringify(BODY_503), { 'Retry-After': '0' }) },
  /**
   * The first two requests of each method and URL get the 503 of `json-503`, the next ones the
   * 200 of `json-200`: "fail twice, then succeed", for a client that retries.
   */
  'fail-twice-then-json-200': {
    respond: (req, res, track, options, seen) => {
      const key = `${req.method} ${req.url}`;
      const count = (seen.get(key) || 0) + 1;
      seen.set(key, count);
      if (count <= 2) send(res, 503, 'application/json', JSON.stringify(BODY_503), { 'Retry-After': '0' });
      else send(res, 200, 'application/json', options.body);
    },
  },
  /** 302 to the very URL that was requested, forever. */
  'redirect-loop': {
    respond: (req, res) => {
      res.writeHead(302, { Location: req.url, 'Content-Length': '0' });
      res.end();
    },
  },
};

/** The body of the 503 modes. */
const BODY_503 = { code: 503, message: 'Service Unavailable' };

function send(res, status, contentType, text, headers = {}) {
  res.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

/**
 * Starts a server in `mode` (a key of MODES). Resolves with `{mode, port, base, requests, close}`:
 * `requests` lists `{method, url}` in arrival order; `close()` destroys every connection, clears
 * every timer and resolves once the server has stopped listening.
 */
async function startMisbehavingServer(mode, options = {}) {
  const behaviour = MODES[mode];
  if (!behaviour) throw new Error(`unknown mode ${mode}`);
  const requests = [];
  const timers = new Set();
  const sockets = new Set();
  // Requests seen per method and URL, for the modes that change their answer.
  const seen = new Map();
  const track = (timer) => {
    timers.add(timer);
    return timer;
  };
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method, url: req.url });
    if (behaviour.early) {
      behaviour.early(req, res);
      return;
    }
    req.resume();
    req.on('end', () => behaviour.respond(req, res, track, options, seen));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Errors on the server side of a connection the client dropped are expected here.
  server.on('clientError', (error, socket) => socket.destroy());
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  let closing;
  const close = () => {
    closing ??= new Promise((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
    return closing;
  };
  return { mode, port, base: `http://127.0.0.1:${port}`, requests, close };
}

/** A base URL on 127.0.0.1 where nothing listens (a port that was just opened and closed). */
async function closedPortBase() {
  const server = http.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

module.exports = {
  MODES: Object.keys(MODES),
  INVALID_JSON,
  HTML_500,
  BODY_503,
  startMisbehavingServer,
  closedPortBase,
};
