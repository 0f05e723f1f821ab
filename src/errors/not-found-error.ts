import { OpenTokError } from './opentok-error';

/**
 * The requested resource does not exist (HTTP 404), where the method has no error class of its
 * own for it: `getArchive`, `getBroadcast` and `stopBroadcast` (wrapped: `Failed to get broadcast.
 * Error: Not Found`), `getStream`, renders, `unregisterCallback`, ... The default message is
 * `Not Found`; `statusCode` is 404 and `body` the response's, if any.
 *
 * @example
 * ```ts
 * opentok.getArchive(archiveId, (err, archive) => {
 *   if (err instanceof OpenTok.NotFoundError) return console.log('no such archive');
 *   if (err) return console.error(err);
 *   console.log(archive.status);
 * });
 * ```
 */
export class NotFoundError extends OpenTokError {
  /** @param message - The message; when `undefined`, `Not Found`. */
  constructor(message?: string) {
    super(message, 'Not Found');
  }
}
