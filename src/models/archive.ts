import type { OutputMode } from '../archives/archives';
import { copyOwnProperties } from '../core/objects';
import type { DoneCallback, OpenTokClient, ResultCallback } from '../opentok';
import { ownerOf, setOwner } from './owners';

/** Lifecycle states of an archive. */
export type ArchiveStatus = 'available' | 'expired' | 'failed' | 'paused' | 'started' | 'stopped' | 'uploaded';

/**
 * A recording of a session (SPEC §9.8). Every key of the service's JSON is copied as-is.
 */
export class Archive {
  /** Archive ID. */
  declare id: string;
  /** Lifecycle state. */
  declare status: ArchiveStatus;
  /** Name given at start, or `null`. */
  declare name: string | null;
  /** ID of the recorded session. */
  declare sessionId: string;
  /** API key (project) the archive belongs to. */
  declare projectId: string | number;
  /** Creation time, milliseconds since the epoch. */
  declare createdAt: number;
  /** Size in bytes (0 until the file is generated). */
  declare size: number;
  /** Duration in seconds. */
  declare duration: number;
  /** `composed` (one file) or `individual` (a file per stream). */
  declare outputMode: OutputMode;
  /** Whether audio is recorded. */
  declare hasAudio: boolean;
  /** Whether video is recorded. */
  declare hasVideo: boolean;
  /** Download URL while `available`, else `null`. */
  declare url: string | null;
  /** Why the archive stopped or failed (`''` when there is no reason); the service always sends it. */
  declare reason: string;
  /** Resolution of a composed archive, e.g. `640x480`. */
  declare resolution?: string;
  /** `auto` (every stream) or `manual` (streams added explicitly). */
  declare streamMode?: 'auto' | 'manual';
  /** Streams included in a manual-mode archive. */
  declare streams?: { streamId: string; hasAudio: boolean; hasVideo: boolean }[];
  /** Any other field the service returned. */
  [field: string]: unknown;

  /** Builds an archive from the service's JSON. */
  constructor(ot: OpenTokClient, properties: object) {
    setOwner(this, ot, (properties as { id?: unknown }).id);
    copyOwnProperties(this, properties);
  }

  /** Stops the recording; same as `opentok.stopArchive(archive.id, callback)`. */
  stop(callback: ResultCallback<Archive>): void {
    const { ot, id } = ownerOf(this, 'Archive.stop');
    ot.stopArchive(id as string, callback);
  }

  /** Deletes the archive; same as `opentok.deleteArchive(archive.id, callback)`. */
  delete(callback: DoneCallback): void {
    const { ot, id } = ownerOf(this, 'Archive.delete');
    ot.deleteArchive(id as string, callback);
  }
}
