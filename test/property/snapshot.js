'use strict';
// Structural snapshots of caller-supplied values, to prove that the SDK never modifies what it is
// given (options, payloads, class lists, arrays). structuredClone cannot copy functions or symbols
// and loses property attributes, so this records, recursively: the identity of every object, its
// prototype, whether it is extensible, every own property key (string and symbol keys, in order)
// with its full descriptor (getters and setters by identity, never invoked), and the internal
// state of Dates, Maps, Sets and binary buffers. Cycles are recorded as back references.

function internalState(value, seen) {
  const tag = Object.prototype.toString.call(value);
  switch (tag) {
    case '[object Object]':
    case '[object Array]':
    case '[object Function]':
    case '[object AsyncFunction]':
      return null;
    case '[object Date]':
      return { date: Date.prototype.getTime.call(value) };
    case '[object Map]':
      return { map: [...Map.prototype.entries.call(value)].map(([k, v]) => [take(k, seen), take(v, seen)]) };
    case '[object Set]':
      return { set: [...Set.prototype.values.call(value)].map((v) => take(v, seen)) };
    case '[object Number]':
      return { boxed: Number.prototype.valueOf.call(value) };
    case '[object String]':
      return { boxed: String.prototype.valueOf.call(value) };
    case '[object Boolean]':
      return { boxed: Boolean.prototype.valueOf.call(value) };
    default:
      if (ArrayBuffer.isView(value)) {
        return { bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex') };
      }
      if (value instanceof ArrayBuffer) return { bytes: Buffer.from(value).toString('hex') };
      return null;
  }
}

function take(value, seen) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    return { primitive: value };
  }
  if (seen.has(value)) return { ref: seen.get(value) };
  const id = seen.size;
  seen.set(value, id);
  const props = [];
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
    const prop = { key, enumerable: descriptor.enumerable, configurable: descriptor.configurable };
    if ('value' in descriptor) {
      prop.writable = descriptor.writable;
      prop.value = take(descriptor.value, seen);
    } else {
      prop.get = descriptor.get;
      prop.set = descriptor.set;
    }
    props.push(prop);
  }
  return {
    id,
    identity: value,
    proto: Object.getPrototypeOf(value),
    extensible: Object.isExtensible(value),
    props,
    internal: internalState(value, seen),
  };
}

/** A snapshot of `value` and of everything reachable from it through own properties. */
function snapshot(value) {
  return take(value, new Map());
}

function keyName(key) {
  return typeof key === 'symbol' ? key.toString() : JSON.stringify(key);
}

function internalDifference(a, b, path) {
  if (a === null || b === null) return a === b ? null : `${path}: internal state changed`;
  if ('date' in a || 'boxed' in a || 'bytes' in a) {
    const field = 'date' in a ? 'date' : 'boxed' in a ? 'boxed' : 'bytes';
    return Object.is(a[field], b[field]) ? null : `${path}: internal ${field} changed`;
  }
  const listA = a.map || a.set;
  const listB = b.map || b.set;
  if (!listB || listA.length !== listB.length) return `${path}: entries changed`;
  for (let i = 0; i < listA.length; i += 1) {
    const pairA = a.map ? listA[i] : [listA[i]];
    const pairB = a.map ? listB[i] : [listB[i]];
    for (let j = 0; j < pairA.length; j += 1) {
      const nested = difference(pairA[j], pairB[j], `${path}<entry ${i}>`);
      if (nested) return nested;
    }
  }
  return null;
}

/**
 * Compares two snapshots of the same value; returns `null` when they are identical, else a short
 * description of the first difference (with its path).
 */
function difference(before, after, path = 'arg') {
  if ('primitive' in before || 'primitive' in after) {
    if (!('primitive' in before) || !('primitive' in after) || !Object.is(before.primitive, after.primitive)) {
      return `${path} changed`;
    }
    return null;
  }
  if ('ref' in before || 'ref' in after) {
    return before.ref === after.ref ? null : `${path}: a reference changed`;
  }
  if (before.identity !== after.identity) return `${path} was replaced by another object`;
  if (before.proto !== after.proto) return `${path}: prototype changed`;
  if (before.extensible !== after.extensible) return `${path}: extensibility changed (was it frozen/sealed?)`;
  const internal = internalDifference(before.internal, after.internal, path);
  if (internal) return internal;
  const keysBefore = before.props.map((p) => p.key);
  const keysAfter = after.props.map((p) => p.key);
  if (keysBefore.length !== keysAfter.length || keysBefore.some((k, i) => k !== keysAfter[i])) {
    return `${path}: own keys changed from [${keysBefore.map(keyName)}] to [${keysAfter.map(keyName)}]`;
  }
  for (let i = 0; i < before.props.length; i += 1) {
    const p = before.props[i];
    const q = after.props[i];
    const where = `${path}[${keyName(p.key)}]`;
    for (const attribute of ['enumerable', 'configurable', 'writable', 'get', 'set']) {
      if (p[attribute] !== q[attribute]) return `${where}: ${attribute} changed`;
    }
    if ('value' in p !== 'value' in q) return `${where}: turned into an accessor or back`;
    if ('value' in p) {
      const nested = difference(p.value, q.value, where);
      if (nested) return nested;
    }
  }
  return null;
}

/** Recursively freezes objects and arrays (functions included) and returns the value. */
function deepFreeze(value, seen = new Set()) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return value;
  seen.add(value);
  // Typed arrays with elements cannot be frozen; leave them as they are.
  if (ArrayBuffer.isView(value) && !(value instanceof DataView) && value.length > 0) return value;
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
    if ('value' in descriptor) deepFreeze(descriptor.value, seen);
  }
  Object.freeze(value);
  return value;
}

module.exports = { snapshot, difference, deepFreeze };
