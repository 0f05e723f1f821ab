import { callRest, isCallback } from '../core/callbacks';
import type { ApiContext } from '../core/context';
import { toText } from '../core/objects';
import { hasStatus, isSuccess, outcomeError, responseError } from '../core/outcomes';
import { ArgumentError, SignalError } from '../errors';
import type { HttpOutcome } from '../http/types';

/**
 * A signal sent to the clients of a session, as `signal` takes it; the clients receive it as a
 * `signal` event (`signal:<type>` when it has a type).
 *
 * @example
 * ```ts
 * opentok.signal(sessionId, null, { type: 'chat', data: 'Hello!' }, (err) => {
 *   if (err) console.error(err);
 * });
 * ```
 */
export interface SignalPayload {
  /** Signal type, at most 128 characters. Default: none. */
  type?: string;
  /** Signal data, at most 8 kB. Default: none. */
  data?: string;
}

/**
 * `signal(sessionId, connectionId, payload, callback)`: to every client of the session, or to one
 * connection when `connectionId` is given (truthy); 404 is a `SignalError`.
 */
export function signal(
  ctx: ApiContext,
  sessionId: unknown,
  connectionId: unknown,
  payload: unknown,
  callback: unknown,
): void {
  if (!isCallback(callback)) throw new ArgumentError('No callback given to signal');
  if (sessionId == null || payload == null) {
    callback(new ArgumentError('No sessionId or payload given to signal'));
    return;
  }
  const target = connectionId ? `/connection/${toText(connectionId)}` : '';
  const path = `${ctx.projectPath}/session/${toText(sessionId)}${target}/signal`;
  const interpret = (outcome: HttpOutcome): readonly unknown[] => {
    if (isSuccess(outcome)) return [null];
    if (hasStatus(outcome, 404)) return [responseError(new SignalError('Session or Connection not found'), outcome)];
    return [outcomeError(outcome)];
  };
  callRest(ctx.rest, { method: 'POST', path, json: payload }, interpret, callback);
}
