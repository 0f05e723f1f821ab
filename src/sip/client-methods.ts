import type { DoneCallback, ResultCallback } from '../core/callback-types';
import { contextOf } from '../core/client-state';
import type { SipCall } from '../models/sip-call';
import type { OpenTokClient } from '../opentok';
import * as sipDial from './dial';
import type { DialOptions } from './dial';
import * as dtmf from './play-dtmf';

/**
 * The methods of {@link OpenTok} for SIP calls and DTMF tones. The client's declaration merges this
 * interface: these are `opentok.dial(...)` and its siblings; their implementations follow.
 */
export interface SipMethods {
  /**
   * Same as the next signature, with `options` left out.
   *
   * @param sessionId - The session the call joins.
   * @param token - A token of that session, for the SIP participant's connection.
   * @param sipUri - The SIP URI to dial, such as `sip:user@sip.example.com`.
   * @param callback - Called with `(null, sipCall)`: its `id`, `connectionId` and `streamId`.
   */
  dial(sessionId: string, token: string, sipUri: string, callback: ResultCallback<SipCall>): void;
  /**
   * Dials a SIP endpoint and connects the call to a session as an audio (and optionally video)
   * participant. The session must be routed.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `sessionId`, `token` or `sipUri` is empty;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure), whose message starts with `Failed to dial endpoint. Error: `.
   *
   * @param sessionId - The session the call joins.
   * @param token - A token of that session, for the SIP participant's connection.
   * @param sipUri - The SIP URI to dial, such as `sip:user@sip.example.com`.
   * @param options - SIP headers, gateway credentials, TLS, caller ID, video, observing force mute,
   *   and the streams the call hears. May be left out.
   * @param callback - Called with `(null, sipCall)`: its `id`, `connectionId` and `streamId`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * const sipToken = opentok.generateToken(sessionId, { data: 'sip=true' });
   * opentok.dial(sessionId, sipToken, 'sip:alice@sip.example.com', { auth: { username: 'u', password: 'p' } }, (err, call) => {
   *   if (err) return console.error(err.message);
   *   console.log(call.connectionId);
   * });
   * ```
   */
  dial(
    sessionId: string,
    token: string,
    sipUri: string,
    options: DialOptions | null | undefined,
    callback: ResultCallback<SipCall>,
  ): void;

  /**
   * Plays DTMF tones into a session, or to one connection.
   *
   * Errors passed to `callback`:
   * - a plain `Error`, without a request, when `sessionId` is not a non-empty string or
   *   `connectionId` is set but not a string;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure).
   *
   * @param sessionId - The session.
   * @param connectionId - The one connection to play to, or `null` for the whole session.
   * @param digits - The digits: `0`-`9`, `*`, `#`, and `p` for a 500 ms pause.
   * @param callback - Called with `(null)` once accepted.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.playDTMF(sessionId, null, '1234#', (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  playDTMF(sessionId: string, connectionId: string | null | undefined, digits: string, callback: DoneCallback): void;
}

/**
 * The implementations of {@link SipMethods}, installed on the client's prototype by src/opentok.ts
 * in the order of opentok 2.x's methods. Each one looks up the client's state, then delegates to
 * the API module.
 */
export const sipMethods = {
  dial(this: OpenTokClient, sessionId: string, token: string, sipUri: string, optionsOrCallback: unknown, callback?: unknown): void {
    sipDial.dial(contextOf(this), sessionId, token, sipUri, optionsOrCallback, callback);
  },

  playDTMF(this: OpenTokClient, sessionId: string, connectionId: string | null | undefined, digits: string, callback: DoneCallback): void {
    dtmf.playDTMF(contextOf(this), sessionId, connectionId, digits, callback);
  },
};
