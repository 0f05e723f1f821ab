import { objectBody } from '../body';
import { announceForcedMute } from '../calls';
import { removeConnection, streamJson } from '../clients';
import { EmulatorHttpError } from '../errors';
import { projectRoute } from '../router';
import { announceChange, forceMuteStream } from '../session-feed';
import type { Route, RouteContext } from '../router';
import type { SessionState, StreamState } from '../state';
import { connectionOf } from './participants';

function sessionOf(context: RouteContext): SessionState {
  return context.emulator.session(context.project, context.params.sessionId);
}

function streamOf(session: SessionState, streamId: string): StreamState {
  const stream = session.streams.get(streamId);
  if (!stream) throw new EmulatorHttpError(404, 'Stream not found');
  return stream;
}

const MAX_SIGNAL_TYPE = 128;
const MAX_SIGNAL_DATA = 8192;

/**
 * The type and data of a signal, checked as the service checks them: an optional type of at most
 * 128 characters and string data of at most 8 kB (400, 413). The same rule holds for the REST
 * API's signals and for a browser's.
 */
export function signalOf(body: unknown): { type?: string; data: string } {
  const { type, data } = objectBody(body);
  if (type !== undefined && (typeof type !== 'string' || type.length > MAX_SIGNAL_TYPE)) {
    throw new EmulatorHttpError(400, `type must be a string of at most ${MAX_SIGNAL_TYPE} characters`);
  }
  if (typeof data !== 'string') throw new EmulatorHttpError(400, 'data must be a string');
  if (Buffer.byteLength(data) > MAX_SIGNAL_DATA) throw new EmulatorHttpError(413, 'data exceeds 8 kB');
  return { type, data };
}

/**
 * Force-mutes one stream: its publisher turns its audio off (the browsers learn it), and a SIP
 * call's `muteForced` callback goes out.
 */
export function muteStream(context: Pick<RouteContext, 'emulator' | 'project'>, session: SessionState, stream: StreamState): void {
  forceMuteStream(session, stream);
  announceForcedMute(context.emulator, context.project, session, stream);
}

/**
 * Switches the session-wide force-mute on (every stream but the excluded ones is muted, and streams
 * published meanwhile start muted) or off. Every connected browser gets `muteForced` either way.
 */
export function muteSession(
  context: Pick<RouteContext, 'emulator' | 'project'>,
  session: SessionState,
  active: boolean,
  excludedStreamIds: string[],
): void {
  session.muteAll = { active, excludedStreamIds: [...excludedStreamIds] };
  announceChange(session, { type: 'sessionMuteForced', active });
  if (!active) return;
  for (const stream of session.streams.values()) {
    if (excludedStreamIds.includes(stream.id)) stream.muted = false;
    else muteStream(context, session, stream);
  }
}

/** Streams (get, list, class lists), moderation (force disconnect, force mute) and signaling. */
export const sessionMemberRoutes: Route[] = [
  {
    method: 'GET',
    pattern: projectRoute('/session/(?<sessionId>[^/]+)/stream/(?<streamId>[^/]+)'),
    handler: (context) => ({ status: 200, body: streamJson(streamOf(sessionOf(context), context.params.streamId)) }),
  },
  {
    method: 'GET',
    pattern: projectRoute('/session/(?<sessionId>[^/]+)/stream'),
    handler: (context) => {
      const items = [...sessionOf(context).streams.values()].map(streamJson);
      return { status: 200, body: { count: items.length, items } };
    },
  },
  {
    method: 'PUT',
    pattern: projectRoute('/session/(?<sessionId>[^/]+)/stream'),
    handler: (context) => {
      const session = sessionOf(context);
      const items = objectBody(context.body).items;
      if (!Array.isArray(items)) throw new EmulatorHttpError(400, 'items must be an array');
      const updates = items.map((item: unknown) => {
        const { id, layoutClassList } = objectBody(item);
        if (typeof id !== 'string' || !Array.isArray(layoutClassList) || layoutClassList.some((c) => typeof c !== 'string')) {
          throw new EmulatorHttpError(400, 'Each item needs an id and a layoutClassList of strings');
        }
        return { stream: streamOf(session, id), layoutClassList: layoutClassList as string[] };
      });
      for (const { stream, layoutClassList } of updates) stream.layoutClassList = [...layoutClassList];
      return { status: 200 };
    },
  },
  {
    method: 'POST',
    pattern: projectRoute('/session/(?<sessionId>[^/]+)/stream/(?<streamId>[^/]+)/mute'),
    handler: (context) => {
      const session = sessionOf(context);
      const stream = streamOf(session, context.params.streamId);
      muteStream(context, session, stream);
      return { status: 200, body: { applicationId: context.project.apiKey, status: 'ACTIVE', name: '', environment: 'standard', createdAt: session.createdAt } };
    },
  },
  {
    method: 'POST',
    pattern: projectRoute('/session/(?<sessionId>[^/]+)/mute'),
    handler: (context) => {
      const session = sessionOf(context);
      const body = objectBody(context.body);
      if (typeof body.active !== 'boolean') throw new EmulatorHttpError(400, 'active must be a boolean');
      const excluded = body.excludedStreamIds === undefined ? [] : body.excludedStreamIds;
      if (!Array.isArray(excluded) || excluded.some((id) => typeof id !== 'string')) {
        throw new EmulatorHttpError(400, 'excludedStreamIds must be an array of stream IDs');
      }
      muteSession(context, session, body.active, excluded as string[]);
      return { status: 200, body: { applicationId: context.project.apiKey, status: 'ACTIVE', name: '', environment: 'standard', createdAt: session.createdAt } };
    },
  },
  {
    method: 'DELETE',
    pattern: projectRoute('/session/(?<sessionId>[^/]+)/connection/(?<connectionId>[^/]+)'),
    handler: (context) => {
      const session = sessionOf(context);
      const connection = connectionOf(session, context.params.connectionId);
      removeConnection(context.emulator, context.project, session, connection, 'forceDisconnected');
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    pattern: projectRoute('/session/(?<sessionId>[^/]+)(?:/connection/(?<connectionId>[^/]+))?/signal'),
    handler: (context) => {
      const session = sessionOf(context);
      if (context.params.connectionId !== undefined) connectionOf(session, context.params.connectionId);
      const { type, data } = signalOf(context.body);
      // To the connected browsers (the stand-in's `signal` events); from the server, so no sender.
      announceChange(session, { type: 'signal', signalType: type, data, to: context.params.connectionId });
      return { status: 204 };
    },
  },
];
