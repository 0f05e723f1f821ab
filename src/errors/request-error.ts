import { OpenTokError } from './opentok-error';

/**
 * The request did not give a usable answer: an HTTP status the method has no other error for
 * (`Unexpected response from OpenTok: "{"message":"<the service's message>"}"`, with `statusCode`
 * and `body`); a network failure (`request to <url> failed, reason: <reason>`) or a timeout
 * (`network timeout at: <url>`), with the underlying error as `cause`; or a 2xx response whose
 * body is not what the method needs (malformed JSON, a missing field).
 *
 * @example
 * ```ts
 * opentok.listArchives((err, archives) => {
 *   if (err instanceof OpenTok.RequestError) return console.error('request failed', err.statusCode ?? err.cause);
 *   if (err) return console.error(err);
 *   console.log(archives.length);
 * });
 * ```
 */
export class RequestError extends OpenTokError {
  /** @param message - The message; when `undefined`, `Unexpected response from OpenTok`. */
  constructor(message?: string) {
    super(message, 'Unexpected response from OpenTok');
  }
}
