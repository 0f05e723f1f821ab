import type { DoneCallback } from '../core/callback-types';
import { contextOf } from '../core/client-state';
import type { OpenTokClient } from '../opentok';
import * as signaling from './signal';
import type { SignalPayload } from './signal';

/**
 * The methods of {@link OpenTok} for signaling. The client's declaration merges this interface:
 * these are `opentok.signal(...)` and its siblings; their implementations follow.
 */
export interface SignalingMethods {
  /**
   * Sends a signal to every client of a session, or to one connection.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `sessionId` or `payload` is `null` or
   *   `undefined`;
   * - {@link SignalError} on HTTP 404 (no such session or connection);
   * - {@link AuthError} (401, 403) or {@link RequestError} (any other failure).
   *
   * @param sessionId - The session.
   * @param connectionId - The one connection to signal, or `null` for every client.
   * @param payload - The signal's `type` (at most 128 characters) and `data` (at most 8 kB).
   * @param callback - Called with `(null)` once the signal is accepted.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.signal(sessionId, null, { type: 'chat', data: 'Hello!' }, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  signal(sessionId: string, connectionId: string | null | undefined, payload: SignalPayload, callback: DoneCallback): void;
}

/**
 * The implementations of {@link SignalingMethods}, installed on the client's prototype by src/opentok.ts
 * in the order of opentok 2.x's methods. Each one looks up the client's state, then delegates to
 * the API module.
 */
export const signalingMethods = {
  signal(this: OpenTokClient, sessionId: string, connectionId: string | null | undefined, payload: SignalPayload, callback: DoneCallback): void {
    signaling.signal(contextOf(this), sessionId, connectionId, payload, callback);
  },
};
