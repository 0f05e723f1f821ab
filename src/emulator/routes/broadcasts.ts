import { objectBody, page, requiredString } from '../body';
import { EmulatorHttpError } from '../errors';
import { projectRoute } from '../router';
import type { Route, RouteContext } from '../router';
import type { JsonRecord } from '../state';
import { newId } from '../state';
import { patchStreams } from './archives';
import { validateLayout } from './layout';

function broadcastOf({ project, params }: RouteContext): JsonRecord {
  const broadcast = project.broadcasts.get(params.broadcastId);
  if (!broadcast) throw new EmulatorHttpError(404, 'Broadcast not found');
  return broadcast;
}

function announce(context: RouteContext, broadcast: JsonRecord): void {
  context.emulator.events.emit(context.project, 'broadcast', 'status', { ...broadcast, event: 'broadcast' });
}

/** The `broadcastUrls` of a new broadcast: an HLS URL on the emulator and the RTMP outputs. */
function broadcastUrls(context: RouteContext, id: string, outputs: JsonRecord): JsonRecord {
  const urls: JsonRecord = {};
  if (outputs.hls !== undefined) {
    urls.hls = `${context.emulator.url}/_emulator/broadcasts/${id}/index.m3u8`;
    urls.hlsStatus = 'live';
  }
  if (outputs.rtmp !== undefined) {
    if (!Array.isArray(outputs.rtmp) || outputs.rtmp.length > 5) {
      throw new EmulatorHttpError(400, 'rtmp must be an array of at most 5 outputs');
    }
    urls.rtmp = (outputs.rtmp as unknown[]).map((output) => {
      const rtmp = objectBody(output);
      return { id: rtmp.id, serverUrl: requiredString(rtmp, 'serverUrl'), streamName: requiredString(rtmp, 'streamName'), status: 'live' };
    });
  }
  return urls;
}

/** Broadcast endpoints (SPEC §10). */
export const broadcastRoutes: Route[] = [
  {
    method: 'POST',
    pattern: projectRoute('/broadcast'),
    handler: (context) => {
      const body = objectBody(context.body);
      const session = context.emulator.session(context.project, requiredString(body, 'sessionId'));
      if (session.mediaMode !== 'routed') throw new EmulatorHttpError(400, 'Broadcasting requires a routed session');
      if (session.connections.size === 0) throw new EmulatorHttpError(400, 'No clients are connected to the session');
      const outputs = objectBody(body.outputs);
      const hls = outputs.hls as JsonRecord | undefined;
      if (hls?.dvr && hls.lowLatency) throw new EmulatorHttpError(400, 'Cannot set both dvr and lowLatency on HLS');
      const maxDuration = body.maxDuration === undefined ? 14400 : Number(body.maxDuration);
      if (!Number.isInteger(maxDuration) || maxDuration < 60 || maxDuration > 36000) {
        throw new EmulatorHttpError(400, 'maxDuration must be between 60 and 36000 seconds');
      }
      if (body.layout !== undefined) validateLayout(body.layout);
      const tag = typeof body.multiBroadcastTag === 'string' ? body.multiBroadcastTag : undefined;
      for (const existing of context.project.broadcasts.values()) {
        if (existing.sessionId === session.id && existing.status === 'started' && existing.multiBroadcastTag === tag) {
          throw new EmulatorHttpError(409, 'The session is already being broadcast');
        }
      }
      const id = newId();
      const now = Date.now();
      const broadcast: JsonRecord = {
        id,
        sessionId: session.id,
        projectId: context.project.apiKey,
        createdAt: now,
        updatedAt: now,
        resolution: typeof body.resolution === 'string' ? body.resolution : '640x480',
        broadcastUrls: broadcastUrls(context, id, outputs),
        maxDuration,
        ...(typeof body.maxBitrate === 'number' ? { maxBitrate: body.maxBitrate } : {}),
        streamMode: body.streamMode === 'manual' ? 'manual' : 'auto',
        streams: [],
        status: 'started',
      };
      Object.defineProperty(broadcast, 'multiBroadcastTag', { value: tag, enumerable: false });
      context.project.broadcasts.set(id, broadcast);
      announce(context, broadcast);
      return { status: 200, body: broadcast };
    },
  },
  {
    method: 'POST',
    pattern: projectRoute('/broadcast/(?<broadcastId>[^/]+)/stop'),
    handler: (context) => {
      const broadcast = broadcastOf(context);
      if (broadcast.status !== 'started') throw new EmulatorHttpError(409, 'The broadcast is not started');
      broadcast.status = 'stopped';
      broadcast.updatedAt = Date.now();
      broadcast.broadcastUrls = {};
      announce(context, broadcast);
      return { status: 200, body: broadcast };
    },
  },
  {
    method: 'GET',
    pattern: projectRoute('/broadcast/(?<broadcastId>[^/]+)'),
    handler: (context) => ({ status: 200, body: broadcastOf(context) }),
  },
  {
    method: 'GET',
    pattern: projectRoute('/broadcast'),
    handler: ({ project, query }) => {
      const sessionId = query.get('sessionId');
      const broadcasts = [...project.broadcasts.values()]
        .filter((broadcast) => !sessionId || broadcast.sessionId === sessionId)
        .reverse();
      return { status: 200, body: page(broadcasts, query) };
    },
  },
  {
    method: 'PATCH',
    pattern: projectRoute('/broadcast/(?<broadcastId>[^/]+)/streams'),
    handler: (context) => {
      const broadcast = broadcastOf(context);
      if (broadcast.streamMode !== 'manual') throw new EmulatorHttpError(405, 'The broadcast stream mode is not manual');
      patchStreams(context, broadcast, objectBody(context.body));
      return { status: 204 };
    },
  },
  {
    method: 'PUT',
    pattern: projectRoute('/broadcast/(?<broadcastId>[^/]+)/layout'),
    handler: (context) => {
      const broadcast = broadcastOf(context);
      Object.defineProperty(broadcast, 'layout', { value: validateLayout(context.body), configurable: true, writable: true });
      return { status: 200, body: {} };
    },
  },
  {
    method: 'GET',
    pattern: /^\/_emulator\/broadcasts\/(?<broadcastId>[^/]+)\/index\.m3u8$/,
    public: true,
    handler: ({ emulator, params }) => {
      for (const project of emulator.projects.values()) {
        if (project.broadcasts.get(params.broadcastId)?.status === 'started') {
          // A live HLS playlist with no segments yet: enough for a player to show "live".
          const playlist = '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n';
          return { status: 200, raw: { contentType: 'application/vnd.apple.mpegurl', data: Buffer.from(playlist) } };
        }
      }
      throw new EmulatorHttpError(404, 'Broadcast not live');
    },
  },
];
