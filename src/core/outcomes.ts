import { RequestError } from '../errors';
import type { OpenTokError } from '../errors';
import { withResponse } from '../http/status-error';
import type { ErrorResponseOutcome, HttpOutcome, ResponseOutcome, SuccessOutcome } from '../http/types';

/** True for a received response with a 2xx status. */
export function isSuccess(outcome: HttpOutcome): outcome is SuccessOutcome {
  return outcome.ok;
}

/** True for a received response with exactly `status`. */
export function hasStatus<S extends number>(
  outcome: HttpOutcome,
  status: S,
): outcome is ErrorResponseOutcome & { readonly status: S } {
  return outcome.kind === 'response' && outcome.status === status;
}

/** The error of a failed outcome: the transport failure or the generic status mapping. */
export function outcomeError(outcome: Exclude<HttpOutcome, SuccessOutcome>): OpenTokError {
  return outcome.error;
}

/** A method-specific error built from a response, carrying its status as `statusCode` and its non-empty body as `body`. */
export function responseError<E extends OpenTokError>(error: E, outcome: ResponseOutcome): E {
  return withResponse(error, outcome.status, outcome.body);
}

/**
 * A 2xx body lacking the shape the method needs (not an object, no `items`...): a `RequestError`
 * whose message quotes the body.
 */
export function malformedBody(outcome: ResponseOutcome): RequestError {
  return responseError(
    new RequestError(`Unexpected response from OpenTok: ${JSON.stringify(outcome.body)}`),
    outcome,
  );
}


/**
 * Arguments of the methods that hand the response back as it is (`setArchiveLayout`,
 * `setBroadcastLayout`, `setStreamClassLists`, `addBroadcastStream`, `removeBroadcastStream`): `(null, body, response)` on success,
 * `(err, body, response)` on an HTTP error (body `null` for 401/403/404), `(err, null, null)` when
 * there is no usable response.
 */
export function passThroughArgs(outcome: HttpOutcome): readonly unknown[] {
  if (outcome.kind === 'failure') return [outcome.error, null, null];
  if (outcome.error === null) return [null, outcome.body, outcome.response];
  const hidesBody = outcome.status === 401 || outcome.status === 403 || outcome.status === 404;
  return [outcome.error, hidesBody ? null : outcome.body, outcome.response];
}
