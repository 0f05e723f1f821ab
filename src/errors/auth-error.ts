import { OpenTokError } from './opentok-error';

/**
 * The service refused the credentials (HTTP 401 or 403): a wrong API key or secret, or a key that
 * is not allowed the operation. `statusCode` is the status; the default message is
 * `Invalid API key or secret`.
 *
 * @example
 * ```ts
 * opentok.listArchives((err) => {
 *   if (err instanceof OpenTok.AuthError) console.error('check API_KEY and API_SECRET:', err.statusCode);
 * });
 * ```
 */
export class AuthError extends OpenTokError {
  /** @param message - The message; when `undefined`, `Invalid API key or secret`. */
  constructor(message?: string) {
    super(message, 'Invalid API key or secret');
  }
}
