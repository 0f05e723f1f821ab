'use strict';
// The differential cases: for every public method, a table of argument lists (defaults, every
// option, falsy flags, null options, bad input, a missing callback) and a table of replies (the
// documented success, every error status, empty and malformed bodies, transport failures). Both
// packages run every case against the same nock interceptors (see side.js).
//
// A case is { id, method, args, reply, client?, via?, detached?, returns? }:
// - `args` holds CB where the callback goes (no CB: the callback is missing);
// - `reply` is what the interceptors answer: { status, body, headers? }, { transport: code },
//   { status, body, delay }; a request a case does not expect is answered 599;
// - `client` chooses the client: { key, secret, options } (default: API key and secret);
// - `via` gets a model first (an Archive, a Broadcast, ...) and calls `method` on it;
// - `detached` calls the method without its object (`const f = opentok.m; f(...)`);
// - `returns` records the return value (the synchronous methods);
// - `throwingCallback` makes the callback throw on its first call, as an app's bug would.
const F = require('./fixtures');

const { DOCUMENTED: D, SESSION_ID: S, ARCHIVE_ID, BROADCAST_ID, STREAM_ID, CONNECTION_ID, TOKEN } = F;

/** Where the callback goes in `args`. */
const CB = Symbol('callback');
/** A function passed where the SDK expects something else (not the callback). */
const FN = function notTheCallback() {};

const cases = [];
const ids = new Set();

function add(entry) {
  if (ids.has(entry.id)) throw new Error(`duplicate case id: ${entry.id}`);
  ids.add(entry.id);
  cases.push(entry);
}

const text = (status, body, type = 'text/plain') => ({ status, body, headers: type ? { 'Content-Type': type } : {} });
const json = (status, body) => ({ status, body, headers: { 'Content-Type': 'application/json' } });
const reply = ({ status, body }) => (typeof body === 'string' ? text(status, body, body === '' ? null : 'text/plain') : json(status, body));

/**
 * The replies every REST method is run against, with its documented success first. The labels
 * are part of the case IDs, which the departures table matches on.
 */
function statusReplies(success) {
  return [
    ['documented success', reply(success)],
    ['204 empty', text(204, '', null)],
    ['200 {}', json(200, {})],
    ['200 []', json(200, [])],
    ['200 text/plain', text(200, 'OK')],
    ['200 JSON string', text(200, JSON.stringify(success.body), 'text/plain')],
    ['200 malformed JSON', text(200, '{"id":', 'application/json')],
    ['200 empty JSON', text(200, '', 'application/json')],
    ['400 JSON', json(400, { code: 400, message: 'Bad request.' })],
    ['401 JSON', json(401, { code: -1, message: 'Invalid token format' })],
    ['403 empty', text(403, '', null)],
    ['404 JSON', json(404, { message: 'Resource not found' })],
    ['405 JSON', json(405, { message: 'Method not allowed' })],
    ['409 JSON', json(409, { message: 'Conflict. You are trying to stop an archive that is not recording.' })],
    ['409 empty', text(409, '', null)],
    ['500 JSON', json(500, { message: 'Some error.' })],
    ['500 text', text(500, 'Internal failure')],
    ['502 empty JSON', text(502, '', 'application/json')],
    ['503 empty', text(503, '', null)],
    ['ECONNREFUSED', { transport: 'ECONNREFUSED' }],
    ['ECONNRESET', { transport: 'ECONNRESET' }],
  ];
}

/**
 * One method: its argument lists (each run against the documented success) and the reply table
 * (run with the first argument list). `bad` lists argument lists that must fail before any
 * request; they are answered like a success, so a request that goes out anyway shows.
 */
function method(name, { success, calls, bad = [], replies = true, via }) {
  for (const [label, args] of calls) {
    add({ id: `${name} › ${label}`, method: name, args, reply: reply(success), via });
  }
  for (const [label, args] of bad) {
    add({ id: `${name} › bad: ${label}`, method: name, args, reply: reply(success), via });
  }
  if (replies) {
    const [, firstArgs] = calls[0];
    for (const [label, answer] of statusReplies(success)) {
      if (label === 'documented success') continue;
      add({ id: `${name} › reply: ${label}`, method: name, args: firstArgs, reply: answer, via });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Sessions and tokens.

method('createSession', {
  success: D.createSession,
  calls: [
    ['no options', [CB]],
    ['empty options', [{}, CB]],
    ['null options', [null, CB]],
    ['undefined options', [undefined, CB]],
    ['routed', [{ mediaMode: 'routed' }, CB]],
    ['relayed', [{ mediaMode: 'relayed' }, CB]],
    ['routed, always archived', [{ mediaMode: 'routed', archiveMode: 'always' }, CB]],
    ['location', [{ location: '12.34.56.78' }, CB]],
    ['every option', [{ location: '12.34.56.78', mediaMode: 'routed', archiveMode: 'always', e2ee: true, archiveName: 'nm', archiveResolution: '1280x720' }, CB]],
    ['e2ee false', [{ mediaMode: 'routed', e2ee: false }, CB]],
    ['unknown mediaMode', [{ mediaMode: 'bogus' }, CB]],
    ['unknown archiveMode', [{ archiveMode: 'bogus' }, CB]],
    ['unknown option key', [{ foo: 'bar', mediaMode: 'routed' }, CB]],
    ['null option values', [{ location: null, archiveName: null }, CB]],
  ],
  bad: [
    ['always archived but relayed', [{ archiveMode: 'always' }, CB]],
    ['location not IPv4', [{ location: 'localhost' }, CB]],
    ['location key present but undefined', [{ location: undefined }, CB]],
    ['missing callback', [{}]],
    ['no arguments', []],
    ['callback not a function', [{}, 'cb']],
  ],
});

add({ id: 'createSession › reply: session_id not a string', method: 'createSession', args: [CB], reply: json(200, [{ session_id: 5 }]) });
add({ id: 'createSession › reply: a JSON object', method: 'createSession', args: [CB], reply: json(200, { session_id: S }) });

/** generateToken cases: the token is decoded and compared (claims, T1 data), nonces by type. */
function tokenCase(label, args, extra = {}) {
  add({ id: `generateToken › ${label}`, method: 'generateToken', args, reply: null, returns: true, ...extra });
}
const inAWeek = F.NOW_S + 7 * 24 * 60 * 60;
tokenCase('session ID only', [S]);
tokenCase('null options', [S, null]);
tokenCase('every option', [S, { role: 'moderator', expireTime: inAWeek, data: 'name=Johnny', initialLayoutClassList: ['focus', 'inactive'] }]);
tokenCase('fractional expireTime (the documented one-week example)', [S, { role: 'moderator', expireTime: inAWeek + 0.6, data: 'name=Johnny', initialLayoutClassList: ['focus'] }]);
tokenCase('expireTime as a numeric string', [S, { expireTime: String(inAWeek) }]);
tokenCase('role subscriber', [S, { role: 'subscriber' }]);
tokenCase('role publisheronly', [S, { role: 'publisheronly' }]);
tokenCase('class list as a string', [S, { initialLayoutClassList: 'focus inactive' }]);
tokenCase('class list of another type', [S, { initialLayoutClassList: 42 }]);
tokenCase('data 1024 characters', [S, { data: 'x'.repeat(1024) }]);
tokenCase('empty data', [S, { data: '' }]);
tokenCase('T1', [S, { role: 'moderator', data: 'name=Johnny x&y', initialLayoutClassList: ['focus', 'inactive'] }, true]);
tokenCase('T1 defaults', [S, undefined, true]);
tokenCase('snake_case option keys', [S, { expire_time: F.NOW_S + 60, connection_data: 'snake', role: 'subscriber' }]);
tokenCase('bad: no session ID', []);
tokenCase('bad: session ID not a string', [42]);
tokenCase('bad: session of another project', [F.OTHER_SESSION_ID]);
tokenCase('bad: undecodable session ID', ['not a session']);
tokenCase('bad: role', [S, { role: 'admin' }]);
tokenCase('bad: expireTime in the past', [S, { expireTime: F.NOW_S - 10 }]);
tokenCase('bad: expireTime not numeric', [S, { expireTime: 'not a time' }]);
tokenCase('bad: expireTime more than 30 days ahead', [S, { expireTime: F.NOW_S + 31 * 86400 }]);
tokenCase('bad: data over 1024', [S, { data: 'x'.repeat(1025) }]);
tokenCase('bad: data not a string', [S, { data: 42 }]);
tokenCase('bad: class list over 1024', [S, { initialLayoutClassList: ['x'.repeat(1025)] }]);
add({ id: 'generateJwt', method: 'generateJwt', args: [], reply: null, returns: true });
add({ id: 'session.generateToken › options', method: 'generateToken', args: [{ role: 'subscriber', data: 'd' }], reply: null, returns: true, via: 'session' });
add({ id: 'session.generateToken › T1', method: 'generateToken', args: [{ role: 'subscriber' }, true], reply: null, returns: true, via: 'session' });

// ---------------------------------------------------------------------------------------------
// Archives.

method('startArchive', {
  success: D.archive,
  calls: [
    ['no options', [S, CB]],
    ['name', [S, { name: 'Important Presentation' }, CB]],
    ['null options', [S, null, CB]],
    ['every option', [S, {
      name: 'nm', hasAudio: true, hasVideo: true, outputMode: 'composed', layout: { type: 'bestFit', screenshareType: 'pip' },
      resolution: '1280x720', streamMode: 'manual', multiArchiveTag: 'tag', maxBitrate: 2000000, quantizationParameter: 30,
    }, CB]],
    ['falsy flags', [S, { hasAudio: false, hasVideo: false }, CB]],
    ['individual', [S, { outputMode: 'individual' }, CB]],
    ['custom layout', [S, { layout: { type: 'custom', stylesheet: 'stream.instructor {position: absolute;}' } }, CB]],
    ['unknown keys are sent too', [S, { foo: 1, sessionId: 'overridden' }, CB]],
  ],
  bad: [
    ['no session ID', ['', CB]],
    ['null session ID', [null, {}, CB]],
    ['missing callback', [S, {}]],
  ],
});
add({ id: 'startArchive › reply: 200 stopped', method: 'startArchive', args: [S, CB], reply: json(200, { ...F.DOCUMENTED.archive.body, status: 'stopped' }) });

method('stopArchive', {
  success: D.stoppedArchive,
  calls: [['id', [ARCHIVE_ID, CB]], ['id to encode', ['a/b c', CB]]],
  bad: [['no id', ['', CB]], ['undefined id', [undefined, CB]], ['missing callback', [ARCHIVE_ID]]],
});
method('getArchive', {
  success: D.archive,
  calls: [['id', [ARCHIVE_ID, CB]], ['id to encode', ['a/b c', CB]]],
  bad: [['no id', [null, CB]], ['missing callback', [ARCHIVE_ID]]],
});
method('deleteArchive', {
  success: D.noContent,
  calls: [['id', [ARCHIVE_ID, CB]], ['id to encode', ['a/b c', CB]]],
  bad: [['no id', ['', CB]], ['missing callback', [ARCHIVE_ID]]],
});
method('listArchives', {
  success: D.archiveList,
  calls: [
    ['no options', [CB]],
    ['empty options', [{}, CB]],
    ['null options', [null, CB]],
    ['every option', [{ offset: 10, count: 5, sessionId: S }, CB]],
    ['options in another order', [{ sessionId: S, count: 5, offset: 1 }, CB]],
    ['offset 0 and strings', [{ offset: 0, count: '7', sessionId: 'a b&c' }, CB]],
  ],
  bad: [['missing callback', [{}]]],
});
add({ id: 'listArchives › reply: no count', method: 'listArchives', args: [CB], reply: json(200, { items: [F.DOCUMENTED.archive.body] }) });

method('addArchiveStream', {
  success: D.noContent,
  calls: [
    ['no options', [ARCHIVE_ID, STREAM_ID, CB]],
    ['both flags', [ARCHIVE_ID, STREAM_ID, { hasAudio: true, hasVideo: false }, CB]],
    ['falsy flags', [ARCHIVE_ID, STREAM_ID, { hasAudio: 0, hasVideo: '' }, CB]],
    ['flags in another order, other keys', [ARCHIVE_ID, STREAM_ID, { hasVideo: 'yes', extra: 1, hasAudio: null }, CB]],
    ['null options', [ARCHIVE_ID, STREAM_ID, null, CB]],
    ['id to encode', ['a/b', STREAM_ID, {}, CB]],
  ],
  bad: [
    ['no archive id', ['', STREAM_ID, CB]],
    ['no stream id', [ARCHIVE_ID, '', CB]],
    ['neither id', [null, null, CB]],
    ['missing callback', [ARCHIVE_ID, STREAM_ID, {}]],
  ],
});
method('removeArchiveStream', {
  success: D.noContent,
  calls: [['ids', [ARCHIVE_ID, STREAM_ID, CB]]],
  bad: [
    ['no archive id', [undefined, STREAM_ID, CB]],
    ['no stream id', [ARCHIVE_ID, undefined, CB]],
    ['options argument (@types/opentok declares one)', [ARCHIVE_ID, STREAM_ID, {}, CB]],
    ['missing callback', [ARCHIVE_ID, STREAM_ID]],
  ],
});

function layoutMethod(name, id) {
  method(name, {
    success: D.ok,
    calls: [
      ['type only', [id, 'bestFit', CB]],
      ['custom with stylesheet', [id, 'custom', 'stream {position: absolute;}', CB]],
      ['screenshareType', [id, 'bestFit', null, 'pip', CB]],
      ['stylesheet and screenshareType', [id, 'bestFit', 'css', 'pip', CB]],
      ['empty stylesheet', [id, 'pip', '', CB]],
      ['callback as screenshareType', [id, 'bestFit', null, CB]],
      ['id not encoded', ['a b', 'pip', CB]],
    ],
    bad: [
      ['id not a string', [42, 'bestFit', CB]],
      ['type not a string', [id, null, CB]],
      ['stylesheet a function', [id, 'custom', FN, 'pip', CB]],
      ['stylesheet not a string', [id, 'custom', 42, CB]],
      ['screenshareType a function', [id, 'bestFit', 'css', FN, CB]],
      ['screenshareType not a string', [id, 'bestFit', null, 42, CB]],
      ['screenshareType without bestFit', [id, 'pip', null, 'pip', CB]],
      ['missing callback', [id, 'bestFit']],
      ['missing callback, stylesheet given', [id, 'custom', 'css']],
    ],
  });
}
layoutMethod('setArchiveLayout', ARCHIVE_ID);

// ---------------------------------------------------------------------------------------------
// Broadcasts.

method('startBroadcast', {
  success: D.broadcast,
  calls: [
    ['hls', [S, { outputs: { hls: {} } }, CB]],
    ['every option', [S, {
      outputs: { hls: { dvr: true }, rtmp: [{ id: 'foo', serverUrl: 'rtmp://myfooserver/myfooapp', streamName: 'myfoostream' }] },
      maxDuration: 5400, resolution: '1280x720', layout: { type: 'custom', stylesheet: 'css' }, streamMode: 'manual',
      multiBroadcastTag: 'tag', maxBitrate: 2000000,
    }, CB]],
    ['lowLatency', [S, { outputs: { hls: { lowLatency: true } } }, CB]],
    ['streamMode falsy', [S, { outputs: { hls: {} }, streamMode: '' }, CB]],
    ['sessionId in options', [S, { sessionId: 'other', outputs: { hls: {} } }, CB]],
  ],
  bad: [
    ['no session ID', ['', { outputs: { hls: {} } }, CB]],
    ['no options', [S, null, CB]],
    ['options not an object', [S, 'hls', CB]],
    ['dvr and lowLatency', [S, { outputs: { hls: { dvr: true, lowLatency: true } } }, CB]],
    ['callback in place of the options', [S, CB]],
    ['missing callback', [S, { outputs: { hls: {} } }]],
  ],
});
method('stopBroadcast', {
  success: D.stoppedBroadcast,
  calls: [['id', [BROADCAST_ID, CB]], ['id not encoded', ['a b', CB]]],
  bad: [['no id', ['', CB]], ['undefined id', [undefined, CB]], ['missing callback', [BROADCAST_ID]]],
});
method('getBroadcast', {
  success: D.broadcast,
  calls: [['id', [BROADCAST_ID, CB]]],
  bad: [['no id', [null, CB]], ['missing callback', [BROADCAST_ID]]],
});
method('listBroadcasts', {
  success: D.broadcastList,
  calls: [
    ['no options', [CB]],
    ['null options', [null, CB]],
    ['every option', [{ offset: 10, count: 5, sessionId: S }, CB]],
    ['numeric strings, raw sessionId', [{ offset: '3', count: '2.5', sessionId: 'a b' }, CB]],
  ],
  bad: [['missing callback', [{}]]],
});
method('addBroadcastStream', {
  success: D.noContent,
  calls: [
    ['no options', [BROADCAST_ID, STREAM_ID, CB]],
    ['falsy flags', [BROADCAST_ID, STREAM_ID, { hasAudio: false, hasVideo: false }, CB]],
    ['null options', [BROADCAST_ID, STREAM_ID, null, CB]],
  ],
  bad: [
    ['no broadcast id', ['', STREAM_ID, CB]],
    ['no stream id', [BROADCAST_ID, null, CB]],
    ['missing callback', [BROADCAST_ID, STREAM_ID, {}]],
  ],
});
method('removeBroadcastStream', {
  success: D.noContent,
  calls: [['ids', [BROADCAST_ID, STREAM_ID, CB]]],
  bad: [
    ['no broadcast id', [null, STREAM_ID, CB]],
    ['no stream id', [BROADCAST_ID, '', CB]],
    ['options argument (@types/opentok declares one)', [BROADCAST_ID, STREAM_ID, {}, CB]],
    ['missing callback', [BROADCAST_ID, STREAM_ID]],
  ],
});
layoutMethod('setBroadcastLayout', BROADCAST_ID);

// ---------------------------------------------------------------------------------------------
// SIP, DTMF, audio connector.

method('dial', {
  success: D.dial,
  calls: [
    ['no options', [S, TOKEN, 'sip:user@sip.example.com', CB]],
    ['every option', [S, TOKEN, 'sip:user@sip.example.com;transport=tls', {
      headers: { 'X-Foo': 'bar' }, auth: { username: 'u', password: 'p' }, secure: true, from: 14155550101,
      video: true, observeForceMute: true, streams: [STREAM_ID],
    }, CB]],
    ['falsy flags', [S, TOKEN, 'sip:u@x', { secure: false, video: 0, observeForceMute: '', from: '' }, CB]],
    ['null options', [S, TOKEN, 'sip:u@x', null, CB]],
    ['headers and auth not objects', [S, TOKEN, 'sip:u@x', { headers: ['a'], auth: 'u:p', extra: 1 }, CB]],
    ['auth as given: its order, other keys', [S, TOKEN, 'sip:u@x', { auth: { password: 'p', username: 'u', realm: 'r' } }, CB]],
    ['auth without password', [S, TOKEN, 'sip:u@x', { auth: { username: 'u' } }, CB]],
  ],
  bad: [
    ['no session ID', ['', TOKEN, 'sip:u@x', CB]],
    ['no token', [S, null, 'sip:u@x', {}, CB]],
    ['no SIP URI', [S, TOKEN, '', CB]],
    ['missing callback', [S, TOKEN, 'sip:u@x', {}]],
  ],
});
method('playDTMF', {
  success: D.ok,
  calls: [
    ['to the session', [S, null, '1713#', CB]],
    ['to a connection', [S, CONNECTION_ID, '1p2p3', CB]],
    ['empty connection id', [S, '', '1', CB]],
  ],
  bad: [
    ['no session ID', ['', null, '1', CB]],
    ['session ID not a string', [42, null, '1', CB]],
    ['connection id not a string', [S, 42, '1', CB]],
    ['missing callback', [S, null, '1']],
  ],
});
method('websocketConnect', {
  success: D.websocket,
  calls: [
    ['no options', [S, TOKEN, 'wss://example.com/audio', CB]],
    ['every option', [S, TOKEN, 'wss://example.com/audio', { streams: [STREAM_ID], headers: { 'X-Foo': 'bar' }, bidirectional: true, audioRate: 16000 }, CB]],
    ['null options', [S, TOKEN, 'wss://example.com/audio', null, CB]],
    ['options in another order', [S, TOKEN, 'wss://example.com/audio', { bidirectional: 1, headers: { b: '2', a: '1' }, streams: [] }, CB]],
    ['streams not an array, headers an array', [S, TOKEN, 'wss://example.com/audio', { streams: 'x', headers: ['h'], bidirectional: false }, CB]],
  ],
  bad: [
    ['no session ID', ['', TOKEN, 'wss://x', CB]],
    ['no token', [S, '', 'wss://x', CB]],
    ['no websocket URI', [S, TOKEN, null, {}, CB]],
    ['missing callback', [S, TOKEN, 'wss://x', {}]],
  ],
});

// ---------------------------------------------------------------------------------------------
// Streams, moderation, signaling.

method('getStream', {
  success: D.stream,
  calls: [['ids', [S, STREAM_ID, CB]]],
  bad: [
    ['no session ID', ['', STREAM_ID, CB]],
    ['no stream id', [S, undefined, CB]],
    ['stream id not a string', [S, 42, CB]],
    ['missing callback', [S, STREAM_ID]],
  ],
});
method('listStreams', {
  success: D.streamList,
  calls: [['session', [S, CB]]],
  bad: [['no session ID', [null, CB]], ['missing callback', [S]]],
});
add({ id: 'listStreams › reply: no items', method: 'listStreams', args: [S, CB], reply: json(200, { count: 0 }) });
method('setStreamClassLists', {
  success: D.ok,
  calls: [
    ['two streams', [S, [{ id: STREAM_ID, layoutClassList: ['full', 'focus'] }, { id: 'other', layoutClassList: [] }], CB]],
    ['empty list', [S, [], CB]],
    ['empty session ID passes', ['', [], CB]],
    ['elements as given: their key order, other keys', [S, [{ layoutClassList: ['a'], id: STREAM_ID, extra: true }], CB]],
  ],
  bad: [
    ['session ID not a string', [null, [], CB]],
    ['list not an array', [S, {}, CB]],
    ['element without id', [S, [{ layoutClassList: [] }], CB]],
    ['element without class list', [S, [{ id: 'x' }], CB]],
    ['class not a string', [S, [{ id: 'x', layoutClassList: [1] }], CB]],
    ['missing callback', [S, []]],
  ],
});
method('forceDisconnect', {
  success: D.noContent,
  calls: [['ids', [S, CONNECTION_ID, CB]], ['empty connection id', [S, '', CB]]],
  bad: [['no session ID', [null, CONNECTION_ID, CB]], ['no connection id', [S, undefined, CB]], ['missing callback', [S, CONNECTION_ID]]],
});
method('forceMuteStream', {
  success: D.ok,
  calls: [['ids', [S, STREAM_ID, CB]], ['falsy stream id', [S, '', CB]]],
  bad: [['no session ID', ['', STREAM_ID, CB]], ['stream id not a string', [S, 42, CB]], ['missing callback', [S, STREAM_ID]]],
});
method('forceMuteAll', {
  success: D.ok,
  calls: [
    ['no options', [S, CB]],
    ['empty options', [S, {}, CB]],
    ['null options', [S, null, CB]],
    ['excludedStreamIds', [S, { excludedStreamIds: [STREAM_ID] }, CB]],
    ['the misspelt excudedStreamIds', [S, { excudedStreamIds: [STREAM_ID] }, CB]],
    ['unknown keys', [S, { active: false, foo: 1 }, CB]],
  ],
  bad: [
    ['no session ID', ['', {}, CB]],
    ['no session ID, callback second', [null, CB]],
    ['excludedStreamIds not an array', [S, { excludedStreamIds: 'x' }, CB]],
    ['excudedStreamIds not an array', [S, { excudedStreamIds: 'x' }, CB]],
    ['missing callback', [S, {}]],
  ],
});
method('disableForceMute', {
  success: D.ok,
  calls: [['session', [S, CB]]],
  bad: [['no session ID', [undefined, CB]], ['missing callback', [S]]],
});
method('signal', {
  success: D.noContent,
  calls: [
    ['to the session', [S, null, { type: 'chat', data: 'Hello!' }, CB]],
    ['to a connection', [S, CONNECTION_ID, { type: 'chat', data: 'Hello!' }, CB]],
    ['payload as given', [S, undefined, { data: 'x', extra: [1, 2] }, CB]],
  ],
  bad: [['no session ID', [null, null, { data: 'x' }, CB]], ['no payload', [S, null, undefined, CB]], ['missing callback', [S, null, { data: 'x' }]]],
});

// ---------------------------------------------------------------------------------------------
// Experience Composer, captions, event callbacks.

method('startRender', {
  success: D.render,
  calls: [
    ['defaults', [{ sessionId: S, token: TOKEN, url: 'https://webapp.customer.com' }, CB]],
    ['every option', [{ sessionId: S, token: TOKEN, url: 'https://x', maxDuration: 60, resolution: '640x480', statusCallbackUrl: 'https://cb', properties: { name: 'composer' }, extra: 1 }, CB]],
    ['null options', [null, CB]],
  ],
  bad: [['callback in place of the options', [CB]], ['missing callback', [{}]]],
});
method('listRenders', {
  success: D.renderList,
  calls: [
    ['empty options', [{}, CB]],
    ['null options', [null, CB]],
    ['offset and count', [{ offset: 5, count: 10 }, CB]],
    ['count 1000', [{ count: 1000 }, CB]],
  ],
  bad: [['count over 1000', [{ count: 1001 }, CB]], ['count negative', [{ count: -1 }, CB]], ['callback in place of the options', [CB]]],
});
method('getRender', {
  success: D.render,
  calls: [['id', [F.RENDER_ID, CB]]],
  bad: [['missing callback', [F.RENDER_ID]]],
});
method('stopRender', {
  success: D.noContent,
  calls: [['id', [F.RENDER_ID, CB]]],
  bad: [['missing callback', [F.RENDER_ID]]],
});
method('startCaptions', {
  success: D.captions,
  calls: [
    ['empty options', [S, TOKEN, {}, CB]],
    ['null options', [S, TOKEN, null, CB]],
    ['every option', [S, TOKEN, { languageCode: 'en-US', maxDuration: 300, partialCaptions: false, statusCallbackUrl: 'https://cb' }, CB]],
    ['options in another order', [S, TOKEN, { partialCaptions: 'yes', maxDuration: null, languageCode: 'fr-FR' }, CB]],
  ],
  bad: [['callback in place of the options', [S, TOKEN, CB]], ['missing callback', [S, TOKEN, {}]]],
});
method('stopCaptions', {
  success: D.accepted,
  calls: [['id', [F.CAPTIONS_ID, CB]]],
  bad: [['missing callback', [F.CAPTIONS_ID]]],
});
method('registerCallback', {
  success: D.callback,
  calls: [
    ['every option', [{ group: 'archive', event: 'status', url: 'https://example.com/archive' }, CB]],
    ['keys in another order, and an unknown key', [{ url: 'https://example.com/cb', extra: 1, event: 'connectionCreated', group: 'connection' }, CB]],
    ['no options', [CB]],
  ],
  bad: [['missing callback', [{}]]],
});
method('unregisterCallback', {
  success: D.noContent,
  calls: [['id to encode', [F.CALLBACK_ID, CB]]],
  bad: [['no id', ['', CB]], ['missing callback', [F.CALLBACK_ID]]],
});
method('listCallbacks', {
  success: D.callbackList,
  calls: [['no options', [CB]], ['empty options', [{}, CB]]],
  bad: [['missing callback', []]],
});

// ---------------------------------------------------------------------------------------------
// Model methods: the object comes from a first call (answered with the documented body).

const VIA = {
  archive: { method: 'getArchive', args: [ARCHIVE_ID], reply: D.archive, pick: (args) => args[1] },
  listedArchive: { method: 'listArchives', args: [], reply: D.archiveList, pick: (args) => args[1][1] },
  broadcast: { method: 'getBroadcast', args: [BROADCAST_ID], reply: D.broadcast, pick: (args) => args[1] },
  listedBroadcast: { method: 'listBroadcasts', args: [], reply: D.broadcastList, pick: (args) => args[1][0] },
  callback: { method: 'registerCallback', args: [{}], reply: D.callback, pick: (args) => args[1] },
  listedCallback: { method: 'listCallbacks', args: [], reply: D.callbackList, pick: (args) => args[1][0] },
  session: { method: 'createSession', args: [{ mediaMode: 'routed' }], reply: D.createSession, pick: (args) => args[1] },
};
for (const [via, calls] of [
  ['archive', ['stop', 'delete']],
  ['listedArchive', ['stop', 'delete']],
  ['broadcast', ['stop']],
  ['listedBroadcast', ['stop']],
  ['callback', ['unregister']],
  ['listedCallback', ['unregister']],
]) {
  for (const name of calls) {
    const success = name === 'stop' ? (via.includes('roadcast') ? D.stoppedBroadcast : D.stoppedArchive) : D.noContent;
    add({ id: `${via}.${name}`, method: name, args: [CB], reply: reply(success), via: VIA[via] });
    add({ id: `${via}.${name} › reply: 404 JSON`, method: name, args: [CB], reply: json(404, { message: 'nope' }), via: VIA[via] });
  }
}
// Model methods without their object: 2.x defined them as closures on each object.
for (const [via, name, answer] of [
  ['archive', 'stop', D.stoppedArchive],
  ['archive', 'delete', D.noContent],
  ['broadcast', 'stop', D.stoppedBroadcast],
  ['callback', 'unregister', D.noContent],
]) {
  add({ id: `detached › ${via}.${name}`, method: name, args: [CB], reply: reply(answer), via: VIA[via], detached: true });
}
for (const entry of cases) {
  if (typeof entry.via === 'string') entry.via = VIA[entry.via];
}

// ---------------------------------------------------------------------------------------------
// Client options and modes, on one GET and one POST.

const CLIENTS = [
  ['apiUrl string', { options: 'http://localhost:8080' }],
  ['apiUrl option', { options: { apiUrl: 'http://localhost:8080' } }],
  ['apiUrl with a trailing slash', { options: { apiUrl: 'http://localhost:8080/' } }],
  ['uaAddendum', { options: { uaAddendum: 'my-app/2.1' } }],
  ['timeout option (a slow reply)', { options: { timeout: 100 } }, { delay: 400 }],
  ['numeric API key', { key: 123456 }],
  ['Vonage application', { key: F.APPLICATION_ID, secret: 'PRIVATE_KEY' }],
];
for (const [label, client, extra = {}] of CLIENTS) {
  add({ id: `client: ${label} › getArchive`, method: 'getArchive', args: [ARCHIVE_ID, CB], reply: { ...reply(D.archive), ...extra }, client });
  add({ id: `client: ${label} › createSession`, method: 'createSession', args: [{ mediaMode: 'routed' }, CB], reply: { ...reply(D.createSession), ...extra }, client });
}
add({ id: 'client: Vonage application › generateToken', method: 'generateToken', args: [S, { role: 'moderator', data: 'd' }], reply: null, returns: true, client: { key: F.APPLICATION_ID, secret: 'PRIVATE_KEY' } });
add({ id: 'client: Vonage application › generateToken with expireTime', method: 'generateToken', args: [S, { expireTime: F.NOW_S + 3600, initialLayoutClassList: ['focus'] }], reply: null, returns: true, client: { key: F.APPLICATION_ID, secret: 'PRIVATE_KEY' } });
add({ id: 'client: Vonage application › generateToken with a bad role', method: 'generateToken', args: [S, { role: 'admin' }], reply: null, returns: true, client: { key: F.APPLICATION_ID, secret: 'PRIVATE_KEY' } });
add({ id: 'client: Vonage application › generateToken, no session check', method: 'generateToken', args: ['not a session ID'], reply: null, returns: true, client: { key: F.APPLICATION_ID, secret: 'PRIVATE_KEY' } });
add({ id: 'client: Vonage application › generateJwt', method: 'generateJwt', args: [], reply: null, returns: true, client: { key: F.APPLICATION_ID, secret: 'PRIVATE_KEY' } });

// A callback that throws (a bug in the app), on success and on failure.
for (const [label, answer] of [['success', D.archive], ['404', json(404, { message: 'nope' })]]) {
  add({ id: `throwing callback › getArchive, ${label}`, method: 'getArchive', args: [ARCHIVE_ID, CB], reply: reply(answer), throwingCallback: true });
}
add({ id: 'throwing callback › createSession, success', method: 'createSession', args: [CB], reply: reply(D.createSession), throwingCallback: true });
add({ id: 'throwing callback › signal, success', method: 'signal', args: [S, null, { data: 'x' }, CB], reply: reply(D.noContent), throwingCallback: true });

// The constructor: the client it builds (as the caller can read it), or what it throws.
for (const [label, args] of [
  ['key and secret', [F.API_KEY, F.API_SECRET]],
  ['without new', [F.API_KEY, F.API_SECRET]],
  ['numeric key', [123456, F.API_SECRET]],
  ['apiUrl string', [F.API_KEY, F.API_SECRET, 'http://localhost:8080']],
  ['options object', [F.API_KEY, F.API_SECRET, { apiUrl: 'https://api.example.com', timeout: 5000, uaAddendum: 'x/1' }]],
  ['ignored third arguments', [F.API_KEY, F.API_SECRET, ['http://x']]],
  ['apiEndpoint is not an option', [F.API_KEY, F.API_SECRET, { apiEndpoint: 'https://x' }]],
  ['Vonage application', [F.APPLICATION_ID, 'PRIVATE_KEY']],
  ['bad: no arguments', []],
  ['bad: secret not a string', [F.API_KEY, 42]],
  ['bad: key not a string, secret a string', [{ key: 1 }, F.API_SECRET]],
  ['bad: secret an object', [F.API_KEY, { secret: 1 }]],
  ['bad option: apiUrl not a URL', [F.API_KEY, F.API_SECRET, { apiUrl: 'not a url' }]],
  ['bad option: apiUrl string not a URL', [F.API_KEY, F.API_SECRET, 'api.opentok.com']],
  ['bad option: timeout not a number', [F.API_KEY, F.API_SECRET, { timeout: 'abc' }]],
  ['bad option: timeout NaN', [F.API_KEY, F.API_SECRET, { timeout: NaN }]],
  ['bad option: timeout negative', [F.API_KEY, F.API_SECRET, { timeout: -1 }]],
  ['bad option: maxRetries negative', [F.API_KEY, F.API_SECRET, { maxRetries: -1 }]],
  ['bad option: proxy not a URL', [F.API_KEY, F.API_SECRET, { proxy: 'not a url' }]],
  ['options: timeout a string of digits', [F.API_KEY, F.API_SECRET, { timeout: '5000' }]],
  ['options: apiUrl null and undefined', [F.API_KEY, F.API_SECRET, { apiUrl: null, timeout: undefined }]],
  ['apiUrl string with a trailing slash', [F.API_KEY, F.API_SECRET, 'https://api.example.com/']],
]) {
  add({ id: `constructor › ${label}`, method: label === 'without new' ? 'OpenTok()' : 'new OpenTok()', args, reply: null, returns: true });
}

// The module paths 2.x exposed: `opentok/lib/opentok.js`, `lib/session.js`, `lib/sipInterconnect.js`.
add({ id: 'lib/opentok.js is the constructor', method: 'lib/opentok.js', args: [], reply: null, returns: true });
add({ id: 'lib/session.js › new Session(ot, id, properties)', method: 'lib/session.js', args: [S, { location: '12.34.56.78', mediaMode: 'routed', custom: 1 }], reply: null, returns: true });
add({ id: 'lib/session.js › new Session(ot, id)', method: 'lib/session.js', args: [S], reply: null, returns: true });
add({ id: 'lib/sipInterconnect.js › new SipInterconnect(ot, properties)', method: 'lib/sipInterconnect.js', args: [D.dial.body], reply: null, returns: true });

// Detached calls, as `util.promisify(opentok.startArchive)` makes them.
for (const [name, args, answer] of [
  ['startArchive', [S, CB], D.archive],
  ['getArchive', [ARCHIVE_ID, CB], D.archive],
  ['listArchives', [CB], D.archiveList],
  ['signal', [S, null, { data: 'x' }, CB], D.noContent],
  ['forceDisconnect', [S, CONNECTION_ID, CB], D.noContent],
  ['listRenders', [{}, CB], D.renderList],
  ['startCaptions', [S, TOKEN, {}, CB], D.captions],
  ['listCallbacks', [CB], D.callbackList],
  ['getBroadcast', [BROADCAST_ID, CB], D.broadcast],
  ['getStream', [S, STREAM_ID, CB], D.stream],
  ['dial', [S, TOKEN, 'sip:user@sip.example.com', CB], D.dial],
  ['createSession', [CB], D.createSession],
]) {
  add({ id: `detached › ${name}`, method: name, args, reply: reply(answer), detached: true });
}

module.exports = { cases, CB };
