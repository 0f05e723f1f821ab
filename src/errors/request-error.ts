import { OpenTokError } from './opentok-error';

/** An unexpected HTTP status, a transport failure (`cause` holds the network or timeout error) or a malformed response body. */
export class RequestError extends OpenTokError {
  constructor(message?: string) {
    super(message, 'Unexpected response from OpenTok');
  }
}
