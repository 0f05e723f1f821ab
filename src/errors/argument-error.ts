import { OpenTokError } from './opentok-error';

/** Invalid arguments: a missing callback (thrown) or a missing or malformed argument (via the callback). */
export class ArgumentError extends OpenTokError {
  constructor(message?: string) {
    super(message, '');
  }
}
