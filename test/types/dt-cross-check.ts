// Type test: a mechanical cross-check of this package's declarations against `@types/opentok`
// 2.14.4, both loaded in one program. test/types-definitely-typed.test.js copies their file to
// generated/opentok-definitely-typed.d.ts with the module renamed 'opentok-definitely-typed', and
// compiles this file under --strict, and again with DefinitelyTyped's options.
//
// - Methods: every method of their `OpenTok` class (the mapped type below requires each key) is
//   called on our client with their parameter types: their option types and their callback
//   types, in which their model types are replaced by ours (the models are checked on their own,
//   below, so that each difference shows once, where it is).
// - Names: every name of their `OpenTok` namespace is checked: an option type must be accepted
//   where ours is expected and declare no property ours lacks (so object literals written for
//   theirs have no excess property); a result type must be assignable to theirs, property by
//   property for the models.
//
// Every deliberate difference is a `@ts-expect-error TSnnnn` line whose comment gives the reason:
// there, opentok 2.23 and the service behave otherwise than `@types/opentok` declares. A `(strict)`
// tag marks the differences that only `strictNullChecks` reports. The test strips the directives
// and checks that exactly these lines fail, with these codes, in each mode.
import OpenTok = require('opentok');
import Theirs = require('opentok-definitely-typed');

/** `true` when A and B are assignable to each other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// ---- Methods -----------------------------------------------------------------------------------

type TheirClient = InstanceType<typeof Theirs>;

/** Our model in place of each of theirs (their arrays, and their optional results, too). */
type OurModel<T> = T extends unknown
  ? Same<T, Theirs.Archive> extends true
    ? OpenTok.Archive
    : Same<T, Theirs.Broadcast> extends true
      ? OpenTok.Broadcast
      : Same<T, Theirs.BroadcastStopResponse> extends true
        ? OpenTok.BroadcastStopResponse
        : Same<T, Theirs.Stream> extends true
          ? OpenTok.Stream
          : Same<T, Theirs.SipInterconnect> extends true
            ? OpenTok.SipInterconnect
            : Same<T, Theirs.Session> extends true
              ? OpenTok.Session
              : T extends readonly (infer Item)[]
                ? OurModel<Item>[]
                : T
  : never;

/** Each element of a parameter list with our models in place of theirs. */
type OurModels<Parameters extends unknown[]> = { [I in keyof Parameters]: OurModel<Parameters[I]> };

/** A parameter of theirs; a callback with our models in place of theirs. */
type WithOurModels<P> = P extends (...args: infer A) => infer R ? (...args: OurModels<A>) => R : P;

/** A parameter list of theirs, each callback with our models. */
type WithOurCallbacks<Parameters extends unknown[]> = { [I in keyof Parameters]: WithOurModels<Parameters[I]> };

/** The parameters of their method M, callbacks with our models. */
type TheirArguments<M extends keyof TheirClient> = WithOurCallbacks<Parameters<TheirClient[M]>>;

/** A method of their model, its callback with our models (`archive.stop(callback)`). */
type TheirMethod<F> = F extends (...args: infer A) => infer R ? (...args: WithOurCallbacks<A>) => R : F;

declare const ours: OpenTok;

const constructed = (...args: ConstructorParameters<typeof Theirs>): OpenTok => new OpenTok(...args);

const methods: { [M in keyof TheirClient]: (...args: TheirArguments<M>) => void } = {
  createSession: (...args) => ours.createSession(...args),
  deleteArchive: (...args) => ours.deleteArchive(...args),
  // @ts-expect-error TS2345 their DialOptions: see DialOptions below
  dial: (...args) => ours.dial(...args),
  forceDisconnect: (...args) => ours.forceDisconnect(...args),
  generateToken: (...args) => ours.generateToken(...args),
  getArchive: (...args) => ours.getArchive(...args),
  getBroadcast: (...args) => ours.getBroadcast(...args),
  getStream: (...args) => ours.getStream(...args),
  listArchives: (...args) => ours.listArchives(...args),
  listBroadcasts: (...args) => ours.listBroadcasts(...args),
  listStreams: (...args) => ours.listStreams(...args),
  addArchiveStream: (...args) => ours.addArchiveStream(...args),
  // @ts-expect-error TS2554 no options argument: opentok 2.23 takes (archiveId, streamId, callback) and throws an ArgumentError when a fourth argument follows (the test shows it)
  removeArchiveStream: (...args) => ours.removeArchiveStream(...args),
  addBroadcastStream: (...args) => ours.addBroadcastStream(...args),
  // @ts-expect-error TS2554 no options argument: opentok 2.23 takes (broadcastId, streamId, callback) and throws an ArgumentError when a fourth argument follows (the test shows it)
  removeBroadcastStream: (...args) => ours.removeBroadcastStream(...args),
  playDTMF: (...args) => ours.playDTMF(...args),
  setArchiveLayout: (...args) => ours.setArchiveLayout(...args),
  setBroadcastLayout: (...args) => ours.setBroadcastLayout(...args),
  setStreamClassLists: (...args) => ours.setStreamClassLists(...args),
  signal: (...args) => ours.signal(...args),
  // @ts-expect-error TS2345 their ArchiveOptions: see ArchiveOptions below
  startArchive: (...args) => ours.startArchive(...args),
  // @ts-expect-error TS2345 their BroadcastOptions: see BroadcastOptions below
  startBroadcast: (...args) => ours.startBroadcast(...args),
  stopArchive: (...args) => ours.stopArchive(...args),
  stopBroadcast: (...args) => ours.stopBroadcast(...args),
};

// ---- Option types: theirs accepted where ours is expected ---------------------------------------

/**
 * `accepts<Ours>()<Theirs>(true)` compiles when a value of their type is assignable to ours and
 * every property their type declares exists in ours; otherwise the argument's expected type
 * names the properties ours lacks.
 */
declare function accepts<Ours>(): <T extends Ours>(noExtraKeys: [Exclude<keyof T, keyof Ours>] extends [never] ? true : Exclude<keyof T, keyof Ours>) => void;

accepts<OpenTok.Env>()<Theirs.Env>(true);
accepts<OpenTok.SessionOptions>()<Theirs.SessionOptions>(true);
accepts<OpenTok.MediaMode>()<Theirs.MediaMode>(true);
accepts<OpenTok.ArchiveMode>()<Theirs.ArchiveMode>(true);
accepts<OpenTok.TokenOptions>()<Theirs.TokenOptions>(true);
accepts<OpenTok.Role>()<Theirs.Role>(true);
accepts<OpenTok.Token>()<Theirs.Token>(true);
accepts<OpenTok.StreamId>()<Theirs.StreamId>(true);
// @ts-expect-error TS2344 resolution is one of the six resolutions the service records, not any string
accepts<OpenTok.ArchiveOptions>()<Theirs.ArchiveOptions>(true);
accepts<OpenTok.OutputMode>()<Theirs.OutputMode>(true);
accepts<OpenTok.ArchiveLayoutOptions>()<Theirs.ArchiveLayoutOptions>(true);
accepts<OpenTok.PredefinedArchiveLayoutOptions>()<Theirs.PredefinedArchiveLayoutOptions>(true);
accepts<OpenTok.CustomArchiveLayoutOptions>()<Theirs.CustomArchiveLayoutOptions>(true);
accepts<OpenTok.ScreenshareArchiveLayoutOptions>()<Theirs.ScreenshareArchiveLayoutOptions>(true);
accepts<OpenTok.ListArchivesOptions>()<Theirs.ListArchivesOptions>(true);
accepts<OpenTok.PatchStream>()<Theirs.PatchStream>(true);
// @ts-expect-error TS2344 auth is { username, password }: the SDK sends exactly these two, a record without them would be an empty auth
accepts<OpenTok.DialOptions>()<Theirs.DialOptions>(true);
accepts<OpenTok.BroadcastLayoutType>()<Theirs.BroadcastLayoutType>(true);
// @ts-expect-error TS2344 a layout's type is required: the service refuses a layout without one (400)
accepts<OpenTok.BroadcastLayoutOptions>()<Theirs.BroadcastLayoutOptions>(true);
accepts<OpenTok.CustomBroadcastLayoutOptions>()<Theirs.CustomBroadcastLayoutOptions>(true);
// @ts-expect-error TS2344 a layout's type is required (see BroadcastLayoutOptions)
accepts<OpenTok.BroadcastLayout>()<Theirs.BroadcastLayout>(true);
// @ts-expect-error TS2345 status is not an option: the service reports it, in broadcast.broadcastUrls.rtmp
accepts<OpenTok.BroadcastOutputOptionsRtmp>()<Theirs.BroadcastOutputOptionsRtmp>(true);
accepts<OpenTok.BroadcastOutputOptions>()<Theirs.BroadcastOutputOptions>(true);
// @ts-expect-error TS2344 its layout needs a type (see BroadcastLayoutOptions)
accepts<OpenTok.BroadcastOptions>()<Theirs.BroadcastOptions>(true);
accepts<OpenTok.ListBroadcastsOptions>()<Theirs.ListBroadcastsOptions>(true);
accepts<OpenTok.SignalOptions>()<Theirs.SignalOptions>(true);

// ---- Result types: ours assignable to theirs --------------------------------------------------

const results: [Theirs.Token, Theirs.ArchiveStatus, Theirs.OutputMode, Theirs.StreamId] = [
  ours.generateToken('SESSION_ID'),
  null as unknown as OpenTok.ArchiveStatus,
  null as unknown as OpenTok.OutputMode,
  null as unknown as OpenTok.StreamId,
];

/**
 * Each property of their model, read from ours: `{ [key]: (ours) => ours[key] }`. A method's
 * callback gets our models, as for the client's methods.
 */
type Fields<Model, Ours> = { [K in keyof Model]-?: (model: Ours) => TheirMethod<Model[K]> };

const archiveFields: Fields<Theirs.Archive, OpenTok.Archive> = {
  createdAt: (archive) => archive.createdAt,
  // @ts-expect-error TS2322 duration is a number of seconds: the service sends a number and opentok 2.23 passes it on
  duration: (archive) => archive.duration,
  id: (archive) => archive.id,
  // @ts-expect-error TS2322 (strict) name is null when the archive was started without one
  name: (archive) => archive.name,
  // @ts-expect-error TS2322 not declared (unknown, as every undeclared field): the service's archive JSON has no partnerId
  partnerId: (archive) => archive.partnerId,
  // @ts-expect-error TS2322 projectId is the API key, a number in the service's JSON (string | number: the SDK copies what it gets)
  projectId: (archive) => archive.projectId,
  reason: (archive) => archive.reason,
  sessionId: (archive) => archive.sessionId,
  size: (archive) => archive.size,
  status: (archive) => archive.status,
  hasAudio: (archive) => archive.hasAudio,
  hasVideo: (archive) => archive.hasVideo,
  outputMode: (archive) => archive.outputMode,
  // @ts-expect-error TS2322 resolution is a string: archives are also recorded at 1920x1080 and in the portrait resolutions
  resolution: (archive) => archive.resolution,
  streamMode: (archive) => archive.streamMode,
  // @ts-expect-error TS2322 an archive's streams are { streamId, hasAudio, hasVideo }; their Stream merges two declarations into one type
  streams: (archive) => archive.streams,
  // @ts-expect-error TS2322 (strict) url is null until the archive is available
  url: (archive) => archive.url,
  delete: (archive) => archive.delete,
  stop: (archive) => archive.stop,
};

const sessionFields: Fields<Theirs.Session, OpenTok.Session> = {
  sessionId: (session) => session.sessionId,
};

const streamFields: Fields<Theirs.Stream, OpenTok.Stream> = {
  id: (stream) => stream.id,
  name: (stream) => stream.name,
  layoutClassList: (stream) => stream.layoutClassList,
  videoType: (stream) => stream.videoType,
  // @ts-expect-error TS2322 a stream of getStream/listStreams has no streamId (their two Stream declarations merge)
  streamId: (stream) => stream.streamId,
  // @ts-expect-error TS2322 a stream of getStream/listStreams has no hasAudio (their two Stream declarations merge)
  hasAudio: (stream) => stream.hasAudio,
  // @ts-expect-error TS2322 a stream of getStream/listStreams has no hasVideo (their two Stream declarations merge)
  hasVideo: (stream) => stream.hasVideo,
};

const sipInterconnectFields: Fields<Theirs.SipInterconnect, OpenTok.SipInterconnect> = {
  id: (sipCall) => sipCall.id,
  connectionId: (sipCall) => sipCall.connectionId,
  streamId: (sipCall) => sipCall.streamId,
};

const broadcastFields: Fields<Theirs.Broadcast, OpenTok.Broadcast> = {
  // @ts-expect-error TS2322 optional: a Broadcast is also what stopBroadcast yields, whose reply may lack it (their BroadcastStopResponse has none); and its RTMP entries' id is optional (see BroadcastUrlsResponse)
  broadcastUrls: (broadcast) => broadcast.broadcastUrls,
  createdAt: (broadcast) => broadcast.createdAt,
  id: (broadcast) => broadcast.id,
  // @ts-expect-error TS2322 projectId is string | number: the SDK copies what the service sends (the emulator sends the API key as a string)
  projectId: (broadcast) => broadcast.projectId,
  // @ts-expect-error TS2322 resolution is a string: broadcasts also run at 1920x1080 and in the portrait resolutions
  resolution: (broadcast) => broadcast.resolution,
  sessionId: (broadcast) => broadcast.sessionId,
  // @ts-expect-error TS2322 (strict) status is optional: the reply of stopBroadcast may not have it (their BroadcastStopResponse has none)
  status: (broadcast) => broadcast.status,
  updatedAt: (broadcast) => broadcast.updatedAt,
  stop: (broadcast) => broadcast.stop,
};

const broadcastStopResponseFields: Fields<Theirs.BroadcastStopResponse, OpenTok.BroadcastStopResponse> = {
  id: (broadcast) => broadcast.id,
  sessionId: (broadcast) => broadcast.sessionId,
  // @ts-expect-error TS2322 projectId is string | number (see Broadcast)
  projectId: (broadcast) => broadcast.projectId,
  createdAt: (broadcast) => broadcast.createdAt,
  updatedAt: (broadcast) => broadcast.updatedAt,
  resolution: (broadcast) => broadcast.resolution,
};

const broadcastUrlsFields: Fields<Theirs.BroadcastUrlsResponse, OpenTok.BroadcastUrlsResponse> = {
  hls: (urls) => urls.hls,
  // @ts-expect-error TS2322 an RTMP output started without an id is reported without one: id is optional
  rtmp: (urls) => urls.rtmp,
};

export {
  constructed,
  methods,
  results,
  archiveFields,
  sessionFields,
  streamFields,
  sipInterconnectFields,
  broadcastFields,
  broadcastStopResponseFields,
  broadcastUrlsFields,
};
