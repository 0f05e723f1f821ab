import { OpenTokError } from './opentok-error';

/**
 * Live captions are already running for the session: `startCaptions` got HTTP 409. The default
 * message is `Live captions have already started for this OpenTok Session`; `statusCode` and
 * `body` are those of the response.
 *
 * @example
 * ```ts
 * opentok.startCaptions(sessionId, token, {}, (err, captionsId) => {
 *   if (err instanceof OpenTok.CaptionsError) return console.log('captions already running');
 *   if (err) return console.error(err);
 *   console.log(captionsId);
 * });
 * ```
 */
export class CaptionsError extends OpenTokError {
  /** @param message - The message; when `undefined`, `Live captions have already started for this OpenTok Session`. */
  constructor(message?: string) {
    super(message, 'Live captions have already started for this OpenTok Session');
  }
}
