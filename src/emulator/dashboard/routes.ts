import jwt from 'jsonwebtoken';
import { objectBody } from '../body';
import type { SimulatedClient } from '../clients';
import { EmulatorHttpError } from '../errors';
import type { Route, RouteContext, RouteResult } from '../router';
import type { ProjectState, SessionState } from '../state';
import { requireLocalHost, requireSameOrigin } from '../origin-guard';
import { watchState } from './live';
import { DASHBOARD_CSP, DASHBOARD_HTML } from './page';
import { emulatorSnapshot } from './snapshot';

/** Connection data of the clients the dashboard connects, so that they are told apart from the app's. */
const DASHBOARD_CLIENT_DATA = 'dashboard';

/** How long a token minted for the dashboard's client is valid, in seconds (it is used at once). */
const TOKEN_TTL_S = 60;

/** The JSON answers of the dashboard: never cached, never sniffed as another type. */
const NO_STORE = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

/** The session with this ID, in whichever project has it, or a 404. */
function findSession(context: RouteContext, sessionId: string): { project: ProjectState; session: SessionState } {
  for (const project of context.emulator.projects.values()) {
    const session = project.sessions.get(sessionId);
    if (session) return { project, session };
  }
  throw new EmulatorHttpError(404, 'Session not found');
}

/**
 * A publisher token for a session of an OpenTok project, signed with the project's secret as the
 * SDK signs one, so that the client connects through the same verification as any other.
 */
function mintToken(project: ProjectState, sessionId: string): string {
  if (project.apiSecret === undefined) {
    throw new EmulatorHttpError(409, "The emulator does not keep a Vonage application's private key: connect a client from your app");
  }
  const now = Math.floor(Date.now() / 1000);
  return jwt.sign(
    {
      iss: project.apiKey,
      ist: 'project',
      iat: now,
      exp: now + TOKEN_TTL_S,
      scope: 'session.connect',
      session_id: sessionId,
      role: 'publisher',
      connection_data: DASHBOARD_CLIENT_DATA,
    },
    project.apiSecret,
    { algorithm: 'HS256' },
  );
}

/** The connected client of the path's connection ID, or a 404. */
function clientOf(context: RouteContext): SimulatedClient {
  const client = context.emulator.client(context.params.connectionId);
  if (!client?.connected) throw new EmulatorHttpError(404, 'Connection not found');
  return client;
}

/**
 * The live dashboard and its API (no OpenTok authentication: a local development tool):
 *
 * - `GET /`: the dashboard page;
 * - `GET /_emulator/state`: the whole state as JSON (an `EmulatorSnapshot`);
 * - `GET /_emulator/state/events`: server-sent events, a `state` event with the snapshot at once
 *   and after each change;
 * - `POST /_emulator/dashboard/sessions/:sessionId/clients`: connects a simulated client
 *   (publisher token, connection data `dashboard`);
 * - `POST /_emulator/dashboard/connections/:connectionId/streams`: the client publishes a stream;
 * - `DELETE /_emulator/dashboard/connections/:connectionId`: the client disconnects.
 *
 * Every one of them refuses a `Host` that is not localhost or an IP address, and the ones that
 * change state refuse requests from another origin (see `requireSameOrigin`).
 */
export const dashboardRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/$/,
    public: true,
    handler: ({ req }: RouteContext): RouteResult => {
      requireLocalHost(req);
      return {
        status: 200,
        raw: { contentType: 'text/html; charset=utf-8', data: DASHBOARD_HTML },
        headers: {
          ...NO_STORE,
          'Content-Security-Policy': DASHBOARD_CSP,
          'X-Frame-Options': 'DENY',
          'Referrer-Policy': 'no-referrer',
        },
      };
    },
  },
  {
    method: 'GET',
    pattern: /^\/_emulator\/state$/,
    public: true,
    handler: ({ emulator, req }: RouteContext): RouteResult => {
      requireLocalHost(req);
      return { status: 200, body: emulatorSnapshot(emulator), headers: NO_STORE };
    },
  },
  {
    method: 'GET',
    pattern: /^\/_emulator\/state\/events$/,
    public: true,
    handler: ({ emulator, req }: RouteContext): RouteResult => {
      requireLocalHost(req);
      // HEAD gets the headers of a stream and no stream: one that never ends would hang it.
      if (req.method === 'HEAD') return { status: 200, raw: { contentType: 'text/event-stream; charset=utf-8', data: Buffer.alloc(0) } };
      return { status: 200, stream: (res) => watchState(emulator, res) };
    },
  },
  {
    method: 'POST',
    pattern: /^\/_emulator\/dashboard\/sessions\/(?<sessionId>[^/]+)\/clients$/,
    public: true,
    handler: (context: RouteContext): RouteResult => {
      requireSameOrigin(context.req);
      const { project, session } = findSession(context, context.params.sessionId);
      const client = context.emulator.connectClient({ token: mintToken(project, session.id), sessionId: session.id });
      return {
        status: 201,
        body: { connectionId: client.connectionId, sessionId: client.sessionId, role: client.role, data: client.data },
        headers: NO_STORE,
      };
    },
  },
  {
    method: 'POST',
    pattern: /^\/_emulator\/dashboard\/connections\/(?<connectionId>[^/]+)\/streams$/,
    public: true,
    handler: (context: RouteContext): RouteResult => {
      requireSameOrigin(context.req);
      const client = clientOf(context);
      const body = context.body === undefined ? {} : objectBody(context.body);
      const name = typeof body.name === 'string' ? body.name : `${client.data || 'dashboard'} stream`;
      return { status: 201, body: { streamId: client.publish({ name }) }, headers: NO_STORE };
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/_emulator\/dashboard\/connections\/(?<connectionId>[^/]+)$/,
    public: true,
    handler: (context: RouteContext): RouteResult => {
      requireSameOrigin(context.req);
      clientOf(context).disconnect();
      return { status: 204, headers: NO_STORE };
    },
  },
];
