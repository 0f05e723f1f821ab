import { OpenTokError } from './opentok-error';

/** Live captions are already running for the session (HTTP 409 on startCaptions). */
export class CaptionsError extends OpenTokError {
  constructor(message?: string) {
    super(message, 'Live captions have already started for this OpenTok Session');
  }
}
