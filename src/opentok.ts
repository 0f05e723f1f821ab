// The API modules are imported eagerly, so this file is a plain list of methods. They hold no
// networking code: src/http requires http, https, zlib, debug and the proxy agents on the first
// request, and test/require-load.test.js checks that `require('opentok')` loads none of them.
import { inspect } from 'util';
import type { InspectOptions } from 'util';
import * as archiveStreams from './archives/archive-streams';
import type { StreamTrackOptions } from './archives/archive-streams';
import * as archives from './archives/archives';
import type { ArchiveOptions, ListArchivesOptions } from './archives/archives';
import * as audioConnector from './audio-connector/websocket-connect';
import type { WebSocketConnectOptions, WebSocketConnection } from './audio-connector/websocket-connect';
import * as restJwt from './auth/rest-jwt';
import type { RestCredentials } from './auth/rest-jwt';
import * as broadcasts from './broadcasts/broadcasts';
import type { BroadcastOptions, ListBroadcastsOptions } from './broadcasts/broadcasts';
import * as callbacks from './callbacks/callbacks';
import type { CallbackOptions } from './callbacks/callbacks';
import * as captions from './captions/captions';
import type { CaptionsOptions } from './captions/captions';
import { lazySigningKey, resolveConfig } from './config';
import type { OpenTokOptions } from './config';
import type { DoneCallback, ListCallback, ResponseCallback, ResultCallback } from './core/callback-types';
import { contextOf, setClientState } from './core/client-state';
import { toText } from './core/objects';
import * as errors from './errors';
import { createRestClient } from './http/rest-client';
import * as layouts from './layouts/set-layout';
import type { LayoutType, ScreenshareLayoutType } from './layouts/set-layout';
import type { Archive } from './models/archive';
import type { Broadcast } from './models/broadcast';
import type { Callback } from './models/callback';
import { Session } from './models/session';
import { SipCall } from './models/sip-call';
import type { Stream } from './models/stream';
import * as disconnect from './moderation/force-disconnect';
import * as forceMute from './moderation/force-mute';
import type { ForceMuteAllOptions } from './moderation/force-mute';
import { createPromiseApi } from './promises';
import type { OpenTokPromises } from './promises';
import * as renders from './renders/renders';
import type { ListRendersOptions, Render, RenderCallback, RenderOptions } from './renders/renders';
import * as sessions from './sessions/create-session';
import type { SessionOptions } from './sessions/create-session';
import * as signaling from './signaling/signal';
import type { SignalPayload } from './signaling/signal';
import * as sipDial from './sip/dial';
import type { DialOptions } from './sip/dial';
import * as dtmf from './sip/play-dtmf';
import * as streams from './streams/streams';
import type { StreamClassList } from './streams/streams';
import * as tokens from './tokens/generate-token';
import type { TokenOptions } from './tokens/token-options';

export type { DoneCallback, ListCallback, ResponseCallback, ResultCallback } from './core/callback-types';


/** Each client's promise API, created on first use. */
const promiseApis = new WeakMap<OpenTokClient, OpenTokPromises>();

/** The secret, kept off the instance (see src/core/client-state.ts) and out of the API context. */
const secrets = new WeakMap<OpenTokClient, string>();

/**
 * How the constructor's error shows an invalid secret. opentok 2.x printed `String(apiSecret)`;
 * here the secret never appears in an error: a string (the type of a real secret, when only the key
 * is wrong) is `[redacted]`, and an object (a Buffer read from a key file) its type tag.
 */
function describeSecret(apiSecret: unknown): string {
  if (typeof apiSecret === 'string') return '[redacted]';
  if ((typeof apiSecret === 'object' && apiSecret !== null) || typeof apiSecret === 'function') {
    return Object.prototype.toString.call(apiSecret);
  }
  return toText(apiSecret);
}

/**
 * An OpenTok client: holds the API key and secret, creates sessions, mints client tokens and calls
 * the OpenTok REST API.
 *
 * `require('opentok')` (or `import OpenTok from 'opentok'`) is this constructor, callable with or
 * without `new`. It also carries the error classes ({@link ArgumentError}, {@link AuthError},
 * {@link ArchiveError}, {@link CaptionsError}, {@link SipError}, {@link SignalError},
 * {@link ForceDisconnectError}, {@link CallbackError}, {@link RequestError},
 * {@link NotFoundError}) and the {@link Session} and {@link SipCall} classes as static properties
 * (`OpenTok.NotFoundError`). A client's methods also work detached from it
 * (`const { getArchive } = opentok`, `util.promisify(opentok.startArchive)`).
 *
 * **Callbacks.** Each method that calls the REST API takes a Node-style callback as its last
 * argument and calls it once: `(null, result)` on success, `(error)` on failure. The same methods
 * return promises instead under {@link OpenTok.promises | opentok.promises}. A missing callback is
 * thrown at once. Invalid arguments are passed to the callback without any request being made,
 * before the method returns (`createSession` alone defers them to the next tick).
 *
 * **Errors of a failed request**, unless a method lists its own class for a status:
 * {@link AuthError} on HTTP 401 or 403 (the key or secret is wrong), {@link NotFoundError} on HTTP
 * 404, and {@link RequestError} on any other status, on a network failure or timeout (its `cause`
 * is the underlying error) and on a success response whose body is not what the method expects.
 * An error built from a response carries its `statusCode` and its parsed `body`.
 *
 * @example
 * ```ts
 * import OpenTok = require('opentok');
 *
 * const opentok = new OpenTok(apiKey, apiSecret, { timeout: 10000 });
 * opentok.getArchive(archiveId, (err, archive) => {
 *   if (err instanceof OpenTok.NotFoundError) return console.log('no such archive');
 *   if (err) return console.error(err.statusCode, err.message);
 *   console.log(archive.status);
 * });
 * ```
 */
export class OpenTokClient {
  /** The API key (project ID), as a string. */
  readonly apiKey: string;
  /** The base URL of every request: `options.apiUrl`, or the service's default. */
  readonly apiUrl: string;

  /**
   * Creates a client. Nothing is sent and the secret is not checked here: wrong credentials
   * surface as an {@link AuthError} from the first REST call.
   *
   * @param apiKey - The API key (project ID), or in Vonage application mode the application ID.
   * @param apiSecret - The API secret, or in Vonage application mode the application's private key
   *   (a PEM text starting with `-----BEGIN PRIVATE KEY`).
   * @param options - The options of every request ({@link Options}), or a string: the base URL.
   * @throws `Error` when `apiKey` is neither a string nor a number, or `apiSecret` is not a string.
   *   The message shows the key, never the secret.
   * @example
   * ```ts
   * const opentok = new OpenTok(apiKey, apiSecret);
   * const behindProxy = new OpenTok(apiKey, apiSecret, { proxy: 'http://proxy.example:3128', timeout: 5000 });
   * ```
   */
  constructor(apiKey: string | number, apiSecret: string, options?: OpenTokOptions | string) {
    if ((typeof apiKey !== 'number' && typeof apiKey !== 'string') || typeof apiSecret !== 'string') {
      // A string secret is never echoed: the key may be the only argument that is wrong.
      const shownSecret = describeSecret(apiSecret);
      throw new Error(
        `Invalid arguments when initializing OpenTok: apiKey=${toText(apiKey)}, apiSecret=${shownSecret}`,
      );
    }
    const key = typeof apiKey === 'number' ? apiKey.toString() : apiKey;
    const config = resolveConfig(key, apiSecret, options);
    this.apiKey = key;
    this.apiUrl = config.apiUrl;

    const signingKey = lazySigningKey(apiSecret, config.vonage);
    const credentials: RestCredentials = { apiKey: key, vonage: config.vonage, signingKey, clock: { offsetMs: 0 } };
    setClientState(this, {
      ot: this,
      rest: createRestClient(config, credentials),
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
   *
   * @internal
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
   * resolves to what the callback receives after its `null` error and rejects with the error the
   * callback would receive. See {@link Promises}.
   *
   * @example
   * ```ts
   * const session = await opentok.promises.createSession({ mediaMode: 'routed' });
   * const archive = await opentok.promises.startArchive(session.sessionId, { name: 'demo' });
   * ```
   */
  get promises(): OpenTokPromises {
    let api = promiseApis.get(this);
    if (!api) {
      api = createPromiseApi(this);
      promiseApis.set(this, api);
    }
    return api;
  }

  /**
   * Same as the next signature, with `options` left out.
   *
   * @param callback - Called with `(null, session)`: save `session.sessionId`.
   */
  createSession(callback: ResultCallback<Session>): void;
  /**
   * Creates a session. Without options it is a relayed session (clients connect peer to peer) that
   * is archived only on request; archiving and most features need `mediaMode: 'routed'`.
   *
   * Errors passed to `callback`:
   * - a plain `Error`, on the next tick and without a request, when `archiveMode` is `always`
   *   without `mediaMode: 'routed'`, or `location` is not an IPv4 address;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure), whose message starts with `Failed to createSession. Error: `.
   *
   * @param options - Media mode, archive mode, location hint, end-to-end encryption, and the name
   *   and resolution of automatic archives. May be left out.
   * @param callback - Called with `(null, session)`: save `session.sessionId`.
   * @throws `Error` when `callback` is not a function.
   * @example
   * ```ts
   * opentok.createSession({ mediaMode: 'routed', archiveMode: 'always' }, (err, session) => {
   *   if (err) return console.error(err.message);
   *   console.log(session.sessionId);
   * });
   * ```
   */
  createSession(options: SessionOptions | null | undefined, callback: ResultCallback<Session>): void;
  createSession(optionsOrCallback: unknown, callback?: unknown): void {
    sessions.createSession(contextOf(this), optionsOrCallback, callback);
  }

  /**
   * Mints a client token, which a client passes to connect to the session: a JWT by default, a
   * legacy T1 token when `generateT1Token` is true. Synchronous, nothing is sent.
   *
   * @param sessionId - A session of this API key (checked by decoding the ID, except in Vonage
   *   application mode).
   * @param options - Role (default `publisher`), expiry (seconds since the epoch, default in 24
   *   hours, at most 30 days ahead), connection data (at most 1024 characters) and initial layout
   *   classes.
   * @param generateT1Token - True for a legacy `T1==` token instead of a JWT.
   * @returns The token.
   * @throws `Error` when `sessionId` is not a string or belongs to another API key, or an option is
   *   invalid (an unknown role, an expiry in the past or more than 30 days ahead, data or layout
   *   classes over 1024 characters).
   * @example
   * ```ts
   * const token = opentok.generateToken(sessionId, {
   *   role: 'moderator',
   *   expireTime: Math.floor(Date.now() / 1000) + 3600,
   *   data: 'name=Johnny',
   *   initialLayoutClassList: ['focus'],
   * });
   * ```
   */
  generateToken(sessionId: string, options?: TokenOptions | null, generateT1Token?: boolean): string {
    return tokens.generateClientToken(contextOf(this).tokens, sessionId, options, generateT1Token);
  }

  /**
   * Mints a JWT that authenticates calls to the REST API, for a call this SDK does not cover. The
   * SDK signs each of its own requests itself. Once the service has refused a request of this
   * client for the time of its JWT, the clock offset learnt then dates this JWT too.
   *
   * @returns A JWT valid for 5 minutes: HS256 with the API secret, or RS256 with the private key
   *   in Vonage application mode.
   * @throws `Error` in Vonage application mode when the private key cannot be parsed.
   * @example
   * ```ts
   * const headers = { 'X-OPENTOK-AUTH': opentok.generateJwt() };
   * ```
   */
  generateJwt(): string {
    return restJwt.generateRestJwt(contextOf(this).credentials);
  }

  /**
   * Same as the next signature, with `options` left out.
   *
   * @param sessionId - The session to record.
   * @param callback - Called with `(null, archive)`; the archive's `status` is `started`.
   */
  startArchive(sessionId: string, callback: ResultCallback<Archive>): void;
  /**
   * Starts recording a session. The session must use the OpenTok Media Router (`routed`) and have
   * connected clients.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `sessionId` is empty;
   * - {@link ArchiveError} on HTTP 404 (no such session, or no client connected to it) or 409
   *   (the session is already being recorded, or is not routed);
   * - {@link AuthError} (401, 403) or {@link RequestError} (any other failure).
   *
   * @param sessionId - The session to record.
   * @param options - Name, audio and video, output mode, layout, resolution, stream mode and the
   *   other archive settings; sent as given. May be left out.
   * @param callback - Called with `(null, archive)`; the archive's `status` is `started`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.startArchive(sessionId, { name: 'Important Presentation', outputMode: 'composed' }, (err, archive) => {
   *   if (err) return console.error(err.message);
   *   console.log(archive.id);
   * });
   * ```
   */
  startArchive(sessionId: string, options: ArchiveOptions | null | undefined, callback: ResultCallback<Archive>): void;
  startArchive(sessionId: string, optionsOrCallback: unknown, callback?: unknown): void {
    archives.startArchive(contextOf(this), sessionId, optionsOrCallback, callback);
  }

  /**
   * Stops a recording.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `archiveId` is empty;
   * - {@link ArchiveError} on HTTP 404 (no such archive) or 409 (the archive is not being
   *   recorded; the message is the service's);
   * - {@link AuthError} (401, 403) or {@link RequestError} (any other failure).
   *
   * @param archiveId - The archive to stop.
   * @param callback - Called with `(null, archive)`, the stopped archive.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.stopArchive(archiveId, (err, archive) => {
   *   if (err) return console.error(err.message);
   *   console.log(archive.status); // 'stopped'
   * });
   * ```
   */
  stopArchive(archiveId: string, callback: ResultCallback<Archive>): void {
    archives.stopArchive(contextOf(this), archiveId, callback);
  }

  /**
   * Fetches an archive: its status, duration, size and, once uploaded, its download URL.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `archiveId` is empty;
   * - {@link NotFoundError} on HTTP 404 (no such archive);
   * - {@link AuthError} (401, 403) or {@link RequestError} (any other failure).
   *
   * @param archiveId - The archive ID.
   * @param callback - Called with `(null, archive)`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.getArchive(archiveId, (err, archive) => {
   *   if (err) return console.error(err.message);
   *   if (archive.status === 'available') console.log(archive.url);
   * });
   * ```
   */
  getArchive(archiveId: string, callback: ResultCallback<Archive>): void {
    archives.getArchive(contextOf(this), archiveId, callback);
  }

  /**
   * Deletes an archive (its recording becomes unavailable).
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `archiveId` is empty;
   * - {@link ArchiveError} on HTTP 404 (no such archive);
   * - {@link AuthError} (401, 403) or {@link RequestError} (any other failure).
   *
   * @param archiveId - The archive to delete.
   * @param callback - Called with `(null)` once deleted.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.deleteArchive(archiveId, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  deleteArchive(archiveId: string, callback: DoneCallback): void {
    archives.deleteArchive(contextOf(this), archiveId, callback);
  }

  /**
   * Same as the next signature, with `options` left out.
   *
   * @param callback - Called with `(null, archives, totalCount)`: the page and the number of
   *   archives in all pages.
   */
  listArchives(callback: ListCallback<Archive>): void;
  /**
   * Lists archives, newest first, a page at a time.
   *
   * Errors passed to `callback`: {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or
   * {@link RequestError} (any other failure).
   *
   * @param options - `offset` (default 0), `count` (default 50, at most 1000) and `sessionId` (only
   *   that session's archives). May be left out.
   * @param callback - Called with `(null, archives, totalCount)`: the page and the number of
   *   archives in all pages.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.listArchives({ sessionId, count: 10 }, (err, archives, totalCount) => {
   *   if (err) return console.error(err.message);
   *   console.log(`${archives.length} of ${totalCount}`);
   * });
   * ```
   */
  listArchives(options: ListArchivesOptions | null | undefined, callback: ListCallback<Archive>): void;
  listArchives(optionsOrCallback: unknown, callback?: unknown): void {
    archives.listArchives(contextOf(this), optionsOrCallback, callback);
  }

  /**
   * Disconnects a client from a session.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `sessionId` or `connectionId` is `null` or
   *   `undefined`;
   * - {@link ForceDisconnectError} on HTTP 404 (no such session or connection);
   * - {@link AuthError} (401, 403) or {@link RequestError} (any other failure).
   *
   * @param sessionId - The session.
   * @param connectionId - The client's connection ID.
   * @param callback - Called with `(null)` once disconnected.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.forceDisconnect(sessionId, connectionId, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  forceDisconnect(sessionId: string, connectionId: string, callback: DoneCallback): void {
    disconnect.forceDisconnect(contextOf(this), sessionId, connectionId, callback);
  }

  /**
   * Same as the next signature, with `options` left out.
   *
   * @param sessionId - The session the call joins.
   * @param token - A token of that session, for the SIP participant's connection.
   * @param sipUri - The SIP URI to dial, such as `sip:user@sip.example.com`.
   * @param callback - Called with `(null, sipCall)`: its `id`, `connectionId` and `streamId`.
   */
  dial(sessionId: string, token: string, sipUri: string, callback: ResultCallback<SipCall>): void;
  /**
   * Dials a SIP endpoint and connects the call to a session as an audio (and optionally video)
   * participant. The session must be routed.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `sessionId`, `token` or `sipUri` is empty;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure), whose message starts with `Failed to dial endpoint. Error: `.
   *
   * @param sessionId - The session the call joins.
   * @param token - A token of that session, for the SIP participant's connection.
   * @param sipUri - The SIP URI to dial, such as `sip:user@sip.example.com`.
   * @param options - SIP headers, gateway credentials, TLS, caller ID, video, observing force mute,
   *   and the streams the call hears. May be left out.
   * @param callback - Called with `(null, sipCall)`: its `id`, `connectionId` and `streamId`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * const sipToken = opentok.generateToken(sessionId, { data: 'sip=true' });
   * opentok.dial(sessionId, sipToken, 'sip:alice@sip.example.com', { auth: { username: 'u', password: 'p' } }, (err, call) => {
   *   if (err) return console.error(err.message);
   *   console.log(call.connectionId);
   * });
   * ```
   */
  dial(
    sessionId: string,
    token: string,
    sipUri: string,
    options: DialOptions | null | undefined,
    callback: ResultCallback<SipCall>,
  ): void;
  dial(sessionId: string, token: string, sipUri: string, optionsOrCallback: unknown, callback?: unknown): void {
    sipDial.dial(contextOf(this), sessionId, token, sipUri, optionsOrCallback, callback);
  }

  /**
   * Sends a signal to every client of a session, or to one connection.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `sessionId` or `payload` is `null` or
   *   `undefined`;
   * - {@link SignalError} on HTTP 404 (no such session or connection);
   * - {@link AuthError} (401, 403) or {@link RequestError} (any other failure).
   *
   * @param sessionId - The session.
   * @param connectionId - The one connection to signal, or `null` for every client.
   * @param payload - The signal's `type` (at most 128 characters) and `data` (at most 8 kB).
   * @param callback - Called with `(null)` once the signal is accepted.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.signal(sessionId, null, { type: 'chat', data: 'Hello!' }, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  signal(sessionId: string, connectionId: string | null | undefined, payload: SignalPayload, callback: DoneCallback): void {
    signaling.signal(contextOf(this), sessionId, connectionId, payload, callback);
  }

  /**
   * Same as the next signature, with `options` left out.
   *
   * @param archiveId - The archive.
   * @param streamId - The stream to add.
   * @param callback - Called with `(null)` once added.
   */
  addArchiveStream(archiveId: string, streamId: string, callback: DoneCallback): void;
  /**
   * Adds a stream to an archive started with `streamMode: 'manual'`.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `archiveId` or `streamId` is empty, and on
   *   HTTP 400 (an invalid request);
   * - {@link ArchiveError} on HTTP 404 (no such archive or stream) or 405 (the archive's stream
   *   mode is not `manual`);
   * - {@link AuthError} (401, 403) or {@link RequestError} (any other failure).
   *
   * @param archiveId - The archive.
   * @param streamId - The stream to add.
   * @param options - Whether to record the stream's audio and video (both default to true). May be
   *   left out.
   * @param callback - Called with `(null)` once added.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.addArchiveStream(archiveId, streamId, { hasVideo: false }, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  addArchiveStream(
    archiveId: string,
    streamId: string,
    options: StreamTrackOptions | null | undefined,
    callback: DoneCallback,
  ): void;
  addArchiveStream(archiveId: string, streamId: string, optionsOrCallback: unknown, callback?: unknown): void {
    archiveStreams.addArchiveStream(contextOf(this), archiveId, streamId, optionsOrCallback, callback);
  }

  /**
   * Removes a stream from an archive started with `streamMode: 'manual'`.
   *
   * Errors passed to `callback`: as {@link OpenTok.addArchiveStream | addArchiveStream}:
   * {@link ArgumentError} for an empty ID or on HTTP 400, {@link ArchiveError} on 404 or 405,
   * {@link AuthError} on 401 or 403, {@link RequestError} on any other failure.
   *
   * @param archiveId - The archive.
   * @param streamId - The stream to remove.
   * @param callback - Called with `(null)` once removed.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.removeArchiveStream(archiveId, streamId, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  removeArchiveStream(archiveId: string, streamId: string, callback: DoneCallback): void {
    archiveStreams.removeArchiveStream(contextOf(this), archiveId, streamId, callback);
  }

  /**
   * Same as the last signature, without a stylesheet or screen-share layout.
   *
   * @param archiveId - The archive.
   * @param type - The layout type; `custom` takes a stylesheet.
   * @param callback - Called with `(null, body, response)`: the service's reply, passed through.
   */
  setArchiveLayout(archiveId: string, type: LayoutType, callback: ResponseCallback): void;
  /**
   * Same as the last signature, without a screen-share layout.
   *
   * @param archiveId - The archive.
   * @param type - The layout type; `custom` takes a stylesheet.
   * @param stylesheet - The CSS of a `custom` layout. May be left out.
   * @param callback - Called with `(null, body, response)`: the service's reply, passed through.
   */
  setArchiveLayout(archiveId: string, type: LayoutType, stylesheet: string | null | undefined, callback: ResponseCallback): void;
  /**
   * Changes the layout of a composed archive while it records.
   *
   * Errors passed to `callback` (as `(error, body, response)`):
   * - a plain `Error`, without a request, when `archiveId` or `type` is not a string, `stylesheet`
   *   or `screenshareType` is not a string, or `screenshareType` is set with a type other than
   *   `bestFit`;
   * - {@link AuthError} (HTTP 401, 403) or {@link NotFoundError} (404), with `body` null;
   * - {@link RequestError} (any other failure), with the response's body when there was one.
   *
   * @param archiveId - The archive.
   * @param type - The layout type; `custom` takes a stylesheet.
   * @param stylesheet - The CSS of a `custom` layout. May be left out.
   * @param screenshareType - The layout used while a screen is shared (type `bestFit` only). May be
   *   left out.
   * @param callback - Called with `(null, body, response)`: the service's reply, passed through.
   * @throws {@link ArgumentError} when no argument is a function.
   * @example
   * ```ts
   * opentok.setArchiveLayout(archiveId, 'custom', 'stream.instructor { position: absolute; width: 100%; }', (err) => {
   *   if (err) console.error(err.message);
   * });
   * opentok.setArchiveLayout(archiveId, 'bestFit', null, 'pip', (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  setArchiveLayout(
    archiveId: string,
    type: 'bestFit',
    stylesheet: string | null | undefined,
    screenshareType: ScreenshareLayoutType,
    callback: ResponseCallback,
  ): void;
  setArchiveLayout(archiveId: string, type: string, stylesheet?: unknown, screenshareType?: unknown, callback?: unknown): void {
    layouts.setLayout(contextOf(this), layouts.ARCHIVE_LAYOUT, archiveId, type, stylesheet, screenshareType, callback);
  }

  /**
   * Starts a live-streaming broadcast of a routed session, to HLS and/or up to five RTMP servers.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `sessionId` is empty, `options` is missing,
   *   or the HLS output sets both `dvr` and `lowLatency`;
   * - a plain `Error` on HTTP 400 (invalid options);
   * - {@link AuthError} (401, 403), {@link NotFoundError} (404) or {@link RequestError} (any other
   *   failure).
   *
   * Every message starts with `Failed to start broadcast. Error: `, but the argument errors'.
   *
   * @param sessionId - The session to broadcast.
   * @param options - The outputs (required), and the duration, resolution, layout, stream mode and
   *   other broadcast settings; sent as given.
   * @param callback - Called with `(null, broadcast)`: its `broadcastUrls` hold the HLS URL and the
   *   RTMP outputs' status.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * const options: OpenTok.BroadcastOptions = {
   *   outputs: { hls: {}, rtmp: [{ serverUrl: 'rtmp://live.example.com/app', streamName: 'key' }] },
   *   maxDuration: 5400,
   *   resolution: '1280x720',
   * };
   * opentok.startBroadcast(sessionId, options, (err, broadcast) => {
   *   if (err) return console.error(err.message);
   *   console.log(broadcast.broadcastUrls?.hls);
   * });
   * ```
   */
  startBroadcast(sessionId: string, options: BroadcastOptions, callback: ResultCallback<Broadcast>): void {
    broadcasts.startBroadcast(contextOf(this), sessionId, options, callback);
  }

  /**
   * Stops a broadcast.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `broadcastId` is empty;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure), whose message starts with `Failed to stop broadcast. Error: `.
   *
   * @param broadcastId - The broadcast to stop.
   * @param callback - Called with `(null, broadcast)`, the stopped broadcast.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.stopBroadcast(broadcastId, (err, broadcast) => {
   *   if (err) return console.error(err.message);
   *   console.log(broadcast.status);
   * });
   * ```
   */
  stopBroadcast(broadcastId: string, callback: ResultCallback<Broadcast>): void {
    broadcasts.stopBroadcast(contextOf(this), broadcastId, callback);
  }

  /**
   * Fetches a broadcast.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `broadcastId` is empty;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure), whose message starts with `Failed to get broadcast. Error: `.
   *
   * @param broadcastId - The broadcast ID.
   * @param callback - Called with `(null, broadcast)`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.getBroadcast(broadcastId, (err, broadcast) => {
   *   if (err) return console.error(err.message);
   *   console.log(broadcast.status, broadcast.broadcastUrls);
   * });
   * ```
   */
  getBroadcast(broadcastId: string, callback: ResultCallback<Broadcast>): void {
    broadcasts.getBroadcast(contextOf(this), broadcastId, callback);
  }

  /**
   * Same as the next signature, with `options` left out.
   *
   * @param callback - Called with `(null, broadcasts, totalCount)`: the page and the number of
   *   broadcasts in all pages.
   */
  listBroadcasts(callback: ListCallback<Broadcast>): void;
  /**
   * Lists broadcasts, newest first, a page at a time.
   *
   * Errors passed to `callback`: {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or
   * {@link RequestError} (any other failure).
   *
   * @param options - `offset` (default 0), `count` (default 50, at most 1000) and `sessionId` (only
   *   that session's broadcasts). May be left out.
   * @param callback - Called with `(null, broadcasts, totalCount)`: the page and the number of
   *   broadcasts in all pages.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.listBroadcasts({ sessionId }, (err, broadcasts, totalCount) => {
   *   if (err) return console.error(err.message);
   *   console.log(broadcasts.map((broadcast) => broadcast.id), totalCount);
   * });
   * ```
   */
  listBroadcasts(options: ListBroadcastsOptions | null | undefined, callback: ListCallback<Broadcast>): void;
  listBroadcasts(optionsOrCallback: unknown, callback?: unknown): void {
    broadcasts.listBroadcasts(contextOf(this), optionsOrCallback, callback);
  }

  /**
   * Same as the last signature, without a stylesheet or screen-share layout.
   *
   * @param broadcastId - The broadcast.
   * @param type - The layout type; `custom` takes a stylesheet.
   * @param callback - Called with `(null, body, response)`: the service's reply, passed through.
   */
  setBroadcastLayout(broadcastId: string, type: LayoutType, callback: ResponseCallback): void;
  /**
   * Same as the last signature, without a screen-share layout.
   *
   * @param broadcastId - The broadcast.
   * @param type - The layout type; `custom` takes a stylesheet.
   * @param stylesheet - The CSS of a `custom` layout. May be left out.
   * @param callback - Called with `(null, body, response)`: the service's reply, passed through.
   */
  setBroadcastLayout(
    broadcastId: string,
    type: LayoutType,
    stylesheet: string | null | undefined,
    callback: ResponseCallback,
  ): void;
  /**
   * Changes the layout of a broadcast while it runs.
   *
   * Errors passed to `callback` (as `(error, body, response)`): as
   * {@link OpenTok.setArchiveLayout | setArchiveLayout}: a plain `Error` without a request for an
   * invalid argument; {@link AuthError} (HTTP 401, 403) or {@link NotFoundError} (404) with `body`
   * null; {@link RequestError} on any other failure.
   *
   * @param broadcastId - The broadcast.
   * @param type - The layout type; `custom` takes a stylesheet.
   * @param stylesheet - The CSS of a `custom` layout. May be left out.
   * @param screenshareType - The layout used while a screen is shared (type `bestFit` only). May be
   *   left out.
   * @param callback - Called with `(null, body, response)`: the service's reply, passed through.
   * @throws {@link ArgumentError} when no argument is a function.
   * @example
   * ```ts
   * opentok.setBroadcastLayout(broadcastId, 'horizontalPresentation', (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
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
    layouts.setLayout(contextOf(this), layouts.BROADCAST_LAYOUT, broadcastId, type, stylesheet, screenshareType, callback);
  }

  /**
   * Same as the next signature, with `options` left out.
   *
   * @param broadcastId - The broadcast.
   * @param streamId - The stream to add.
   * @param callback - Called with `(null, body, response)`: the service's reply, passed through.
   */
  addBroadcastStream(broadcastId: string, streamId: string, callback: ResponseCallback): void;
  /**
   * Adds a stream to a broadcast started with `streamMode: 'manual'`.
   *
   * Errors passed to `callback` (as `(error, body, response)`):
   * - {@link ArgumentError}, without a request, when `broadcastId` or `streamId` is empty;
   * - {@link AuthError} (HTTP 401, 403) or {@link NotFoundError} (404), with `body` null;
   * - {@link RequestError} (any other failure), with the response's body when there was one.
   *
   * @param broadcastId - The broadcast.
   * @param streamId - The stream to add.
   * @param options - Whether to include the stream's audio and video (both default to true). May be
   *   left out.
   * @param callback - Called with `(null, body, response)`: the service's reply, passed through.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.addBroadcastStream(broadcastId, streamId, { hasAudio: true, hasVideo: true }, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  addBroadcastStream(
    broadcastId: string,
    streamId: string,
    options: StreamTrackOptions | null | undefined,
    callback: ResponseCallback,
  ): void;
  addBroadcastStream(broadcastId: string, streamId: string, optionsOrCallback: unknown, callback?: unknown): void {
    broadcasts.addBroadcastStream(contextOf(this), broadcastId, streamId, optionsOrCallback, callback);
  }

  /**
   * Removes a stream from a broadcast started with `streamMode: 'manual'`.
   *
   * Errors passed to `callback` (as `(error, body, response)`): as
   * {@link OpenTok.addBroadcastStream | addBroadcastStream}: {@link ArgumentError} without a request
   * for an empty ID; {@link AuthError} (HTTP 401, 403) or {@link NotFoundError} (404) with `body`
   * null; {@link RequestError} on any other failure.
   *
   * @param broadcastId - The broadcast.
   * @param streamId - The stream to remove.
   * @param callback - Called with `(null, body, response)`: the service's reply, passed through.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.removeBroadcastStream(broadcastId, streamId, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  removeBroadcastStream(broadcastId: string, streamId: string, callback: ResponseCallback): void {
    broadcasts.removeBroadcastStream(contextOf(this), broadcastId, streamId, callback);
  }

  /**
   * Plays DTMF tones into a session, or to one connection.
   *
   * Errors passed to `callback`:
   * - a plain `Error`, without a request, when `sessionId` is not a non-empty string or
   *   `connectionId` is set but not a string;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure).
   *
   * @param sessionId - The session.
   * @param connectionId - The one connection to play to, or `null` for the whole session.
   * @param digits - The digits: `0`-`9`, `*`, `#`, and `p` for a 500 ms pause.
   * @param callback - Called with `(null)` once accepted.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.playDTMF(sessionId, null, '1234#', (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  playDTMF(sessionId: string, connectionId: string | null | undefined, digits: string, callback: DoneCallback): void {
    dtmf.playDTMF(contextOf(this), sessionId, connectionId, digits, callback);
  }

  /**
   * Same as the next signature, with `options` left out.
   *
   * @param sessionId - The session.
   * @param token - A token of that session, for the connector's connection.
   * @param websocketUri - The `ws://` or `wss://` URI of the server.
   * @param callback - Called with `(null, connection)`: the connector's `id` and `connectionId`.
   */
  websocketConnect(sessionId: string, token: string, websocketUri: string, callback: ResultCallback<WebSocketConnection>): void;
  /**
   * Connects a session's audio to a WebSocket server (the audio connector): the server receives
   * the streams' audio and, when bidirectional, may send audio back.
   *
   * Errors passed to `callback`:
   * - a plain `Error`, without a request, when `sessionId`, `token` or `websocketUri` is empty;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure), whose message starts with `Error connecting to websocket: `.
   *
   * @param sessionId - The session.
   * @param token - A token of that session, for the connector's connection.
   * @param websocketUri - The `ws://` or `wss://` URI of the server.
   * @param options - The streams sent (default: all), the headers of the WebSocket request, and
   *   `bidirectional`. May be left out.
   * @param callback - Called with `(null, connection)`: the connector's `id` and `connectionId`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.websocketConnect(sessionId, token, 'wss://audio.example.com/socket', { streams: [streamId] }, (err, connection) => {
   *   if (err) return console.error(err.message);
   *   console.log(connection.connectionId);
   * });
   * ```
   */
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
    audioConnector.websocketConnect(contextOf(this), sessionId, token, websocketUri, optionsOrCallback, callback);
  }

  /**
   * Fetches one stream of a session: its video type, name and layout classes.
   *
   * Errors passed to `callback`:
   * - a plain `Error`, without a request, when `sessionId` or `streamId` is not a non-empty string;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404: no such session or stream) or
   *   {@link RequestError} (any other failure).
   *
   * @param sessionId - The session.
   * @param streamId - The stream.
   * @param callback - Called with `(null, stream)`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.getStream(sessionId, streamId, (err, stream) => {
   *   if (err) return console.error(err.message);
   *   console.log(stream.videoType, stream.layoutClassList);
   * });
   * ```
   */
  getStream(sessionId: string, streamId: string, callback: ResultCallback<Stream>): void {
    streams.getStream(contextOf(this), sessionId, streamId, callback);
  }

  /**
   * Lists the streams of a session.
   *
   * Errors passed to `callback`:
   * - a plain `Error`, without a request, when `sessionId` is not a non-empty string;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure).
   *
   * @param sessionId - The session.
   * @param callback - Called with `(null, streams)`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.listStreams(sessionId, (err, streams) => {
   *   if (err) return console.error(err.message);
   *   console.log(streams.map((stream) => stream.id));
   * });
   * ```
   */
  listStreams(sessionId: string, callback: ResultCallback<Stream[]>): void {
    streams.listStreams(contextOf(this), sessionId, callback);
  }

  /**
   * Sets the layout classes of streams in a session, which place them in composed archives and
   * broadcasts.
   *
   * Errors passed to `callback` (as `(error, body, response)`):
   * - a plain `Error`, without a request, when `sessionId` is not a string, or `classListArray` is
   *   not an array of `{ id: string, layoutClassList: string[] }`;
   * - {@link AuthError} (HTTP 401, 403) or {@link NotFoundError} (404), with `body` null;
   * - {@link RequestError} (any other failure), with the response's body when there was one.
   *
   * @param sessionId - The session.
   * @param classListArray - For each stream, its ID and its new list of classes (an empty list
   *   clears them).
   * @param callback - Called with `(null, body, response)`: the service's reply, passed through.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.setStreamClassLists(sessionId, [{ id: streamId, layoutClassList: ['focus'] }], (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  setStreamClassLists(sessionId: string, classListArray: readonly StreamClassList[], callback: ResponseCallback): void {
    streams.setStreamClassLists(contextOf(this), sessionId, classListArray, callback);
  }

  /**
   * Mutes the audio of one stream of a session. The publisher may unmute it again.
   *
   * Errors passed to `callback`:
   * - a plain `Error`, without a request, when `sessionId` is not a non-empty string or `streamId`
   *   is set but not a string;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure).
   *
   * @param sessionId - The session.
   * @param streamId - The stream to mute.
   * @param callback - Called with `(null)` once muted.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.forceMuteStream(sessionId, streamId, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  forceMuteStream(sessionId: string, streamId: string, callback: DoneCallback): void {
    forceMute.forceMuteStream(contextOf(this), sessionId, streamId, callback);
  }

  /**
   * Same as the next signature, with `options` left out.
   *
   * @param sessionId - The session.
   * @param callback - Called with `(null)` once muted.
   */
  forceMuteAll(sessionId: string, callback: DoneCallback): void;
  /**
   * Mutes the audio of every stream of a session, except the excluded ones, and of the streams
   * published afterwards, until {@link OpenTok.disableForceMute | disableForceMute}.
   *
   * Errors passed to `callback`:
   * - a plain `Error`, without a request, when `sessionId` is not a non-empty string or
   *   `excludedStreamIds` is set but not an array;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure).
   *
   * @param sessionId - The session.
   * @param options - `excludedStreamIds`: the streams that keep their audio. May be left out.
   * @param callback - Called with `(null)` once muted.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.forceMuteAll(sessionId, { excludedStreamIds: [moderatorStreamId] }, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  forceMuteAll(sessionId: string, options: ForceMuteAllOptions | null | undefined, callback: DoneCallback): void;
  forceMuteAll(sessionId: string, optionsOrCallback: unknown, callback?: unknown): void {
    forceMute.forceMuteAll(contextOf(this), sessionId, optionsOrCallback, callback);
  }

  /**
   * Ends the state set by {@link OpenTok.forceMuteAll | forceMuteAll}: streams published from now
   * on keep their audio.
   *
   * Errors passed to `callback`:
   * - a plain `Error`, without a request, when `sessionId` is not a non-empty string;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure).
   *
   * @param sessionId - The session.
   * @param callback - Called with `(null)` once done.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.disableForceMute(sessionId, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  disableForceMute(sessionId: string, callback: DoneCallback): void {
    forceMute.disableForceMute(contextOf(this), sessionId, callback);
  }

  /**
   * Lists Experience Composer renders.
   *
   * Errors passed to `callback`: {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or
   * {@link RequestError} (any other failure).
   *
   * @param options - `offset`, and `count` (1 to 1000); `null` or `{}` for the service's defaults.
   * @param callback - Called with `(null, { count, items }, response)`: the service's reply.
   * @throws {@link ArgumentError} when `callback` is not a function, or `count` is below 1 or above
   *   1000.
   * @example
   * ```ts
   * opentok.listRenders({ count: 10 }, (err, page) => {
   *   if (err) return console.error(err.message);
   *   console.log(page.items.map((render) => render.status));
   * });
   * ```
   */
  listRenders(options: ListRendersOptions | null | undefined, callback: RenderCallback<{ count: number; items: Render[] }>): void {
    renders.listRenders(contextOf(this), options, callback);
  }

  /**
   * Fetches an Experience Composer render.
   *
   * Errors passed to `callback`: {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or
   * {@link RequestError} (any other failure).
   *
   * @param renderId - The render ID.
   * @param callback - Called with `(null, render, response)`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.getRender(renderId, (err, render) => {
   *   if (err) return console.error(err.message);
   *   console.log(render.status);
   * });
   * ```
   */
  getRender(renderId: string, callback: RenderCallback<Render>): void {
    renders.getRender(contextOf(this), renderId, callback);
  }

  /**
   * Starts an Experience Composer render: the service loads a web page and publishes it into a
   * session as a stream.
   *
   * Errors passed to `callback`: {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or
   * {@link RequestError} (any other failure).
   *
   * @param options - The session, a token of it, the page's URL, and the duration (default 1800
   *   s), resolution (default `1280x720`), status callback URL and stream properties.
   * @param callback - Called with `(null, render, response)`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.startRender({ sessionId, token, url: 'https://example.com/board', properties: { name: 'Board' } }, (err, render) => {
   *   if (err) return console.error(err.message);
   *   console.log(render.id);
   * });
   * ```
   */
  startRender(options: RenderOptions, callback: RenderCallback<Render>): void {
    renders.startRender(contextOf(this), options, callback);
  }

  /**
   * Stops an Experience Composer render.
   *
   * Errors passed to `callback`: {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or
   * {@link RequestError} (any other failure).
   *
   * @param renderId - The render to stop.
   * @param callback - Called with `(null, body, response)`; the body of the reply is empty.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.stopRender(renderId, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  stopRender(renderId: string, callback: RenderCallback<string>): void {
    renders.stopRender(contextOf(this), renderId, callback);
  }

  /**
   * Starts live captions of a routed session's audio; the captions reach the clients that
   * subscribe to them.
   *
   * Errors passed to `callback`:
   * - {@link CaptionsError} on HTTP 409 (captions are already running for the session);
   * - {@link AuthError} (401, 403), {@link NotFoundError} (404) or {@link RequestError} (any other
   *   failure).
   *
   * @param sessionId - The session.
   * @param token - A moderator token of that session.
   * @param options - The language (`en-US`), maximum duration (default 14400 s) and whether
   *   partial captions are sent (default true); `null` or `{}` for the defaults.
   * @param callback - Called with `(null, captionsId)`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * const moderatorToken = opentok.generateToken(sessionId, { role: 'moderator' });
   * opentok.startCaptions(sessionId, moderatorToken, { maxDuration: 3600 }, (err, captionsId) => {
   *   if (err) return console.error(err.message);
   *   console.log(captionsId);
   * });
   * ```
   */
  startCaptions(
    sessionId: string,
    token: string,
    options: CaptionsOptions | null | undefined,
    callback: ResultCallback<string>,
  ): void {
    captions.startCaptions(contextOf(this), sessionId, token, options, callback);
  }

  /**
   * Stops live captions.
   *
   * Errors passed to `callback`: {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or
   * {@link RequestError} (any other failure).
   *
   * @param captionsId - The ID `startCaptions` called back with.
   * @param callback - Called with `(null, true)` once stopped.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.stopCaptions(captionsId, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  stopCaptions(captionsId: string, callback: ResultCallback<boolean>): void {
    captions.stopCaptions(contextOf(this), captionsId, callback);
  }

  /**
   * Same as the next signature, with `options` left out.
   *
   * @param callback - Called with `(null, callback)`: the registration, with its `id`.
   */
  registerCallback(callback: ResultCallback<Callback>): void;
  /**
   * Registers a URL to which the service POSTs a group of session-monitoring events (connections,
   * streams, archives, ...). `opentok/webhooks` parses what it receives.
   *
   * Errors passed to `callback`: {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or
   * {@link RequestError} (any other failure).
   *
   * @param options - The event `group` and `event`, and the `url` to POST to.
   * @param callback - Called with `(null, callback)`: the registration, with its `id`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.registerCallback({ group: 'connection', event: 'created', url: 'https://example.com/events' }, (err, registration) => {
   *   if (err) return console.error(err.message);
   *   console.log(registration.id);
   * });
   * ```
   */
  registerCallback(options: CallbackOptions | null | undefined, callback: ResultCallback<Callback>): void;
  registerCallback(optionsOrCallback: unknown, callback?: unknown): void {
    callbacks.registerCallback(contextOf(this), optionsOrCallback, callback);
  }

  /**
   * Unregisters an event callback.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `callbackId` is empty;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure).
   *
   * @param callbackId - The registration's `id`.
   * @param callback - Called with `(null)` once unregistered.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.unregisterCallback(callbackId, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  unregisterCallback(callbackId: string, callback: DoneCallback): void {
    callbacks.unregisterCallback(contextOf(this), callbackId, callback);
  }

  /**
   * Same as the next signature, with `options` left out.
   *
   * @param callback - Called with `(null, callbacks)`.
   */
  listCallbacks(callback: ResultCallback<Callback[]>): void;
  /**
   * Lists the registered event callbacks.
   *
   * Errors passed to `callback`: {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or
   * {@link RequestError} (any other failure).
   *
   * @param options - Ignored; accepted for compatibility with opentok 2.x. May be left out.
   * @param callback - Called with `(null, callbacks)`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.listCallbacks((err, registrations) => {
   *   if (err) return console.error(err.message);
   *   for (const registration of registrations) console.log(registration.group, registration.url);
   * });
   * ```
   */
  listCallbacks(options: object | null | undefined, callback: ResultCallback<Callback[]>): void;
  listCallbacks(optionsOrCallback: unknown, callback?: unknown): void {
    callbacks.listCallbacks(contextOf(this), optionsOrCallback, callback);
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
  // The ten error classes first, in opentok 2.x's order: `Object.keys(OpenTok)` lists them as 2.x did.
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
