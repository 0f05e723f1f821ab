import { OpenTokError } from './opentok-error';

/** An archive-specific failure (archive or session not found, conflicting state, unsupported stream mode). */
export class ArchiveError extends OpenTokError {
  constructor(message?: string) {
    super(message, '');
  }
}
