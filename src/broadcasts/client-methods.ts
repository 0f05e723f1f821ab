import type { StreamTrackOptions } from '../archives/archive-streams';
import type { ListCallback, ResponseCallback, ResultCallback } from '../core/callback-types';
import { contextOf } from '../core/client-state';
import * as layouts from '../layouts/set-layout';
import type { LayoutType, ScreenshareLayoutType } from '../layouts/set-layout';
import type { Broadcast } from '../models/broadcast';
import type { OpenTokClient } from '../opentok';
import * as broadcasts from './broadcasts';
import type { BroadcastOptions, ListBroadcastsOptions } from './broadcasts';

/**
 * The methods of {@link OpenTok} for live-streaming broadcasts: their life cycle, their layout and
 * their streams. The client's declaration merges this interface: these are
 * `opentok.startBroadcast(...)` and its siblings; their implementations follow.
 */
export interface BroadcastMethods {
  /**
   * Starts a live-streaming broadcast of a routed session, to HLS and/or up to five RTMP servers.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `sessionId` is empty, `options` is missing,
   *   or the HLS output sets both `dvr` and `lowLatency`;
   * - a plain `Error` on HTTP 400 (invalid options);
   * - {@link AuthError} (401, 403), {@link NotFoundError} (404) or {@link RequestError} (any other
   *   failure).
   *
   * Every message starts with `Failed to start broadcast. Error: `, but the argument errors'.
   *
   * @param sessionId - The session to broadcast.
   * @param options - The outputs (required), and the duration, resolution, layout, stream mode and
   *   other broadcast settings; sent as given.
   * @param callback - Called with `(null, broadcast)`: its `broadcastUrls` hold the HLS URL and the
   *   RTMP outputs' status.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * const options: OpenTok.BroadcastOptions = {
   *   outputs: { hls: {}, rtmp: [{ serverUrl: 'rtmp://live.example.com/app', streamName: 'key' }] },
   *   maxDuration: 5400,
   *   resolution: '1280x720',
   * };
   * opentok.startBroadcast(sessionId, options, (err, broadcast) => {
   *   if (err) return console.error(err.message);
   *   console.log(broadcast.broadcastUrls?.hls);
   * });
   * ```
   */
  startBroadcast(sessionId: string, options: BroadcastOptions, callback: ResultCallback<Broadcast>): void;

  /**
   * Stops a broadcast.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `broadcastId` is empty;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure), whose message starts with `Failed to stop broadcast. Error: `.
   *
   * @param broadcastId - The broadcast to stop.
   * @param callback - Called with `(null, broadcast)`, the stopped broadcast.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.stopBroadcast(broadcastId, (err, broadcast) => {
   *   if (err) return console.error(err.message);
   *   console.log(broadcast.status);
   * });
   * ```
   */
  stopBroadcast(broadcastId: string, callback: ResultCallback<Broadcast>): void;

  /**
   * Fetches a broadcast.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `broadcastId` is empty;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure), whose message starts with `Failed to get broadcast. Error: `.
   *
   * @param broadcastId - The broadcast ID.
   * @param callback - Called with `(null, broadcast)`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.getBroadcast(broadcastId, (err, broadcast) => {
   *   if (err) return console.error(err.message);
   *   console.log(broadcast.status, broadcast.broadcastUrls);
   * });
   * ```
   */
  getBroadcast(broadcastId: string, callback: ResultCallback<Broadcast>): void;

  /**
   * Same as the next signature, with `options` left out.
   *
   * @param callback - Called with `(null, broadcasts, totalCount)`: the page and the number of
   *   broadcasts in all pages.
   */
  listBroadcasts(callback: ListCallback<Broadcast>): void;
  /**
   * Lists broadcasts, newest first, a page at a time.
   *
   * Errors passed to `callback`: {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or
   * {@link RequestError} (any other failure).
   *
   * @param options - `offset` (default 0), `count` (default 50, at most 1000) and `sessionId` (only
   *   that session's broadcasts). May be left out.
   * @param callback - Called with `(null, broadcasts, totalCount)`: the page and the number of
   *   broadcasts in all pages.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.listBroadcasts({ sessionId }, (err, broadcasts, totalCount) => {
   *   if (err) return console.error(err.message);
   *   console.log(broadcasts.map((broadcast) => broadcast.id), totalCount);
   * });
   * ```
   */
  listBroadcasts(options: ListBroadcastsOptions | null | undefined, callback: ListCallback<Broadcast>): void;

  /**
   * Same as the last signature, without a stylesheet or screen-share layout.
   *
   * @param broadcastId - The broadcast.
   * @param type - The layout type; `custom` takes a stylesheet.
   * @param callback - Called with `(null, body, response)`: the service's reply, passed through.
   */
  setBroadcastLayout(broadcastId: string, type: LayoutType, callback: ResponseCallback): void;
  /**
   * Same as the last signature, without a screen-share layout.
   *
   * @param broadcastId - The broadcast.
   * @param type - The layout type; `custom` takes a stylesheet.
   * @param stylesheet - The CSS of a `custom` layout. May be left out.
   * @param callback - Called with `(null, body, response)`: the service's reply, passed through.
   */
  setBroadcastLayout(
    broadcastId: string,
    type: LayoutType,
    stylesheet: string | null | undefined,
    callback: ResponseCallback,
  ): void;
  /**
   * Changes the layout of a broadcast while it runs.
   *
   * Errors passed to `callback` (as `(error, body, response)`): as
   * {@link OpenTok.setArchiveLayout | setArchiveLayout}: a plain `Error` without a request for an
   * invalid argument; {@link AuthError} (HTTP 401, 403) or {@link NotFoundError} (404) with `body`
   * null; {@link RequestError} on any other failure.
   *
   * @param broadcastId - The broadcast.
   * @param type - The layout type; `custom` takes a stylesheet.
   * @param stylesheet - The CSS of a `custom` layout. May be left out.
   * @param screenshareType - The layout used while a screen is shared (type `bestFit` only). May be
   *   left out.
   * @param callback - Called with `(null, body, response)`: the service's reply, passed through.
   * @throws {@link ArgumentError} when no argument is a function.
   * @example
   * ```ts
   * opentok.setBroadcastLayout(broadcastId, 'horizontalPresentation', (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  setBroadcastLayout(
    broadcastId: string,
    type: 'bestFit',
    stylesheet: string | null | undefined,
    screenshareType: ScreenshareLayoutType,
    callback: ResponseCallback,
  ): void;

  /**
   * Same as the next signature, with `options` left out.
   *
   * @param broadcastId - The broadcast.
   * @param streamId - The stream to add.
   * @param callback - Called with `(null, body, response)`: the service's reply, passed through.
   */
  addBroadcastStream(broadcastId: string, streamId: string, callback: ResponseCallback): void;
  /**
   * Adds a stream to a broadcast started with `streamMode: 'manual'`.
   *
   * Errors passed to `callback` (as `(error, body, response)`):
   * - {@link ArgumentError}, without a request, when `broadcastId` or `streamId` is empty;
   * - {@link AuthError} (HTTP 401, 403) or {@link NotFoundError} (404), with `body` null;
   * - {@link RequestError} (any other failure), with the response's body when there was one.
   *
   * @param broadcastId - The broadcast.
   * @param streamId - The stream to add.
   * @param options - Whether to include the stream's audio and video (both default to true). May be
   *   left out.
   * @param callback - Called with `(null, body, response)`: the service's reply, passed through.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.addBroadcastStream(broadcastId, streamId, { hasAudio: true, hasVideo: true }, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  addBroadcastStream(
    broadcastId: string,
    streamId: string,
    options: StreamTrackOptions | null | undefined,
    callback: ResponseCallback,
  ): void;

  /**
   * Removes a stream from a broadcast started with `streamMode: 'manual'`.
   *
   * Errors passed to `callback` (as `(error, body, response)`): as
   * {@link OpenTok.addBroadcastStream | addBroadcastStream}: {@link ArgumentError} without a request
   * for an empty ID; {@link AuthError} (HTTP 401, 403) or {@link NotFoundError} (404) with `body`
   * null; {@link RequestError} on any other failure.
   *
   * @param broadcastId - The broadcast.
   * @param streamId - The stream to remove.
   * @param callback - Called with `(null, body, response)`: the service's reply, passed through.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.removeBroadcastStream(broadcastId, streamId, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  removeBroadcastStream(broadcastId: string, streamId: string, callback: ResponseCallback): void;
}

/**
 * The implementations of {@link BroadcastMethods}, installed on the client's prototype by src/opentok.ts
 * in the order of opentok 2.x's methods. Each one looks up the client's state, then delegates to
 * the API module.
 */
export const broadcastMethods = {
  startBroadcast(this: OpenTokClient, sessionId: string, options: BroadcastOptions, callback: ResultCallback<Broadcast>): void {
    broadcasts.startBroadcast(contextOf(this), sessionId, options, callback);
  },

  stopBroadcast(this: OpenTokClient, broadcastId: string, callback: ResultCallback<Broadcast>): void {
    broadcasts.stopBroadcast(contextOf(this), broadcastId, callback);
  },

  getBroadcast(this: OpenTokClient, broadcastId: string, callback: ResultCallback<Broadcast>): void {
    broadcasts.getBroadcast(contextOf(this), broadcastId, callback);
  },

  listBroadcasts(this: OpenTokClient, optionsOrCallback: unknown, callback?: unknown): void {
    broadcasts.listBroadcasts(contextOf(this), optionsOrCallback, callback);
  },

  setBroadcastLayout(
    this: OpenTokClient,
    broadcastId: string,
    type: string,
    stylesheet?: unknown,
    screenshareType?: unknown,
    callback?: unknown,
  ): void {
    layouts.setLayout(contextOf(this), layouts.BROADCAST_LAYOUT, broadcastId, type, stylesheet, screenshareType, callback);
  },

  addBroadcastStream(this: OpenTokClient, broadcastId: string, streamId: string, optionsOrCallback: unknown, callback?: unknown): void {
    broadcasts.addBroadcastStream(contextOf(this), broadcastId, streamId, optionsOrCallback, callback);
  },

  removeBroadcastStream(this: OpenTokClient, broadcastId: string, streamId: string, callback: ResponseCallback): void {
    broadcasts.removeBroadcastStream(contextOf(this), broadcastId, streamId, callback);
  },
};
