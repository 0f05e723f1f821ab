import { callRest, isCallback } from '../core/callbacks';
import type { AnyCallback } from '../core/callbacks';
import type { ApiContext } from '../core/context';
import { optionsObject, toText } from '../core/objects';
import { isSuccess, outcomeError } from '../core/outcomes';
import { ArgumentError } from '../errors';
import type { OpenTokError } from '../errors';
import type { HttpOutcome, HttpResponse } from '../http/types';

/**
 * An Experience Composer render: a web page the service opens in a browser and publishes into a
 * session as a stream. The render methods call back with the service's JSON as it is (a plain
 * object, not a class).
 *
 * @example
 * ```ts
 * opentok.getRender(renderId, (err, render) => {
 *   if (err) return console.error(err);
 *   if (render.status === 'failed') console.log('render failed:', render.reason);
 * });
 * ```
 */
export interface Render {
  /** Render ID. */
  id: string;
  /** The session the page is published into. */
  sessionId: string;
  /** API key (project) the render belongs to. */
  projectId: string;
  /** When the render was started, milliseconds since the epoch. */
  createdAt: number;
  /** When its status last changed, milliseconds since the epoch. */
  updatedAt: number;
  /** The URL of the page rendered. */
  url: string;
  /** Resolution of the published stream, e.g. `1280x720`. */
  resolution: string;
  /** `starting`, `started` (publishing), `stopped` or `failed`. */
  status: 'starting' | 'started' | 'stopped' | 'failed';
  /** Why the render stopped or failed (e.g. `Stop Requested`), once it has. */
  reason?: string;
  /** The status callback URL given to `startRender` (its `statusCallbackUrl`). */
  callbackUrl?: string;
  /** The kind of event, when the service sends this JSON as a callback. */
  event?: string;
  /** ID of the stream the render publishes, once it publishes. */
  streamId?: string;
}

/**
 * Options of `startRender`. `sessionId`, `token` and `url` are needed by the service; the others
 * have defaults the SDK fills in.
 *
 * @example
 * ```ts
 * opentok.startRender({
 *   sessionId,
 *   token: opentok.generateToken(sessionId, { role: 'publisher' }),
 *   url: 'https://example.com/composed-view',
 *   maxDuration: 3600,
 *   resolution: '1280x720',
 *   statusCallbackUrl: 'https://example.com/render-events',
 *   properties: { name: 'Composed view' },
 * }, (err, render) => {
 *   if (err) return console.error(err);
 *   console.log(render.id, render.status);
 * });
 * ```
 */
export interface RenderOptions {
  /** The session the rendered page publishes into. */
  sessionId: string;
  /** A token of that session (role `publisher` or `moderator`) the render connects with. */
  token: string;
  /** URL of the page to render (`http://` or `https://`). */
  url: string;
  /** Maximum duration in seconds, 60 to 36000; the render then stops. Default `1800` (30 minutes; the SDK sends it). */
  maxDuration?: number;
  /** Resolution of the published stream. Default `1280x720` (the SDK sends it). */
  resolution?: '640x480' | '480x640' | '1280x720' | '720x1280' | '1920x1080' | '1080x1920';
  /** URL the service POSTs the render's status changes to. Default: the project's `render` callbacks, if any. */
  statusCallbackUrl?: string;
  /** Properties of the published stream. */
  properties?: {
    /** Name of the published stream, as clients see it. Default: none. */
    name?: string;
  };
}

/**
 * Options of `listRenders`: a page of the project's renders.
 *
 * @example
 * ```ts
 * opentok.listRenders({ offset: 0, count: 50 }, (err, page) => {
 *   if (err) return console.error(err);
 *   console.log(`${page.items.length} of ${page.count} renders`);
 * });
 * ```
 */
export interface ListRendersOptions {
  /** Index of the first render returned. Default `0`. */
  offset?: number;
  /** Number of renders returned, 1 to 1000 (out of range, `listRenders` throws an `ArgumentError`). Default `50`. */
  count?: number;
}

/**
 * The callbacks of the render methods: `(null, body, response)` on success, `body` being the
 * service's JSON and `response` the {@link HttpResponse}; `(error)` on failure (the other
 * arguments are then `undefined`; declared non-optional, as `@types/node` declares its
 * callbacks). The error is an {@link OpenTokError} (`NotFoundError` for an unknown render ID,
 * `AuthError`, `RequestError`), or a plain `Error` from an argument check (`statusCode`, `body`
 * and `cause` are optional, so the type covers both).
 *
 * @typeParam T - What the service answers: a {@link Render}, or `{ count, items }` for `listRenders`.
 */
export type RenderCallback<T> = (error: OpenTokError | null, result: T, response: HttpResponse) => void;

/** Success `(null, body, response)`, error `(err)` alone: the render methods do not pass an error's body on. */
function renderResult(outcome: HttpOutcome): readonly unknown[] {
  return isSuccess(outcome) ? [null, outcome.body, outcome.response] : [outcomeError(outcome)];
}

function renderCallback(method: string, callback: unknown): AnyCallback {
  if (!isCallback(callback)) throw new ArgumentError(`No callback given to ${method}`);
  return callback;
}

/**
 * Whether `listRenders`'s count is out of the service's range, `count > 1000 || count < 1`
 * (compared as 2.x compared it; an absent count passes). A count that cannot even be compared
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
