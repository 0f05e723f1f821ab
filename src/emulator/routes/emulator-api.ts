import { objectBody, requiredString } from '../body';
import type { SimulatedClient } from '../clients';
import { ClientConnectError, EmulatorHttpError } from '../errors';
import { requireSameOrigin } from '../origin-guard';
import type { Route, RouteContext } from '../router';

/** The connected client of the path's connection ID, wherever it connected from, or a 404. */
function clientOf(context: RouteContext): SimulatedClient {
  const client = context.emulator.client(context.params.connectionId);
  if (!client?.connected) throw new EmulatorHttpError(404, 'Connection not found');
  return client;
}

/**
 * The emulator's own HTTP API, for processes that drive the CLI emulator (no OpenTok auth):
 * `POST /_emulator/connections` `{token, sessionId?}` connects a simulated client,
 * `POST /_emulator/connections/:id/streams` `{name?, videoType?}` publishes,
 * `DELETE /_emulator/connections/:id` disconnects, `GET /_emulator/project` gives the credentials.
 * Like the dashboard's buttons, the three that change state refuse requests a browser says come
 * from another origin: any web page could otherwise send them (as a form post) through the
 * visitor's browser.
 */
export const emulatorApiRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/_emulator\/project$/,
    public: true,
    handler: ({ emulator }) => ({ status: 200, body: { ...emulator.project, apiUrl: emulator.url } }),
  },
  {
    method: 'POST',
    pattern: /^\/_emulator\/connections$/,
    public: true,
    handler: (context) => {
      requireSameOrigin(context.req);
      const body = objectBody(context.body);
      const token = requiredString(body, 'token');
      const sessionId = typeof body.sessionId === 'string' ? body.sessionId : undefined;
      let client: SimulatedClient;
      try {
        client = context.emulator.connectClient({ token, sessionId });
      } catch (error) {
        if (error instanceof ClientConnectError) {
          return { status: 403, body: { code: 403, reason: error.code, message: error.message } };
        }
        throw error;
      }
      return {
        status: 201,
        body: { connectionId: client.connectionId, sessionId: client.sessionId, role: client.role, data: client.data },
      };
    },
  },
  {
    method: 'POST',
    pattern: /^\/_emulator\/connections\/(?<connectionId>[^/]+)\/streams$/,
    public: true,
    handler: (context) => {
      requireSameOrigin(context.req);
      const client = clientOf(context);
      const body = context.body === undefined ? {} : objectBody(context.body);
      const videoType = body.videoType === 'screen' || body.videoType === 'custom' ? body.videoType : 'camera';
      const name = typeof body.name === 'string' ? body.name : undefined;
      return { status: 201, body: { streamId: client.publish({ name, videoType }) } };
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/_emulator\/connections\/(?<connectionId>[^/]+)$/,
    public: true,
    handler: (context) => {
      requireSameOrigin(context.req);
      clientOf(context).disconnect();
      return { status: 204 };
    },
  },
];
