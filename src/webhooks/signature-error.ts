import { OpenTokError } from '../errors/opentok-error';

/**
 * A signed event callback whose `Authorization` JWT does not verify: missing, not a JWT, signed
 * with another secret, expired, not valid yet, or (when it carries `payload_hash`) made for another
 * body. The message says which, e.g. `Invalid OpenTok callback signature: JWT expired`.
 */
export class CallbackSignatureError extends OpenTokError {
  constructor(message?: string) {
    super(message, 'Invalid OpenTok callback signature');
  }
}
