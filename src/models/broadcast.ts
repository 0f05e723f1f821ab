import type { RtmpOutput } from '../broadcasts/broadcasts';
import { copyOwnProperties, detachableMethods } from '../core/objects';
import type { OpenTokClient, ResultCallback } from '../opentok';

/** Keys of the service's JSON a Broadcast does not copy. */
const NOT_COPIED = new Set(['event', 'partnerId']);

/** The output URLs of a broadcast and their states, as the service reports them. */
export interface BroadcastUrls {
  /** URL of the HLS playlist. */
  hls?: string;
  /** State of the HLS output. */
  hlsStatus?: 'connecting' | 'ready' | 'live' | 'ended' | 'error';
  /** The RTMP outputs, each with its state. */
  rtmp?: (RtmpOutput & { status?: string })[];
}

/** A live-streaming broadcast of a session. Every key of the service's JSON is copied, but `event` and `partnerId`. */
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
  /** Maximum duration in seconds. */
  maxDuration?: number;
  /** Maximum video bitrate, bits per second. */
  maxBitrate?: number;
  /** `auto` or `manual`. */
  streamMode?: 'auto' | 'manual';
  /** Streams included in a manual-mode broadcast. */
  streams?: { streamId: string; hasAudio: boolean; hasVideo: boolean }[];
  /** `started` or `stopped`. */
  status?: string;
  /** Any other field the service returned. */
  [field: string]: unknown;

  /** Stops the broadcast; same as `opentok.stopBroadcast(broadcast.id, callback)`. */
  stop(callback: ResultCallback<Broadcast>): void;
}

/** Builds a {@link Broadcast} from the service's JSON object or text (inside the SDK only: the package exports the type). */
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

/** The broadcast constructor the API modules use (a value the package does not export). */
export const BroadcastModel = BroadcastImplementation as unknown as BroadcastConstructor;
