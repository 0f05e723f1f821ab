import { newJwtId, signJwt } from '../auth/jws';
import type { SigningKey } from '../auth/jws';
import type { ClockOffset } from '../auth/rest-jwt';
import { decodeSessionId } from './session-id';
import { encodeT1Token } from './t1-token';
import { buildTokenData, validateTokenOptions } from './token-options';

/** What token generation needs from the client: the API key and the prepared signing key. */
export interface TokenCredentials {
  readonly apiKey: string;
  signingKey(): SigningKey;
  readonly vonage: boolean;
  /**
   * The client's clock offset: the service checks a token's `iat` and expiry against its own
   * clock when a client connects, so a token is dated by the service's time as the client knows
   * it, like the REST JWTs.
   */
  readonly clock: ClockOffset;
}

/**
 * `generateToken(sessionId, options, generateT1Token)`: a JWT signed with the API secret (HS256),
 * or a T1 token when `generateT1Token` is truthy. The session must belong to the API key.
 * Synchronous; every failure is a
 * thrown plain `Error` with the documented message.
 */
export function generateClientToken(
  credentials: TokenCredentials,
  sessionId: unknown,
  options: unknown,
  generateT1Token: unknown,
): string {
  const nowMs = Date.now() + credentials.clock.offsetMs;
  const now = Math.round(nowMs / 1000);
  if (credentials.vonage) return generateVonageToken(credentials, sessionId, options, nowMs, now);

  if (typeof sessionId !== 'string') {
    throw new Error('Token cannot be generated without a sessionId parameter');
  }
  if (decodeSessionId(sessionId).apiKey !== credentials.apiKey) {
    throw new Error('Token cannot be generated unless the session belongs to the API Key');
  }
  const fields = validateTokenOptions(options, now);
  const tokenData = buildTokenData(sessionId, now, fields);
  const signingKey = credentials.signingKey();
  if (generateT1Token) return encodeT1Token(credentials.apiKey, signingKey.key, tokenData);

  const iat = Math.floor(nowMs / 1000);
  return signJwt(
    { iss: credentials.apiKey, ist: 'project', iat, exp: tokenData.expire_time || iat + 300, ...tokenData },
    signingKey,
  );
}

/**
 * Vonage application tokens: RS256 with the application's private key, options validated like
 * normal tokens, the session ID not checked against the application ID, and no T1 form.
 */
function generateVonageToken(
  credentials: TokenCredentials,
  sessionId: unknown,
  options: unknown,
  nowMs: number,
  now: number,
): string {
  const fields = validateTokenOptions(options, now);
  const signingKey = credentials.signingKey();
  const claims = {
    scope: 'session.connect',
    session_id: sessionId,
    role: fields.role,
    initial_layout_class_list: fields.initialLayoutClassList,
    exp: fields.expireTime,
    sub: 'video',
    acl: { paths: { '/session/**': {} } },
    ...(fields.data === undefined ? {} : { connection_data: fields.data }),
    jti: newJwtId(),
    iat: Math.floor(nowMs / 1000),
    application_id: credentials.apiKey,
  };
  try {
    return signJwt(claims, signingKey);
  } catch (error) {
    // The session ID is not checked in this mode, but it must survive JSON serialisation: a BigInt
    // or a cyclic object does not, and it is the only claim that can fail.
    if (error instanceof TypeError) throw new Error('Token cannot be generated without a sessionId parameter');
    throw error;
  }
}
