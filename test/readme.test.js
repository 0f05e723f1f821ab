'use strict';
// Runs every JavaScript block of README.md verbatim (extracted from the Markdown at test time, no
// hand copies) against the package, with nock playing the OpenTok service, and checks that each
// block does what its text says: no throw, only the service's REST endpoints (the ENDPOINTS table
// below), the expected requests, no error in any callback, every `opentok.promises.<method>` call
// fulfilled, no unhandled rejection, and the logged values the snippet intends. Each promise block
// must make the same requests and log the same values as the callback block it follows.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const util = require('util');
const vm = require('vm');
const { expect } = require('chai');
const jwt = require('jsonwebtoken');
const nock = require('nock');
const OpenTok = require('opentok');
const Session = require('opentok/lib/session.js');
const {
  API_KEY,
  API_SECRET,
  API_URL,
  PROJECT_PATH,
  SESSION_ID,
  makeSessionId,
  expectAuthHeaders,
  normalizeHeaders,
  useNock,
} = require('./helpers');

const README_PATH = path.join(__dirname, '..', 'README.md');
const VONAGE_URL = 'https://video.api.vonage.com';

/** Every fenced block of a Markdown text as {lang, code}; fences must start a line. */
function codeBlocks(markdown) {
  const blocks = [];
  const fence = /^```([^\n`]*)\n([\s\S]*?)^```[ \t]*$/gm;
  let match;
  while ((match = fence.exec(markdown)) !== null) blocks.push({ lang: match[1].trim(), code: match[2] });
  return blocks;
}

const readme = fs.readFileSync(README_PATH, 'utf8');
const blocks = codeBlocks(readme);
const jsBlocks = blocks.filter((block) => block.lang === 'js');
const INIT_CODE = "const OpenTok = require('opentok');\nconst opentok = new OpenTok(apiKey, apiSecret);";

// ---------------------------------------------------------------------------------------------
// The free variables of the snippets.

const ARCHIVE_ID = '5b1521e6-115f-4efd-bed9-e527b87f0699';
const STREAM_ID = '8b732909-0a06-46a2-8ea8-074e64d43422';
const OTHER_STREAM_ID = 'e7f2a1c3-5d4b-4e8a-9f0c-1b2d3e4f5a6b';
const MODERATOR_STREAM_ID = '0c9d8e7f-6a5b-4c3d-8e1f-2a3b4c5d6e7f';
const CONNECTION_ID = 'ae6d2a1a-b2a1-4c2c-9b56-1c1e8ba2d7ac';
const BROADCAST_ID = '1748b7070a81464c9759c46ad10d3734';
const RENDER_ID = '80abaf0d-25a3-4efc-968f-6268d620668d';
const CAPTIONS_ID = '7c0680fc-6274-4de5-a66f-d0648e8d3ac2';
const CALLBACK_ID = 'c3f5a7e9-2b4d-4f6a-8c0e-1a3b5c7d9e0f';
const VONAGE_APPLICATION_ID = 'c6a8d1f2-1234-4bcd-9def-0123456789ab';
/** A real client token for SESSION_ID (the snippets pass it to dial, websocketConnect, ...). */
const TOKEN = new OpenTok(API_KEY, API_SECRET).generateToken(SESSION_ID);

/** The PKCS#8 key pair behind the Vonage block's `fs.readFileSync('private.key', 'utf8')`. */
const VONAGE_KEYS = crypto.generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

// ---------------------------------------------------------------------------------------------
// The service: realistic success replies for every REST endpoint the SDK calls.

const NEW_ARCHIVE_ID = 'b40ef09b-3811-4726-b508-e41a0f96c68f';
const ARCHIVE_URL = `https://tokbox.com.archive2.s3.amazonaws.com/${API_KEY}/${ARCHIVE_ID}/archive.mp4`;
const NEW_BROADCAST_ID = '9a1c5e3f7b2d4f6a8c0e2b4d6f8a0c2e';
const HLS_URL = 'https://cdn-broadcast001-pdx.tokbox.com/14935/14935_b1.smil/playlist.m3u8';
const SIP_CALL = { id: 'b0a5a8c7-dc38-459f-a48d-a7f2008da853', connectionId: 'e9f8c166-6c67-440d-994a-04fb6dfed007', streamId: '482bce73-f882-40fd-8ca5-cb74ff416036' };
const WEBSOCKET_CONNECTION = { id: 'b3cd31f7-020e-4ba3-9a2a-12d98b8a184f', connectionId: '1f3cc5e4-7eab-4b8d-a6c2-1b2a3c4d5e6f' };
const NEW_RENDER_ID = '1248e7070b81464c9789f46ad10e7764';
const NEW_CAPTIONS_ID = '4a2b7c1d-9e8f-4a6b-8c5d-3e2f1a0b9c8d';
const NEW_CALLBACK_ID = 'f1e2d3c4-b5a6-4978-8a6b-5c4d3e2f1a0b';
const LISTED_CALLBACK_IDS = ['0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d', '9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f'];
const STREAMS = {
  [STREAM_ID]: { id: STREAM_ID, videoType: 'camera', name: 'Alice', layoutClassList: ['focus'] },
  [OTHER_STREAM_ID]: { id: OTHER_STREAM_ID, videoType: 'screen', name: 'Bob', layoutClassList: [] },
};
const CREATED_AT = 1395183243556;

function archiveJson(overrides) {
  return {
    id: ARCHIVE_ID,
    status: 'available',
    name: 'Important Presentation',
    reason: '',
    sessionId: SESSION_ID,
    projectId: Number(API_KEY),
    createdAt: CREATED_AT,
    size: 8347554,
    duration: 62,
    outputMode: 'composed',
    hasAudio: true,
    hasVideo: true,
    resolution: '640x480',
    streamMode: 'auto',
    streams: [],
    url: ARCHIVE_URL,
    ...overrides,
  };
}

function broadcastJson(overrides) {
  return {
    id: BROADCAST_ID,
    sessionId: SESSION_ID,
    projectId: Number(API_KEY),
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT + 1000,
    resolution: '1280x720',
    broadcastUrls: {
      hls: HLS_URL,
      hlsStatus: 'live',
      rtmp: [{ id: 'youtube', serverUrl: 'rtmp://a.rtmp.youtube.com/live2', streamName: 'stream-key', status: 'live' }],
    },
    maxDuration: 5400,
    streamMode: 'auto',
    streams: [],
    status: 'started',
    ...overrides,
  };
}

function renderJson(overrides) {
  return {
    id: RENDER_ID,
    sessionId: SESSION_ID,
    projectId: API_KEY,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT + 1000,
    url: 'https://example.com/composed-view',
    resolution: '1280x720',
    status: 'started',
    streamId: 'e32445b743678c98230f238',
    ...overrides,
  };
}

function callbackJson(id, overrides) {
  return { id, group: 'connection', event: 'created', url: 'https://example.com/events', createdAt: CREATED_AT, ...overrides };
}

const P = PROJECT_PATH;
const ID = '([^/?]+)';
const NO_CONTENT = () => [204];

/** Every REST endpoint the SDK calls, one row per method: [name, HTTP method, path, reply]. */
const ENDPOINTS = [
  ['createSession', 'POST', '/session/create', (m, body) => {
    const location = new URLSearchParams(body).get('location') || '127.0.0.1';
    return [200, [{
      session_id: makeSessionId(API_KEY, location),
      project_id: API_KEY,
      partner_id: API_KEY,
      create_dt: 'Tue Jan 28 15:48:40 PST 2014',
      media_server_url: '',
    }]];
  }],
  ['startArchive', 'POST', `${P}/archive`, (m, body) => [200, archiveJson({
    id: NEW_ARCHIVE_ID,
    status: 'started',
    name: body.name === undefined ? null : body.name,
    sessionId: body.sessionId,
    outputMode: body.outputMode || 'composed',
    size: 0,
    duration: 0,
    url: null,
  })]],
  ['stopArchive', 'POST', `${P}/archive/${ID}/stop`, (m) => [200, archiveJson({ id: decodeURIComponent(m[1]), status: 'stopped', url: null })]],
  ['getArchive', 'GET', `${P}/archive/${ID}`, (m) => [200, archiveJson({ id: decodeURIComponent(m[1]) })]],
  ['deleteArchive', 'DELETE', `${P}/archive/${ID}`, NO_CONTENT],
  ['listArchives', 'GET', `${P}/archive(?:\\?.*)?`, () => [200, {
    count: 2,
    items: [archiveJson({ id: NEW_ARCHIVE_ID }), archiveJson({ id: ARCHIVE_ID })],
  }]],
  ['addArchiveStream / removeArchiveStream', 'PATCH', `${P}/archive/${ID}/streams`, NO_CONTENT],
  ['setArchiveLayout', 'PUT', `${P}/archive/${ID}/layout`, NO_CONTENT],
  ['startBroadcast', 'POST', `${P}/broadcast`, () => [200, broadcastJson({ id: NEW_BROADCAST_ID })]],
  ['stopBroadcast', 'POST', `${P}/broadcast/${ID}/stop`, (m) => [200, broadcastJson({ id: m[1], status: 'stopped' })]],
  ['getBroadcast', 'GET', `${P}/broadcast/${ID}`, (m) => [200, broadcastJson({ id: m[1] })]],
  ['listBroadcasts', 'GET', `${P}/broadcast(?:\\?.*)?`, () => [200, {
    count: 2,
    items: [broadcastJson({ id: NEW_BROADCAST_ID }), broadcastJson({ id: BROADCAST_ID })],
  }]],
  ['addBroadcastStream / removeBroadcastStream', 'PATCH', `${P}/broadcast/${ID}/streams`, NO_CONTENT],
  ['setBroadcastLayout', 'PUT', `${P}/broadcast/${ID}/layout`, NO_CONTENT],
  ['dial', 'POST', `${P}/dial`, () => [200, SIP_CALL]],
  ['playDTMF', 'POST', `${P}/session/${ID}(?:/connection/${ID})?/play-dtmf`, NO_CONTENT],
  ['websocketConnect', 'POST', `${P}/connect`, () => [200, WEBSOCKET_CONNECTION]],
  ['getStream', 'GET', `${P}/session/${ID}/stream/${ID}`, (m) => (STREAMS[m[2]] ? [200, STREAMS[m[2]]] : [404])],
  ['listStreams', 'GET', `${P}/session/${ID}/stream`, () => [200, { count: 2, items: Object.values(STREAMS) }]],
  ['setStreamClassLists', 'PUT', `${P}/session/${ID}/stream`, NO_CONTENT],
  ['forceDisconnect', 'DELETE', `${P}/session/${ID}/connection/${ID}`, NO_CONTENT],
  ['forceMuteStream', 'POST', `${P}/session/${ID}/stream/${ID}/mute`, NO_CONTENT],
  ['forceMuteAll / disableForceMute', 'POST', `${P}/session/${ID}/mute`, NO_CONTENT],
  ['signal', 'POST', `${P}/session/${ID}(?:/connection/${ID})?/signal`, NO_CONTENT],
  ['startCaptions', 'POST', `${P}/captions`, () => [202, { captionsId: NEW_CAPTIONS_ID }]],
  ['stopCaptions', 'POST', `${P}/captions/${ID}/stop`, () => [202]],
  ['listRenders', 'GET', `${P}/render(?:\\?.*)?`, () => [200, {
    count: 2,
    items: [renderJson({ id: NEW_RENDER_ID }), renderJson({ status: 'stopped' })],
  }]],
  ['getRender', 'GET', `${P}/render/${ID}`, (m) => [200, renderJson({ id: m[1] })]],
  ['startRender', 'POST', `${P}/render`, (m, body) => [202, renderJson({ id: NEW_RENDER_ID, url: body.url, status: 'starting' })]],
  ['stopRender', 'DELETE', `${P}/render/${ID}`, NO_CONTENT],
  ['registerCallback', 'POST', `${P}/callback`, (m, body) => [200, callbackJson(NEW_CALLBACK_ID, body)]],
  ['unregisterCallback', 'DELETE', `${P}/callback/${ID}`, NO_CONTENT],
  ['listCallbacks', 'GET', `${P}/callback`, () => [200, LISTED_CALLBACK_IDS.map((id) => callbackJson(id))]],
].map(([name, method, pattern, reply]) => ({ name, method, pattern: new RegExp(`^${pattern}$`), reply }));

function findEndpoint(method, urlPath) {
  for (const endpoint of ENDPOINTS) {
    const match = endpoint.method === method ? endpoint.pattern.exec(urlPath) : null;
    if (match) return { endpoint, match };
  }
  return null;
}

/** Persisted interceptors on both service hosts; every request is appended to `requests`. */
function serve(requests) {
  for (const origin of [API_URL, VONAGE_URL]) {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      nock(origin)
        .persist()
        .intercept(() => true, method)
        .reply(function (uri, body) {
          const headers = normalizeHeaders(this.req.headers);
          const found = findEndpoint(method, uri);
          const text = typeof body === 'string' ? body : JSON.stringify(body);
          const reply = found
            ? found.endpoint.reply(found.match, body)
            : [501, { message: `no endpoint of the SDK is ${method} ${uri}` }];
          requests.push({
            origin,
            method,
            path: uri,
            body: text,
            headers,
            rawHeaders: this.req.headers,
            endpoint: found ? found.endpoint.name : null,
          });
          return reply;
        });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// What each block must do. `apiCalls` is counted by hand from the block's text; `requests` are
// the exact requests (method, path with query, body) in any order; `logs` the console.log calls
// in any order.

const S = SESSION_ID;
const j = (value) => JSON.stringify(value);

const EXPECTATIONS = [
  {
    marker: INIT_CODE,
    apiCalls: 0,
    requests: [],
    logs: [],
    check({ context }) {
      const { OpenTok: required, opentok } = vm.runInContext('({ OpenTok, opentok })', context);
      expect(required).to.equal(OpenTok);
      expect(opentok).to.be.instanceOf(OpenTok);
      expect(opentok.apiKey).to.equal(API_KEY);
      expect(opentok.apiUrl).to.equal(API_URL);
    },
  },
  {
    marker: "uaAddendum: 'my-app/1.2'",
    apiCalls: 0,
    requests: [],
    logs: [],
    check({ context }) {
      const opentok = vm.runInContext('opentok', context);
      expect(opentok).to.be.instanceOf(OpenTok);
      expect(opentok.apiKey).to.equal(API_KEY);
      expect(opentok.apiUrl).to.equal('https://api.opentok.com');
    },
  },
  {
    marker: 'maxRetries: 3, timeout: 10000',
    apiCalls: 0,
    requests: [],
    logs: [],
    check({ context }) {
      const patient = vm.runInContext('patient', context);
      expect(patient).to.be.instanceOf(OpenTok);
      expect(patient.apiUrl).to.equal(API_URL);
    },
  },
  {
    marker: 'opentok.createSession(function',
    apiCalls: 2,
    requests: [
      'POST /session/create archiveMode=manual&p2p.preference=enabled',
      'POST /session/create location=12.34.56.78&archiveMode=always&p2p.preference=disabled',
    ],
    // The session IDs of the replies (each encodes the location it was created for).
    logs: [[makeSessionId(API_KEY, '127.0.0.1')], [makeSessionId(API_KEY, '12.34.56.78')]],
  },
  {
    marker: 'opentok.generateToken(sessionId)',
    apiCalls: 0,
    requests: [],
    logs: [],
    check({ context }) {
      const now = Math.round(Date.now() / 1000);
      const { token, moderatorToken, legacyToken, restJwt } = vm.runInContext(
        '({ token, moderatorToken, legacyToken, restJwt })',
        context,
      );
      const publisher = jwt.verify(token, API_SECRET, { algorithms: ['HS256'], issuer: API_KEY });
      expect(publisher).to.include({ session_id: SESSION_ID, role: 'publisher', scope: 'session.connect' });
      expect(Math.abs(publisher.expire_time - (now + 86400))).to.be.at.most(2);

      const moderator = jwt.verify(moderatorToken, API_SECRET, { algorithms: ['HS256'], issuer: API_KEY });
      expect(moderator).to.include({
        session_id: SESSION_ID,
        role: 'moderator',
        connection_data: 'name=Johnny',
        initial_layout_class_list: 'focus',
      });
      expect(Math.abs(moderator.expire_time - (now + 3600))).to.be.at.most(2);

      expect(legacyToken.startsWith('T1==')).to.equal(true);
      const plain = Buffer.from(legacyToken.slice(4), 'base64').toString('utf8');
      const colon = plain.indexOf(':');
      const head = new URLSearchParams(plain.slice(0, colon));
      const data = plain.slice(colon + 1);
      expect(head.get('partner_id')).to.equal(API_KEY);
      expect(head.get('sig')).to.equal(crypto.createHmac('sha1', API_SECRET).update(data).digest('hex'));
      const claims = new URLSearchParams(data);
      expect(claims.get('session_id')).to.equal(SESSION_ID);
      expect(claims.get('role')).to.equal('subscriber');

      const rest = jwt.verify(restJwt, API_SECRET, { algorithms: ['HS256'], issuer: API_KEY });
      expect(rest.ist).to.equal('project');
      expect(rest.exp - rest.iat).to.equal(300);
    },
  },
  {
    marker: 'opentok.startArchive(sessionId',
    apiCalls: 5,
    requests: [
      `POST ${P}/archive ${j({ sessionId: S, name: 'Important Presentation', outputMode: 'composed' })}`,
      `POST ${P}/archive/${ARCHIVE_ID}/stop {}`,
      `GET ${P}/archive/${ARCHIVE_ID}`,
      `DELETE ${P}/archive/${ARCHIVE_ID}`,
      `GET ${P}/archive?count=50&sessionId=${S}`,
    ],
    logs: [
      ['new archive: ' + NEW_ARCHIVE_ID],
      ['stopped archive: ' + ARCHIVE_ID],
      ['available', ARCHIVE_URL],
      ['2 archives'],
      [NEW_ARCHIVE_ID],
      [ARCHIVE_ID],
    ],
  },
  {
    marker: 'opentok.setArchiveLayout(archiveId',
    apiCalls: 4,
    requests: [
      `PUT ${P}/archive/${ARCHIVE_ID}/layout ${j({ type: 'custom', stylesheet: 'stream.instructor {position: absolute; width: 100%;}' })}`,
      `PUT ${P}/archive/${ARCHIVE_ID}/layout ${j({ type: 'bestFit', screenshareType: 'pip' })}`,
      `PATCH ${P}/archive/${ARCHIVE_ID}/streams ${j({ hasAudio: true, hasVideo: false, addStream: STREAM_ID })}`,
      `PATCH ${P}/archive/${ARCHIVE_ID}/streams ${j({ removeStream: STREAM_ID })}`,
    ],
    logs: [],
  },
  {
    marker: 'opentok.forceDisconnect(sessionId, connectionId',
    apiCalls: 1,
    requests: [`DELETE ${P}/session/${S}/connection/${CONNECTION_ID}`],
    logs: [],
  },
  {
    marker: 'opentok.startBroadcast(sessionId',
    apiCalls: 7,
    requests: [
      `POST ${P}/broadcast ${j({
        outputs: {
          hls: { lowLatency: true },
          rtmp: [{ id: 'youtube', serverUrl: 'rtmp://a.rtmp.youtube.com/live2', streamName: 'stream-key' }],
        },
        maxDuration: 5400,
        resolution: '1280x720',
        layout: { type: 'bestFit' },
        sessionId: S,
        streamMode: 'auto',
      })}`,
      `GET ${P}/broadcast/${BROADCAST_ID}`,
      `GET ${P}/broadcast?count=10&sessionId=${S}`,
      `PUT ${P}/broadcast/${BROADCAST_ID}/layout ${j({ type: 'verticalPresentation' })}`,
      `PATCH ${P}/broadcast/${BROADCAST_ID}/streams ${j({ addStream: STREAM_ID, hasAudio: true, hasVideo: true })}`,
      `PATCH ${P}/broadcast/${BROADCAST_ID}/streams ${j({ removeStream: STREAM_ID })}`,
      `POST ${P}/broadcast/${BROADCAST_ID}/stop {}`,
    ],
    logs: [[NEW_BROADCAST_ID, HLS_URL], ['started'], ['2 broadcasts'], ['stopped']],
  },
  {
    marker: 'opentok.dial(sessionId, token',
    apiCalls: 1,
    requests: [
      `POST ${P}/dial ${j({
        sessionId: S,
        token: TOKEN,
        sip: {
          uri: 'sip:user@sip.example.com',
          headers: { 'X-Custom': 'value' },
          auth: { username: 'user', password: 'pass' },
          secure: true,
          from: '14155550101',
          observeForceMute: true,
          streams: [STREAM_ID],
        },
      })}`,
    ],
    logs: [[SIP_CALL.id, SIP_CALL.connectionId, SIP_CALL.streamId]],
  },
  {
    marker: 'opentok.playDTMF(sessionId',
    apiCalls: 2,
    requests: [
      `POST ${P}/session/${S}/play-dtmf ${j({ digits: '1713#' })}`,
      `POST ${P}/session/${S}/connection/${CONNECTION_ID}/play-dtmf ${j({ digits: 'p1p2' })}`,
    ],
    logs: [],
  },
  {
    marker: 'opentok.websocketConnect(sessionId',
    apiCalls: 1,
    requests: [
      `POST ${P}/connect ${j({
        sessionId: S,
        token: TOKEN,
        websocket: {
          uri: 'wss://example.com/audio',
          streams: [STREAM_ID],
          headers: { 'X-Caller': 'support' },
          bidirectional: true,
        },
      })}`,
    ],
    logs: [[WEBSOCKET_CONNECTION.id, WEBSOCKET_CONNECTION.connectionId]],
  },
  {
    marker: 'opentok.getStream(sessionId',
    apiCalls: 3,
    requests: [
      `GET ${P}/session/${S}/stream/${STREAM_ID}`,
      `GET ${P}/session/${S}/stream`,
      `PUT ${P}/session/${S}/stream ${j({
        items: [
          { id: STREAM_ID, layoutClassList: ['focus'] },
          { id: OTHER_STREAM_ID, layoutClassList: [] },
        ],
      })}`,
    ],
    logs: [[STREAM_ID, 'Alice', 'camera', ['focus']], [STREAM_ID], [OTHER_STREAM_ID]],
  },
  {
    marker: 'opentok.forceMuteStream(sessionId',
    apiCalls: 3,
    requests: [
      `POST ${P}/session/${S}/stream/${STREAM_ID}/mute {}`,
      `POST ${P}/session/${S}/mute ${j({ active: true, excludedStreamIds: [MODERATOR_STREAM_ID] })}`,
      `POST ${P}/session/${S}/mute ${j({ active: false })}`,
    ],
    logs: [],
  },
  {
    marker: 'opentok.signal(sessionId',
    apiCalls: 2,
    requests: [
      `POST ${P}/session/${S}/signal ${j({ type: 'chat', data: 'Hello!' })}`,
      `POST ${P}/session/${S}/connection/${CONNECTION_ID}/signal ${j({ type: 'chat', data: 'Hello you!' })}`,
    ],
    logs: [],
  },
  {
    marker: 'opentok.startRender(',
    apiCalls: 4,
    requests: [
      `POST ${P}/render ${j({
        sessionId: S,
        token: TOKEN,
        url: 'https://example.com/composed-view',
        maxDuration: 1800,
        resolution: '1280x720',
        statusCallbackUrl: 'https://example.com/render-events',
        properties: { name: 'Composed view' },
      })}`,
      `GET ${P}/render/${RENDER_ID}`,
      `GET ${P}/render?count=50`,
      `DELETE ${P}/render/${RENDER_ID}`,
    ],
    logs: [[NEW_RENDER_ID, 'starting'], ['started'], ['2 renders']],
  },
  {
    marker: 'opentok.startCaptions(sessionId',
    apiCalls: 2,
    requests: [
      `POST ${P}/captions ${j({ sessionId: S, token: TOKEN, languageCode: 'en-US', maxDuration: 14400, partialCaptions: true })}`,
      `POST ${P}/captions/${CAPTIONS_ID}/stop`,
    ],
    logs: [[NEW_CAPTIONS_ID]],
  },
  {
    marker: 'opentok.registerCallback(',
    // register, list, one unregister per listed callback (callback.unregister), unregisterCallback.
    apiCalls: 3 + LISTED_CALLBACK_IDS.length,
    requests: [
      `POST ${P}/callback ${j({ group: 'connection', event: 'created', url: 'https://example.com/events' })}`,
      `GET ${P}/callback`,
      ...LISTED_CALLBACK_IDS.map((id) => `DELETE ${P}/callback/${id}`),
      `DELETE ${P}/callback/${CALLBACK_ID}`,
    ],
    logs: [[NEW_CALLBACK_ID]],
  },
  {
    marker: 'function (err, archive) {\n  if (err instanceof OpenTok.NotFoundError)',
    apiCalls: 1,
    requests: [`GET ${P}/archive/${ARCHIVE_ID}`],
    logs: [['available']],
  },
  {
    // The webhook blocks run for real: their Express app listens on a free port and gets POSTs.
    marker: "const { webhookHandler } = require('opentok/webhooks')",
    webhook: 'events',
    apiCalls: 0,
    requests: [],
    logs: [],
  },
  {
    marker: "const { webhookHandler, verifyCallback, parseEvent, CallbackSignatureError } = require('opentok/webhooks')",
    webhook: 'signed',
    apiCalls: 0,
    requests: [],
    logs: [],
  },
  {
    // The emulator section's block runs for real: the emulator is a local HTTP server, not nock.
    marker: "require('opentok/emulator')",
    live: true,
    apiCalls: 0,
    requests: [],
    logs: [],
  },
  {
    marker: "fs.readFileSync('private.key'",
    apiCalls: 0,
    requests: [],
    logs: [],
    check({ context, fsCalls }) {
      expect(fsCalls).to.deep.equal([['private.key', 'utf8']]);
      const opentok = vm.runInContext('opentok', context);
      expect(opentok).to.be.instanceOf(OpenTok);
      expect(opentok.apiKey).to.equal(VONAGE_APPLICATION_ID);
      expect(opentok.apiUrl).to.equal(VONAGE_URL);
      // Vonage mode is on: REST JWTs are RS256, signed with the private key that was read.
      const claims = jwt.verify(opentok.generateJwt(), VONAGE_KEYS.publicKey, { algorithms: ['RS256'] });
      expect(claims).to.include({ iss: VONAGE_APPLICATION_ID, application_id: VONAGE_APPLICATION_ID, ist: 'project' });
    },
  },
];

// The promise blocks. The "Promises" introduction is checked on its own; every other promise block
// shows the same calls as the callback block before it, so it must make exactly the same requests
// and log the same values: its entry is that block's entry under the promise block's marker.

const PROMISES_INTRO_SESSION_ID = makeSessionId(API_KEY, '127.0.0.1');

EXPECTATIONS.push({
  marker: 'opentok.promises.startArchive(session.sessionId',
  apiCalls: 4,
  requests: [
    'POST /session/create archiveMode=manual&p2p.preference=disabled',
    `POST ${P}/archive ${j({ sessionId: PROMISES_INTRO_SESSION_ID, name: 'demo' })}`,
    `GET ${P}/archive?sessionId=${PROMISES_INTRO_SESSION_ID}`,
    `DELETE ${P}/archive/${NEW_ARCHIVE_ID}`,
  ],
  logs: [[NEW_ARCHIVE_ID, 'started'], [2, 2]],
  check({ promiseCalls }) {
    // The values the text says each kind of method resolves to.
    expect(promiseCalls.map((call) => call.method)).to.deep.equal(['createSession', 'startArchive', 'listArchives', 'deleteArchive']);
    const [session, archive, page, deleted] = promiseCalls.map((call) => call.value);
    expect(session).to.be.instanceOf(OpenTok.Session);
    expect(session.sessionId).to.equal(PROMISES_INTRO_SESSION_ID);
    expect(archive.constructor.name).to.equal('Archive');
    expect(archive.stop).to.be.a('function');
    expect(Object.keys(page)).to.deep.equal(['items', 'totalCount']);
    expect(page.totalCount).to.equal(2);
    expect(page.items.map((item) => item.id)).to.deep.equal([NEW_ARCHIVE_ID, ARCHIVE_ID]);
    expect(page.items[0].constructor).to.equal(archive.constructor);
    expect(deleted).to.equal(undefined);
  },
});

// The iterators block: each iterator fetches one page (the service's count is 2, the items of its
// first page), and the broadcast loop stops at its first item.
EXPECTATIONS.push({
  marker: 'opentok.promises.iterateArchives({ sessionId })',
  apiCalls: 3,
  requests: [
    `GET ${P}/archive?count=1000&sessionId=${SESSION_ID}`,
    `GET ${P}/broadcast?count=100`,
    `GET ${P}/render?count=1000`,
  ],
  logs: [[NEW_ARCHIVE_ID, 'available'], [ARCHIVE_ID, 'available'], ['live:', NEW_BROADCAST_ID], [1, 'renders running']],
  check({ promiseCalls }) {
    expect(promiseCalls.map((call) => call.method)).to.deep.equal(['iterateArchives', 'iterateBroadcasts', 'iterateRenders']);
    // The archive and render loops ran to the end; the broadcast loop's break called return().
    expect(promiseCalls.map((call) => call.ended)).to.deep.equal(['done', 'returned', 'done']);
    expect(promiseCalls[0].yielded.map((archive) => archive.constructor.name)).to.deep.equal(['Archive', 'Archive']);
    expect(promiseCalls[1].yielded.map((broadcast) => broadcast.id)).to.deep.equal([NEW_BROADCAST_ID]);
  },
});

/** [marker of the callback block's entry, marker of the promise block that follows it] */
const PROMISE_TWINS = [
  ['opentok.createSession(function', 'await opentok.promises.createSession();'],
  ['opentok.startArchive(sessionId', 'await opentok.promises.stopArchive(archiveId)'],
  ['opentok.setArchiveLayout(archiveId', 'await opentok.promises.setArchiveLayout(archiveId'],
  ['opentok.forceDisconnect(sessionId, connectionId', 'await opentok.promises.forceDisconnect('],
  ['opentok.startBroadcast(sessionId', 'await opentok.promises.startBroadcast('],
  ['opentok.dial(sessionId, token', 'await opentok.promises.dial('],
  ['opentok.playDTMF(sessionId', 'await opentok.promises.playDTMF('],
  ['opentok.websocketConnect(sessionId', 'await opentok.promises.websocketConnect('],
  ['opentok.getStream(sessionId', 'await opentok.promises.getStream('],
  ['opentok.forceMuteStream(sessionId', 'await opentok.promises.forceMuteStream('],
  ['opentok.signal(sessionId', 'await opentok.promises.signal('],
  ['opentok.startRender(', 'await opentok.promises.startRender('],
  ['opentok.startCaptions(sessionId', 'await opentok.promises.startCaptions('],
  ['opentok.registerCallback(', 'await opentok.promises.registerCallback('],
  ['function (err, archive) {\n  if (err instanceof OpenTok.NotFoundError)', 'const archive = await opentok.promises.getArchive('],
];
for (const [callbackMarker, promiseMarker] of PROMISE_TWINS) {
  const twin = EXPECTATIONS.find((expectation) => expectation.marker === callbackMarker);
  if (!twin) throw new Error(`no expectation-table entry with the marker ${callbackMarker}`);
  EXPECTATIONS.push({ ...twin, marker: promiseMarker, twinOf: callbackMarker });
}

function expectationsFor(block) {
  return EXPECTATIONS.filter((expectation) => block.code.includes(expectation.marker));
}

// ---------------------------------------------------------------------------------------------
// Running a block.

function firstLine(code) {
  return code.split('\n').find((line) => line.trim() !== '').trim();
}

/** A test title: the first line, or for a promise block its first `opentok.promises` call. */
function blockTitle(code) {
  const first = firstLine(code);
  const promiseLine = code.split('\n').find((line) => line.includes('opentok.promises.'));
  return first.startsWith('async function') && promiseLine ? `(promises) ${promiseLine.trim()}` : first;
}

/** Names a block declares at its top level (`const opentok = ...`). */
function declares(code, name) {
  return new RegExp(`^\\s*(?:const|let|var)\\s+${name}\\b`, 'm').test(code);
}

/** A fresh context with the snippets' free variables, a capturing console and an fs stub. */
function sandbox() {
  const consoleCalls = [];
  const fsCalls = [];
  const fsStub = {
    readFileSync(...args) {
      fsCalls.push(args);
      if (args.length === 2 && args[0] === 'private.key' && args[1] === 'utf8') return VONAGE_KEYS.privateKey;
      throw new Error(`unexpected fs.readFileSync(${args.map((arg) => util.inspect(arg)).join(', ')})`);
    },
  };
  const capture = (method) => (...args) => consoleCalls.push({ method, args });
  const context = vm.createContext({
    require: (name) => (name === 'fs' ? fsStub : require(name)),
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    sessionId: SESSION_ID,
    archiveId: ARCHIVE_ID,
    streamId: STREAM_ID,
    otherStreamId: OTHER_STREAM_ID,
    moderatorStreamId: MODERATOR_STREAM_ID,
    connectionId: CONNECTION_ID,
    broadcastId: BROADCAST_ID,
    renderId: RENDER_ID,
    captionsId: CAPTIONS_ID,
    callbackId: CALLBACK_ID,
    token: TOKEN,
    console: {
      log: capture('log'),
      info: capture('info'),
      warn: capture('warn'),
      error: capture('error'),
      debug: capture('debug'),
    },
  });
  return { context, consoleCalls, fsCalls };
}

/**
 * Wraps every method of `client` (own properties shadowing the prototype) so that each call that
 * passes a callback is recorded with every invocation of that callback.
 */
function trackCallbacks(client) {
  const calls = [];
  const names = new Set();
  for (let proto = Object.getPrototypeOf(client); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (name !== 'constructor' && typeof descriptor.value === 'function') names.add(name);
    }
  }
  for (const name of names) {
    const original = client[name];
    Object.defineProperty(client, name, {
      configurable: true,
      writable: true,
      value: function (...args) {
        const last = args.length - 1;
        if (last >= 0 && typeof args[last] === 'function') {
          const call = { method: name, invocations: [] };
          calls.push(call);
          const userCallback = args[last];
          args[last] = function (...results) {
            call.invocations.push(results);
            return userCallback.apply(this, results);
          };
        }
        return original.apply(this, args);
      },
    });
  }
  return calls;
}

/**
 * Replaces `client.promises` (for this client only) by an object whose methods record each call and
 * how its promise settled, then return that promise.
 */
function trackPromises(client) {
  const calls = [];
  const real = client.promises;
  const tracked = {};
  for (const name of Object.keys(real)) {
    if (name.startsWith('iterate')) {
      tracked[name] = (...args) => trackIterator(calls, name, real[name](...args));
      continue;
    }
    tracked[name] = function (...args) {
      const call = { method: name, state: 'pending' };
      calls.push(call);
      const promise = real[name](...args);
      promise.then(
        (value) => Object.assign(call, { state: 'fulfilled', value }),
        (reason) => Object.assign(call, { state: 'rejected', reason }),
      );
      return promise;
    };
  }
  Object.defineProperty(client, 'promises', { configurable: true, enumerable: false, value: Object.freeze(tracked) });
  return calls;
}

/**
 * Records an iterator of `opentok.promises` as a call that is fulfilled once the iteration ended
 * (`ended`: `done`, or `returned` by a `break`) and rejected when a `next()` rejects; `yielded`
 * has the values it gave.
 */
function trackIterator(calls, name, iterator) {
  const call = { method: name, state: 'pending', yielded: [] };
  calls.push(call);
  const settle = (ended) => (result) => {
    if (ended === 'returned' || result.done) Object.assign(call, { state: 'fulfilled', ended });
    else call.yielded.push(result.value);
    return result;
  };
  const fail = (reason) => {
    Object.assign(call, { state: 'rejected', reason });
    throw reason;
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () => iterator.next().then(settle('done'), fail),
    return: (value) => iterator.return(value).then(settle('returned'), fail),
  };
}

/** Resolves once `predicate()` holds or after 2 s, then lets late (duplicate) callbacks show up. */
async function until(predicate) {
  const deadline = Date.now() + 2000;
  while (!predicate() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  await new Promise((resolve) => setTimeout(resolve, 30));
}

/** Order-insensitive comparison of lists of values. */
function sorted(list) {
  return [...list].sort((a, b) => {
    const left = util.inspect(a, { depth: null });
    const right = util.inspect(b, { depth: null });
    if (left === right) return 0;
    return left < right ? -1 : 1;
  });
}

function describeRequest(request) {
  return `${request.method} ${request.path}${request.body === '' ? '' : ' ' + request.body}`;
}

/** The `opentok.promises.<method>(` calls a block makes, read from its text. */
function promiseCallsIn(code) {
  return [...code.matchAll(/\bopentok\.promises\.(\w+)\(/g)].map((match) => match[1]);
}

/** The `opentok.<method>(` calls a block makes, read from its text (tokens are synchronous). */
function asyncCallsIn(code) {
  const names = [];
  const call = /\bopentok\.(\w+)\(/g;
  let match;
  while ((match = call.exec(code)) !== null) {
    if (match[1] !== 'generateToken' && match[1] !== 'generateJwt') names.push(match[1]);
  }
  return names;
}

/** Runs a block that starts the real emulator; it logs the archive status and the stream ID. */
async function runLiveBlock(block, index) {
  const { context, consoleCalls } = sandbox();
  nock.enableNetConnect('127.0.0.1');
  try {
    vm.runInContext(block.code, context, { filename: `README-block-${index}.js` });
    await until(() => consoleCalls.length >= 1);
  } finally {
    nock.disableNetConnect();
  }
  expect(consoleCalls).to.have.length(1);
  const [{ method, args }] = consoleCalls;
  expect(method).to.equal('log');
  expect(args).to.have.length(2);
  expect(args[0]).to.equal('started');
  expect(args[1]).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
}

/** POSTs JSON to a local server and resolves to the status and body text. */
function postJson(port, urlPath, payload, headers = {}) {
  return new Promise((resolve, reject) => {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    const request = require('http').request(
      { host: '127.0.0.1', port, path: urlPath, method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode, text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Runs a webhook block with the real Express, its `app.listen(3000)` moved to a free port, then
 * POSTs callbacks to it (`kind` says which block: the plain events one or the signed one) and
 * checks the answers and what the block logged.
 */
async function runWebhookBlock(block, index, kind) {
  const express = require('express');
  const servers = [];
  const listeningExpress = () => {
    const app = express();
    app.listen = (port, ...rest) => {
      expect(port).to.equal(3000);
      const server = require('http').createServer(app).listen(0, '127.0.0.1', ...rest);
      servers.push(server);
      return server;
    };
    return app;
  };
  Object.assign(listeningExpress, express);
  const { context, consoleCalls } = sandbox();
  const baseRequire = context.require;
  context.require = (name) => (name === 'express' ? listeningExpress : baseRequire(name));
  context.process = { env: { SIGNATURE_SECRET: 'current-secret', PREVIOUS_SECRET: 'previous-secret' } };
  nock.enableNetConnect('127.0.0.1');
  try {
    vm.runInContext(block.code, context, { filename: `README-block-${index}.js` });
    expect(servers).to.have.length(1);
    await new Promise((resolve) => (servers[0].listening ? resolve() : servers[0].once('listening', resolve)));
    const { port } = servers[0].address();
    if (kind === 'signed') await postSignedCallbacks(port);
    else await postEvents(port);
  } finally {
    nock.disableNetConnect();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
  const logged = consoleCalls.map((entry) => [entry.method, ...entry.args]);
  if (kind === 'signed') {
    expect(logged).to.deep.equal([
      ['log', 'archiveStatus', 'available'],
      ['log', 'captionsStatus'],
    ]);
    return;
  }
  expect(logged).to.deep.equal([
    ['log', 'joined', 'conn-1', 'name=Ann'],
    ['log', 'stream ended', 'stream-1', 'clientDisconnected'],
    ['log', 'SIP call ended', 'call-1', '200', 'OK'],
    ['log', 'download', 'https://example.com/a.mp4'],
    ['log', 'connectionDestroyed'],
    ['log', 'not handled yet:', 'connectionCreated', 'connection must be an object'],
    ['log', 'not handled yet:', 'sessionPaused', 'unknown event "sessionPaused"'],
  ]);
}

/** The events block: every kind it switches on, a known kind with a missing field, a new kind, a non-object. */
async function postEvents(port) {
  const connection = { id: 'conn-1', createdAt: 1, data: 'name=Ann' };
  const stream = { id: 'stream-1', connection, createdAt: 2, name: 'cam', videoType: 'camera' };
  const base = { sessionId: SESSION_ID, projectId: API_KEY, timestamp: 3 };
  const sent = [
    { ...base, event: 'connectionCreated', connection },
    { ...base, event: 'streamDestroyed', reason: 'clientDisconnected', stream },
    { ...base, event: 'callDestroyed', reason_code: '200', reason_message: 'OK', call: { id: 'call-1', connectionId: 'conn-2', createdAt: 4 } },
    { id: ARCHIVE_ID, status: 'available', sessionId: SESSION_ID, projectId: Number(API_KEY),
      createdAt: 4, duration: 5, size: 6, name: null, reason: '', url: 'https://example.com/a.mp4' },
    { ...base, event: 'connectionDestroyed', reason: 'clientDisconnected', connection },
    { event: 'connectionCreated', sessionId: SESSION_ID, projectId: API_KEY, timestamp: 5 },
    { ...base, event: 'sessionPaused' },
  ];
  for (const payload of sent) {
    expect((await postJson(port, '/opentok/events', payload)).status).to.equal(200);
  }
  const notAnObject = await postJson(port, '/opentok/events', ['not', 'an', 'object']);
  expect(notAnObject.status).to.equal(400);
  expect(JSON.parse(notAnObject.text).error).to.match(/^Invalid OpenTok event: /);
}

/** The signed block: callbacks signed with each secret pass, an unsigned or tampered one gets a 401. */
async function postSignedCallbacks(port) {
  const signFor = (body, secret) =>
    'Bearer ' + jwt.sign({ payload_hash: require('crypto').createHash('sha256').update(body).digest('hex') }, secret, { algorithm: 'HS256', expiresIn: 300 });
  const archive = JSON.stringify({ id: ARCHIVE_ID, status: 'available', sessionId: SESSION_ID, projectId: API_KEY, createdAt: 1, size: 2, duration: 3 });
  const captions = JSON.stringify({ captionsId: CAPTIONS_ID, sessionId: SESSION_ID, status: 'Started' });
  expect((await postJson(port, '/opentok/archives', archive, { Authorization: signFor(archive, 'previous-secret') })).status).to.equal(200);
  expect((await postJson(port, '/opentok/captions', captions, { Authorization: signFor(captions, 'current-secret') })).status).to.equal(200);
  const unsigned = await postJson(port, '/opentok/archives', archive);
  expect(unsigned.status).to.equal(401);
  expect(JSON.parse(unsigned.text)).to.deep.equal({ error: 'Invalid OpenTok callback signature: no Authorization header' });
  const tampered = await postJson(port, '/opentok/captions', captions.replace('Started', 'Stopped'), { Authorization: signFor(captions, 'current-secret') });
  expect(tampered.status).to.equal(401);
  expect(JSON.parse(tampered.text)).to.deep.equal({ error: 'Invalid OpenTok callback signature: payload_hash does not match the body' });
  const otherSecret = await postJson(port, '/opentok/captions', captions, { Authorization: signFor(captions, 'someone else') });
  expect(otherSecret.status).to.equal(401);
}

async function runBlock(block, index) {
  const [expectation] = expectationsFor(block);
  expect(expectation, 'an expectation-table entry for this block').to.be.an('object');
  if (expectation.live) return runLiveBlock(block, index);
  if (expectation.webhook) return runWebhookBlock(block, index, expectation.webhook);
  expect(expectation.requests, 'the table entry lists one request per API call').to.have.length(expectation.apiCalls);

  const requests = [];
  serve(requests);
  const env = sandbox();
  const { context, consoleCalls } = env;
  const preInit = !declares(block.code, 'OpenTok') && !declares(block.code, 'opentok');
  let callbackCalls = [];
  let promiseCalls = [];
  if (preInit) {
    vm.runInContext(INIT_CODE, context, { filename: 'README-init.js' });
    const opentok = vm.runInContext('opentok', context);
    callbackCalls = trackCallbacks(opentok);
    promiseCalls = trackPromises(opentok);
    // `session` in the Tokens block: a Session object for `sessionId`, as createSession gives.
    context.session = new Session(opentok, SESSION_ID);
  } else if (!declares(block.code, 'OpenTok')) {
    // The block makes its own client: give it the constructor the README's init block obtains.
    const scratch = sandbox().context;
    context.OpenTok = vm.runInContext(`${INIT_CODE}\nOpenTok`, scratch, { filename: 'README-init.js' });
  }

  env.promiseCalls = promiseCalls;
  const expectedPromiseCalls = promiseCallsIn(block.code);
  if (expectedPromiseCalls.length > 0) expect(preInit, 'a promise block uses the client of the init block').to.equal(true);

  const unhandled = [];
  const onUnhandled = (reason) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  const logs = () => consoleCalls.filter((entry) => entry.method === 'log');
  try {
    try {
      vm.runInContext(block.code, context, { filename: `README-block-${index}.js` });
    } catch (error) {
      throw new Error(`README block #${index} threw: ${error && error.stack}`);
    }
    await until(
      () =>
        requests.length >= expectation.apiCalls &&
        logs().length >= expectation.logs.length &&
        callbackCalls.every((call) => call.invocations.length > 0) &&
        promiseCalls.length >= expectedPromiseCalls.length &&
        promiseCalls.every((call) => call.state !== 'pending'),
    );
  } finally {
    process.removeListener('unhandledRejection', onUnhandled);
  }
  expect(unhandled.map((reason) => util.inspect(reason)), 'unhandled rejections').to.deep.equal([]);

  // No callback received an error: nothing was logged as an Error, nothing else was logged.
  for (const entry of consoleCalls) {
    for (const arg of entry.args) {
      expect(util.types.isNativeError(arg) || arg instanceof Error, `console.${entry.method} got an error: ${util.inspect(arg)}`).to.equal(false);
    }
  }
  expect(consoleCalls.filter((entry) => entry.method !== 'log'), 'console methods other than log').to.deep.equal([]);

  // Every callback the block passed to the client was called exactly once, with a null error.
  const expectedCalls = asyncCallsIn(block.code);
  const trackedNames = callbackCalls.map((call) => call.method);
  for (const name of new Set(expectedCalls)) {
    expect(
      trackedNames.filter((tracked) => tracked === name).length,
      `calls of opentok.${name} with a callback`,
    ).to.be.at.least(expectedCalls.filter((expected) => expected === name).length);
  }
  for (const call of callbackCalls) {
    expect(call.invocations, `callback of opentok.${call.method} invocations`).to.have.length(1);
    expect(call.invocations[0][0], `error argument of opentok.${call.method}'s callback`).to.equal(null);
  }

  // Every opentok.promises.<method>( call of the text was made, and every promise was fulfilled.
  const trackedPromises = promiseCalls.map((call) => call.method);
  for (const name of new Set(expectedPromiseCalls)) {
    expect(trackedPromises.filter((tracked) => tracked === name).length, `calls of opentok.promises.${name}`).to.be.at.least(
      expectedPromiseCalls.filter((expected) => expected === name).length,
    );
  }
  for (const call of promiseCalls) {
    expect(call.state, `opentok.promises.${call.method}: ${util.inspect(call.reason)}`).to.equal('fulfilled');
  }
  // A block is either a callback block or a promise block; a promise block's entry is its twin's.
  if (expectedPromiseCalls.length > 0) expect(asyncCallsIn(block.code), 'callback calls in a promise block').to.deep.equal([]);
  if (expectation.twinOf) expect(expectedPromiseCalls.length, 'promise calls in a twin block').to.be.greaterThan(0);

  // Every request is one of the SDK's endpoints, on the default base URL, properly authenticated.
  for (const request of requests) {
    expect(request.endpoint, `SDK endpoint for ${request.method} ${request.origin}${request.path}`).to.be.a('string');
    expect(request.origin).to.equal(API_URL);
    expectAuthHeaders(request.rawHeaders);
    const contentType = request.headers['content-type'];
    if (request.body === '') {
      expect(contentType, `content type of ${request.method} ${request.path}`).to.equal(undefined);
    } else {
      const expectedType = request.endpoint === 'createSession' ? 'application/x-www-form-urlencoded' : 'application/json';
      expect(contentType, `content type of ${request.method} ${request.path}`).to.equal(expectedType);
    }
  }
  // As many requests as the block makes API calls, and exactly the ones its text describes.
  expect(requests, 'requests made').to.have.length(expectation.apiCalls);
  expect(sorted(requests.map(describeRequest))).to.deep.equal(sorted(expectation.requests));

  // The logged values are what the snippet means to print.
  expect(sorted(logs().map((entry) => entry.args))).to.deep.equal(sorted(expectation.logs));

  if (expectation.check) expectation.check(env);
}

// ---------------------------------------------------------------------------------------------

describe('README.md JavaScript blocks, run verbatim', () => {
  useNock();

  it('has only js, ts and sh blocks, starts with the init block, and every js block has exactly one table entry', () => {
    expect(blocks.length).to.be.greaterThan(0);
    for (const block of blocks) {
      // The ts blocks are compiled, not run, by test/readme-types.test.js.
      expect(['js', 'ts', 'sh'], `language tag of the block starting "${firstLine(block.code)}"`).to.include(block.lang);
    }
    expect(jsBlocks.length).to.be.greaterThan(0);
    expect(jsBlocks[0].code.trim()).to.equal(INIT_CODE);
    jsBlocks.forEach((block, index) => {
      expect(expectationsFor(block), `table entries for block #${index} (${firstLine(block.code)})`).to.have.length(1);
    });
    for (const expectation of EXPECTATIONS) {
      const matching = jsBlocks.filter((block) => block.code.includes(expectation.marker));
      expect(matching, `blocks containing ${expectation.marker}`).to.have.length(1);
    }
    expect(EXPECTATIONS).to.have.length(jsBlocks.length);
  });

  it('shows every asynchronous method in both forms: a callback call and an opentok.promises call', () => {
    const methods = Object.keys(new OpenTok(API_KEY, API_SECRET).promises);
    expect(methods.length).to.be.greaterThan(30);
    const callbackCalls = new Set(jsBlocks.flatMap((block) => asyncCallsIn(block.code)));
    const promiseCalls = new Set(jsBlocks.flatMap((block) => promiseCallsIn(block.code)));
    // The iterators have no callback form: they are the promise API's own.
    const withCallbackForm = methods.filter((name) => typeof OpenTok.prototype[name] === 'function');
    expect(methods.filter((name) => !withCallbackForm.includes(name))).to.deep.equal(['iterateArchives', 'iterateBroadcasts', 'iterateRenders']);
    expect(withCallbackForm.filter((name) => !callbackCalls.has(name)), 'methods without a callback example').to.deep.equal([]);
    expect(methods.filter((name) => !promiseCalls.has(name)), 'methods without a promise example').to.deep.equal([]);
    expect([...promiseCalls].filter((name) => !methods.includes(name)), 'promise calls of no method').to.deep.equal([]);
  });

  it('the endpoint table matches every request of the SDK and nothing else', () => {
    const probes = [
      ['POST', '/session/create', 'createSession'],
      ['GET', `${P}/archive?offset=1&count=2&sessionId=x`, 'listArchives'],
      ['GET', `${P}/archive`, 'listArchives'],
      ['GET', `${P}/archive/a%2Fb`, 'getArchive'],
      ['POST', `${P}/session/s/connection/c/play-dtmf`, 'playDTMF'],
      ['POST', `${P}/session/s/play-dtmf`, 'playDTMF'],
      ['PUT', `${P}/session/s/stream`, 'setStreamClassLists'],
      ['GET', `${P}/render?count=50`, 'listRenders'],
    ];
    for (const [method, urlPath, name] of probes) {
      const found = findEndpoint(method, urlPath);
      expect(found && found.endpoint.name, `endpoint of ${method} ${urlPath}`).to.equal(name);
    }
    expect(findEndpoint('GET', '/session/create')).to.equal(null);
    expect(findEndpoint('POST', `${P}/archive/a/b/stop`)).to.equal(null);
    expect(findEndpoint('GET', '/v2/project/654321/archive')).to.equal(null);
    expect(findEndpoint('DELETE', `${P}/session/s/connection`)).to.equal(null);
  });

  jsBlocks.forEach((block, index) => {
    it(`block #${index}: ${blockTitle(block.code)}`, () => runBlock(block, index));
  });
});
