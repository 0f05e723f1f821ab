import { OpenTokError } from './opentok-error';

/**
 * An invalid argument, found before any request is sent. Thrown when a method is called without
 * its callback (`No callback given to startArchive`), and by `listRenders` for a `count` out of
 * 1 to 1000; passed to the callback for a missing or malformed argument (`No archive ID given`,
 * `Cannot set both dvr and lowLatency on HLS`). `addArchiveStream` and `removeArchiveStream`
 * also report the service's 400 with it (`Invalid request: <body>`, with `statusCode` and
 * `body`). Some methods kept plain `Error`s with an `Invalid arguments -- ...` message from 2.x
 * (the stream, force-mute and layout methods, `playDTMF`, `createSession`, `websocketConnect`).
 *
 * @example
 * ```ts
 * opentok.getArchive('', (err) => {
 *   console.log(err instanceof OpenTok.ArgumentError, err?.message); // true 'No archive ID given'
 * });
 * ```
 */
export class ArgumentError extends OpenTokError {
  /** @param message - The message; when `undefined`, the message is empty. */
  constructor(message?: string) {
    super(message, '');
  }
}
