import { onClientConnected, onClientDisconnected } from './archive-lifecycle';
import { announceCall } from './calls';
import { EmulatorHttpError } from './errors';
import type { Emulator } from './emulator';
import { announceChange } from './session-feed';
import type { ConnectionState, ProjectState, SessionState, StreamState } from './state';
import { newId } from './state';

/**
 * Options of `SimulatedClient.publish()`.
 *
 * @example
 * ```ts
 * const screenId = client.publish({ name: 'slides', videoType: 'screen', layoutClassList: ['focus'] });
 * ```
 */
export interface PublishOptions {
  /** Stream name. Default: the connection data (`''` when the token has none). */
  name?: string;
  /** `camera`, `screen` (screen sharing) or `custom`. Default `camera`. */
  videoType?: 'camera' | 'screen' | 'custom';
  /** Layout classes of the stream. Default: the token's `initialLayoutClassList`. */
  layoutClassList?: string[];
}

/** The session-monitoring JSON of a connection. */
export function connectionJson(connection: ConnectionState): Record<string, unknown> {
  return { id: connection.id, createdAt: connection.createdAt, data: connection.data };
}

/** The REST JSON of a stream. */
export function streamJson(stream: StreamState): Record<string, unknown> {
  return { id: stream.id, videoType: stream.videoType, name: stream.name, layoutClassList: [...stream.layoutClassList] };
}

/**
 * The session-monitoring JSON of a stream: its ID, its connection (only the ID once the connection
 * has gone), when it started, its name and video type. Layout classes are REST-only.
 */
function eventStreamJson(stream: StreamState, connection: ConnectionState | undefined): Record<string, unknown> {
  return {
    id: stream.id,
    connection: connection ? connectionJson(connection) : { id: stream.connectionId },
    createdAt: stream.createdAt,
    name: stream.name,
    videoType: stream.videoType,
  };
}

/** Announces a session-monitoring event about the session itself (`session`/`created` or `destroyed`). */
function announceSession(emulator: Emulator, project: ProjectState, session: SessionState, event: 'created' | 'destroyed'): void {
  emulator.events.emit(project, 'session', event, {
    sessionId: session.id,
    projectId: project.apiKey,
    event: event === 'created' ? 'sessionCreated' : 'sessionDestroyed',
    timestamp: Date.now(),
  });
}

/**
 * Adds a connection to a session and announces it (`connection`/`created`), after `sessionCreated`
 * when it is the session's first connection.
 */
export function addConnection(
  emulator: Emulator,
  project: ProjectState,
  session: SessionState,
  fields: Pick<ConnectionState, 'kind' | 'role' | 'data' | 'callId'>,
): ConnectionState {
  const connection: ConnectionState = { id: newId(), sessionId: session.id, createdAt: Date.now(), ...fields };
  const first = session.connections.size === 0;
  session.connections.set(connection.id, connection);
  if (first) announceSession(emulator, project, session, 'created');
  emulator.events.emit(project, 'connection', 'created', {
    sessionId: session.id,
    projectId: project.apiKey,
    event: 'connectionCreated',
    timestamp: Date.now(),
    connection: connectionJson(connection),
  });
  announceChange(session, { type: 'connectionCreated', connection });
  if (connection.kind === 'client') onClientConnected(emulator, project, session);
  return connection;
}

/** Publishes a stream for a connection and announces it (`stream`/`created`). */
export function addStream(
  emulator: Emulator,
  project: ProjectState,
  session: SessionState,
  connection: ConnectionState,
  options: PublishOptions & { layoutClassList: string[] },
): StreamState {
  const stream: StreamState = {
    id: newId(),
    connectionId: connection.id,
    name: options.name ?? connection.data,
    videoType: options.videoType ?? 'camera',
    layoutClassList: options.layoutClassList,
    createdAt: Date.now(),
    muted: session.muteAll.active,
  };
  session.streams.set(stream.id, stream);
  emulator.events.emit(project, 'stream', 'created', {
    sessionId: session.id,
    projectId: project.apiKey,
    event: 'streamCreated',
    timestamp: Date.now(),
    stream: eventStreamJson(stream, connection),
  });
  announceChange(session, { type: 'streamCreated', stream });
  return stream;
}

/** Removes a stream and announces it (`stream`/`destroyed`). */
export function removeStream(emulator: Emulator, project: ProjectState, session: SessionState, stream: StreamState, reason: string): void {
  if (!session.streams.delete(stream.id)) return;
  const connection = session.connections.get(stream.connectionId);
  emulator.events.emit(project, 'stream', 'destroyed', {
    sessionId: session.id,
    projectId: project.apiKey,
    event: 'streamDestroyed',
    reason,
    timestamp: Date.now(),
    stream: eventStreamJson(stream, connection),
  });
  announceChange(session, { type: 'streamDestroyed', stream, reason });
}

/**
 * Removes a connection and its streams and announces it (`connection`/`destroyed`), then the end
 * of its SIP call (`call`/`destroyed`, hung up by the app: 200 OK) for a SIP connection, then
 * `sessionDestroyed` when it was the session's last connection.
 */
export function removeConnection(
  emulator: Emulator,
  project: ProjectState,
  session: SessionState,
  connection: ConnectionState,
  reason: 'clientDisconnected' | 'forceDisconnected' | 'networkDisconnected',
): void {
  for (const stream of [...session.streams.values()]) {
    if (stream.connectionId === connection.id) removeStream(emulator, project, session, stream, reason);
  }
  if (!session.connections.delete(connection.id)) return;
  emulator.events.emit(project, 'connection', 'destroyed', {
    sessionId: session.id,
    projectId: project.apiKey,
    event: 'connectionDestroyed',
    reason,
    timestamp: Date.now(),
    connection: connectionJson(connection),
  });
  announceChange(session, { type: 'connectionDestroyed', connection, reason });
  if (connection.kind === 'sip') announceCall(emulator, project, session, connection, 'destroyed', { reason_code: 200, reason_message: 'OK' });
  if (connection.kind === 'client') onClientDisconnected(emulator, project, session);
  if (session.connections.size === 0) announceSession(emulator, project, session, 'destroyed');
}

/** What a simulated client acts on. */
interface ClientInternals {
  readonly emulator: Emulator;
  readonly project: ProjectState;
  readonly session: SessionState;
  readonly connection: ConnectionState;
  readonly initialLayoutClassList: string[];
}

/**
 * Each simulated client's state, kept off the instance: the published declarations need no ES
 * private field (which a consumer compiling for ES5 rejects).
 */
const clientInternals = new WeakMap<SimulatedClient, ClientInternals>();

function internalsOf(client: SimulatedClient): ClientInternals {
  const internals = clientInternals.get(client);
  if (internals === undefined) throw new TypeError('SimulatedClient member used on another object');
  return internals;
}

/**
 * A client connected to an emulated session with a verified token: it can publish streams and
 * disconnect, as OpenTok.js would, and the emulator sends the callbacks the service would send.
 * Created by `emulator.connectClient()`; `emulator.client(connectionId)` finds it again.
 *
 * @example
 * ```ts
 * const client = emulator.connectClient({ token: session.generateToken(), sessionId: session.sessionId });
 * const streamId = client.publish({ name: 'camera' });
 * opentok.forceDisconnect(session.sessionId, client.connectionId, (err) => {
 *   if (err) return console.error(err);
 *   console.log(client.connected); // false: the stream ended with it
 * });
 * ```
 */
export class SimulatedClient {
  /** @internal Use `emulator.connectClient()`. */
  constructor(
    emulator: Emulator,
    project: ProjectState,
    session: SessionState,
    connection: ConnectionState,
    initialLayoutClassList: string[],
  ) {
    clientInternals.set(this, { emulator, project, session, connection, initialLayoutClassList });
  }

  /** Connection ID (as forceDisconnect, signal and playDTMF take it). */
  get connectionId(): string {
    return internalsOf(this).connection.id;
  }

  /** Session ID. */
  get sessionId(): string {
    return internalsOf(this).session.id;
  }

  /** Role granted by the token: `publisher`, `publisheronly`, `subscriber` or `moderator`. */
  get role(): string {
    return internalsOf(this).connection.role;
  }

  /** Connection data of the token (`''` when it has none). */
  get data(): string {
    return internalsOf(this).connection.data;
  }

  /** False once disconnected (by the client or by forceDisconnect). */
  get connected(): boolean {
    const { session, connection } = internalsOf(this);
    return session.connections.get(connection.id) === connection;
  }

  /**
   * Publishes a stream into the session (a `streamCreated` callback goes out; it starts muted
   * while the session is force-muted).
   *
   * @param options - Name, video type and layout classes; see {@link PublishOptions}.
   * @returns The new stream's ID.
   * @throws {@link EmulatorHttpError} 409 when the client has left, 403 for a `subscriber` token.
   * @example
   * ```ts
   * const streamId = client.publish({ name: 'camera' });
   * ```
   */
  publish(options: PublishOptions = {}): string {
    if (!this.connected) throw new EmulatorHttpError(409, 'The client is not connected');
    if (this.role === 'subscriber') throw new EmulatorHttpError(403, 'A subscriber token cannot publish');
    const { emulator, project, session, connection, initialLayoutClassList } = internalsOf(this);
    const layoutClassList = options.layoutClassList ?? initialLayoutClassList;
    return addStream(emulator, project, session, connection, { ...options, layoutClassList }).id;
  }

  /**
   * Stops publishing one of this client's streams (a `streamDestroyed` callback goes out). A
   * stream that is not this client's, or has already ended, is left alone.
   *
   * @param streamId - The ID `publish` returned.
   */
  unpublish(streamId: string): void {
    const { emulator, project, session, connection } = internalsOf(this);
    const stream = session.streams.get(streamId);
    if (stream?.connectionId === connection.id) {
      removeStream(emulator, project, session, stream, 'clientDisconnected');
    }
  }

  /**
   * Leaves the session: its streams end with it, and the callbacks go out (`streamDestroyed`,
   * `connectionDestroyed`, and `sessionDestroyed` for the last connection). The last client
   * leaving stops the session's archives. Does nothing once the client has left.
   */
  disconnect(): void {
    const { emulator, project, session, connection } = internalsOf(this);
    removeConnection(emulator, project, session, connection, 'clientDisconnected');
  }
}
