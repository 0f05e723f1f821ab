/**
 * Shared base of every error class the SDK raises.
 *
 * Each subclass is a real `Error` subclass: `instanceof Error`, `name` set to the class name and a
 * stack trace. Errors built from an HTTP response carry the response status and body; transport
 * failures and wrapped errors carry their `cause`.
 */
export class OpenTokError extends Error {
  /** HTTP status of the response this error was built from, when there was one. */
  declare statusCode?: number;
  /** Parsed response body (object or text), when the response had a non-empty body. */
  declare body?: unknown;
  /** The underlying error (network failure, timeout, parse failure, wrapped error). */
  declare cause?: unknown;

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
