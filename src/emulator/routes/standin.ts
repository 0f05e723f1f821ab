import { readFileSync } from 'fs';
import { join } from 'path';
import { objectBody, requiredString } from '../body';
import { EmulatorHttpError } from '../errors';
import type { Route, RouteContext } from '../router';
import { announceChange } from '../session-feed';
import {
  BrowserConnectRefusal,
  attachEvents,
  browserLink,
  connectBrowser,
  forceDisconnectFromBrowser,
  forceMuteTarget,
  forceUnpublishFromBrowser,
  publishFromBrowser,
  setBrowserStreamMedia,
  unpublishFromBrowser,
} from '../standin';
import { muteSession, muteStream, signalOf } from './moderation';

/** The built stand-in, next to the compiled routes (`dist/emulator/browser/opentok.js`), read once. */
let script: Buffer | undefined;

function standInScript(): Buffer {
  if (script === undefined) {
    try {
      script = readFileSync(join(__dirname, '..', 'browser', 'opentok.js'));
    } catch {
      throw new EmulatorHttpError(500, 'The OpenTok.js stand-in is not built: run `npm run build`');
    }
  }
  return script;
}

/** The path of one browser connection's endpoints. */
function clientPath(rest = ''): RegExp {
  return new RegExp(`^/_emulator/clients/(?<connectionId>[^/]+)${rest}$`);
}

/** The browser link of the path's connection, with the key of the query string. */
function linkOf(context: RouteContext): ReturnType<typeof browserLink> {
  return browserLink(context.emulator, context.params.connectionId, context.query.get('key'));
}

function optionalBoolean(body: Record<string, unknown>, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new EmulatorHttpError(400, `${field} must be a boolean`);
  return value;
}

/**
 * The OpenTok.js stand-in: `GET /_emulator/opentok.js` serves the script, which defines
 * `window.OT`; its sessions connect with `POST /_emulator/clients` `{apiKey, sessionId, token}`
 * (201 `{connectionId, key, role, data, ...}`, or 403/404 `{code, reason, message}` for a refused
 * token), listen on `GET /_emulator/clients/:connectionId/events?key=` (server-sent events), and
 * act with the key: `POST .../streams` (publish), `PATCH`/`DELETE .../streams/:streamId`
 * (publishAudio/publishVideo, unpublish), `POST .../signal`, `POST .../force-disconnect`,
 * `POST .../force-unpublish`, `POST .../force-mute`, `DELETE /_emulator/clients/:connectionId`
 * (disconnect). Pages on local origins may call these cross-origin (see cors.ts).
 */
export const standInRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/_emulator\/opentok\.js$/,
    public: true,
    handler: () => ({
      status: 200,
      raw: { contentType: 'application/javascript; charset=utf-8', data: standInScript() },
      headers: { 'Cache-Control': 'no-cache' },
    }),
  },
  {
    // CORS preflight; the headers themselves are added for every response of these paths.
    method: 'OPTIONS',
    pattern: /^\/_emulator\/(?:opentok\.js|clients(?:\/[^/]+(?:\/events|\/streams(?:\/[^/]+)?|\/signal|\/force-disconnect|\/force-unpublish|\/force-mute)?)?)$/,
    public: true,
    handler: () => ({ status: 204 }),
  },
  {
    method: 'POST',
    pattern: /^\/_emulator\/clients$/,
    public: true,
    handler: (context) => {
      const body = objectBody(context.body);
      const request = {
        apiKey: requiredString(body, 'apiKey'),
        sessionId: requiredString(body, 'sessionId'),
        token: typeof body.token === 'string' ? body.token : '',
      };
      try {
        return { status: 201, body: connectBrowser(context.emulator, request) };
      } catch (error) {
        if (error instanceof BrowserConnectRefusal) {
          return { status: error.status, body: { code: error.status, reason: error.reason, message: error.message } };
        }
        throw error;
      }
    },
  },
  {
    method: 'GET',
    pattern: clientPath('/events'),
    public: true,
    handler: (context) => {
      const link = linkOf(context);
      return { status: 200, stream: (res) => attachEvents(context.emulator, link, res) };
    },
  },
  {
    method: 'POST',
    pattern: clientPath('/streams'),
    public: true,
    handler: (context) => {
      const link = linkOf(context);
      const body = context.body === undefined ? {} : objectBody(context.body);
      const videoType = body.videoType === 'screen' || body.videoType === 'custom' ? body.videoType : 'camera';
      const stream = publishFromBrowser(link, {
        name: typeof body.name === 'string' ? body.name : '',
        videoType,
        hasAudio: optionalBoolean(body, 'hasAudio') ?? true,
        hasVideo: optionalBoolean(body, 'hasVideo') ?? true,
      });
      return { status: 201, body: stream };
    },
  },
  {
    method: 'PATCH',
    pattern: clientPath('/streams/(?<streamId>[^/]+)'),
    public: true,
    handler: (context) => {
      const body = objectBody(context.body);
      setBrowserStreamMedia(linkOf(context), context.params.streamId, {
        hasAudio: optionalBoolean(body, 'hasAudio'),
        hasVideo: optionalBoolean(body, 'hasVideo'),
      });
      return { status: 204 };
    },
  },
  {
    method: 'DELETE',
    pattern: clientPath('/streams/(?<streamId>[^/]+)'),
    public: true,
    handler: (context) => {
      unpublishFromBrowser(linkOf(context), context.params.streamId);
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    pattern: clientPath('/signal'),
    public: true,
    handler: (context) => {
      const link = linkOf(context);
      const { type, data } = signalOf(context.body);
      const to = objectBody(context.body).to;
      if (to !== undefined && (typeof to !== 'string' || !link.session.connections.has(to))) {
        throw new EmulatorHttpError(404, 'The recipient connection is not in the session');
      }
      announceChange(link.session, { type: 'signal', signalType: type, data, from: link.connection, to });
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    pattern: clientPath('/force-disconnect'),
    public: true,
    handler: (context) => {
      const link = linkOf(context);
      forceDisconnectFromBrowser(context.emulator, link, requiredString(objectBody(context.body), 'connectionId'));
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    pattern: clientPath('/force-unpublish'),
    public: true,
    handler: (context) => {
      const link = linkOf(context);
      forceUnpublishFromBrowser(context.emulator, link, requiredString(objectBody(context.body), 'streamId'));
      return { status: 204 };
    },
  },
  {
    // `{streamId}` mutes one stream; `{active, excludedStreamIds}` switches the session-wide mute.
    method: 'POST',
    pattern: clientPath('/force-mute'),
    public: true,
    handler: (context) => {
      const link = linkOf(context);
      const body = objectBody(context.body);
      const streamId = typeof body.streamId === 'string' ? body.streamId : undefined;
      const stream = forceMuteTarget(link, streamId);
      const target = { emulator: context.emulator, project: link.project };
      if (stream) {
        muteStream(target, link.session, stream);
      } else {
        const excluded = body.excludedStreamIds ?? [];
        if (!Array.isArray(excluded) || excluded.some((id) => typeof id !== 'string')) {
          throw new EmulatorHttpError(400, 'excludedStreamIds must be an array of stream IDs');
        }
        muteSession(target, link.session, body.active !== false, excluded as string[]);
      }
      return { status: 204 };
    },
  },
  {
    method: 'DELETE',
    pattern: clientPath(),
    public: true,
    handler: (context) => {
      linkOf(context).client.disconnect();
      return { status: 204 };
    },
  },
];
