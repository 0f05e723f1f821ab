import { contextOf } from '../core/client-state';
import type { OpenTokClient } from '../opentok';
import * as renders from './renders';
import type { ListRendersOptions, Render, RenderCallback, RenderOptions } from './renders';

/**
 * The methods of {@link OpenTok} for Experience Composer renders. The client's declaration merges
 * this interface: these are `opentok.listRenders(...)` and its siblings; their implementations
 * follow.
 */
export interface RenderMethods {
  /**
   * Lists Experience Composer renders.
   *
   * Errors passed to `callback`: {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or
   * {@link RequestError} (any other failure).
   *
   * @param options - `offset`, and `count` (1 to 1000); `null` or `{}` for the service's defaults.
   * @param callback - Called with `(null, { count, items }, response)`: the service's reply.
   * @throws {@link ArgumentError} when `callback` is not a function, or `count` is below 1 or above
   *   1000.
   * @example
   * ```ts
   * opentok.listRenders({ count: 10 }, (err, page) => {
   *   if (err) return console.error(err.message);
   *   console.log(page.items.map((render) => render.status));
   * });
   * ```
   */
  listRenders(options: ListRendersOptions | null | undefined, callback: RenderCallback<{ count: number; items: Render[] }>): void;

  /**
   * Fetches an Experience Composer render.
   *
   * Errors passed to `callback`: {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or
   * {@link RequestError} (any other failure).
   *
   * @param renderId - The render ID.
   * @param callback - Called with `(null, render, response)`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.getRender(renderId, (err, render) => {
   *   if (err) return console.error(err.message);
   *   console.log(render.status);
   * });
   * ```
   */
  getRender(renderId: string, callback: RenderCallback<Render>): void;

  /**
   * Starts an Experience Composer render: the service loads a web page and publishes it into a
   * session as a stream.
   *
   * Errors passed to `callback`: {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or
   * {@link RequestError} (any other failure).
   *
   * @param options - The session, a token of it, the page's URL, and the duration (default 1800
   *   s), resolution (default `1280x720`), status callback URL and stream properties.
   * @param callback - Called with `(null, render, response)`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.startRender({ sessionId, token, url: 'https://example.com/board', properties: { name: 'Board' } }, (err, render) => {
   *   if (err) return console.error(err.message);
   *   console.log(render.id);
   * });
   * ```
   */
  startRender(options: RenderOptions, callback: RenderCallback<Render>): void;

  /**
   * Stops an Experience Composer render.
   *
   * Errors passed to `callback`: {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or
   * {@link RequestError} (any other failure).
   *
   * @param renderId - The render to stop.
   * @param callback - Called with `(null, body, response)`; the body of the reply is empty.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.stopRender(renderId, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  stopRender(renderId: string, callback: RenderCallback<string>): void;
}

/**
 * The implementations of {@link RenderMethods}, installed on the client's prototype by src/opentok.ts
 * in the order of opentok 2.x's methods. Each one looks up the client's state, then delegates to
 * the API module.
 */
export const renderMethods = {
  listRenders(this: OpenTokClient, options: ListRendersOptions | null | undefined, callback: RenderCallback<{ count: number; items: Render[] }>): void {
    renders.listRenders(contextOf(this), options, callback);
  },

  getRender(this: OpenTokClient, renderId: string, callback: RenderCallback<Render>): void {
    renders.getRender(contextOf(this), renderId, callback);
  },

  startRender(this: OpenTokClient, options: RenderOptions, callback: RenderCallback<Render>): void {
    renders.startRender(contextOf(this), options, callback);
  },

  stopRender(this: OpenTokClient, renderId: string, callback: RenderCallback<string>): void {
    renders.stopRender(contextOf(this), renderId, callback);
  },
};
