import type createDebug from 'debug';
import type { Debugger } from 'debug';
import type { HttpMethod, HttpOutcome } from './types';

/**
 * Diagnostic logging with the `debug` package, under the `opentok:*` namespaces
 * (`DEBUG=opentok:* node app.js`, or `require('debug').enable('opentok:*')`).
 *
 * - `opentok:http`: one line when a REST request starts and one when it completes, with the
 *   method, the URL, the status (or the failure's reason) and the duration; one line per retry
 *   (what failed, the attempt, the wait); one line when the service refused the auth JWT for its
 *   clock and the client corrects its clock offset.
 *
 * What is never logged: the API secret, the private key, the auth header (X-OPENTOK-AUTH /
 * Authorization) or any other header, and request or response bodies (they may carry client
 * tokens). Error messages are not logged either (a JSON parse error quotes the body); a failure
 * is described by its code alone.
 */
let httpLog: Debugger | undefined;

/**
 * The `opentok:http` logger, created on the first request rather than by `require('opentok')`
 * (loading `debug` costs more than the rest of a request). Whether it is enabled is decided by
 * `debug` on every call, so namespaces enabled at any time before a request apply to it.
 */
export function httpLogger(): Debugger {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on the first request only
  httpLog ??= (require('debug') as typeof createDebug)('opentok:http');
  return httpLog;
}

/**
 * The URL as logged: any `user:password@` part of a configured API URL is replaced by `***@`.
 * Only called when the logger is enabled.
 */
export function loggableUrl(url: string): string {
  const authority = url.indexOf('//') + 2;
  if (authority < 2) return url;
  let end = url.length;
  for (const delimiter of ['/', '?', '#']) {
    const index = url.indexOf(delimiter, authority);
    if (index !== -1 && index < end) end = index;
  }
  const at = url.lastIndexOf('@', end);
  return at < authority ? url : `${url.slice(0, authority)}***${url.slice(at)}`;
}

/** A short, secret-free identification of an error: its code, else its type, else its name. */
function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'unknown';
  const { code, type, name } = error as { code?: unknown; type?: unknown; name?: unknown };
  for (const candidate of [code, type, name]) {
    if (typeof candidate === 'string' && /^[\w.-]{1,64}$/.test(candidate)) return candidate;
    if (typeof candidate === 'number') return String(candidate);
  }
  return 'unknown';
}

/**
 * What a request came to: the status (`200`, `404`), `<status> unparseable body`, `timeout`, or
 * `error <code>` (`error ECONNREFUSED`, `error ERR_OSSL_UNSUPPORTED` for a key that cannot sign).
 */
export function describeOutcome(outcome: HttpOutcome): string {
  if (outcome.kind === 'response') return String(outcome.status);
  const { error } = outcome;
  if (error.statusCode !== undefined) return `${error.statusCode} unparseable body`;
  if (error.message.startsWith('network timeout at: ')) return 'timeout';
  return `error ${errorCode(error.cause)}`;
}

/**
 * Logs the start of a request. Call only when `httpLog.enabled`. A throwing log function (a
 * user-supplied `debug.log`) is ignored: logging never changes a request's outcome.
 */
export function logStart(method: HttpMethod, url: string): void {
  try {
    httpLogger()('%s %s started', method, loggableUrl(url));
  } catch {
    // Logging is best effort.
  }
}

/** Logs the completion of a request. Call only when `httpLog.enabled`; never throws either. */
export function logCompletion(method: HttpMethod, url: string, outcome: HttpOutcome, durationMs: number): void {
  try {
    httpLogger()('%s %s %s %dms', method, loggableUrl(url), describeOutcome(outcome), durationMs);
  } catch {
    // Logging is best effort.
  }
}

/** Logs a retry: what the last attempt came to, the wait, and which retry of the `maxRetries` allowed comes. */
export function logRetry(method: HttpMethod, url: string, outcome: HttpOutcome, retry: number, maxRetries: number, delayMs: number): void {
  try {
    httpLogger()('%s %s %s, retry %d of %d in %dms', method, loggableUrl(url), describeOutcome(outcome), retry, maxRetries, delayMs);
  } catch {
    // Logging is best effort.
  }
}

/** Logs a corrected clock offset (the JWT itself is never logged). */
export function logClockOffset(method: HttpMethod, url: string, status: number, offsetMs: number, previousMs: number): void {
  try {
    httpLogger()(
      '%s %s %d: the service refused the auth JWT for its time; clock offset now %dms (was %dms), signing again and sending once more',
      method,
      loggableUrl(url),
      status,
      offsetMs,
      previousMs,
    );
  } catch {
    // Logging is best effort.
  }
}
