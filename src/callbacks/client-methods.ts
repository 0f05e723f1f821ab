import type { DoneCallback, ResultCallback } from '../core/callback-types';
import { contextOf } from '../core/client-state';
import type { Callback } from '../models/callback';
import type { OpenTokClient } from '../opentok';
import * as callbacks from './callbacks';
import type { CallbackOptions } from './callbacks';

/**
 * The methods of {@link OpenTok} for event callback registrations. The client's declaration merges
 * this interface: these are `opentok.registerCallback(...)` and its siblings; their implementations
 * follow.
 */
export interface CallbackMethods {
  /**
   * Same as the next signature, with `options` left out.
   *
   * @param callback - Called with `(null, callback)`: the registration, with its `id`.
   */
  registerCallback(callback: ResultCallback<Callback>): void;
  /**
   * Registers a URL to which the service POSTs a group of session-monitoring events (connections,
   * streams, archives, ...). `opentok/webhooks` parses what it receives.
   *
   * Errors passed to `callback`: {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or
   * {@link RequestError} (any other failure).
   *
   * @param options - The event `group` and `event`, and the `url` to POST to.
   * @param callback - Called with `(null, callback)`: the registration, with its `id`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.registerCallback({ group: 'connection', event: 'created', url: 'https://example.com/events' }, (err, registration) => {
   *   if (err) return console.error(err.message);
   *   console.log(registration.id);
   * });
   * ```
   */
  registerCallback(options: CallbackOptions | null | undefined, callback: ResultCallback<Callback>): void;

  /**
   * Unregisters an event callback.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `callbackId` is empty;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure).
   *
   * @param callbackId - The registration's `id`.
   * @param callback - Called with `(null)` once unregistered.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.unregisterCallback(callbackId, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  unregisterCallback(callbackId: string, callback: DoneCallback): void;

  /**
   * Same as the next signature, with `options` left out.
   *
   * @param callback - Called with `(null, callbacks)`.
   */
  listCallbacks(callback: ResultCallback<Callback[]>): void;
  /**
   * Lists the registered event callbacks.
   *
   * Errors passed to `callback`: {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or
   * {@link RequestError} (any other failure).
   *
   * @param options - Ignored; accepted for compatibility with opentok 2.x. May be left out.
   * @param callback - Called with `(null, callbacks)`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.listCallbacks((err, registrations) => {
   *   if (err) return console.error(err.message);
   *   for (const registration of registrations) console.log(registration.group, registration.url);
   * });
   * ```
   */
  listCallbacks(options: object | null | undefined, callback: ResultCallback<Callback[]>): void;
}

/**
 * The implementations of {@link CallbackMethods}, installed on the client's prototype by src/opentok.ts
 * in the order of opentok 2.x's methods. Each one looks up the client's state, then delegates to
 * the API module.
 */
export const callbackMethods = {
  registerCallback(this: OpenTokClient, optionsOrCallback: unknown, callback?: unknown): void {
    callbacks.registerCallback(contextOf(this), optionsOrCallback, callback);
  },

  unregisterCallback(this: OpenTokClient, callbackId: string, callback: DoneCallback): void {
    callbacks.unregisterCallback(contextOf(this), callbackId, callback);
  },

  listCallbacks(this: OpenTokClient, optionsOrCallback: unknown, callback?: unknown): void {
    callbacks.listCallbacks(contextOf(this), optionsOrCallback, callback);
  },
};
