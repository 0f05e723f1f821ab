import { ArgumentError, RequestError } from '../errors';
import type { OpenTokError } from '../errors';
import type { RestClient } from '../http/rest-client';
import type { HttpOutcome, RestRequest } from '../http/types';

/** A Node-style callback as the SDK's JavaScript callers pass it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callbacks are user functions of any shape
export type AnyCallback = (...args: any[]) => void;

/** True when `value` can be called back. */
export function isCallback(value: unknown): value is AnyCallback {
  return typeof value === 'function';
}

/**
 * Invokes a user callback from an asynchronous context (a response handler). If it throws, the exception is
 * rethrown on the next tick, outside any promise chain, so it surfaces as an uncaught exception
 * instead of being swallowed or redelivered to the same callback.
 */
export function deliverAsync(callback: AnyCallback, args: readonly unknown[]): void {
  try {
    callback(...args);
  } catch (thrownByCallback) {
    process.nextTick(() => {
      throw thrownByCallback;
    });
  }
}

/** Turns an HTTP outcome into the callback's arguments; may throw on an unexpected body shape. */
export type OutcomeInterpreter = (outcome: HttpOutcome) => readonly unknown[];

/**
 * Sends `request` and calls `callback` exactly once with the arguments `interpret` derives from the
 * outcome. An interpreter that throws (a body of the wrong shape that slipped past its checks) is
 * reported as a `RequestError` with the thrown error as `cause`.
 */
export function callRest(
  rest: RestClient,
  request: RestRequest,
  interpret: OutcomeInterpreter,
  callback: AnyCallback,
): void {
  void rest.send(request).then((outcome) => {
    let args: readonly unknown[];
    try {
      args = interpret(outcome);
    } catch (failure) {
      const error = new RequestError(`Unexpected response from OpenTok: ${(failure as Error)?.message ?? String(failure)}`);
      error.cause = failure;
      if (outcome.kind === 'response') error.statusCode = outcome.status;
      args = [error];
    }
    if (outcome.attempts !== undefined) noteAttempts(args[0], outcome.attempts);
    deliverAsync(callback, args);
  });
}

/**
 * Says on the error of a request sent more than once how many times it was sent: the message
 * ends with ` (<n> attempts)` (its stack's first line too) and `attempts` holds the number.
 */
function noteAttempts(error: unknown, attempts: number): void {
  if (!(error instanceof Error)) return;
  const { message, stack } = error;
  error.message = `${message} (${attempts} attempts)`;
  (error as OpenTokError).attempts = attempts;
  if (typeof stack !== 'string') return;
  // The stack starts with `<name>: <message>` as the message was when the error was built.
  const headEnd = stack.indexOf('\n') === -1 ? stack.length : stack.indexOf('\n');
  if (stack.slice(0, headEnd).endsWith(message)) error.stack = `${stack.slice(0, headEnd)} (${attempts} attempts)${stack.slice(headEnd)}`;
}

/**
 * Defers a validation error to the next tick: createSession reports its two option checks (archive
 * mode `always` without `routed`, a location that is not IPv4) asynchronously, as 2.x did.
 */
export function deliverNextTick(callback: AnyCallback, args: readonly unknown[]): void {
  process.nextTick(() => callback(...args));
}

/**
 * Resolves an optional middle argument (`method(a[, options], callback)`): when it is a function it
 * is the callback and the optional value is absent.
 */
export function shiftOptional(optional: unknown, maybeCallback: unknown): { value: unknown; callback: unknown } {
  return isCallback(optional) ? { value: undefined, callback: optional } : { value: optional, callback: maybeCallback };
}

/**
 * The callback of the methods whose argument errors read `Invalid arguments -- …` (streams,
 * moderation, playDTMF): throws an `ArgumentError` when it is not a function.
 */
export function requireCallback(callback: unknown): AnyCallback {
  if (!isCallback(callback)) throw new ArgumentError('Invalid arguments -- must provide a callback function.');
  return callback;
}
