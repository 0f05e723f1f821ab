// Type test: a CommonJS TypeScript consumer, `import OpenTok = require('opentok')`, without
// esModuleInterop. Compiled (never run) by test/types.test.js; every line must type-check and the
// `assertType` lines pin the exact types the public declarations give.
import https = require('https');
import OpenTok = require('opentok');
import LegacyOpenTok = require('opentok/lib/opentok.js');
import LegacySession = require('opentok/lib/session.js');
import LegacySipInterconnect = require('opentok/lib/sipInterconnect.js');
import { Emulator } from 'opentok/emulator';

/** `true` only when A and B are the same type (not merely assignable). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when the type of `value` is exactly `Expected`. */
declare function assertType<Expected>(): <Actual>(value: Actual, proof: Equal<Actual, Expected>) => void;

const API_KEY = '123456';
const API_SECRET = '1234567890abcdef1234567890abcdef1234567890';
const SESSION_ID = '1_MX4xMjM0NTZ-fjE2MDAwMDAwMDAwMDB-YWJjZGVm-fg';

// ---------------------------------------------------------------------------------------------
// Constructor forms: with and without `new`, a numeric key, a base URL string, an options object.
const opentok: OpenTok = new OpenTok(API_KEY, API_SECRET);
const withoutNew: OpenTok.Client = OpenTok(API_KEY, API_SECRET);
const numericKey = new OpenTok(123456, API_SECRET);
const withUrl = new OpenTok(API_KEY, API_SECRET, 'https://api.example.com');
const options: OpenTok.Options = {
  apiUrl: 'https://api.example.com',
  proxy: 'http://proxy.example.com:3128',
  uaAddendum: 'my-app/1.0',
  timeout: 5000,
  agent: new https.Agent({ keepAlive: true }),
};
const withOptions = new OpenTok(API_KEY, API_SECRET, options);
assertType<OpenTok.Client>()(withoutNew, true);
assertType<OpenTok.Client>()(numericKey, true);
assertType<OpenTok.Client>()(withUrl, true);
assertType<OpenTok.Client>()(withOptions, true);
assertType<string>()(opentok.apiKey, true);
assertType<string>()(opentok.apiSecret, true);
assertType<string>()(opentok.apiUrl, true);
assertType<boolean>()(opentok instanceof OpenTok, true);
// The legacy deep path is the same constructor.
const legacy: OpenTok = new LegacyOpenTok(API_KEY, API_SECRET);
assertType<typeof OpenTok>()(LegacyOpenTok, true);

// ---------------------------------------------------------------------------------------------
// Tokens and JWTs.
const tokenOptions: OpenTok.TokenOptions = {
  role: 'moderator',
  expireTime: Math.round(Date.now() / 1000) + 3600,
  data: 'name=Johnny',
  initialLayoutClassList: ['focus', 'inactive'],
};
const roles: OpenTok.TokenRole[] = ['publisher', 'publisheronly', 'subscriber', 'moderator'];
assertType<string>()(opentok.generateToken(SESSION_ID), true);
assertType<string>()(opentok.generateToken(SESSION_ID, tokenOptions), true);
assertType<string>()(opentok.generateToken(SESSION_ID, { initialLayoutClassList: 'focus' }), true);
assertType<string>()(opentok.generateToken(SESSION_ID, null, true), true);
assertType<string>()(opentok.generateToken(SESSION_ID, { role: roles[0] }, false), true);
assertType<string>()(opentok.generateJwt(), true);

// ---------------------------------------------------------------------------------------------
// Sessions.
const sessionOptions: OpenTok.SessionOptions = {
  mediaMode: 'routed',
  archiveMode: 'always',
  location: '12.34.56.78',
  e2ee: false,
  archiveName: 'auto',
  archiveResolution: '1280x720',
};
opentok.createSession((err, session) => {
  assertType<OpenTok.OpenTokError | null>()(err, true);
  assertType<OpenTok.Session>()(session, true);
});
opentok.createSession(sessionOptions, (err: Error | null, session?: OpenTok.Session) => {
  if (err || !session) return;
  assertType<string>()(session.sessionId, true);
  assertType<OpenTok.Client>()(session.ot, true);
  assertType<'routed' | 'relayed' | undefined>()(session.mediaMode, true);
  assertType<'manual' | 'always' | undefined>()(session.archiveMode, true);
  assertType<string>()(session.generateToken(), true);
  assertType<string>()(session.generateToken({ role: 'subscriber' }, true), true);
});
opentok.createSession(null, (err) => {
  if (err instanceof OpenTok.RequestError) assertType<number | undefined>()(err.statusCode, true);
});
// Session is also a constructor (OpenTok.Session and the legacy path `opentok/lib/session.js`).
const wrapped = new OpenTok.Session(opentok, SESSION_ID);
const legacyWrapped: OpenTok.Session = new LegacySession(opentok, SESSION_ID, { mediaMode: 'routed' });
assertType<OpenTok.Session>()(wrapped, true);
assertType<string>()(legacyWrapped.generateToken(tokenOptions), true);

// ---------------------------------------------------------------------------------------------
// Archives.
const archiveOptions: OpenTok.ArchiveOptions = {
  name: 'Important Presentation',
  hasAudio: true,
  hasVideo: true,
  outputMode: 'composed',
  layout: { type: 'bestFit', screenshareType: 'horizontalPresentation' },
  resolution: '1920x1080',
  streamMode: 'manual',
  multiArchiveTag: 'tag',
  maxBitrate: 2000000,
};
const customLayout: OpenTok.LayoutOptions = { type: 'custom', stylesheet: 'stream.instructor {position: absolute;}' };
const pipLayout: OpenTok.LayoutOptions = { type: 'pip' };
opentok.startArchive(SESSION_ID, (err, archive) => {
  assertType<OpenTok.OpenTokError | null>()(err, true);
  assertType<OpenTok.Archive>()(archive, true);
});
opentok.startArchive(SESSION_ID, archiveOptions, (err: Error | null, archive?: OpenTok.Archive) => {
  if (err instanceof OpenTok.ArchiveError) {
    assertType<OpenTok.ArchiveError>()(err, true);
    assertType<number | undefined>()(err.statusCode, true);
    assertType<string>()(err.message, true);
    return;
  }
  if (!archive) return;
  assertType<string>()(archive.id, true);
  assertType<OpenTok.ArchiveStatus>()(archive.status, true);
  assertType<string | null>()(archive.name, true);
  assertType<string>()(archive.sessionId, true);
  assertType<number>()(archive.createdAt, true);
  assertType<number>()(archive.size, true);
  assertType<number>()(archive.duration, true);
  assertType<'composed' | 'individual'>()(archive.outputMode, true);
  assertType<string | null>()(archive.url, true);
  archive.stop((stopErr, stopped) => {
    assertType<OpenTok.OpenTokError | null>()(stopErr, true);
    assertType<OpenTok.Archive>()(stopped, true);
  });
  archive.delete((deleteErr) => assertType<OpenTok.OpenTokError | null>()(deleteErr, true));
});
opentok.startArchive(SESSION_ID, { outputMode: 'individual' }, () => undefined);
opentok.startArchive(SESSION_ID, { layout: customLayout, resolution: '720x1280' }, () => undefined);
opentok.startArchive(SESSION_ID, { layout: pipLayout, streamMode: 'auto', quantizationParameter: 25 }, () => undefined);
opentok.startArchive(SESSION_ID, null, () => undefined);
opentok.stopArchive('ARCHIVE_ID', (err, archive) => assertType<OpenTok.Archive>()(archive, true));
opentok.getArchive('ARCHIVE_ID', (err, archive) => {
  if (err instanceof OpenTok.NotFoundError) assertType<number | undefined>()(err.statusCode, true);
  assertType<OpenTok.Archive>()(archive, true);
});
opentok.deleteArchive('ARCHIVE_ID', (err) => assertType<OpenTok.OpenTokError | null>()(err, true));
opentok.listArchives((err, archives, totalCount) => {
  assertType<OpenTok.OpenTokError | null>()(err, true);
  assertType<OpenTok.Archive[]>()(archives, true);
  assertType<number>()(totalCount, true);
});
opentok.listArchives(
  { offset: 0, count: 100, sessionId: SESSION_ID },
  (err: Error | null, archives?: OpenTok.Archive[], totalCount?: number) => {
    if (archives && totalCount !== undefined) assertType<string>()(archives[0].id, true);
  },
);
opentok.addArchiveStream('ARCHIVE_ID', 'STREAM_ID', (err) => assertType<OpenTok.OpenTokError | null>()(err, true));
opentok.addArchiveStream('ARCHIVE_ID', 'STREAM_ID', { hasAudio: true, hasVideo: false }, () => undefined);
opentok.removeArchiveStream('ARCHIVE_ID', 'STREAM_ID', (err) => assertType<OpenTok.OpenTokError | null>()(err, true));
opentok.setArchiveLayout('ARCHIVE_ID', 'pip', (err, body, response) => {
  assertType<OpenTok.OpenTokError | null>()(err, true);
  assertType<unknown>()(body, true);
  assertType<OpenTok.HttpResponse | null>()(response, true);
  if (response) {
    assertType<number>()(response.status, true);
    assertType<string | null>()(response.headers.get('x-request-id'), true);
    assertType<boolean>()(response.headers.has('content-type'), true);
    for (const [name, value] of response.headers) assertType<string>()(name + value, true);
    const headers: OpenTok.HttpResponseHeaders = response.headers;
    assertType<boolean>()(headers.has('etag'), true);
  }
});
opentok.setArchiveLayout('ARCHIVE_ID', 'custom', 'stream { position: absolute; }', () => undefined);
opentok.setArchiveLayout('ARCHIVE_ID', 'bestFit', null, 'verticalPresentation', () => undefined);

// ---------------------------------------------------------------------------------------------
// Broadcasts.
const broadcastOptions: OpenTok.BroadcastOptions = {
  outputs: {
    hls: { dvr: true },
    rtmp: [{ id: 'foo', serverUrl: 'rtmp://myfooserver/myfooapp', streamName: 'myfoostream' }],
  },
  maxDuration: 5400,
  resolution: '1280x720',
  layout: { type: 'verticalPresentation' },
  streamMode: 'auto',
  multiBroadcastTag: 'tag',
  maxBitrate: 1000000,
};
const lowLatency: OpenTok.HlsOutput = { lowLatency: true };
const resolution: OpenTok.BroadcastResolution = '1080x1920';
opentok.startBroadcast(SESSION_ID, broadcastOptions, (err, broadcast) => {
  assertType<OpenTok.OpenTokError | null>()(err, true);
  assertType<OpenTok.Broadcast>()(broadcast, true);
  if (!broadcast) return;
  assertType<string>()(broadcast.id, true);
  assertType<string>()(broadcast.sessionId, true);
  assertType<string | undefined>()(broadcast.broadcastUrls?.hls, true);
  broadcast.stop((stopErr, stopped) => assertType<OpenTok.Broadcast>()(stopped, true));
});
opentok.startBroadcast(SESSION_ID, { outputs: { hls: lowLatency }, resolution }, () => undefined);
opentok.stopBroadcast('BROADCAST_ID', (err, broadcast) => assertType<OpenTok.Broadcast>()(broadcast, true));
opentok.getBroadcast('BROADCAST_ID', (err: Error | null, broadcast?: OpenTok.Broadcast) => broadcast);
opentok.listBroadcasts((err, broadcasts, totalCount) => {
  assertType<OpenTok.Broadcast[]>()(broadcasts, true);
  assertType<number>()(totalCount, true);
});
opentok.listBroadcasts({ offset: 5, count: 10, sessionId: SESSION_ID }, () => undefined);
opentok.setBroadcastLayout('BROADCAST_ID', 'horizontalPresentation', () => undefined);
opentok.setBroadcastLayout('BROADCAST_ID', 'custom', 'stream {}', (err, body, response) => {
  assertType<unknown>()(body, true);
  assertType<OpenTok.HttpResponse | null>()(response, true);
});
opentok.setBroadcastLayout('BROADCAST_ID', 'bestFit', undefined, 'pip', () => undefined);
opentok.addBroadcastStream('BROADCAST_ID', 'STREAM_ID', (err, body) => assertType<unknown>()(body, true));
opentok.addBroadcastStream('BROADCAST_ID', 'STREAM_ID', { hasAudio: false }, () => undefined);
opentok.removeBroadcastStream('BROADCAST_ID', 'STREAM_ID', () => undefined);

// ---------------------------------------------------------------------------------------------
// SIP, DTMF, audio connector.
const dialOptions: OpenTok.DialOptions = {
  headers: { 'X-Foo': 'bar' },
  auth: { username: 'user', password: 'pass' },
  secure: true,
  from: '14155550101@example.com',
  video: true,
  observeForceMute: true,
  streams: ['STREAM_ID'],
};
opentok.dial(SESSION_ID, 'TOKEN', 'sip:user@sip.example.com;transport=tls', (err, sipCall) => {
  assertType<OpenTok.OpenTokError | null>()(err, true);
  assertType<OpenTok.SipCall>()(sipCall, true);
  if (err instanceof OpenTok.SipError) assertType<OpenTok.SipError>()(err, true);
});
opentok.dial(SESSION_ID, 'TOKEN', 'sip:user@sip.example.com', dialOptions, (err, sipCall?: OpenTok.SipInterconnect) => {
  if (!sipCall) return;
  assertType<string>()(sipCall.id, true);
  assertType<string>()(sipCall.connectionId, true);
  assertType<string>()(sipCall.streamId, true);
  assertType<OpenTok.Client>()(sipCall.client, true);
});
const legacySip: OpenTok.SipCall = new LegacySipInterconnect(opentok, { id: 'CONF_ID' });
assertType<typeof OpenTok.SipInterconnect>()(LegacySipInterconnect, true);
opentok.playDTMF(SESSION_ID, null, '1234#p*', (err) => assertType<OpenTok.OpenTokError | null>()(err, true));
opentok.playDTMF(SESSION_ID, 'CONNECTION_ID', '9', () => undefined);
const wsOptions: OpenTok.WebSocketConnectOptions = {
  streams: ['STREAM_ID'],
  headers: { 'X-Custom': 'value' },
  bidirectional: true,
};
opentok.websocketConnect(SESSION_ID, 'TOKEN', 'wss://example.com/ws', (err, connection) => {
  assertType<OpenTok.WebSocketConnection>()(connection, true);
  if (connection) assertType<string>()(connection.connectionId, true);
});
opentok.websocketConnect(SESSION_ID, 'TOKEN', 'wss://example.com/ws', wsOptions, () => undefined);

// ---------------------------------------------------------------------------------------------
// Streams, moderation, signaling.
opentok.getStream(SESSION_ID, 'STREAM_ID', (err, stream) => {
  assertType<OpenTok.Stream>()(stream, true);
  if (!stream) return;
  assertType<string>()(stream.id, true);
  assertType<string[]>()(stream.layoutClassList, true);
});
opentok.listStreams(SESSION_ID, (err: Error | null, streams?: OpenTok.Stream[]) => {
  assertType<OpenTok.Stream[] | undefined>()(streams, true);
});
const classLists: OpenTok.StreamClassList[] = [{ id: 'STREAM_ID', layoutClassList: ['focus'] }];
opentok.setStreamClassLists(SESSION_ID, classLists, (err, body, response) => {
  assertType<unknown>()(body, true);
  assertType<OpenTok.HttpResponse | null>()(response, true);
});
opentok.forceDisconnect(SESSION_ID, 'CONNECTION_ID', (err) => {
  if (err instanceof OpenTok.ForceDisconnectError) assertType<number | undefined>()(err.statusCode, true);
});
opentok.forceMuteStream(SESSION_ID, 'STREAM_ID', (err) => assertType<OpenTok.OpenTokError | null>()(err, true));
opentok.forceMuteAll(SESSION_ID, (err) => assertType<OpenTok.OpenTokError | null>()(err, true));
const muteOptions: OpenTok.ForceMuteAllOptions = { excludedStreamIds: ['STREAM_ID'] };
opentok.forceMuteAll(SESSION_ID, muteOptions, () => undefined);
opentok.disableForceMute(SESSION_ID, () => undefined);
const payload: OpenTok.SignalPayload = { type: 'chat', data: 'Hello!' };
opentok.signal(SESSION_ID, null, payload, (err) => {
  if (err instanceof OpenTok.SignalError) assertType<OpenTok.SignalError>()(err, true);
});
opentok.signal(SESSION_ID, 'CONNECTION_ID', { data: 'direct' }, () => undefined);

// ---------------------------------------------------------------------------------------------
// Experience Composer renders.
const renderOptions: OpenTok.RenderOptions = {
  sessionId: SESSION_ID,
  token: 'TOKEN',
  url: 'https://example.com/page',
  maxDuration: 1800,
  resolution: '1280x720',
  statusCallbackUrl: 'https://example.com/status',
  properties: { name: 'Composed stream' },
};
opentok.startRender(renderOptions, (err, render, response) => {
  assertType<OpenTok.OpenTokError | null>()(err, true);
  assertType<OpenTok.Render>()(render, true);
  assertType<OpenTok.HttpResponse>()(response, true);
  if (render) assertType<'starting' | 'started' | 'stopped' | 'failed'>()(render.status, true);
});
opentok.getRender('RENDER_ID', (err, render) => assertType<OpenTok.Render>()(render, true));
opentok.listRenders({ offset: 0, count: 10 }, (err, result) => {
  assertType<{ count: number; items: OpenTok.Render[] }>()(result, true);
});
opentok.listRenders(null, () => undefined);
opentok.stopRender('RENDER_ID', (err, result) => assertType<string>()(result, true));

// ---------------------------------------------------------------------------------------------
// Live captions and event callbacks.
const captionsOptions: OpenTok.CaptionsOptions = { languageCode: 'en-US', maxDuration: 1800, partialCaptions: false };
opentok.startCaptions(SESSION_ID, 'TOKEN', captionsOptions, (err, captionsId) => {
  assertType<string>()(captionsId, true);
  if (err instanceof OpenTok.CaptionsError) assertType<number | undefined>()(err.statusCode, true);
});
opentok.startCaptions(SESSION_ID, 'TOKEN', null, () => undefined);
opentok.stopCaptions('CAPTIONS_ID', (err, stopped) => assertType<boolean>()(stopped, true));
const callbackOptions: OpenTok.CallbackOptions = { group: 'connection', event: 'created', url: 'https://example.com/cb' };
opentok.registerCallback(callbackOptions, (err, callback) => {
  assertType<OpenTok.Callback>()(callback, true);
  if (!callback) return;
  assertType<string>()(callback.id, true);
  assertType<string>()(callback.url, true);
  callback.unregister((unregisterErr) => assertType<OpenTok.OpenTokError | null>()(unregisterErr, true));
  if (err instanceof OpenTok.CallbackError) assertType<OpenTok.CallbackError>()(err, true);
});
opentok.unregisterCallback('CALLBACK_ID', (err) => assertType<OpenTok.OpenTokError | null>()(err, true));
opentok.listCallbacks((err, callbacks) => assertType<OpenTok.Callback[]>()(callbacks, true));

// ---------------------------------------------------------------------------------------------
// The promise API: every resolved type.
async function promises(ot: OpenTok): Promise<void> {
  const api: OpenTok.Promises = ot.promises;
  const session: OpenTok.Session = await api.createSession({ mediaMode: 'routed' });
  assertType<OpenTok.Session>()(await api.createSession(), true);
  assertType<OpenTok.Archive>()(await api.startArchive(session.sessionId, archiveOptions), true);
  assertType<OpenTok.Archive>()(await api.startArchive(session.sessionId), true);
  assertType<OpenTok.Archive>()(await api.stopArchive('ARCHIVE_ID'), true);
  assertType<OpenTok.Archive>()(await api.getArchive('ARCHIVE_ID'), true);
  assertType<void>()(await api.deleteArchive('ARCHIVE_ID'), true);
  const page: OpenTok.ListPage<OpenTok.Archive> = await ot.promises.listArchives();
  assertType<OpenTok.ListPage<OpenTok.Archive>>()(page, true);
  assertType<OpenTok.Archive[]>()(page.items, true);
  assertType<number>()(page.totalCount, true);
  assertType<OpenTok.ListPage<OpenTok.Archive>>()(await api.listArchives({ count: 5 }), true);
  assertType<void>()(await api.addArchiveStream('ARCHIVE_ID', 'STREAM_ID', { hasVideo: false }), true);
  assertType<void>()(await api.removeArchiveStream('ARCHIVE_ID', 'STREAM_ID'), true);
  assertType<unknown>()(await api.setArchiveLayout('ARCHIVE_ID', 'custom', 'stream {}'), true);
  assertType<unknown>()(await api.setArchiveLayout('ARCHIVE_ID', 'bestFit', null, 'pip'), true);
  assertType<OpenTok.Broadcast>()(await api.startBroadcast(session.sessionId, broadcastOptions), true);
  assertType<OpenTok.Broadcast>()(await api.stopBroadcast('BROADCAST_ID'), true);
  assertType<OpenTok.Broadcast>()(await api.getBroadcast('BROADCAST_ID'), true);
  assertType<OpenTok.ListPage<OpenTok.Broadcast>>()(await api.listBroadcasts({ offset: 0 }), true);
  assertType<unknown>()(await api.setBroadcastLayout('BROADCAST_ID', 'pip'), true);
  assertType<unknown>()(await api.addBroadcastStream('BROADCAST_ID', 'STREAM_ID'), true);
  assertType<unknown>()(await api.removeBroadcastStream('BROADCAST_ID', 'STREAM_ID'), true);
  assertType<OpenTok.SipCall>()(await api.dial(session.sessionId, 'TOKEN', 'sip:a@b', dialOptions), true);
  assertType<void>()(await api.playDTMF(session.sessionId, undefined, '1#'), true);
  assertType<OpenTok.WebSocketConnection>()(await api.websocketConnect(session.sessionId, 'TOKEN', 'wss://x'), true);
  assertType<OpenTok.Stream>()(await api.getStream(session.sessionId, 'STREAM_ID'), true);
  assertType<OpenTok.Stream[]>()(await api.listStreams(session.sessionId), true);
  assertType<unknown>()(await api.setStreamClassLists(session.sessionId, classLists), true);
  assertType<void>()(await api.forceDisconnect(session.sessionId, 'CONNECTION_ID'), true);
  assertType<void>()(await api.forceMuteStream(session.sessionId, 'STREAM_ID'), true);
  assertType<void>()(await api.forceMuteAll(session.sessionId, muteOptions), true);
  assertType<void>()(await api.disableForceMute(session.sessionId), true);
  assertType<void>()(await api.signal(session.sessionId, null, payload), true);
  assertType<{ count: number; items: OpenTok.Render[] }>()(await api.listRenders(), true);
  assertType<OpenTok.Render>()(await api.getRender('RENDER_ID'), true);
  assertType<OpenTok.Render>()(await api.startRender(renderOptions), true);
  assertType<unknown>()(await api.stopRender('RENDER_ID'), true);
  assertType<string>()(await api.startCaptions(session.sessionId, 'TOKEN'), true);
  assertType<boolean>()(await api.stopCaptions('CAPTIONS_ID'), true);
  assertType<OpenTok.Callback>()(await api.registerCallback(callbackOptions), true);
  assertType<void>()(await api.unregisterCallback('CALLBACK_ID'), true);
  assertType<OpenTok.Callback[]>()(await api.listCallbacks(), true);

  // The iterators: async iterators of the list methods' items, their options named types.
  assertType<AsyncIterableIterator<OpenTok.Archive>>()(api.iterateArchives(), true);
  const archiveWalk: OpenTok.IterateArchivesOptions = { sessionId: session.sessionId, pageSize: 100, offset: 0 };
  for await (const archive of api.iterateArchives(archiveWalk)) assertType<OpenTok.Archive>()(archive, true);
  const broadcastWalk: OpenTok.IterateBroadcastsOptions = { sessionId: session.sessionId };
  for await (const broadcast of api.iterateBroadcasts(broadcastWalk)) assertType<OpenTok.Broadcast>()(broadcast, true);
  const renderWalk: OpenTok.IterateRendersOptions = { pageSize: 1000 };
  for await (const render of api.iterateRenders(renderWalk)) assertType<OpenTok.Render>()(render, true);
  assertType<AsyncIterableIterator<OpenTok.Render>>()(api.iterateRenders(null), true);
  const next: IteratorResult<OpenTok.Broadcast, unknown> = await api.iterateBroadcasts().next();
  assertType<IteratorResult<OpenTok.Broadcast, unknown>>()(next, true);

  // Rejections carry the callback's error classes; instanceof narrows them.
  try {
    await api.getArchive('missing');
  } catch (error: unknown) {
    if (error instanceof OpenTok.NotFoundError) {
      assertType<OpenTok.NotFoundError>()(error, true);
      assertType<number | undefined>()(error.statusCode, true);
      assertType<unknown>()(error.body, true);
    } else if (error instanceof OpenTok.AuthError) {
      assertType<number | undefined>()(error.statusCode, true);
    } else if (error instanceof OpenTok.ArgumentError || error instanceof OpenTok.RequestError) {
      assertType<string>()(error.name, true);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Error classes: constructible, real Error subclasses, narrowing by instanceof.
function describe(err: Error | null): string {
  if (err instanceof OpenTok.AuthError) return `auth ${err.statusCode ?? ''}`;
  if (err instanceof OpenTok.NotFoundError) return `missing ${String(err.statusCode)}`;
  return err ? err.message : 'ok';
}
const authError: OpenTok.AuthError = new OpenTok.AuthError();
const argumentError: Error = new OpenTok.ArgumentError('bad argument');
const openTokError: OpenTok.OpenTokError = new OpenTok.RequestError('boom');
assertType<string>()(describe(authError), true);
assertType<string>()(describe(argumentError), true);
assertType<number | undefined>()(openTokError.statusCode, true);

// ---------------------------------------------------------------------------------------------
// Callbacks as `@types/node` declares them: the result is not optional, so it can be annotated
// with the model type; the error is the SDK's base class, whose status and body need no cast.
opentok.getArchive('ARCHIVE_ID', (err, archive: OpenTok.Archive) => {
  if (err) {
    assertType<number | undefined>()(err.statusCode, true);
    assertType<unknown>()(err.body, true);
    assertType<unknown>()(err.cause, true);
    return;
  }
  assertType<number>()(archive.duration, true);
});
opentok.listArchives({ count: 5 }, (err, archives: OpenTok.Archive[], totalCount: number) => {
  if (!err) assertType<number>()(archives.length + totalCount, true);
});
opentok.setStreamClassLists(SESSION_ID, classLists as ReadonlyArray<OpenTok.StreamClassList>, (err, body, response) => {
  assertType<OpenTok.HttpResponse | null>()(response, true);
});

// ---------------------------------------------------------------------------------------------
// The names `@types/opentok` declares, as aliases of the SDK's own types where the shape is the same.
const sameTypes: [
  Equal<OpenTok.Env, OpenTok.Options>,
  Equal<OpenTok.Token, string>,
  Equal<OpenTok.StreamId, string>,
  Equal<OpenTok.Role, OpenTok.TokenRole>,
  Equal<OpenTok.PatchStream, OpenTok.StreamTrackOptions>,
  Equal<OpenTok.SignalOptions, OpenTok.SignalPayload>,
  Equal<OpenTok.OutputMode, 'composed' | 'individual'>,
  Equal<OpenTok.MediaMode, 'relayed' | 'routed'>,
  Equal<OpenTok.ArchiveMode, 'manual' | 'always'>,
  Equal<OpenTok.ArchiveLayoutOptions, OpenTok.LayoutOptions>,
  Equal<OpenTok.PredefinedArchiveLayoutOptions, OpenTok.PredefinedLayoutOptions>,
  Equal<OpenTok.CustomArchiveLayoutOptions, OpenTok.CustomLayoutOptions>,
  Equal<OpenTok.ScreenshareArchiveLayoutOptions, OpenTok.ScreenshareLayoutOptions>,
  Equal<OpenTok.BroadcastLayoutType, Exclude<OpenTok.LayoutType, 'custom'>>,
  Equal<OpenTok.BroadcastLayoutOptions, OpenTok.PredefinedLayoutOptions>,
  Equal<OpenTok.CustomBroadcastLayoutOptions, OpenTok.CustomLayoutOptions>,
  Equal<OpenTok.BroadcastLayout, OpenTok.LayoutOptions>,
  Equal<OpenTok.BroadcastOutputOptionsRtmp, OpenTok.RtmpOutput>,
  Equal<OpenTok.BroadcastOutputOptions, OpenTok.BroadcastOutputs>,
  Equal<OpenTok.BroadcastUrlsResponse, OpenTok.BroadcastUrls>,
  Equal<OpenTok.BroadcastStopResponse, OpenTok.Broadcast>,
  Equal<OpenTok.BroadcastOptions['outputs'], OpenTok.BroadcastOutputs>,
  Equal<NonNullable<OpenTok.Broadcast['broadcastUrls']>, OpenTok.BroadcastUrls>,
  Equal<OpenTok.Archive['outputMode'], OpenTok.OutputMode>,
  Equal<OpenTok.Session['mediaMode'], OpenTok.MediaMode | undefined>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];

// ---------------------------------------------------------------------------------------------
// The emulator entry point `opentok/emulator`.
async function emulator(): Promise<void> {
  const server = await Emulator.start();
  assertType<string>()(server.url, true);
  const project = server.createProject();
  const client = new OpenTok(project.apiKey, project.apiSecret, server.url);
  assertType<OpenTok.Session>()(await client.promises.createSession(), true);
  await server.close();
}

export { legacy, legacySip, promises, emulator, sameTypes };
