import { OpenTokError } from './opentok-error';

/**
 * `forceDisconnect` failed because the session or connection does not exist (HTTP 404), with the
 * message `Session or Connection not found`; `statusCode` and `body` are those of the response.
 *
 * @example
 * ```ts
 * opentok.forceDisconnect(sessionId, connectionId, (err) => {
 *   if (err instanceof OpenTok.ForceDisconnectError) return console.log('already gone');
 *   if (err) console.error(err);
 * });
 * ```
 */
export class ForceDisconnectError extends OpenTokError {
  /** @param message - The message; when `undefined`, the message is empty. */
  constructor(message?: string) {
    super(message, '');
  }
}
