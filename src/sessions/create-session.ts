import { isIPv4 } from 'net';
import { callRest, deliverNextTick, isCallback, shiftOptional } from '../core/callbacks';
import type { ApiContext } from '../core/context';
import { copyOwnProperties, isPlainObject, toText } from '../core/objects';
import { isSuccess, malformedBody, outcomeError } from '../core/outcomes';
import { wrapError } from '../errors';
import type { HttpOutcome } from '../http/types';
import { Session } from '../models/session';

/** `routed` (streams go through the OpenTok Media Router) or `relayed` (peer-to-peer). */
export type MediaMode = 'relayed' | 'routed';
/** `manual` (archives are started by `startArchive`) or `always` (every session is archived). */
export type ArchiveMode = 'manual' | 'always';

/** Options of `createSession`. */
export interface SessionOptions {
  /** `routed` (OpenTok Media Router) or `relayed` (peer-to-peer). Default `relayed`. */
  mediaMode?: MediaMode;
  /** `manual` or `always` (requires `routed`). Default `manual`. */
  archiveMode?: ArchiveMode;
  /** IPv4 address used as a location hint. */
  location?: string;
  /** End-to-end encryption. */
  e2ee?: boolean;
  /** Name of automatic archives (at most 80 characters). */
  archiveName?: string;
  /** Resolution of automatic archives. */
  archiveResolution?: '480x640' | '640x480' | '720x1280' | '1280x720' | '1080x1920' | '1920x1080';
}

/** Form fields sent, in this fixed order; `p2p.preference` always comes last. */
const FORM_FIELDS = ['location', 'archiveMode', 'e2ee', 'archiveName', 'archiveResolution'] as const;

/** Applies the defaults and replacements of SPEC §7.1 to a shallow copy of the caller's options. */
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

/** `createSession([options], callback)` (SPEC §7.1). */
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
