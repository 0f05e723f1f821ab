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
 * `opentok.promises`: every asynchronous method without its callback, returning a promise (the
 * convention of `fs.promises`). A promise resolves to what the callback would receive after its
 * `null` error: the model (`Session`, `Archive`, ...), `undefined` for methods that call back with
 * `(null)` alone, `{ items, totalCount }` for `listArchives` and `listBroadcasts`, and the parsed
 * response body for the pass-through methods (layouts, stream class lists, broadcast streams) and
 * renders. It rejects with the error the callback would receive, of the same class, and with an
 * `ArgumentError` when an argument is a function (the promise methods take no callback).
 */
export interface OpenTokPromises {
  /** Creates a session. Default: relayed, manually archived. */
  createSession(options?: SessionOptions | null): Promise<Session>;
  /** Starts recording a session that has connected clients. */
  startArchive(sessionId: string, options?: ArchiveOptions | null): Promise<Archive>;
  /** Stops a recording. */
  stopArchive(archiveId: string): Promise<Archive>;
  /** Fetches an archive. */
  getArchive(archiveId: string): Promise<Archive>;
  /** Deletes an archive. */
  deleteArchive(archiveId: string): Promise<void>;
  /** Lists archives: `{ items, totalCount }`. */
  listArchives(options?: ListArchivesOptions | null): Promise<ListPage<Archive>>;
  /** Adds a stream to a manual-mode archive. */
  addArchiveStream(archiveId: string, streamId: string, options?: StreamTrackOptions | null): Promise<void>;
  /** Removes a stream from a manual-mode archive. */
  removeArchiveStream(archiveId: string, streamId: string): Promise<void>;
  /** Changes the layout of a composed archive; resolves to the response body. */
  setArchiveLayout(archiveId: string, type: LayoutType, stylesheet?: string | null): Promise<unknown>;
  setArchiveLayout(
    archiveId: string,
    type: 'bestFit',
    stylesheet: string | null | undefined,
    screenshareType: ScreenshareLayoutType,
  ): Promise<unknown>;
  /** Starts a broadcast. */
  startBroadcast(sessionId: string, options: BroadcastOptions): Promise<Broadcast>;
  /** Stops a broadcast. */
  stopBroadcast(broadcastId: string): Promise<Broadcast>;
  /** Fetches a broadcast. */
  getBroadcast(broadcastId: string): Promise<Broadcast>;
  /** Lists broadcasts: `{ items, totalCount }`. */
  listBroadcasts(options?: ListBroadcastsOptions | null): Promise<ListPage<Broadcast>>;
  /** Changes the layout of a broadcast; resolves to the response body. */
  setBroadcastLayout(broadcastId: string, type: LayoutType, stylesheet?: string | null): Promise<unknown>;
  setBroadcastLayout(
    broadcastId: string,
    type: 'bestFit',
    stylesheet: string | null | undefined,
    screenshareType: ScreenshareLayoutType,
  ): Promise<unknown>;
  /** Adds a stream to a manual-mode broadcast; resolves to the response body. */
  addBroadcastStream(broadcastId: string, streamId: string, options?: StreamTrackOptions | null): Promise<unknown>;
  /** Removes a stream from a manual-mode broadcast; resolves to the response body. */
  removeBroadcastStream(broadcastId: string, streamId: string): Promise<unknown>;
  /** Dials a SIP endpoint into a session. */
  dial(sessionId: string, token: string, sipUri: string, options?: DialOptions | null): Promise<SipCall>;
  /** Plays DTMF digits into a session or to one connection. */
  playDTMF(sessionId: string, connectionId: string | null | undefined, digits: string): Promise<void>;
  /** Connects a session's audio to a WebSocket server. */
  websocketConnect(
    sessionId: string,
    token: string,
    websocketUri: string,
    options?: WebSocketConnectOptions | null,
  ): Promise<WebSocketConnection>;
  /** Fetches one stream. */
  getStream(sessionId: string, streamId: string): Promise<Stream>;
  /** Lists the streams of a session. */
  listStreams(sessionId: string): Promise<Stream[]>;
  /** Sets the layout classes of streams; resolves to the response body. */
  setStreamClassLists(sessionId: string, classListArray: readonly StreamClassList[]): Promise<unknown>;
  /** Disconnects a client. */
  forceDisconnect(sessionId: string, connectionId: string): Promise<void>;
  /** Mutes one stream. */
  forceMuteStream(sessionId: string, streamId: string): Promise<void>;
  /** Mutes every stream but the excluded ones. */
  forceMuteAll(sessionId: string, options?: ForceMuteAllOptions | null): Promise<void>;
  /** Ends the mute state of forceMuteAll. */
  disableForceMute(sessionId: string): Promise<void>;
  /** Sends a signal to a session, or to one connection. */
  signal(sessionId: string, connectionId: string | null | undefined, payload: SignalPayload): Promise<void>;
  /** Lists renders: the service's `{ count, items }`. */
  listRenders(options?: ListRendersOptions | null): Promise<{ count: number; items: Render[] }>;
  /** Fetches a render. */
  getRender(renderId: string): Promise<Render>;
  /** Starts a render. */
  startRender(options: RenderOptions): Promise<Render>;
  /** Stops a render; resolves to the (empty) response body. */
  stopRender(renderId: string): Promise<unknown>;
  /** Starts live captions; resolves to the captions ID. */
  startCaptions(sessionId: string, token: string, options?: CaptionsOptions | null): Promise<string>;
  /** Stops live captions; resolves to `true`. */
  stopCaptions(captionsId: string): Promise<boolean>;
  /** Registers an event callback URL. */
  registerCallback(options: CallbackOptions): Promise<Callback>;
  /** Unregisters an event callback. */
  unregisterCallback(callbackId: string): Promise<void>;
  /** Lists the registered event callbacks. */
  listCallbacks(): Promise<Callback[]>;
}

/** How a callback's success arguments become the resolved value. */
type Resolution = 'nothing' | 'result' | 'page';

/**
 * Each method's number of arguments before the callback, and its resolution. Arguments are padded
 * to that count so that positional options (`startCaptions`, `listRenders`) may be left out.
 */
const METHODS: Readonly<Record<keyof OpenTokPromises, readonly [arity: number, resolution: Resolution]>> = {
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
  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
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
  return Object.freeze(api) as unknown as OpenTokPromises;
}
