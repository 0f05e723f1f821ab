import * as restJwt from '../auth/rest-jwt';
import { contextOf } from '../core/client-state';
import type { OpenTokClient } from '../opentok';
import * as tokens from './generate-token';
import type { TokenOptions } from './token-options';

/**
 * The methods of {@link OpenTok} for minting client tokens and REST JWTs. The client's declaration
 * merges this interface: these are `opentok.generateToken(...)` and its siblings; their
 * implementations follow.
 */
export interface TokenMethods {
  /**
   * Mints a client token, which a client passes to connect to the session: a JWT by default, a
   * legacy T1 token when `generateT1Token` is true. Synchronous, nothing is sent.
   *
   * @param sessionId - A session of this API key (checked by decoding the ID, except in Vonage
   *   application mode).
   * @param options - Role (default `publisher`), expiry (seconds since the epoch, default in 24
   *   hours, at most 30 days ahead), connection data (at most 1024 characters) and initial layout
   *   classes.
   * @param generateT1Token - True for a legacy `T1==` token instead of a JWT.
   * @returns The token.
   * @throws `Error` when `sessionId` is not a string or belongs to another API key, or an option is
   *   invalid (an unknown role, an expiry in the past or more than 30 days ahead, data or layout
   *   classes over 1024 characters).
   * @example
   * ```ts
   * const token = opentok.generateToken(sessionId, {
   *   role: 'moderator',
   *   expireTime: Math.floor(Date.now() / 1000) + 3600,
   *   data: 'name=Johnny',
   *   initialLayoutClassList: ['focus'],
   * });
   * ```
   */
  generateToken(sessionId: string, options?: TokenOptions | null, generateT1Token?: boolean): string;

  /**
   * Mints a JWT that authenticates calls to the REST API, for a call this SDK does not cover. The
   * SDK signs each of its own requests itself. Once the service has refused a request of this
   * client for the time of its JWT, the clock offset learnt then dates this JWT too.
   *
   * @returns A JWT valid for 5 minutes: HS256 with the API secret, or RS256 with the private key
   *   in Vonage application mode.
   * @throws `Error` in Vonage application mode when the private key cannot be parsed.
   * @example
   * ```ts
   * const headers = { 'X-OPENTOK-AUTH': opentok.generateJwt() };
   * ```
   */
  generateJwt(): string;
}

/**
 * The implementations of {@link TokenMethods}, installed on the client's prototype by src/opentok.ts
 * in the order of opentok 2.x's methods. Each one looks up the client's state, then delegates to
 * the API module.
 */
export const tokenMethods = {
  generateToken(this: OpenTokClient, sessionId: string, options?: TokenOptions | null, generateT1Token?: boolean): string {
    return tokens.generateClientToken(contextOf(this).tokens, sessionId, options, generateT1Token);
  },

  generateJwt(this: OpenTokClient, ): string {
    return restJwt.generateRestJwt(contextOf(this).credentials);
  },
};
