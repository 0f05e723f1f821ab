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
 */
export function copyOwnProperties(target: object, source: unknown, skip?: ReadonlySet<string>): void {
  if (typeof source !== 'object' || source === null) return;
  for (const key of Object.keys(source)) {
    if (skip?.has(key)) continue;
    Object.defineProperty(target, key, {
      value: (source as Record<string, unknown>)[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
}
