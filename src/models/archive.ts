import type { OutputMode } from '../archives/archives';
import { copyOwnProperties, detachableMethods } from '../core/objects';
import type { DoneCallback, OpenTokClient, ResultCallback } from '../opentok';

/** Lifecycle states of an archive. */
export type ArchiveStatus = 'available' | 'expired' | 'failed' | 'paused' | 'started' | 'stopped' | 'uploaded';

/** A recording of a session. Every key of the service's JSON is copied as-is. */
export interface Archive {
  /** Archive ID. */
  id: string;
  /** Lifecycle state. */
  status: ArchiveStatus;
  /** Name given at start, or `null`. */
  name: string | null;
  /** ID of the recorded session. */
  sessionId: string;
  /** API key (project) the archive belongs to. */
  projectId: string | number;
  /** Creation time, milliseconds since the epoch. */
  createdAt: number;
  /** Size in bytes (0 until the file is generated). */
  size: number;
  /** Duration in seconds. */
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
  /** Resolution of a composed archive, e.g. `640x480`. */
  resolution?: string;
  /** `auto` (every stream) or `manual` (streams added explicitly). */
  streamMode?: 'auto' | 'manual';
  /** Streams included in a manual-mode archive. */
  streams?: { streamId: string; hasAudio: boolean; hasVideo: boolean }[];
  /** Any other field the service returned. */
  [field: string]: unknown;

  /** Stops the recording; same as `opentok.stopArchive(archive.id, callback)`. */
  stop(callback: ResultCallback<Archive>): void;
  /** Deletes the archive; same as `opentok.deleteArchive(archive.id, callback)`. */
  delete(callback: DoneCallback): void;
}

/** Builds an {@link Archive} from the service's JSON (inside the SDK only: the package exports the type). */
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

/** The archive constructor the API modules use (a value the package does not export). */
export const ArchiveModel = ArchiveImplementation as unknown as ArchiveConstructor;
