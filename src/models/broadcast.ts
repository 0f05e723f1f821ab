import type { RtmpOutput } from '../broadcasts/broadcasts';
import { copyOwnProperties, detachableMethods } from '../core/objects';
import type { OpenTokClient, ResultCallback } from '../opentok';

/** Keys of the service's JSON a Broadcast does not copy. */
const NOT_COPIED = new Set(['event', 'partnerId']);

/** The output URLs of a broadcast and their states, as the service reports them (`Broadcast.broadcastUrls`). */
export interface BroadcastUrls {
  /** URL of the HLS playlist, when the broadcast has an HLS output. */
  hls?: string;
  /** State of the HLS output. */
  hlsStatus?: 'connecting' | 'ready' | 'live' | 'ended' | 'error';
  /** The RTMP outputs as given to `startBroadcast`, each with its state. */
  rtmp?: (RtmpOutput & {
    /** State of the output, e.g. `connecting`, `live`, `offline` or `error`. */
    status?: string;
  })[];
}

/**
 * A live-streaming broadcast of a session, as `startBroadcast`, `stopBroadcast`, `getBroadcast` and
 * `listBroadcasts` call back with it. Every key of the service's JSON is copied onto it as it is,
 * but `event` and `partnerId`. Its `stop` method works on any broadcast, wherever it came from,
 * and without the object.
 *
 * @example
 * ```ts
 * opentok.getBroadcast(broadcastId, (err, broadcast) => {
 *   if (err) return console.error(err);
 *   console.log(broadcast.status, broadcast.broadcastUrls?.hls);
 * });
 * ```
 */
export interface Broadcast {
  /** Broadcast ID. */
  id: string;
  /** ID of the broadcast session. */
  sessionId: string;
  /** API key (project) the broadcast belongs to. */
  projectId: number | string;
  /** Creation time, milliseconds since the epoch. */
  createdAt: number;
  /** Last update, milliseconds since the epoch. */
  updatedAt: number;
  /** Resolution, e.g. `640x480`. */
  resolution: string;
  /** HLS and RTMP output URLs and states. */
  broadcastUrls?: BroadcastUrls;
  /** Maximum duration in seconds; the broadcast stops then. */
  maxDuration?: number;
  /** Maximum video bitrate, bits per second, when one was set. */
  maxBitrate?: number;
  /** `auto` (every stream) or `manual` (streams added with `addBroadcastStream`). */
  streamMode?: 'auto' | 'manual';
  /** Streams included in a manual-mode broadcast, and which of their tracks. */
  streams?: {
    /** Stream ID. */
    streamId: string;
    /** Whether the stream's audio is broadcast. */
    hasAudio: boolean;
    /** Whether the stream's video is broadcast. */
    hasVideo: boolean;
  }[];
  /** `started` or `stopped`. */
  status?: string;
  /** Any other field the service returned. */
  [field: string]: unknown;

  /**
   * Stops the broadcast; the same as `opentok.stopBroadcast(broadcast.id, callback)`.
   *
   * @param callback - Called once with `(null, broadcast)`, the stopped broadcast (a new object),
   *   or with an error whose message is `Failed to stop broadcast. Error: <reason>`: a
   *   `NotFoundError` when the broadcast does not exist (404), an `AuthError` (401, 403), a
   *   `RequestError` for any other status (such as 409 when it is not started) or a network
   *   failure. The error carries `statusCode` and `body` when it came from a response.
   * @example
   * ```ts
   * broadcast.stop((err, stopped) => {
   *   if (err) return console.error(err);
   *   console.log(stopped.status); // 'stopped'
   * });
   * ```
   */
  stop(callback: ResultCallback<Broadcast>): void;
}

/**
 * Builds a {@link Broadcast} from the service's JSON object or text (inside the SDK only: the package exports the type).
 *
 * @internal
 */
export interface BroadcastConstructor {
  new (ot: OpenTokClient, json: object | string): Broadcast;
  readonly prototype: Broadcast;
}

/**
 * The class behind {@link Broadcast}: its client and ID are ES private fields (see `ArchiveImplementation`),
 * and it is not exported, so that the published declarations have no `#private`.
 */
class BroadcastImplementation implements Pick<Broadcast, 'stop'> {
  readonly #ot: OpenTokClient;
  readonly #id: unknown;

  constructor(ot: OpenTokClient, json: object | string) {
    const properties: unknown = typeof json === 'string' ? JSON.parse(json) : json;
    this.#ot = ot;
    this.#id = (properties as { id?: unknown } | null)?.id;
    copyOwnProperties(this, properties, NOT_COPIED);
  }

  stop(callback: ResultCallback<Broadcast>): void {
    this.#ot.stopBroadcast(this.#id as string, callback);
  }
}
// Shown as `Broadcast { ... }` by util.inspect and the console, as before.
Object.defineProperty(BroadcastImplementation, 'name', { value: 'Broadcast' });
// Its methods work without the object, as 2.x's per-object closures did.
detachableMethods(BroadcastImplementation.prototype, ['stop']);

/**
 * The broadcast constructor the API modules use (a value the package does not export).
 *
 * @internal
 */
export const BroadcastModel = BroadcastImplementation as unknown as BroadcastConstructor;
