// Type test: misuses the public declarations must reject. Each `@ts-expect-error` names the
// TypeScript error code the next line must produce; test/types.test.js strips the directives and
// checks that exactly those lines fail, with those codes, and no other line does.
import OpenTok = require('opentok');

const opentok = new OpenTok('123456', 'secret');
const SESSION_ID = 'SESSION_ID';

// ---- Constructor -----------------------------------------------------------------------------
// @ts-expect-error TS2345 apiKey of a wrong type (a boolean)
new OpenTok(true, 'secret');
// @ts-expect-error TS2345 apiKey of a wrong type (an object)
OpenTok({ apiKey: '123456' }, 'secret');
// @ts-expect-error TS2554 apiSecret missing
new OpenTok('123456');
// @ts-expect-error TS2322 timeout of a wrong type
new OpenTok('123456', 'secret', { timeout: true });

// ---- Tokens ----------------------------------------------------------------------------------
// @ts-expect-error TS2322 unknown role
opentok.generateToken(SESSION_ID, { role: 'admin' });
// @ts-expect-error TS2554 generateToken without sessionId
opentok.generateToken();
// @ts-expect-error TS2322 expireTime is a number of seconds, not a Date
opentok.generateToken(SESSION_ID, { expireTime: new Date() });
// @ts-expect-error TS2322 generateToken returns a string
const notAnObject: { token: string } = opentok.generateToken(SESSION_ID);

// ---- Sessions --------------------------------------------------------------------------------
// @ts-expect-error TS2322 wrong mediaMode string
opentok.createSession({ mediaMode: 'p2p' }, () => undefined);
// @ts-expect-error TS2322 wrong archiveMode string
opentok.createSession({ archiveMode: 'auto' }, () => undefined);
// @ts-expect-error TS2561 misspelt option key
opentok.createSession({ mediaMod: 'routed' }, () => undefined);
// @ts-expect-error TS2345 wrong callback parameter type: the session is not a string
opentok.createSession((err: Error | null, session?: string) => session);

// ---- Archives --------------------------------------------------------------------------------
// @ts-expect-error TS2322 wrong outputMode string
opentok.startArchive(SESSION_ID, { outputMode: 'mixed' }, () => undefined);
// @ts-expect-error TS2322 wrong streamMode string
opentok.startArchive(SESSION_ID, { streamMode: 'always' }, () => undefined);
// @ts-expect-error TS2322 wrong resolution string
opentok.startArchive(SESSION_ID, { resolution: '800x600' }, () => undefined);
// @ts-expect-error TS2322 screenshareType with a non-bestFit layout type
opentok.startArchive(SESSION_ID, { layout: { type: 'pip', screenshareType: 'bestFit' } }, () => undefined);
// @ts-expect-error TS2322 custom layout without its stylesheet
opentok.startArchive(SESSION_ID, { layout: { type: 'custom' } }, () => undefined);
// @ts-expect-error TS2345 wrong callback parameter type: a broadcast is not an Archive
opentok.startBroadcast(SESSION_ID, { outputs: { hls: {} } }, (err: Error | null, broadcast?: OpenTok.Archive) => broadcast);
// @ts-expect-error TS2345 wrong callback parameter type: the archive is not a string
opentok.getArchive('ARCHIVE_ID', (err: Error | null, archive?: string) => archive);
// @ts-expect-error TS2554 getArchive without its callback
opentok.getArchive('ARCHIVE_ID');
// @ts-expect-error TS2345 wrong callback parameter type: totalCount is a number
opentok.listArchives((err: Error | null, archives?: OpenTok.Archive[], totalCount?: string) => totalCount);
// @ts-expect-error TS2345 screenshareType with a non-bestFit layout type (setArchiveLayout)
opentok.setArchiveLayout('ARCHIVE_ID', 'pip', null, 'bestFit', () => undefined);
// @ts-expect-error TS2345 unknown layout type
opentok.setArchiveLayout('ARCHIVE_ID', 'grid', () => undefined);
// @ts-expect-error TS2345 unknown screenshareType
opentok.setArchiveLayout('ARCHIVE_ID', 'bestFit', null, 'focus', () => undefined);

// ---- Broadcasts ------------------------------------------------------------------------------
// @ts-expect-error TS2554 startBroadcast without options
opentok.startBroadcast(SESSION_ID, () => undefined);
// @ts-expect-error TS2345 startBroadcast options without outputs
opentok.startBroadcast(SESSION_ID, {}, () => undefined);
// @ts-expect-error TS2322 wrong broadcast resolution string
opentok.startBroadcast(SESSION_ID, { outputs: { hls: {} }, resolution: '1024x768' }, () => undefined);
// @ts-expect-error TS2322 wrong broadcast streamMode string
opentok.startBroadcast(SESSION_ID, { outputs: { hls: {} }, streamMode: 'always' }, () => undefined);
// @ts-expect-error TS2322 HLS dvr and lowLatency together
opentok.startBroadcast(SESSION_ID, { outputs: { hls: { dvr: true, lowLatency: true } } }, () => undefined);
// @ts-expect-error TS2741 RTMP output without streamName
opentok.startBroadcast(SESSION_ID, { outputs: { rtmp: [{ serverUrl: 'rtmp://x' }] } }, () => undefined);
// @ts-expect-error TS2345 screenshareType with a non-bestFit layout type (setBroadcastLayout)
opentok.setBroadcastLayout('BROADCAST_ID', 'focus', undefined, 'pip', () => undefined);

// ---- SIP and the rest ------------------------------------------------------------------------
// @ts-expect-error TS2554 dial without sipUri
opentok.dial(SESSION_ID, 'TOKEN', () => undefined);
// @ts-expect-error TS2345 wrong callback parameter type: a SIP call is not an Archive
opentok.dial(SESSION_ID, 'TOKEN', 'sip:a@b', (err: Error | null, call?: OpenTok.Archive) => call);
// @ts-expect-error TS2322 signal payload data must be a string
opentok.signal(SESSION_ID, null, { type: 'chat', data: 42 }, () => undefined);
// @ts-expect-error TS2345 wrong callback parameter type: listStreams gives an array of streams
opentok.listStreams(SESSION_ID, (err: Error | null, streams?: OpenTok.Stream) => streams);
// @ts-expect-error TS2554 signal: connectionId is positional (null for every client)
opentok.signal(SESSION_ID, { type: 'chat', data: 'hi' }, () => undefined);
// @ts-expect-error TS2554 playDTMF: connectionId is positional
opentok.playDTMF(SESSION_ID, '1234#', () => undefined);
// @ts-expect-error TS2554 listRenders: options are positional (listRenders(callback) lacks its callback)
opentok.listRenders(() => undefined);
// @ts-expect-error TS2554 startRender without options
opentok.startRender(() => undefined);
// @ts-expect-error TS2345 startRender options without url
opentok.startRender({ sessionId: SESSION_ID, token: 'TOKEN' }, () => undefined);
// @ts-expect-error TS2554 startCaptions: options are positional (no argument shifting)
opentok.startCaptions(SESSION_ID, 'TOKEN', () => undefined);

// ---- Promises --------------------------------------------------------------------------------
async function promiseMisuse(): Promise<void> {
  const archives = await opentok.promises.listArchives();
  // @ts-expect-error TS2339 the result is { items, totalCount }, not an array
  archives.forEach((archive: OpenTok.Archive) => archive.id);
  // @ts-expect-error TS2339 the result is { items, totalCount }, not an array
  console.log(archives.length);
  // @ts-expect-error TS2740 the result is { items, totalCount }, not an array
  const asArray: OpenTok.Archive[] = await opentok.promises.listArchives();
  // @ts-expect-error TS2554 promise methods take no callback
  await opentok.promises.getArchive('ARCHIVE_ID', () => undefined);
  // @ts-expect-error TS2554 startBroadcast without options
  await opentok.promises.startBroadcast(SESSION_ID);
  // @ts-expect-error TS2322 deleteArchive resolves to nothing
  const deleted: OpenTok.Archive = await opentok.promises.deleteArchive('ARCHIVE_ID');
  // @ts-expect-error TS2322 the iterators have no count (declared undefined): pageSize sets the page size
  opentok.promises.iterateArchives({ count: 10 });
  const listOptions: OpenTok.ListArchivesOptions = { count: 10 };
  // @ts-expect-error TS2345 list options with a count are not iterator options
  opentok.promises.iterateArchives(listOptions);
  // @ts-expect-error TS2353 the service does not filter renders by session
  opentok.promises.iterateRenders({ sessionId: SESSION_ID });
  // @ts-expect-error TS2322 pageSize is a number
  opentok.promises.iterateBroadcasts({ pageSize: '100' });
  // @ts-expect-error TS2339 an iterator is not a promise of an array
  void (await opentok.promises.iterateArchives()).length;
  console.log(asArray, deleted);
}

// ---- Exports ---------------------------------------------------------------------------------
// @ts-expect-error TS2339 Archive is a type, not an exported class (only the error classes are statics)
new OpenTok.Archive(opentok, {});
// @ts-expect-error TS2339 Stream is a type, not an exported class
console.log(OpenTok.Stream);

// ---- Errors ----------------------------------------------------------------------------------
function errors(err: Error | null): void {
  // @ts-expect-error TS2339 statusCode exists only once narrowed to an OpenTok error class
  console.log(err?.statusCode);
  if (err instanceof OpenTok.AuthError) {
    // @ts-expect-error TS2322 statusCode is a number
    const status: string = err.statusCode;
    console.log(status);
  }
  // @ts-expect-error TS2339 OpenTokError is a type only: not a static of the constructor
  console.log(err instanceof OpenTok.OpenTokError);
}

// ---- Callback errors -------------------------------------------------------------------------
opentok.getArchive('ARCHIVE_ID', (err, archive: OpenTok.Archive) => {
  // @ts-expect-error TS18047 the error is null on success
  console.log(err.statusCode, archive.id);
});
// @ts-expect-error TS2322 statusCode is a number
opentok.deleteArchive('ARCHIVE_ID', (err) => { const code: string | undefined = err?.statusCode; return code; });

// ---- The names of @types/opentok -------------------------------------------------------------
// @ts-expect-error TS2322 not a token role
const role: OpenTok.Role = 'admin';
// @ts-expect-error TS2322 a predefined layout (BroadcastLayoutOptions) has no stylesheet
const predefined: OpenTok.BroadcastLayoutOptions = { type: 'pip', stylesheet: 'stream {}' };
// @ts-expect-error TS2322 BroadcastLayoutType has no `custom`
const broadcastLayoutType: OpenTok.BroadcastLayoutType = 'custom';

export { notAnObject, promiseMisuse, errors, role, predefined, broadcastLayoutType };
