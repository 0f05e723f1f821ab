import { OpenTokError } from './opentok-error';

/** Exported for compatibility with the original SDK; never raised. */
export class CallbackError extends OpenTokError {
  constructor(message?: string) {
    super(message, '');
  }
}
