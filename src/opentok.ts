// The client: its constructor, its state and accessors, and the exported constructor function. Its
// API methods live with their area (`startArchive` in src/archives/client-methods.ts) and are merged
// in below. The API modules are imported eagerly; they hold no networking code: src/http requires
// http, https, zlib, debug and the proxy agents on the first request, and
// test/require-load.test.js checks that `require('opentok')` loads none of them.
import { inspect } from 'util';
import type { InspectOptions } from 'util';
import { archiveMethods } from './archives/client-methods';
import type { ArchiveMethods } from './archives/client-methods';
import { audioConnectorMethods } from './audio-connector/client-methods';
import type { AudioConnectorMethods } from './audio-connector/client-methods';
import type { RestCredentials } from './auth/rest-jwt';
import { broadcastMethods } from './broadcasts/client-methods';
import type { BroadcastMethods } from './broadcasts/client-methods';
import { callbackMethods } from './callbacks/client-methods';
import type { CallbackMethods } from './callbacks/client-methods';
import { captionsMethods } from './captions/client-methods';
import type { CaptionsMethods } from './captions/client-methods';
import { lazySigningKey, resolveConfig } from './config';
import type { OpenTokOptions } from './config';
import { setClientState } from './core/client-state';
import { toText } from './core/objects';
import * as errors from './errors';
import { createRestClient } from './http/rest-client';
import { Session } from './models/session';
import { SipCall } from './models/sip-call';
import { moderationMethods } from './moderation/client-methods';
import type { ModerationMethods } from './moderation/client-methods';
import { createPromiseApi } from './promises';
import type { OpenTokPromises } from './promises';
import { renderMethods } from './renders/client-methods';
import type { RenderMethods } from './renders/client-methods';
import { sessionMethods } from './sessions/client-methods';
import type { SessionMethods } from './sessions/client-methods';
import { signalingMethods } from './signaling/client-methods';
import type { SignalingMethods } from './signaling/client-methods';
import { sipMethods } from './sip/client-methods';
import type { SipMethods } from './sip/client-methods';
import { streamMethods } from './streams/client-methods';
import type { StreamMethods } from './streams/client-methods';
import { tokenMethods } from './tokens/client-methods';
import type { TokenMethods } from './tokens/client-methods';

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
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the interface below declares the API methods, which installMethods puts on the prototype.
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
}

/**
 * The client's API methods, declared area by area with their documentation in each area's
 * client-methods.ts (`startArchive` in src/archives/client-methods.ts) and merged into the class
 * here, so that `OpenTok` shows them all as its own methods.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the class gets every member of these interfaces: installMethods puts the implementations on its prototype.
export interface OpenTokClient
  extends SessionMethods,
    TokenMethods,
    ArchiveMethods,
    ModerationMethods,
    SipMethods,
    SignalingMethods,
    BroadcastMethods,
    AudioConnectorMethods,
    StreamMethods,
    RenderMethods,
    CaptionsMethods,
    CallbackMethods {}

/** Every implementation, by method name (no two areas share a name). */
const implementations = {
  ...sessionMethods,
  ...tokenMethods,
  ...archiveMethods,
  ...moderationMethods,
  ...sipMethods,
  ...signalingMethods,
  ...broadcastMethods,
  ...audioConnectorMethods,
  ...streamMethods,
  ...renderMethods,
  ...captionsMethods,
  ...callbackMethods,
};

/**
 * The order in which `Object.getOwnPropertyNames(OpenTok.prototype)`, and so a client's own bound
 * methods, list the methods: the order the SDK has always shown, which code enumerating them may
 * rely on, rather than the order of the areas. An object rather than a list, so that the compiler
 * checks that it names every implementation, and nothing else.
 */
const METHOD_ORDER: Record<keyof typeof implementations, true> = {
  createSession: true,
  generateToken: true,
  generateJwt: true,
  startArchive: true,
  stopArchive: true,
  getArchive: true,
  deleteArchive: true,
  listArchives: true,
  forceDisconnect: true,
  dial: true,
  signal: true,
  addArchiveStream: true,
  removeArchiveStream: true,
  setArchiveLayout: true,
  startBroadcast: true,
  stopBroadcast: true,
  getBroadcast: true,
  listBroadcasts: true,
  setBroadcastLayout: true,
  addBroadcastStream: true,
  removeBroadcastStream: true,
  playDTMF: true,
  websocketConnect: true,
  getStream: true,
  listStreams: true,
  setStreamClassLists: true,
  forceMuteStream: true,
  forceMuteAll: true,
  disableForceMute: true,
  listRenders: true,
  getRender: true,
  startRender: true,
  stopRender: true,
  startCaptions: true,
  stopCaptions: true,
  registerCallback: true,
  unregisterCallback: true,
  listCallbacks: true,
};

/**
 * Puts the implementations on the prototype as a class declaration does: non-enumerable, writable
 * and configurable, each function named after its method (a method shorthand of an object literal
 * has its key as its name, its declared parameters as its length, and no `prototype`, as a class
 * method).
 */
function installMethods(): void {
  for (const name of Object.keys(METHOD_ORDER) as (keyof typeof implementations)[]) {
    Object.defineProperty(OpenTokClient.prototype, name, {
      // Unbound on purpose: a method of the prototype, it is called with the client as `this`.
      // eslint-disable-next-line @typescript-eslint/unbound-method
      value: implementations[name],
      enumerable: false,
      writable: true,
      configurable: true,
    });
  }
}
installMethods();

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
