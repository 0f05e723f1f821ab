import { newJwtId, signJwt } from './jws';
import type { SigningKey } from './jws';

/** Lifetime of the JWT that authenticates one REST request, in seconds. */
export const REST_JWT_LIFETIME_SECONDS = 300;

/**
 * How far the service's clock is from this machine's, as one client learnt it (`service time -
 * local time`, in milliseconds; `0` until the service refuses a JWT for its time). Every JWT the
 * client signs (REST auth, `generateJwt()`, client tokens) is dated by `Date.now() + offsetMs`, so
 * that the service, which checks `iat` and `exp` against its own clock, accepts it.
 */
export interface ClockOffset {
  offsetMs: number;
}

/** Credentials used to authenticate REST calls. */
export interface RestCredentials {
  readonly apiKey: string;
  signingKey(): SigningKey;
  /** True in Vonage application mode (RS256, `Authorization: Bearer`). */
  readonly vonage: boolean;
  /** The client's clock offset, shared by everything it signs; the REST client updates it. */
  readonly clock: ClockOffset;
}

/**
 * Mints the JWT that authenticates one REST request (`X-OPENTOK-AUTH`, or `Authorization: Bearer`
 * in Vonage application mode), valid for a few minutes from `nowMs`: by default the service's
 * time as the client knows it (this machine's clock plus the client's clock offset).
 */
export function generateRestJwt(credentials: RestCredentials, nowMs: number = Date.now() + credentials.clock.offsetMs): string {
  const iat = Math.floor(nowMs / 1000);
  const exp = iat + REST_JWT_LIFETIME_SECONDS;
  if (credentials.vonage) {
    return signJwt(
      {
        iss: credentials.apiKey,
        ist: 'project',
        iat,
        exp,
        application_id: credentials.apiKey,
        jti: newJwtId(),
      },
      credentials.signingKey(),
    );
  }
  return signJwt({ iss: credentials.apiKey, ist: 'project', iat, exp }, credentials.signingKey());
}

/** The auth header a REST request carries: `X-OPENTOK-AUTH`, or a bearer token in Vonage mode, dated `nowMs`. */
export function restAuthHeader(credentials: RestCredentials, nowMs: number): [name: string, value: string] {
  const token = generateRestJwt(credentials, nowMs);
  return credentials.vonage ? ['Authorization', `Bearer ${token}`] : ['X-OPENTOK-AUTH', token];
}
