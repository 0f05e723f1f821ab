import type { Agent as HttpAgent } from 'http';
import { hmacSigningKey, rsaSigningKey } from './auth/jws';
import type { SigningKey } from './auth/jws';
import { isPlainObject } from './core/objects';
import { ArgumentError } from './errors/argument-error';

/** Default base URL of the OpenTok REST API. */
export const DEFAULT_API_URL = 'https://api.opentok.com';
/** Default base URL in Vonage application mode. */
export const VONAGE_API_URL = 'https://video.api.vonage.com';
/** Default request timeout in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 20000;

const APPLICATION_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Largest `timeout` accepted, in milliseconds: Node's timers fire at once beyond it (about 24.8 days). */
export const MAX_TIMEOUT_MS = 2147483647;

/**
 * Options accepted as the third constructor argument (or a string: the base URL). The constructor
 * checks `apiUrl`, `timeout`, `maxRetries` and `proxy` and throws an `ArgumentError` naming the
 * option when one is unusable; `null` and `undefined` mean the default. Nothing is sent before
 * the first call.
 *
 * @example
 * ```ts
 * const opentok = new OpenTok(apiKey, apiSecret, {
 *   timeout: 10000,                      // 10 s per call, retries included
 *   maxRetries: 3,                       // retry transient failures (default 0: never)
 *   proxy: 'http://proxy.example.com:3128',
 *   uaAddendum: 'my-app/1.2',            // User-Agent: OpenTok-Node-SDK/<version> my-app/1.2
 * });
 * ```
 */
export interface OpenTokOptions {
  /**
   * Base URL of every request: an absolute `http:` or `https:` URL without a query or fragment;
   * trailing slashes are removed (`https://api.example.com/` is `https://api.example.com`).
   * Default `https://api.opentok.com` (`https://video.api.vonage.com` in Vonage mode).
   */
  apiUrl?: string;
  /**
   * URL of an HTTP(S) proxy every request goes through, e.g. `http://user:pass@proxy:3128`: an
   * absolute `http:` or `https:` URL. Default (and the empty string): none.
   */
  proxy?: string;
  /** Text appended to the User-Agent header after one space, to identify your application. Default: none. */
  uaAddendum?: string;
  /**
   * Timeout of each call in milliseconds, for the whole call: redirects, body and every retry
   * included. A positive number (at most 2147483647), or a string of digits (`'5000'`). A call
   * that runs out of time calls back with a `RequestError` (`network timeout at: <url>`), or with
   * the error of its last attempt when the time runs out between two attempts. Default `20000`.
   */
  timeout?: number | string;
  /**
   * How many times a call is sent again after a transient failure: a 429, 502, 503 or 504 reply
   * (after its `Retry-After`, when there is one) or a connection refused or DNS failure, for
   * every method; also a connection reset, a premature close or a system timeout for `GET` and
   * `DELETE` only, whose repetition is harmless. Waits between attempts grow exponentially with
   * full jitter, all within `timeout`. The error of a call sent more than once says how many
   * attempts were made (` (3 attempts)` at the end of its message, and `err.attempts`). A
   * non-negative integer. Default `0`: never retried.
   */
  maxRetries?: number;
  /** A custom `http.Agent`/`https.Agent` for every request (ignored when `proxy` is set). Default: keep-alive agents. */
  agent?: HttpAgent;
}

/** The effective, validated configuration of one OpenTok client. */
export interface ClientConfig {
  readonly apiKey: string;
  /** Without trailing slashes. */
  readonly apiUrl: string;
  /** The time a whole call may take, retries included. */
  readonly timeoutMs: number;
  /** Attempts after the first one for a transient failure; `0` disables retries. */
  readonly maxRetries: number;
  readonly proxy?: string;
  readonly uaAddendum?: string;
  readonly agent?: HttpAgent;
  /** Vonage application mode: the API key is an application ID and the secret a PKCS#8 private key. */
  readonly vonage: boolean;
}

/**
 * True when the credentials select Vonage application mode: the API key is an application ID (a
 * UUID) and the secret a PEM private key (`-----BEGIN PRIVATE KEY`).
 */
export function isVonageApplication(apiKey: string, apiSecret: string): boolean {
  return APPLICATION_ID_PATTERN.test(apiKey) && apiSecret.startsWith('-----BEGIN PRIVATE KEY');
}

/**
 * Reads the third constructor argument: a string is the base URL, a plain object the
 * {@link OpenTokOptions}; anything else is ignored, as 2.x ignored it. Each option is checked here,
 * so that a client that would fail every call (a base URL that is not one, a timeout of `NaN`)
 * fails at once: an `ArgumentError` naming the option. The message never quotes a URL, which may
 * carry credentials. `uaAddendum` and `agent` of the wrong type are ignored, as before.
 */
export function resolveConfig(apiKey: string, apiSecret: string, options: unknown): ClientConfig {
  const vonage = isVonageApplication(apiKey, apiSecret);
  let apiUrl = vonage ? VONAGE_API_URL : DEFAULT_API_URL;
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  let maxRetries = 0;
  let proxy: string | undefined;
  let uaAddendum: string | undefined;
  let agent: HttpAgent | undefined;

  if (typeof options === 'string') {
    apiUrl = checkedApiUrl(options);
  } else if (isPlainObject(options)) {
    if (options.apiUrl != null) apiUrl = checkedApiUrl(options.apiUrl);
    if (options.proxy != null && options.proxy !== '') proxy = checkedProxy(options.proxy);
    if (typeof options.uaAddendum === 'string') uaAddendum = options.uaAddendum;
    if (options.timeout != null) timeoutMs = checkedTimeout(options.timeout);
    if (options.maxRetries != null) maxRetries = checkedMaxRetries(options.maxRetries);
    if (typeof options.agent === 'object' && options.agent !== null) agent = options.agent as HttpAgent;
  }
  return { apiKey, apiUrl, timeoutMs, maxRetries, proxy, uaAddendum, agent, vonage };
}

/** The URL when `value` is an absolute `http:`/`https:` URL with a host, else `undefined`. */
function httpUrl(value: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '' ? url : undefined;
}

/**
 * The base URL without its trailing slashes: every path is appended to it as it is, so
 * `https://api.example.com/` would request `//v2/project/...`, which the service does not know.
 * A query or fragment would end up before the path: refused too.
 */
function checkedApiUrl(value: unknown): string {
  const url = typeof value === 'string' ? httpUrl(value.trim()) : undefined;
  if (url === undefined || url.search !== '' || url.hash !== '' || /[?#]/.test(value as string)) {
    throw new ArgumentError(
      'Invalid apiUrl option: it must be an absolute http: or https: URL without a query or fragment, such as https://api.opentok.com',
    );
  }
  return (value as string).trim().replace(/\/+$/, '');
}

function checkedProxy(value: unknown): string {
  if (typeof value !== 'string' || httpUrl(value) === undefined) {
    throw new ArgumentError('Invalid proxy option: it must be an absolute http: or https: URL, such as http://proxy.example.com:3128');
  }
  return value;
}

/**
 * A positive number of milliseconds, or a string of digits as 2.x read them with `parseInt`. 2.x
 * turned anything else into its default (`'abc'`, `NaN`) or into a timeout of 1 ms (`-1`).
 */
function checkedTimeout(value: unknown): number {
  let timeout = NaN;
  if (typeof value === 'number') timeout = value;
  else if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) timeout = Number(value);
  if (!(Number.isFinite(timeout) && timeout > 0 && timeout <= MAX_TIMEOUT_MS)) {
    throw new ArgumentError(
      `Invalid timeout option: it must be a positive number of milliseconds up to ${MAX_TIMEOUT_MS}, or a string of digits; got ${describeValue(value)}`,
    );
  }
  return timeout;
}

function checkedMaxRetries(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new ArgumentError(`Invalid maxRetries option: it must be a non-negative integer; got ${describeValue(value)}`);
  }
  return value;
}

/** A short rendering of a rejected number-like option, for its error message. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return Array.isArray(value) ? 'an array' : `a value of type ${typeof value}`;
}

/**
 * The key that signs REST JWTs and client tokens, prepared on first use. Preparing it lazily keeps
 * the constructor to its type checks of the key and secret, as 2.x: an unparseable private key
 * surfaces as an error of the call that needs it.
 */
export function lazySigningKey(apiSecret: string, vonage: boolean): () => SigningKey {
  let prepared: SigningKey | undefined;
  return () => {
    prepared ??= vonage ? rsaSigningKey(apiSecret) : hmacSigningKey(apiSecret);
    return prepared;
  };
}
