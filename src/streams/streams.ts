import { callRest } from '../core/callbacks';
import type { ApiContext } from '../core/context';
import { requireCallback } from '../core/callbacks';
import { isPlainObject, toText } from '../core/objects';
import { isSuccess, malformedBody, outcomeError, passThroughArgs } from '../core/outcomes';
import { RequestError } from '../errors';
import type { HttpOutcome } from '../http/types';
import { Stream } from '../models/stream';

/**
 * The layout classes of one stream, as `setStreamClassLists` takes them: a list of these sets the
 * classes of several streams in one request.
 *
 * @example
 * ```ts
 * opentok.setStreamClassLists(sessionId, [
 *   { id: speakerStreamId, layoutClassList: ['focus'] },
 *   { id: otherStreamId, layoutClassList: [] }, // clears its classes
 * ], (err) => {
 *   if (err) console.error(err);
 * });
 * ```
 */
export interface StreamClassList {
  /** Stream ID. */
  id: string;
  /** The stream's new layout classes, replacing its current ones (an empty list clears them). */
  layoutClassList: string[];
}

function sessionIdError(sessionId: unknown): Error | undefined {
  return !sessionId || typeof sessionId !== 'string'
    ? new Error('Invalid arguments -- must provide a sessionId string.')
    : undefined;
}

/** `getStream(sessionId, streamId, callback)`: calls back with a {@link Stream}; argument errors are plain `Error`s. */
export function getStream(ctx: ApiContext, sessionId: unknown, streamId: unknown, maybeCallback: unknown): void {
  const callback = requireCallback(maybeCallback);
  const invalid =
    sessionIdError(sessionId) ??
    (!streamId || typeof streamId !== 'string'
      ? new Error('Invalid arguments -- must provide a streamId string.')
      : undefined);
  if (invalid) {
    callback(invalid);
    return;
  }
  const interpret = (outcome: HttpOutcome): readonly unknown[] => {
    if (!isSuccess(outcome)) return [outcomeError(outcome)];
    const body = outcome.body;
    if (isPlainObject(body)) return [null, new Stream(body)];
    if (typeof body !== 'string') return [malformedBody(outcome)];
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (syntaxError) {
      const error = new RequestError((syntaxError as Error).message);
      error.cause = syntaxError;
      error.statusCode = outcome.status;
      return [error];
    }
    return isPlainObject(parsed) ? [null, new Stream(parsed)] : [malformedBody(outcome)];
  };
  const path = `${ctx.projectPath}/session/${toText(sessionId)}/stream/${toText(streamId)}`;
  callRest(ctx.rest, { method: 'GET', path }, interpret, callback);
}

/** `listStreams(sessionId, callback)`: calls back with a list of {@link Stream}s. */
export function listStreams(ctx: ApiContext, sessionId: unknown, maybeCallback: unknown): void {
  const callback = requireCallback(maybeCallback);
  const invalid = sessionIdError(sessionId);
  if (invalid) {
    callback(invalid);
    return;
  }
  const interpret = (outcome: HttpOutcome): readonly unknown[] => {
    if (!isSuccess(outcome)) return [outcomeError(outcome)];
    const items = (outcome.body as { items?: unknown } | null)?.items;
    // A missing `items` (or a body that is not JSON) is an empty list, as in the original.
    const streams = Array.isArray(items) ? items.map((item: unknown) => new Stream(isPlainObject(item) ? item : {})) : [];
    return [null, streams];
  };
  callRest(ctx.rest, { method: 'GET', path: `${ctx.projectPath}/session/${toText(sessionId)}/stream` }, interpret, callback);
}

function classListError(sessionId: unknown, classListArray: unknown): Error | undefined {
  if (typeof sessionId !== 'string') return new Error('Invalid arguments -- must provide an sessionId string.');
  if (!Array.isArray(classListArray)) return new Error('Invalid arguments -- must provide a streamClassArray array.');
  for (const element of classListArray as unknown[]) {
    if (!isPlainObject(element) || typeof element.id !== 'string') {
      return new Error('Invalid arguments -- each element in the streamClassArray must have an id string.');
    }
    if (!Array.isArray(element.layoutClassList)) {
      return new Error('Invalid arguments -- each element in the streamClassArray must have a layoutClassList array.');
    }
    if ((element.layoutClassList as unknown[]).some((layoutClass) => typeof layoutClass !== 'string')) {
      return new Error(
        'Invalid arguments -- each element in the layoutClassList array must be a string (defining class names).',
      );
    }
  }
  return undefined;
}

/**
 * `setStreamClassLists(sessionId, classListArray, callback)`: a PUT of `{items}` whose response is
 * passed through; every element is checked first (an `id` string and a list of strings).
 */
export function setStreamClassLists(
  ctx: ApiContext,
  sessionId: unknown,
  classListArray: unknown,
  maybeCallback: unknown,
): void {
  const callback = requireCallback(maybeCallback);
  const invalid = classListError(sessionId, classListArray);
  if (invalid) {
    callback(invalid);
    return;
  }
  const path = `${ctx.projectPath}/session/${toText(sessionId)}/stream`;
  callRest(ctx.rest, { method: 'PUT', path, json: { items: classListArray } }, passThroughArgs, callback);
}
