import { REST_JWT_LIFETIME_SECONDS } from '../auth/rest-jwt';
import type { ErrorResponseOutcome } from './types';

/**
 * The service's refusal of a JWT dated after its own clock, as it words it
 * (`{"code":-1,"message":"issued time cannot be greater than current time"}`, a 403).
 */
const ISSUED_IN_THE_FUTURE = /issued time cannot be greater than current time/i;
/** A refusal of an expired JWT (`Invalid token: jwt expired`, `Token expired`, ...). */
const EXPIRED = /\bexpired\b/i;

/** The `message` of a refusal's JSON body, or its text. */
function refusalMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body;
  if (typeof body === 'object' && body !== null) {
    const { message } = body as { message?: unknown };
    if (typeof message === 'string') return message;
  }
  return undefined;
}

/**
 * The clock offset (`service time - local time`, ms) that a 401 or 403 refusing the auth JWT for
 * its time calls for, or `undefined` when the refusal is not about time or re-signing would not
 * help. Only when all of these hold:
 * - the message says the JWT was issued in the future, or that it expired;
 * - the response has a `Date` header that parses;
 * - that date agrees: it is before the JWT's `iat` (issued in the future), or at or after its
 *   `exp` while this client still took the JWT for fresh (expired).
 *
 * The offset is the `Date` minus the local time the response arrived. The `Date` is rounded down
 * to the second and was written before the response arrived, so the offset is never larger than
 * the real one: a JWT dated with it is never after the service's clock, and it stays valid for
 * its 300 s less at most a second and the round trip.
 *
 * @param iat - The `iat` (seconds) of the refused JWT.
 * @param receivedMs - This machine's time when the refusal arrived.
 * @param offsetMs - The client's offset when the refusal arrived.
 */
export function clockOffsetFromRefusal(
  refusal: ErrorResponseOutcome,
  iat: number,
  receivedMs: number,
  offsetMs: number,
): number | undefined {
  const message = refusalMessage(refusal.body);
  if (message === undefined) return undefined;
  const issuedInTheFuture = ISSUED_IN_THE_FUTURE.test(message);
  if (!issuedInTheFuture && !EXPIRED.test(message)) return undefined;
  const dateMs = Date.parse(refusal.response.headers.get('date') ?? '');
  if (Number.isNaN(dateMs)) return undefined;
  const serviceSecond = Math.floor(dateMs / 1000);
  const exp = iat + REST_JWT_LIFETIME_SECONDS;
  const agrees = issuedInTheFuture
    ? iat > serviceSecond
    : exp <= serviceSecond && receivedMs + offsetMs < exp * 1000;
  return agrees ? dateMs - receivedMs : undefined;
}
