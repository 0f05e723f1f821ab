import { callRest, isCallback } from '../core/callbacks';
import type { AnyCallback } from '../core/callbacks';
import type { ApiContext } from '../core/context';
import { optionsObject, toText } from '../core/objects';
import { isSuccess, outcomeError } from '../core/outcomes';
import { ArgumentError } from '../errors';
import type { OpenTokError } from '../errors';
import type { HttpOutcome, HttpResponse } from '../http/types';

/** An Experience Composer render, as the service returns it (SPEC §16). */
export interface Render {
  id: string;
  sessionId: string;
  projectId: string;
  createdAt: number;
  updatedAt: number;
  url: string;
  resolution: string;
  status: 'starting' | 'started' | 'stopped' | 'failed';
  reason?: string;
  callbackUrl?: string;
  event?: string;
  streamId?: string;
}

/** Options of `startRender` (SPEC §16). */
export interface RenderOptions {
  /** Session the rendered page publishes into. */
  sessionId: string;
  /** Token the render connects with. */
  token: string;
  /** URL of the page to render. */
  url: string;
  /** Maximum duration in seconds. Default 1800. */
  maxDuration?: number;
  /** Resolution. Default `1280x720`. */
  resolution?: '640x480' | '480x640' | '1280x720' | '720x1280' | '1920x1080' | '1080x1920';
  /** URL the service POSTs status changes to. */
  statusCallbackUrl?: string;
  /** Properties of the published stream, e.g. `{ name }`. */
  properties?: { name?: string };
}

/** Options of `listRenders`. */
export interface ListRendersOptions {
  /** Index of the first render. */
  offset?: number;
  /** Number of renders, 1 to 1000. */
  count?: number;
}

/**
 * Render callbacks: `(null, body, response)` on success, `(error)` on failure (the other arguments
 * are then `undefined`; declared non-optional, as `@types/node` declares its callbacks). The error
 * is an {@link OpenTokError}, or a plain `Error` from an argument check (`statusCode`, `body` and
 * `cause` are optional, so the type covers both).
 */
export type RenderCallback<T> = (error: OpenTokError | null, result: T, response: HttpResponse) => void;

/** Success `(null, body, response)`, error `(err)` (SPEC §16). */
function renderResult(outcome: HttpOutcome): readonly unknown[] {
  return isSuccess(outcome) ? [null, outcome.body, outcome.response] : [outcomeError(outcome)];
}

function renderCallback(method: string, callback: unknown): AnyCallback {
  if (!isCallback(callback)) throw new ArgumentError(`No callback given to ${method}`);
  return callback;
}

/**
 * SPEC's `count > 1000 || count < 1` (an absent count passes). A count that cannot even be compared
 * (a Symbol, an object whose conversion throws) is out of range too, rather than a TypeError.
 */
function countOutOfRange(count: unknown): boolean {
  if (typeof count === 'symbol') return true;
  try {
    return (count as number) > 1000 || (count as number) < 1;
  } catch {
    return true;
  }
}

/** `listRenders(options, callback)`. */
export function listRenders(ctx: ApiContext, optionsArgument: unknown, maybeCallback: unknown): void {
  const callback = renderCallback('listRenders', maybeCallback);
  const options = optionsObject(optionsArgument);
  if (countOutOfRange(options.count)) throw new ArgumentError('Count is out of range');
  const query = new URLSearchParams();
  if (options.offset) query.append('offset', toText(options.offset));
  if (options.count) query.append('count', toText(options.count));
  const search = query.toString();
  const path = `${ctx.projectPath}/render${search ? `?${search}` : ''}`;
  callRest(ctx.rest, { method: 'GET', path }, renderResult, callback);
}

/** `getRender(renderId, callback)`. */
export function getRender(ctx: ApiContext, renderId: unknown, maybeCallback: unknown): void {
  const callback = renderCallback('getRender', maybeCallback);
  callRest(ctx.rest, { method: 'GET', path: `${ctx.projectPath}/render/${toText(renderId)}` }, renderResult, callback);
}

/** `startRender(options, callback)`. */
export function startRender(ctx: ApiContext, optionsArgument: unknown, maybeCallback: unknown): void {
  const callback = renderCallback('startRender', maybeCallback);
  const options = optionsObject(optionsArgument);
  const json = {
    sessionId: options.sessionId,
    token: options.token,
    url: options.url,
    maxDuration: options.maxDuration === undefined ? 1800 : options.maxDuration,
    resolution: options.resolution === undefined ? '1280x720' : options.resolution,
    statusCallbackUrl: options.statusCallbackUrl,
    properties: options.properties,
  };
  callRest(ctx.rest, { method: 'POST', path: `${ctx.projectPath}/render`, json }, renderResult, callback);
}

/** `stopRender(renderId, callback)`. */
export function stopRender(ctx: ApiContext, renderId: unknown, maybeCallback: unknown): void {
  const callback = renderCallback('stopRender', maybeCallback);
  const path = `${ctx.projectPath}/render/${toText(renderId)}`;
  callRest(ctx.rest, { method: 'DELETE', path }, renderResult, callback);
}
