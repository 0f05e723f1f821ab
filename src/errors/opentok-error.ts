/**
 * Shared base of every error class the SDK raises: `err instanceof OpenTok.OpenTokError` tells an
 * SDK error from any other.
 *
 * Each subclass is a real `Error` subclass: `instanceof Error`, `name` set to the class name and a
 * stack trace. Errors built from an HTTP response carry the response status and body; transport
 * failures and wrapped errors carry their `cause`. The API secret never appears in any of them.
 *
 * @example
 * ```ts
 * opentok.getArchive(archiveId, (err, archive) => {
 *   if (err instanceof OpenTok.NotFoundError) return console.log('no such archive');
 *   if (err) return console.error(err.name, err.message, err.statusCode, err.body, err.cause);
 *   console.log(archive.status);
 * });
 * ```
 */
export class OpenTokError extends Error {
  /** HTTP status of the response this error was built from, when there was one (e.g. `404`). */
  declare statusCode?: number;
  /**
   * Parsed response body (a JSON value, or the text), when the response had a non-empty body:
   * the service's explanation, e.g. `{ code: 409, message: '...' }`.
   */
  declare body?: unknown;
  /**
   * The underlying error, when there is one: the Node network error (`ECONNREFUSED`,
   * `ECONNRESET`, a TLS or proxy error), the timeout, the `SyntaxError` of a body that is not the
   * JSON it claims to be, or the error a wrapping error was built from.
   */
  declare cause?: unknown;
  /**
   * How many times the request was sent, when it was sent more than once: retries (the
   * `maxRetries` option) and the one re-send after the service refused the auth JWT for its
   * clock. The message then ends with ` (<attempts> attempts)`. Absent for a request sent once.
   */
  declare attempts?: number;

  /**
   * @param message - The message; when `undefined`, the class's default message.
   * @param defaultMessage - The default message of the subclass (`''` for the base class).
   */
  constructor(message?: string, defaultMessage = '') {
    super(message === undefined ? defaultMessage : message);
    // `name` is an own, non-enumerable property so that console output and `util.inspect` show the
    // class name without listing it as data.
    Object.defineProperty(this, 'name', {
      value: new.target.name,
      configurable: true,
      writable: true,
      enumerable: false,
    });
  }
}
