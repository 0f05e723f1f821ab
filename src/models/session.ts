import { copyOwnProperties } from '../core/objects';
import type { OpenTokClient } from '../opentok';
import type { ArchiveMode, MediaMode } from '../sessions/create-session';
import type { TokenOptions } from '../tokens/token-options';

const RESERVED = new Set(['ot', 'sessionId']);

/**
 * An OpenTok session, as returned by `createSession` (SPEC §7.2). Save `sessionId`; mint client
 * tokens with `generateToken`.
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

  /** Wraps an existing session ID; `properties` are copied onto the object. */
  constructor(ot: OpenTokClient, sessionId: string, properties?: object) {
    this.ot = ot;
    this.sessionId = sessionId;
    copyOwnProperties(this, properties, RESERVED);
  }

  /**
   * Mints a client token for this session: a JWT, or a legacy T1 token when `generateT1Token` is
   * true. Same as `ot.generateToken(session.sessionId, options, generateT1Token)`.
   */
  generateToken(options?: TokenOptions, generateT1Token?: boolean): string {
    return this.ot.generateToken(this.sessionId, options, generateT1Token);
  }
}
