import { callRest, isCallback } from '../core/callbacks';
import type { ApiContext } from '../core/context';
import { isPlainObject, optionsObject, toText } from '../core/objects';
import { hasStatus, isSuccess, malformedBody, outcomeError, responseError } from '../core/outcomes';
import { ArgumentError, CaptionsError } from '../errors';
import type { HttpOutcome } from '../http/types';

/** Options of `startCaptions` (SPEC §17.1). */
export interface CaptionsOptions {
  /** Spoken language. Default `en-US`. */
  languageCode?: 'en-US';
  /** Maximum duration in seconds. Default 14400. */
  maxDuration?: number;
  /** Send partial (not yet final) captions. Default true. */
  partialCaptions?: boolean;
}

/** `startCaptions(sessionId, token, options, callback)` (SPEC §17.1). */
export function startCaptions(
  ctx: ApiContext,
  sessionId: unknown,
  token: unknown,
  optionsArgument: unknown,
  callback: unknown,
): void {
  if (!isCallback(callback)) throw new ArgumentError('No callback given to startCaptions');
  const options = optionsObject(optionsArgument);
  const json = {
    sessionId,
    token,
    languageCode: options.languageCode === undefined ? 'en-US' : options.languageCode,
    maxDuration: options.maxDuration === undefined ? 14400 : options.maxDuration,
    partialCaptions: options.partialCaptions === undefined ? true : options.partialCaptions,
  };
  const interpret = (outcome: HttpOutcome): readonly unknown[] => {
    if (isSuccess(outcome)) {
      return isPlainObject(outcome.body) ? [null, outcome.body.captionsId] : [malformedBody(outcome)];
    }
    if (hasStatus(outcome, 409)) return [responseError(new CaptionsError(), outcome)];
    return [outcomeError(outcome)];
  };
  callRest(ctx.rest, { method: 'POST', path: `${ctx.projectPath}/captions`, json }, interpret, callback);
}

/** `stopCaptions(captionsId, callback)` (SPEC §17.2). */
export function stopCaptions(ctx: ApiContext, captionsId: unknown, callback: unknown): void {
  if (!isCallback(callback)) throw new ArgumentError('No callback given to stopCaptions');
  const path = `${ctx.projectPath}/captions/${toText(captionsId)}/stop`;
  const interpret = (outcome: HttpOutcome): readonly unknown[] =>
    isSuccess(outcome) ? [null, true] : [outcomeError(outcome)];
  callRest(ctx.rest, { method: 'POST', path }, interpret, callback);
}
