import { callRest, isCallback, shiftOptional } from '../core/callbacks';
import type { ApiContext } from '../core/context';
import { isNullOrEmpty, isPlainObject, optionsObject, toText } from '../core/objects';
import { isSuccess, malformedBody, outcomeError } from '../core/outcomes';
import { ArgumentError, wrapError } from '../errors';
import type { HttpOutcome } from '../http/types';
import { SipCall } from '../models/sip-call';

/**
 * Options of `dial`, sent as the `sip` object of the request (with the SIP URI as `uri`). The
 * boolean options are sent only when truthy.
 *
 * @example
 * ```ts
 * opentok.dial(sessionId, token, 'sip:user@sip.example.com', {
 *   auth: { username: 'user', password: 'pass' },
 *   secure: true,
 *   from: '14155550101',
 *   observeForceMute: true,
 * }, (err, sipCall) => {
 *   if (err) return console.error(err);
 *   console.log(sipCall.id, sipCall.connectionId, sipCall.streamId);
 * });
 * ```
 */
export interface DialOptions {
  /** Custom headers added to the SIP INVITE (by convention `X-` headers). Default: none. */
  headers?: Record<string, string>;
  /** Credentials to give the SIP gateway when it asks for them. Default: none. */
  auth?: {
    /** The user name. */
    username: string;
    /** The password. */
    password: string;
  };
  /**
   * Negotiate encrypted media (SRTP) for the call. Default `false`. (For SIP signaling over TLS,
   * add `;transport=tls` to the SIP URI.)
   */
  secure?: boolean;
  /** The caller shown to the SIP endpoint: a number or `user@domain`. Default: set by the service. */
  from?: string;
  /** Send video as well as audio to the SIP endpoint. Default `false` (audio only). */
  video?: boolean;
  /** Mute the SIP participant too when the session is force-muted. Default `false`. */
  observeForceMute?: boolean;
  /** IDs of the streams the SIP participant hears (and sees). Default: every stream of the session. */
  streams?: string[];
}

const WRAP = 'Failed to dial endpoint. Error: ';

/** The `sip` object of the request body, keys in their documented order. */
function sipBody(sipUri: unknown, options: Record<string, unknown>): Record<string, unknown> {
  const sip: Record<string, unknown> = { uri: sipUri };
  if (isPlainObject(options.headers)) sip.headers = options.headers;
  // As given, like `headers`: its key order and any other key reach the service unchanged.
  if (isPlainObject(options.auth)) sip.auth = options.auth;
  if (options.secure) sip.secure = true;
  if (options.from) sip.from = toText(options.from);
  if (options.video) sip.video = true;
  if (options.observeForceMute) sip.observeForceMute = true;
  if (options.streams) sip.streams = options.streams;
  return sip;
}

/**
 * `dial(sessionId, token, sipUri[, options], callback)`: calls back with a {@link SipCall}; every
 * error is wrapped as `Failed to dial endpoint. Error: <inner>`.
 */
export function dial(
  ctx: ApiContext,
  sessionId: unknown,
  token: unknown,
  sipUri: unknown,
  optionsOrCallback: unknown,
  maybeCallback: unknown,
): void {
  const shifted = shiftOptional(optionsOrCallback, maybeCallback);
  const callback = shifted.callback;
  if (!isCallback(callback)) throw new ArgumentError('No callback given to dial');
  const options = optionsObject(shifted.value);
  let missing: string | undefined;
  if (isNullOrEmpty(sessionId)) missing = 'No session ID given';
  else if (isNullOrEmpty(token)) missing = 'No token given';
  else if (isNullOrEmpty(sipUri)) missing = 'No SIP URI given';
  if (missing !== undefined) {
    callback(new ArgumentError(missing));
    return;
  }
  const interpret = (outcome: HttpOutcome): readonly unknown[] => {
    if (!isSuccess(outcome)) return [wrapError(WRAP, outcomeError(outcome))];
    if (!isPlainObject(outcome.body)) return [wrapError(WRAP, malformedBody(outcome))];
    const sipCall = new SipCall(ctx.ot, outcome.body);
    // The service answers with `id`, `connectionId` and `streamId` only; the documented snippet
    // prints `sipCall.sessionId`, so the call keeps the session it was dialled into.
    if (sipCall.sessionId === undefined) sipCall.sessionId = sessionId as string;
    return [null, sipCall];
  };
  const json = { sessionId, token, sip: sipBody(sipUri, options) };
  callRest(ctx.rest, { method: 'POST', path: `${ctx.projectPath}/dial`, json }, interpret, callback);
}
