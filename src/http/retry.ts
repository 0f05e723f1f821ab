import type { HttpMethod, HttpOutcome } from './types';

/** The first retry waits up to this long (full jitter: a random time between 0 and this). */
export const BACKOFF_BASE_MS = 250;
/** No wait between attempts is drawn from a range wider than this, however many retries. */
export const BACKOFF_CAP_MS = 8000;

/** Replies that say "not now": the service (or a gateway in front of it) did not act on the request. */
function isRetriedStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504;
}

/**
 * Failures where the request certainly never reached the service: the connection was refused,
 * the name did not resolve, or there was no route to the host. Repeating them is safe for every
 * method.
 */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Failures after which the request may have reached the service and been acted on (a reset after
 * the body was sent, a response cut short, a system timeout): repeated only for the methods
 * whose repetition is harmless, GET and DELETE.
 */
const MAYBE_SENT = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ERR_STREAM_PREMATURE_CLOSE']);

/**
 * The full-jitter backoff before retry number `retry` (0 for the first): a random time in
 * `[0, min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2^retry))`. Random over the whole range so that
 * clients that failed together do not come back together.
 */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry));
}

/**
 * The wait a `Retry-After` header asks for, in milliseconds: a number of seconds, or an HTTP date
 * compared with `referenceMs` (the response's own `Date`, so that a skewed clock does not
 * lengthen or shorten it). `undefined` for an absent or unreadable value.
 */
export function retryAfterMs(value: string | null, referenceMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date ends with GMT; Date.parse alone would take almost anything ("1.5") for a date.
  if (!/ GMT$/.test(text)) return undefined;
  const dateMs = Date.parse(text);
  return Number.isNaN(dateMs) ? undefined : Math.max(0, dateMs - referenceMs);
}

/**
 * How long to wait before sending `method` again after `outcome`, or `undefined` when the outcome
 * is not worth another attempt: a success, an error the service meant (400, 404, 409, ...), the
 * call's own timeout (its time is up), or a failure after which the request may have been acted
 * on, for a method other than GET and DELETE. `retry` counts the retries made so far; `nowMs` is
 * this machine's time plus the client's clock offset, for a `Retry-After` date when the response
 * has no `Date`.
 */
export function retryDelayMs(method: HttpMethod, outcome: HttpOutcome, retry: number, nowMs: number): number | undefined {
  if (outcome.kind === 'response') {
    if (!isRetriedStatus(outcome.status)) return undefined;
    const headers = outcome.response.headers;
    const dateMs = Date.parse(headers.get('date') ?? '');
    return retryAfterMs(headers.get('retry-after'), Number.isNaN(dateMs) ? nowMs : dateMs) ?? backoffMs(retry);
  }
  const { error } = outcome;
  // A body that did not parse: what matters is the status it came with.
  if (error.statusCode !== undefined) return isRetriedStatus(error.statusCode) ? backoffMs(retry) : undefined;
  if (error.message.startsWith('network timeout at: ')) return undefined;
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string') return undefined;
  if (NEVER_SENT.has(code)) return backoffMs(retry);
  if (MAYBE_SENT.has(code) && (method === 'GET' || method === 'DELETE')) return backoffMs(retry);
  return undefined;
}
