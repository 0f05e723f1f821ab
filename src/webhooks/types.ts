import type { ArchiveStatus } from '../models/archive';

export type { ArchiveStatus };

/** A JSON object as the service POSTs it. */
export type WebhookPayload = Record<string, unknown>;

/** Status of an Experience Composer render. */
export type RenderStatus = 'starting' | 'started' | 'stopped' | 'failed';

/** The `type` of every event `parseEvent()` returns. */
export type OpenTokEventType = OpenTokEvent['type'];

/** Fields shared by every typed event. */
interface EventBase {
  /** Session the event belongs to. */
  sessionId: string;
  /** The body as received (parsed), with every field, including those the types do not list. */
  payload: WebhookPayload;
}

/** The project of an event whose kind always names it. */
interface ProjectOf {
  /**
   * The project (API key) or Vonage application ID: the payload's `projectId`, else `partnerId`,
   * else `applicationId`, as a string (the service sends some of them as numbers).
   */
  projectId: string;
}

/** The project of an event whose kind may leave it out (Experience Composer, live captions). */
interface OptionalProjectOf {
  /** As {@link ProjectOf.projectId}; absent when the payload names no project. */
  projectId?: string;
}

/**
 * Session monitoring: the session was created, when its first client connected (`event: 'sessionCreated'`).
 *
 * @example
 * ```ts
 * const handler = webhookHandler((event) => {
 *   if (event.type === 'sessionCreated') console.log(`session ${event.sessionId} started at ${new Date(event.timestamp).toISOString()}`);
 * });
 * ```
 */
export interface SessionCreatedEvent extends EventBase, ProjectOf {
  /** Discriminant. */
  type: 'sessionCreated';
  /** The payload's `event`. */
  event: 'sessionCreated';
  /** When the service sent the event (ms since the epoch). */
  timestamp: number;
}

/**
 * Session monitoring: the session ended, its last client gone (`event: 'sessionDestroyed'`).
 *
 * @example
 * ```ts
 * const handler = webhookHandler((event) => {
 *   if (event.type === 'sessionDestroyed') console.log(`session ${event.sessionId} ended`, event.reason ?? '');
 * });
 * ```
 */
export interface SessionDestroyedEvent extends EventBase, ProjectOf {
  /** Discriminant. */
  type: 'sessionDestroyed';
  /** The payload's `event`. */
  event: 'sessionDestroyed';
  /** When the service sent the event (ms since the epoch). */
  timestamp: number;
  /** Why, when the service says. */
  reason?: string;
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

/**
 * Session monitoring: a client connected (`event: 'connectionCreated'`).
 *
 * @example
 * ```ts
 * const handler = webhookHandler((event) => {
 *   if (event.type === 'connectionCreated') console.log(`${event.connection.id} joined with data ${event.connection.data}`);
 * });
 * ```
 */
export interface ConnectionCreatedEvent extends EventBase, ProjectOf {
  /** Discriminant. */
  type: 'connectionCreated';
  /** The payload's `event`. */
  event: 'connectionCreated';
  /** When the service sent the event (ms since the epoch). */
  timestamp: number;
  /** The new connection. */
  connection: EventConnection;
}

/**
 * Session monitoring: a client left (`event: 'connectionDestroyed'`).
 *
 * @example
 * ```ts
 * const handler = webhookHandler((event) => {
 *   if (event.type === 'connectionDestroyed') console.log(`${event.connection.id} left: ${event.reason ?? 'unknown reason'}`);
 * });
 * ```
 */
export interface ConnectionDestroyedEvent extends EventBase, ProjectOf {
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

/**
 * Session monitoring: a client started publishing (`event: 'streamCreated'`).
 *
 * @example
 * ```ts
 * const handler = webhookHandler((event) => {
 *   if (event.type === 'streamCreated') console.log(`${event.stream.connection.id} publishes ${event.stream.id} (${event.stream.videoType ?? 'audio only'})`);
 * });
 * ```
 */
export interface StreamCreatedEvent extends EventBase, ProjectOf {
  /** Discriminant. */
  type: 'streamCreated';
  /** The payload's `event`. */
  event: 'streamCreated';
  /** When the service sent the event (ms since the epoch). */
  timestamp: number;
  /** The new stream. */
  stream: EventStream;
}

/**
 * Session monitoring: a stream ended (`event: 'streamDestroyed'`).
 *
 * @example
 * ```ts
 * const handler = webhookHandler((event) => {
 *   if (event.type === 'streamDestroyed') console.log(`stream ${event.stream.id} ended: ${event.reason ?? 'unknown reason'}`);
 * });
 * ```
 */
export interface StreamDestroyedEvent extends EventBase, ProjectOf {
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

/**
 * Archive status callback: the archive JSON after each status change. The callback reference shows
 * it without `event`, the archiving guide with `event: 'archive'`; both are this event.
 *
 * @example
 * ```ts
 * const handler = webhookHandler((event) => {
 *   if (event.type === 'archiveStatus' && event.status === 'available') console.log(`archive ${event.id}: ${event.url}`);
 * });
 * ```
 */
export interface ArchiveStatusEvent extends EventBase, ProjectOf {
  /** Discriminant. */
  type: 'archiveStatus';
  /** The payload's `event`, when it has one. */
  event?: 'archive';
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
  /** When the archive last changed (ms since the epoch). */
  updatedAt?: number;
  /** SHA-256 checksum of the archive file, once available. */
  sha256sum?: string;
  /** Encryption certificate of the archive, when one is set for the project. */
  certificate?: string;
  /** Password of an encrypted archive. */
  password?: string;
}

/**
 * Broadcast status callback (`event: 'broadcast'`): the broadcast JSON after each status change.
 *
 * @example
 * ```ts
 * const handler = webhookHandler((event) => {
 *   if (event.type === 'broadcastStatus') console.log(`broadcast ${event.id} is ${event.status}`);
 * });
 * ```
 */
export interface BroadcastStatusEvent extends EventBase, ProjectOf {
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

/**
 * Experience Composer status callback. Its guide shows `id`, `sessionId`, `streamId`, `status` and
 * `reason`; the render JSON's other fields come too when the service sends them.
 *
 * @example
 * ```ts
 * const handler = webhookHandler((event) => {
 *   if (event.type === 'renderStatus' && event.status === 'failed') console.log(`render ${event.id} failed: ${event.reason}`);
 * });
 * ```
 */
export interface RenderStatusEvent extends EventBase, OptionalProjectOf {
  /** Discriminant. */
  type: 'renderStatus';
  /** The payload's `event`, when it has one. */
  event?: 'render';
  /** Render ID. */
  id: string;
  /** New status. */
  status: RenderStatus;
  /** ID of the stream the render publishes. */
  streamId?: string;
  /** Why the render stopped or failed. */
  reason?: string;
  /** When the render was started (ms since the epoch). */
  createdAt?: number;
  /** When it last changed (ms since the epoch). */
  updatedAt?: number;
  /** The web page being rendered. */
  url?: string;
  /** Video resolution, e.g. `1280x720`. */
  resolution?: string;
  /** The status callback URL given to startRender. */
  callbackUrl?: string;
}

/**
 * Live captions status callback (`captionId` or `captionsId`; `event: 'captions'` when present).
 *
 * @example
 * ```ts
 * const handler = webhookHandler((event) => {
 *   if (event.type === 'captionsStatus') console.log(`captions ${event.captionsId}: ${event.status}`);
 * });
 * ```
 */
export interface CaptionsStatusEvent extends EventBase, OptionalProjectOf {
  /** Discriminant. */
  type: 'captionsStatus';
  /** The captions ID: the payload's `captionsId`, else its `captionId`. */
  captionsId: string;
  /** New status, as the service spells it (e.g. `Started`, `Stopped`, `Failed`). */
  status: string;
  /** The payload's `event`, when it has one. */
  event?: 'captions';
  /** When the captions started. */
  createdAt?: number;
  /** When they last changed. */
  updatedAt?: number;
  /** Captioned time in seconds. */
  duration?: number;
  /** Language, e.g. `en-US`. */
  languageCode?: string;
  /** Transcription provider, e.g. `aws-transcribe`. */
  provider?: string;
  /** Why the captions stopped or failed. */
  reason?: string;
}

/** A SIP call as the session-monitoring callbacks describe it. */
export interface EventCall {
  /** ID of the call (the `id` `dial` returned). */
  id: string;
  /** Connection ID of the SIP participant. */
  connectionId?: string;
  /** When the call was created (ms since the epoch). */
  createdAt?: number;
}

/** Fields of the SIP call monitoring events (sent to the session-monitoring URL). */
interface CallEventBase extends EventBase, ProjectOf {
  /** When the service sent the event (ms since the epoch). */
  timestamp: number;
  /** The call, with every field the service sent. */
  call: EventCall;
}

/**
 * SIP call monitoring: a call was dialled (`event: 'callCreated'`).
 *
 * @example
 * ```ts
 * const handler = webhookHandler((event) => {
 *   if (event.type === 'callCreated') console.log(`SIP call ${event.call.id} dialled into ${event.sessionId}`);
 * });
 * ```
 */
export interface CallCreatedEvent extends CallEventBase {
  /** Discriminant. */
  type: 'callCreated';
  /** The payload's `event`. */
  event: 'callCreated';
}

/**
 * SIP call monitoring: the call's state changed (`event: 'callUpdated'`).
 *
 * @example
 * ```ts
 * const handler = webhookHandler((event) => {
 *   if (event.type === 'callUpdated') console.log(`SIP call ${event.call.id} is ${event.state ?? 'updated'}`);
 * });
 * ```
 */
export interface CallUpdatedEvent extends CallEventBase {
  /** Discriminant. */
  type: 'callUpdated';
  /** The payload's `event`. */
  event: 'callUpdated';
  /** The new state, e.g. `ringing`, `answered` (the payload's `state`, else the call's). */
  state?: string;
}

/**
 * SIP call monitoring: the call ended (`event: 'callDestroyed'`).
 *
 * @example
 * ```ts
 * const handler = webhookHandler((event) => {
 *   if (event.type === 'callDestroyed') console.log(`SIP call ${event.call.id} ended: ${event.reasonCode} ${event.reasonMessage ?? ''}`);
 * });
 * ```
 */
export interface CallDestroyedEvent extends CallEventBase {
  /** Discriminant. */
  type: 'callDestroyed';
  /** The payload's `event`. */
  event: 'callDestroyed';
  /** The SIP status code that ended the call (the payload's `reason_code`, else the call's). */
  reasonCode?: string | number;
  /** Its text (the payload's `reason_message`, else the call's). */
  reasonMessage?: string;
}

/**
 * SIP call monitoring: the call's audio was muted by a force-mute (`event: 'muteForced'`).
 *
 * @example
 * ```ts
 * const handler = webhookHandler((event) => {
 *   if (event.type === 'muteForced') console.log(`session ${event.sessionId} muted`, event.call?.id ?? '');
 * });
 * ```
 */
export interface MuteForcedEvent extends EventBase, ProjectOf {
  /** Discriminant. */
  type: 'muteForced';
  /** The payload's `event`. */
  event: 'muteForced';
  /** When the service sent the event (ms since the epoch). */
  timestamp: number;
  /** The muted call, when the event is about one. */
  call?: EventCall;
}

/**
 * A body that is a JSON object but none of the kinds above: a kind this version does not know yet,
 * or a known kind whose fields do not match it. The handler answers it 200 like the others, so
 * that a new kind on the service's side never costs an application its callbacks.
 *
 * @example
 * ```ts
 * const handler = webhookHandler((event) => {
 *   if (event.type === 'unknown') console.warn(`unhandled OpenTok event ${event.event ?? '(no event field)'}: ${event.problem}`);
 * });
 * ```
 */
export interface UnknownEvent {
  /** Discriminant. */
  type: 'unknown';
  /** The payload's `event`, when it is a string. */
  event?: string;
  /** The body as received (parsed). */
  payload: WebhookPayload;
  /** Why it is not one of the known kinds, e.g. `unknown event "x"` or `stream.id must be a string`. */
  problem: string;
}

/**
 * Every event `parseEvent()` returns, discriminated on `type`: narrow it with a `switch` or an
 * `if` on `type` to read the fields of its kind. Besides the listed fields each typed event
 * carries the payload's other fields too, and the whole body as `payload`.
 *
 * @example
 * ```ts
 * function describe(event: OpenTokEvent): string {
 *   switch (event.type) {
 *     case 'connectionCreated':
 *       return `${event.connection.id} joined ${event.sessionId}`;
 *     case 'archiveStatus':
 *       return `archive ${event.id} is ${event.status}`;
 *     case 'unknown':
 *       return `not understood: ${event.problem}`;
 *     default:
 *       return event.type;
 *   }
 * }
 * ```
 */
export type OpenTokEvent =
  | SessionCreatedEvent
  | SessionDestroyedEvent
  | ConnectionCreatedEvent
  | ConnectionDestroyedEvent
  | StreamCreatedEvent
  | StreamDestroyedEvent
  | CallCreatedEvent
  | CallUpdatedEvent
  | CallDestroyedEvent
  | MuteForcedEvent
  | ArchiveStatusEvent
  | BroadcastStatusEvent
  | RenderStatusEvent
  | CaptionsStatusEvent
  | UnknownEvent;
