import type { DoneCallback } from '../core/callback-types';
import { contextOf } from '../core/client-state';
import type { OpenTokClient } from '../opentok';
import * as disconnect from './force-disconnect';
import * as forceMute from './force-mute';
import type { ForceMuteAllOptions } from './force-mute';

/**
 * The methods of {@link OpenTok} for moderation: disconnecting clients and muting streams. The
 * client's declaration merges this interface: these are `opentok.forceDisconnect(...)` and its
 * siblings; their implementations follow.
 */
export interface ModerationMethods {
  /**
   * Disconnects a client from a session.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `sessionId` or `connectionId` is `null` or
   *   `undefined`;
   * - {@link ForceDisconnectError} on HTTP 404 (no such session or connection);
   * - {@link AuthError} (401, 403) or {@link RequestError} (any other failure).
   *
   * @param sessionId - The session.
   * @param connectionId - The client's connection ID.
   * @param callback - Called with `(null)` once disconnected.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.forceDisconnect(sessionId, connectionId, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  forceDisconnect(sessionId: string, connectionId: string, callback: DoneCallback): void;

  /**
   * Mutes the audio of one stream of a session. The publisher may unmute it again.
   *
   * Errors passed to `callback`:
   * - a plain `Error`, without a request, when `sessionId` is not a non-empty string or `streamId`
   *   is set but not a string;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure).
   *
   * @param sessionId - The session.
   * @param streamId - The stream to mute.
   * @param callback - Called with `(null)` once muted.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.forceMuteStream(sessionId, streamId, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  forceMuteStream(sessionId: string, streamId: string, callback: DoneCallback): void;

  /**
   * Same as the next signature, with `options` left out.
   *
   * @param sessionId - The session.
   * @param callback - Called with `(null)` once muted.
   */
  forceMuteAll(sessionId: string, callback: DoneCallback): void;
  /**
   * Mutes the audio of every stream of a session, except the excluded ones, and of the streams
   * published afterwards, until {@link OpenTok.disableForceMute | disableForceMute}.
   *
   * Errors passed to `callback`:
   * - a plain `Error`, without a request, when `sessionId` is not a non-empty string or
   *   `excludedStreamIds` is set but not an array;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure).
   *
   * @param sessionId - The session.
   * @param options - `excludedStreamIds`: the streams that keep their audio. May be left out.
   * @param callback - Called with `(null)` once muted.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.forceMuteAll(sessionId, { excludedStreamIds: [moderatorStreamId] }, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  forceMuteAll(sessionId: string, options: ForceMuteAllOptions | null | undefined, callback: DoneCallback): void;

  /**
   * Ends the state set by {@link OpenTok.forceMuteAll | forceMuteAll}: streams published from now
   * on keep their audio.
   *
   * Errors passed to `callback`:
   * - a plain `Error`, without a request, when `sessionId` is not a non-empty string;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure).
   *
   * @param sessionId - The session.
   * @param callback - Called with `(null)` once done.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.disableForceMute(sessionId, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  disableForceMute(sessionId: string, callback: DoneCallback): void;
}

/**
 * The implementations of {@link ModerationMethods}, installed on the client's prototype by src/opentok.ts
 * in the order of opentok 2.x's methods. Each one looks up the client's state, then delegates to
 * the API module.
 */
export const moderationMethods = {
  forceDisconnect(this: OpenTokClient, sessionId: string, connectionId: string, callback: DoneCallback): void {
    disconnect.forceDisconnect(contextOf(this), sessionId, connectionId, callback);
  },

  forceMuteStream(this: OpenTokClient, sessionId: string, streamId: string, callback: DoneCallback): void {
    forceMute.forceMuteStream(contextOf(this), sessionId, streamId, callback);
  },

  forceMuteAll(this: OpenTokClient, sessionId: string, optionsOrCallback: unknown, callback?: unknown): void {
    forceMute.forceMuteAll(contextOf(this), sessionId, optionsOrCallback, callback);
  },

  disableForceMute(this: OpenTokClient, sessionId: string, callback: DoneCallback): void {
    forceMute.disableForceMute(contextOf(this), sessionId, callback);
  },
};
