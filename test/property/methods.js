'use strict';
// The callback API as data: each method's positional parameters, which of them the callback may
// replace ("argument shifting": a function in an optional position is the callback), the
// missing-callback throw (checked before anything else) and the documented argument validations,
// plus an oracle that tells, for any argument list, what must happen:
//   { kind: 'throw', error }        throws synchronously (missing callback; listRenders' count)
//   { kind: 'sync', error }         calls back synchronously with exactly (error), no request
//   { kind: 'nextTick', error }     calls back with (error) on a later tick, no request
//                                   (createSession's two validation errors)
//   { kind: 'request' }             sends one request and calls back once, asynchronously
//   { kind: 'countUncomparable' }   listRenders with a count that cannot be compared to a number
// `error` is { cls: 'ArgumentError' | 'Error', message }.
const net = require('net');
const fc = require('fast-check');
const {
  idArb,
  optionsArb,
  optionModels,
  junk,
  anyString,
  classListElement,
  optionValue,
  functionArb,
} = require('./arbitraries');

const A = (message) => ({ cls: 'ArgumentError', message });
const E = (message) => ({ cls: 'Error', message });

const CALLBACK_FAMILY = A('Invalid arguments -- must provide a callback function.');
const noCallback = (method) => A(`No callback given to ${method}`);

/** "null/empty", the check most ID validations use. */
const nullOrEmpty = (value) => value == null || value.length === 0;
const notNonEmptyString = (value) => !value || typeof value !== 'string';
const SESSION_ID_STRING = E('Invalid arguments -- must provide a sessionId string.');

function own(object, key) {
  return object !== null && typeof object === 'object' && Object.prototype.hasOwnProperty.call(object, key)
    ? object[key]
    : undefined;
}

/** Property read with `?.` semantics, as startBroadcast reads `options.outputs.hls.dvr`. */
function read(value, ...keys) {
  let current = value;
  for (const key of keys) {
    if (current == null) return undefined;
    current = current[key];
  }
  return current;
}

function createSessionValidation([options]) {
  const opts = options == null ? {} : options;
  let mediaMode = own(opts, 'mediaMode');
  let archiveMode = own(opts, 'archiveMode');
  if (mediaMode !== 'routed' && mediaMode !== 'relayed') mediaMode = 'relayed';
  if (archiveMode !== 'manual' && archiveMode !== 'always') archiveMode = 'manual';
  if (archiveMode === 'always' && mediaMode !== 'routed') {
    return E('A session with always archive mode must also have the routed media mode.');
  }
  if (typeof opts === 'object' && Object.prototype.hasOwnProperty.call(opts, 'location')) {
    const location = opts.location;
    if (!(typeof location === 'string' && net.isIPv4(location))) {
      return E('Invalid arguments when calling createSession, location must be an IPv4 address');
    }
  }
  return null;
}

function layoutValidation(idMessage) {
  return ([id, type, stylesheet, screenshareType]) => {
    if (typeof id !== 'string') return E(idMessage);
    if (typeof type !== 'string') return E('Invalid arguments -- must provide a type string.');
    if (typeof stylesheet === 'function') return E('Invalid arguments -- stylesheet cannot be a function.');
    if (stylesheet && typeof stylesheet !== 'string') return E('Invalid arguments -- stylesheet must be a string.');
    if (typeof screenshareType === 'function') return E('Invalid arguments -- screenshareType cannot be a function.');
    if (screenshareType && typeof screenshareType !== 'string') {
      return E('Invalid arguments -- screenshareType must be a string.');
    }
    if (screenshareType && type !== 'bestFit') {
      return E('Invalid arguments -- type must be set to "bestFit" if you set screenshareType.');
    }
    return null;
  };
}

function classListValidation([sessionId, list]) {
  if (typeof sessionId !== 'string') return E('Invalid arguments -- must provide an sessionId string.');
  if (!Array.isArray(list)) return E('Invalid arguments -- must provide a streamClassArray array.');
  for (const element of list) {
    if (typeof element !== 'object' || element === null || typeof element.id !== 'string') {
      return E('Invalid arguments -- each element in the streamClassArray must have an id string.');
    }
    if (!Array.isArray(element.layoutClassList)) {
      return E('Invalid arguments -- each element in the streamClassArray must have a layoutClassList array.');
    }
    if (element.layoutClassList.some((name) => typeof name !== 'string')) {
      return E('Invalid arguments -- each element in the layoutClassList array must be a string (defining class names).');
    }
  }
  return null;
}

function firstNullOrEmpty(messages, cls) {
  return (args) => {
    for (let i = 0; i < messages.length; i += 1) {
      if (nullOrEmpty(args[i])) return cls(messages[i]);
    }
    return null;
  };
}

/**
 * Parameter kinds: 'id', 'options:<model>', 'type', 'style', 'classList', 'payload', 'digits'.
 * `shift`: index of the optional parameter the callback may replace.
 * `layout`: the callback rule of the layout methods: the 5th argument if it is a function, else the
 * 3rd (stylesheet), else the 4th (screenshareType); the one used as the callback counts as absent.
 */
const METHODS = {
  createSession: {
    params: ['options:createSession'],
    shift: 0,
    missing: E('Invalid arguments when calling createSession, must provide a callback'),
    validate: createSessionValidation,
    deferred: true,
  },
  startArchive: {
    params: ['id', 'options:archive'],
    shift: 1,
    missing: noCallback('startArchive'),
    validate: ([sessionId]) => (!sessionId ? A('No session ID given') : null),
  },
  stopArchive: { params: ['id'], missing: noCallback('stopArchive'), validate: ([id]) => (!id ? A('No archive ID given') : null) },
  getArchive: { params: ['id'], missing: noCallback('getArchive'), validate: ([id]) => (!id ? A('No archive ID given') : null) },
  deleteArchive: {
    params: ['id'],
    missing: noCallback('deleteArchive'),
    validate: ([id]) => (!id ? A('No archive ID given') : null),
  },
  listArchives: { params: ['options:list'], shift: 0, missing: noCallback('listArchives') },
  addArchiveStream: {
    params: ['id', 'id', 'options:tracks'],
    shift: 2,
    missing: noCallback('addArchiveStream'),
    validate: ([archiveId, streamId]) =>
      !archiveId ? A('No Archive ID given') : !streamId ? A('Need one of addStream or removeStream') : null,
  },
  removeArchiveStream: {
    params: ['id', 'id'],
    missing: noCallback('removeArchiveStream'),
    validate: ([archiveId, streamId]) =>
      !archiveId ? A('No Archive ID given') : !streamId ? A('Need one of addStream or removeStream') : null,
  },
  setArchiveLayout: {
    params: ['id', 'type', 'style', 'style'],
    layout: true,
    missing: CALLBACK_FAMILY,
    validate: layoutValidation('Invalid arguments -- must provide an archiveId string.'),
  },
  startBroadcast: {
    params: ['id', 'options:broadcast'],
    missing: noCallback('startBroadcast'),
    validate: ([sessionId, options]) => {
      if (nullOrEmpty(sessionId)) return A('No sessionId given to startBroadcast');
      if (!options || typeof options !== 'object') return A('No options given to startBroadcast');
      if (read(options, 'outputs', 'hls', 'dvr') && read(options, 'outputs', 'hls', 'lowLatency')) {
        return A('Cannot set both dvr and lowLatency on HLS');
      }
      return null;
    },
  },
  stopBroadcast: {
    params: ['id'],
    missing: noCallback('stopBroadcast'),
    validate: ([id]) => (nullOrEmpty(id) ? A('No broadcast ID given') : null),
  },
  getBroadcast: {
    params: ['id'],
    missing: noCallback('getBroadcast'),
    validate: ([id]) => (nullOrEmpty(id) ? A('No broadcast ID given') : null),
  },
  listBroadcasts: { params: ['options:list'], shift: 0, missing: noCallback('listBroadcasts') },
  setBroadcastLayout: {
    params: ['id', 'type', 'style', 'style'],
    layout: true,
    missing: CALLBACK_FAMILY,
    validate: layoutValidation('Invalid arguments -- must provide an broadcastId string.'),
  },
  addBroadcastStream: {
    params: ['id', 'id', 'options:tracks'],
    shift: 2,
    missing: noCallback('addBroadcastStream'),
    validate: firstNullOrEmpty(['No broadcastId given to addBroadcastStream', 'No streamId given to addBroadcastStream'], A),
  },
  removeBroadcastStream: {
    params: ['id', 'id'],
    missing: noCallback('removeBroadcastStream'),
    validate: firstNullOrEmpty(['No broadcastId provided', 'No streamId provided'], A),
  },
  dial: {
    params: ['id', 'id', 'id', 'options:dial'],
    shift: 3,
    missing: noCallback('dial'),
    validate: firstNullOrEmpty(['No session ID given', 'No token given', 'No SIP URI given'], A),
  },
  playDTMF: {
    params: ['id', 'id', 'digits'],
    missing: CALLBACK_FAMILY,
    validate: ([sessionId, connectionId]) => {
      if (notNonEmptyString(sessionId)) return SESSION_ID_STRING;
      if (connectionId && typeof connectionId !== 'string') return E('Invalid arguments -- connectionId must be a string.');
      return null;
    },
  },
  websocketConnect: {
    params: ['id', 'id', 'id', 'options:websocket'],
    shift: 3,
    missing: noCallback('websocketConnect'),
    validate: firstNullOrEmpty(
      ['No sessionId given to websocketConnect', 'No token given to websocketConnect', 'No websocketUri given to websocketConnect'],
      E,
    ),
  },
  getStream: {
    params: ['id', 'id'],
    missing: CALLBACK_FAMILY,
    validate: ([sessionId, streamId]) => {
      if (notNonEmptyString(sessionId)) return SESSION_ID_STRING;
      if (notNonEmptyString(streamId)) return E('Invalid arguments -- must provide a streamId string.');
      return null;
    },
  },
  listStreams: {
    params: ['id'],
    missing: CALLBACK_FAMILY,
    validate: ([sessionId]) => (notNonEmptyString(sessionId) ? SESSION_ID_STRING : null),
  },
  setStreamClassLists: { params: ['id', 'classList'], missing: CALLBACK_FAMILY, validate: classListValidation },
  forceDisconnect: {
    params: ['id', 'id'],
    missing: noCallback('forceDisconnect'),
    validate: ([sessionId, connectionId]) =>
      sessionId == null || connectionId == null ? A('No sessionId or connectionId given to forceDisconnect') : null,
  },
  forceMuteStream: {
    params: ['id', 'id'],
    missing: CALLBACK_FAMILY,
    validate: ([sessionId, streamId]) => {
      if (notNonEmptyString(sessionId)) return SESSION_ID_STRING;
      if (streamId && typeof streamId !== 'string') return E('Invalid arguments -- streamId must be a string.');
      return null;
    },
  },
  forceMuteAll: {
    params: ['id', 'options:forceMuteAll'],
    shift: 1,
    missing: CALLBACK_FAMILY,
    validate: ([sessionId, options]) => {
      if (notNonEmptyString(sessionId)) return SESSION_ID_STRING;
      const opts = options == null ? {} : options;
      if (opts.excludedStreamIds && !Array.isArray(opts.excludedStreamIds)) {
        return E('Invalid arguments -- excludedStreamIds must be array.');
      }
      if (opts.excudedStreamIds && !Array.isArray(opts.excudedStreamIds)) {
        return E('Invalid arguments -- excudedStreamIds must be array.');
      }
      return null;
    },
  },
  disableForceMute: {
    params: ['id'],
    missing: CALLBACK_FAMILY,
    validate: ([sessionId]) => (notNonEmptyString(sessionId) ? SESSION_ID_STRING : null),
  },
  signal: {
    params: ['id', 'id', 'payload'],
    missing: noCallback('signal'),
    validate: ([sessionId, , payload]) =>
      sessionId == null || payload == null ? A('No sessionId or payload given to signal') : null,
  },
  listRenders: { params: ['options:renders'], missing: noCallback('listRenders'), countCheck: true },
  getRender: { params: ['id'], missing: noCallback('getRender') },
  startRender: { params: ['options:render'], missing: noCallback('startRender') },
  stopRender: { params: ['id'], missing: noCallback('stopRender') },
  startCaptions: { params: ['id', 'id', 'options:captions'], missing: noCallback('startCaptions') },
  stopCaptions: { params: ['id'], missing: noCallback('stopCaptions') },
  registerCallback: { params: ['options:callback'], shift: 0, missing: noCallback('registerCallback') },
  unregisterCallback: {
    params: ['id'],
    missing: noCallback('unregisterCallback'),
    validate: ([id]) => (nullOrEmpty(id) ? A('No callback ID given') : null),
  },
  listCallbacks: { params: ['options:callback'], shift: 0, missing: noCallback('listCallbacks') },
};

const METHOD_NAMES = Object.keys(METHODS);

/** The callback and the positional arguments after shifting (and the layout methods' rule). */
function resolveCallback(spec, args) {
  const n = spec.params.length;
  const positional = Array.from({ length: n }, (_unused, i) => args[i]);
  if (spec.layout) {
    if (typeof args[4] === 'function') return { callback: args[4], positional };
    if (typeof args[2] === 'function') {
      positional[2] = undefined;
      return { callback: args[2], positional };
    }
    if (typeof args[3] === 'function') {
      positional[3] = undefined;
      return { callback: args[3], positional };
    }
    return { callback: undefined, positional };
  }
  if (spec.shift !== undefined && typeof args[spec.shift] === 'function') {
    positional[spec.shift] = undefined;
    return { callback: args[spec.shift], positional };
  }
  return { callback: args[n], positional };
}

/** Positions where a function would be taken for the callback. */
function callbackCandidates(spec) {
  if (spec.layout) return [2, 3, 4];
  return spec.shift === undefined ? [spec.params.length] : [spec.shift, spec.params.length];
}

/** What `opentok[name](...args)` must do. */
function expectation(name, args) {
  const spec = METHODS[name];
  const { callback, positional } = resolveCallback(spec, args);
  if (typeof callback !== 'function') return { kind: 'throw', error: spec.missing, callback };
  if (spec.countCheck) {
    const options = positional[0] == null ? {} : positional[0];
    let outOfRange;
    try {
      const count = options.count;
      outOfRange = count > 1000 || count < 1;
    } catch {
      return { kind: 'countUncomparable', callback };
    }
    if (outOfRange) return { kind: 'throw', error: A('Count is out of range'), callback };
  }
  const error = spec.validate ? spec.validate(positional) : null;
  if (error) return { kind: spec.deferred ? 'nextTick' : 'sync', error, callback };
  return { kind: 'request', callback };
}

// ---------------------------------------------------------------------------------------------
// Argument-list generators.

function paramArb(kind, mode, { fn = true } = {}) {
  if (kind === 'id') return idArb(mode, { fn });
  if (kind.startsWith('options:')) {
    const models = optionModels(mode);
    const model = models[kind.slice('options:'.length)];
    return optionsArb(model, { fn });
  }
  switch (kind) {
    case 'type':
      return optionValue(fc.constantFrom('bestFit', 'pip', 'custom', 'focus', 'horizontalPresentation'), { fn });
    case 'style':
      return fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(undefined, null, '', 'bestFit', 'pip', 'stream { position: absolute; }') },
        { weight: 2, arbitrary: anyString },
        { weight: 2, arbitrary: junk({ fn }) },
      );
    case 'classList':
      return fc.oneof({ weight: 4, arbitrary: fc.array(classListElement(), { maxLength: 4 }) }, { weight: 1, arbitrary: junk({ fn }) });
    case 'payload':
      return optionsArb(optionModels(mode).payload, { fn });
    case 'digits':
      return fc.oneof(fc.stringMatching(/^[0-9*#p]{1,10}$/), anyString, junk({ fn }));
    default:
      throw new Error(`unknown parameter kind ${kind}`);
  }
}

/** A stand-in for the callback in generated argument lists; replaced by a fresh recorder per run. */
function CALLBACK() {
  throw new Error('the CALLBACK placeholder must be replaced before the call');
}
CALLBACK[fc.toStringMethod] = () => 'callback';

/**
 * Argument lists for `name` with the callback (the CALLBACK placeholder) in one of its documented
 * positions. Functions appear only where they cannot be taken for the callback.
 */
function callArb(name, mode) {
  const spec = METHODS[name];
  const n = spec.params.length;
  const candidates = new Set(callbackCandidates(spec));
  const forms = [];
  if (spec.layout) {
    forms.push(2, 3, 4);
  } else {
    if (spec.shift !== undefined) forms.push(spec.shift);
    forms.push(n);
  }
  // In the five-argument layout form, stylesheet and screenshareType may be functions (which the
  // layout methods reject: 'stylesheet cannot be a function', 'screenshareType cannot be a function').
  const layoutFunctions = spec.layout
    ? fc.tuple(...[0, 1].map(() => fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: functionArb })))
    : fc.constant([null, null]);
  return fc
    .tuple(
      fc.constantFrom(...forms),
      fc.tuple(...spec.params.map((kind, i) => paramArb(kind, mode, { fn: !candidates.has(i) }))),
      layoutFunctions,
    )
    .map(([length, values, [stylesheetFn, screenshareFn]]) => {
      const args = values.slice(0, length);
      if (length === 4) {
        if (stylesheetFn) args[2] = stylesheetFn;
        if (screenshareFn) args[3] = screenshareFn;
      }
      args.push(CALLBACK);
      return args;
    })
    .filter((args) => resolveCallback(spec, args).callback === CALLBACK);
}

/** Argument lists with no function in any callback position (0 to n+1 arguments). */
function missingCallbackArb(name) {
  const spec = METHODS[name];
  const n = spec.params.length;
  const candidates = new Set(callbackCandidates(spec));
  const kinds = [...spec.params, 'id'];
  return fc
    .tuple(
      fc.integer({ min: 0, max: n + 1 }),
      fc.tuple(...kinds.map((kind, i) => paramArb(kind, 'mixed', { fn: !candidates.has(i) }))),
    )
    .map(([length, values]) => values.slice(0, length));
}

module.exports = {
  METHODS,
  METHOD_NAMES,
  CALLBACK,
  expectation,
  resolveCallback,
  callArb,
  missingCallbackArb,
  A,
  E,
};
