import { archiveFile, startArchive, stopArchive } from '../archive-lifecycle';
import { VIDEO_RESOLUTIONS, objectBody, optional, optionalOneOf, page, requiredString } from '../body';
import { EmulatorHttpError } from '../errors';
import { projectRoute } from '../router';
import type { Route, RouteContext } from '../router';
import type { JsonRecord } from '../state';
import { validateLayout } from './layout';

function archiveOf({ project, params }: RouteContext): JsonRecord {
  const archive = project.archives.get(params.archiveId);
  if (!archive) throw new EmulatorHttpError(404, 'Archive not found');
  return archive;
}

/**
 * Checks the options of a new archive as the service does, with a 400 naming the first field it
 * refuses: `outputMode` (`composed` or `individual`), `streamMode` (`auto` or `manual`),
 * `resolution` (one of {@link VIDEO_RESOLUTIONS}, and only for a composed archive), `layout`, and
 * the types of `name`, `hasAudio`, `hasVideo`, `multiArchiveTag`, `maxBitrate` and
 * `quantizationParameter`.
 */
function validateArchiveOptions(body: JsonRecord): void {
  const outputMode = optionalOneOf(body, 'outputMode', ['composed', 'individual']);
  optionalOneOf(body, 'streamMode', ['auto', 'manual']);
  const resolution = optionalOneOf(body, 'resolution', VIDEO_RESOLUTIONS);
  if (resolution !== undefined && outputMode === 'individual') {
    throw new EmulatorHttpError(400, 'resolution applies only to composed archives');
  }
  if (body.layout !== undefined) validateLayout(body.layout);
  optional(body, 'name', 'string');
  optional(body, 'hasAudio', 'boolean');
  optional(body, 'hasVideo', 'boolean');
  optional(body, 'multiArchiveTag', 'string');
  optional(body, 'maxBitrate', 'number');
  optional(body, 'quantizationParameter', 'number');
}

/** Archive endpoints: start, stop, get, delete, list, streams, layout; downloads of available archives. */
export const archiveRoutes: Route[] = [
  {
    method: 'POST',
    pattern: projectRoute('/archive'),
    handler: (context) => {
      const body = objectBody(context.body);
      const session = context.emulator.session(context.project, requiredString(body, 'sessionId'));
      validateArchiveOptions(body);
      return { status: 200, body: startArchive(context.emulator, context.project, session, body) };
    },
  },
  {
    method: 'POST',
    pattern: projectRoute('/archive/(?<archiveId>[^/]+)/stop'),
    handler: (context) => ({ status: 200, body: stopArchive(context.emulator, context.project, archiveOf(context)) }),
  },
  {
    method: 'GET',
    pattern: projectRoute('/archive/(?<archiveId>[^/]+)'),
    handler: (context) => ({ status: 200, body: archiveOf(context) }),
  },
  {
    method: 'DELETE',
    pattern: projectRoute('/archive/(?<archiveId>[^/]+)'),
    handler: (context) => {
      const archive = archiveOf(context);
      if (archive.status === 'started' || archive.status === 'paused') {
        throw new EmulatorHttpError(409, 'Conflict. You cannot delete an archive that is recording.');
      }
      context.project.archives.delete(String(archive.id));
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    pattern: projectRoute('/archive'),
    handler: ({ project, query }) => {
      const sessionId = query.get('sessionId');
      const archives = [...project.archives.values()]
        .filter((archive) => !sessionId || archive.sessionId === sessionId)
        .reverse();
      return { status: 200, body: page(archives, query) };
    },
  },
  {
    method: 'PATCH',
    pattern: projectRoute('/archive/(?<archiveId>[^/]+)/streams'),
    handler: (context) => {
      const archive = archiveOf(context);
      const body = objectBody(context.body);
      if (archive.streamMode !== 'manual') throw new EmulatorHttpError(405, 'The archive stream mode is not manual');
      patchStreams(context, archive, body);
      return { status: 204 };
    },
  },
  {
    method: 'PUT',
    pattern: projectRoute('/archive/(?<archiveId>[^/]+)/layout'),
    handler: (context) => {
      const archive = archiveOf(context);
      if (archive.outputMode !== 'composed') throw new EmulatorHttpError(400, 'Only composed archives have a layout');
      // Kept off the JSON: the service does not return the layout.
      Object.defineProperty(archive, 'layout', { value: validateLayout(context.body), configurable: true, writable: true });
      return { status: 200, body: {} };
    },
  },
  {
    method: 'GET',
    pattern: /^\/_emulator\/archives\/(?<archiveId>[^/]+)\/download$/,
    public: true,
    handler: ({ emulator, params }) => {
      for (const project of emulator.projects.values()) {
        const archive = project.archives.get(params.archiveId);
        if (archive?.status === 'available') {
          return {
            status: 200,
            raw: { contentType: 'video/mp4', data: archiveFile(Number(archive.duration)) },
            // A browser following a download link saves the file: the emulated recording is no
            // playable video, so showing it in a player would look like a broken archive.
            headers: { 'Content-Disposition': `attachment; filename="${String(archive.id)}.mp4"` },
          };
        }
      }
      throw new EmulatorHttpError(404, 'Archive not available');
    },
  },
];

/** Applies `{addStream, hasAudio, hasVideo}` or `{removeStream}` to a manual-mode archive or broadcast. */
export function patchStreams(context: RouteContext, target: JsonRecord, body: JsonRecord): void {
  const streams = (target.streams as JsonRecord[] | undefined) ?? [];
  const session = context.emulator.session(context.project, String(target.sessionId));
  if (typeof body.addStream === 'string') {
    if (!session.streams.has(body.addStream)) throw new EmulatorHttpError(404, 'Stream not found');
    if (body.hasAudio === false && body.hasVideo === false) {
      throw new EmulatorHttpError(400, 'hasAudio and hasVideo cannot both be false');
    }
    const entry = { streamId: body.addStream, hasAudio: body.hasAudio !== false, hasVideo: body.hasVideo !== false };
    const existing = streams.findIndex((stream) => stream.streamId === body.addStream);
    if (existing >= 0) streams[existing] = entry;
    else streams.push(entry);
  } else if (typeof body.removeStream === 'string') {
    const index = streams.findIndex((stream) => stream.streamId === body.removeStream);
    if (index < 0) throw new EmulatorHttpError(404, 'Stream not found');
    streams.splice(index, 1);
  } else {
    throw new EmulatorHttpError(400, 'One of addStream or removeStream is required');
  }
  target.streams = streams;
}
