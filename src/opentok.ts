import { generateRestJwt } from './auth/rest-jwt';
import type { RestCredentials } from './auth/rest-jwt';
import { deleteArchive, getArchive, listArchives, startArchive, stopArchive } from './archives/archives';
import type { ArchiveOptions, ListArchivesOptions } from './archives/archives';
import { listCallbacks, registerCallback, unregisterCallback } from './callbacks/callbacks';
import type { CallbackOptions } from './callbacks/callbacks';
import { lazySigningKey, resolveConfig } from './config';
import type { OpenTokOptions } from './config';
import type { ApiContext } from './core/context';
import * as errors from './errors';
import { RestClient } from './http/rest-client';
import type { Archive } from './models/archive';
import type { Callback } from './models/callback';
import { Session } from './models/session';
import { SipCall } from './models/sip-call';
import { forceDisconnect } from './moderation/force-disconnect';
import { createSession } from './sessions/create-session';
import type { SessionOptions } from './sessions/create-session';
import { signal } from './signaling/signal';
import type { SignalPayload } from './signaling/signal';
import { dial } from './sip/dial';
import type { DialOptions } from './sip/dial';
import { generateClientToken } from './tokens/generate-token';
import type { TokenCredentials } from './tokens/generate-token';
import type { TokenOptions } from './tokens/token-options';

/** Error-first callback with no result. */
export type DoneCallback = (error: Error | null) => void;
/** Error-first callback with one result (absent on error). */
export type ResultCallback<T> = (error: Error | null, result?: T) => void;
/** Error-first callback of list methods: the items and the total count. */
export type ListCallback<T> = (error: Error | null, items?: T[], totalCount?: number) => void;

/** Per-client state the API modules share; kept off the instance so `util.inspect` shows none of it. */
const contexts = new WeakMap<OpenTokClient, ApiContext & { tokens: TokenCredentials; credentials: RestCredentials }>();

function contextOf(client: OpenTokClient): ApiContext & { tokens: TokenCredentials; credentials: RestCredentials } {
  const context = contexts.get(client);
  if (!context) throw new TypeError('OpenTok method called on an object that is not an OpenTok client');
  return context;
}

/**
 * An OpenTok client: holds the API key and secret, creates sessions, mints tokens and drives the
 * REST API. Construct it with `new OpenTok(apiKey, apiSecret[, options])` (or without `new`).
 */
export class OpenTokClient {
  /** The API key (project ID), as a string. */
  readonly apiKey: string;
  /** The API secret, or the private key in Vonage application mode. Not enumerable. */
  declare readonly apiSecret: string;
  /** The base URL of every request. */
  readonly apiUrl: string;

  constructor(apiKey: string | number, apiSecret: string, options?: OpenTokOptions | string) {
    if ((typeof apiKey !== 'number' && typeof apiKey !== 'string') || typeof apiSecret !== 'string') {
      // A string secret is never echoed: the key may be the only argument that is wrong.
      const shownSecret = typeof apiSecret === 'string' ? '[redacted]' : String(apiSecret);
      throw new Error(
        `Invalid arguments when initializing OpenTok: apiKey=${String(apiKey)}, apiSecret=${shownSecret}`,
      );
    }
    const key = typeof apiKey === 'number' ? apiKey.toString() : apiKey;
    const config = resolveConfig(key, apiSecret, options);
    this.apiKey = key;
    Object.defineProperty(this, 'apiSecret', { value: apiSecret, enumerable: false, writable: false });
    this.apiUrl = config.apiUrl;

    const signingKey = lazySigningKey(apiSecret, config.vonage);
    const credentials: RestCredentials = { apiKey: key, vonage: config.vonage, signingKey };
    contexts.set(this, {
      ot: this,
      rest: new RestClient(config, credentials),
      projectPath: `/v2/project/${key}`,
      tokens: credentials,
      credentials,
    });
  }

  /** Creates a session; `options` default to a relayed, manually archived session. */
  createSession(callback: ResultCallback<Session>): void;
  createSession(options: SessionOptions | null | undefined, callback: ResultCallback<Session>): void;
  createSession(optionsOrCallback: unknown, callback?: unknown): void {
    createSession(contextOf(this), optionsOrCallback, callback);
  }

  /**
   * Mints a client token for a session: a JWT by default, a legacy T1 token when `generateT1Token`
   * is true. Throws an `Error` for invalid input.
   */
  generateToken(sessionId: string, options?: TokenOptions | null, generateT1Token?: boolean): string {
    return generateClientToken(contextOf(this).tokens, sessionId, options, generateT1Token);
  }

  /** Returns a fresh JWT that authenticates REST calls (valid for 5 minutes). */
  generateJwt(): string {
    return generateRestJwt(contextOf(this).credentials);
  }

  /** Starts recording a session that has connected clients. */
  startArchive(sessionId: string, callback: ResultCallback<Archive>): void;
  startArchive(sessionId: string, options: ArchiveOptions | null | undefined, callback: ResultCallback<Archive>): void;
  startArchive(sessionId: string, optionsOrCallback: unknown, callback?: unknown): void {
    startArchive(contextOf(this), sessionId, optionsOrCallback, callback);
  }

  /** Stops a recording; calls back with the stopped archive. */
  stopArchive(archiveId: string, callback: ResultCallback<Archive>): void {
    stopArchive(contextOf(this), archiveId, callback);
  }

  /** Fetches an archive by ID. */
  getArchive(archiveId: string, callback: ResultCallback<Archive>): void {
    getArchive(contextOf(this), archiveId, callback);
  }

  /** Deletes an archive. */
  deleteArchive(archiveId: string, callback: DoneCallback): void {
    deleteArchive(contextOf(this), archiveId, callback);
  }

  /** Lists archives, newest first; calls back with the page and the total count. */
  listArchives(callback: ListCallback<Archive>): void;
  listArchives(options: ListArchivesOptions | null | undefined, callback: ListCallback<Archive>): void;
  listArchives(optionsOrCallback: unknown, callback?: unknown): void {
    listArchives(contextOf(this), optionsOrCallback, callback);
  }

  /** Disconnects a client from a session. */
  forceDisconnect(sessionId: string, connectionId: string, callback: DoneCallback): void {
    forceDisconnect(contextOf(this), sessionId, connectionId, callback);
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
    dial(contextOf(this), sessionId, token, sipUri, optionsOrCallback, callback);
  }

  /** Sends a signal to every client of a session, or to one connection when `connectionId` is set. */
  signal(sessionId: string, connectionId: string | null | undefined, payload: SignalPayload, callback: DoneCallback): void {
    signal(contextOf(this), sessionId, connectionId, payload, callback);
  }

  /** Registers a URL for session-monitoring events. */
  registerCallback(callback: ResultCallback<Callback>): void;
  registerCallback(options: CallbackOptions | null | undefined, callback: ResultCallback<Callback>): void;
  registerCallback(optionsOrCallback: unknown, callback?: unknown): void {
    registerCallback(contextOf(this), optionsOrCallback, callback);
  }

  /** Unregisters an event callback. */
  unregisterCallback(callbackId: string, callback: DoneCallback): void {
    unregisterCallback(contextOf(this), callbackId, callback);
  }

  /** Lists the registered event callbacks. */
  listCallbacks(callback: ResultCallback<Callback[]>): void;
  listCallbacks(options: object | null | undefined, callback: ResultCallback<Callback[]>): void;
  listCallbacks(optionsOrCallback: unknown, callback?: unknown): void {
    listCallbacks(contextOf(this), optionsOrCallback, callback);
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
