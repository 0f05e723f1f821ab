import { OpenTokError } from './opentok-error';

/**
 * An archive operation the service refused for a reason of its own: `startArchive` on a session
 * that does not exist or has no connected client (404, `Session not found`) or that is already
 * recording or is not routed (409); `stopArchive` on an archive that does not exist (404) or is
 * not recording (409, the service's message); `deleteArchive` of an unknown archive (404);
 * `addArchiveStream` / `removeArchiveStream` on an unknown archive or stream (404) or an archive
 * not in manual stream mode (405, `Unsupported Stream Mode`). `statusCode` and `body` are those
 * of the response.
 *
 * @example
 * ```ts
 * opentok.startArchive(sessionId, (err, archive) => {
 *   if (err instanceof OpenTok.ArchiveError && err.statusCode === 409) return console.log('already recording');
 *   if (err) return console.error(err);
 *   console.log(archive.id);
 * });
 * ```
 */
export class ArchiveError extends OpenTokError {
  /** @param message - The message; when `undefined`, the message is empty. */
  constructor(message?: string) {
    super(message, '');
  }
}
