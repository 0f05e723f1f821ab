import { inspect } from 'util';
import type { InspectOptions } from 'util';
import type * as ArchiveStreamsApi from './archives/archive-streams';
import type { StreamTrackOptions } from './archives/archive-streams';
import type * as AudioConnectorApi from './audio-connector/websocket-connect';
import type { WebSocketConnectOptions, WebSocketConnection } from './audio-connector/websocket-connect';
import type * as BroadcastsApi from './broadcasts/broadcasts';
import type { BroadcastOptions, ListBroadcastsOptions } from './broadcasts/broadcasts';
import type * as CaptionsApi from './captions/captions';
import type { CaptionsOptions } from './captions/captions';
import type * as LayoutsApi from './layouts/set-layout';
import type { LayoutType, ScreenshareLayoutType } from './layouts/set-layout';
import type { Broadcast } from './models/broadcast';
import type { Stream } from './models/stream';
import type * as ForceMuteApi from './moderation/force-mute';
import type { ForceMuteAllOptions } from './moderation/force-mute';
import type * as RendersApi from './renders/renders';
import type { ListRendersOptions, Render, RenderCallback, RenderOptions } from './renders/renders';
import type * as DtmfApi from './sip/play-dtmf';
import type * as StreamsApi from './streams/streams';
import type { StreamClassList } from './streams/streams';
import type { HttpResponse } from './http/types';
import type * as RestJwtApi from './auth/rest-jwt';
import type * as PromisesApi from './promises';
import type { OpenTokPromises } from './promises';
import type { RestCredentials } from './auth/rest-jwt';
import type * as ArchivesApi from './archives/archives';
import type { ArchiveOptions, ListArchivesOptions } from './archives/archives';
import type * as CallbacksApi from './callbacks/callbacks';
import type { CallbackOptions } from './callbacks/callbacks';
import type * as ConfigApi from './config';
import type { OpenTokOptions } from './config';
import type { ApiContext } from './core/context';
import { toText } from './core/objects';
import * as errors from './errors';
import type { OpenTokError } from './errors/opentok-error';
import type * as RestClientApi from './http/rest-client';
import type { Archive } from './models/archive';
import type { Callback } from './models/callback';
import { Session } from './models/session';
import { SipCall } from './models/sip-call';
import type * as ForceDisconnectApi from './moderation/force-disconnect';
import type * as CreateSessionApi from './sessions/create-session';
import type { SessionOptions } from './sessions/create-session';
import type * as SignalApi from './signaling/signal';
import type { SignalPayload } from './signaling/signal';
import type * as DialApi from './sip/dial';
import type { DialOptions } from './sip/dial';
import type * as TokensApi from './tokens/generate-token';
import type { TokenCredentials } from './tokens/generate-token';
import type { TokenOptions } from './tokens/token-options';

/**
 * The modules behind the methods are loaded on first use, so that `require('opentok')` loads only
 * the constructor, the error classes and the models exported with it. Each accessor costs one
 * check per call once its module is loaded.
 */
function lazy<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}
/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading, see above */
const archivesApi = lazy(() => require('./archives/archives') as typeof ArchivesApi);
const archiveStreamsApi = lazy(() => require('./archives/archive-streams') as typeof ArchiveStreamsApi);
const audioConnectorApi = lazy(() => require('./audio-connector/websocket-connect') as typeof AudioConnectorApi);
const broadcastsApi = lazy(() => require('./broadcasts/broadcasts') as typeof BroadcastsApi);
const callbacksApi = lazy(() => require('./callbacks/callbacks') as typeof CallbacksApi);
const captionsApi = lazy(() => require('./captions/captions') as typeof CaptionsApi);
const configApi = lazy(() => require('./config') as typeof ConfigApi);
const createSessionApi = lazy(() => require('./sessions/create-session') as typeof CreateSessionApi);
const dialApi = lazy(() => require('./sip/dial') as typeof DialApi);
const dtmfApi = lazy(() => require('./sip/play-dtmf') as typeof DtmfApi);
const forceDisconnectApi = lazy(() => require('./moderation/force-disconnect') as typeof ForceDisconnectApi);
const forceMuteApi = lazy(() => require('./moderation/force-mute') as typeof ForceMuteApi);
const layoutsApi = lazy(() => require('./layouts/set-layout') as typeof LayoutsApi);
const promisesApi = lazy(() => require('./promises') as typeof PromisesApi);
const rendersApi = lazy(() => require('./renders/renders') as typeof RendersApi);
const restClientApi = lazy(() => require('./http/rest-client') as typeof RestClientApi);
const restJwtApi = lazy(() => require('./auth/rest-jwt') as typeof RestJwtApi);
const signalApi = lazy(() => require('./signaling/signal') as typeof SignalApi);
const streamsApi = lazy(() => require('./streams/streams') as typeof StreamsApi);
const tokensApi = lazy(() => require('./tokens/generate-token') as typeof TokensApi);
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Error-first callback with no result: `(null)` on success, `(error)` on failure.
 *
 * The error is typed as the SDK's base class {@link OpenTokError}, so `statusCode`, `body` and
 * `cause` can be read without a cast. Some argument checks deliver a plain `Error` (as opentok 2.x
 * did); the type covers those truthfully, because all three members are optional and absent there.
 */
export type DoneCallback = (error: OpenTokError | null) => void;

/**
 * Error-first callback with one result: `(null, result)` on success, `(error)` on failure (the
 * result is then `undefined`). The result is declared non-optional, as `@types/node` declares its
 * callbacks, so that a callback may be written `(err, archive: OpenTok.Archive) => ...`; check
 * `err` first. The error is an {@link OpenTokError} or a plain `Error` (see {@link DoneCallback}).
 */
export type ResultCallback<T> = (error: OpenTokError | null, result: T) => void;

/**
 * Pass-through callback: `(null, body, response)` on success; `(error, body, response)` on an HTTP
 * error (`body` is `null` for 401, 403 and 404); `(error, null, null)` when no usable response
 * arrived. `body` is the parsed JSON (or the text) of the service's reply. The error is an
 * {@link OpenTokError} or a plain `Error` (see {@link DoneCallback}).
 */
export type ResponseCallback = (error: OpenTokError | null, body: unknown, response: HttpResponse | null) => void;

/**
 * Callback of the paged list methods: `(null, items, totalCount)` on success, `(error)` on failure
 * (the other arguments are then `undefined`; declared non-optional as in {@link ResultCallback}).
 * The error is an {@link OpenTokError} or a plain `Error` (see {@link DoneCallback}).
 */
export type ListCallback<T> = (error: OpenTokError | null, items: T[], totalCount: number) => void;

/** Each client's promise API, created on first use. */
const promiseApis = new WeakMap<OpenTokClient, OpenTokPromises>();

/** What a client keeps for its methods: the API modules' context and the credentials. */
interface ClientState extends ApiContext {
  readonly tokens: TokenCredentials;
  readonly credentials: RestCredentials;
}

/**
 * Per-client state and secrets, kept off the instance: `util.inspect` and `JSON.stringify` cannot
 * reach them, and the published declarations need no ES private field (which a consumer compiling
 * for ES5 rejects). The secret has its own map so that the context handed to every API module does
 * not carry it.
 */
const contexts = new WeakMap<OpenTokClient, ClientState>();
const secrets = new WeakMap<OpenTokClient, string>();

function contextOf(client: OpenTokClient): ClientState {
  const context = contexts.get(client);
  if (!context) throw new TypeError('OpenTok method called on an object that is not an OpenTok client');
  return context;
}

/**
 * How the constructor's error shows an invalid secret. SPEC §3.2 says `String(apiSecret)`, but the
 * secret never appears in an error: a string (the type of a real secret, when only the key is
 * wrong) is `[redacted]`, and an object (a Buffer read from a key file) its type tag.
 */
function describeSecret(apiSecret: unknown): string {
  if (typeof apiSecret === 'string') return '[redacted]';
  if ((typeof apiSecret === 'object' && apiSecret !== null) || typeof apiSecret === 'function') {
    return Object.prototype.toString.call(apiSecret);
  }
  return toText(apiSecret);
}

/**
 * An OpenTok client: holds the API key and secret, creates sessions, mints tokens and drives the
 * REST API. Construct it with `new OpenTok(apiKey, apiSecret[, options])` (or without `new`).
 */
export class OpenTokClient {
  /** The API key (project ID), as a string. */
  readonly apiKey: string;
  /** The base URL of every request. */
  readonly apiUrl: string;

  constructor(apiKey: string | number, apiSecret: string, options?: OpenTokOptions | string) {
    if ((typeof apiKey !== 'number' && typeof apiKey !== 'string') || typeof apiSecret !== 'string') {
      // A string secret is never echoed: the key may be the only argument that is wrong.
      const shownSecret = describeSecret(apiSecret);
      throw new Error(
        `Invalid arguments when initializing OpenTok: apiKey=${toText(apiKey)}, apiSecret=${shownSecret}`,
      );
    }
    const key = typeof apiKey === 'number' ? apiKey.toString() : apiKey;
    const config = configApi().resolveConfig(key, apiSecret, options);
    this.apiKey = key;
    this.apiUrl = config.apiUrl;

    const signingKey = configApi().lazySigningKey(apiSecret, config.vonage);
    const credentials: RestCredentials = { apiKey: key, vonage: config.vonage, signingKey, clock: { offsetMs: 0 } };
    contexts.set(this, {
      ot: this,
      rest: restClientApi().createRestClient(config, credentials),
      projectPath: `/v2/project/${key}`,
      tokens: credentials,
      credentials,
    });
    secrets.set(this, apiSecret);
    bindMethods(this);
  }

  /**
   * What `util.inspect` (and so the console) shows: the API key and the base URL only. Even
   * `{ showHidden: true, getters: true }` would otherwise call the `apiSecret` accessor.
   */
  [inspect.custom](_depth: number, options: InspectOptions, inspectValue: typeof inspect): string {
    return `OpenTok ${inspectValue({ apiKey: this.apiKey, apiUrl: this.apiUrl }, options)}`;
  }

  /**
   * The API secret, or the private key in Vonage application mode. A getter over state kept off the
   * instance, so that no form of `util.inspect` or `JSON.stringify` shows it.
   */
  get apiSecret(): string {
    const secret = secrets.get(this);
    if (secret === undefined) throw new TypeError('apiSecret read on an object that is not an OpenTok client');
    return secret;
  }

  /**
   * Every asynchronous method without its callback, returning a promise (like `fs.promises`): it
   * resolves to the callback's result and rejects with the same error. See {@link OpenTokPromises}.
   */
  get promises(): OpenTokPromises {
    let api = promiseApis.get(this);
    if (!api) {
      api = promisesApi().createPromiseApi(this);
      promiseApis.set(this, api);
    }
    return api;
  }

  /** Creates a session; `options` default to a relayed, manually archived session. */
  createSession(callback: ResultCallback<Session>): void;
  createSession(options: SessionOptions | null | undefined, callback: ResultCallback<Session>): void;
  createSession(optionsOrCallback: unknown, callback?: unknown): void {
    createSessionApi().createSession(contextOf(this), optionsOrCallback, callback);
  }

  /**
   * Mints a client token for a session: a JWT by default, a legacy T1 token when `generateT1Token`
   * is true. Throws an `Error` for invalid input.
   */
  generateToken(sessionId: string, options?: TokenOptions | null, generateT1Token?: boolean): string {
    return tokensApi().generateClientToken(contextOf(this).tokens, sessionId, options, generateT1Token);
  }

  /** Returns a fresh JWT that authenticates REST calls (valid for 5 minutes). */
  generateJwt(): string {
    return restJwtApi().generateRestJwt(contextOf(this).credentials);
  }

  /** Starts recording a session that has connected clients. */
  startArchive(sessionId: string, callback: ResultCallback<Archive>): void;
  startArchive(sessionId: string, options: ArchiveOptions | null | undefined, callback: ResultCallback<Archive>): void;
  startArchive(sessionId: string, optionsOrCallback: unknown, callback?: unknown): void {
    archivesApi().startArchive(contextOf(this), sessionId, optionsOrCallback, callback);
  }

  /** Stops a recording; calls back with the stopped archive. */
  stopArchive(archiveId: string, callback: ResultCallback<Archive>): void {
    archivesApi().stopArchive(contextOf(this), archiveId, callback);
  }

  /** Fetches an archive by ID. */
  getArchive(archiveId: string, callback: ResultCallback<Archive>): void {
    archivesApi().getArchive(contextOf(this), archiveId, callback);
  }

  /** Deletes an archive. */
  deleteArchive(archiveId: string, callback: DoneCallback): void {
    archivesApi().deleteArchive(contextOf(this), archiveId, callback);
  }

  /** Lists archives, newest first; calls back with the page and the total count. */
  listArchives(callback: ListCallback<Archive>): void;
  listArchives(options: ListArchivesOptions | null | undefined, callback: ListCallback<Archive>): void;
  listArchives(optionsOrCallback: unknown, callback?: unknown): void {
    archivesApi().listArchives(contextOf(this), optionsOrCallback, callback);
  }

  /** Disconnects a client from a session. */
  forceDisconnect(sessionId: string, connectionId: string, callback: DoneCallback): void {
    forceDisconnectApi().forceDisconnect(contextOf(this), sessionId, connectionId, callback);
  }

  /** Dials a SIP endpoint into a session; calls back with the SIP call. */
  dial(sessionId: string, token: string, sipUri: string, callback: ResultCallback<SipCall>): void;
  dial(
    sessionId: string,
    token: string,
    sipUri: string,
    options: DialOptions | null | undefined,
    callback: ResultCallback<SipCall>,
  ): void;
  dial(sessionId: string, token: string, sipUri: string, optionsOrCallback: unknown, callback?: unknown): void {
    dialApi().dial(contextOf(this), sessionId, token, sipUri, optionsOrCallback, callback);
  }

  /** Sends a signal to every client of a session, or to one connection when `connectionId` is set. */
  signal(sessionId: string, connectionId: string | null | undefined, payload: SignalPayload, callback: DoneCallback): void {
    signalApi().signal(contextOf(this), sessionId, connectionId, payload, callback);
  }

  /** Adds a stream to an archive whose `streamMode` is `manual`. */
  addArchiveStream(archiveId: string, streamId: string, callback: DoneCallback): void;
  addArchiveStream(
    archiveId: string,
    streamId: string,
    options: StreamTrackOptions | null | undefined,
    callback: DoneCallback,
  ): void;
  addArchiveStream(archiveId: string, streamId: string, optionsOrCallback: unknown, callback?: unknown): void {
    archiveStreamsApi().addArchiveStream(contextOf(this), archiveId, streamId, optionsOrCallback, callback);
  }

  /** Removes a stream from an archive whose `streamMode` is `manual`. */
  removeArchiveStream(archiveId: string, streamId: string, callback: DoneCallback): void {
    archiveStreamsApi().removeArchiveStream(contextOf(this), archiveId, streamId, callback);
  }

  /** Changes the layout of a composed archive. `screenshareType` requires type `bestFit`. */
  setArchiveLayout(archiveId: string, type: LayoutType, callback: ResponseCallback): void;
  setArchiveLayout(archiveId: string, type: LayoutType, stylesheet: string | null | undefined, callback: ResponseCallback): void;
  setArchiveLayout(
    archiveId: string,
    type: 'bestFit',
    stylesheet: string | null | undefined,
    screenshareType: ScreenshareLayoutType,
    callback: ResponseCallback,
  ): void;
  setArchiveLayout(archiveId: string, type: string, stylesheet?: unknown, screenshareType?: unknown, callback?: unknown): void {
    const layouts = layoutsApi();
    layouts.setLayout(contextOf(this), layouts.ARCHIVE_LAYOUT, archiveId, type, stylesheet, screenshareType, callback);
  }

  /** Starts a live-streaming broadcast (HLS and/or RTMP) of a session. */
  startBroadcast(sessionId: string, options: BroadcastOptions, callback: ResultCallback<Broadcast>): void {
    broadcastsApi().startBroadcast(contextOf(this), sessionId, options, callback);
  }

  /** Stops a broadcast; calls back with the stopped broadcast. */
  stopBroadcast(broadcastId: string, callback: ResultCallback<Broadcast>): void {
    broadcastsApi().stopBroadcast(contextOf(this), broadcastId, callback);
  }

  /** Fetches a broadcast by ID. */
  getBroadcast(broadcastId: string, callback: ResultCallback<Broadcast>): void {
    broadcastsApi().getBroadcast(contextOf(this), broadcastId, callback);
  }

  /** Lists broadcasts; calls back with the page and the total count. */
  listBroadcasts(callback: ListCallback<Broadcast>): void;
  listBroadcasts(options: ListBroadcastsOptions | null | undefined, callback: ListCallback<Broadcast>): void;
  listBroadcasts(optionsOrCallback: unknown, callback?: unknown): void {
    broadcastsApi().listBroadcasts(contextOf(this), optionsOrCallback, callback);
  }

  /** Changes the layout of a broadcast. `screenshareType` requires type `bestFit`. */
  setBroadcastLayout(broadcastId: string, type: LayoutType, callback: ResponseCallback): void;
  setBroadcastLayout(
    broadcastId: string,
    type: LayoutType,
    stylesheet: string | null | undefined,
    callback: ResponseCallback,
  ): void;
  setBroadcastLayout(
    broadcastId: string,
    type: 'bestFit',
    stylesheet: string | null | undefined,
    screenshareType: ScreenshareLayoutType,
    callback: ResponseCallback,
  ): void;
  setBroadcastLayout(
    broadcastId: string,
    type: string,
    stylesheet?: unknown,
    screenshareType?: unknown,
    callback?: unknown,
  ): void {
    const layouts = layoutsApi();
    layouts.setLayout(contextOf(this), layouts.BROADCAST_LAYOUT, broadcastId, type, stylesheet, screenshareType, callback);
  }

  /** Adds a stream to a broadcast whose `streamMode` is `manual`. */
  addBroadcastStream(broadcastId: string, streamId: string, callback: ResponseCallback): void;
  addBroadcastStream(
    broadcastId: string,
    streamId: string,
    options: StreamTrackOptions | null | undefined,
    callback: ResponseCallback,
  ): void;
  addBroadcastStream(broadcastId: string, streamId: string, optionsOrCallback: unknown, callback?: unknown): void {
    broadcastsApi().addBroadcastStream(contextOf(this), broadcastId, streamId, optionsOrCallback, callback);
  }

  /** Removes a stream from a broadcast whose `streamMode` is `manual`. */
  removeBroadcastStream(broadcastId: string, streamId: string, callback: ResponseCallback): void {
    broadcastsApi().removeBroadcastStream(contextOf(this), broadcastId, streamId, callback);
  }

  /** Plays DTMF digits (`0-9`, `*`, `#`, `p`) into a session, or to one connection. */
  playDTMF(sessionId: string, connectionId: string | null | undefined, digits: string, callback: DoneCallback): void {
    dtmfApi().playDTMF(contextOf(this), sessionId, connectionId, digits, callback);
  }

  /** Connects a session's audio to a WebSocket server (audio connector). */
  websocketConnect(sessionId: string, token: string, websocketUri: string, callback: ResultCallback<WebSocketConnection>): void;
  websocketConnect(
    sessionId: string,
    token: string,
    websocketUri: string,
    options: WebSocketConnectOptions | null | undefined,
    callback: ResultCallback<WebSocketConnection>,
  ): void;
  websocketConnect(
    sessionId: string,
    token: string,
    websocketUri: string,
    optionsOrCallback: unknown,
    callback?: unknown,
  ): void {
    audioConnectorApi().websocketConnect(contextOf(this), sessionId, token, websocketUri, optionsOrCallback, callback);
  }

  /** Fetches one stream of a session. */
  getStream(sessionId: string, streamId: string, callback: ResultCallback<Stream>): void {
    streamsApi().getStream(contextOf(this), sessionId, streamId, callback);
  }

  /** Lists the streams of a session. */
  listStreams(sessionId: string, callback: ResultCallback<Stream[]>): void {
    streamsApi().listStreams(contextOf(this), sessionId, callback);
  }

  /** Sets the layout classes of streams in a session. */
  setStreamClassLists(sessionId: string, classListArray: readonly StreamClassList[], callback: ResponseCallback): void {
    streamsApi().setStreamClassLists(contextOf(this), sessionId, classListArray, callback);
  }

  /** Mutes one stream of a session. */
  forceMuteStream(sessionId: string, streamId: string, callback: DoneCallback): void {
    forceMuteApi().forceMuteStream(contextOf(this), sessionId, streamId, callback);
  }

  /** Mutes every stream of a session, except `excludedStreamIds`. */
  forceMuteAll(sessionId: string, callback: DoneCallback): void;
  forceMuteAll(sessionId: string, options: ForceMuteAllOptions | null | undefined, callback: DoneCallback): void;
  forceMuteAll(sessionId: string, optionsOrCallback: unknown, callback?: unknown): void {
    forceMuteApi().forceMuteAll(contextOf(this), sessionId, optionsOrCallback, callback);
  }

  /** Ends the mute state set by `forceMuteAll`. */
  disableForceMute(sessionId: string, callback: DoneCallback): void {
    forceMuteApi().disableForceMute(contextOf(this), sessionId, callback);
  }

  /** Lists Experience Composer renders. */
  listRenders(options: ListRendersOptions | null | undefined, callback: RenderCallback<{ count: number; items: Render[] }>): void {
    rendersApi().listRenders(contextOf(this), options, callback);
  }

  /** Fetches an Experience Composer render. */
  getRender(renderId: string, callback: RenderCallback<Render>): void {
    rendersApi().getRender(contextOf(this), renderId, callback);
  }

  /** Starts an Experience Composer render of a web page into a session. */
  startRender(options: RenderOptions, callback: RenderCallback<Render>): void {
    rendersApi().startRender(contextOf(this), options, callback);
  }

  /** Stops an Experience Composer render. */
  stopRender(renderId: string, callback: RenderCallback<string>): void {
    rendersApi().stopRender(contextOf(this), renderId, callback);
  }

  /** Starts live captions of a session; calls back with the captions ID. */
  startCaptions(
    sessionId: string,
    token: string,
    options: CaptionsOptions | null | undefined,
    callback: ResultCallback<string>,
  ): void {
    captionsApi().startCaptions(contextOf(this), sessionId, token, options, callback);
  }

  /** Stops live captions; calls back with `true`. */
  stopCaptions(captionsId: string, callback: ResultCallback<boolean>): void {
    captionsApi().stopCaptions(contextOf(this), captionsId, callback);
  }

  /** Registers a URL for session-monitoring events. */
  registerCallback(callback: ResultCallback<Callback>): void;
  registerCallback(options: CallbackOptions | null | undefined, callback: ResultCallback<Callback>): void;
  registerCallback(optionsOrCallback: unknown, callback?: unknown): void {
    callbacksApi().registerCallback(contextOf(this), optionsOrCallback, callback);
  }

  /** Unregisters an event callback. */
  unregisterCallback(callbackId: string, callback: DoneCallback): void {
    callbacksApi().unregisterCallback(contextOf(this), callbackId, callback);
  }

  /** Lists the registered event callbacks. */
  listCallbacks(callback: ResultCallback<Callback[]>): void;
  listCallbacks(options: object | null | undefined, callback: ResultCallback<Callback[]>): void;
  listCallbacks(optionsOrCallback: unknown, callback?: unknown): void {
    callbacksApi().listCallbacks(contextOf(this), optionsOrCallback, callback);
  }
}

/** Names of the API methods of a client (every prototype method but the constructor). */
let methodNames: readonly string[] | undefined;

/**
 * Gives the client its API methods as own, non-enumerable functions that call the prototype's
 * method on this client, so that a method works without its object: 2.x defined most of them as
 * bound functions on each instance, and apps pass them around detached
 * (`util.promisify(opentok.startArchive)`, `const { getArchive } = opentok`). The prototype's
 * method is looked up at each call, so a test double put on `OpenTok.prototype` (as tests of 2.x
 * did for `createSession`, `generateToken` and `dial`) still applies; writable and configurable,
 * so one put on the instance does too.
 */
function bindMethods(client: OpenTokClient): void {
  const prototype = OpenTokClient.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  methodNames ??= Object.getOwnPropertyNames(prototype).filter(
    (name) => name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(prototype, name)?.value === 'function',
  );
  for (const name of methodNames) {
    const method = function (...args: unknown[]): unknown {
      return prototype[name].apply(client, args);
    };
    Object.defineProperty(method, 'name', { value: name });
    Object.defineProperty(client, name, { value: method, writable: true, configurable: true, enumerable: false });
  }
}

/** The exported constructor: callable with or without `new`, with the error classes as statics. */
export interface OpenTokConstructor {
  new (apiKey: string | number, apiSecret: string, options?: OpenTokOptions | string): OpenTokClient;
  (apiKey: string | number, apiSecret: string, options?: OpenTokOptions | string): OpenTokClient;
  readonly prototype: OpenTokClient;
  readonly ArgumentError: typeof errors.ArgumentError;
  readonly AuthError: typeof errors.AuthError;
  readonly ArchiveError: typeof errors.ArchiveError;
  readonly CaptionsError: typeof errors.CaptionsError;
  readonly SipError: typeof errors.SipError;
  readonly SignalError: typeof errors.SignalError;
  readonly ForceDisconnectError: typeof errors.ForceDisconnectError;
  readonly CallbackError: typeof errors.CallbackError;
  readonly RequestError: typeof errors.RequestError;
  readonly NotFoundError: typeof errors.NotFoundError;
  readonly Session: typeof Session;
  readonly SipInterconnect: typeof SipCall;
  readonly SipCall: typeof SipCall;
}

function OpenTokFunction(apiKey: string | number, apiSecret: string, options?: OpenTokOptions | string): OpenTokClient {
  // With or without `new`, the instance is an OpenTokClient whose prototype is OpenTok.prototype.
  return new OpenTokClient(apiKey, apiSecret, options);
}

OpenTokFunction.prototype = OpenTokClient.prototype;
Object.defineProperty(OpenTokClient.prototype, 'constructor', {
  value: OpenTokFunction,
  enumerable: false,
  writable: true,
  configurable: true,
});
Object.defineProperty(OpenTokFunction, 'name', { value: 'OpenTok' });

const statics = {
  // Error classes first, in the order of SPEC §3.1.
  ArgumentError: errors.ArgumentError,
  AuthError: errors.AuthError,
  ArchiveError: errors.ArchiveError,
  CaptionsError: errors.CaptionsError,
  SipError: errors.SipError,
  SignalError: errors.SignalError,
  ForceDisconnectError: errors.ForceDisconnectError,
  CallbackError: errors.CallbackError,
  RequestError: errors.RequestError,
  NotFoundError: errors.NotFoundError,
  Session,
  SipInterconnect: SipCall,
  SipCall,
};

/** `require('opentok')`: the OpenTok constructor. */
export const OpenTok = Object.assign(OpenTokFunction, statics) as unknown as OpenTokConstructor;
