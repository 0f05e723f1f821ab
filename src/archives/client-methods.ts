import type { DoneCallback, ListCallback, ResponseCallback, ResultCallback } from '../core/callback-types';
import { contextOf } from '../core/client-state';
import * as layouts from '../layouts/set-layout';
import type { LayoutType, ScreenshareLayoutType } from '../layouts/set-layout';
import type { Archive } from '../models/archive';
import type { OpenTokClient } from '../opentok';
import * as archiveStreams from './archive-streams';
import type { StreamTrackOptions } from './archive-streams';
import * as archives from './archives';
import type { ArchiveOptions, ListArchivesOptions } from './archives';

/**
 * The methods of {@link OpenTok} for archives (recordings): their life cycle, their streams and
 * their layout. The client's declaration merges this interface: these are
 * `opentok.startArchive(...)` and its siblings; their implementations follow.
 */
export interface ArchiveMethods {
  /**
   * Same as the next signature, with `options` left out.
   *
   * @param sessionId - The session to record.
   * @param callback - Called with `(null, archive)`; the archive's `status` is `started`.
   */
  startArchive(sessionId: string, callback: ResultCallback<Archive>): void;
  /**
   * Starts recording a session. The session must use the OpenTok Media Router (`routed`) and have
   * connected clients.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `sessionId` is empty;
   * - {@link ArchiveError} on HTTP 404 (no such session, or no client connected to it) or 409
   *   (the session is already being recorded, or is not routed);
   * - {@link AuthError} (401, 403) or {@link RequestError} (any other failure).
   *
   * @param sessionId - The session to record.
   * @param options - Name, audio and video, output mode, layout, resolution, stream mode and the
   *   other archive settings; sent as given. May be left out.
   * @param callback - Called with `(null, archive)`; the archive's `status` is `started`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.startArchive(sessionId, { name: 'Important Presentation', outputMode: 'composed' }, (err, archive) => {
   *   if (err) return console.error(err.message);
   *   console.log(archive.id);
   * });
   * ```
   */
  startArchive(sessionId: string, options: ArchiveOptions | null | undefined, callback: ResultCallback<Archive>): void;

  /**
   * Stops a recording.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `archiveId` is empty;
   * - {@link ArchiveError} on HTTP 404 (no such archive) or 409 (the archive is not being
   *   recorded; the message is the service's);
   * - {@link AuthError} (401, 403) or {@link RequestError} (any other failure).
   *
   * @param archiveId - The archive to stop.
   * @param callback - Called with `(null, archive)`, the stopped archive.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.stopArchive(archiveId, (err, archive) => {
   *   if (err) return console.error(err.message);
   *   console.log(archive.status); // 'stopped'
   * });
   * ```
   */
  stopArchive(archiveId: string, callback: ResultCallback<Archive>): void;

  /**
   * Fetches an archive: its status, duration, size and, once uploaded, its download URL.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `archiveId` is empty;
   * - {@link NotFoundError} on HTTP 404 (no such archive);
   * - {@link AuthError} (401, 403) or {@link RequestError} (any other failure).
   *
   * @param archiveId - The archive ID.
   * @param callback - Called with `(null, archive)`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.getArchive(archiveId, (err, archive) => {
   *   if (err) return console.error(err.message);
   *   if (archive.status === 'available') console.log(archive.url);
   * });
   * ```
   */
  getArchive(archiveId: string, callback: ResultCallback<Archive>): void;

  /**
   * Deletes an archive (its recording becomes unavailable).
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `archiveId` is empty;
   * - {@link ArchiveError} on HTTP 404 (no such archive);
   * - {@link AuthError} (401, 403) or {@link RequestError} (any other failure).
   *
   * @param archiveId - The archive to delete.
   * @param callback - Called with `(null)` once deleted.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.deleteArchive(archiveId, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  deleteArchive(archiveId: string, callback: DoneCallback): void;

  /**
   * Same as the next signature, with `options` left out.
   *
   * @param callback - Called with `(null, archives, totalCount)`: the page and the number of
   *   archives in all pages.
   */
  listArchives(callback: ListCallback<Archive>): void;
  /**
   * Lists archives, newest first, a page at a time.
   *
   * Errors passed to `callback`: {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or
   * {@link RequestError} (any other failure).
   *
   * @param options - `offset` (default 0), `count` (default 50, at most 1000) and `sessionId` (only
   *   that session's archives). May be left out.
   * @param callback - Called with `(null, archives, totalCount)`: the page and the number of
   *   archives in all pages.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.listArchives({ sessionId, count: 10 }, (err, archives, totalCount) => {
   *   if (err) return console.error(err.message);
   *   console.log(`${archives.length} of ${totalCount}`);
   * });
   * ```
   */
  listArchives(options: ListArchivesOptions | null | undefined, callback: ListCallback<Archive>): void;

  /**
   * Same as the next signature, with `options` left out.
   *
   * @param archiveId - The archive.
   * @param streamId - The stream to add.
   * @param callback - Called with `(null)` once added.
   */
  addArchiveStream(archiveId: string, streamId: string, callback: DoneCallback): void;
  /**
   * Adds a stream to an archive started with `streamMode: 'manual'`.
   *
   * Errors passed to `callback`:
   * - {@link ArgumentError}, without a request, when `archiveId` or `streamId` is empty, and on
   *   HTTP 400 (an invalid request);
   * - {@link ArchiveError} on HTTP 404 (no such archive or stream) or 405 (the archive's stream
   *   mode is not `manual`);
   * - {@link AuthError} (401, 403) or {@link RequestError} (any other failure).
   *
   * @param archiveId - The archive.
   * @param streamId - The stream to add.
   * @param options - Whether to record the stream's audio and video (both default to true). May be
   *   left out.
   * @param callback - Called with `(null)` once added.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.addArchiveStream(archiveId, streamId, { hasVideo: false }, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  addArchiveStream(
    archiveId: string,
    streamId: string,
    options: StreamTrackOptions | null | undefined,
    callback: DoneCallback,
  ): void;

  /**
   * Removes a stream from an archive started with `streamMode: 'manual'`.
   *
   * Errors passed to `callback`: as {@link OpenTok.addArchiveStream | addArchiveStream}:
   * {@link ArgumentError} for an empty ID or on HTTP 400, {@link ArchiveError} on 404 or 405,
   * {@link AuthError} on 401 or 403, {@link RequestError} on any other failure.
   *
   * @param archiveId - The archive.
   * @param streamId - The stream to remove.
   * @param callback - Called with `(null)` once removed.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.removeArchiveStream(archiveId, streamId, (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  removeArchiveStream(archiveId: string, streamId: string, callback: DoneCallback): void;

  /**
   * Same as the last signature, without a stylesheet or screen-share layout.
   *
   * @param archiveId - The archive.
   * @param type - The layout type; `custom` takes a stylesheet.
   * @param callback - Called with `(null, body, response)`: the service's reply, passed through.
   */
  setArchiveLayout(archiveId: string, type: LayoutType, callback: ResponseCallback): void;
  /**
   * Same as the last signature, without a screen-share layout.
   *
   * @param archiveId - The archive.
   * @param type - The layout type; `custom` takes a stylesheet.
   * @param stylesheet - The CSS of a `custom` layout. May be left out.
   * @param callback - Called with `(null, body, response)`: the service's reply, passed through.
   */
  setArchiveLayout(archiveId: string, type: LayoutType, stylesheet: string | null | undefined, callback: ResponseCallback): void;
  /**
   * Changes the layout of a composed archive while it records.
   *
   * Errors passed to `callback` (as `(error, body, response)`):
   * - a plain `Error`, without a request, when `archiveId` or `type` is not a string, `stylesheet`
   *   or `screenshareType` is not a string, or `screenshareType` is set with a type other than
   *   `bestFit`;
   * - {@link AuthError} (HTTP 401, 403) or {@link NotFoundError} (404), with `body` null;
   * - {@link RequestError} (any other failure), with the response's body when there was one.
   *
   * @param archiveId - The archive.
   * @param type - The layout type; `custom` takes a stylesheet.
   * @param stylesheet - The CSS of a `custom` layout. May be left out.
   * @param screenshareType - The layout used while a screen is shared (type `bestFit` only). May be
   *   left out.
   * @param callback - Called with `(null, body, response)`: the service's reply, passed through.
   * @throws {@link ArgumentError} when no argument is a function.
   * @example
   * ```ts
   * opentok.setArchiveLayout(archiveId, 'custom', 'stream.instructor { position: absolute; width: 100%; }', (err) => {
   *   if (err) console.error(err.message);
   * });
   * opentok.setArchiveLayout(archiveId, 'bestFit', null, 'pip', (err) => {
   *   if (err) console.error(err.message);
   * });
   * ```
   */
  setArchiveLayout(
    archiveId: string,
    type: 'bestFit',
    stylesheet: string | null | undefined,
    screenshareType: ScreenshareLayoutType,
    callback: ResponseCallback,
  ): void;
}

/**
 * The implementations of {@link ArchiveMethods}, installed on the client's prototype by src/opentok.ts
 * in the order of opentok 2.x's methods. Each one looks up the client's state, then delegates to
 * the API module.
 */
export const archiveMethods = {
  startArchive(this: OpenTokClient, sessionId: string, optionsOrCallback: unknown, callback?: unknown): void {
    archives.startArchive(contextOf(this), sessionId, optionsOrCallback, callback);
  },

  stopArchive(this: OpenTokClient, archiveId: string, callback: ResultCallback<Archive>): void {
    archives.stopArchive(contextOf(this), archiveId, callback);
  },

  getArchive(this: OpenTokClient, archiveId: string, callback: ResultCallback<Archive>): void {
    archives.getArchive(contextOf(this), archiveId, callback);
  },

  deleteArchive(this: OpenTokClient, archiveId: string, callback: DoneCallback): void {
    archives.deleteArchive(contextOf(this), archiveId, callback);
  },

  listArchives(this: OpenTokClient, optionsOrCallback: unknown, callback?: unknown): void {
    archives.listArchives(contextOf(this), optionsOrCallback, callback);
  },

  addArchiveStream(this: OpenTokClient, archiveId: string, streamId: string, optionsOrCallback: unknown, callback?: unknown): void {
    archiveStreams.addArchiveStream(contextOf(this), archiveId, streamId, optionsOrCallback, callback);
  },

  removeArchiveStream(this: OpenTokClient, archiveId: string, streamId: string, callback: DoneCallback): void {
    archiveStreams.removeArchiveStream(contextOf(this), archiveId, streamId, callback);
  },

  setArchiveLayout(this: OpenTokClient, archiveId: string, type: string, stylesheet?: unknown, screenshareType?: unknown, callback?: unknown): void {
    layouts.setLayout(contextOf(this), layouts.ARCHIVE_LAYOUT, archiveId, type, stylesheet, screenshareType, callback);
  },
};
