import type { ArchiveStatus } from '../models/archive';

export type { ArchiveStatus };

/** A JSON object as the service POSTs it. */
export type WebhookPayload = Record<string, unknown>;

/** Status of an Experience Composer render. */
export type RenderStatus = 'starting' | 'started' | 'stopped' | 'failed';

/** The `type` of every event `parseEvent()` returns. */
export type OpenTokEventType = OpenTokEvent['type'];

/** Fields shared by every event. */
interface EventBase {
  /** Session the event belongs to. */
  sessionId: string;
  /**
   * The project (API key) or Vonage application ID: the payload's `projectId`, else `partnerId`,
   * else `applicationId`, as a string (the service sends some of them as numbers).
   */
  projectId: string;
  /** The body as received (parsed), with every field, including those the types do not list. */
  payload: WebhookPayload;
}

/** A connection as the session-monitoring callbacks describe it. */
export interface EventConnection {
  /** Connection ID. */
  id: string;
  /** When the client connected (ms since the epoch). */
  createdAt: number;
  /** Connection data of the client's token (`''` when none). */
  data: string;
}

/** The connection of a stream; once it has ended the service may only send its `id`. */
export interface EventStreamConnection {
  /** Connection ID. */
  id: string;
  /** When the client connected (ms since the epoch). */
  createdAt?: number;
  /** Connection data of the client's token. */
  data?: string;
}

/** A stream as the session-monitoring callbacks describe it. */
export interface EventStream {
  /** Stream ID. */
  id: string;
  /** The publishing connection. */
  connection: EventStreamConnection;
  /** When publishing started (ms since the epoch). */
  createdAt: number;
  /** Stream name (`''` when none). */
  name: string;
  /** `camera`, `screen` or `custom` (absent or `null` for an audio-only stream). */
  videoType?: string | null;
}

/** Session monitoring: a client connected (`event: 'connectionCreated'`). */
export interface ConnectionCreatedEvent extends EventBase {
  /** Discriminant. */
  type: 'connectionCreated';
  /** The payload's `event`. */
  event: 'connectionCreated';
  /** When the service sent the event (ms since the epoch). */
  timestamp: number;
  /** The new connection. */
  connection: EventConnection;
}

/** Session monitoring: a client left (`event: 'connectionDestroyed'`). */
export interface ConnectionDestroyedEvent extends EventBase {
  /** Discriminant. */
  type: 'connectionDestroyed';
  /** The payload's `event`. */
  event: 'connectionDestroyed';
  /** When the service sent the event (ms since the epoch). */
  timestamp: number;
  /** The connection that ended. */
  connection: EventConnection;
  /** Why, e.g. `clientDisconnected`, `forceDisconnected`, `networkDisconnected`. */
  reason?: string;
}

/** Session monitoring: a client started publishing (`event: 'streamCreated'`). */
export interface StreamCreatedEvent extends EventBase {
  /** Discriminant. */
  type: 'streamCreated';
  /** The payload's `event`. */
  event: 'streamCreated';
  /** When the service sent the event (ms since the epoch). */
  timestamp: number;
  /** The new stream. */
  stream: EventStream;
}

/** Session monitoring: a stream ended (`event: 'streamDestroyed'`). */
export interface StreamDestroyedEvent extends EventBase {
  /** Discriminant. */
  type: 'streamDestroyed';
  /** The payload's `event`. */
  event: 'streamDestroyed';
  /** When the service sent the event (ms since the epoch). */
  timestamp: number;
  /** The stream that ended. */
  stream: EventStream;
  /** Why, e.g. `clientDisconnected`, `forceUnpublished`, `mediaStopped`. */
  reason?: string;
}

/** Archive status callback (`event: 'archive'`): the archive JSON after each status change. */
export interface ArchiveStatusEvent extends EventBase {
  /** Discriminant. */
  type: 'archiveStatus';
  /** The payload's `event`. */
  event: 'archive';
  /** Archive ID. */
  id: string;
  /** New status of the archive. */
  status: ArchiveStatus;
  /** When recording started (ms since the epoch). */
  createdAt: number;
  /** Recorded length in seconds (0 while recording). */
  duration: number;
  /** Size in bytes (0 until available). */
  size: number;
  /** Archive name. */
  name?: string | null;
  /** Why the archive stopped or failed. */
  reason?: string;
  /** Download URL once `available` (`null` before). */
  url?: string | null;
  /** Video resolution of a composed archive. */
  resolution?: string;
  /** `composed` or `individual`. */
  outputMode?: string;
  /** `auto` or `manual`. */
  streamMode?: string;
  /** Whether audio is recorded. */
  hasAudio?: boolean;
  /** Whether video is recorded. */
  hasVideo?: boolean;
  /** Streams included (manual stream mode). */
  streams?: unknown[];
}

/** Broadcast status callback (`event: 'broadcast'`): the broadcast JSON after each status change. */
export interface BroadcastStatusEvent extends EventBase {
  /** Discriminant. */
  type: 'broadcastStatus';
  /** The payload's `event`. */
  event: 'broadcast';
  /** Broadcast ID. */
  id: string;
  /** New status, e.g. `started`, `stopped`. */
  status: string;
  /** When the broadcast started (ms since the epoch). */
  createdAt: number;
  /** When it last changed (ms since the epoch). */
  updatedAt: number;
  /** Video resolution. */
  resolution?: string;
  /** HLS URL and RTMP outputs. */
  broadcastUrls?: Record<string, unknown>;
  /** Maximum duration in seconds. */
  maxDuration?: number;
  /** `auto` or `manual`. */
  streamMode?: string;
  /** Whether audio is broadcast. */
  hasAudio?: boolean;
  /** Whether video is broadcast. */
  hasVideo?: boolean;
  /** Streams included (manual stream mode). */
  streams?: unknown[];
}

/** Experience Composer status callback (the render JSON; `event: 'render'` when present). */
export interface RenderStatusEvent extends EventBase {
  /** Discriminant. */
  type: 'renderStatus';
  /** Render ID. */
  id: string;
  /** New status. */
  status: RenderStatus;
  /** When the render was started (ms since the epoch). */
  createdAt: number;
  /** When it last changed (ms since the epoch). */
  updatedAt: number;
  /** The web page being rendered. */
  url: string;
  /** Video resolution, e.g. `1280x720`. */
  resolution: string;
  /** ID of the stream the render publishes. */
  streamId?: string;
  /** Why the render stopped or failed. */
  reason?: string;
  /** The status callback URL given to startRender. */
  callbackUrl?: string;
}

/** Live captions status callback (`captionId` or `captionsId`; `event: 'captions'` when present). */
export interface CaptionsStatusEvent extends EventBase {
  /** Discriminant. */
  type: 'captionsStatus';
  /** The captions ID: the payload's `captionsId`, else its `captionId`. */
  captionsId: string;
  /** New status, as the service spells it (e.g. `Started`, `Stopped`, `Failed`). */
  status: string;
  /** When the captions started. */
  createdAt: number;
  /** When they last changed. */
  updatedAt: number;
  /** Captioned time in seconds. */
  duration?: number;
  /** Language, e.g. `en-US`. */
  languageCode?: string;
  /** Transcription provider, e.g. `aws-transcribe`. */
  provider?: string;
  /** Why the captions stopped or failed. */
  reason?: string;
}

/**
 * Every event `parseEvent()` returns, discriminated on `type`. Besides the listed fields each event
 * carries the payload's other fields too, and the whole body as `payload`.
 */
export type OpenTokEvent =
  | ConnectionCreatedEvent
  | ConnectionDestroyedEvent
  | StreamCreatedEvent
  | StreamDestroyedEvent
  | ArchiveStatusEvent
  | BroadcastStatusEvent
  | RenderStatusEvent
  | CaptionsStatusEvent;
