import { newJwtId, signJwt } from './jws';
import type { SigningKey } from './jws';

/** Lifetime of the JWT that authenticates one REST request, in seconds. */
export const REST_JWT_LIFETIME_SECONDS = 300;

/** Credentials used to authenticate REST calls. */
export interface RestCredentials {
  readonly apiKey: string;
  signingKey(): SigningKey;
  /** True in Vonage application mode (RS256, `Authorization: Bearer`). */
  readonly vonage: boolean;
}

/**
 * Mints the JWT that authenticates one REST request (`X-OPENTOK-AUTH`, or `Authorization: Bearer`
 * in Vonage application mode), valid for a few minutes from `nowMs`.
 */
export function generateRestJwt(credentials: RestCredentials, nowMs: number = Date.now()): string {
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

/** The auth header a REST request carries: `X-OPENTOK-AUTH`, or a bearer token in Vonage mode. */
export function restAuthHeader(credentials: RestCredentials): [name: string, value: string] {
  const token = generateRestJwt(credentials);
  return credentials.vonage ? ['Authorization', `Bearer ${token}`] : ['X-OPENTOK-AUTH', token];
}
