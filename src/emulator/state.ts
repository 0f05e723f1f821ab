import { createPublicKey, createSecretKey, randomUUID } from 'crypto';
import type { KeyObject } from 'crypto';

/** A participant connection of an emulated session: a client, a SIP call, an audio connector, a render, captions. */
export interface ConnectionState {
  /** Connection ID. */
  readonly id: string;
  /** The session it is connected to. */
  readonly sessionId: string;
  /** What connected: a simulated client, a SIP call, an audio connector, an Experience Composer render, live captions. */
  readonly kind: 'client' | 'sip' | 'websocket' | 'render' | 'captions';
  /** Role granted by its token. */
  readonly role: string;
  /** Connection data of its token (`''` when none). */
  readonly data: string;
  /** When it connected, milliseconds since the epoch. */
  readonly createdAt: number;
  /** The ID of the SIP call of a `sip` connection (the `id` dial returned). */
  readonly callId?: string;
}

/** A stream published in an emulated session. */
export interface StreamState {
  /** Stream ID. */
  readonly id: string;
  /** The publishing connection. */
  readonly connectionId: string;
  /** Stream name. */
  name: string;
  /** `camera`, `screen` or `custom`. */
  videoType: 'camera' | 'screen' | 'custom';
  /** Layout classes, as `setStreamClassLists` sets them. */
  layoutClassList: string[];
  /** When publishing started, milliseconds since the epoch. */
  readonly createdAt: number;
  /** Whether its audio is muted by a force-mute. */
  muted: boolean;
}

/** An emulated session and everything in it. */
export interface SessionState {
  /** Session ID. */
  readonly id: string;
  /** `routed` (archiving, broadcasts, SIP and captions work) or `relayed`. */
  readonly mediaMode: 'routed' | 'relayed';
  /** `manual`, or `always`: an archive starts when the first client connects. */
  readonly archiveMode: 'manual' | 'always';
  /** The location hint it was created with (`''` when none). */
  readonly location: string;
  /** Whether it was created with end-to-end encryption. */
  readonly e2ee: boolean;
  /** Name of its automatic archives. */
  readonly archiveName?: string;
  /** Resolution of its automatic archives. */
  readonly archiveResolution?: string;
  /** When it was created, milliseconds since the epoch. */
  readonly createdAt: number;
  /** Its connections, by connection ID. */
  readonly connections: Map<string, ConnectionState>;
  /** Its streams, by stream ID. */
  readonly streams: Map<string, StreamState>;
  /** The session-wide force-mute (`forceMuteAll`, `disableForceMute`). */
  muteAll: {
    /** Whether the session is force-muted (streams published meanwhile start muted). */
    active: boolean;
    /** The streams the force-mute leaves alone. */
    excludedStreamIds: string[];
  };
  /** ID of its running live captions, if any. */
  captionsId?: string;
}

/** JSON objects the REST API returns for archives, broadcasts, renders, callbacks. */
export type JsonRecord = Record<string, unknown>;

/**
 * One OpenTok project (API key) or Vonage application of an emulator, with everything in it, as
 * `emulator.projects` holds them. The archives, broadcasts, renders, callbacks and captions are
 * the JSON the REST API answers with, by ID.
 *
 * @example
 * ```ts
 * const state = emulator.projects.get(emulator.project.apiKey)!;
 * const recording = [...state.archives.values()].filter((archive) => archive.status === 'started');
 * console.log(state.sessions.size, recording.length);
 * ```
 */
export interface ProjectState {
  /** API key of the project, or ID of the application. */
  readonly apiKey: string;
  /** HS256 secret of an OpenTok project. */
  readonly apiSecret?: string;
  /** PEM public key of a Vonage application (its RS256 tokens verify with it). */
  readonly publicKey?: string;
  /**
   * The key that verifies the project's JWTs, parsed once: handing jsonwebtoken a string makes it
   * parse the key on every request, which dominated the emulator's CPU under load.
   *
   * @internal
   */
  readonly verificationKey: KeyObject;
  /** Sessions, by session ID. */
  readonly sessions: Map<string, SessionState>;
  /** Archives (their REST JSON), by archive ID, oldest first. */
  readonly archives: Map<string, JsonRecord>;
  /** Broadcasts (their REST JSON), by broadcast ID, oldest first. */
  readonly broadcasts: Map<string, JsonRecord>;
  /** Experience Composer renders (their REST JSON), by render ID. */
  readonly renders: Map<string, JsonRecord>;
  /** Registered event callbacks (`{ id, group, event, url, createdAt }`), by callback ID. */
  readonly callbacks: Map<string, JsonRecord>;
  /** Live captions (`{ captionsId, sessionId, status, ... }`), by captions ID. */
  readonly captions: Map<string, JsonRecord>;
}

/** A new, empty project. */
export function newProject(apiKey: string, keys: { apiSecret?: string; publicKey?: string }): ProjectState {
  return {
    apiKey,
    apiSecret: keys.apiSecret,
    publicKey: keys.publicKey,
    verificationKey:
      keys.publicKey !== undefined
        ? createPublicKey(keys.publicKey)
        : createSecretKey(Buffer.from(keys.apiSecret ?? '', 'utf8')),
    sessions: new Map(),
    archives: new Map(),
    broadcasts: new Map(),
    renders: new Map(),
    callbacks: new Map(),
    captions: new Map(),
  };
}

/**
 * A session ID in the service's format: a sentinel, then URL-safe base64 of
 * `1~<apiKey>~<location>~<creation date>~<random>~`, so that the SDK's decoder finds the API key.
 */
export function newSessionId(apiKey: string, location: string): string {
  const raw = `1~${apiKey}~${location}~${new Date().toUTCString()}~${Math.random()}~`;
  return `2_${Buffer.from(raw, 'latin1').toString('base64url')}`;
}

/** A new random ID (archives, connections, streams, ...). */
export function newId(): string {
  return randomUUID();
}
