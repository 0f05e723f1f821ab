import { callRest, isCallback } from '../core/callbacks';
import type { ApiContext } from '../core/context';
import { isPlainObject, optionsObject, toText } from '../core/objects';
import { hasStatus, isSuccess, malformedBody, outcomeError, responseError } from '../core/outcomes';
import { ArgumentError, CaptionsError } from '../errors';
import type { HttpOutcome } from '../http/types';

/**
 * Options of `startCaptions`. The SDK sends every option, with its default when absent.
 *
 * @example
 * ```ts
 * opentok.startCaptions(sessionId, token, { maxDuration: 3600 }, (err, captionsId) => {
 *   if (err instanceof OpenTok.CaptionsError) return console.log('captions already running');
 *   if (err) return console.error(err);
 *   console.log(captionsId);
 * });
 * ```
 */
export interface CaptionsOptions {
  /** Language spoken in the session; `en-US` is the only one. Default `en-US`. */
  languageCode?: 'en-US';
  /** Maximum duration in seconds, 300 to 14400; the captions then stop. Default `14400` (4 hours). */
  maxDuration?: number;
  /** Send partial captions (words not yet final) as well as final ones. Default `true`. */
  partialCaptions?: boolean;
}

/**
 * `startCaptions(sessionId, token, options, callback)`: calls back with the captions ID; 409
 * (captions already running for the session) is a `CaptionsError`.
 */
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

/** `stopCaptions(captionsId, callback)`: calls back `(null, true)`. */
export function stopCaptions(ctx: ApiContext, captionsId: unknown, callback: unknown): void {
  if (!isCallback(callback)) throw new ArgumentError('No callback given to stopCaptions');
  const path = `${ctx.projectPath}/captions/${toText(captionsId)}/stop`;
  const interpret = (outcome: HttpOutcome): readonly unknown[] =>
    isSuccess(outcome) ? [null, true] : [outcomeError(outcome)];
  callRest(ctx.rest, { method: 'POST', path }, interpret, callback);
}
