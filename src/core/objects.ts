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
 * Copies every own enumerable key of `source` onto `target` as a data property. Defining rather
 * than assigning keeps a `__proto__` key in a response from replacing the target's prototype.
 * A key found nowhere on `target` or its prototype chain is assigned instead: that creates exactly
 * the property `defineProperty` would (writable, enumerable, configurable, in the same order),
 * several times faster, and keeps the object's fast shape.
 */
export function copyOwnProperties(target: object, source: unknown, skip?: ReadonlySet<string>): void {
  if (typeof source !== 'object' || source === null) return;
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
 * `String(value)`, the conversion SPEC uses for caller values, except that it never throws: a value
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

/** A path segment encoded with `encodeURIComponent` (archive and callback IDs, SPEC §4.7). */
export function encodedSegment(value: unknown): string {
  return encodeURIComponent(wellFormedText(value));
}
