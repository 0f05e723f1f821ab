import { isIPv4 } from 'net';
import { callRest, deliverNextTick, isCallback, shiftOptional } from '../core/callbacks';
import type { ApiContext } from '../core/context';
import { copyOwnProperties, isPlainObject, toText } from '../core/objects';
import { isSuccess, malformedBody, outcomeError } from '../core/outcomes';
import { wrapError } from '../errors';
import type { HttpOutcome } from '../http/types';
import { Session } from '../models/session';

/**
 * `routed`: streams go through the OpenTok Media Router, which archiving, broadcasting, SIP and
 * captions need. `relayed`: clients send streams to each other directly (peer-to-peer) when they
 * can.
 */
export type MediaMode = 'relayed' | 'routed';
/** `manual`: archives are started with `startArchive`. `always`: the session is archived automatically once clients connect. */
export type ArchiveMode = 'manual' | 'always';

/**
 * Options of `createSession`. An unknown `mediaMode` or `archiveMode` is replaced by its default;
 * `archiveMode: 'always'` without `mediaMode: 'routed'`, and a `location` that is not an IPv4
 * address, are refused with an `Error` in the callback before any request. The options object is
 * never modified.
 *
 * @example
 * ```ts
 * opentok.createSession({ mediaMode: 'routed', archiveMode: 'always', archiveName: 'Daily standup' }, (err, session) => {
 *   if (err) return console.error(err);
 *   console.log(session.sessionId);
 * });
 * ```
 */
export interface SessionOptions {
  /** `routed` (OpenTok Media Router) or `relayed` (peer-to-peer). Default `relayed`. */
  mediaMode?: MediaMode;
  /** `manual` or `always` (which needs `mediaMode: 'routed'`). Default `manual`. */
  archiveMode?: ArchiveMode;
  /** An IPv4 address near which the session should be hosted (a location hint). Default: none. */
  location?: string;
  /** End-to-end encryption of the session's media (needs `mediaMode: 'routed'`). Default `false`. */
  e2ee?: boolean;
  /** Name of the session's automatic archives, at most 80 characters (`archiveMode: 'always'`). Default: none. */
  archiveName?: string;
  /** Resolution of the session's automatic archives (`archiveMode: 'always'`). Default `640x480`. */
  archiveResolution?: '480x640' | '640x480' | '720x1280' | '1280x720' | '1080x1920' | '1920x1080';
}

/** Form fields sent, in this fixed order; `p2p.preference` always comes last. */
const FORM_FIELDS = ['location', 'archiveMode', 'e2ee', 'archiveName', 'archiveResolution'] as const;

/**
 * A shallow copy of the caller's options with the defaults applied: `mediaMode` `relayed` and
 * `archiveMode` `manual` when absent or not one of their two values.
 */
function normaliseOptions(options: unknown): Record<string, unknown> {
  const normalised: Record<string, unknown> = {};
  copyOwnProperties(normalised, options);
  if (normalised.mediaMode === undefined) normalised.mediaMode = 'relayed';
  if (normalised.archiveMode === undefined) normalised.archiveMode = 'manual';
  if (normalised.mediaMode !== 'routed' && normalised.mediaMode !== 'relayed') normalised.mediaMode = 'relayed';
  if (normalised.archiveMode !== 'manual' && normalised.archiveMode !== 'always') normalised.archiveMode = 'manual';
  return normalised;
}

function validationMessage(options: unknown, normalised: Record<string, unknown>): string | undefined {
  if (normalised.archiveMode === 'always' && normalised.mediaMode !== 'routed') {
    return 'A session with always archive mode must also have the routed media mode.';
  }
  if (isPlainObject(options) && Object.prototype.hasOwnProperty.call(options, 'location')) {
    const location = normalised.location;
    if (typeof location !== 'string' || !isIPv4(location)) {
      return 'Invalid arguments when calling createSession, location must be an IPv4 address';
    }
  }
  return undefined;
}

function encodeForm(normalised: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const field of FORM_FIELDS) {
    const value = normalised[field];
    if (value !== undefined && value !== null) form.append(field, toText(value));
  }
  form.append('p2p.preference', normalised.mediaMode === 'routed' ? 'disabled' : 'enabled');
  return form.toString();
}

function sessionIdFrom(body: unknown): string | undefined {
  let parsed = body;
  if (typeof parsed === 'string') {
    try {
      parsed = JSON.parse(parsed) as unknown;
    } catch {
      return undefined;
    }
  }
  if (!Array.isArray(parsed)) return undefined;
  const first = parsed[0] as { session_id?: unknown } | undefined;
  return typeof first?.session_id === 'string' ? first.session_id : undefined;
}

/**
 * `createSession([options], callback)`: POSTs the form to `/session/create` and calls back with a
 * {@link Session} carrying the normalised options; errors wrapped as `Failed to createSession. Error: <inner>`.
 */
export function createSession(ctx: ApiContext, optionsOrCallback: unknown, maybeCallback: unknown): void {
  const { value: options, callback } = shiftOptional(optionsOrCallback, maybeCallback);
  if (!isCallback(callback)) {
    throw new Error('Invalid arguments when calling createSession, must provide a callback');
  }
  const normalised = normaliseOptions(options);
  const invalid = validationMessage(options, normalised);
  if (invalid !== undefined) {
    deliverNextTick(callback, [new Error(invalid)]);
    return;
  }
  const interpret = (outcome: HttpOutcome): readonly unknown[] => {
    if (!isSuccess(outcome)) return [wrapError('Failed to createSession. Error: ', outcomeError(outcome))];
    const sessionId = sessionIdFrom(outcome.body);
    if (sessionId === undefined) return [wrapError('Failed to createSession. Error: ', malformedBody(outcome))];
    return [null, new Session(ctx.ot, sessionId, normalised)];
  };
  callRest(ctx.rest, { method: 'POST', path: '/session/create', form: encodeForm(normalised) }, interpret, callback);
}
