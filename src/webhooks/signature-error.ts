import { OpenTokError } from '../errors/opentok-error';

/**
 * A signed event callback whose `Authorization` JWT does not verify: missing, not a JWT, signed
 * with another secret, expired, not valid yet, or (when it carries `payload_hash`) made for another
 * body. The message says which, e.g. `Invalid OpenTok callback signature: JWT expired`.
 * `verifyCallback` throws it; `webhookHandler` answers it with 401 `{ error: message }`.
 *
 * @example
 * ```ts
 * try {
 *   verifyCallback({ authorization: undefined, secret: 'the-signature-secret' });
 * } catch (error) {
 *   console.log(error instanceof CallbackSignatureError, (error as Error).message);
 *   // true 'Invalid OpenTok callback signature: no Authorization header'
 * }
 * ```
 */
export class CallbackSignatureError extends OpenTokError {
  /** @param message - The message; when `undefined`, `Invalid OpenTok callback signature`. */
  constructor(message?: string) {
    super(message, 'Invalid OpenTok callback signature');
  }
}
