import { objectBody } from '../body';
import { announceForcedMute } from '../calls';
import { removeConnection, streamJson } from '../clients';
import { EmulatorHttpError } from '../errors';
import { projectRoute } from '../router';
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
      stream.muted = true;
      announceForcedMute(context.emulator, context.project, session, stream);
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
      session.muteAll = { active: body.active, excludedStreamIds: excluded as string[] };
      if (body.active) {
        for (const stream of session.streams.values()) {
          stream.muted = !excluded.includes(stream.id);
          if (stream.muted) announceForcedMute(context.emulator, context.project, session, stream);
        }
      }
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
      const { type, data } = objectBody(context.body);
      if (type !== undefined && (typeof type !== 'string' || type.length > MAX_SIGNAL_TYPE)) {
        throw new EmulatorHttpError(400, `type must be a string of at most ${MAX_SIGNAL_TYPE} characters`);
      }
      if (typeof data !== 'string') throw new EmulatorHttpError(400, 'data must be a string');
      if (Buffer.byteLength(data) > MAX_SIGNAL_DATA) throw new EmulatorHttpError(413, 'data exceeds 8 kB');
      return { status: 204 };
    },
  },
];
