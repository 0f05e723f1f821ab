'use strict';
// Shared pieces of the benchmark: credentials, the canned wire data, the bare baselines (what the
// same work costs with nothing but `crypto` and `http`), and small statistics helpers.
const crypto = require('crypto');
const http = require('http');

const API_KEY = '123456';
const API_SECRET = '1234567890abcdef1234567890abcdef1234567890';
const PROJECT_PATH = `/v2/project/${API_KEY}`;
const SDK_VERSION = require('../../package.json').version;
const USER_AGENT = `OpenTok-Node-SDK/${SDK_VERSION}`;
const ARCHIVE_ID = 'b40ef09b-3811-4726-b508-e41a0f96c68f';

/** A session ID that encodes API_KEY, as createSession returns them. */
function makeSessionId(suffix = '0.7602962') {
  const raw = `1~${API_KEY}~127.0.0.1~Tue Jan 28 15:48:40 PST 2014~${suffix}~`;
  return '1_' + Buffer.from(raw, 'latin1').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
const SESSION_ID = makeSessionId();

/** An archive as the REST API describes it. */
function archiveJson(status, index = 0) {
  return {
    createdAt: 1384221730555 + index,
    duration: status === 'started' ? 0 : 328,
    hasAudio: true,
    hasVideo: true,
    id: index === 0 ? ARCHIVE_ID : `${ARCHIVE_ID.slice(0, -4)}${String(index).padStart(4, '0')}`,
    name: 'The archive name you supplied',
    outputMode: 'composed',
    projectId: Number(API_KEY),
    reason: '',
    resolution: '640x480',
    sessionId: SESSION_ID,
    size: status === 'started' ? 0 : 18023312,
    status,
    streamMode: 'auto',
    streams: [],
    url: status === 'available' ? 'https://tokbox.com.archive2.s3.amazonaws.com/123456/archive.mp4' : null,
  };
}

/** Archives per listArchives page served by the bench server. */
const LIST_PAGE_SIZE = 10;

/**
 * The four REST calls measured, each as the SDK call and as the exact request the bare baseline
 * sends (method, path, body bytes, Content-Type). The bare request carries the same headers as
 * the SDK sends (see `bareHeaders`), with its own freshly signed JWT.
 */
const CALLS = {
  createSession: {
    sdk: (ot, cb) => ot.createSession({}, cb),
    method: 'POST',
    path: '/session/create',
    body: 'archiveMode=manual&p2p.preference=enabled',
    contentType: 'application/x-www-form-urlencoded',
    check: (body) => Array.isArray(body) && typeof body[0].session_id === 'string',
    sdkCheck: (session) => typeof session.sessionId === 'string' && session.sessionId.startsWith('1_'),
  },
  startArchive: {
    sdk: (ot, cb) => ot.startArchive(SESSION_ID, { name: 'bench' }, cb),
    method: 'POST',
    path: `${PROJECT_PATH}/archive`,
    body: JSON.stringify({ sessionId: SESSION_ID, name: 'bench' }),
    contentType: 'application/json',
    check: (body) => body.status === 'started',
    sdkCheck: (archive) => archive.status === 'started',
  },
  getArchive: {
    sdk: (ot, cb) => ot.getArchive(ARCHIVE_ID, cb),
    method: 'GET',
    path: `${PROJECT_PATH}/archive/${ARCHIVE_ID}`,
    check: (body) => body.id === ARCHIVE_ID,
    sdkCheck: (archive) => archive.id === ARCHIVE_ID,
  },
  listArchives: {
    sdk: (ot, cb) => ot.listArchives({ count: LIST_PAGE_SIZE }, cb),
    method: 'GET',
    path: `${PROJECT_PATH}/archive?count=${LIST_PAGE_SIZE}`,
    check: (body) => Array.isArray(body.items) && body.items.length === LIST_PAGE_SIZE,
    sdkCheck: (archives, total) => archives.length === LIST_PAGE_SIZE && total === 1234,
  },
};

// ---------------------------------------------------------------------------------------------
// Bare baselines: the least work that produces the same bytes.

const HS256_HEADER = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
const SECRET_BYTES = Buffer.from(API_SECRET, 'utf8');

/** A pool of CSPRNG bytes, so the baseline's nonce is as secure as the SDK's (crypto, not Math.random). */
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;
function secureNonce() {
  if (poolOffset + 8 > pool.length) {
    crypto.randomFillSync(pool);
    poolOffset = 0;
  }
  const value = ((pool.readUInt32BE(poolOffset) >>> 11) * 0x100000000 + pool.readUInt32BE(poolOffset + 4)) / 2 ** 53;
  poolOffset += 8;
  return value;
}

/**
 * The default client token built by hand: the same claims in the same order as the SDK's (default
 * options), one JSON.stringify, one base64url, one HMAC-SHA256. No validation.
 */
function bareJwtToken(sessionId = SESSION_ID) {
  const now = Math.floor(Date.now() / 1000);
  const expire = now + 86400;
  const payload =
    `{"iss":"${API_KEY}","ist":"project","iat":${now},"exp":${expire},"session_id":${JSON.stringify(sessionId)},` +
    `"create_time":${now},"nonce":${secureNonce()},"role":"publisher","expire_time":${expire},` +
    `"initial_layout_class_list":"","scope":"session.connect"}`;
  const input = `${HS256_HEADER}.${Buffer.from(payload).toString('base64url')}`;
  return `${input}.${crypto.createHmac('sha256', SECRET_BYTES).update(input).digest('base64url')}`;
}

/** The legacy T1 token built by hand: one HMAC-SHA1 (hex) and one base64. */
function bareT1Token(sessionId = SESSION_ID) {
  const now = Math.floor(Date.now() / 1000);
  const data =
    `session_id=${sessionId}&create_time=${now}&nonce=${secureNonce()}&role=publisher` +
    `&expire_time=${now + 86400}&initial_layout_class_list=&scope=session.connect`;
  const sig = crypto.createHmac('sha1', SECRET_BYTES).update(data).digest('hex');
  return `T1==${Buffer.from(`partner_id=${API_KEY}&sig=${sig}:${data}`).toString('base64')}`;
}

/** A fresh REST JWT built by hand (HS256; iss, ist, iat, exp = iat + 300). */
function bareRestJwt() {
  const iat = Math.floor(Date.now() / 1000);
  const input = `${HS256_HEADER}.${Buffer.from(
    `{"iss":"${API_KEY}","ist":"project","iat":${iat},"exp":${iat + 300}}`,
  ).toString('base64url')}`;
  return `${input}.${crypto.createHmac('sha256', SECRET_BYTES).update(input).digest('base64url')}`;
}

/**
 * The headers of the bare request: those the SDK puts on the wire (same names in the same order,
 * same values but the JWT), so that the server parses the same bytes.
 */
function bareHeaders(call) {
  const headers = {
    'User-Agent': USER_AGENT,
    Accept: 'application/json',
    'X-OPENTOK-AUTH': bareRestJwt(),
  };
  if (call.body !== undefined) {
    headers['Content-Type'] = call.contentType;
    headers['Content-Length'] = Buffer.byteLength(call.body);
  }
  headers['Accept-Encoding'] = 'gzip,deflate';
  return headers;
}

/** A keep-alive agent like the SDK's (128 sockets per origin). */
function bareAgent() {
  return new http.Agent({ keepAlive: true, maxSockets: 128 });
}

/**
 * Sends `call` with `http.request` and calls back `(error, parsedBody)` once the response body is
 * read and parsed.
 */
function bareRequest(agent, port, call, cb) {
  const req = http.request(
    { agent, host: '127.0.0.1', port, method: call.method, path: call.path, headers: bareHeaders(call) },
    (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => {
        let body;
        try {
          body = JSON.parse(text);
        } catch (error) {
          cb(error);
          return;
        }
        cb(res.statusCode === 200 ? null : new Error(`status ${res.statusCode}`), body);
      });
    },
  );
  req.on('error', cb);
  req.end(call.body);
}

// ---------------------------------------------------------------------------------------------
// Statistics.

function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile of already sorted values. */
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `spawnSync`-like workers: prints one JSON line, the last line of stdout. */
function lastJsonLine(stdout) {
  const lines = String(stdout).trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

module.exports = {
  API_KEY,
  API_SECRET,
  PROJECT_PATH,
  USER_AGENT,
  ARCHIVE_ID,
  SESSION_ID,
  LIST_PAGE_SIZE,
  CALLS,
  makeSessionId,
  archiveJson,
  bareJwtToken,
  bareT1Token,
  bareRestJwt,
  bareHeaders,
  bareAgent,
  bareRequest,
  median,
  percentile,
  lastJsonLine,
};
