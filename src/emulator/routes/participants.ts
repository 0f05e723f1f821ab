import { objectBody, requiredString } from '../body';
import { announceCall, announceForcedMute } from '../calls';
import { addConnection, addStream } from '../clients';
import { verifyClientToken } from '../client-tokens';
import { ClientConnectError, EmulatorHttpError } from '../errors';
import { projectRoute } from '../router';
import type { Route, RouteContext } from '../router';
import type { ConnectionState, SessionState } from '../state';
import { newId } from '../state';

/** Verifies the token a server-side participant (SIP, audio connector, render, captions) joins with. */
export function joinWithToken(context: RouteContext, session: SessionState, token: unknown): { role: string; data: string } {
  if (typeof token !== 'string') throw new EmulatorHttpError(400, 'token is required');
  try {
    return verifyClientToken(context.project, token, session.id, Math.floor(context.emulator.nowMs() / 1000));
  } catch (error) {
    if (error instanceof ClientConnectError) throw new EmulatorHttpError(400, `Invalid token: ${error.message}`);
    throw error;
  }
}

function connectionOf(session: SessionState, connectionId: string): ConnectionState {
  const connection = session.connections.get(connectionId);
  if (!connection) throw new EmulatorHttpError(404, 'Connection not found');
  return connection;
}

const DTMF_DIGITS = /^[0-9*#p]+$/;

/** SIP dial and DTMF, and the audio connector (WebSocket connect). */
export const participantRoutes: Route[] = [
  {
    method: 'POST',
    pattern: projectRoute('/dial'),
    handler: (context) => {
      const body = objectBody(context.body);
      const session = context.emulator.session(context.project, requiredString(body, 'sessionId'));
      const grant = joinWithToken(context, session, body.token);
      const sip = objectBody(body.sip);
      const uri = requiredString(sip, 'uri');
      if (!/^sips?:[^@\s]+@[^@\s]+$/.test(uri)) throw new EmulatorHttpError(400, 'Invalid SIP URI (sip:user@domain.tld)');
      if (session.mediaMode !== 'routed') throw new EmulatorHttpError(409, 'SIP calls require a routed session');
      const { emulator, project } = context;
      const callId = newId();
      const connection = addConnection(emulator, project, session, { kind: 'sip', role: grant.role, data: grant.data, callId });
      // The emulated far end answers at once.
      announceCall(emulator, project, session, connection, 'created');
      announceCall(emulator, project, session, connection, 'updated', { state: 'answered' });
      const stream = addStream(emulator, project, session, connection, {
        name: typeof sip.from === 'string' ? sip.from : 'SIP call',
        layoutClassList: [],
      });
      // A call joining while the session is muted (forceMuteAll) is muted by it.
      if (stream.muted) announceForcedMute(emulator, project, session, stream);
      return { status: 200, body: { id: callId, connectionId: connection.id, streamId: stream.id } };
    },
  },
  {
    method: 'POST',
    pattern: projectRoute('/session/(?<sessionId>[^/]+)(?:/connection/(?<connectionId>[^/]+))?/play-dtmf'),
    handler: (context) => {
      const session = context.emulator.session(context.project, context.params.sessionId);
      if (context.params.connectionId !== undefined) connectionOf(session, context.params.connectionId);
      const digits = objectBody(context.body).digits;
      if (typeof digits !== 'string' || !DTMF_DIGITS.test(digits)) {
        throw new EmulatorHttpError(400, 'digits must contain only 0-9, *, # and p');
      }
      return { status: 200 };
    },
  },
  {
    method: 'POST',
    pattern: projectRoute('/connect'),
    handler: (context) => {
      const body = objectBody(context.body);
      const session = context.emulator.session(context.project, requiredString(body, 'sessionId'));
      const grant = joinWithToken(context, session, body.token);
      const websocket = objectBody(body.websocket);
      const uri = requiredString(websocket, 'uri');
      if (!/^wss?:\/\//.test(uri)) throw new EmulatorHttpError(400, 'websocket.uri must be a ws:// or wss:// URL');
      if (session.mediaMode !== 'routed') throw new EmulatorHttpError(409, 'The audio connector requires a routed session');
      const connection = addConnection(context.emulator, context.project, session, {
        kind: 'websocket',
        role: grant.role,
        data: grant.data,
      });
      return { status: 200, body: { id: newId(), connectionId: connection.id } };
    },
  },
];

export { connectionOf };
