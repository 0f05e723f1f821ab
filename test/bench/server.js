'use strict';
// The bench's REST server, run as a child process so that it does not compete with the measured
// client on one event loop. Listens on 127.0.0.1 (an ephemeral port), keeps connections alive and
// answers the four measured calls with canned JSON at once. Every request's X-OPENTOK-AUTH JWT is
// checked (HS256 signature, claims, not expired); `GET /__bench/stats` reports the counts.
// It prints `{"port":N}` on stdout and exits when its stdin closes (the parent went away) or
// after 30 minutes at the latest.
const crypto = require('crypto');
const http = require('http');
const { API_KEY, API_SECRET, PROJECT_PATH, ARCHIVE_ID, LIST_PAGE_SIZE, archiveJson, makeSessionId } = require('./common');

const SECRET = Buffer.from(API_SECRET, 'utf8');
const JSON_TYPE = 'application/json; charset=utf-8';

const started = JSON.stringify(archiveJson('started'));
const available = JSON.stringify(archiveJson('available'));
const page = JSON.stringify({
  count: 1234,
  items: Array.from({ length: LIST_PAGE_SIZE }, (_, i) => archiveJson('available', i)),
});

const stats = { requests: 0, authFailures: 0, expired: 0, notFound: 0 };
let sessionCounter = 0;

/** Checks the REST JWT as the service would; counts every failure. */
function checkAuth(token) {
  if (typeof token !== 'string') return false;
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const expected = crypto.createHmac('sha256', SECRET).update(`${parts[0]}.${parts[1]}`).digest('base64url');
  if (expected !== parts[2]) return false;
  const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  if (claims.iss !== API_KEY || claims.ist !== 'project' || claims.exp - claims.iat !== 300) return false;
  if (claims.exp <= Date.now() / 1000) {
    stats.expired += 1;
    return false;
  }
  return true;
}

function reply(res, status, text) {
  res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function route(req) {
  const { method, url } = req;
  if (method === 'POST' && url === '/session/create') {
    sessionCounter += 1;
    const sessionId = makeSessionId(`0.${String(sessionCounter).padStart(9, '0')}`);
    return JSON.stringify([
      {
        session_id: sessionId,
        project_id: API_KEY,
        partner_id: API_KEY,
        create_dt: 'Mon Mar 17 00:41:31 PDT 2014',
        media_server_url: '',
      },
    ]);
  }
  if (method === 'POST' && url === `${PROJECT_PATH}/archive`) return started;
  if (method === 'GET' && url === `${PROJECT_PATH}/archive/${ARCHIVE_ID}`) return available;
  if (method === 'GET' && url.startsWith(`${PROJECT_PATH}/archive?`)) return page;
  return undefined;
}

const server = http.createServer((req, res) => {
  if (req.url === '/__bench/stats') {
    req.resume();
    reply(res, 200, JSON.stringify(stats));
    return;
  }
  stats.requests += 1;
  req.resume();
  req.on('end', () => {
    const token = req.headers['x-opentok-auth'];
    if (!checkAuth(token)) {
      stats.authFailures += 1;
      reply(res, 403, '{"message":"Invalid token"}');
      return;
    }
    const text = route(req);
    if (text === undefined) {
      stats.notFound += 1;
      reply(res, 404, '{"message":"Not found"}');
      return;
    }
    reply(res, 200, text);
  });
});
server.keepAliveTimeout = 600000;

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});

process.stdin.on('data', () => {});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
setTimeout(() => process.exit(0), 30 * 60 * 1000).unref();
