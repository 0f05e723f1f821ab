import { randomBytes } from 'crypto';
import type { ServerResponse } from 'http';
import type { SimulatedClient } from './clients';
import { removeConnection, removeStream } from './clients';
import { ClientConnectError, EmulatorHttpError } from './errors';
import type { Emulator } from './emulator';
import { publishWithMedia, setStreamMedia, streamMedia, watchSession } from './session-feed';
import type { SessionChange } from './session-feed';
import { EventStream } from './sse';
import type { ConnectionState, ProjectState, SessionState, StreamState } from './state';

/**
 * The emulator's side of the OpenTok.js stand-in (`/_emulator/opentok.js`): each browser that
 * connects gets a client connection, verified and announced like any other (it is a
 * `SimulatedClient`, so `emulator.client(id)` finds it), and a server-sent-events stream on which
 * everything that happens in its session reaches it. The browser acts through `fetch` calls that
 * carry the secret key its connect answer gave it, so that knowing another participant's
 * connection ID (every participant does) is not enough to act as that participant.
 */

/** How long a connected browser has to open its event stream before its connection is dropped. */
const ATTACH_TIMEOUT_MS = 10000;

/** One browser's connection. */
interface BrowserLink {
  readonly key: string;
  readonly client: SimulatedClient;
  readonly project: ProjectState;
  readonly session: SessionState;
  readonly connection: ConnectionState;
  events?: EventStream;
  stopWatching: () => void;
}

/** The browsers of each emulator, by connection ID. */
const linksOf = new WeakMap<Emulator, Map<string, BrowserLink>>();

function links(emulator: Emulator): Map<string, BrowserLink> {
  let map = linksOf.get(emulator);
  if (map === undefined) {
    map = new Map();
    linksOf.set(emulator, map);
  }
  return map;
}

/** A connection as the stand-in builds its `Connection` objects. */
function connectionWire(connection: ConnectionState): Record<string, unknown> {
  return { id: connection.id, creationTime: connection.createdAt, data: connection.data, kind: connection.kind };
}

/** A stream as the stand-in builds its `Stream` objects. */
function streamWire(session: SessionState, stream: StreamState): Record<string, unknown> {
  const connection = session.connections.get(stream.connectionId);
  return {
    id: stream.id,
    connection: connection ? connectionWire(connection) : { id: stream.connectionId, creationTime: 0, data: '' },
    name: stream.name,
    videoType: stream.videoType,
    creationTime: stream.createdAt,
    ...streamMedia(session, stream),
  };
}

/** Why a browser's connect is refused, as the answer to `POST /_emulator/clients` says it. */
export class BrowserConnectRefusal extends EmulatorHttpError {
  /** The machine-readable reason (a `ClientConnectError` code, or `wrong-api-key`). */
  readonly reason: string;

  /**
   * @param status - 403, or 404 for a session that does not exist.
   * @param reason - The machine-readable reason.
   * @param message - The human-readable reason.
   */
  constructor(status: number, reason: string, message: string) {
    super(status, message);
    this.name = 'BrowserConnectRefusal';
    this.reason = reason;
  }
}

/**
 * Connects a browser: the session must exist (404) and belong to `apiKey` (OpenTok.js refuses a
 * session or token of another API key), and the token is verified as for any client (403).
 *
 * @returns What the browser needs: its connection ID, the key of its later calls, its role and data.
 */
export function connectBrowser(
  emulator: Emulator,
  request: { apiKey: string; sessionId: string; token: string },
): Record<string, unknown> {
  const owner = [...emulator.projects.values()].find((project) => project.sessions.has(request.sessionId));
  if (owner === undefined) throw new BrowserConnectRefusal(404, 'unknown-session', 'The session does not exist');
  if (owner.apiKey !== request.apiKey) {
    throw new BrowserConnectRefusal(403, 'wrong-api-key', 'Authentication Error: The API key does not match the token or session.');
  }
  let client: SimulatedClient;
  try {
    client = emulator.connectClient({ token: request.token, sessionId: request.sessionId });
  } catch (error) {
    if (error instanceof ClientConnectError) {
      throw new BrowserConnectRefusal(error.code === 'unknown-session' ? 404 : 403, error.code, error.message);
    }
    throw error;
  }
  // The token is the session's (connectClient checked it), so its project is the session's.
  const project = owner;
  const session = project.sessions.get(client.sessionId);
  const connection = session?.connections.get(client.connectionId);
  if (!session || !connection) throw new EmulatorHttpError(500, 'The new connection is missing');
  const link: BrowserLink = {
    key: randomBytes(16).toString('hex'),
    client,
    project,
    session,
    connection,
    stopWatching: () => undefined,
  };
  link.stopWatching = watchSession(session, (change) => forward(emulator, link, change));
  links(emulator).set(connection.id, link);
  emulator.schedule(ATTACH_TIMEOUT_MS, () => {
    // The page went away before it could listen: the connection is lost, as a dropped network is.
    if (link.events === undefined && client.connected) {
      removeConnection(emulator, project, session, connection, 'networkDisconnected');
    }
  });
  return {
    connectionId: connection.id,
    key: link.key,
    sessionId: session.id,
    role: connection.role,
    data: connection.data,
    creationTime: connection.createdAt,
  };
}

/** True when a web page holds the connection, through the OpenTok.js stand-in. */
export function isBrowserConnection(emulator: Emulator, connectionId: string): boolean {
  return links(emulator).has(connectionId);
}

/** The browser of a connection, given the key its connect answer gave it; a 404 otherwise. */
export function browserLink(emulator: Emulator, connectionId: string, key: string | null): BrowserLink {
  const link = links(emulator).get(connectionId);
  if (link === undefined || key !== link.key || !link.client.connected) {
    throw new EmulatorHttpError(404, 'Connection not found');
  }
  return link;
}

/** Ends a browser's link: no more events, and its stream closes. */
function unlink(emulator: Emulator, link: BrowserLink): void {
  link.stopWatching();
  links(emulator).delete(link.connection.id);
  link.events?.close();
}

/**
 * Opens the browser's event stream on `res`: first a `snapshot` of the session (its connection,
 * role, the session's connections, streams and recording archives, and whether it is
 * force-muted), then each change. When the stream closes (the tab is closed or navigates away)
 * the browser leaves the session.
 */
export function attachEvents(emulator: Emulator, link: BrowserLink, res: ServerResponse): void {
  if (link.events !== undefined) throw new EmulatorHttpError(409, 'The event stream is already open');
  const events = new EventStream(res);
  link.events = events;
  const { project, session, connection } = link;
  events.send('snapshot', {
    connection: connectionWire(connection),
    role: connection.role,
    connections: [...session.connections.values()].map(connectionWire),
    streams: [...session.streams.values()].map((stream) => streamWire(session, stream)),
    archives: [...project.archives.values()]
      .filter((archive) => archive.sessionId === session.id && archive.status === 'started')
      .map((archive) => ({ id: archive.id, name: typeof archive.name === 'string' ? archive.name : '' })),
    muteAll: session.muteAll.active,
  });
  events.onClose(() => {
    if (link.client.connected) link.client.disconnect();
    unlink(emulator, link);
  });
}

/** Sends one change of the session to one browser, as the events its stand-in dispatches. */
function forward(emulator: Emulator, link: BrowserLink, change: SessionChange): void {
  const events = link.events;
  const own = link.connection.id;
  switch (change.type) {
    case 'connectionCreated':
      events?.send('connectionCreated', { connection: connectionWire(change.connection) });
      return;
    case 'connectionDestroyed':
      if (change.connection.id === own) {
        events?.send('sessionDisconnected', { reason: change.reason });
        unlink(emulator, link);
      } else {
        events?.send('connectionDestroyed', { connection: connectionWire(change.connection), reason: change.reason });
      }
      return;
    case 'streamCreated':
      events?.send('streamCreated', { stream: streamWire(link.session, change.stream) });
      return;
    case 'streamDestroyed':
      events?.send('streamDestroyed', { stream: streamWire(link.session, change.stream), reason: change.reason });
      return;
    case 'streamPropertyChanged':
      events?.send('streamPropertyChanged', {
        streamId: change.stream.id,
        changedProperty: change.changedProperty,
        oldValue: change.oldValue,
        newValue: change.newValue,
      });
      return;
    case 'streamMuteForced':
      if (change.stream.connectionId === own) events?.send('publisherMuteForced', { streamId: change.stream.id });
      return;
    case 'sessionMuteForced':
      events?.send('muteForced', { active: change.active });
      return;
    case 'signal':
      if (change.to === undefined || change.to === own) {
        events?.send('signal', {
          type: change.signalType ?? '',
          data: change.data,
          from: change.from ? connectionWire(change.from) : null,
        });
      }
      return;
    case 'archiveStarted':
    case 'archiveStopped':
      events?.send(change.type, { id: change.id, name: change.name });
      return;
  }
}

/** The capability a moderator-only action needs, or a 403. */
function requireModerator(link: BrowserLink, action: string): void {
  if (link.connection.role !== 'moderator') {
    throw new EmulatorHttpError(403, `This token does not allow ${action}. The role must be at least \`moderator\``);
  }
}

/** A stream of the browser's session, or a 404. */
function sessionStream(link: BrowserLink, streamId: string): StreamState {
  const stream = link.session.streams.get(streamId);
  if (!stream) throw new EmulatorHttpError(404, 'Stream not found');
  return stream;
}

/**
 * Publishes the browser's stream, with its name, video type and whether it sends audio and video.
 *
 * @returns The stream as the stand-in builds its `Stream` object.
 */
export function publishFromBrowser(
  link: BrowserLink,
  options: { name: string; videoType: 'camera' | 'screen' | 'custom'; hasAudio: boolean; hasVideo: boolean },
): Record<string, unknown> {
  const { session, connection, client } = link;
  if (connection.role === 'subscriber') {
    throw new EmulatorHttpError(403, 'This token does not allow publishing. The role must be at least `publisher` to enable this functionality');
  }
  const stream = publishWithMedia(connection, options, () => {
    const created = sessionStream(link, client.publish({ name: options.name, videoType: options.videoType }));
    streamMedia(session, created);
    return created;
  });
  return streamWire(session, stream);
}

/** Stops publishing one of the browser's streams (the others see `clientDisconnected`, as for OpenTok.js). */
export function unpublishFromBrowser(link: BrowserLink, streamId: string): void {
  const stream = sessionStream(link, streamId);
  if (stream.connectionId !== link.connection.id) throw new EmulatorHttpError(403, 'Not this connection\'s stream');
  link.client.unpublish(streamId);
}

/** Turns the audio or video of one of the browser's streams on or off (`publishAudio`, `publishVideo`). */
export function setBrowserStreamMedia(link: BrowserLink, streamId: string, changes: { hasAudio?: boolean; hasVideo?: boolean }): void {
  const stream = sessionStream(link, streamId);
  if (stream.connectionId !== link.connection.id) throw new EmulatorHttpError(403, 'Not this connection\'s stream');
  setStreamMedia(link.session, stream, changes);
}

/** A moderator's `forceDisconnect`: the connection leaves with the reason `forceDisconnected`. */
export function forceDisconnectFromBrowser(emulator: Emulator, link: BrowserLink, connectionId: string): void {
  requireModerator(link, 'forceDisconnect');
  const target = link.session.connections.get(connectionId);
  if (!target) throw new EmulatorHttpError(404, 'Connection not found');
  removeConnection(emulator, link.project, link.session, target, 'forceDisconnected');
}

/** A moderator's `forceUnpublish`: the stream ends with the reason `forceUnpublished`. */
export function forceUnpublishFromBrowser(emulator: Emulator, link: BrowserLink, streamId: string): void {
  requireModerator(link, 'forceUnpublish');
  removeStream(emulator, link.project, link.session, sessionStream(link, streamId), 'forceUnpublished');
}

/** Checks that the browser may force-mute, and finds the stream to mute when one is named. */
export function forceMuteTarget(link: BrowserLink, streamId: string | undefined): StreamState | undefined {
  requireModerator(link, 'forceMute');
  return streamId === undefined ? undefined : sessionStream(link, streamId);
}
