import type { RtmpOutput } from '../broadcasts/broadcasts';
import { copyOwnProperties } from '../core/objects';
import type { OpenTokClient, ResultCallback } from '../opentok';
import { ownerOf, setOwner } from './owners';

/** Keys of the service's JSON a Broadcast does not copy (SPEC §10.6). */
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

/** A live-streaming broadcast of a session (SPEC §10.6). */
export class Broadcast {
  /** Broadcast ID. */
  declare id: string;
  /** ID of the broadcast session. */
  declare sessionId: string;
  /** API key (project) the broadcast belongs to. */
  declare projectId: number | string;
  /** Creation time, milliseconds since the epoch. */
  declare createdAt: number;
  /** Last update, milliseconds since the epoch. */
  declare updatedAt: number;
  /** Resolution, e.g. `640x480`. */
  declare resolution: string;
  /** HLS and RTMP output URLs and states. */
  declare broadcastUrls?: BroadcastUrls;
  /** Maximum duration in seconds. */
  declare maxDuration?: number;
  /** Maximum video bitrate, bits per second. */
  declare maxBitrate?: number;
  /** `auto` or `manual`. */
  declare streamMode?: 'auto' | 'manual';
  /** Streams included in a manual-mode broadcast. */
  declare streams?: { streamId: string; hasAudio: boolean; hasVideo: boolean }[];
  /** `started` or `stopped`. */
  declare status?: string;
  /** Any other field the service returned. */
  [field: string]: unknown;

  /** Builds a broadcast from the service's JSON object or its JSON text. */
  constructor(ot: OpenTokClient, json: object | string) {
    const properties: unknown = typeof json === 'string' ? JSON.parse(json) : json;
    setOwner(this, ot, (properties as { id?: unknown } | null)?.id);
    copyOwnProperties(this, properties, NOT_COPIED);
  }

  /** Stops the broadcast; same as `opentok.stopBroadcast(broadcast.id, callback)`. */
  stop(callback: ResultCallback<Broadcast>): void {
    const { ot, id } = ownerOf(this, 'Broadcast.stop');
    ot.stopBroadcast(id as string, callback);
  }
}
