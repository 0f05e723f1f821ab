import { copyOwnProperties } from '../core/objects';
import type { OpenTokClient } from '../opentok';
import type { ArchiveMode, MediaMode } from '../sessions/create-session';
import type { TokenOptions } from '../tokens/token-options';

const RESERVED = new Set(['ot', 'sessionId']);

/**
 * An OpenTok session, as `createSession` calls back with it: its ID and the options it was created
 * with. Save `sessionId` (clients join a session by its ID), and mint the tokens they join with
 * using `generateToken`. Exported as `require('opentok/lib/session.js')` too, to wrap a saved ID.
 *
 * @example
 * ```ts
 * opentok.createSession({ mediaMode: 'routed' }, (err, session) => {
 *   if (err) return console.error(err);
 *   const token = session.generateToken({ role: 'moderator' });
 *   console.log(session.sessionId, token);
 * });
 * ```
 */
export class Session {
  /** The OpenTok client that created this session. */
  ot: OpenTokClient;
  /** The session ID. */
  sessionId: string;
  /** Media mode the session was created with (`routed` or `relayed`), when created by `createSession`. */
  declare mediaMode?: MediaMode;
  /** Archive mode the session was created with (`manual` or `always`), when created by `createSession`. */
  declare archiveMode?: ArchiveMode;
  /** IPv4 location hint the session was created with, if any. */
  declare location?: string;
  /** Any other property the session was created with. */
  [property: string]: unknown;

  /**
   * Wraps an existing session ID, e.g. one saved earlier.
   *
   * @param ot - The client whose API key the session belongs to (its `generateToken` is used).
   * @param sessionId - The session ID.
   * @param properties - Copied onto the object (but `ot` and `sessionId`), e.g. `{ mediaMode: 'routed' }`.
   */
  constructor(ot: OpenTokClient, sessionId: string, properties?: object) {
    this.ot = ot;
    this.sessionId = sessionId;
    copyOwnProperties(this, properties, RESERVED);
  }

  /**
   * Mints a client token for this session, locally (no request): a JWT, or a legacy T1 token when
   * `generateT1Token` is true. The same as `ot.generateToken(session.sessionId, options, generateT1Token)`.
   *
   * @param options - Role, expiry, connection data and initial layout classes; see {@link TokenOptions}.
   * @param generateT1Token - `true` for a T1 token instead of a JWT (ignored in Vonage application mode).
   * @returns The token, to hand to the client that joins the session.
   * @throws `Error` when an option is invalid (an unknown role, an expiry in the past or more than
   *   30 days ahead, data over 1024 characters) or the session does not belong to the client's API
   *   key; the message says which.
   * @example
   * ```ts
   * const token = session.generateToken({
   *   role: 'publisher',
   *   expireTime: Math.round(Date.now() / 1000) + 3600, // in an hour
   *   data: 'userId=42',
   * });
   * ```
   */
  generateToken(options?: TokenOptions, generateT1Token?: boolean): string {
    return this.ot.generateToken(this.sessionId, options, generateT1Token);
  }
}
