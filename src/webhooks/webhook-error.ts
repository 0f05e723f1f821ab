import { OpenTokError } from '../errors/opentok-error';

/**
 * An event callback body that is not a valid OpenTok event: not JSON, not an object, an unknown
 * event kind, or a required field missing or of the wrong type. The message says which, e.g.
 * `Invalid OpenTok event: connection.id must be a string`.
 */
export class WebhookError extends OpenTokError {
  constructor(message?: string) {
    super(message, 'Invalid OpenTok event');
  }
}
