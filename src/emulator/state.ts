import { createPublicKey, createSecretKey, randomUUID } from 'crypto';
import type { KeyObject } from 'crypto';

/** A simulated participant connection: a client, a SIP call, an audio connector, a render, captions. */
export interface ConnectionState {
  readonly id: string;
  readonly sessionId: string;
  readonly kind: 'client' | 'sip' | 'websocket' | 'render' | 'captions';
  readonly role: string;
  readonly data: string;
  readonly createdAt: number;
  /** The ID of the SIP call of a `sip` connection (the `id` dial returned). */
  readonly callId?: string;
}

/** A published stream. */
export interface StreamState {
  readonly id: string;
  readonly connectionId: string;
  name: string;
  videoType: 'camera' | 'screen' | 'custom';
  layoutClassList: string[];
  readonly createdAt: number;
  muted: boolean;
}

/** A session and everything in it. */
export interface SessionState {
  readonly id: string;
  readonly mediaMode: 'routed' | 'relayed';
  readonly archiveMode: 'manual' | 'always';
  readonly location: string;
  readonly e2ee: boolean;
  readonly archiveName?: string;
  readonly archiveResolution?: string;
  readonly createdAt: number;
  readonly connections: Map<string, ConnectionState>;
  readonly streams: Map<string, StreamState>;
  muteAll: { active: boolean; excludedStreamIds: string[] };
  captionsId?: string;
}

/** JSON objects the REST API returns for archives, broadcasts, renders, callbacks. */
export type JsonRecord = Record<string, unknown>;

/** One OpenTok project (API key) or Vonage application. */
export interface ProjectState {
  readonly apiKey: string;
  /** HS256 secret of an OpenTok project. */
  readonly apiSecret?: string;
  /** PEM public key of a Vonage application (its RS256 tokens verify with it). */
  readonly publicKey?: string;
  /**
   * The key that verifies the project's JWTs, parsed once: handing jsonwebtoken a string makes it
   * parse the key on every request, which dominated the emulator's CPU under load.
   */
  readonly verificationKey: KeyObject;
  readonly sessions: Map<string, SessionState>;
  readonly archives: Map<string, JsonRecord>;
  readonly broadcasts: Map<string, JsonRecord>;
  readonly renders: Map<string, JsonRecord>;
  readonly callbacks: Map<string, JsonRecord>;
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
