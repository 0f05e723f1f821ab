import { copyOwnProperties } from '../core/objects';
import type { DoneCallback, OpenTokClient } from '../opentok';
import { ownerOf, setOwner } from './owners';

/** A registered event callback (SPEC §18). */
export class Callback {
  /** Callback ID. */
  declare id: string;
  /** Event group, e.g. `connection`, `stream`. */
  declare group: string;
  /** Event name, e.g. `created`, `destroyed`. */
  declare event: string;
  /** URL the service POSTs events to. */
  declare url: string;
  /** Registration time, milliseconds since the epoch. */
  declare createdAt?: number;
  /** Any other field the service returned. */
  [field: string]: unknown;

  /** Builds a callback from the service's JSON. */
  constructor(ot: OpenTokClient, properties: object) {
    setOwner(this, ot, (properties as { id?: unknown }).id);
    copyOwnProperties(this, properties);
  }

  /** Unregisters this callback; same as `opentok.unregisterCallback(callback.id, cb)`. */
  unregister(callback: DoneCallback): void {
    const { ot, id } = ownerOf(this, 'Callback.unregister');
    ot.unregisterCallback(id as string, callback);
  }
}
