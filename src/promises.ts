import type { ArchiveOptions, ListArchivesOptions } from './archives/archives';
import type { StreamTrackOptions } from './archives/archive-streams';
import type { WebSocketConnectOptions, WebSocketConnection } from './audio-connector/websocket-connect';
import type { BroadcastOptions, ListBroadcastsOptions } from './broadcasts/broadcasts';
import type { CallbackOptions } from './callbacks/callbacks';
import type { CaptionsOptions } from './captions/captions';
import type { AnyCallback } from './core/callbacks';
import { ArgumentError } from './errors';
import type { LayoutType, ScreenshareLayoutType } from './layouts/set-layout';
import type { Archive } from './models/archive';
import type { Broadcast } from './models/broadcast';
import type { Callback } from './models/callback';
import type { Session } from './models/session';
import type { SipCall } from './models/sip-call';
import type { Stream } from './models/stream';
import type { ForceMuteAllOptions } from './moderation/force-mute';
import type { OpenTokClient } from './opentok';
import { iterateArchives, iterateBroadcasts, iterateRenders } from './pagination/iterate';
import type { IterateArchivesOptions, IterateBroadcastsOptions, IterateRendersOptions } from './pagination/iterate';
import type { ListRendersOptions, Render, RenderOptions } from './renders/renders';
import type { SessionOptions } from './sessions/create-session';
import type { SignalPayload } from './signaling/signal';
import type { DialOptions } from './sip/dial';
import type { StreamClassList } from './streams/streams';

/** A page of a list method, as the promise API resolves it. */
export interface ListPage<T> {
  /** The items of this page. */
  items: T[];
  /** Total number of items, all pages included. */
  totalCount: number;
}

/**
 * `opentok.promises`: every asynchronous method of the client without its callback, returning a
 * promise (the convention of `fs.promises`).
 *
 * A promise resolves to what the callback would receive after its `null` error: the model
 * (`Session`, `Archive`, ...), `undefined` for the methods that call back with `(null)` alone,
 * `{ items, totalCount }` for `listArchives` and `listBroadcasts`, and the parsed response body
 * for the pass-through methods (layouts, stream class lists, broadcast streams) and the renders.
 *
 * It rejects with the error the callback would receive, of the same class: each method below
 * lists them, and its callback form on {@link OpenTok} tells when they occur. It also rejects,
 * without a request, with an {@link ArgumentError} when an argument is a function (these methods
 * take no callback), and with the error the callback form would throw (`listRenders` with a
 * `count` out of range).
 *
 * Three methods have no callback form: `iterateArchives`, `iterateBroadcasts` and
 * `iterateRenders` return async iterators that walk every page of `listArchives`,
 * `listBroadcasts` and `listRenders` for `for await`; their `next()` rejects as the promises do.
 *
 * @example
 * ```ts
 * try {
 *   const session = await opentok.promises.createSession({ mediaMode: 'routed' });
 *   const archive = await opentok.promises.startArchive(session.sessionId);
 *   console.log(archive.id);
 * } catch (err) {
 *   if (err instanceof OpenTok.AuthError) console.error('check the API key and secret');
 *   else throw err;
 * }
 * ```
 */
export interface OpenTokPromises {
  /**
   * Creates a session; see {@link OpenTok.createSession}.
   *
   * Rejects with a plain `Error` (without a request) when `archiveMode` is `always` without
   * `mediaMode: 'routed'` or `location` is not an IPv4 address, {@link AuthError} on HTTP 401 or
   * 403, {@link NotFoundError} on 404 and {@link RequestError} on any other failure.
   *
   * @param options - Media mode (default `relayed`), archive mode (default `manual`), location hint
   *   and the other session settings. May be left out.
   * @returns The session: save its `sessionId`.
   * @example
   * ```ts
   * const { sessionId } = await opentok.promises.createSession({ mediaMode: 'routed' });
   * ```
   */
  createSession(options?: SessionOptions | null): Promise<Session>;
  /**
   * Starts recording a session; see {@link OpenTok.startArchive}.
   *
   * Rejects with {@link ArgumentError} (without a request) when `sessionId` is empty,
   * {@link ArchiveError} on HTTP 404 or 409, {@link AuthError} on 401 or 403 and
   * {@link RequestError} on any other failure.
   *
   * @param sessionId - The session to record.
   * @param options - Name, output mode, layout, resolution and the other archive settings. May be
   *   left out.
   * @returns The archive, whose `status` is `started`.
   * @example
   * ```ts
   * const archive = await opentok.promises.startArchive(sessionId, { name: 'Lecture', resolution: '1280x720' });
   * ```
   */
  startArchive(sessionId: string, options?: ArchiveOptions | null): Promise<Archive>;
  /**
   * Stops a recording; see {@link OpenTok.stopArchive}.
   *
   * Rejects with {@link ArgumentError} (without a request) when `archiveId` is empty,
   * {@link ArchiveError} on HTTP 404 or 409, {@link AuthError} on 401 or 403 and
   * {@link RequestError} on any other failure.
   *
   * @param archiveId - The archive to stop.
   * @returns The stopped archive.
   * @example
   * ```ts
   * const archive = await opentok.promises.stopArchive(archiveId);
   * ```
   */
  stopArchive(archiveId: string): Promise<Archive>;
  /**
   * Fetches an archive; see {@link OpenTok.getArchive}.
   *
   * Rejects with {@link ArgumentError} (without a request) when `archiveId` is empty,
   * {@link NotFoundError} on HTTP 404, {@link AuthError} on 401 or 403 and {@link RequestError} on
   * any other failure.
   *
   * @param archiveId - The archive ID.
   * @returns The archive.
   * @example
   * ```ts
   * const archive = await opentok.promises.getArchive(archiveId);
   * if (archive.status === 'available') console.log(archive.url);
   * ```
   */
  getArchive(archiveId: string): Promise<Archive>;
  /**
   * Deletes an archive; see {@link OpenTok.deleteArchive}.
   *
   * Rejects with {@link ArgumentError} (without a request) when `archiveId` is empty,
   * {@link ArchiveError} on HTTP 404, {@link AuthError} on 401 or 403 and {@link RequestError} on
   * any other failure.
   *
   * @param archiveId - The archive to delete.
   * @returns Nothing, once deleted.
   * @example
   * ```ts
   * await opentok.promises.deleteArchive(archiveId);
   * ```
   */
  deleteArchive(archiveId: string): Promise<void>;
  /**
   * Lists archives, newest first; see {@link OpenTok.listArchives}.
   *
   * Rejects with {@link AuthError} on HTTP 401 or 403, {@link NotFoundError} on 404 and
   * {@link RequestError} on any other failure.
   *
   * @param options - `offset`, `count` (at most 1000) and `sessionId`. May be left out.
   * @returns The page and the number of archives in all pages: `{ items, totalCount }`.
   * @example
   * ```ts
   * const { items, totalCount } = await opentok.promises.listArchives({ sessionId, count: 10 });
   * ```
   */
  listArchives(options?: ListArchivesOptions | null): Promise<ListPage<Archive>>;
  /**
   * Every archive of the project, or of one session, newest first, fetched page by page with
   * {@link OpenTok.listArchives}: an async iterable for `for await`.
   *
   * Nothing is requested before the first `next()` (the first turn of `for await`), then one page
   * at a time, each asked for only once the items of the previous one are used up; leaving the loop
   * (`break`, `return`, a throw: the iterator's `return()`) sends no further request. Pages are of
   * `pageSize` items (default 1000, the service's maximum); the iteration ends at the total count
   * the service gives with each page, or at an empty page.
   *
   * Archives created once the first page is fetched go to the front of the list and are not yielded;
   * they push the others back, so a page may start with archives already yielded: those are skipped
   * (the iterator keeps the IDs it yielded until it ends), and each archive is yielded once, none of
   * those listed at the start being missed. Archives removed from the list during the iteration pull
   * the others forward instead: as many archives as were removed may then be missed.
   *
   * The options are read once, when the method is called (changing the object afterwards changes
   * nothing), and never written to. Like every method of the promise API it does not throw: bad
   * options make the first `next()` reject with an {@link ArgumentError} naming the option,
   * without a request, and the iteration is then over. A failed page rejects that `next()` with the
   * error `listArchives` would give ({@link AuthError} on HTTP 401 or 403, {@link NotFoundError}
   * on 404, {@link RequestError} on any other failure) and ends the iteration.
   *
   * @param options - `sessionId` (only that session's archives), `pageSize` (1 to 1000, default
   *   1000) and `offset` (how many of the newest to pass over, default 0). `count` is refused. May be
   *   left out.
   * @returns An async iterator of the archives, `Archive` objects as `listArchives` gives them.
   * @example
   * ```ts
   * for await (const archive of opentok.promises.iterateArchives({ sessionId })) {
   *   if (archive.status === 'available') console.log(archive.id, archive.url);
   * }
   * ```
   */
  iterateArchives(options?: IterateArchivesOptions | null): AsyncIterableIterator<Archive>;
  /**
   * Adds a stream to an archive started with `streamMode: 'manual'`; see
   * {@link OpenTok.addArchiveStream}.
   *
   * Rejects with {@link ArgumentError} when an ID is empty (without a request) or on HTTP 400,
   * {@link ArchiveError} on 404 or 405, {@link AuthError} on 401 or 403 and {@link RequestError}
   * on any other failure.
   *
   * @param archiveId - The archive.
   * @param streamId - The stream to add.
   * @param options - Whether to record its audio and video (both default to true). May be left
   *   out.
   * @returns Nothing, once added.
   * @example
   * ```ts
   * await opentok.promises.addArchiveStream(archiveId, streamId, { hasVideo: false });
   * ```
   */
  addArchiveStream(archiveId: string, streamId: string, options?: StreamTrackOptions | null): Promise<void>;
  /**
   * Removes a stream from an archive started with `streamMode: 'manual'`; see
   * {@link OpenTok.removeArchiveStream}.
   *
   * Rejects with {@link ArgumentError} when an ID is empty (without a request) or on HTTP 400,
   * {@link ArchiveError} on 404 or 405, {@link AuthError} on 401 or 403 and {@link RequestError}
   * on any other failure.
   *
   * @param archiveId - The archive.
   * @param streamId - The stream to remove.
   * @returns Nothing, once removed.
   * @example
   * ```ts
   * await opentok.promises.removeArchiveStream(archiveId, streamId);
   * ```
   */
  removeArchiveStream(archiveId: string, streamId: string): Promise<void>;
  /**
   * Changes the layout of a composed archive; see {@link OpenTok.setArchiveLayout}.
   *
   * Rejects with a plain `Error` (without a request) when an argument is not a string or
   * `screenshareType` is set with a type other than `bestFit`, {@link AuthError} on HTTP 401 or
   * 403, {@link NotFoundError} on 404 and {@link RequestError} on any other failure.
   *
   * @param archiveId - The archive.
   * @param type - The layout type; `custom` takes a stylesheet.
   * @param stylesheet - The CSS of a `custom` layout. May be left out.
   * @returns The service's response body.
   * @example
   * ```ts
   * await opentok.promises.setArchiveLayout(archiveId, 'verticalPresentation');
   * ```
   */
  setArchiveLayout(archiveId: string, type: LayoutType, stylesheet?: string | null): Promise<unknown>;
  /**
   * The `bestFit` layout with the layout used while a screen is shared; otherwise as the signature
   * above.
   *
   * @param archiveId - The archive.
   * @param type - `bestFit`.
   * @param stylesheet - `null` or `undefined`: only a `custom` layout has one.
   * @param screenshareType - The layout used while a screen is shared.
   * @returns The service's response body.
   * @example
   * ```ts
   * await opentok.promises.setArchiveLayout(archiveId, 'bestFit', null, 'horizontalPresentation');
   * ```
   */
  setArchiveLayout(
    archiveId: string,
    type: 'bestFit',
    stylesheet: string | null | undefined,
    screenshareType: ScreenshareLayoutType,
  ): Promise<unknown>;
  /**
   * Starts a broadcast to HLS and/or RTMP; see {@link OpenTok.startBroadcast}.
   *
   * Rejects with {@link ArgumentError} (without a request) when `sessionId` is empty, `options` is
   * missing or the HLS output sets both `dvr` and `lowLatency`, a plain `Error` on HTTP 400,
   * {@link AuthError} on 401 or 403, {@link NotFoundError} on 404 and {@link RequestError} on any
   * other failure.
   *
   * @param sessionId - The session to broadcast.
   * @param options - The outputs (required) and the other broadcast settings.
   * @returns The broadcast.
   * @example
   * ```ts
   * const broadcast = await opentok.promises.startBroadcast(sessionId, { outputs: { hls: { lowLatency: true } } });
   * console.log(broadcast.broadcastUrls?.hls);
   * ```
   */
  startBroadcast(sessionId: string, options: BroadcastOptions): Promise<Broadcast>;
  /**
   * Stops a broadcast; see {@link OpenTok.stopBroadcast}.
   *
   * Rejects with {@link ArgumentError} (without a request) when `broadcastId` is empty,
   * {@link AuthError} on HTTP 401 or 403, {@link NotFoundError} on 404 and {@link RequestError} on
   * any other failure.
   *
   * @param broadcastId - The broadcast to stop.
   * @returns The stopped broadcast.
   * @example
   * ```ts
   * const broadcast = await opentok.promises.stopBroadcast(broadcastId);
   * ```
   */
  stopBroadcast(broadcastId: string): Promise<Broadcast>;
  /**
   * Fetches a broadcast; see {@link OpenTok.getBroadcast}.
   *
   * Rejects with {@link ArgumentError} (without a request) when `broadcastId` is empty,
   * {@link AuthError} on HTTP 401 or 403, {@link NotFoundError} on 404 and {@link RequestError} on
   * any other failure.
   *
   * @param broadcastId - The broadcast ID.
   * @returns The broadcast.
   * @example
   * ```ts
   * const broadcast = await opentok.promises.getBroadcast(broadcastId);
   * ```
   */
  getBroadcast(broadcastId: string): Promise<Broadcast>;
  /**
   * Lists broadcasts; see {@link OpenTok.listBroadcasts}.
   *
   * Rejects with {@link AuthError} on HTTP 401 or 403, {@link NotFoundError} on 404 and
   * {@link RequestError} on any other failure.
   *
   * @param options - `offset`, `count` (at most 1000) and `sessionId`. May be left out.
   * @returns The page and the number of broadcasts in all pages: `{ items, totalCount }`.
   * @example
   * ```ts
   * const { items } = await opentok.promises.listBroadcasts({ sessionId });
   * ```
   */
  listBroadcasts(options?: ListBroadcastsOptions | null): Promise<ListPage<Broadcast>>;
  /**
   * Every broadcast of the project, or of one session, newest first, fetched page by page with
   * {@link OpenTok.listBroadcasts}: an async iterable for `for await`.
   *
   * Nothing is requested before the first `next()` (the first turn of `for await`), then one page
   * at a time, each asked for only once the items of the previous one are used up; leaving the loop
   * (`break`, `return`, a throw: the iterator's `return()`) sends no further request. Pages are of
   * `pageSize` items (default 1000, the service's maximum); the iteration ends at the total count
   * the service gives with each page, or at an empty page.
   *
   * Broadcasts created once the first page is fetched go to the front of the list and are not yielded;
   * they push the others back, so a page may start with broadcasts already yielded: those are skipped
   * (the iterator keeps the IDs it yielded until it ends), and each broadcast is yielded once, none of
   * those listed at the start being missed. Broadcasts removed from the list during the iteration pull
   * the others forward instead: as many broadcasts as were removed may then be missed.
   *
   * The options are read once, when the method is called (changing the object afterwards changes
   * nothing), and never written to. Like every method of the promise API it does not throw: bad
   * options make the first `next()` reject with an {@link ArgumentError} naming the option,
   * without a request, and the iteration is then over. A failed page rejects that `next()` with the
   * error `listBroadcasts` would give ({@link AuthError} on HTTP 401 or 403, {@link NotFoundError}
   * on 404, {@link RequestError} on any other failure) and ends the iteration.
   *
   * @param options - `sessionId` (only that session's broadcasts), `pageSize` (1 to 1000, default
   *   1000) and `offset` (how many of the newest to pass over, default 0). `count` is refused. May be
   *   left out.
   * @returns An async iterator of the broadcasts, `Broadcast` objects as `listBroadcasts` gives
   *   them.
   * @example
   * ```ts
   * for await (const broadcast of opentok.promises.iterateBroadcasts({ pageSize: 100 })) {
   *   if (broadcast.status === 'started') console.log('live:', broadcast.id);
   * }
   * ```
   */
  iterateBroadcasts(options?: IterateBroadcastsOptions | null): AsyncIterableIterator<Broadcast>;
  /**
   * Changes the layout of a broadcast; see {@link OpenTok.setBroadcastLayout}.
   *
   * Rejects with a plain `Error` (without a request) when an argument is not a string or
   * `screenshareType` is set with a type other than `bestFit`, {@link AuthError} on HTTP 401 or
   * 403, {@link NotFoundError} on 404 and {@link RequestError} on any other failure.
   *
   * @param broadcastId - The broadcast.
   * @param type - The layout type; `custom` takes a stylesheet.
   * @param stylesheet - The CSS of a `custom` layout. May be left out.
   * @returns The service's response body.
   * @example
   * ```ts
   * await opentok.promises.setBroadcastLayout(broadcastId, 'pip');
   * ```
   */
  setBroadcastLayout(broadcastId: string, type: LayoutType, stylesheet?: string | null): Promise<unknown>;
  /**
   * The `bestFit` layout with the layout used while a screen is shared; otherwise as the signature
   * above.
   *
   * @param broadcastId - The broadcast.
   * @param type - `bestFit`.
   * @param stylesheet - `null` or `undefined`: only a `custom` layout has one.
   * @param screenshareType - The layout used while a screen is shared.
   * @returns The service's response body.
   * @example
   * ```ts
   * await opentok.promises.setBroadcastLayout(broadcastId, 'bestFit', null, 'verticalPresentation');
   * ```
   */
  setBroadcastLayout(
    broadcastId: string,
    type: 'bestFit',
    stylesheet: string | null | undefined,
    screenshareType: ScreenshareLayoutType,
  ): Promise<unknown>;
  /**
   * Adds a stream to a broadcast started with `streamMode: 'manual'`; see
   * {@link OpenTok.addBroadcastStream}.
   *
   * Rejects with {@link ArgumentError} (without a request) when an ID is empty, {@link AuthError}
   * on HTTP 401 or 403, {@link NotFoundError} on 404 and {@link RequestError} on any other failure.
   *
   * @param broadcastId - The broadcast.
   * @param streamId - The stream to add.
   * @param options - Whether to include its audio and video (both default to true). May be left
   *   out.
   * @returns The service's response body.
   * @example
   * ```ts
   * await opentok.promises.addBroadcastStream(broadcastId, streamId);
   * ```
   */
  addBroadcastStream(broadcastId: string, streamId: string, options?: StreamTrackOptions | null): Promise<unknown>;
  /**
   * Removes a stream from a broadcast started with `streamMode: 'manual'`; see
   * {@link OpenTok.removeBroadcastStream}.
   *
   * Rejects with {@link ArgumentError} (without a request) when an ID is empty, {@link AuthError}
   * on HTTP 401 or 403, {@link NotFoundError} on 404 and {@link RequestError} on any other failure.
   *
   * @param broadcastId - The broadcast.
   * @param streamId - The stream to remove.
   * @returns The service's response body.
   * @example
   * ```ts
   * await opentok.promises.removeBroadcastStream(broadcastId, streamId);
   * ```
   */
  removeBroadcastStream(broadcastId: string, streamId: string): Promise<unknown>;
  /**
   * Dials a SIP endpoint into a session; see {@link OpenTok.dial}.
   *
   * Rejects with {@link ArgumentError} (without a request) when `sessionId`, `token` or `sipUri` is
   * empty, {@link AuthError} on HTTP 401 or 403, {@link NotFoundError} on 404 and
   * {@link RequestError} on any other failure.
   *
   * @param sessionId - The session the call joins.
   * @param token - A token of that session.
   * @param sipUri - The SIP URI to dial.
   * @param options - SIP headers, credentials, TLS, caller ID, video and the other call settings.
   *   May be left out.
   * @returns The SIP call: its `id`, `connectionId` and `streamId`.
   * @example
   * ```ts
   * const call = await opentok.promises.dial(sessionId, token, 'sip:bob@sip.example.com', { secure: true });
   * ```
   */
  dial(sessionId: string, token: string, sipUri: string, options?: DialOptions | null): Promise<SipCall>;
  /**
   * Plays DTMF tones into a session or to one connection; see {@link OpenTok.playDTMF}.
   *
   * Rejects with a plain `Error` (without a request) when `sessionId` is not a non-empty string or
   * `connectionId` is not a string, {@link AuthError} on HTTP 401 or 403, {@link NotFoundError} on
   * 404 and {@link RequestError} on any other failure.
   *
   * @param sessionId - The session.
   * @param connectionId - The one connection to play to, or `null` for the whole session.
   * @param digits - `0`-`9`, `*`, `#`, and `p` for a pause.
   * @returns Nothing, once accepted.
   * @example
   * ```ts
   * await opentok.promises.playDTMF(sessionId, connectionId, '9p1#');
   * ```
   */
  playDTMF(sessionId: string, connectionId: string | null | undefined, digits: string): Promise<void>;
  /**
   * Connects a session's audio to a WebSocket server; see {@link OpenTok.websocketConnect}.
   *
   * Rejects with a plain `Error` (without a request) when `sessionId`, `token` or `websocketUri` is
   * empty, {@link AuthError} on HTTP 401 or 403, {@link NotFoundError} on 404 and
   * {@link RequestError} on any other failure.
   *
   * @param sessionId - The session.
   * @param token - A token of that session.
   * @param websocketUri - The `ws://` or `wss://` URI of the server.
   * @param options - The streams sent, the request headers and `bidirectional`. May be left out.
   * @returns The connector's `id` and `connectionId`.
   * @example
   * ```ts
   * const { connectionId: connectorId } = await opentok.promises.websocketConnect(sessionId, token, 'wss://audio.example.com/in');
   * ```
   */
  websocketConnect(
    sessionId: string,
    token: string,
    websocketUri: string,
    options?: WebSocketConnectOptions | null,
  ): Promise<WebSocketConnection>;
  /**
   * Fetches one stream of a session; see {@link OpenTok.getStream}.
   *
   * Rejects with a plain `Error` (without a request) when an ID is not a non-empty string,
   * {@link AuthError} on HTTP 401 or 403, {@link NotFoundError} on 404 and {@link RequestError} on
   * any other failure.
   *
   * @param sessionId - The session.
   * @param streamId - The stream.
   * @returns The stream.
   * @example
   * ```ts
   * const stream = await opentok.promises.getStream(sessionId, streamId);
   * ```
   */
  getStream(sessionId: string, streamId: string): Promise<Stream>;
  /**
   * Lists the streams of a session; see {@link OpenTok.listStreams}.
   *
   * Rejects with a plain `Error` (without a request) when `sessionId` is not a non-empty string,
   * {@link AuthError} on HTTP 401 or 403, {@link NotFoundError} on 404 and {@link RequestError} on
   * any other failure.
   *
   * @param sessionId - The session.
   * @returns The streams.
   * @example
   * ```ts
   * const streams = await opentok.promises.listStreams(sessionId);
   * ```
   */
  listStreams(sessionId: string): Promise<Stream[]>;
  /**
   * Sets the layout classes of streams; see {@link OpenTok.setStreamClassLists}.
   *
   * Rejects with a plain `Error` (without a request) when an argument is malformed,
   * {@link AuthError} on HTTP 401 or 403, {@link NotFoundError} on 404 and {@link RequestError} on
   * any other failure.
   *
   * @param sessionId - The session.
   * @param classListArray - For each stream, its ID and its new list of classes.
   * @returns The service's response body.
   * @example
   * ```ts
   * await opentok.promises.setStreamClassLists(sessionId, [{ id: streamId, layoutClassList: [] }]);
   * ```
   */
  setStreamClassLists(sessionId: string, classListArray: readonly StreamClassList[]): Promise<unknown>;
  /**
   * Disconnects a client; see {@link OpenTok.forceDisconnect}.
   *
   * Rejects with {@link ArgumentError} (without a request) when an ID is `null` or `undefined`,
   * {@link ForceDisconnectError} on HTTP 404, {@link AuthError} on 401 or 403 and
   * {@link RequestError} on any other failure.
   *
   * @param sessionId - The session.
   * @param connectionId - The client's connection ID.
   * @returns Nothing, once disconnected.
   * @example
   * ```ts
   * await opentok.promises.forceDisconnect(sessionId, connectionId);
   * ```
   */
  forceDisconnect(sessionId: string, connectionId: string): Promise<void>;
  /**
   * Mutes one stream; see {@link OpenTok.forceMuteStream}.
   *
   * Rejects with a plain `Error` (without a request) when an ID is not a string,
   * {@link AuthError} on HTTP 401 or 403, {@link NotFoundError} on 404 and {@link RequestError} on
   * any other failure.
   *
   * @param sessionId - The session.
   * @param streamId - The stream to mute.
   * @returns Nothing, once muted.
   * @example
   * ```ts
   * await opentok.promises.forceMuteStream(sessionId, streamId);
   * ```
   */
  forceMuteStream(sessionId: string, streamId: string): Promise<void>;
  /**
   * Mutes every stream but the excluded ones; see {@link OpenTok.forceMuteAll}.
   *
   * Rejects with a plain `Error` (without a request) when `sessionId` is not a non-empty string or
   * `excludedStreamIds` is not an array, {@link AuthError} on HTTP 401 or 403,
   * {@link NotFoundError} on 404 and {@link RequestError} on any other failure.
   *
   * @param sessionId - The session.
   * @param options - `excludedStreamIds`: the streams that keep their audio. May be left out.
   * @returns Nothing, once muted.
   * @example
   * ```ts
   * await opentok.promises.forceMuteAll(sessionId, { excludedStreamIds: [streamId] });
   * ```
   */
  forceMuteAll(sessionId: string, options?: ForceMuteAllOptions | null): Promise<void>;
  /**
   * Ends the state set by `forceMuteAll`; see {@link OpenTok.disableForceMute}.
   *
   * Rejects with a plain `Error` (without a request) when `sessionId` is not a non-empty string,
   * {@link AuthError} on HTTP 401 or 403, {@link NotFoundError} on 404 and {@link RequestError} on
   * any other failure.
   *
   * @param sessionId - The session.
   * @returns Nothing, once done.
   * @example
   * ```ts
   * await opentok.promises.disableForceMute(sessionId);
   * ```
   */
  disableForceMute(sessionId: string): Promise<void>;
  /**
   * Sends a signal to a session, or to one connection; see {@link OpenTok.signal}.
   *
   * Rejects with {@link ArgumentError} (without a request) when `sessionId` or `payload` is `null`
   * or `undefined`, {@link SignalError} on HTTP 404, {@link AuthError} on 401 or 403 and
   * {@link RequestError} on any other failure.
   *
   * @param sessionId - The session.
   * @param connectionId - The one connection to signal, or `null` for every client.
   * @param payload - The signal's `type` and `data`.
   * @returns Nothing, once accepted.
   * @example
   * ```ts
   * await opentok.promises.signal(sessionId, null, { type: 'status', data: 'live' });
   * ```
   */
  signal(sessionId: string, connectionId: string | null | undefined, payload: SignalPayload): Promise<void>;
  /**
   * Lists Experience Composer renders; see {@link OpenTok.listRenders}.
   *
   * Rejects with {@link ArgumentError} (without a request) when `count` is below 1 or above 1000,
   * {@link AuthError} on HTTP 401 or 403, {@link NotFoundError} on 404 and {@link RequestError} on
   * any other failure.
   *
   * @param options - `offset` and `count`. May be left out.
   * @returns The service's `{ count, items }`.
   * @example
   * ```ts
   * const { items } = await opentok.promises.listRenders({ count: 50 });
   * ```
   */
  listRenders(options?: ListRendersOptions | null): Promise<{
    /** The number of renders, all pages included. */
    count: number;
    /** The renders of this page. */
    items: Render[];
  }>;
  /**
   * Every Experience Composer render of the project, newest first, fetched page by page with
   * {@link OpenTok.listRenders}: an async iterable for `for await`. The service does not filter
   * renders by session: `sessionId` is refused; compare `render.sessionId` in the loop.
   *
   * Nothing is requested before the first `next()` (the first turn of `for await`), then one page
   * at a time, each asked for only once the items of the previous one are used up; leaving the loop
   * (`break`, `return`, a throw: the iterator's `return()`) sends no further request. Pages are of
   * `pageSize` items (default 1000, the service's maximum); the iteration ends at the total count
   * the service gives with each page, or at an empty page.
   *
   * Renders created once the first page is fetched go to the front of the list and are not
   * yielded; they push the others back, so a page may start with renders already yielded: those are skipped
   * (the iterator keeps the IDs it yielded until it ends), and each render is yielded once, none of
   * those listed at the start being missed. Renders removed from the list during the iteration
   * pull the others forward instead: as many renders as were removed may then be missed.
   *
   * The options are read once, when the method is called (changing the object afterwards changes
   * nothing), and never written to. Like every method of the promise API it does not throw: bad
   * options make the first `next()` reject with an {@link ArgumentError} naming the option,
   * without a request, and the iteration is then over. A failed page rejects that `next()` with the
   * error `listRenders` would give ({@link AuthError} on HTTP 401 or 403, {@link NotFoundError}
   * on 404, {@link RequestError} on any other failure, and a {@link RequestError} for a page
   * without an `items` array) and ends the iteration.
   *
   * @param options - `pageSize` (1 to 1000, default 1000) and `offset` (how many of the newest to
   *   pass over, default 0). `count` and `sessionId` are refused. May be left out.
   * @returns An async iterator of the renders, the service's JSON as `listRenders` gives it.
   * @example
   * ```ts
   * let running = 0;
   * for await (const render of opentok.promises.iterateRenders()) {
   *   if (render.status === 'started') running += 1;
   * }
   * console.log(`${running} renders running`);
   * ```
   */
  iterateRenders(options?: IterateRendersOptions | null): AsyncIterableIterator<Render>;
  /**
   * Fetches a render; see {@link OpenTok.getRender}.
   *
   * Rejects with {@link AuthError} on HTTP 401 or 403, {@link NotFoundError} on 404 and
   * {@link RequestError} on any other failure.
   *
   * @param renderId - The render ID.
   * @returns The render.
   * @example
   * ```ts
   * const render = await opentok.promises.getRender(renderId);
   * ```
   */
  getRender(renderId: string): Promise<Render>;
  /**
   * Starts a render of a web page into a session; see {@link OpenTok.startRender}.
   *
   * Rejects with {@link AuthError} on HTTP 401 or 403, {@link NotFoundError} on 404 and
   * {@link RequestError} on any other failure.
   *
   * @param options - The session, a token of it, the page's URL and the other render settings.
   * @returns The render.
   * @example
   * ```ts
   * const render = await opentok.promises.startRender({ sessionId, token, url: 'https://example.com/board' });
   * ```
   */
  startRender(options: RenderOptions): Promise<Render>;
  /**
   * Stops a render; see {@link OpenTok.stopRender}.
   *
   * Rejects with {@link AuthError} on HTTP 401 or 403, {@link NotFoundError} on 404 and
   * {@link RequestError} on any other failure.
   *
   * @param renderId - The render to stop.
   * @returns The (empty) response body.
   * @example
   * ```ts
   * await opentok.promises.stopRender(renderId);
   * ```
   */
  stopRender(renderId: string): Promise<unknown>;
  /**
   * Starts live captions; see {@link OpenTok.startCaptions}.
   *
   * Rejects with {@link CaptionsError} on HTTP 409 (captions already running), {@link AuthError}
   * on 401 or 403, {@link NotFoundError} on 404 and {@link RequestError} on any other failure.
   *
   * @param sessionId - The session.
   * @param token - A moderator token of that session.
   * @param options - Language, maximum duration and partial captions. May be left out.
   * @returns The captions ID.
   * @example
   * ```ts
   * const id = await opentok.promises.startCaptions(sessionId, opentok.generateToken(sessionId, { role: 'moderator' }));
   * ```
   */
  startCaptions(sessionId: string, token: string, options?: CaptionsOptions | null): Promise<string>;
  /**
   * Stops live captions; see {@link OpenTok.stopCaptions}.
   *
   * Rejects with {@link AuthError} on HTTP 401 or 403, {@link NotFoundError} on 404 and
   * {@link RequestError} on any other failure.
   *
   * @param captionsId - The captions ID.
   * @returns `true`, once stopped.
   * @example
   * ```ts
   * await opentok.promises.stopCaptions(captionsId);
   * ```
   */
  stopCaptions(captionsId: string): Promise<boolean>;
  /**
   * Registers a URL for session-monitoring events; see {@link OpenTok.registerCallback}.
   *
   * Rejects with {@link AuthError} on HTTP 401 or 403, {@link NotFoundError} on 404 and
   * {@link RequestError} on any other failure.
   *
   * @param options - The event `group` and `event`, and the `url`.
   * @returns The registration, with its `id`.
   * @example
   * ```ts
   * const registration = await opentok.promises.registerCallback({ group: 'stream', event: 'created', url: 'https://example.com/events' });
   * ```
   */
  registerCallback(options: CallbackOptions): Promise<Callback>;
  /**
   * Unregisters an event callback; see {@link OpenTok.unregisterCallback}.
   *
   * Rejects with {@link ArgumentError} (without a request) when `callbackId` is empty,
   * {@link AuthError} on HTTP 401 or 403, {@link NotFoundError} on 404 and {@link RequestError} on
   * any other failure.
   *
   * @param callbackId - The registration's `id`.
   * @returns Nothing, once unregistered.
   * @example
   * ```ts
   * await opentok.promises.unregisterCallback(callbackId);
   * ```
   */
  unregisterCallback(callbackId: string): Promise<void>;
  /**
   * Lists the registered event callbacks; see {@link OpenTok.listCallbacks}.
   *
   * Rejects with {@link AuthError} on HTTP 401 or 403, {@link NotFoundError} on 404 and
   * {@link RequestError} on any other failure.
   *
   * @returns The registrations.
   * @example
   * ```ts
   * const registrations = await opentok.promises.listCallbacks();
   * ```
   */
  listCallbacks(): Promise<Callback[]>;
}

/** How a callback's success arguments become the resolved value. */
type Resolution = 'nothing' | 'result' | 'page';

/** The iterators: promise-API methods that are not the promise form of one callback method. */
type IteratorName = 'iterateArchives' | 'iterateBroadcasts' | 'iterateRenders';

/**
 * Each method's number of arguments before the callback, and its resolution. Arguments are padded
 * to that count so that positional options (`startCaptions`, `listRenders`) may be left out.
 */
const METHODS: Readonly<Record<Exclude<keyof OpenTokPromises, IteratorName>, readonly [arity: number, resolution: Resolution]>> = {
  createSession: [1, 'result'],
  startArchive: [2, 'result'],
  stopArchive: [1, 'result'],
  getArchive: [1, 'result'],
  deleteArchive: [1, 'nothing'],
  listArchives: [1, 'page'],
  addArchiveStream: [3, 'nothing'],
  removeArchiveStream: [2, 'nothing'],
  setArchiveLayout: [4, 'result'],
  startBroadcast: [2, 'result'],
  stopBroadcast: [1, 'result'],
  getBroadcast: [1, 'result'],
  listBroadcasts: [1, 'page'],
  setBroadcastLayout: [4, 'result'],
  addBroadcastStream: [3, 'result'],
  removeBroadcastStream: [2, 'result'],
  dial: [4, 'result'],
  playDTMF: [3, 'nothing'],
  websocketConnect: [4, 'result'],
  getStream: [2, 'result'],
  listStreams: [1, 'result'],
  setStreamClassLists: [2, 'result'],
  forceDisconnect: [2, 'nothing'],
  forceMuteStream: [2, 'nothing'],
  forceMuteAll: [2, 'nothing'],
  disableForceMute: [1, 'nothing'],
  signal: [3, 'nothing'],
  listRenders: [1, 'result'],
  getRender: [1, 'result'],
  startRender: [1, 'result'],
  stopRender: [1, 'result'],
  startCaptions: [3, 'result'],
  stopCaptions: [1, 'result'],
  registerCallback: [1, 'result'],
  unregisterCallback: [1, 'nothing'],
  listCallbacks: [1, 'result'],
};

/** Builds the promise API of one client; every call goes through the callback method. */
export function createPromiseApi(client: OpenTokClient): OpenTokPromises {
  const api: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [name, [arity, resolution]] of Object.entries(METHODS)) {
    const method = (client as unknown as Record<string, AnyCallback>)[name];
    api[name] = (...args: unknown[]): Promise<unknown> =>
      new Promise((resolve, reject) => {
        // A function would be taken for the callback of the method underneath and the promise
        // would never settle: no argument of a promise method is a function.
        if (args.some((arg) => typeof arg === 'function')) {
          throw new ArgumentError(`Invalid arguments -- promises.${name} takes no callback or function argument.`);
        }
        const positional = Array.from({ length: arity }, (_unused, index) => args[index]);
        // A synchronous throw (a method's own argument check) rejects this promise.
        method.call(client, ...positional, (error: Error | null, result?: unknown, totalCount?: unknown) => {
          if (error) reject(error);
          else if (resolution === 'nothing') resolve(undefined);
          else if (resolution === 'page') resolve({ items: result, totalCount });
          else resolve(result);
        });
      });
  }
  api.iterateArchives = (...args: unknown[]) => iterateArchives(client, args);
  api.iterateBroadcasts = (...args: unknown[]) => iterateBroadcasts(client, args);
  api.iterateRenders = (...args: unknown[]) => iterateRenders(client, args);
  return Object.freeze(api) as unknown as OpenTokPromises;
}
