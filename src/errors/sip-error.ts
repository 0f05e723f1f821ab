import { OpenTokError } from './opentok-error';

/**
 * Exported for compatibility with the original SDK, whose declarations named it; the SDK never
 * raises it. `dial` reports a missing argument as an `ArgumentError`, and a failed request as an
 * `AuthError`, `NotFoundError` or `RequestError` whose message is `Failed to dial endpoint. Error: <reason>`.
 */
export class SipError extends OpenTokError {
  /** @param message - The message; when `undefined`, the message is empty. */
  constructor(message?: string) {
    super(message, '');
  }
}
