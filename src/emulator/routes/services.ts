import { VIDEO_RESOLUTIONS, objectBody, page, requiredString } from '../body';
import { addConnection, removeConnection } from '../clients';
import { EmulatorHttpError } from '../errors';
import { projectRoute } from '../router';
import type { Route, RouteContext } from '../router';
import type { JsonRecord } from '../state';
import { newId } from '../state';
import { joinWithToken } from './participants';

const RESOLUTIONS: ReadonlySet<string> = new Set(VIDEO_RESOLUTIONS);
const CALLBACK_GROUPS = new Set(['session', 'connection', 'stream', 'call', 'archive', 'broadcast', 'render', 'captions']);

/**
 * A render's status change, as the service reports it: the render's ID, session, stream, status
 * and the reason (`''` while none), nothing else; to its `statusCallbackUrl` when startRender gave
 * one, else to the project's `render`/`status` callbacks.
 */
function reportRender(context: RouteContext, render: JsonRecord): void {
  const { id, sessionId, streamId, status, reason } = render;
  const payload = { id, sessionId, streamId, status, reason: reason ?? '' };
  if (typeof render.callbackUrl === 'string') context.emulator.events.send(render.callbackUrl, payload);
  else context.emulator.events.emit(context.project, 'render', 'status', payload);
}

/** A live captions status change (`Started`, `Stopped`), to the project's `captions`/`status` callbacks. */
function reportCaptions(context: RouteContext, captions: JsonRecord): void {
  const createdAt = Number(captions.createdAt);
  const updatedAt = Number(captions.updatedAt);
  context.emulator.events.emit(context.project, 'captions', 'status', {
    captionId: captions.captionsId,
    projectId: context.project.apiKey,
    sessionId: captions.sessionId,
    status: captions.status === 'started' ? 'Started' : 'Stopped',
    createdAt,
    updatedAt,
    duration: Math.round((updatedAt - createdAt) / 1000),
    languageCode: captions.languageCode,
    provider: 'aws-transcribe',
    group: 'captions',
  });
}

function renderOf({ project, params }: RouteContext): JsonRecord {
  const render = project.renders.get(params.renderId);
  if (!render) throw new EmulatorHttpError(404, 'Render not found');
  return render;
}

/** Live captions, Experience Composer renders and the registration of event callbacks. */
export const serviceRoutes: Route[] = [
  {
    method: 'POST',
    pattern: projectRoute('/captions'),
    handler: (context) => {
      const body = objectBody(context.body);
      const session = context.emulator.session(context.project, requiredString(body, 'sessionId'));
      joinWithToken(context, session, body.token);
      if (body.languageCode !== undefined && body.languageCode !== 'en-US') {
        throw new EmulatorHttpError(400, 'Unsupported languageCode');
      }
      const maxDuration = body.maxDuration === undefined ? 14400 : body.maxDuration;
      if (typeof maxDuration !== 'number' || maxDuration < 300 || maxDuration > 14400) {
        throw new EmulatorHttpError(400, 'maxDuration must be between 300 and 14400 seconds');
      }
      if (session.mediaMode !== 'routed') throw new EmulatorHttpError(400, 'Live captions require a routed session');
      if (session.captionsId !== undefined) {
        throw new EmulatorHttpError(409, 'Live captions have already started for this OpenTok Session');
      }
      const captionsId = newId();
      session.captionsId = captionsId;
      const now = Date.now();
      const captions = { captionsId, sessionId: session.id, status: 'started', languageCode: 'en-US', createdAt: now, updatedAt: now };
      context.project.captions.set(captionsId, captions);
      reportCaptions(context, captions);
      return { status: 202, body: { captionsId } };
    },
  },
  {
    method: 'POST',
    pattern: projectRoute('/captions/(?<captionsId>[^/]+)/stop'),
    handler: (context) => {
      const captions = context.project.captions.get(context.params.captionsId);
      if (!captions || captions.status !== 'started') throw new EmulatorHttpError(404, 'Captions not found');
      captions.status = 'stopped';
      captions.updatedAt = Date.now();
      const session = context.project.sessions.get(String(captions.sessionId));
      if (session) session.captionsId = undefined;
      reportCaptions(context, captions);
      return { status: 202 };
    },
  },
  {
    method: 'POST',
    pattern: projectRoute('/render'),
    handler: (context) => {
      const body = objectBody(context.body);
      const session = context.emulator.session(context.project, requiredString(body, 'sessionId'));
      const grant = joinWithToken(context, session, body.token);
      const url = requiredString(body, 'url');
      if (!/^https?:\/\//.test(url)) throw new EmulatorHttpError(400, 'url must be an http(s) URL');
      const resolution = body.resolution === undefined ? '1280x720' : body.resolution;
      if (typeof resolution !== 'string' || !RESOLUTIONS.has(resolution)) throw new EmulatorHttpError(400, 'Invalid resolution');
      const connection = addConnection(context.emulator, context.project, session, { kind: 'render', role: grant.role, data: grant.data });
      const now = Date.now();
      const render: JsonRecord = {
        id: newId(),
        sessionId: session.id,
        projectId: context.project.apiKey,
        createdAt: now,
        updatedAt: now,
        url,
        resolution,
        status: 'started',
        streamId: newId(),
        ...(typeof body.statusCallbackUrl === 'string' ? { callbackUrl: body.statusCallbackUrl } : {}),
      };
      Object.defineProperty(render, 'connectionId', { value: connection.id });
      context.project.renders.set(String(render.id), render);
      reportRender(context, render);
      return { status: 202, body: render };
    },
  },
  {
    method: 'GET',
    pattern: projectRoute('/render/(?<renderId>[^/]+)'),
    handler: (context) => ({ status: 200, body: renderOf(context) }),
  },
  {
    method: 'GET',
    pattern: projectRoute('/render'),
    handler: ({ project, query }) => ({ status: 200, body: page([...project.renders.values()].reverse(), query) }),
  },
  {
    method: 'DELETE',
    pattern: projectRoute('/render/(?<renderId>[^/]+)'),
    handler: (context) => {
      const render = renderOf(context);
      if (render.status !== 'stopped') {
        render.status = 'stopped';
        render.reason = 'Stop Requested';
        render.updatedAt = Date.now();
        const session = context.project.sessions.get(String(render.sessionId));
        const connection = session?.connections.get(String((render as { connectionId?: unknown }).connectionId));
        if (session && connection) removeConnection(context.emulator, context.project, session, connection, 'clientDisconnected');
        reportRender(context, render);
      }
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    pattern: projectRoute('/callback'),
    handler: ({ project, body }) => {
      const { group, event, url } = objectBody(body);
      if (typeof group !== 'string' || !CALLBACK_GROUPS.has(group)) throw new EmulatorHttpError(400, 'Invalid group');
      if (typeof event !== 'string' || event.length === 0) throw new EmulatorHttpError(400, 'event is required');
      if (typeof url !== 'string' || !/^https?:\/\//.test(url)) throw new EmulatorHttpError(400, 'url must be an http(s) URL');
      const callback = { id: newId(), group, event, url, createdAt: Date.now() };
      project.callbacks.set(callback.id, callback);
      return { status: 200, body: callback };
    },
  },
  {
    method: 'GET',
    pattern: projectRoute('/callback'),
    handler: ({ project }) => ({ status: 200, body: [...project.callbacks.values()] }),
  },
  {
    method: 'DELETE',
    pattern: projectRoute('/callback/(?<callbackId>[^/]+)'),
    handler: ({ project, params }) => {
      if (!project.callbacks.delete(params.callbackId)) throw new EmulatorHttpError(404, 'Callback not found');
      return { status: 204 };
    },
  },
];
