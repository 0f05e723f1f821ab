import type { ResponseCallback, ResultCallback } from '../core/callback-types';
import { contextOf } from '../core/client-state';
import type { Stream } from '../models/stream';
import type { OpenTokClient } from '../opentok';
import * as streams from './streams';
import type { StreamClassList } from './streams';

/**
 * The methods of {@link OpenTok} for a session's streams. The client's declaration merges this
 * interface: these are `opentok.getStream(...)` and its siblings; their implementations follow.
 */
export interface StreamMethods {
  /**
   * Fetches one stream of a session: its video type, name and layout classes.
   *
   * Errors passed to `callback`:
   * - a plain `Error`, without a request, when `sessionId` or `streamId` is not a non-empty string;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404: no such session or stream) or
   *   {@link RequestError} (any other failure).
   *
   * @param sessionId - The session.
   * @param streamId - The stream.
   * @param callback - Called with `(null, stream)`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.getStream(sessionId, streamId, (err, stream) => {
   *   if (err) return console.error(err.message);
   *   console.log(stream.videoType, stream.layoutClassList);
   * });
   * ```
   */
  getStream(sessionId: string, streamId: string, callback: ResultCallback<Stream>): void;

  /**
   * Lists the streams of a session.
   *
   * Errors passed to `callback`:
   * - a plain `Error`, without a request, when `sessionId` is not a non-empty string;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure).
   *
   * @param sessionId - The session.
   * @param callback - Called with `(null, streams)`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.listStreams(sessionId, (err, streams) => {
   *   if (err) return console.error(err.message);
   *   console.log(streams.map((stream) => stream.id));
   * });
   * ```
   */
  listStreams(sessionId: string, callback: ResultCallback<Stream[]>): void;

  /**
   * Sets the layout classes of streams in a session, which place them in composed archives and
   * broadcasts.
   *
   * Errors passed to `callback` (as `(error, body, response)`):
   * - a plain `Error`, without a request, when `sessionId` is not a string, or `classListArray` is
   *   not an array of `{ id: string, layoutClassList: string[] }`;
   * - {@link AuthError} (HTTP 401, 403) or {@link NotFoundError} (404), with `body` null;
   * - {@link RequestError} (any other failure), with the response's body when there was one.
   *
   * @param sessionId - The session.
   * @param classListArray - For each stream, its ID and its new list of classes (an empty list
   *   clears them).
   * @param callback - Called with `(null, body, response)`: the service's reply, passed through.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.setStreamClassLists(sessionId, [{ id: streamId, layoutClassList: ['focus'] }], (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  setStreamClassLists(sessionId: string, classListArray: readonly StreamClassList[], callback: ResponseCallback): void;
}

/**
 * The implementations of {@link StreamMethods}, installed on the client's prototype by src/opentok.ts
 * in the order of opentok 2.x's methods. Each one looks up the client's state, then delegates to
 * the API module.
 */
export const streamMethods = {
  getStream(this: OpenTokClient, sessionId: string, streamId: string, callback: ResultCallback<Stream>): void {
    streams.getStream(contextOf(this), sessionId, streamId, callback);
  },

  listStreams(this: OpenTokClient, sessionId: string, callback: ResultCallback<Stream[]>): void {
    streams.listStreams(contextOf(this), sessionId, callback);
  },

  setStreamClassLists(this: OpenTokClient, sessionId: string, classListArray: readonly StreamClassList[], callback: ResponseCallback): void {
    streams.setStreamClassLists(contextOf(this), sessionId, classListArray, callback);
  },
};
