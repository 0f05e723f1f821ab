import { OpenTokError } from './opentok-error';

/**
 * Exported for compatibility with the original SDK, whose declarations named it; the SDK never
 * raises it. Callback registration errors are `AuthError`, `NotFoundError` or `RequestError`.
 */
export class CallbackError extends OpenTokError {
  /** @param message - The message; when `undefined`, the message is empty. */
  constructor(message?: string) {
    super(message, '');
  }
}
