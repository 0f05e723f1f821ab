import { copyOwnProperties, detachableMethods } from '../core/objects';
import type { DoneCallback, OpenTokClient } from '../opentok';

/**
 * A registered event callback, as `registerCallback` and `listCallbacks` call back with it. Every
 * key of the service's JSON is copied onto it as it is. Its `unregister` method works without the
 * object too.
 *
 * @example
 * ```ts
 * opentok.listCallbacks((err, callbacks) => {
 *   if (err) return console.error(err);
 *   for (const callback of callbacks) console.log(callback.group, callback.event, callback.url);
 * });
 * ```
 */
export interface Callback {
  /** Callback ID. */
  id: string;
  /** Event group, e.g. `connection`, `stream`, `archive` (see `CallbackOptions.group`). */
  group: string;
  /** Event name, e.g. `created`, `destroyed`, `status`. */
  event: string;
  /** URL the service POSTs events to. */
  url: string;
  /** Registration time, milliseconds since the epoch. */
  createdAt?: number;
  /** Any other field the service returned. */
  [field: string]: unknown;

  /**
   * Unregisters this callback; the same as `opentok.unregisterCallback(callback.id, cb)`.
   *
   * @param callback - Called once with `null`, or with an error: a `NotFoundError` when no such
   *   callback is registered (404), an `AuthError` (401, 403), a `RequestError` for any other status
   *   or a network failure.
   * @example
   * ```ts
   * callback.unregister((err) => {
   *   if (err) console.error(err);
   * });
   * ```
   */
  unregister(callback: DoneCallback): void;
}

/**
 * Builds a {@link Callback} from the service's JSON (inside the SDK only: the package exports the type).
 *
 * @internal
 */
export interface CallbackConstructor {
  new (ot: OpenTokClient, properties: object): Callback;
  readonly prototype: Callback;
}

/**
 * The class behind {@link Callback}: its client and ID are ES private fields (see `ArchiveImplementation`),
 * and it is not exported, so that the published declarations have no `#private`.
 */
class CallbackImplementation implements Pick<Callback, 'unregister'> {
  readonly #ot: OpenTokClient;
  readonly #id: unknown;

  constructor(ot: OpenTokClient, properties: object) {
    this.#ot = ot;
    this.#id = (properties as { id?: unknown }).id;
    copyOwnProperties(this, properties);
  }

  unregister(callback: DoneCallback): void {
    this.#ot.unregisterCallback(this.#id as string, callback);
  }
}
// Shown as `Callback { ... }` by util.inspect and the console, as before.
Object.defineProperty(CallbackImplementation, 'name', { value: 'Callback' });
// Its methods work without the object, as 2.x's per-object closures did.
detachableMethods(CallbackImplementation.prototype, ['unregister']);

/**
 * The callback constructor the API modules use (a value the package does not export).
 *
 * @internal
 */
export const CallbackModel = CallbackImplementation as unknown as CallbackConstructor;
