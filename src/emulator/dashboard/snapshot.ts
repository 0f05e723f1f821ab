import type { Emulator } from '../emulator';
import type { DeliveredEvent } from '../events';
import { streamMedia } from '../session-feed';
import { isBrowserConnection } from '../standin';
import type { ConnectionState, JsonRecord, ProjectState, SessionState, StreamState } from '../state';

/** How many delivered event callbacks a snapshot lists (the newest). */
const DELIVERED_LISTED = 50;

/**
 * Everything the emulator holds, as `GET /_emulator/state` answers it and the dashboard at `/`
 * shows it: one plain JSON object, rebuilt on each request. Times are milliseconds since the epoch.
 * Newest first in every list. No API secret or key material is in it: the dashboard is a page
 * people look at, share and screenshot, and nothing on it needs the secret (its "connect a client"
 * button mints the token on the server). The CLI prints the secret, and `GET /_emulator/project`
 * returns the first project's credentials.
 *
 * @example
 * ```ts
 * const response = await fetch(`${emulator.url}/_emulator/state`);
 * const state = (await response.json()) as EmulatorSnapshot;
 * const live = state.projects.flatMap((project) => project.sessions).filter((session) => session.connections.length > 0);
 * console.log(`${live.length} live sessions`);
 * ```
 */
export interface EmulatorSnapshot {
  /** The emulator's base URL (`emulator.url`). */
  readonly url: string;
  /** The dashboard's URL (`emulator.dashboardUrl`). */
  readonly dashboardUrl: string;
  /** Every project and Vonage application, in the order they were created. */
  readonly projects: readonly ProjectSnapshot[];
  /** The last 50 event callback POSTs, answered or failed, newest first. */
  readonly deliveries: readonly DeliverySnapshot[];
}

/** A project (or Vonage application) in an {@link EmulatorSnapshot}. */
export interface ProjectSnapshot {
  /** Its API key, or the application ID. */
  readonly apiKey: string;
  /** `project` (an API key and secret, HS256 tokens) or `application` (a Vonage application, RS256). */
  readonly kind: 'project' | 'application';
  /** Its sessions, newest first; a session is live while it has connections. */
  readonly sessions: readonly SessionSnapshot[];
  /** Its archives, newest first. */
  readonly archives: readonly ArchiveSnapshot[];
  /** Its broadcasts, newest first. */
  readonly broadcasts: readonly BroadcastSnapshot[];
  /** Its SIP calls in progress (a call ends with its connection), newest first. */
  readonly sipCalls: readonly SipCallSnapshot[];
  /** Its Experience Composer renders, newest first. */
  readonly renders: readonly RenderSnapshot[];
  /** Its live captions, newest first. */
  readonly captions: readonly CaptionsSnapshot[];
  /** Its registered event callbacks, in registration order. */
  readonly callbacks: readonly CallbackSnapshot[];
}

/** A session in a {@link ProjectSnapshot}. */
export interface SessionSnapshot {
  /** Session ID. */
  readonly id: string;
  /** `routed` or `relayed`. */
  readonly mediaMode: 'routed' | 'relayed';
  /** `manual` or `always`. */
  readonly archiveMode: 'manual' | 'always';
  /** When it was created. */
  readonly createdAt: number;
  /** Its connections, in the order they joined. */
  readonly connections: readonly ConnectionSnapshot[];
  /** Its streams, in the order they were published. */
  readonly streams: readonly StreamSnapshot[];
  /** Whether a session-wide force-mute is on. */
  readonly muteAll: boolean;
}

/** A connection in a {@link SessionSnapshot}. */
export interface ConnectionSnapshot {
  /** Connection ID. */
  readonly id: string;
  /**
   * What connected: `simulated` (`emulator.connectClient()`, `POST /_emulator/connections`, the
   * dashboard's button), `browser` (a page through the OpenTok.js stand-in), `sip` (a SIP call),
   * `audio-connector`, `render` (Experience Composer) or `captions`.
   */
  readonly source: 'simulated' | 'browser' | 'sip' | 'audio-connector' | 'render' | 'captions';
  /** Role granted by its token. */
  readonly role: string;
  /** Connection data of its token (`''` when none); any text the token's minter chose. */
  readonly data: string;
  /** When it connected. */
  readonly createdAt: number;
  /** Whether it is a client the dashboard can make publish and disconnect. */
  readonly controllable: boolean;
}

/** A stream in a {@link SessionSnapshot}. */
export interface StreamSnapshot {
  /** Stream ID. */
  readonly id: string;
  /** The publishing connection. */
  readonly connectionId: string;
  /** Stream name. */
  readonly name: string;
  /** `camera`, `screen` or `custom`. */
  readonly videoType: string;
  /** Whether it carries audio (false when force-muted). */
  readonly hasAudio: boolean;
  /** Whether it carries video. */
  readonly hasVideo: boolean;
  /** Whether a force-mute muted it. */
  readonly muted: boolean;
  /** Its layout classes. */
  readonly layoutClassList: readonly string[];
  /** When publishing started. */
  readonly createdAt: number;
}

/** An archive in a {@link ProjectSnapshot}. */
export interface ArchiveSnapshot {
  /** Archive ID. */
  readonly id: string;
  /** Its name (`null` when none was given). */
  readonly name: string | null;
  /** `started`, `stopped`, `available`, ... as the REST API reports it. */
  readonly status: string;
  /** The archived session. */
  readonly sessionId: string;
  /** `composed` or `individual`. */
  readonly outputMode: string;
  /** When it started. */
  readonly createdAt: number;
  /** File size in bytes (0 until available). */
  readonly size: number;
  /** Duration in seconds (0 while recording). */
  readonly duration: number;
  /** Why it stopped (`''` while none). */
  readonly reason: string;
  /** Where to download it once `available`, else `null`. */
  readonly url: string | null;
}

/** A broadcast in a {@link ProjectSnapshot}. */
export interface BroadcastSnapshot {
  /** Broadcast ID. */
  readonly id: string;
  /** The broadcast session. */
  readonly sessionId: string;
  /** `started` or `stopped`. */
  readonly status: string;
  /** When it started. */
  readonly createdAt: number;
  /** Its HLS playlist URL while live, else `null`. */
  readonly hls: string | null;
  /** Its RTMP outputs while live. */
  readonly rtmp: readonly RtmpOutputSnapshot[];
}

/** An RTMP output of a {@link BroadcastSnapshot}. */
export interface RtmpOutputSnapshot {
  /** The RTMP server URL. */
  readonly serverUrl: string;
  /** The stream name on that server. */
  readonly streamName: string;
  /** `live` while the broadcast is. */
  readonly status: string;
}

/** A SIP call in progress in a {@link ProjectSnapshot}. */
export interface SipCallSnapshot {
  /** The call ID (the `id` dial returned). */
  readonly id: string;
  /** Its session. */
  readonly sessionId: string;
  /** Its connection. */
  readonly connectionId: string;
  /** Its stream's name (dial's `from`), `''` when it has no stream. */
  readonly from: string;
  /** When it was dialled. */
  readonly createdAt: number;
}

/** An Experience Composer render in a {@link ProjectSnapshot}. */
export interface RenderSnapshot {
  /** Render ID. */
  readonly id: string;
  /** Its session. */
  readonly sessionId: string;
  /** `started` or `stopped`. */
  readonly status: string;
  /** The page it renders. */
  readonly url: string;
  /** When it started. */
  readonly createdAt: number;
}

/** Live captions in a {@link ProjectSnapshot}. */
export interface CaptionsSnapshot {
  /** Captions ID. */
  readonly id: string;
  /** Its session. */
  readonly sessionId: string;
  /** `started` or `stopped`. */
  readonly status: string;
  /** Its language code. */
  readonly languageCode: string;
  /** When it started. */
  readonly createdAt: number;
}

/** A registered event callback in a {@link ProjectSnapshot}. */
export interface CallbackSnapshot {
  /** Callback ID. */
  readonly id: string;
  /** Its group (`connection`, `archive`, ...). */
  readonly group: string;
  /** Its event (`created`, `status`, ...). */
  readonly event: string;
  /** Where the events go. */
  readonly url: string;
}

/** One event callback POST in an {@link EmulatorSnapshot}. */
export interface DeliverySnapshot {
  /**
   * What was sent: the payload's event (`connectionCreated`, `streamDestroyed`, `callUpdated`,
   * ...), or for a status callback its group and status (`archive started`, `broadcast stopped`).
   */
  readonly kind: string;
  /** The project it was about. */
  readonly apiKey: string | null;
  /** The URL POSTed to. */
  readonly url: string;
  /** The status it answered, `null` when the POST failed. */
  readonly status: number | null;
  /** Why it failed, `null` when answered. */
  readonly error: string | null;
  /** When it was answered or failed. */
  readonly at: number;
}

/** A string field of a REST JSON record, or `fallback`. */
function text(record: JsonRecord, key: string, fallback = ''): string {
  const value = record[key];
  return typeof value === 'string' ? value : fallback;
}

/** A number field of a REST JSON record, or 0. */
function number(record: JsonRecord, key: string): number {
  const value = record[key];
  return typeof value === 'number' ? value : 0;
}

/** Newest first: the maps keep insertion order, oldest first. */
function newestFirst<T>(values: Iterable<T>): T[] {
  return [...values].reverse();
}

function connectionSource(emulator: Emulator, connection: ConnectionState): ConnectionSnapshot['source'] {
  switch (connection.kind) {
    case 'client':
      return isBrowserConnection(emulator, connection.id) ? 'browser' : 'simulated';
    case 'websocket':
      return 'audio-connector';
    default:
      return connection.kind;
  }
}

function connectionSnapshot(emulator: Emulator, connection: ConnectionState): ConnectionSnapshot {
  return {
    id: connection.id,
    source: connectionSource(emulator, connection),
    role: connection.role,
    data: connection.data,
    createdAt: connection.createdAt,
    controllable: connection.kind === 'client' && emulator.client(connection.id)?.connected === true,
  };
}

function streamSnapshot(session: SessionState, stream: StreamState): StreamSnapshot {
  const { hasAudio, hasVideo } = streamMedia(session, stream);
  return {
    id: stream.id,
    connectionId: stream.connectionId,
    name: stream.name,
    videoType: stream.videoType,
    hasAudio,
    hasVideo,
    muted: stream.muted,
    layoutClassList: [...stream.layoutClassList],
    createdAt: stream.createdAt,
  };
}

function sessionSnapshot(emulator: Emulator, session: SessionState): SessionSnapshot {
  return {
    id: session.id,
    mediaMode: session.mediaMode,
    archiveMode: session.archiveMode,
    createdAt: session.createdAt,
    connections: [...session.connections.values()].map((connection) => connectionSnapshot(emulator, connection)),
    streams: [...session.streams.values()].map((stream) => streamSnapshot(session, stream)),
    muteAll: session.muteAll.active,
  };
}

function archiveSnapshot(archive: JsonRecord): ArchiveSnapshot {
  return {
    id: text(archive, 'id'),
    name: typeof archive.name === 'string' ? archive.name : null,
    status: text(archive, 'status'),
    sessionId: text(archive, 'sessionId'),
    outputMode: text(archive, 'outputMode'),
    createdAt: number(archive, 'createdAt'),
    size: number(archive, 'size'),
    duration: number(archive, 'duration'),
    reason: text(archive, 'reason'),
    url: typeof archive.url === 'string' ? archive.url : null,
  };
}

function broadcastSnapshot(broadcast: JsonRecord): BroadcastSnapshot {
  const urls = (broadcast.broadcastUrls ?? {}) as JsonRecord;
  const rtmp = Array.isArray(urls.rtmp) ? (urls.rtmp as JsonRecord[]) : [];
  return {
    id: text(broadcast, 'id'),
    sessionId: text(broadcast, 'sessionId'),
    status: text(broadcast, 'status'),
    createdAt: number(broadcast, 'createdAt'),
    hls: typeof urls.hls === 'string' ? urls.hls : null,
    rtmp: rtmp.map((output) => ({
      serverUrl: text(output, 'serverUrl'),
      streamName: text(output, 'streamName'),
      status: text(output, 'status'),
    })),
  };
}

function sipCalls(project: ProjectState): SipCallSnapshot[] {
  const calls: SipCallSnapshot[] = [];
  for (const session of project.sessions.values()) {
    for (const connection of session.connections.values()) {
      if (connection.kind !== 'sip' || connection.callId === undefined) continue;
      const stream = [...session.streams.values()].find((candidate) => candidate.connectionId === connection.id);
      calls.push({
        id: connection.callId,
        sessionId: session.id,
        connectionId: connection.id,
        from: stream?.name ?? '',
        createdAt: connection.createdAt,
      });
    }
  }
  return calls.sort((a, b) => b.createdAt - a.createdAt);
}

function projectSnapshot(emulator: Emulator, project: ProjectState): ProjectSnapshot {
  return {
    apiKey: project.apiKey,
    kind: project.publicKey === undefined ? 'project' : 'application',
    sessions: newestFirst(project.sessions.values()).map((session) => sessionSnapshot(emulator, session)),
    archives: newestFirst(project.archives.values()).map(archiveSnapshot),
    broadcasts: newestFirst(project.broadcasts.values()).map(broadcastSnapshot),
    sipCalls: sipCalls(project),
    renders: newestFirst(project.renders.values()).map((render) => ({
      id: text(render, 'id'),
      sessionId: text(render, 'sessionId'),
      status: text(render, 'status'),
      url: text(render, 'url'),
      createdAt: number(render, 'createdAt'),
    })),
    captions: newestFirst(project.captions.values()).map((captions) => ({
      id: text(captions, 'captionsId'),
      sessionId: text(captions, 'sessionId'),
      status: text(captions, 'status'),
      languageCode: text(captions, 'languageCode'),
      createdAt: number(captions, 'createdAt'),
    })),
    callbacks: [...project.callbacks.values()].map((callback) => ({
      id: text(callback, 'id'),
      group: text(callback, 'group'),
      event: text(callback, 'event'),
      url: text(callback, 'url'),
    })),
  };
}

/** What a delivered callback was: its payload's event, or its group and status for a status event. */
function deliveryKind(delivery: DeliveredEvent): string {
  const { payload } = delivery;
  const status = typeof payload.status === 'string' ? payload.status : undefined;
  // Status callbacks (archive, broadcast, render, captions) name their group in `event`, if at all.
  if (typeof payload.event === 'string' && payload.event !== delivery.group) return payload.event;
  const group = delivery.group ?? 'status';
  return status === undefined ? group : `${group} ${status}`;
}

function deliverySnapshot(delivery: DeliveredEvent): DeliverySnapshot {
  const { payload } = delivery;
  const apiKey = [payload.projectId, payload.applicationId].find((value) => typeof value === 'string');
  return {
    kind: deliveryKind(delivery),
    apiKey: typeof apiKey === 'string' ? apiKey : null,
    url: delivery.url,
    status: delivery.status ?? null,
    error: delivery.error ?? null,
    at: delivery.at,
  };
}

/**
 * The emulator's whole state as plain JSON (see {@link EmulatorSnapshot}): what
 * `GET /_emulator/state` answers and the dashboard's live stream pushes.
 */
export function emulatorSnapshot(emulator: Emulator): EmulatorSnapshot {
  return {
    url: emulator.url,
    dashboardUrl: emulator.dashboardUrl,
    projects: [...emulator.projects.values()].map((project) => projectSnapshot(emulator, project)),
    deliveries: emulator.events.delivered.slice(-DELIVERED_LISTED).reverse().map(deliverySnapshot),
  };
}
