'use strict';
// fast-check generators of bad (and good) input for the property tests of test/property.test.js.
//
// Families:
// * `junk()`: wrong types of every kind — numbers (NaN, ±Infinity, -0), booleans, bigints, symbols,
//   functions (spies), arrays, Dates (valid and invalid), null, undefined, boxed primitives, Maps,
//   Sets, typed arrays, strings (ASCII, grapheme and binary unicode, lone surrogates, special
//   strings, huge strings of tens of KB), objects with own `__proto__`/`constructor`/`prototype`
//   keys (built with JSON.parse, fc.object, fc.dictionary and defineProperty), deeply frozen
//   objects and arrays, and cyclic objects and arrays. Every value of this family can be converted
//   with String() (the conversion error messages use for interpolated values).
// * `hostile()`: values whose string conversion itself throws (null-prototype objects, arrays
//   holding symbols, objects with a non-callable own `toString`). They get their own properties so
//   that a failure there does not hide the others.
const fc = require('fast-check');
const { SESSION_ID } = require('../helpers');
const { deepFreeze } = require('./snapshot');

// ---------------------------------------------------------------------------------------------
// Spies: every function the generators produce counts its calls, so a test can prove that the SDK
// never calls a function the caller passed in a non-callback position.

const spies = { calls: 0 };

function makeSpy(kind) {
  switch (kind) {
    case 'arrow':
      return () => {
        spies.calls += 1;
      };
    case 'async':
      return async function asyncUserFunction() {
        spies.calls += 1;
      };
    case 'class':
      // Calling a class without `new` throws a TypeError, which the properties would report.
      return class UserClass {
        constructor() {
          spies.calls += 1;
        }
      };
    default:
      return function userFunction() {
        spies.calls += 1;
      };
  }
}

const functionArb = fc.constantFrom('arrow', 'function', 'async', 'class').map(makeSpy);

// ---------------------------------------------------------------------------------------------
// Strings.

const UNUSUAL_STRINGS = [
  '', ' ', '0', '-1', '1e3', '0x10', 'NaN', 'Infinity', 'false', 'null', 'undefined', 'true', '[object Object]',
  '__proto__', 'constructor', 'prototype', 'hasOwnProperty', '__defineGetter__',
  '../../../etc/passwd', '..%2F..%2F', '%', '%00', '%E0%A4%A', '%zz', '?a=1&b=2', '#fragment', '/', '//evil.example.com',
  '@evil.example.com', 'http://evil.example.com/', '\r\nX-Injected: 1', '\u0000', '\t', '\uFEFF', '\u2028',
  '\uD800', '\uDC00', '\uDBFF\uDFFF', 'e\u0301', '👩‍👩‍👧‍👦', '🇫🇷', 'ǅ', 'ß', '\u202Eevil', '<script>',
  '"quoted"', "'", '\\', '${x}', '~', 'a~b~c',
  'bestFit', 'pip', 'custom', 'focus', 'horizontalPresentation', 'routed', 'relayed', 'always', 'manual',
  '127.0.0.1', '12.34.56.78', '256.1.1.1', '1.2.3', '::1', '01.02.03.04',
  'publisher', 'publisheronly', 'subscriber', 'moderator', 'Publisher',
  'sip:user@sip.example.com', 'wss://example.com/audio', SESSION_ID,
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

const unicodeString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 10 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc
    .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 4 }), loneSurrogate), { minLength: 1, maxLength: 6 })
    .map((parts) => parts.join('')),
);

/** Strings of 10 000 to 80 000 UTF-16 units (the cut may leave a lone surrogate at the end). */
const hugeString = fc
  .tuple(
    fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
      loneSurrogate,
      fc.constantFrom('a', '%', '/', '€', '😀', '\u0000'),
    ),
    fc.integer({ min: 10000, max: 80000 }),
  )
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 3, arbitrary: unicodeString },
  { weight: 3, arbitrary: fc.constantFrom(...UNUSUAL_STRINGS) },
  { weight: 1, arbitrary: hugeString },
);

// ---------------------------------------------------------------------------------------------
// Primitive and leaf values.

const numberArb = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1, -1, 0.5, 1000, 1001, 1e21, Number.MAX_SAFE_INTEGER + 2),
);
const bigintArb = fc.oneof(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), fc.constant(0n));
const symbolArb = fc.oneof(
  fc.string({ maxLength: 6 }).map((description) => Symbol(description)),
  fc.constantFrom(Symbol.iterator, Symbol.for('opentok')),
);
const dateArb = fc.date({ noInvalidDate: false });
const boxedArb = fc.oneof(
  fc.integer().map((n) => Object(n)),
  fc.string({ maxLength: 6 }).map((s) => Object(s)),
  fc.boolean().map((b) => Object(b)),
);
const nullish = fc.constantFrom(null, undefined);
const falsy = fc.constantFrom('', 0, -0, NaN, null, undefined, false, 0n);

/** Leaves whose String() and Array#join never throw (no symbols). */
function stringifiableLeaf({ fn = true } = {}) {
  const leaves = [
    { weight: 2, arbitrary: nullish },
    { weight: 2, arbitrary: fc.boolean() },
    { weight: 3, arbitrary: numberArb },
    { weight: 1, arbitrary: bigintArb },
    { weight: 1, arbitrary: dateArb },
    { weight: 1, arbitrary: boxedArb },
    { weight: 4, arbitrary: anyString },
  ];
  if (fn) leaves.push({ weight: 1, arbitrary: functionArb });
  return fc.oneof(...leaves);
}

function leaf({ fn = true } = {}) {
  return fc.oneof({ weight: 8, arbitrary: stringifiableLeaf({ fn }) }, { weight: 1, arbitrary: symbolArb });
}

// ---------------------------------------------------------------------------------------------
// Objects and arrays.

const RELEVANT_KEYS = [
  '__proto__', 'constructor', 'prototype', 'length', 'hasOwnProperty',
  'sessionId', 'mediaMode', 'archiveMode', 'location', 'e2ee', 'archiveName', 'archiveResolution',
  'name', 'hasAudio', 'hasVideo', 'outputMode', 'layout', 'resolution', 'streamMode', 'outputs', 'hls', 'dvr',
  'lowLatency', 'rtmp', 'offset', 'count', 'excludedStreamIds', 'excudedStreamIds', 'headers', 'auth', 'secure',
  'from', 'video', 'observeForceMute', 'streams', 'bidirectional', 'type', 'stylesheet', 'screenshareType', 'data',
  'role', 'expireTime', 'initialLayoutClassList', 'token', 'url', 'maxDuration', 'statusCallbackUrl', 'properties',
  'languageCode', 'partialCaptions', 'group', 'event', 'id', 'layoutClassList', 'apiUrl', 'proxy', 'uaAddendum',
  'timeout', 'agent', 'session_id', 'nonce', 'create_time', 'expire_time', 'connection_data',
];

const keyArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...RELEVANT_KEYS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);

/** Defines `entries` as own enumerable data properties of a fresh ordinary object (own `__proto__` included). */
function objectFrom(entries) {
  const object = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

/** Copies an object (possibly with a null prototype) onto an ordinary object. */
function ordinary(object) {
  return objectFrom(Object.keys(object).map((key) => [key, object[key]]));
}

/** Arrays of stringifiable values (nested arrays and objects included). */
const stringifiableArray = fc.letrec((tie) => ({
  array: fc.array(
    fc.oneof(
      { weight: 5, arbitrary: stringifiableLeaf({ fn: false }) },
      { weight: 1, arbitrary: tie('array') },
      { weight: 1, arbitrary: fc.dictionary(keyArb, stringifiableLeaf({ fn: false }), { maxKeys: 3 }).map(ordinary) },
    ),
    { maxLength: 5, depthIdentifier: 'arrays' },
  ),
})).array;

/** `JSON.parse('{"__proto__": …, "constructor": …, "prototype": …}')` objects: own dangerous keys. */
const jsonProtoObject = fc
  .tuple(
    fc.subarray(['__proto__', 'constructor', 'prototype'], { minLength: 1 }),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 3, maxLength: 3 }),
    fc.dictionary(fc.constantFrom('polluted', 'apiUrl', 'role', 'mediaMode', 'isAdmin'), fc.jsonValue({ maxDepth: 1 }), {
      maxKeys: 3,
    }),
  )
  .map(([keys, values, payload]) => {
    const text = `{${keys.map((key, i) => `${JSON.stringify(key)}:${JSON.stringify(i === 0 ? payload : values[i] ?? null)}`).join(',')}}`;
    return JSON.parse(text);
  });

/** Objects of every construction: fc.object, fc.dictionary, defineProperty entries, JSON.parse. */
function objectArb({ fn = true } = {}) {
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.object({
        key: keyArb,
        values: [stringifiableLeaf({ fn })],
        maxDepth: 2,
        maxKeys: 5,
        withDate: true,
        withBigInt: true,
        withMap: true,
        withSet: true,
        withTypedArray: true,
        withSparseArray: true,
      }),
    },
    { weight: 2, arbitrary: fc.dictionary(keyArb, leaf({ fn }), { maxKeys: 5 }).map(ordinary) },
    { weight: 2, arbitrary: fc.array(fc.tuple(keyArb, leaf({ fn })), { maxLength: 5 }).map(objectFrom) },
    { weight: 2, arbitrary: jsonProtoObject },
    { weight: 1, arbitrary: fc.json({ maxDepth: 2 }).map((text) => JSON.parse(text)) },
  );
}

const cyclicArb = fc.constantFrom('object', 'array').map((kind) => {
  if (kind === 'array') {
    const array = [1, 'two'];
    array.push(array);
    return array;
  }
  const object = { a: 1, nested: {} };
  object.self = object;
  object.nested.parent = object;
  return object;
});

/** Wrong types of every kind. `fn: false` leaves out functions (for callback-candidate positions). */
function junk({ fn = true } = {}) {
  return fc.oneof(
    { weight: 8, arbitrary: leaf({ fn }) },
    { weight: 2, arbitrary: stringifiableArray },
    { weight: 3, arbitrary: objectArb({ fn }) },
    { weight: 1, arbitrary: fc.oneof(objectArb({ fn }), stringifiableArray).map((value) => deepFreeze(value)) },
    { weight: 1, arbitrary: cyclicArb },
    { weight: 1, arbitrary: fc.constantFrom('[]', '{length:0}').map((kind) => (kind === '[]' ? [] : { length: 0 })) },
  );
}

// ---------------------------------------------------------------------------------------------
// Values whose String() conversion throws.

function hostile() {
  return fc.oneof(
    fc.constant(null).map(() => Object.create(null)),
    fc.dictionary(keyArb, stringifiableLeaf({ fn: false }), { maxKeys: 3 }).map((entries) => Object.assign(Object.create(null), entries)),
    symbolArb.map((symbol) => [symbol]),
    symbolArb.map((symbol) => ['class', [symbol]]),
    fc.constantFrom(1, 'x', null).map((value) => ({ toString: value })),
    fc.constant(null).map(() => [Object.create(null)]),
  );
}

// ---------------------------------------------------------------------------------------------
// Parameter generators. `mode` 'invalid' biases towards values that fail the methods' validations.

const plausibleId = fc.oneof(
  fc.uuid(),
  fc.stringMatching(/^[0-9a-zA-Z_-]{1,40}$/),
  fc.constant(SESSION_ID),
);

function idArb(mode, { fn = true } = {}) {
  const invalid = mode === 'invalid';
  return fc.oneof(
    { weight: invalid ? 2 : 8, arbitrary: plausibleId },
    { weight: invalid ? 6 : 2, arbitrary: falsy },
    { weight: invalid ? 2 : 1, arbitrary: fc.constantFrom('[]', '{length:0}').map((k) => (k === '[]' ? [] : { length: 0 })) },
    { weight: 3, arbitrary: anyString },
    { weight: invalid ? 4 : 3, arbitrary: junk({ fn }) },
  );
}

/** A value for an option key: mostly plausible values, sometimes junk. */
function optionValue(plausible, { fn = true } = {}) {
  return fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 2, arbitrary: junk({ fn }) });
}

/**
 * An options argument: a record of the method's keys (plus extra keys, own `__proto__` included,
 * and sometimes deeply frozen), or null/undefined, or junk.
 */
function optionsArb(recordModel, { fn = true } = {}) {
  const decorated = fc
    .tuple(
      fc.record(recordModel, { requiredKeys: [] }),
      fc.array(fc.tuple(keyArb, leaf({ fn })), { maxLength: 2 }),
      fc.boolean(),
      fc.integer({ min: 0, max: 5 }),
    )
    .map(([record, extras, extrasFirst, freeze]) => {
      const entries = Object.keys(record).map((key) => [key, record[key]]);
      const object = objectFrom(extrasFirst ? [...extras, ...entries] : [...entries, ...extras]);
      return freeze === 0 ? deepFreeze(object) : object;
    });
  return fc.oneof(
    { weight: 6, arbitrary: decorated },
    { weight: 1, arbitrary: nullish },
    { weight: 2, arbitrary: junk({ fn }) },
  );
}

const boolish = (options) => optionValue(fc.boolean(), options);
const str = (options) => optionValue(fc.oneof(plausibleId, anyString), options);
const stringArray = fc.array(fc.oneof(plausibleId, anyString), { maxLength: 4 });

function layoutModel(fnOption) {
  return {
    type: optionValue(fc.constantFrom('bestFit', 'pip', 'custom', 'focus', 'verticalPresentation'), fnOption),
    stylesheet: str(fnOption),
    screenshareType: optionValue(fc.constantFrom('bestFit', 'pip', 'verticalPresentation'), fnOption),
  };
}

/** Option models, per options kind, for `optionsArb`. */
function optionModels(mode) {
  const invalid = mode === 'invalid';
  const f = { fn: true };
  return {
    createSession: {
      mediaMode: optionValue(fc.constantFrom('routed', 'relayed', 'ROUTED'), f),
      archiveMode: optionValue(invalid ? fc.constant('always') : fc.constantFrom('manual', 'always'), f),
      location: optionValue(fc.oneof(fc.ipV4(), fc.constantFrom('127.0.0.1', '256.0.0.1', '1.2.3', '::1')), f),
      e2ee: boolish(f),
      archiveName: str(f),
      archiveResolution: optionValue(fc.constantFrom('640x480', '1280x720', '1920x1080'), f),
    },
    archive: {
      sessionId: str(f),
      name: str(f),
      hasAudio: boolish(f),
      hasVideo: boolish(f),
      outputMode: optionValue(fc.constantFrom('composed', 'individual'), f),
      layout: optionValue(fc.record(layoutModel(f), { requiredKeys: [] }), f),
      resolution: optionValue(fc.constantFrom('640x480', '1280x720'), f),
      streamMode: optionValue(fc.constantFrom('auto', 'manual'), f),
      multiArchiveTag: str(f),
      maxBitrate: optionValue(fc.integer(), f),
    },
    list: {
      offset: optionValue(fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.constantFrom('0', '10', '1e3')), f),
      count: optionValue(fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.constantFrom('0', '1001', '50')), f),
      sessionId: str(f),
    },
    tracks: { hasAudio: boolish(f), hasVideo: boolish(f) },
    broadcast: {
      outputs: optionValue(
        fc.record(
          {
            hls: optionValue(
              fc.record(
                { dvr: invalid ? fc.constant(true) : boolish(f), lowLatency: invalid ? fc.constant(true) : boolish(f) },
                { requiredKeys: [] },
              ),
              f,
            ),
            rtmp: optionValue(
              fc.array(fc.record({ id: str(f), serverUrl: str(f), streamName: str(f) }, { requiredKeys: [] }), {
                maxLength: 3,
              }),
              f,
            ),
          },
          { requiredKeys: [] },
        ),
        f,
      ),
      maxDuration: optionValue(fc.integer({ min: 0, max: 40000 }), f),
      resolution: optionValue(fc.constantFrom('640x480', '1280x720'), f),
      layout: optionValue(fc.record(layoutModel(f), { requiredKeys: [] }), f),
      streamMode: optionValue(fc.constantFrom('auto', 'manual'), f),
      sessionId: str(f),
    },
    dial: {
      headers: optionValue(fc.dictionary(fc.string({ maxLength: 8 }), anyString, { maxKeys: 3 }).map(ordinary), f),
      auth: optionValue(fc.record({ username: str(f), password: str(f) }, { requiredKeys: [] }), f),
      secure: boolish(f),
      from: str(f),
      video: boolish(f),
      observeForceMute: boolish(f),
      streams: optionValue(stringArray, f),
    },
    websocket: {
      streams: optionValue(stringArray, f),
      headers: optionValue(fc.dictionary(fc.string({ maxLength: 8 }), anyString, { maxKeys: 3 }).map(ordinary), f),
      bidirectional: boolish(f),
      audioRate: optionValue(fc.constantFrom(8000, 16000), f),
    },
    forceMuteAll: {
      excludedStreamIds: invalid ? junk(f) : optionValue(stringArray, f),
      excudedStreamIds: invalid ? junk(f) : optionValue(stringArray, f),
    },
    renders: {
      offset: optionValue(fc.integer({ min: -5, max: 2000 }), f),
      count: optionValue(
        invalid
          ? fc.oneof(fc.integer({ min: -1000, max: 0 }), fc.integer({ min: 1001, max: 1e6 }), fc.constantFrom('0', '1001', -0.5, 1000.5, [], false, 0n))
          : fc.oneof(fc.integer({ min: -5, max: 1005 }), fc.constantFrom('0', '1001', '50')),
        f,
      ),
    },
    render: {
      sessionId: str(f),
      token: str(f),
      url: str(f),
      maxDuration: optionValue(fc.integer(), f),
      resolution: optionValue(fc.constantFrom('640x480', '1280x720'), f),
      statusCallbackUrl: str(f),
      properties: optionValue(fc.record({ name: str(f) }, { requiredKeys: [] }), f),
    },
    captions: {
      languageCode: optionValue(fc.constant('en-US'), f),
      maxDuration: optionValue(fc.integer(), f),
      partialCaptions: boolish(f),
    },
    callback: { group: str(f), event: str(f), url: str(f) },
    payload: { type: str(f), data: str(f) },
  };
}

/** An element of setStreamClassLists' array. */
function classListElement() {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record(
        {
          id: optionValue(plausibleId),
          layoutClassList: optionValue(fc.array(fc.oneof({ weight: 5, arbitrary: anyString }, { weight: 1, arbitrary: junk() }), { maxLength: 4 })),
        },
        { requiredKeys: [] },
      ),
    },
    { weight: 1, arbitrary: junk() },
  );
}

module.exports = {
  spies,
  functionArb,
  anyString,
  unicodeString,
  hugeString,
  loneSurrogate,
  plausibleId,
  falsy,
  nullish,
  numberArb,
  symbolArb,
  junk,
  hostile,
  idArb,
  optionsArb,
  optionValue,
  optionModels,
  classListElement,
  objectFrom,
  UNUSUAL_STRINGS,
};
