import { callRest, requireCallback, shiftOptional } from '../core/callbacks';
import type { AnyCallback } from '../core/callbacks';
import type { ApiContext } from '../core/context';
import { optionsObject, toText } from '../core/objects';
import { isSuccess, outcomeError } from '../core/outcomes';
import type { HttpOutcome } from '../http/types';

/**
 * Options of `forceMuteAll`.
 *
 * @example
 * ```ts
 * // Mute everyone but the moderator; streams published later are muted too.
 * opentok.forceMuteAll(sessionId, { excludedStreamIds: [moderatorStreamId] }, (err) => {
 *   if (err) console.error(err);
 * });
 * ```
 */
export interface ForceMuteAllOptions {
  /** IDs of the streams that stay unmuted. Default: none (every stream is muted). */
  excludedStreamIds?: string[];
  /** Misspelt alias of `excludedStreamIds`, kept for compatibility with the original SDK. */
  excudedStreamIds?: string[];
}

const SESSION_ID_MESSAGE = 'Invalid arguments -- must provide a sessionId string.';

function voidResult(outcome: HttpOutcome): readonly unknown[] {
  return isSuccess(outcome) ? [null] : [outcomeError(outcome)];
}

function post(ctx: ApiContext, path: string, json: object, callback: AnyCallback): void {
  callRest(ctx.rest, { method: 'POST', path: `${ctx.projectPath}${path}`, json }, voidResult, callback);
}

/** `forceMuteStream(sessionId, streamId, callback)`: argument errors are plain `Error`s. */
export function forceMuteStream(ctx: ApiContext, sessionId: unknown, streamId: unknown, maybeCallback: unknown): void {
  const callback = requireCallback(maybeCallback);
  if (!sessionId || typeof sessionId !== 'string') {
    callback(new Error(SESSION_ID_MESSAGE));
    return;
  }
  if (streamId && typeof streamId !== 'string') {
    callback(new Error('Invalid arguments -- streamId must be a string.'));
    return;
  }
  post(ctx, `/session/${toText(sessionId)}/stream/${toText(streamId)}/mute`, {}, callback);
}

/**
 * `forceMuteAll(sessionId[, options], callback)`: POSTs `{active: true, excludedStreamIds}`; the
 * misspelt `excudedStreamIds` is read when `excludedStreamIds` is not an array.
 */
export function forceMuteAll(ctx: ApiContext, sessionId: unknown, optionsOrCallback: unknown, maybeCallback: unknown): void {
  const shifted = shiftOptional(optionsOrCallback, maybeCallback);
  const callback = requireCallback(shifted.callback);
  const options = optionsObject(shifted.value);
  let invalid: string | undefined;
  if (!sessionId || typeof sessionId !== 'string') invalid = SESSION_ID_MESSAGE;
  else if (options.excludedStreamIds && !Array.isArray(options.excludedStreamIds)) {
    invalid = 'Invalid arguments -- excludedStreamIds must be array.';
  } else if (options.excudedStreamIds && !Array.isArray(options.excudedStreamIds)) {
    invalid = 'Invalid arguments -- excudedStreamIds must be array.';
  }
  if (invalid !== undefined) {
    callback(new Error(invalid));
    return;
  }
  const excludedStreamIds: unknown = Array.isArray(options.excludedStreamIds)
    ? options.excludedStreamIds
    : Array.isArray(options.excudedStreamIds)
      ? options.excudedStreamIds
      : undefined;
  post(ctx, `/session/${toText(sessionId)}/mute`, { active: true, excludedStreamIds }, callback);
}

/** `disableForceMute(sessionId, callback)`: POSTs `{active: false}`. */
export function disableForceMute(ctx: ApiContext, sessionId: unknown, maybeCallback: unknown): void {
  const callback = requireCallback(maybeCallback);
  if (!sessionId || typeof sessionId !== 'string') {
    callback(new Error(SESSION_ID_MESSAGE));
    return;
  }
  post(ctx, `/session/${toText(sessionId)}/mute`, { active: false }, callback);
}
