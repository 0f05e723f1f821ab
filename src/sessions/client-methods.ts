import type { ResultCallback } from '../core/callback-types';
import { contextOf } from '../core/client-state';
import type { Session } from '../models/session';
import type { OpenTokClient } from '../opentok';
import * as sessions from './create-session';
import type { SessionOptions } from './create-session';

/**
 * The methods of {@link OpenTok} for creating sessions. The client's declaration merges this
 * interface: these are `opentok.createSession(...)` and its siblings; their implementations follow.
 */
export interface SessionMethods {
  /**
   * Same as the next signature, with `options` left out.
   *
   * @param callback - Called with `(null, session)`: save `session.sessionId`.
   */
  createSession(callback: ResultCallback<Session>): void;
  /**
   * Creates a session. Without options it is a relayed session (clients connect peer to peer) that
   * is archived only on request; archiving and most features need `mediaMode: 'routed'`.
   *
   * Errors passed to `callback`:
   * - a plain `Error`, on the next tick and without a request, when `archiveMode` is `always`
   *   without `mediaMode: 'routed'`, or `location` is not an IPv4 address;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure), whose message starts with `Failed to createSession. Error: `.
   *
   * @param options - Media mode, archive mode, location hint, end-to-end encryption, and the name
   *   and resolution of automatic archives. May be left out.
   * @param callback - Called with `(null, session)`: save `session.sessionId`.
   * @throws `Error` when `callback` is not a function.
   * @example
   * ```ts
   * opentok.createSession({ mediaMode: 'routed', archiveMode: 'always' }, (err, session) => {
   *   if (err) return console.error(err.message);
   *   console.log(session.sessionId);
   * });
   * ```
   */
  createSession(options: SessionOptions | null | undefined, callback: ResultCallback<Session>): void;
}

/**
 * The implementations of {@link SessionMethods}, installed on the client's prototype by src/opentok.ts
 * in the order of opentok 2.x's methods. Each one looks up the client's state, then delegates to
 * the API module.
 */
export const sessionMethods = {
  createSession(this: OpenTokClient, optionsOrCallback: unknown, callback?: unknown): void {
    sessions.createSession(contextOf(this), optionsOrCallback, callback);
  },
};
