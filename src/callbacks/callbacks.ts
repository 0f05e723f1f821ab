import { callRest, isCallback, shiftOptional } from '../core/callbacks';
import type { ApiContext } from '../core/context';
import { encodedSegment, isNullOrEmpty, isPlainObject, optionsObject } from '../core/objects';
import { isSuccess, malformedBody, outcomeError } from '../core/outcomes';
import { ArgumentError } from '../errors';
import type { HttpOutcome } from '../http/types';
import { CallbackModel } from '../models/callback';

/**
 * Options of `registerCallback`: which events the service POSTs, and where. Each key is sent as
 * given (the service refuses a missing one).
 *
 * @example
 * ```ts
 * opentok.registerCallback({ group: 'connection', event: 'created', url: 'https://example.com/events' }, (err, callback) => {
 *   if (err) return console.error(err);
 *   console.log('registered', callback.id);
 * });
 * ```
 */
export interface CallbackOptions {
  /**
   * Event group: `session`, `connection`, `stream` (session monitoring), `call` (SIP calls),
   * `archive`, `broadcast`, `render` or `captions`.
   */
  group?: string;
  /** Event of the group: `created`, `destroyed` (and `updated`, `muteForced` for calls), or `status` for the others. */
  event?: string;
  /** URL the service POSTs each event to (parse them with `opentok/webhooks`). */
  url?: string;
}

/** `registerCallback([options], callback)`: calls back with a {@link Callback}. */
export function registerCallback(ctx: ApiContext, optionsOrCallback: unknown, maybeCallback: unknown): void {
  const shifted = shiftOptional(optionsOrCallback, maybeCallback);
  const callback = shifted.callback;
  if (!isCallback(callback)) throw new ArgumentError('No callback given to registerCallback');
  const options = optionsObject(shifted.value);
  const json = { group: options.group, event: options.event, url: options.url };
  const interpret = (outcome: HttpOutcome): readonly unknown[] => {
    if (!isSuccess(outcome)) return [outcomeError(outcome)];
    if (!isPlainObject(outcome.body)) return [malformedBody(outcome)];
    return [null, new CallbackModel(ctx.ot, outcome.body)];
  };
  callRest(ctx.rest, { method: 'POST', path: `${ctx.projectPath}/callback`, json }, interpret, callback);
}

/** `unregisterCallback(callbackId, callback)`: a DELETE of the callback; calls back `(null)`. */
export function unregisterCallback(ctx: ApiContext, callbackId: unknown, callback: unknown): void {
  if (!isCallback(callback)) throw new ArgumentError('No callback given to unregisterCallback');
  if (isNullOrEmpty(callbackId)) {
    callback(new ArgumentError('No callback ID given'));
    return;
  }
  const path = `${ctx.projectPath}/callback/${encodedSegment((callbackId))}`;
  const interpret = (outcome: HttpOutcome): readonly unknown[] =>
    isSuccess(outcome) ? [null] : [outcomeError(outcome)];
  callRest(ctx.rest, { method: 'DELETE', path }, interpret, callback);
}

/** `listCallbacks([options], callback)`: calls back with a list of {@link Callback}s; the options are not used. */
export function listCallbacks(ctx: ApiContext, optionsOrCallback: unknown, maybeCallback: unknown): void {
  const { callback } = shiftOptional(optionsOrCallback, maybeCallback);
  if (!isCallback(callback)) throw new ArgumentError('No callback given to listCallbacks');
  const interpret = (outcome: HttpOutcome): readonly unknown[] => {
    if (!isSuccess(outcome)) return [outcomeError(outcome)];
    if (!Array.isArray(outcome.body)) return [malformedBody(outcome)];
    return [null, outcome.body.map((item: unknown) => new CallbackModel(ctx.ot, optionsObject(item)))];
  };
  callRest(ctx.rest, { method: 'GET', path: `${ctx.projectPath}/callback` }, interpret, callback);
}
