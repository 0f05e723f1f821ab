import type { OutputMode } from '../archives/archives';
import { copyOwnProperties, detachableMethods } from '../core/objects';
import type { DoneCallback, OpenTokClient, ResultCallback } from '../opentok';

/**
 * Lifecycle states of an archive: `started` (recording), `paused` (no client is publishing, so
 * nothing is recorded until one does), `stopped` (recording ended, file being processed), `available` (the file can be
 * downloaded from `url`), `uploaded` (the file went to your upload target instead), `expired` (the
 * file is gone, 72 hours after it became available without an upload target) and `failed`.
 */
export type ArchiveStatus = 'available' | 'expired' | 'failed' | 'paused' | 'started' | 'stopped' | 'uploaded';

/**
 * A recording of a session, as `startArchive`, `stopArchive`, `getArchive` and `listArchives` call
 * back with it. Every key of the service's JSON is copied onto it as it is, including keys this
 * type does not list. Its methods work on any archive, wherever it came from, and without the
 * object (`const { stop } = archive`).
 *
 * @example
 * ```ts
 * opentok.getArchive(archiveId, (err, archive) => {
 *   if (err) return console.error(err);
 *   if (archive.status === 'available') console.log(`${archive.duration} s, ${archive.size} bytes at ${archive.url}`);
 * });
 * ```
 */
export interface Archive {
  /** Archive ID. */
  id: string;
  /** Lifecycle state. */
  status: ArchiveStatus;
  /** Name given at start (`ArchiveOptions.name`), or `null`. */
  name: string | null;
  /** ID of the recorded session. */
  sessionId: string;
  /** API key (project) the archive belongs to. */
  projectId: string | number;
  /** Creation time, milliseconds since the epoch. */
  createdAt: number;
  /** Size in bytes (0 until the file is generated). */
  size: number;
  /** Duration in seconds (0 while recording). */
  duration: number;
  /** `composed` (one file) or `individual` (a file per stream). */
  outputMode: OutputMode;
  /** Whether audio is recorded. */
  hasAudio: boolean;
  /** Whether video is recorded. */
  hasVideo: boolean;
  /** Download URL while `available`, else `null`. */
  url: string | null;
  /** Why the archive stopped or failed (`''` when there is no reason); the service always sends it. */
  reason: string;
  /** Resolution of a composed archive, e.g. `640x480` (absent for an `individual` archive). */
  resolution?: string;
  /** `auto` (every stream) or `manual` (streams added explicitly). */
  streamMode?: 'auto' | 'manual';
  /** Streams included in a manual-mode archive, and which of their tracks. */
  streams?: {
    /** Stream ID. */
    streamId: string;
    /** Whether the stream's audio is recorded. */
    hasAudio: boolean;
    /** Whether the stream's video is recorded. */
    hasVideo: boolean;
  }[];
  /** Any other field the service returned. */
  [field: string]: unknown;

  /**
   * Stops the recording; the same as `opentok.stopArchive(archive.id, callback)`.
   *
   * @param callback - Called once with `(null, archive)`, the stopped archive (status `stopped`,
   *   a new object), or with an error: an `ArchiveError` when the archive does not exist (404) or
   *   is not recording (409, the service's message); an `AuthError` (401, 403), a `RequestError`
   *   for any other status or a network failure. The error carries `statusCode` and `body` when it
   *   came from a response.
   * @example
   * ```ts
   * archive.stop((err, stopped) => {
   *   if (err instanceof OpenTok.ArchiveError) return console.log('not recording:', err.message);
   *   if (err) return console.error(err);
   *   console.log(stopped.status); // 'stopped'
   * });
   * ```
   */
  stop(callback: ResultCallback<Archive>): void;
  /**
   * Deletes the archive's file; the same as `opentok.deleteArchive(archive.id, callback)`.
   *
   * @param callback - Called once with `null`, or with an error: an `ArchiveError` when the
   *   archive does not exist (404), an `AuthError` (401, 403), a `RequestError` for any other
   *   status (such as 409 while it is still recording) or a network failure.
   * @example
   * ```ts
   * archive.delete((err) => {
   *   if (err) console.error(err);
   * });
   * ```
   */
  delete(callback: DoneCallback): void;
}

/**
 * Builds an {@link Archive} from the service's JSON (inside the SDK only: the package exports the type).
 *
 * @internal
 */
export interface ArchiveConstructor {
  new (ot: OpenTokClient, properties: object): Archive;
  readonly prototype: Archive;
}

/**
 * The class behind {@link Archive}. Its client and ID are ES private fields, the cheapest private
 * state per object (a WeakMap entry per archive slowed listArchives measurably). The class is not
 * exported, so that the published declarations, which an ES5 consumer reads, have no `#private`.
 */
class ArchiveImplementation implements Pick<Archive, 'stop' | 'delete'> {
  readonly #ot: OpenTokClient;
  readonly #id: unknown;

  constructor(ot: OpenTokClient, properties: object) {
    this.#ot = ot;
    this.#id = (properties as { id?: unknown }).id;
    copyOwnProperties(this, properties);
  }

  stop(callback: ResultCallback<Archive>): void {
    this.#ot.stopArchive(this.#id as string, callback);
  }

  delete(callback: DoneCallback): void {
    this.#ot.deleteArchive(this.#id as string, callback);
  }
}
// Shown as `Archive { ... }` by util.inspect and the console, as before.
Object.defineProperty(ArchiveImplementation, 'name', { value: 'Archive' });
// Its methods work without the object, as 2.x's per-object closures did.
detachableMethods(ArchiveImplementation.prototype, ['stop', 'delete']);

/**
 * The archive constructor the API modules use (a value the package does not export).
 *
 * @internal
 */
export const ArchiveModel = ArchiveImplementation as unknown as ArchiveConstructor;
