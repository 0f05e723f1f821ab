import type { ResultCallback } from '../core/callback-types';
import { contextOf } from '../core/client-state';
import type { OpenTokClient } from '../opentok';
import * as captions from './captions';
import type { CaptionsOptions } from './captions';

/**
 * The methods of {@link OpenTok} for live captions. The client's declaration merges this interface:
 * these are `opentok.startCaptions(...)` and its siblings; their implementations follow.
 */
export interface CaptionsMethods {
  /**
   * Starts live captions of a routed session's audio; the captions reach the clients that
   * subscribe to them.
   *
   * Errors passed to `callback`:
   * - {@link CaptionsError} on HTTP 409 (captions are already running for the session);
   * - {@link AuthError} (401, 403), {@link NotFoundError} (404) or {@link RequestError} (any other
   *   failure).
   *
   * @param sessionId - The session.
   * @param token - A moderator token of that session.
   * @param options - The language (`en-US`), maximum duration (default 14400 s) and whether
   *   partial captions are sent (default true); `null` or `{}` for the defaults.
   * @param callback - Called with `(null, captionsId)`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * const moderatorToken = opentok.generateToken(sessionId, { role: 'moderator' });
   * opentok.startCaptions(sessionId, moderatorToken, { maxDuration: 3600 }, (err, captionsId) => {
   *   if (err) return console.error(err.message);
   *   console.log(captionsId);
   * });
   * ```
   */
  startCaptions(
    sessionId: string,
    token: string,
    options: CaptionsOptions | null | undefined,
    callback: ResultCallback<string>,
  ): void;

  /**
   * Stops live captions.
   *
   * Errors passed to `callback`: {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or
   * {@link RequestError} (any other failure).
   *
   * @param captionsId - The ID `startCaptions` called back with.
   * @param callback - Called with `(null, true)` once stopped.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.stopCaptions(captionsId, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  stopCaptions(captionsId: string, callback: ResultCallback<boolean>): void;
}

/**
 * The implementations of {@link CaptionsMethods}, installed on the client's prototype by src/opentok.ts
 * in the order of opentok 2.x's methods. Each one looks up the client's state, then delegates to
 * the API module.
 */
export const captionsMethods = {
  startCaptions(
    this: OpenTokClient,
    sessionId: string,
    token: string,
    options: CaptionsOptions | null | undefined,
    callback: ResultCallback<string>,
  ): void {
    captions.startCaptions(contextOf(this), sessionId, token, options, callback);
  },

  stopCaptions(this: OpenTokClient, captionsId: string, callback: ResultCallback<boolean>): void {
    captions.stopCaptions(contextOf(this), captionsId, callback);
  },
};
