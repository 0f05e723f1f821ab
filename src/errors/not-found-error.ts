import { OpenTokError } from './opentok-error';

/** The requested resource does not exist (HTTP 404). */
export class NotFoundError extends OpenTokError {
  constructor(message?: string) {
    super(message, 'Not Found');
  }
}
