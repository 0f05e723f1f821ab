import { VIDEO_RESOLUTIONS, objectBody, optional, optionalOneOf, page, requiredString } from '../body';
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

/** Whether `text` is an `rtmp://` or `rtmps://` URL with a host, as an RTMP output's `serverUrl` must be. */
function isRtmpUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === 'rtmp:' || url.protocol === 'rtmps:') && url.hostname !== '';
}

/**
 * The RTMP outputs of a new broadcast, checked as the service checks them (400 otherwise): at most
 * five, each an object with an `rtmp://` or `rtmps://` `serverUrl` that names a host, a
 * `streamName`, and an optional string `id`.
 */
function rtmpOutputs(outputs: JsonRecord): JsonRecord[] | undefined {
  if (outputs.rtmp === undefined) return undefined;
  if (!Array.isArray(outputs.rtmp) || outputs.rtmp.length > 5) {
    throw new EmulatorHttpError(400, 'rtmp must be an array of at most 5 outputs');
  }
  return (outputs.rtmp as unknown[]).map((output) => {
    const rtmp = objectBody(output);
    const serverUrl = requiredString(rtmp, 'serverUrl');
    if (!isRtmpUrl(serverUrl)) throw new EmulatorHttpError(400, 'serverUrl must be an rtmp:// or rtmps:// URL with a host');
    const streamName = requiredString(rtmp, 'streamName');
    optional(rtmp, 'id', 'string');
    return { id: rtmp.id, serverUrl, streamName };
  });
}

/**
 * Checks the options of a new broadcast as the service does, with a 400 naming the first field it
 * refuses: `outputs` (an object with an `hls` object, RTMP outputs, or both), `maxDuration` (60 to
 * 36000 seconds), `resolution` (one of {@link VIDEO_RESOLUTIONS}), `streamMode` (`auto` or
 * `manual`), `layout`, and the types of `maxBitrate` and `multiBroadcastTag`. Returns what the
 * broadcast is built from.
 */
function broadcastOptions(body: JsonRecord): { outputs: JsonRecord; rtmp: JsonRecord[] | undefined; maxDuration: number } {
  const outputs = objectBody(body.outputs);
  if (outputs.hls !== undefined && (typeof outputs.hls !== 'object' || outputs.hls === null || Array.isArray(outputs.hls))) {
    throw new EmulatorHttpError(400, 'hls must be an object');
  }
  const hls = outputs.hls as JsonRecord | undefined;
  if (hls?.dvr && hls.lowLatency) throw new EmulatorHttpError(400, 'Cannot set both dvr and lowLatency on HLS');
  const rtmp = rtmpOutputs(outputs);
  if (hls === undefined && (rtmp === undefined || rtmp.length === 0)) {
    throw new EmulatorHttpError(400, 'outputs must have an hls output or at least one rtmp output');
  }
  const maxDuration = body.maxDuration === undefined ? 14400 : Number(body.maxDuration);
  if (!Number.isInteger(maxDuration) || maxDuration < 60 || maxDuration > 36000) {
    throw new EmulatorHttpError(400, 'maxDuration must be between 60 and 36000 seconds');
  }
  optionalOneOf(body, 'resolution', VIDEO_RESOLUTIONS);
  optionalOneOf(body, 'streamMode', ['auto', 'manual']);
  if (body.layout !== undefined) validateLayout(body.layout);
  optional(body, 'maxBitrate', 'number');
  optional(body, 'multiBroadcastTag', 'string');
  return { outputs, rtmp, maxDuration };
}

/** The `broadcastUrls` of a new broadcast: an HLS URL on the emulator and the RTMP outputs, all live. */
function broadcastUrls(context: RouteContext, id: string, outputs: JsonRecord, rtmp: JsonRecord[] | undefined): JsonRecord {
  const urls: JsonRecord = {};
  if (outputs.hls !== undefined) {
    urls.hls = `${context.emulator.url}/_emulator/broadcasts/${id}/index.m3u8`;
    urls.hlsStatus = 'live';
  }
  if (rtmp !== undefined) urls.rtmp = rtmp.map((output) => ({ ...output, status: 'live' }));
  return urls;
}

/** Broadcast endpoints: start, stop, get, list, streams, layout; the HLS playlist of a live broadcast. */
export const broadcastRoutes: Route[] = [
  {
    method: 'POST',
    pattern: projectRoute('/broadcast'),
    handler: (context) => {
      const body = objectBody(context.body);
      const session = context.emulator.session(context.project, requiredString(body, 'sessionId'));
      if (session.mediaMode !== 'routed') throw new EmulatorHttpError(400, 'Broadcasting requires a routed session');
      if (session.connections.size === 0) throw new EmulatorHttpError(400, 'No clients are connected to the session');
      const { outputs, rtmp, maxDuration } = broadcastOptions(body);
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
        broadcastUrls: broadcastUrls(context, id, outputs, rtmp),
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
