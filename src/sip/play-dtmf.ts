import { callRest, requireCallback } from '../core/callbacks';
import type { ApiContext } from '../core/context';
import { toText } from '../core/objects';
import { isSuccess, outcomeError } from '../core/outcomes';
import type { HttpOutcome } from '../http/types';

/**
 * `playDTMF(sessionId, connectionId, digits, callback)`: plays the digits into the whole session,
 * or to one connection when `connectionId` is given (truthy). Argument errors are plain `Error`s
 * (`Invalid arguments -- ...`), as in 2.x.
 */
export function playDTMF(
  ctx: ApiContext,
  sessionId: unknown,
  connectionId: unknown,
  digits: unknown,
  maybeCallback: unknown,
): void {
  const callback = requireCallback(maybeCallback);
  if (!sessionId || typeof sessionId !== 'string') {
    callback(new Error('Invalid arguments -- must provide a sessionId string.'));
    return;
  }
  if (connectionId && typeof connectionId !== 'string') {
    callback(new Error('Invalid arguments -- connectionId must be a string.'));
    return;
  }
  const target = connectionId ? `/connection/${toText(connectionId)}` : '';
  const path = `${ctx.projectPath}/session/${toText(sessionId)}${target}/play-dtmf`;
  const interpret = (outcome: HttpOutcome): readonly unknown[] => (isSuccess(outcome) ? [null] : [outcomeError(outcome)]);
  callRest(ctx.rest, { method: 'POST', path, json: { digits } }, interpret, callback);
}
