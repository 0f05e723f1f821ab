// Type test: a program written against `@types/opentok` 2.14.4 (DefinitelyTyped), the way its
// users write it: `import OpenTok = require('opentok')`, every method of its `OpenTok` class called
// with callbacks annotated exactly as its declarations annotate them (and in the `@types/node`
// style `(err, archive: OpenTok.Archive)`), every option type and every name of its `OpenTok`
// namespace. Compiled, never run, by test/types-definitely-typed.test.js three times:
// - against `@types/opentok` itself (tsconfig.dt-proof.json), which proves it is valid code for it;
// - against this package with DefinitelyTyped's compiler options (tsconfig.dt.json: ES5 target,
//   strictNullChecks off, skipLibCheck off);
// - against this package under --strict (tsconfig.json).
// A callback whose result is declared optional (`archive?: OpenTok.Archive`, as @types/opentok
// declares it) checks the result before use, as --strict requires with either declaration.
// Not called here: removeArchiveStream and removeBroadcastStream. `@types/opentok` declares an
// options argument that opentok 2.23 rejects (it throws an ArgumentError); this package declares
// what the runtime accepts, so a call valid for `@types/opentok` is a compile error here. That
// departure is checked in dt-cross-check.ts, the runtime behaviour in the test file.
import OpenTok = require('opentok');

declare const API_KEY: string;
declare const API_SECRET: string;
declare const SESSION_ID: string;
declare const ARCHIVE_ID: string;
declare const BROADCAST_ID: string;
declare const CONNECTION_ID: string;
declare function log(...values: unknown[]): void;

// ---- Construction: the instance type is named like the class ----------------------------------
const env: OpenTok.Env = { apiUrl: 'https://api.opentok.com', uaAddendum: 'my-app/1.0', timeout: 20000 };
const opentok: OpenTok = new OpenTok(API_KEY, API_SECRET, env);
const withoutEnv = new OpenTok(API_KEY, API_SECRET);

// ---- Sessions and tokens ----------------------------------------------------------------------
const mediaMode: OpenTok.MediaMode = 'routed';
const archiveMode: OpenTok.ArchiveMode = 'always';
const sessionOptions: OpenTok.SessionOptions = { mediaMode, archiveMode, location: '12.34.56.78' };
opentok.createSession(sessionOptions, (error: Error | null, session?: OpenTok.Session) => {
  if (error || !session) return log(error);
  const sessionId: string = session.sessionId;
  log(sessionId);
});
opentok.createSession({ mediaMode: 'relayed' }, (err, session: OpenTok.Session) => {
  if (err) return log(err);
  log(session.sessionId);
});

const role: OpenTok.Role = 'moderator';
const roles: OpenTok.Role[] = ['subscriber', 'publisher', 'moderator'];
const tokenOptions: OpenTok.TokenOptions = {
  role,
  data: 'name=Johnny',
  expireTime: Math.round(Date.now() / 1000) + 3600,
  initialLayoutClassList: ['focus'],
};
const token: OpenTok.Token = opentok.generateToken(SESSION_ID, tokenOptions);
const publisherToken: string = withoutEnv.generateToken(SESSION_ID);
const subscriberToken: OpenTok.Token = opentok.generateToken(SESSION_ID, { role: roles[0] });

// ---- Archives ---------------------------------------------------------------------------------
const outputMode: OpenTok.OutputMode = 'composed';
const predefinedLayout: OpenTok.PredefinedArchiveLayoutOptions = { type: 'verticalPresentation' };
const customLayout: OpenTok.CustomArchiveLayoutOptions = { type: 'custom', stylesheet: 'stream { position: absolute; }' };
const screenshareLayout: OpenTok.ScreenshareArchiveLayoutOptions = { type: 'bestFit', screenshareType: 'pip' };
const archiveLayouts: OpenTok.ArchiveLayoutOptions[] = [predefinedLayout, customLayout, screenshareLayout];
const archiveOptions: OpenTok.ArchiveOptions = {
  name: 'Important Presentation',
  hasAudio: true,
  hasVideo: true,
  outputMode,
  layout: archiveLayouts[2],
  resolution: '1280x720',
  streamMode: 'manual',
};

/** What a program reads from an archive: the fields on which both declarations agree. */
function describeArchive(archive: OpenTok.Archive): void {
  const status: OpenTok.ArchiveStatus = archive.status;
  const mode: OpenTok.OutputMode = archive.outputMode;
  const createdAt: number = archive.createdAt;
  const size: number = archive.size;
  const flags: boolean[] = [archive.hasAudio, archive.hasVideo];
  log(archive.id, archive.sessionId, archive.name, archive.url, status, mode, createdAt, size, flags, archive.streamMode);
}

opentok.startArchive(SESSION_ID, archiveOptions, (error: Error | null, archive?: OpenTok.Archive) => {
  if (error || !archive) return log(error);
  describeArchive(archive);
  archive.stop((stopError: Error | null, stopped?: OpenTok.Archive) => {
    if (stopError || !stopped) return log(stopError);
    stopped.delete((deleteError: Error | null) => log(deleteError));
  });
});
opentok.startArchive(SESSION_ID, { layout: customLayout }, (err, archive: OpenTok.Archive) => {
  if (err) return log(err);
  describeArchive(archive);
});
opentok.stopArchive(ARCHIVE_ID, (error: Error | null, archive?: OpenTok.Archive) => {
  if (!error && archive) describeArchive(archive);
});
opentok.getArchive(ARCHIVE_ID, (err, archive: OpenTok.Archive) => {
  if (!err) describeArchive(archive);
});
opentok.deleteArchive(ARCHIVE_ID, (error: Error | null) => log(error));
const listArchivesOptions: OpenTok.ListArchivesOptions = { count: 50, offset: 0, sessionId: SESSION_ID };
opentok.listArchives(listArchivesOptions, (error: Error | null, archives?: OpenTok.Archive[], totalCount?: number) => {
  if (error || !archives) return log(error);
  archives.forEach(describeArchive);
  log(totalCount);
});
opentok.listArchives({}, (err, archives: OpenTok.Archive[], totalCount: number) => {
  if (!err) log(archives.length, totalCount);
});

const streamId: OpenTok.StreamId = 'STREAM_ID';
const patch: OpenTok.PatchStream = { hasAudio: true, hasVideo: false };
opentok.addArchiveStream(ARCHIVE_ID, streamId, patch, (error: Error | null) => log(error));

const layoutType: OpenTok.BroadcastLayoutType = 'horizontalPresentation';
opentok.setArchiveLayout(ARCHIVE_ID, layoutType, null, (error: Error | null) => log(error));
opentok.setArchiveLayout(ARCHIVE_ID, 'custom', 'stream { position: absolute; }', (err) => log(err));

// ---- Broadcasts -------------------------------------------------------------------------------
const rtmp: OpenTok.BroadcastOutputOptionsRtmp = { id: 'foo', serverUrl: 'rtmp://example.com/app', streamName: 'key' };
const outputs: OpenTok.BroadcastOutputOptions = { hls: {}, rtmp: [rtmp] };
const broadcastLayoutOptions: OpenTok.BroadcastLayoutOptions = { type: 'bestFit' };
const customBroadcastLayout: OpenTok.CustomBroadcastLayoutOptions = { type: 'custom', stylesheet: 'stream {}' };
const broadcastLayouts: OpenTok.BroadcastLayout[] = [broadcastLayoutOptions, customBroadcastLayout];
const broadcastOptions: OpenTok.BroadcastOptions = {
  outputs,
  maxDuration: 5400,
  resolution: '1280x720',
  streamMode: 'auto',
  layout: broadcastLayouts[0],
};

/** What a program reads from a broadcast's URLs. */
function describeUrls(urls: OpenTok.BroadcastUrlsResponse): void {
  log(urls.hls, (urls.rtmp || []).map((output) => [output.id, output.serverUrl, output.streamName]));
}

/** What a program reads from a broadcast: the fields on which both declarations agree. */
function describeBroadcast(broadcast: OpenTok.Broadcast): void {
  const times: number[] = [broadcast.createdAt, broadcast.updatedAt];
  log(broadcast.id, broadcast.sessionId, broadcast.status, broadcast.resolution, times);
  if (broadcast.broadcastUrls) describeUrls(broadcast.broadcastUrls);
}

opentok.startBroadcast(SESSION_ID, broadcastOptions, (error: Error | null, broadcast: OpenTok.Broadcast) => {
  if (error) return log(error);
  describeBroadcast(broadcast);
  broadcast.stop((stopError: Error | null, stopped: OpenTok.Broadcast) => {
    if (!stopError) log(stopped.id);
  });
});
opentok.startBroadcast(SESSION_ID, { outputs: { rtmp: [rtmp] }, layout: customBroadcastLayout }, (err, broadcast) => {
  if (!err) describeBroadcast(broadcast);
});
opentok.getBroadcast(BROADCAST_ID, (error: Error | null, broadcast?: OpenTok.Broadcast) => {
  if (!error && broadcast) describeBroadcast(broadcast);
});
const listBroadcastsOptions: OpenTok.ListBroadcastsOptions = { count: 10, offset: 0, sessionId: SESSION_ID };
opentok.listBroadcasts(listBroadcastsOptions, (error: Error | null, broadcasts?: OpenTok.Broadcast[]) => {
  if (!error && broadcasts) broadcasts.forEach(describeBroadcast);
});
opentok.addBroadcastStream(BROADCAST_ID, streamId, patch, (error: Error | null) => log(error));
opentok.setBroadcastLayout(BROADCAST_ID, 'pip', null, (error: Error | null) => log(error));
opentok.stopBroadcast(BROADCAST_ID, (error: Error | null, broadcast: OpenTok.BroadcastStopResponse) => {
  if (error) return log(error);
  const ids: string[] = [broadcast.id, broadcast.sessionId];
  const times: number[] = [broadcast.createdAt, broadcast.updatedAt];
  log(ids, times, broadcast.resolution);
});

// ---- SIP, DTMF, streams, moderation, signaling ------------------------------------------------
const dialOptions: OpenTok.DialOptions = {
  headers: { 'X-Custom': 'value' },
  auth: { username: 'user', password: 'pass' },
  secure: true,
  from: '14155550101',
  video: false,
  observeForceMute: true,
};
opentok.dial(SESSION_ID, token, 'sip:user@sip.example.com', dialOptions, (error: Error | null, sipInterconnect: OpenTok.SipInterconnect) => {
  if (error) return log(error);
  const ids: string[] = [sipInterconnect.id, sipInterconnect.connectionId, sipInterconnect.streamId];
  log(ids);
});
opentok.playDTMF(SESSION_ID, CONNECTION_ID, '1713#', (error: Error | null) => log(error));
opentok.forceDisconnect(SESSION_ID, CONNECTION_ID, (error: Error | null) => log(error));

opentok.getStream(SESSION_ID, streamId, (error: Error | null, stream?: OpenTok.Stream) => {
  if (error || !stream) return log(error);
  const classes: string[] = stream.layoutClassList;
  const videoType: 'camera' | 'screen' | 'custom' = stream.videoType;
  log(stream.id, stream.name, classes, videoType);
});
opentok.listStreams(SESSION_ID, (err, streams: OpenTok.Stream[]) => {
  if (!err) log(streams.map((stream) => stream.id));
});
opentok.setStreamClassLists(SESSION_ID, [{ id: streamId, layoutClassList: ['focus'] }], (error: Error | null) => log(error));

const signal: OpenTok.SignalOptions = { type: 'chat', data: 'Hello!' };
opentok.signal(SESSION_ID, null, signal, (error: Error | null) => log(error));
opentok.signal(SESSION_ID, CONNECTION_ID, { type: 'chat', data: 'Hello you!' }, (err) => log(err));

export { publisherToken, subscriberToken };
