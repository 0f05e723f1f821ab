/** True for a non-null object that is not an array. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value == null || value.length === 0`, the spec's "null/empty". */
export function isNullOrEmpty(value: unknown): boolean {
  return value == null || (value as { length?: unknown }).length === 0;
}

/** An optional options argument: `null`/`undefined` (and any non-object) read as `{}`. */
export function optionsObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * Prototypes whose chain holds only data properties (the `__proto__` accessor of
 * `Object.prototype` aside): assigning to an instance never calls a setter there. Decided on the
 * first copy onto an instance of each prototype; a setter added to such a prototype later is not
 * seen (the SDK's model prototypes never get one).
 */
const assignablePrototypes = new WeakMap<object, boolean>();

/**
 * Setters of {@link detachableMethods}: each does exactly what assigning a data property would, so
 * an accessor that has one does not stop `copyOwnProperties` from assigning.
 */
const plainSetters = new WeakSet<object>();

function isAssignable(prototype: object | null): boolean {
  if (prototype === null) return true;
  let assignable = assignablePrototypes.get(prototype);
  if (assignable === undefined) {
    assignable = true;
    for (let link: object | null = prototype; link !== null && assignable; link = Object.getPrototypeOf(link) as object | null) {
      for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(link))) {
        const accessor = descriptor.get !== undefined || descriptor.set !== undefined;
        // Compared by identity, never called: not a method taken off its object.
        // eslint-disable-next-line @typescript-eslint/unbound-method
        const setter = descriptor.set;
        const transparent = (link === Object.prototype && key === '__proto__') || (setter !== undefined && plainSetters.has(setter));
        if (accessor && !transparent) assignable = false;
      }
    }
    assignablePrototypes.set(prototype, assignable);
  }
  return assignable;
}

/**
 * Copies every own enumerable key of `source` onto `target` as a data property. Defining rather
 * than assigning keeps a `__proto__` key in a response from replacing the target's prototype, and
 * an inherited setter from being called. A key found nowhere on `target` or its prototype chain is
 * assigned instead: that creates exactly the property `defineProperty` would (writable,
 * enumerable, configurable, in the same order), several times faster, and keeps the object's fast
 * shape.
 */
export function copyOwnProperties(target: object, source: unknown, skip?: ReadonlySet<string>): void {
  if (typeof source !== 'object' || source === null) return;
  // Fast path, e.g. the ten archives of every listArchives page: `Object.assign` copies a parsed
  // JSON object several times faster than the loop below. It assigns, so it is only taken when
  // that gives the same properties as defining them: no setter on the target's prototype chain,
  // no `__proto__` key (its setter would change the target's prototype), no symbol keys (assign
  // copies those, `Object.keys` does not). An inherited read-only property (a frozen prototype and
  // a `toString` key) makes it throw; the loop then defines every key again, in the same order.
  if (
    skip === undefined &&
    !Object.hasOwn(source, '__proto__') &&
    isAssignable(Object.getPrototypeOf(target) as object | null) &&
    Object.getOwnPropertySymbols(source).length === 0
  ) {
    try {
      Object.assign(target, source);
      return;
    } catch {
      // Fall through to defining each key.
    }
  }
  for (const key of Object.keys(source)) {
    if (skip?.has(key)) continue;
    const value = (source as Record<string, unknown>)[key];
    if (!(key in target)) {
      (target as Record<string, unknown>)[key] = value;
      continue;
    }
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  }
}

/**
 * `String(value)`, how caller values are put into paths, queries and messages, except that it never throws: a value
 * `String()` cannot convert (`Object.create(null)`, `[Symbol()]`, a throwing `toString`) gives its
 * `Object.prototype.toString` tag instead, so odd input cannot crash a call.
 */
export function toText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `toText(value)` with lone UTF-16 surrogates replaced by U+FFFD, as UTF-8 encoding replaces them
 * anyway; `encodeURIComponent` would throw on them.
 */
export function wellFormedText(value: unknown): string {
  return toText(value).replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * A path segment encoded with `encodeURIComponent`. Only archive and callback IDs are encoded; the
 * other IDs (session, stream, connection, broadcast, render) go into paths as given, as 2.x did.
 */
export function encodedSegment(value: unknown): string {
  return encodeURIComponent(wellFormedText(value));
}

/**
 * Makes methods of a model class work without their object (`util.promisify(archive.stop)`,
 * `const { stop } = archive`), as 2.x's per-object closures did, at no cost per object: the
 * prototype gets an accessor instead of the method, and the first read of `object.name` defines an
 * own, non-enumerable function calling the method on that object. Assigning `object.name` (a test
 * double, or a response field of that name copied by `copyOwnProperties`) defines an own data
 * property, exactly as it would without the accessor.
 */
export function detachableMethods(prototype: object, names: readonly string[]): void {
  for (const name of names) {
    const method = (prototype as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
    const set = function (this: object, value: unknown): void {
      Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true });
    };
    plainSetters.add(set);
    Object.defineProperty(prototype, name, {
      configurable: true,
      enumerable: false,
      get(this: object): unknown {
        if (this === prototype) return method;
        const detachable = (...args: unknown[]): unknown => method.apply(this, args);
        Object.defineProperty(detachable, 'name', { value: name });
        // A frozen object keeps no cache: each read gives a new function.
        if (Object.isExtensible(this)) {
          Object.defineProperty(this, name, { value: detachable, writable: true, enumerable: false, configurable: true });
        }
        return detachable;
      },
      set,
    });
  }
}
