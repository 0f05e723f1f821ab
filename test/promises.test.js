'use strict';
// The promise API, `opentok.promises.<method>(...)` (src/promises.ts): every asynchronous method of
// the client without its callback. For every method of the METHODS table, the promise form must send
// exactly the request the callback form sends, resolve to what the callback receives after its null
// error (undefined for `(null)`-only methods, `{ items, totalCount }` for the two list methods, the
// model or the parsed body otherwise) and reject with the error the callback receives (HTTP errors,
// transport failures, validation errors, synchronous throws), never leaving a rejection unhandled.
// The callback API (argument shifting, missing-callback throws, callback arguments) must be unchanged.
const fs = require('fs');
const path = require('path');
const util = require('util');
const { expect } = require('chai');
const nock = require('nock');
const OpenTok = require('opentok');
const {
  API_KEY,
  API_SECRET,
  API_URL,
  PROJECT_PATH,
  SESSION_ID,
  callbackArgs,
  expectAuthHeaders,
  normalizeHeaders,
  useNock,
} = require('./helpers');

const P = PROJECT_PATH;
const S = SESSION_ID;
const j = (value) => JSON.stringify(value);
const METHODS_VERBS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The method names of the METHODS table of src/promises.ts, read from the source. */
function promiseMethodNames() {
  const source = fs.readFileSync(path.join(__dirname, '..', 'src', 'promises.ts'), 'utf8');
  const table = /const METHODS\b[^=]*=\s*\{([\s\S]*?)\n\};/.exec(source);
  if (!table) throw new Error('METHODS table not found in src/promises.ts');
  return [...table[1].matchAll(/^\s*(\w+):\s*\[/gm)].map((match) => match[1]);
}
const METHOD_NAMES = promiseMethodNames();

// ---------------------------------------------------------------------------------------------
// Fixtures.

const ARCHIVE_ID = '5b1521e6-115f-4efd-bed9-e527b87f0699';
const STREAM_ID = '8b732909-0a06-46a2-8ea8-074e64d43422';
const CONNECTION_ID = 'ae6d2a1a-b2a1-4c2c-9b56-1c1e8ba2d7ac';
const BROADCAST_ID = '1748b7070a81464c9759c46ad10d3734';
const RENDER_ID = '80abaf0d-25a3-4efc-968f-6268d620668d';
const CAPTIONS_ID = '7c0680fc-6274-4de5-a66f-d0648e8d3ac2';
const CALLBACK_ID = 'c3f5a7e9-2b4d-4f6a-8c0e-1a3b5c7d9e0f';
const TOKEN = new OpenTok(API_KEY, API_SECRET).generateToken(SESSION_ID);
const SIP_URI = 'sip:user@sip.example.com';
const WSS_URI = 'wss://example.com/audio';
const CREATED_AT = 1395183243556;

function archiveJson(overrides) {
  return {
    id: ARCHIVE_ID,
    status: 'available',
    name: 'Important Presentation',
    reason: '',
    sessionId: S,
    projectId: Number(API_KEY),
    createdAt: CREATED_AT,
    size: 8347554,
    duration: 62,
    outputMode: 'composed',
    hasAudio: true,
    hasVideo: true,
    streamMode: 'auto',
    streams: [],
    url: 'https://example.com/archive.mp4',
    ...overrides,
  };
}

function broadcastJson(overrides) {
  return {
    id: BROADCAST_ID,
    sessionId: S,
    projectId: Number(API_KEY),
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT + 1000,
    resolution: '640x480',
    broadcastUrls: { hls: 'https://example.com/playlist.m3u8', hlsStatus: 'live' },
    maxDuration: 14400,
    streamMode: 'auto',
    streams: [],
    status: 'started',
    ...overrides,
  };
}

function renderJson(overrides) {
  return {
    id: RENDER_ID,
    sessionId: S,
    projectId: API_KEY,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT + 1000,
    url: 'https://example.com/view',
    resolution: '1280x720',
    status: 'started',
    streamId: 'e32445b743678c98230f238',
    ...overrides,
  };
}

function callbackJson(id, overrides) {
  return { id, group: 'connection', event: 'created', url: 'https://example.com/events', createdAt: CREATED_AT, ...overrides };
}

const STREAM = { id: STREAM_ID, videoType: 'camera', name: 'Alice', layoutClassList: ['focus'] };
const OTHER_STREAM = { id: CONNECTION_ID, videoType: 'screen', name: 'Bob', layoutClassList: [] };
const SESSION_REPLY = [{ session_id: S, project_id: API_KEY, partner_id: API_KEY, create_dt: 'Sat Mar 15 14:42:23 PDT 2014', media_server_url: '' }];
const SOME_ERROR = { message: 'Some error.' };
const SOME_ERROR_MESSAGE = 'Unexpected response from OpenTok: "{"message":"Some error."}"';

// ---------------------------------------------------------------------------------------------
// One entry per method of the METHODS table.
//   args     the positional arguments (the callback form gets them followed by a callback)
//   request  the exact request: [HTTP method, path with query, raw body ('' for none)]
//   reply    nock's [status, body] for the success case
//   resolves 'nothing' | 'page' | 'result' (what the promise resolves to, src/promises.ts)
//   value    the documented resolved value, checked independently of the callback form
//   error    an HTTP error: reply, exact class (the constructor) and message
//   invalid  a validation error: args, class, message; `throws` when the callback form throws
//   missing  what the callback form throws without a callback

const CASES = {
  createSession: {
    args: [{ mediaMode: 'routed', location: '12.34.56.78' }],
    request: ['POST', '/session/create', 'location=12.34.56.78&archiveMode=manual&p2p.preference=disabled'],
    reply: [200, SESSION_REPLY],
    resolves: 'result',
    value(session) {
      expect(session).to.be.an.instanceof(OpenTok.Session);
      expect(session.sessionId).to.equal(S);
      expect(session).to.include({ mediaMode: 'routed', archiveMode: 'manual', location: '12.34.56.78' });
    },
    error: { reply: [403, ''], class: OpenTok.AuthError, message: 'Failed to createSession. Error: Invalid API key or secret' },
    invalid: {
      args: [{ archiveMode: 'always' }],
      class: Error,
      message: 'A session with always archive mode must also have the routed media mode.',
    },
    missing: [Error, 'Invalid arguments when calling createSession, must provide a callback'],
  },
  startArchive: {
    args: [S, { name: 'Important Presentation', outputMode: 'composed' }],
    request: ['POST', `${P}/archive`, j({ sessionId: S, name: 'Important Presentation', outputMode: 'composed' })],
    reply: [200, archiveJson({ status: 'started', size: 0, duration: 0, url: null })],
    resolves: 'result',
    value(archive) {
      expect(archive).to.deep.include(archiveJson({ status: 'started', size: 0, duration: 0, url: null }));
      expect(archive.stop).to.be.a('function');
      expect(archive.delete).to.be.a('function');
    },
    error: {
      reply: [409, { message: 'conflict' }],
      class: OpenTok.ArchiveError,
      message: 'Recording already in progress or session not using OpenTok Media Router',
    },
    invalid: { args: ['', {}], class: OpenTok.ArgumentError, message: 'No session ID given' },
    missing: [OpenTok.ArgumentError, 'No callback given to startArchive'],
  },
  stopArchive: {
    args: [ARCHIVE_ID],
    request: ['POST', `${P}/archive/${ARCHIVE_ID}/stop`, '{}'],
    reply: [200, archiveJson({ status: 'stopped', url: null })],
    resolves: 'result',
    value(archive) {
      expect(archive).to.deep.include(archiveJson({ status: 'stopped', url: null }));
      expect(archive.stop).to.be.a('function');
    },
    error: { reply: [404, ''], class: OpenTok.ArchiveError, message: 'Archive not found' },
    invalid: { args: [''], class: OpenTok.ArgumentError, message: 'No archive ID given' },
    missing: [OpenTok.ArgumentError, 'No callback given to stopArchive'],
  },
  getArchive: {
    args: [ARCHIVE_ID],
    request: ['GET', `${P}/archive/${ARCHIVE_ID}`, ''],
    reply: [200, archiveJson()],
    resolves: 'result',
    value(archive) {
      expect(archive).to.deep.include(archiveJson());
      expect(archive.delete).to.be.a('function');
    },
    error: { reply: [404, ''], class: OpenTok.NotFoundError, message: 'Archive not found' },
    invalid: { args: [null], class: OpenTok.ArgumentError, message: 'No archive ID given' },
    missing: [OpenTok.ArgumentError, 'No callback given to getArchive'],
  },
  deleteArchive: {
    args: [ARCHIVE_ID],
    request: ['DELETE', `${P}/archive/${ARCHIVE_ID}`, ''],
    reply: [204],
    resolves: 'nothing',
    error: { reply: [404, ''], class: OpenTok.ArchiveError, message: 'Archive not found' },
    invalid: { args: [''], class: OpenTok.ArgumentError, message: 'No archive ID given' },
    missing: [OpenTok.ArgumentError, 'No callback given to deleteArchive'],
  },
  listArchives: {
    args: [{ offset: 0, count: 2, sessionId: S }],
    request: ['GET', `${P}/archive?count=2&sessionId=${S}`, ''],
    reply: [200, { count: 7, items: [archiveJson({ id: 'first' }), archiveJson({ id: 'second' })] }],
    resolves: 'page',
    value(page) {
      expect(Object.keys(page)).to.deep.equal(['items', 'totalCount']);
      expect(page.totalCount).to.equal(7);
      expect(page.items.map((archive) => archive.id)).to.deep.equal(['first', 'second']);
      expect(page.items[1]).to.deep.include(archiveJson({ id: 'second' }));
      expect(page.items[0].stop).to.be.a('function');
    },
    error: { reply: [500, SOME_ERROR], class: OpenTok.RequestError, message: SOME_ERROR_MESSAGE },
    invalid: null,
    missing: [OpenTok.ArgumentError, 'No callback given to listArchives'],
  },
  addArchiveStream: {
    args: [ARCHIVE_ID, STREAM_ID, { hasAudio: true, hasVideo: false }],
    request: ['PATCH', `${P}/archive/${ARCHIVE_ID}/streams`, j({ hasAudio: true, hasVideo: false, addStream: STREAM_ID })],
    reply: [204],
    resolves: 'nothing',
    error: { reply: [405, ''], class: OpenTok.ArchiveError, message: 'Unsupported Stream Mode' },
    invalid: { args: [ARCHIVE_ID, '', {}], class: OpenTok.ArgumentError, message: 'Need one of addStream or removeStream' },
    missing: [OpenTok.ArgumentError, 'No callback given to addArchiveStream'],
  },
  removeArchiveStream: {
    args: [ARCHIVE_ID, STREAM_ID],
    request: ['PATCH', `${P}/archive/${ARCHIVE_ID}/streams`, j({ removeStream: STREAM_ID })],
    reply: [204],
    resolves: 'nothing',
    error: { reply: [404, ''], class: OpenTok.ArchiveError, message: 'Archive or stream not found' },
    invalid: { args: ['', STREAM_ID], class: OpenTok.ArgumentError, message: 'No Archive ID given' },
    missing: [OpenTok.ArgumentError, 'No callback given to removeArchiveStream'],
  },
  setArchiveLayout: {
    args: [ARCHIVE_ID, 'custom', 'stream.instructor {width: 100%;}'],
    request: ['PUT', `${P}/archive/${ARCHIVE_ID}/layout`, j({ type: 'custom', stylesheet: 'stream.instructor {width: 100%;}' })],
    reply: [200, { id: ARCHIVE_ID, layout: { type: 'custom' } }],
    resolves: 'result',
    value(body) {
      expect(body).to.deep.equal({ id: ARCHIVE_ID, layout: { type: 'custom' } });
    },
    error: { reply: [403, { message: 'forbidden' }], class: OpenTok.AuthError, message: 'Invalid API key or secret' },
    invalid: {
      args: [ARCHIVE_ID, 'pip', null, 'pip'],
      class: Error,
      message: 'Invalid arguments -- type must be set to "bestFit" if you set screenshareType.',
    },
    missing: [OpenTok.ArgumentError, 'Invalid arguments -- must provide a callback function.'],
  },
  startBroadcast: {
    args: [S, { outputs: { hls: {} }, maxDuration: 5400 }],
    request: ['POST', `${P}/broadcast`, j({ outputs: { hls: {} }, maxDuration: 5400, sessionId: S, streamMode: 'auto' })],
    reply: [200, broadcastJson({ maxDuration: 5400, partnerId: Number(API_KEY), event: 'broadcast' })],
    resolves: 'result',
    value(broadcast) {
      expect(broadcast).to.deep.include(broadcastJson({ maxDuration: 5400 }));
      expect(broadcast).to.not.have.property('partnerId');
      expect(broadcast).to.not.have.property('event');
      expect(broadcast.stop).to.be.a('function');
    },
    error: {
      reply: [400, { message: 'bad' }],
      class: Error,
      message: 'Failed to start broadcast. Error: Bad session ID, token, SIP credentials, or SIP URI (sip:user@domain.tld)',
    },
    invalid: {
      args: [S, { outputs: { hls: { dvr: true, lowLatency: true } } }],
      class: OpenTok.ArgumentError,
      message: 'Cannot set both dvr and lowLatency on HLS',
    },
    missing: [OpenTok.ArgumentError, 'No callback given to startBroadcast'],
  },
  stopBroadcast: {
    args: [BROADCAST_ID],
    request: ['POST', `${P}/broadcast/${BROADCAST_ID}/stop`, '{}'],
    reply: [200, broadcastJson({ status: 'stopped' })],
    resolves: 'result',
    value(broadcast) {
      expect(broadcast).to.deep.include(broadcastJson({ status: 'stopped' }));
    },
    error: { reply: [404, ''], class: OpenTok.NotFoundError, message: 'Failed to stop broadcast. Error: Not Found' },
    invalid: { args: [''], class: OpenTok.ArgumentError, message: 'No broadcast ID given' },
    missing: [OpenTok.ArgumentError, 'No callback given to stopBroadcast'],
  },
  getBroadcast: {
    args: [BROADCAST_ID],
    request: ['GET', `${P}/broadcast/${BROADCAST_ID}`, ''],
    reply: [200, broadcastJson()],
    resolves: 'result',
    value(broadcast) {
      expect(broadcast).to.deep.include(broadcastJson());
      expect(broadcast.stop).to.be.a('function');
    },
    error: { reply: [403, ''], class: OpenTok.AuthError, message: 'Failed to get broadcast. Error: Invalid API key or secret' },
    invalid: { args: [undefined], class: OpenTok.ArgumentError, message: 'No broadcast ID given' },
    missing: [OpenTok.ArgumentError, 'No callback given to getBroadcast'],
  },
  listBroadcasts: {
    args: [{ offset: 1, count: 10, sessionId: S }],
    request: ['GET', `${P}/broadcast?offset=1&count=10&sessionId=${S}`, ''],
    reply: [200, { count: 3, items: [broadcastJson({ id: 'one' }), broadcastJson({ id: 'two' })] }],
    resolves: 'page',
    value(page) {
      expect(Object.keys(page)).to.deep.equal(['items', 'totalCount']);
      expect(page.totalCount).to.equal(3);
      expect(page.items.map((broadcast) => broadcast.id)).to.deep.equal(['one', 'two']);
      expect(page.items[0]).to.deep.include(broadcastJson({ id: 'one' }));
      expect(page.items[1].stop).to.be.a('function');
    },
    error: { reply: [404, ''], class: OpenTok.NotFoundError, message: 'Not Found' },
    invalid: null,
    missing: [OpenTok.ArgumentError, 'No callback given to listBroadcasts'],
  },
  setBroadcastLayout: {
    args: [BROADCAST_ID, 'bestFit', null, 'pip'],
    request: ['PUT', `${P}/broadcast/${BROADCAST_ID}/layout`, j({ type: 'bestFit', screenshareType: 'pip' })],
    reply: [204],
    resolves: 'result',
    value(body) {
      expect(body).to.equal('');
    },
    error: { reply: [500, SOME_ERROR], class: OpenTok.RequestError, message: SOME_ERROR_MESSAGE },
    invalid: { args: [42, 'bestFit'], class: Error, message: 'Invalid arguments -- must provide an broadcastId string.' },
    missing: [OpenTok.ArgumentError, 'Invalid arguments -- must provide a callback function.'],
  },
  addBroadcastStream: {
    args: [BROADCAST_ID, STREAM_ID, { hasAudio: false }],
    request: ['PATCH', `${P}/broadcast/${BROADCAST_ID}/streams`, j({ addStream: STREAM_ID, hasAudio: false, hasVideo: true })],
    reply: [204],
    resolves: 'result',
    value(body) {
      expect(body).to.equal('');
    },
    error: {
      reply: [400, { message: 'Stream mode is auto' }],
      class: OpenTok.RequestError,
      message: 'Unexpected response from OpenTok: "{"message":"Stream mode is auto"}"',
    },
    invalid: { args: [BROADCAST_ID, '', {}], class: OpenTok.ArgumentError, message: 'No streamId given to addBroadcastStream' },
    missing: [OpenTok.ArgumentError, 'No callback given to addBroadcastStream'],
  },
  removeBroadcastStream: {
    args: [BROADCAST_ID, STREAM_ID],
    request: ['PATCH', `${P}/broadcast/${BROADCAST_ID}/streams`, j({ removeStream: STREAM_ID })],
    reply: [200, { removed: STREAM_ID }],
    resolves: 'result',
    value(body) {
      expect(body).to.deep.equal({ removed: STREAM_ID });
    },
    error: { reply: [404, ''], class: OpenTok.NotFoundError, message: 'Not Found' },
    invalid: { args: ['', STREAM_ID], class: OpenTok.ArgumentError, message: 'No broadcastId provided' },
    missing: [OpenTok.ArgumentError, 'No callback given to removeBroadcastStream'],
  },
  dial: {
    args: [S, TOKEN, SIP_URI, { secure: true, from: 14155550101, video: false }],
    request: ['POST', `${P}/dial`, j({ sessionId: S, token: TOKEN, sip: { uri: SIP_URI, secure: true, from: '14155550101' } })],
    reply: [200, { id: 'conference', connectionId: CONNECTION_ID, streamId: STREAM_ID }],
    resolves: 'result',
    value(sipCall) {
      expect(sipCall).to.be.an.instanceof(OpenTok.SipCall);
      expect({ ...sipCall }).to.deep.equal({ id: 'conference', connectionId: CONNECTION_ID, streamId: STREAM_ID, sessionId: S });
    },
    error: { reply: [403, ''], class: OpenTok.AuthError, message: 'Failed to dial endpoint. Error: Invalid API key or secret' },
    invalid: { args: [S, '', SIP_URI, {}], class: OpenTok.ArgumentError, message: 'No token given' },
    missing: [OpenTok.ArgumentError, 'No callback given to dial'],
  },
  playDTMF: {
    args: [S, CONNECTION_ID, '1713#'],
    request: ['POST', `${P}/session/${S}/connection/${CONNECTION_ID}/play-dtmf`, j({ digits: '1713#' })],
    reply: [204],
    resolves: 'nothing',
    error: {
      reply: [400, { message: 'Invalid DTMF digits' }],
      class: OpenTok.RequestError,
      message: 'Unexpected response from OpenTok: "{"message":"Invalid DTMF digits"}"',
    },
    invalid: { args: [null, null, '1'], class: Error, message: 'Invalid arguments -- must provide a sessionId string.' },
    missing: [OpenTok.ArgumentError, 'Invalid arguments -- must provide a callback function.'],
  },
  websocketConnect: {
    args: [S, TOKEN, WSS_URI, { streams: [STREAM_ID], audioRate: 16000 }],
    request: ['POST', `${P}/connect`, j({ sessionId: S, token: TOKEN, websocket: { uri: WSS_URI, streams: [STREAM_ID] } })],
    reply: [200, { id: 'ws-call', connectionId: CONNECTION_ID }],
    resolves: 'result',
    value(connection) {
      expect(connection).to.deep.equal({ id: 'ws-call', connectionId: CONNECTION_ID });
    },
    error: { reply: [403, ''], class: OpenTok.AuthError, message: 'Error connecting to websocket: Invalid API key or secret' },
    invalid: { args: [S, TOKEN, '', {}], class: Error, message: 'No websocketUri given to websocketConnect' },
    missing: [OpenTok.ArgumentError, 'No callback given to websocketConnect'],
  },
  getStream: {
    args: [S, STREAM_ID],
    request: ['GET', `${P}/session/${S}/stream/${STREAM_ID}`, ''],
    reply: [200, STREAM],
    resolves: 'result',
    value(stream) {
      expect({ ...stream }).to.deep.equal(STREAM);
      expect(Object.getPrototypeOf(stream)).to.not.equal(Object.prototype);
    },
    error: { reply: [404, ''], class: OpenTok.NotFoundError, message: 'Not Found' },
    invalid: { args: [S, 5], class: Error, message: 'Invalid arguments -- must provide a streamId string.' },
    missing: [OpenTok.ArgumentError, 'Invalid arguments -- must provide a callback function.'],
  },
  listStreams: {
    args: [S],
    request: ['GET', `${P}/session/${S}/stream`, ''],
    reply: [200, { count: 2, items: [STREAM, OTHER_STREAM] }],
    resolves: 'result',
    value(streams) {
      expect(streams).to.be.an('array');
      expect(streams.map((stream) => ({ ...stream }))).to.deep.equal([STREAM, OTHER_STREAM]);
    },
    error: { reply: [403, ''], class: OpenTok.AuthError, message: 'Invalid API key or secret' },
    invalid: { args: [''], class: Error, message: 'Invalid arguments -- must provide a sessionId string.' },
    missing: [OpenTok.ArgumentError, 'Invalid arguments -- must provide a callback function.'],
  },
  setStreamClassLists: {
    args: [S, [{ id: STREAM_ID, layoutClassList: ['focus'] }, { id: CONNECTION_ID, layoutClassList: [] }]],
    request: [
      'PUT',
      `${P}/session/${S}/stream`,
      j({ items: [{ id: STREAM_ID, layoutClassList: ['focus'] }, { id: CONNECTION_ID, layoutClassList: [] }] }),
    ],
    reply: [200, 'OK'],
    resolves: 'result',
    value(body) {
      expect(body).to.equal('OK');
    },
    error: { reply: [500, SOME_ERROR], class: OpenTok.RequestError, message: SOME_ERROR_MESSAGE },
    invalid: { args: [S, 'focus'], class: Error, message: 'Invalid arguments -- must provide a streamClassArray array.' },
    missing: [OpenTok.ArgumentError, 'Invalid arguments -- must provide a callback function.'],
  },
  forceDisconnect: {
    args: [S, CONNECTION_ID],
    request: ['DELETE', `${P}/session/${S}/connection/${CONNECTION_ID}`, ''],
    reply: [204],
    resolves: 'nothing',
    error: { reply: [404, ''], class: OpenTok.ForceDisconnectError, message: 'Session or Connection not found' },
    invalid: { args: [S, null], class: OpenTok.ArgumentError, message: 'No sessionId or connectionId given to forceDisconnect' },
    missing: [OpenTok.ArgumentError, 'No callback given to forceDisconnect'],
  },
  forceMuteStream: {
    args: [S, STREAM_ID],
    request: ['POST', `${P}/session/${S}/stream/${STREAM_ID}/mute`, '{}'],
    reply: [204],
    resolves: 'nothing',
    error: { reply: [403, ''], class: OpenTok.AuthError, message: 'Invalid API key or secret' },
    invalid: { args: [S, 7], class: Error, message: 'Invalid arguments -- streamId must be a string.' },
    missing: [OpenTok.ArgumentError, 'Invalid arguments -- must provide a callback function.'],
  },
  forceMuteAll: {
    args: [S, { excludedStreamIds: [STREAM_ID] }],
    request: ['POST', `${P}/session/${S}/mute`, j({ active: true, excludedStreamIds: [STREAM_ID] })],
    reply: [204],
    resolves: 'nothing',
    error: { reply: [500, SOME_ERROR], class: OpenTok.RequestError, message: SOME_ERROR_MESSAGE },
    invalid: { args: [S, { excludedStreamIds: STREAM_ID }], class: Error, message: 'Invalid arguments -- excludedStreamIds must be array.' },
    missing: [OpenTok.ArgumentError, 'Invalid arguments -- must provide a callback function.'],
  },
  disableForceMute: {
    args: [S],
    request: ['POST', `${P}/session/${S}/mute`, j({ active: false })],
    reply: [204],
    resolves: 'nothing',
    error: { reply: [404, ''], class: OpenTok.NotFoundError, message: 'Not Found' },
    invalid: { args: [null], class: Error, message: 'Invalid arguments -- must provide a sessionId string.' },
    missing: [OpenTok.ArgumentError, 'Invalid arguments -- must provide a callback function.'],
  },
  signal: {
    args: [S, null, { type: 'chat', data: 'Hello!' }],
    request: ['POST', `${P}/session/${S}/signal`, j({ type: 'chat', data: 'Hello!' })],
    reply: [204],
    resolves: 'nothing',
    error: { reply: [404, ''], class: OpenTok.SignalError, message: 'Session or Connection not found' },
    invalid: { args: [S, CONNECTION_ID, null], class: OpenTok.ArgumentError, message: 'No sessionId or payload given to signal' },
    missing: [OpenTok.ArgumentError, 'No callback given to signal'],
  },
  listRenders: {
    args: [{ offset: 5, count: 20 }],
    request: ['GET', `${P}/render?offset=5&count=20`, ''],
    reply: [200, { count: 2, items: [renderJson({ id: 'r1' }), renderJson({ id: 'r2', status: 'stopped' })] }],
    resolves: 'result',
    value(page) {
      expect(page).to.deep.equal({ count: 2, items: [renderJson({ id: 'r1' }), renderJson({ id: 'r2', status: 'stopped' })] });
    },
    error: { reply: [403, ''], class: OpenTok.AuthError, message: 'Invalid API key or secret' },
    invalid: { args: [{ count: 5000 }], throws: true, class: OpenTok.ArgumentError, message: 'Count is out of range' },
    missing: [OpenTok.ArgumentError, 'No callback given to listRenders'],
  },
  getRender: {
    args: [RENDER_ID],
    request: ['GET', `${P}/render/${RENDER_ID}`, ''],
    reply: [200, renderJson()],
    resolves: 'result',
    value(render) {
      expect(render).to.deep.equal(renderJson());
      expect(Object.getPrototypeOf(render)).to.equal(Object.prototype);
    },
    error: { reply: [404, ''], class: OpenTok.NotFoundError, message: 'Not Found' },
    invalid: null,
    missing: [OpenTok.ArgumentError, 'No callback given to getRender'],
  },
  startRender: {
    args: [{ sessionId: S, token: TOKEN, url: 'https://example.com/view', properties: { name: 'View' } }],
    request: [
      'POST',
      `${P}/render`,
      j({ sessionId: S, token: TOKEN, url: 'https://example.com/view', maxDuration: 1800, resolution: '1280x720', properties: { name: 'View' } }),
    ],
    reply: [202, renderJson({ status: 'starting' })],
    resolves: 'result',
    value(render) {
      expect(render).to.deep.equal(renderJson({ status: 'starting' }));
    },
    error: { reply: [500, SOME_ERROR], class: OpenTok.RequestError, message: SOME_ERROR_MESSAGE },
    invalid: null,
    missing: [OpenTok.ArgumentError, 'No callback given to startRender'],
  },
  stopRender: {
    args: [RENDER_ID],
    request: ['DELETE', `${P}/render/${RENDER_ID}`, ''],
    reply: [204],
    resolves: 'result',
    value(body) {
      expect(body).to.equal('');
    },
    error: { reply: [404, ''], class: OpenTok.NotFoundError, message: 'Not Found' },
    invalid: null,
    missing: [OpenTok.ArgumentError, 'No callback given to stopRender'],
  },
  startCaptions: {
    args: [S, TOKEN, { partialCaptions: false }],
    request: [
      'POST',
      `${P}/captions`,
      j({ sessionId: S, token: TOKEN, languageCode: 'en-US', maxDuration: 14400, partialCaptions: false }),
    ],
    reply: [202, { captionsId: CAPTIONS_ID }],
    resolves: 'result',
    value(captionsId) {
      expect(captionsId).to.equal(CAPTIONS_ID);
    },
    error: { reply: [409, ''], class: OpenTok.CaptionsError, message: 'Live captions have already started for this OpenTok Session' },
    invalid: null,
    missing: [OpenTok.ArgumentError, 'No callback given to startCaptions'],
  },
  stopCaptions: {
    args: [CAPTIONS_ID],
    request: ['POST', `${P}/captions/${CAPTIONS_ID}/stop`, ''],
    reply: [202],
    resolves: 'result',
    value(stopped) {
      expect(stopped).to.equal(true);
    },
    error: { reply: [404, ''], class: OpenTok.NotFoundError, message: 'Not Found' },
    invalid: null,
    missing: [OpenTok.ArgumentError, 'No callback given to stopCaptions'],
  },
  registerCallback: {
    args: [{ group: 'connection', event: 'created', url: 'https://example.com/events' }],
    request: ['POST', `${P}/callback`, j({ group: 'connection', event: 'created', url: 'https://example.com/events' })],
    reply: [200, callbackJson(CALLBACK_ID)],
    resolves: 'result',
    value(callback) {
      expect(callback).to.deep.include(callbackJson(CALLBACK_ID));
      expect(callback.unregister).to.be.a('function');
    },
    error: { reply: [403, ''], class: OpenTok.AuthError, message: 'Invalid API key or secret' },
    invalid: null,
    missing: [OpenTok.ArgumentError, 'No callback given to registerCallback'],
  },
  unregisterCallback: {
    args: [CALLBACK_ID],
    request: ['DELETE', `${P}/callback/${CALLBACK_ID}`, ''],
    reply: [204],
    resolves: 'nothing',
    error: { reply: [404, ''], class: OpenTok.NotFoundError, message: 'Not Found' },
    invalid: { args: [''], class: OpenTok.ArgumentError, message: 'No callback ID given' },
    missing: [OpenTok.ArgumentError, 'No callback given to unregisterCallback'],
  },
  listCallbacks: {
    args: [],
    request: ['GET', `${P}/callback`, ''],
    reply: [200, [callbackJson('cb-1'), callbackJson('cb-2', { group: 'stream' })]],
    resolves: 'result',
    value(callbacks) {
      expect(callbacks).to.be.an('array').with.length(2);
      expect(callbacks[0]).to.deep.include(callbackJson('cb-1'));
      expect(callbacks[1]).to.deep.include(callbackJson('cb-2', { group: 'stream' }));
      expect(callbacks[1].unregister).to.be.a('function');
    },
    error: { reply: [500, SOME_ERROR], class: OpenTok.RequestError, message: SOME_ERROR_MESSAGE },
    invalid: null,
    missing: [OpenTok.ArgumentError, 'No callback given to listCallbacks'],
  },
};

/** Methods that have no client-side validation at all (only the missing-callback throw). */
const WITHOUT_VALIDATION = [
  'listArchives',
  'listBroadcasts',
  'getRender',
  'startRender',
  'stopRender',
  'startCaptions',
  'stopCaptions',
  'registerCallback',
  'listCallbacks',
];

// ---------------------------------------------------------------------------------------------
// Helpers.

function newOpenTok(apiKey = API_KEY) {
  return new OpenTok(apiKey, API_SECRET);
}

function wait(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Persisted interceptors for every verb on the API host, all answering with `reply` (a nock reply
 * array or a function returning one); every request is recorded with its raw body text.
 */
function service(reply) {
  const requests = [];
  for (const verb of METHODS_VERBS) {
    const scope = nock(API_URL)
      .persist()
      .intercept(() => true, verb)
      .reply(() => (typeof reply === 'function' ? reply() : reply));
    scope.on('request', (req, interceptor, body) => {
      requests.push({
        method: req.method,
        path: req.path,
        body: body === undefined ? '' : body,
        rawHeaders: req.headers,
        headers: normalizeHeaders(req.headers),
      });
    });
  }
  return requests;
}

/** Persisted interceptors that answer network errors (connection reset); records the requests. */
function brokenService() {
  const requests = [];
  for (const verb of METHODS_VERBS) {
    const scope = nock(API_URL)
      .persist()
      .intercept(() => true, verb)
      .replyWithError({ message: 'socket hang up', code: 'ECONNRESET' });
    scope.on('request', (req, interceptor, body) => {
      requests.push({ method: req.method, path: req.path, body: body === undefined ? '' : body });
    });
  }
  return requests;
}

/** Counts every request, matched or not, so that "no request sent" can be asserted. */
function trapRequests() {
  const trap = { hits: 0 };
  for (const verb of METHODS_VERBS) {
    nock(API_URL)
      .persist()
      .intercept(() => true, verb)
      .reply(() => {
        trap.hits += 1;
        return [500, ''];
      });
  }
  const onNoMatch = () => {
    trap.hits += 1;
  };
  nock.emitter.on('no match', onNoMatch);
  trap.release = () => nock.emitter.removeListener('no match', onNoMatch);
  return trap;
}

/** A path for test titles: `P` for the project path, `{name}` for the fixture IDs. */
function shortPath(urlPath) {
  const ids = {
    sessionId: S,
    archiveId: ARCHIVE_ID,
    broadcastId: BROADCAST_ID,
    streamId: STREAM_ID,
    connectionId: CONNECTION_ID,
    renderId: RENDER_ID,
    captionsId: CAPTIONS_ID,
    callbackId: CALLBACK_ID,
  };
  let short = urlPath.replace(P, 'P');
  for (const [name, id] of Object.entries(ids)) short = short.split(id).join(`{${name}}`);
  return short;
}

/** Settles `promise` into `{ status: 'fulfilled', value }` or `{ status: 'rejected', reason }`. */
async function settle(promise) {
  const [outcome] = await Promise.allSettled([promise]);
  return outcome;
}

/** Calls `opentok.promises[name](...args)`; it must return a real promise and never throw. */
function callPromise(opentok, name, args) {
  let promise;
  expect(() => {
    promise = opentok.promises[name](...args);
  }, `promises.${name}(...) throws synchronously`).to.not.throw();
  expect(promise, `promises.${name}(...) returns a promise`).to.be.an.instanceof(Promise);
  return promise;
}

/** Deep equality plus the same prototype at every level (models keep their class). */
function expectSameValue(actual, expected, where, seen = new Set()) {
  if (where === 'value') expect(actual, where).to.deep.equal(expected);
  if (expected === null || typeof expected !== 'object' || seen.has(expected)) return;
  seen.add(expected);
  expect(Object.getPrototypeOf(actual), `prototype of ${where}`).to.equal(Object.getPrototypeOf(expected));
  for (const key of Object.keys(expected)) expectSameValue(actual[key], expected[key], `${where}.${key}`, seen);
}

/** The two errors are of the same exact class, with the same message, name and response fields. */
function expectSameError(actual, expected) {
  expect(actual, 'rejection reason').to.be.an.instanceof(Error);
  expect(Object.getPrototypeOf(actual), 'class of the rejection').to.equal(Object.getPrototypeOf(expected));
  expect(actual.message).to.equal(expected.message);
  expect(actual.name).to.equal(expected.name);
  expect(actual.statusCode).to.equal(expected.statusCode);
  expect(actual.body).to.deep.equal(expected.body);
  expect(actual.cause === undefined).to.equal(expected.cause === undefined);
  if (expected.cause) expect(actual.cause.code).to.equal(expected.cause.code);
}

function expectErrorOf(error, Class, message) {
  expect(error).to.be.an.instanceof(Error);
  expect(Object.getPrototypeOf(error), `class of ${util.inspect(error)}`).to.equal(Class.prototype);
  expect(error.message).to.equal(message);
}

/** The callback form's arguments for `args` (the callback goes last). */
function callbackForm(opentok, name, args) {
  return callbackArgs((callback) => opentok[name](...args, callback));
}

/** The documented resolution of a callback's success arguments (src/promises.ts). */
function resolutionOf(kind, callbackResult) {
  if (kind === 'nothing') return undefined;
  if (kind === 'page') return { items: callbackResult[1], totalCount: callbackResult[2] };
  return callbackResult[1];
}

function expectRequest(request, [method, urlPath, body]) {
  expect(request.method, 'HTTP method').to.equal(method);
  expect(request.path, 'path').to.equal(urlPath);
  expect(request.body, 'raw body').to.equal(body);
  expectAuthHeaders(request.rawHeaders);
  const type = request.headers['content-type'];
  if (body === '') expect(type, 'content type').to.equal(undefined);
  else expect(type, 'content type').to.equal(urlPath === '/session/create' ? 'application/x-www-form-urlencoded' : 'application/json');
}

/** The same request, byte for byte, with the same non-JWT headers. */
function expectSameRequest(actual, expected) {
  expect(actual.method).to.equal(expected.method);
  expect(actual.path).to.equal(expected.path);
  expect(actual.body).to.equal(expected.body);
  const strip = (headers) => {
    const copy = { ...headers };
    delete copy['x-opentok-auth'];
    return copy;
  };
  expect(strip(actual.headers)).to.deep.equal(strip(expected.headers));
}

/**
 * Runs the callback form and then the promise form of `name` with the same arguments against
 * `reply`; returns both requests and outcomes.
 */
async function bothForms(name, cbArgs, promiseArgs, reply, apiKey) {
  const requests = service(reply);
  const opentok = newOpenTok(apiKey);
  const fromCallback = await callbackForm(opentok, name, cbArgs);
  expect(requests, 'requests of the callback form').to.have.length(1);
  const outcome = await settle(callPromise(opentok, name, promiseArgs));
  expect(requests, 'requests of both forms').to.have.length(2);
  expectSameRequest(requests[1], requests[0]);
  return { requests, fromCallback, outcome };
}

// ---------------------------------------------------------------------------------------------

describe('opentok.promises', () => {
  useNock();

  const unhandled = [];
  const onUnhandled = (reason) => unhandled.push(reason);
  before(() => process.on('unhandledRejection', onUnhandled));
  after(() => process.removeListener('unhandledRejection', onUnhandled));

  describe('the object', () => {
    it('has exactly the methods of the METHODS table, every asynchronous method of the client, and the iterators', () => {
      const opentok = newOpenTok();
      expect(METHOD_NAMES).to.have.length(36);
      // The iterators (test/iterators.test.js) are the promise API's own: no callback method has their name.
      const iterators = ['iterateArchives', 'iterateBroadcasts', 'iterateRenders'];
      expect(Object.keys(opentok.promises).sort()).to.deep.equal([...METHOD_NAMES, ...iterators].sort());
      for (const name of iterators) {
        expect(opentok.promises[name], name).to.be.a('function');
        expect(OpenTok.prototype[name], `callback method ${name}`).to.equal(undefined);
      }
      expect(Object.keys(CASES).sort(), 'the test table covers every method').to.deep.equal([...METHOD_NAMES].sort());
      for (const name of METHOD_NAMES) {
        expect(opentok.promises[name], name).to.be.a('function');
        expect(OpenTok.prototype[name], `callback method ${name}`).to.be.a('function');
      }
      // Every method of the client except the synchronous token methods has a promise form.
      const clientMethods = Object.getOwnPropertyNames(OpenTok.prototype).filter(
        (name) => name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(OpenTok.prototype, name).value === 'function',
      );
      expect(clientMethods.filter((name) => !METHOD_NAMES.includes(name)).sort()).to.deep.equal(['generateJwt', 'generateToken']);
    });

    it('is the same object on every access', () => {
      const opentok = newOpenTok();
      const first = opentok.promises;
      expect(first).to.be.an('object');
      expect(opentok.promises).to.equal(first);
      expect(opentok.promises.getArchive).to.equal(first.getArchive);
    });

    it('is a different object for each client, bound to that client', async () => {
      const one = newOpenTok();
      const other = newOpenTok('654321');
      expect(one.promises).to.not.equal(other.promises);
      expect(one.promises.getArchive).to.not.equal(other.promises.getArchive);

      const requests = service([200, archiveJson()]);
      await other.promises.getArchive(ARCHIVE_ID);
      await one.promises.getArchive(ARCHIVE_ID);
      expect(requests.map((request) => request.path)).to.deep.equal([
        `/v2/project/654321/archive/${ARCHIVE_ID}`,
        `${P}/archive/${ARCHIVE_ID}`,
      ]);
      expectAuthHeaders(requests[0].rawHeaders, { apiKey: '654321' });
      expectAuthHeaders(requests[1].rawHeaders);
    });

    it('is not enumerable and not shown by util.inspect or JSON.stringify', () => {
      const opentok = newOpenTok();
      expect(opentok.promises).to.be.an('object'); // created: it must stay hidden afterwards too
      expect(Object.keys(opentok)).to.not.include('promises');
      expect(Object.prototype.propertyIsEnumerable.call(opentok, 'promises')).to.equal(false);
      const forIn = [];
      for (const key in opentok) forIn.push(key);
      expect(forIn).to.not.include('promises');
      expect(util.inspect(opentok)).to.not.include('promises');
      expect(util.inspect(opentok, { depth: 5 })).to.not.include('getArchive');
      expect(JSON.stringify(opentok)).to.not.include('promises');
      expect(util.inspect(opentok)).to.equal(util.inspect(newOpenTok()));
    });

    it('leaves the callback methods as they were: no own property added or replaced', () => {
      const opentok = newOpenTok();
      const ownBefore = Reflect.ownKeys(opentok);
      const methodsBefore = METHOD_NAMES.map((name) => opentok[name]);
      void opentok.promises;
      expect(Reflect.ownKeys(opentok)).to.deep.equal(ownBefore);
      expect(METHOD_NAMES.map((name) => opentok[name])).to.deep.equal(methodsBefore);
    });
  });

  describe('callback API unchanged: a missing callback still throws synchronously', () => {
    for (const name of METHOD_NAMES) {
      const { args, missing } = CASES[name];
      it(`opentok.${name}(...) without a callback throws ${missing[0].name}('${missing[1]}'), sends nothing`, async () => {
        const opentok = newOpenTok();
        void opentok.promises;
        const trap = trapRequests();
        try {
          let thrown;
          try {
            opentok[name](...args);
          } catch (error) {
            thrown = error;
          }
          expect(thrown, 'thrown error').to.be.an.instanceof(Error);
          expectErrorOf(thrown, missing[0], missing[1]);
          await wait(20);
          expect(trap.hits, 'requests sent').to.equal(0);
        } finally {
          trap.release();
        }
      });
    }
  });

  describe('success: same request, resolves to the callback result', () => {
    for (const name of METHOD_NAMES) {
      const spec = CASES[name];
      it(`promises.${name}: ${spec.request[0]} ${shortPath(spec.request[1])} → ${spec.resolves}`, async () => {
        const { requests, fromCallback, outcome } = await bothForms(name, spec.args, spec.args, spec.reply);
        expectRequest(requests[0], spec.request);
        expectRequest(requests[1], spec.request);

        expect(fromCallback[0], 'error argument of the callback form').to.equal(null);
        expect(outcome.status, `promise outcome ${util.inspect(outcome.reason)}`).to.equal('fulfilled');
        const value = outcome.value;
        if (spec.resolves === 'nothing') {
          expect(fromCallback, 'callback form arguments').to.deep.equal([null]);
          expect(value).to.equal(undefined);
          return;
        }
        expectSameValue(value, resolutionOf(spec.resolves, fromCallback), 'value');
        spec.value(value);
      });
    }
  });

  describe('HTTP error: rejects with the callback error', () => {
    for (const name of METHOD_NAMES) {
      const spec = CASES[name];
      const { reply, class: Class, message } = spec.error;
      it(`promises.${name}: ${reply[0]} → ${Class.name}('${message}')`, async () => {
        const { requests, fromCallback, outcome } = await bothForms(name, spec.args, spec.args, reply);
        expectRequest(requests[1], spec.request);
        expect(outcome.status).to.equal('rejected');
        expectErrorOf(fromCallback[0], Class, message);
        expectSameError(outcome.reason, fromCallback[0]);
        expect(outcome.reason.statusCode).to.equal(reply[0]);
      });
    }
  });

  describe('transport failure: rejects with the callback RequestError', () => {
    for (const name of METHOD_NAMES) {
      const spec = CASES[name];
      it(`promises.${name}: connection reset → RequestError with cause`, async () => {
        const requests = brokenService();
        const opentok = newOpenTok();
        const [cbError] = await callbackForm(opentok, name, spec.args);
        const outcome = await settle(callPromise(opentok, name, spec.args));
        expect(requests, 'requests of both forms').to.have.length(2);
        expect(requests[1]).to.deep.equal(requests[0]);
        expect(outcome.status).to.equal('rejected');
        expect(cbError).to.be.an.instanceof(OpenTok.RequestError);
        expect(cbError.message).to.include('socket hang up');
        expectSameError(outcome.reason, cbError);
        expect(outcome.reason.cause.code).to.equal('ECONNRESET');
      });
    }
  });

  describe('validation error: rejects with the callback error, no request', () => {
    it('every method without a validation case has no client-side validation', () => {
      const untested = METHOD_NAMES.filter((name) => CASES[name].invalid === null);
      expect(untested.sort()).to.deep.equal([...WITHOUT_VALIDATION].sort());
    });

    for (const name of METHOD_NAMES.filter((method) => CASES[method].invalid)) {
      const { args, class: Class, message, throws } = CASES[name].invalid;
      it(`promises.${name}: ${Class.name}('${message}')`, async () => {
        const opentok = newOpenTok();
        const trap = trapRequests();
        try {
          let expected;
          if (throws) {
            expect(() => opentok[name](...args, () => expect.fail('callback called'))).to.throw();
            try {
              opentok[name](...args, () => {});
            } catch (error) {
              expected = error;
            }
          } else {
            [expected] = await callbackForm(opentok, name, args);
          }
          expectErrorOf(expected, Class, message);
          expect(expected.statusCode).to.equal(undefined);

          const outcome = await settle(callPromise(opentok, name, args));
          expect(outcome.status).to.equal('rejected');
          expectSameError(outcome.reason, expected);
          await wait(20);
          expect(trap.hits, 'requests sent').to.equal(0);
        } finally {
          trap.release();
        }
      });
    }

    it("promises.listRenders({ count: 5000 }) and { count: 0 } reject with ArgumentError('Count is out of range')", async () => {
      const opentok = newOpenTok();
      const trap = trapRequests();
      try {
        for (const count of [5000, 1001, 0, -1]) {
          const outcome = await settle(callPromise(opentok, 'listRenders', [{ count }]));
          expect(outcome.status, `count ${count}`).to.equal('rejected');
          expectErrorOf(outcome.reason, OpenTok.ArgumentError, 'Count is out of range');
          expect(outcome.reason.name).to.equal('ArgumentError');
        }
        await wait(20);
        expect(trap.hits, 'requests sent').to.equal(0);
      } finally {
        trap.release();
      }
    });
  });

  describe('positional options may be omitted', () => {
    const OMITTED = [
      // [method, promise arguments, the equivalent callback-form arguments, request, reply]
      ['startCaptions', [S, TOKEN], [S, TOKEN, undefined],
        ['POST', `${P}/captions`, j({ sessionId: S, token: TOKEN, languageCode: 'en-US', maxDuration: 14400, partialCaptions: true })],
        [202, { captionsId: CAPTIONS_ID }], CAPTIONS_ID],
      ['listRenders', [], [undefined], ['GET', `${P}/render`, ''], [200, { count: 0, items: [] }], { count: 0, items: [] }],
      ['setArchiveLayout', [ARCHIVE_ID, 'bestFit'], [ARCHIVE_ID, 'bestFit'],
        ['PUT', `${P}/archive/${ARCHIVE_ID}/layout`, j({ type: 'bestFit' })], [204], ''],
      ['setArchiveLayout', [ARCHIVE_ID, 'bestFit', null, 'pip'], [ARCHIVE_ID, 'bestFit', null, 'pip'],
        ['PUT', `${P}/archive/${ARCHIVE_ID}/layout`, j({ type: 'bestFit', screenshareType: 'pip' })], [204], ''],
      ['setBroadcastLayout', [BROADCAST_ID, 'pip'], [BROADCAST_ID, 'pip'],
        ['PUT', `${P}/broadcast/${BROADCAST_ID}/layout`, j({ type: 'pip' })], [204], ''],
      ['createSession', [], [], ['POST', '/session/create', 'archiveMode=manual&p2p.preference=enabled'], [200, SESSION_REPLY], null],
      ['startArchive', [S], [S], ['POST', `${P}/archive`, j({ sessionId: S })],
        [200, archiveJson({ status: 'started' })], null],
      ['listArchives', [], [], ['GET', `${P}/archive`, ''], [200, { count: 0, items: [] }], { items: [], totalCount: 0 }],
      ['addArchiveStream', [ARCHIVE_ID, STREAM_ID], [ARCHIVE_ID, STREAM_ID],
        ['PATCH', `${P}/archive/${ARCHIVE_ID}/streams`, j({ hasAudio: true, hasVideo: true, addStream: STREAM_ID })], [204], undefined],
      ['listBroadcasts', [], [], ['GET', `${P}/broadcast`, ''], [200, { items: [] }], { items: [], totalCount: 0 }],
      ['addBroadcastStream', [BROADCAST_ID, STREAM_ID], [BROADCAST_ID, STREAM_ID],
        ['PATCH', `${P}/broadcast/${BROADCAST_ID}/streams`, j({ addStream: STREAM_ID, hasAudio: true, hasVideo: true })], [204], ''],
      ['dial', [S, TOKEN, SIP_URI], [S, TOKEN, SIP_URI],
        ['POST', `${P}/dial`, j({ sessionId: S, token: TOKEN, sip: { uri: SIP_URI } })],
        [200, { id: 'conference', connectionId: CONNECTION_ID, streamId: STREAM_ID }], null],
      ['websocketConnect', [S, TOKEN, WSS_URI], [S, TOKEN, WSS_URI],
        ['POST', `${P}/connect`, j({ sessionId: S, token: TOKEN, websocket: { uri: WSS_URI } })],
        [200, { id: 'ws-call', connectionId: CONNECTION_ID }], { id: 'ws-call', connectionId: CONNECTION_ID }],
      ['forceMuteAll', [S], [S], ['POST', `${P}/session/${S}/mute`, j({ active: true })], [204], undefined],
      ['registerCallback', [], [], ['POST', `${P}/callback`, '{}'], [200, callbackJson(CALLBACK_ID)], null],
      ['listCallbacks', [], [], ['GET', `${P}/callback`, ''], [200, []], []],
    ];

    for (const [name, promiseArgs, cbArgs, request, reply, documented] of OMITTED) {
      const names = new Map([[S, 'sessionId'], [TOKEN, 'token'], [ARCHIVE_ID, 'archiveId'], [BROADCAST_ID, 'broadcastId'], [STREAM_ID, 'streamId']]);
      const shown = promiseArgs.map((arg) => names.get(arg) || util.inspect(arg)).join(', ');
      it(`promises.${name}(${shown})`, async () => {
        const { requests, fromCallback, outcome } = await bothForms(name, cbArgs, promiseArgs, reply);
        expectRequest(requests[1], request);
        expect(fromCallback[0], 'error argument of the callback form').to.equal(null);
        expect(outcome.status, `promise outcome ${util.inspect(outcome.reason)}`).to.equal('fulfilled');
        expectSameValue(outcome.value, resolutionOf(CASES[name].resolves, fromCallback), 'value');
        if (documented !== null) expect(outcome.value).to.deep.equal(documented);
      });
    }
  });

  describe('no unhandled rejection', () => {
    it('none happened anywhere in this file', async () => {
      await wait(20);
      expect(unhandled.map((reason) => util.inspect(reason))).to.deep.equal([]);
    });
  });
});

describe('promise API: function arguments', () => {
  useNock();
  it('rejects with an ArgumentError and sends nothing when an argument is a function (it would be taken for the callback)', async () => {
    const opentok = new OpenTok(API_KEY, API_SECRET);
    const cases = [
      ['listArchives', [() => {}]],
      ['startArchive', ['sid', () => {}]],
      ['createSession', [() => {}]],
      ['forceMuteAll', ['sid', () => {}]],
    ];
    for (const [name, args] of cases) {
      let rejection;
      await opentok.promises[name](...args).then(
        () => expect.fail(`${name} resolved`),
        (error) => {
          rejection = error;
        },
      );
      expect(rejection, name).to.be.instanceOf(OpenTok.ArgumentError);
      expect(rejection.message).to.equal(`Invalid arguments -- promises.${name} takes no callback or function argument.`);
    }
    expect(nock.pendingMocks()).to.deep.equal([]);
  });
});
