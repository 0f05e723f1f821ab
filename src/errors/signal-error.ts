import { OpenTokError } from './opentok-error';

/**
 * `signal` failed because the session or connection does not exist (HTTP 404), with the message
 * `Session or Connection not found`; `statusCode` and `body` are those of the response.
 *
 * @example
 * ```ts
 * opentok.signal(sessionId, connectionId, { type: 'chat', data: 'Hi' }, (err) => {
 *   if (err instanceof OpenTok.SignalError) return console.log('that client has left');
 *   if (err) console.error(err);
 * });
 * ```
 */
export class SignalError extends OpenTokError {
  /** @param message - The message; when `undefined`, the message is empty. */
  constructor(message?: string) {
    super(message, '');
  }
}
