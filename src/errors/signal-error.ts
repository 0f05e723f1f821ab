import { OpenTokError } from './opentok-error';

/** Signaling failed because the session or connection does not exist (HTTP 404). */
export class SignalError extends OpenTokError {
  constructor(message?: string) {
    super(message, '');
  }
}
