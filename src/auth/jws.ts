import { createHmac, createPrivateKey, createSecretKey, sign as signWithKey, randomUUID } from 'crypto';
import type { KeyObject } from 'crypto';

/** Signing algorithms the SDK produces: HS256 with the API secret, RS256 with a Vonage private key. */
export type JwsAlgorithm = 'HS256' | 'RS256';

/** A prepared signing key: the key material is parsed once, not on every token. */
export interface SigningKey {
  readonly algorithm: JwsAlgorithm;
  readonly key: KeyObject;
  /** The encoded JOSE header, `{"alg":…,"typ":"JWT"}`, computed once. */
  readonly encodedHeader: string;
}

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

/** Prepares an HS256 key from the API secret (UTF-8). */
export function hmacSigningKey(secret: string): SigningKey {
  return {
    algorithm: 'HS256',
    key: createSecretKey(Buffer.from(secret, 'utf8')),
    encodedHeader: base64url('{"alg":"HS256","typ":"JWT"}'),
  };
}

/** Prepares an RS256 key from a PEM private key. Throws if the PEM cannot be parsed. */
export function rsaSigningKey(pem: string): SigningKey {
  return {
    algorithm: 'RS256',
    key: createPrivateKey(pem),
    encodedHeader: base64url('{"alg":"RS256","typ":"JWT"}'),
  };
}

/**
 * Signs `claims` as a compact JWS. The claims are serialised in their insertion order, which is
 * part of the documented token format, so this does not go through a JWT library that might
 * reorder or add claims.
 */
export function signJwt(claims: object, signingKey: SigningKey): string {
  const signingInput = `${signingKey.encodedHeader}.${base64url(JSON.stringify(claims))}`;
  const signature =
    signingKey.algorithm === 'HS256'
      ? createHmac('sha256', signingKey.key).update(signingInput).digest('base64url')
      : signWithKey('sha256', Buffer.from(signingInput), signingKey.key).toString('base64url');
  return `${signingInput}.${signature}`;
}

/** A random UUID v4 for `jti` claims. */
export function newJwtId(): string {
  return randomUUID();
}
