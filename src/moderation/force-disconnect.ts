import { callRest, isCallback } from '../core/callbacks';
import type { ApiContext } from '../core/context';
import { toText } from '../core/objects';
import { hasStatus, isSuccess, outcomeError, responseError } from '../core/outcomes';
import { ArgumentError, ForceDisconnectError } from '../errors';
import type { HttpOutcome } from '../http/types';

/**
 * `forceDisconnect(sessionId, connectionId, callback)`: a DELETE of the connection; 404 is a
 * `ForceDisconnectError`. Only `null` and `undefined` IDs are refused before the request.
 */
export function forceDisconnect(ctx: ApiContext, sessionId: unknown, connectionId: unknown, callback: unknown): void {
  if (!isCallback(callback)) throw new ArgumentError('No callback given to forceDisconnect');
  if (sessionId == null || connectionId == null) {
    callback(new ArgumentError('No sessionId or connectionId given to forceDisconnect'));
    return;
  }
  const target = connectionId === '' ? '' : `/connection/${toText(connectionId)}`;
  const path = `${ctx.projectPath}/session/${toText(sessionId)}${target}`;
  const interpret = (outcome: HttpOutcome): readonly unknown[] => {
    if (isSuccess(outcome)) return [null];
    if (hasStatus(outcome, 404)) {
      return [responseError(new ForceDisconnectError('Session or Connection not found'), outcome)];
    }
    return [outcomeError(outcome)];
  };
  callRest(ctx.rest, { method: 'DELETE', path }, interpret, callback);
}
