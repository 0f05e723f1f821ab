import { OpenTokError } from './opentok-error';

/** forceDisconnect failed because the session or connection does not exist (HTTP 404). */
export class ForceDisconnectError extends OpenTokError {
  constructor(message?: string) {
    super(message, '');
  }
}
