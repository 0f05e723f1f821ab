'use strict';
// Credentials, IDs and the service's documented response bodies shared by the differential cases.
// The bodies are the examples of the OpenTok REST reference (archives, broadcasts, SIP, streams,
// renders, captions, audio connector, callbacks), not whatever our emulator answers.

const API_KEY = '123456';
const API_SECRET = '1234567890abcdef1234567890abcdef1234567890';
const API_URL = 'https://api.opentok.com';
const P = `/v2/project/${API_KEY}`;
/** A session ID that decodes to API_KEY (`1~123456~~Sat Mar 15 14:42:23 PDT 2014~0.49013025~`). */
const SESSION_ID = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';
/** A session ID of another project (API key 100). */
const OTHER_SESSION_ID = '1_MX4xMDB-MTI3LjAuMC4xflR1ZSBKYW4gMjggMTU6NDg6NDAgUFNUIDIwMTR-MC43NjAyOTYyfg';
const ARCHIVE_ID = 'b40ef09b-3811-4726-b508-e41a0f96c68f';
const BROADCAST_ID = '1748b7070a81464c9759c46ad10d3734';
const STREAM_ID = '8b732909-0a06-46a2-8ea8-074e64d43422';
const CONNECTION_ID = 'e9f8c166-6c67-440d-994a-04fb6dfed007';
const RENDER_ID = '1248e7070b81464c9789f46ad10e7764';
const CAPTIONS_ID = '7c0680fc-6274-4de5-a66f-d0648e8d3ac2';
const CALLBACK_ID = 'cb/1 ?&';
const TOKEN = 'T1==token-of-a-moderator';
/** Both packages run with `Date` fixed here, so their auth JWTs are the same bytes. */
const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const NOW_S = NOW / 1000;

/** A Vonage application (UUID) and a PKCS#8 key, for the application mode. */
const APPLICATION_ID = 'b5c7e4a2-9f31-4d2e-8a6b-3c1d0e9f7a55';
const { privateKey: PRIVATE_KEY } = require('crypto').generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

const ARCHIVE = {
  createdAt: 1384221730555,
  duration: 0,
  hasAudio: true,
  hasVideo: true,
  id: ARCHIVE_ID,
  name: 'The archive name you supplied',
  outputMode: 'composed',
  projectId: 123456,
  reason: '',
  resolution: '640x480',
  sessionId: SESSION_ID,
  size: 0,
  status: 'started',
  streamMode: 'auto',
  url: null,
};

const BROADCAST = {
  id: BROADCAST_ID,
  sessionId: SESSION_ID,
  projectId: 123456,
  createdAt: 1437676551000,
  updatedAt: 1437676551000,
  resolution: '640x480',
  broadcastUrls: {
    hls: 'http://server/fakepath/playlist.m3u8',
    rtmp: [{ id: 'foo', serverUrl: 'rtmp://myfooserver/myfooapp', streamName: 'myfoostream', status: 'started' }],
  },
  status: 'started',
  streamMode: 'auto',
  maxDuration: 5400,
  maxBitrate: 2000000,
  streams: [],
};

const STREAM = { id: STREAM_ID, videoType: 'camera', name: '', layoutClassList: ['full'] };

const RENDER = {
  id: RENDER_ID,
  sessionId: SESSION_ID,
  projectId: API_KEY,
  createdAt: 1437676551000,
  updatedAt: 1437676551000,
  url: 'https://webapp.customer.com',
  resolution: '1280x720',
  status: 'started',
  streamId: 'e32445b743678c98230f238',
};

const CALLBACK = { id: CALLBACK_ID, group: 'archive', event: 'status', url: 'https://example.com/archive', createdAt: 1437676551000 };

/** The documented success replies, as `{ status, body }` (JSON unless the body is a string). */
const DOCUMENTED = {
  createSession: {
    status: 200,
    body: [
      {
        session_id: SESSION_ID,
        project_id: API_KEY,
        partner_id: API_KEY,
        create_dt: 'Fri Nov 18 15:50:36 PST 2016',
        media_server_url: '',
      },
    ],
  },
  archive: { status: 200, body: ARCHIVE },
  stoppedArchive: { status: 200, body: { ...ARCHIVE, status: 'stopped', duration: 60 } },
  archiveList: { status: 200, body: { count: 2, items: [ARCHIVE, { ...ARCHIVE, id: 'second', status: 'available', url: 'https://x/y.mp4' }] } },
  broadcast: { status: 200, body: BROADCAST },
  stoppedBroadcast: { status: 200, body: { ...BROADCAST, status: 'stopped', broadcastUrls: null } },
  broadcastList: { status: 200, body: { count: 1, items: [BROADCAST] } },
  dial: { status: 200, body: { id: 'b0a5a8c7-dc38-459f-a48d-a7f2008da853', connectionId: CONNECTION_ID, streamId: '482bce73-f882-40fd-8ca5-cb74ff416036' } },
  websocket: { status: 200, body: { id: 'b0a5a8c7-dc38-459f-a48d-a7f2008da853', connectionId: CONNECTION_ID } },
  stream: { status: 200, body: STREAM },
  streamList: { status: 200, body: { count: 1, items: [STREAM] } },
  render: { status: 202, body: RENDER },
  renderList: { status: 200, body: { count: 1, items: [RENDER] } },
  captions: { status: 202, body: { captionsId: CAPTIONS_ID } },
  callback: { status: 200, body: CALLBACK },
  callbackList: { status: 200, body: [CALLBACK] },
  noContent: { status: 204, body: '' },
  ok: { status: 200, body: '' },
  accepted: { status: 202, body: '' },
};

module.exports = {
  API_KEY,
  API_SECRET,
  API_URL,
  P,
  SESSION_ID,
  OTHER_SESSION_ID,
  ARCHIVE_ID,
  BROADCAST_ID,
  STREAM_ID,
  CONNECTION_ID,
  RENDER_ID,
  CAPTIONS_ID,
  CALLBACK_ID,
  TOKEN,
  NOW,
  NOW_S,
  APPLICATION_ID,
  PRIVATE_KEY,
  DOCUMENTED,
};
