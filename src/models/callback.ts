import { copyOwnProperties } from '../core/objects';
import type { OpenTokClient } from '../opentok';

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

  readonly #ot: OpenTokClient;
  readonly #id: unknown;

  /** Builds a callback from the service's JSON. */
  constructor(ot: OpenTokClient, properties: object) {
    this.#ot = ot;
    this.#id = (properties as { id?: unknown }).id;
    copyOwnProperties(this, properties);
  }

  /** Unregisters this callback; same as `opentok.unregisterCallback(callback.id, cb)`. */
  unregister(callback: (error: Error | null) => void): void {
    this.#ot.unregisterCallback(this.#id as string, callback);
  }
}
