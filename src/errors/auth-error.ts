import { OpenTokError } from './opentok-error';

/** The service refused the credentials (HTTP 401 or 403). */
export class AuthError extends OpenTokError {
  constructor(message?: string) {
    super(message, 'Invalid API key or secret');
  }
}
