import type { Agent as HttpAgent } from 'http';
import { hmacSigningKey, rsaSigningKey } from './auth/jws';
import type { SigningKey } from './auth/jws';
import { isPlainObject, toText } from './core/objects';

/** Default base URL of the OpenTok REST API. */
export const DEFAULT_API_URL = 'https://api.opentok.com';
/** Default base URL in Vonage application mode. */
export const VONAGE_API_URL = 'https://video.api.vonage.com';
/** Default request timeout in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 20000;

const APPLICATION_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Options accepted as the third constructor argument (or a string: the base URL). An option of the
 * wrong type is ignored; nothing is checked until the first request.
 *
 * @example
 * ```ts
 * const opentok = new OpenTok(apiKey, apiSecret, {
 *   timeout: 10000,                      // 10 s per request
 *   proxy: 'http://proxy.example.com:3128',
 *   uaAddendum: 'my-app/1.2',            // User-Agent: OpenTok-Node-SDK/<version> my-app/1.2
 * });
 * ```
 */
export interface OpenTokOptions {
  /** Base URL of every request. Default `https://api.opentok.com` (`https://video.api.vonage.com` in Vonage mode). */
  apiUrl?: string;
  /** URL of an HTTP(S) proxy every request goes through, e.g. `http://user:pass@proxy:3128`. Default: none. */
  proxy?: string;
  /** Text appended to the User-Agent header after one space, to identify your application. Default: none. */
  uaAddendum?: string;
  /**
   * Request timeout in milliseconds, for the whole request (redirects and body included); a number
   * or a numeric string. A timed-out request calls back with a `RequestError`. Default `20000`.
   */
  timeout?: number | string;
  /** A custom `http.Agent`/`https.Agent` for every request (ignored when `proxy` is set). Default: keep-alive agents. */
  agent?: HttpAgent;
}

/** The effective, validated configuration of one OpenTok client. */
export interface ClientConfig {
  readonly apiKey: string;
  readonly apiUrl: string;
  readonly timeoutMs: number;
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
 * {@link OpenTokOptions}. Anything else is ignored, as are option values of the wrong type, and a
 * `timeout` that does not parse as a non-zero integer keeps the default.
 */
export function resolveConfig(apiKey: string, apiSecret: string, options: unknown): ClientConfig {
  const vonage = isVonageApplication(apiKey, apiSecret);
  let apiUrl = vonage ? VONAGE_API_URL : DEFAULT_API_URL;
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  let proxy: string | undefined;
  let uaAddendum: string | undefined;
  let agent: HttpAgent | undefined;

  if (typeof options === 'string') {
    apiUrl = options;
  } else if (isPlainObject(options)) {
    if (typeof options.apiUrl === 'string') apiUrl = options.apiUrl;
    if (typeof options.proxy === 'string') proxy = options.proxy;
    if (typeof options.uaAddendum === 'string') uaAddendum = options.uaAddendum;
    const timeout = parseInt(toText(options.timeout), 10);
    if (timeout) timeoutMs = timeout;
    if (typeof options.agent === 'object' && options.agent !== null) agent = options.agent as HttpAgent;
  }
  return { apiKey, apiUrl, timeoutMs, proxy, uaAddendum, agent, vonage };
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
