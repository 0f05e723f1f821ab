import type { OpenTokClient } from '../opentok';

/** The client a model calls back into, and the ID it was built with. */
export interface ModelOwner {
  /** The client whose methods `stop`, `delete` and `unregister` call. */
  readonly ot: OpenTokClient;
  /** The ID the model was built with; later changes to the model's `id` property do not count. */
  readonly id: unknown;
}

/**
 * Each model's owner, kept off the instance: `util.inspect` (even with `showHidden`) and
 * `JSON.stringify` show only the service's fields, and the published declarations need no ES
 * private field (which a consumer compiling for ES5 rejects).
 */
const owners = new WeakMap<object, ModelOwner>();

/** Records the client and ID of a model being built. */
export function setOwner(model: object, ot: OpenTokClient, id: unknown): void {
  owners.set(model, { ot, id });
}

/** The owner of a model the SDK built; a `TypeError` for any other object, as a private field gives. */
export function ownerOf(model: object, member: string): ModelOwner {
  const owner = owners.get(model);
  if (owner === undefined) throw new TypeError(`${member} called on an object the SDK did not build`);
  return owner;
}
