import { callRest, isCallback, shiftOptional } from '../core/callbacks';
import type { ApiContext } from '../core/context';
import { encodedSegment, isNullOrEmpty, isPlainObject, optionsObject } from '../core/objects';
import { isSuccess, malformedBody, outcomeError } from '../core/outcomes';
import { ArgumentError } from '../errors';
import type { HttpOutcome } from '../http/types';
import { CallbackModel } from '../models/callback';

/** Options of `registerCallback` (SPEC §18). */
export interface CallbackOptions {
  /** Event group: `connection`, `stream`, `archive`, ... */
  group?: string;
  /** Event: `created`, `destroyed`, `status`, ... */
  event?: string;
  /** URL the service POSTs events to. */
  url?: string;
}

/** `registerCallback([options], callback)` (SPEC §18). */
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

/** `unregisterCallback(callbackId, callback)` (SPEC §18). */
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

/** `listCallbacks([options], callback)` (SPEC §18). */
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
