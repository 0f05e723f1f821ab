import { createHash, timingSafeEqual } from 'crypto';
import jwt from 'jsonwebtoken';
import type { JwtPayload } from 'jsonwebtoken';
import { CallbackSignatureError } from './signature-error';

/** HMAC algorithms only: a callback JWT is signed with a shared secret, never `none`. */
const ALGORITHMS: jwt.Algorithm[] = ['HS256', 'HS384', 'HS512'];
/** How far the sender's clock may be from ours for `exp` and `nbf`, in seconds. */
const DEFAULT_CLOCK_TOLERANCE_S = 30;
const PREFIX = 'Invalid OpenTok callback signature: ';

/** What `verifyCallback` checks, and against what. */
export interface VerifyCallbackOptions {
  /** The request's `Authorization` header: `Bearer <JWT>`, or the JWT alone. */
  authorization: string | readonly string[] | null | undefined;
  /**
   * The signature secret set for this callback type, or several while you rotate it: the JWT must
   * verify with one of them.
   */
  secret: string | readonly string[];
  /**
   * The raw body (the text or bytes as received). When the JWT has a `payload_hash` claim, the
   * SHA-256 hex digest of this body must equal it; without a raw body that claim is not checked.
   */
  body?: string | Uint8Array;
  /** How far the sender's clock may be from yours when checking `exp` and `nbf`, in seconds, 0 or more. Default `30`. */
  clockToleranceSeconds?: number;
}

/** The secrets as a non-empty list of non-empty strings; a misconfiguration is a TypeError. */
export function signatureSecrets(secret: unknown): readonly string[] {
  const secrets = typeof secret === 'string' ? [secret] : Array.isArray(secret) ? (secret as unknown[]) : [];
  if (secrets.length === 0 || !secrets.every((item) => typeof item === 'string' && item !== '')) {
    throw new TypeError('signatureSecret must be a non-empty string or a non-empty array of them');
  }
  return secrets as string[];
}

function tokenOf(authorization: VerifyCallbackOptions['authorization']): string {
  const header = Array.isArray(authorization) ? (authorization as readonly string[])[0] : authorization;
  if (typeof header !== 'string' || header.trim() === '') throw new CallbackSignatureError(`${PREFIX}no Authorization header`);
  const token = header.trim().replace(/^Bearer\s+/i, '');
  if (token.split('.').length !== 3) throw new CallbackSignatureError(`${PREFIX}the Authorization header is not a JWT`);
  return token;
}

/** The claims once the signature verified with one secret; a readable reason otherwise. */
function verifyWithAny(token: string, secrets: readonly string[], clockTolerance: number): JwtPayload {
  for (const secret of secrets) {
    try {
      const claims = jwt.verify(token, secret, { algorithms: ALGORITHMS, clockTolerance });
      if (typeof claims === 'string') throw new CallbackSignatureError(`${PREFIX}the JWT has no claims object`);
      return claims;
    } catch (error) {
      if (error instanceof CallbackSignatureError) throw error;
      const failure = error as Error;
      // Another secret may be the one: only a bad signature lets the next one try.
      if (failure.name === 'JsonWebTokenError' && failure.message === 'invalid signature') continue;
      if (failure.name === 'TokenExpiredError') throw new CallbackSignatureError(`${PREFIX}JWT expired`);
      if (failure.name === 'NotBeforeError') throw new CallbackSignatureError(`${PREFIX}JWT not valid yet`);
      throw new CallbackSignatureError(`${PREFIX}${failure.message}`);
    }
  }
  throw new CallbackSignatureError(`${PREFIX}the JWT is not signed with the signature secret`);
}

function checkPayloadHash(claims: JwtPayload, body: string | Uint8Array | undefined): void {
  const claimed: unknown = claims.payload_hash;
  if (claimed === undefined || body === undefined) return;
  const actual = createHash('sha256').update(body).digest('hex');
  const expected = typeof claimed === 'string' ? claimed.toLowerCase() : '';
  if (expected.length !== actual.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(actual))) {
    throw new CallbackSignatureError(`${PREFIX}payload_hash does not match the body`);
  }
}

/**
 * Verifies a signed event callback: the JWT of its `Authorization` header (with or without
 * `Bearer `) must be signed (HS256, HS384 or HS512) with the callback type's signature secret, or
 * one of several during a rotation; its `exp` and `nbf`, when present, must hold within a small
 * clock tolerance; and its `payload_hash`, when present and a raw body is given, must be the
 * SHA-256 of that body.
 *
 * @param options - The `Authorization` header, the secret(s), and the raw body when you have it.
 * @returns The JWT's claims (`iat`, `exp`, `jti`, `payload_hash`, ...).
 * @throws {@link CallbackSignatureError} when any check fails (the message says which).
 * @throws `TypeError` when `secret` is not a non-empty string or array of them, or
 *   `clockToleranceSeconds` is not a finite number, 0 or more.
 * @example
 * ```ts
 * import express from 'express';
 * import { CallbackSignatureError, parseEvent, verifyCallback } from 'opentok/webhooks';
 *
 * const app = express();
 * app.post('/opentok/events', express.raw({ type: '*\/*' }), (req, res) => {
 *   try {
 *     verifyCallback({ authorization: req.headers.authorization, secret: process.env.OPENTOK_SIGNATURE_SECRET!, body: req.body });
 *   } catch (error) {
 *     if (error instanceof CallbackSignatureError) return res.status(401).json({ error: error.message });
 *     throw error;
 *   }
 *   const event = parseEvent(req.body);
 *   console.log(event.type);
 *   res.sendStatus(200);
 * });
 * ```
 */
// The return type is spelt out rather than jsonwebtoken's JwtPayload: the published declarations
// must not import a package whose types a consumer does not have (@types/jsonwebtoken is a
// development dependency only).
export function verifyCallback(options: VerifyCallbackOptions): { readonly [claim: string]: unknown } {
  const secrets = signatureSecrets(options.secret);
  const tolerance = options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_S;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new TypeError('clockToleranceSeconds must be a finite number of seconds, 0 or more');
  }
  const claims = verifyWithAny(tokenOf(options.authorization), secrets, tolerance);
  checkPayloadHash(claims, options.body);
  return claims;
}
