import { createHash } from 'crypto';
import { EmulatorHttpError } from './errors';
import type { Emulator } from './emulator';
import { announceChange } from './session-feed';
import type { JsonRecord, ProjectState, SessionState } from './state';
import { newId } from './state';

/** Archive fields the service returns, in its order. */
function archiveJson(project: ProjectState, session: SessionState, options: JsonRecord): JsonRecord {
  const outputMode = options.outputMode === 'individual' ? 'individual' : 'composed';
  const streamMode = options.streamMode === 'manual' ? 'manual' : 'auto';
  return {
    id: newId(),
    status: 'started',
    name: typeof options.name === 'string' ? options.name : null,
    reason: '',
    sessionId: session.id,
    applicationId: project.apiKey,
    projectId: project.apiKey,
    createdAt: Date.now(),
    size: 0,
    duration: 0,
    outputMode,
    hasAudio: options.hasAudio !== false,
    hasVideo: options.hasVideo !== false,
    ...(outputMode === 'composed' ? { resolution: typeof options.resolution === 'string' ? options.resolution : '640x480' } : {}),
    streamMode,
    streams: [],
    url: null,
    ...(typeof options.maxBitrate === 'number' ? { maxBitrate: options.maxBitrate } : {}),
    ...(typeof options.quantizationParameter === 'number' ? { quantizationParameter: options.quantizationParameter } : {}),
  };
}

/**
 * What an archive status callback has beyond the archive's REST JSON: when the archive last
 * changed, and the SHA-256 of its file once available. Kept off the archive, whose REST JSON (and
 * so the SDK's Archive objects) has neither.
 */
interface ArchiveCallbackFields {
  updatedAt: number;
  sha256sum?: string;
}

const callbackFields = new WeakMap<JsonRecord, ArchiveCallbackFields>();

/**
 * Emits the archive status event the service POSTs to `archive`/`status` callbacks after a status
 * change: the archive's REST JSON (with its `projectId`), `updatedAt` and, once the file is
 * available, its `sha256sum`; no `event` field.
 */
function announce(emulator: Emulator, project: ProjectState, archive: JsonRecord, sha256sum?: string): void {
  const fields: ArchiveCallbackFields = { ...callbackFields.get(archive), updatedAt: Date.now() };
  if (sha256sum !== undefined) fields.sha256sum = sha256sum;
  callbackFields.set(archive, fields);
  emulator.events.emit(project, 'archive', 'status', { ...archive, ...fields });
}

/** An archive's name for the browsers' archive events, whose `name` is a string: `''` for an unnamed archive. */
function archiveName(archive: JsonRecord): string {
  return typeof archive.name === 'string' ? archive.name : '';
}

/** Whether the session has a client connection (archives need one). */
function hasClients(session: SessionState): boolean {
  return [...session.connections.values()].some((connection) => connection.kind === 'client');
}

/**
 * Starts an archive as the service does: 404 without connected clients, 409 for a relayed session
 * or when an archive without a distinct `multiArchiveTag` is already recording, 400 when neither
 * audio nor video is recorded.
 */
export function startArchive(emulator: Emulator, project: ProjectState, session: SessionState, options: JsonRecord): JsonRecord {
  if (options.hasAudio === false && options.hasVideo === false) {
    throw new EmulatorHttpError(400, 'hasAudio and hasVideo cannot both be false');
  }
  if (!hasClients(session)) throw new EmulatorHttpError(404, 'No clients are actively connected to the OpenTok session');
  if (session.mediaMode !== 'routed') {
    throw new EmulatorHttpError(409, 'Archiving requires a routed session (OpenTok Media Router)');
  }
  const tag = typeof options.multiArchiveTag === 'string' ? options.multiArchiveTag : undefined;
  for (const archive of project.archives.values()) {
    if (archive.sessionId === session.id && archive.status === 'started' && archive.multiArchiveTag === tag) {
      throw new EmulatorHttpError(409, 'Recording already in progress for this session');
    }
  }
  const archive = archiveJson(project, session, options);
  // The tag is kept internally to detect conflicts but, as in the service, never returned.
  Object.defineProperty(archive, 'multiArchiveTag', { value: tag, enumerable: false });
  project.archives.set(String(archive.id), archive);
  announce(emulator, project, archive);
  announceChange(session, { type: 'archiveStarted', id: String(archive.id), name: archiveName(archive) });
  return archive;
}

/** Largest emulated recording, so that a long (or clock-faked) archive cannot exhaust memory. */
const MAX_ARCHIVE_BYTES = 16 * 1024 * 1024;

/** Bytes of the emulated recording served at the archive's download URL (at most 16 MiB). */
export function archiveSize(durationSeconds: number): number {
  return Math.min(2048 + durationSeconds * 1000, MAX_ARCHIVE_BYTES);
}

/**
 * The emulated recording of an archive of that duration, served at its download URL: zeros after
 * an `ftyp` box, so that it is recognisably an MP4 container.
 */
export function archiveFile(durationSeconds: number): Buffer {
  const data = Buffer.alloc(archiveSize(durationSeconds));
  data.write('\u0000\u0000\u0000\u0018ftypmp42', 0, 'latin1');
  return data;
}

/**
 * Stops a recording archive: `stopped` now, then `available` (with size, duration and a download
 * URL the emulator serves) after `archiveProcessingMs`. 409 when it is not recording.
 */
export function stopArchive(emulator: Emulator, project: ProjectState, archive: JsonRecord, reason = 'user initiated'): JsonRecord {
  if (archive.status !== 'started' && archive.status !== 'paused') {
    throw new EmulatorHttpError(409, 'Conflict. You are trying to stop an archive that is not recording.');
  }
  const duration = Math.max(1, Math.round((Date.now() - Number(archive.createdAt)) / 1000));
  archive.status = 'stopped';
  archive.reason = reason;
  archive.duration = duration;
  announce(emulator, project, archive);
  const session = project.sessions.get(String(archive.sessionId));
  if (session) announceChange(session, { type: 'archiveStopped', id: String(archive.id), name: archiveName(archive) });
  emulator.schedule(emulator.options.archiveProcessingMs, () => {
    if (archive.status !== 'stopped' || !project.archives.has(String(archive.id))) return;
    archive.status = 'available';
    archive.size = archiveSize(duration);
    archive.url = `${emulator.url}/_emulator/archives/${String(archive.id)}/download`;
    announce(emulator, project, archive, createHash('sha256').update(archiveFile(duration)).digest('hex'));
  });
  return archive;
}

/** Starts the automatic archive of an `archiveMode: always` session when its first client connects. */
export function onClientConnected(emulator: Emulator, project: ProjectState, session: SessionState): void {
  if (session.archiveMode !== 'always') return;
  const recording = [...project.archives.values()].some(
    (archive) => archive.sessionId === session.id && archive.status === 'started',
  );
  if (!recording) {
    startArchive(emulator, project, session, {
      name: session.archiveName,
      resolution: session.archiveResolution,
    });
  }
}

/** Stops the session's recordings when its last client leaves. */
export function onClientDisconnected(emulator: Emulator, project: ProjectState, session: SessionState): void {
  if (hasClients(session)) return;
  for (const archive of project.archives.values()) {
    if (archive.sessionId === session.id && archive.status === 'started') {
      stopArchive(emulator, project, archive, 'session ended');
    }
  }
}
