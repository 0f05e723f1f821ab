import type { ArchiveStatus } from '../models/archive';
import { FieldReader, PREFIX, fieldError, isRecord } from './fields';
import type {
  ArchiveStatusEvent,
  BroadcastStatusEvent,
  CaptionsStatusEvent,
  ConnectionCreatedEvent,
  ConnectionDestroyedEvent,
  EventConnection,
  EventStream,
  OpenTokEvent,
  RenderStatus,
  RenderStatusEvent,
  StreamCreatedEvent,
  StreamDestroyedEvent,
  WebhookPayload,
} from './types';
import { WebhookError } from './webhook-error';

const ARCHIVE_STATUSES: readonly ArchiveStatus[] = ['available', 'expired', 'failed', 'paused', 'started', 'stopped', 'uploaded'];
const RENDER_STATUSES: readonly RenderStatus[] = ['starting', 'started', 'stopped', 'failed'];
/** Where the service puts the project ID, in order of preference. */
const PROJECT_KEYS = ['projectId', 'partnerId', 'applicationId'] as const;
/** Where live captions callbacks put the captions ID, in order of preference. */
const CAPTIONS_KEYS = ['captionsId', 'captionId'] as const;

/** The body as a JSON object: parses strings and Buffers, rejects anything that is not an object. */
function toPayload(body: unknown): WebhookPayload {
  if (body === undefined || body === null) {
    throw new WebhookError(`${PREFIX}no body (parse it with express.json(), express.text() or express.raw())`);
  }
  let value: unknown = body;
  if (typeof body === 'string' || body instanceof Uint8Array) {
    let text = typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      throw new WebhookError(`${PREFIX}body is not valid JSON`);
    }
  }
  if (!isRecord(value)) throw new WebhookError(`${PREFIX}body must be a JSON object`);
  return value;
}

function readConnection(payload: FieldReader): EventConnection {
  const reader = payload.object('connection');
  return {
    ...(payload.raw('connection') as WebhookPayload),
    id: reader.string('id', true),
    createdAt: reader.number('createdAt'),
    data: reader.string('data'),
  };
}

function readStream(payload: FieldReader): EventStream {
  const reader = payload.object('stream');
  const id = reader.string('id', true);
  const connectionReader = reader.object('connection');
  const connection = { ...(reader.raw('connection') as WebhookPayload), id: connectionReader.string('id', true) };
  connectionReader.optional('createdAt', 'number');
  connectionReader.optional('data', 'string');
  const createdAt = reader.number('createdAt');
  const name = reader.string('name');
  reader.optional('videoType', 'string|null');
  return { ...(payload.raw('stream') as WebhookPayload), id, connection, createdAt, name };
}

/** The fields every session-monitoring event has. */
function monitoringFields(reader: FieldReader): { sessionId: string; projectId: string; timestamp: number } {
  return { sessionId: reader.string('sessionId', true), projectId: reader.id(PROJECT_KEYS), timestamp: reader.number('timestamp') };
}

function connectionEvent(
  payload: WebhookPayload,
  reader: FieldReader,
  type: 'connectionCreated' | 'connectionDestroyed',
): ConnectionCreatedEvent | ConnectionDestroyedEvent {
  const fields = { ...monitoringFields(reader), connection: readConnection(reader) };
  if (type === 'connectionCreated') return { ...payload, ...fields, event: type, type, payload };
  reader.optional('reason', 'string');
  return { ...payload, ...fields, event: type, type, payload };
}

function streamEvent(
  payload: WebhookPayload,
  reader: FieldReader,
  type: 'streamCreated' | 'streamDestroyed',
): StreamCreatedEvent | StreamDestroyedEvent {
  const fields = { ...monitoringFields(reader), stream: readStream(reader) };
  if (type === 'streamCreated') return { ...payload, ...fields, event: type, type, payload };
  reader.optional('reason', 'string');
  return { ...payload, ...fields, event: type, type, payload };
}

function archiveEvent(payload: WebhookPayload, reader: FieldReader): ArchiveStatusEvent {
  const fields = {
    id: reader.string('id', true),
    status: reader.oneOf('status', ARCHIVE_STATUSES),
    sessionId: reader.string('sessionId', true),
    projectId: reader.id(PROJECT_KEYS),
    createdAt: reader.number('createdAt'),
    duration: reader.number('duration'),
    size: reader.number('size'),
  };
  reader.optional('name', 'string|null');
  reader.optional('reason', 'string');
  reader.optional('url', 'string|null');
  reader.optional('resolution', 'string');
  reader.optional('outputMode', 'string');
  reader.optional('streamMode', 'string');
  reader.optional('hasAudio', 'boolean');
  reader.optional('hasVideo', 'boolean');
  reader.optional('streams', 'array');
  return { ...payload, ...fields, event: 'archive', type: 'archiveStatus', payload };
}

function broadcastEvent(payload: WebhookPayload, reader: FieldReader): BroadcastStatusEvent {
  const fields = {
    id: reader.string('id', true),
    status: reader.string('status', true),
    sessionId: reader.string('sessionId', true),
    projectId: reader.id(PROJECT_KEYS),
    createdAt: reader.number('createdAt'),
    updatedAt: reader.number('updatedAt'),
  };
  reader.optional('resolution', 'string');
  reader.optional('broadcastUrls', 'object');
  reader.optional('maxDuration', 'number');
  reader.optional('streamMode', 'string');
  reader.optional('hasAudio', 'boolean');
  reader.optional('hasVideo', 'boolean');
  reader.optional('streams', 'array');
  return { ...payload, ...fields, event: 'broadcast', type: 'broadcastStatus', payload };
}

function renderEvent(payload: WebhookPayload, reader: FieldReader): RenderStatusEvent {
  const fields = {
    id: reader.string('id', true),
    status: reader.oneOf('status', RENDER_STATUSES),
    sessionId: reader.string('sessionId', true),
    projectId: reader.id(PROJECT_KEYS),
    createdAt: reader.number('createdAt'),
    updatedAt: reader.number('updatedAt'),
    url: reader.string('url'),
    resolution: reader.string('resolution'),
  };
  reader.optional('streamId', 'string');
  reader.optional('reason', 'string');
  reader.optional('callbackUrl', 'string');
  return { ...payload, ...fields, type: 'renderStatus', payload };
}

function captionsEvent(payload: WebhookPayload, reader: FieldReader): CaptionsStatusEvent {
  const key = CAPTIONS_KEYS.find((candidate) => reader.has(candidate));
  if (key === undefined) throw new WebhookError(`${PREFIX}captionsId or captionId must be a string`);
  const fields = {
    captionsId: reader.string(key, true),
    status: reader.string('status', true),
    sessionId: reader.string('sessionId', true),
    projectId: reader.id(PROJECT_KEYS),
    createdAt: reader.number('createdAt'),
    updatedAt: reader.number('updatedAt'),
  };
  reader.optional('duration', 'number');
  reader.optional('languageCode', 'string');
  reader.optional('provider', 'string');
  reader.optional('reason', 'string');
  return { ...payload, ...fields, type: 'captionsStatus', payload };
}

/** Whether a payload without `event` is a live captions status callback. */
function looksLikeCaptions(payload: WebhookPayload): boolean {
  return CAPTIONS_KEYS.some((key) => payload[key] !== undefined) || payload.group === 'captions';
}

function parsePayload(payload: WebhookPayload): OpenTokEvent {
  const reader = new FieldReader(payload);
  const kind = payload.event;
  if (kind === undefined) {
    // Experience Composer and live captions callbacks may come without `event`.
    if (looksLikeCaptions(payload)) return captionsEvent(payload, reader);
    if (payload.id !== undefined) return renderEvent(payload, reader);
    throw new WebhookError(`${PREFIX}unknown event kind (no event field)`);
  }
  if (typeof kind !== 'string') throw fieldError('event', 'must be a string');
  switch (kind) {
    case 'connectionCreated':
    case 'connectionDestroyed':
      return connectionEvent(payload, reader, kind);
    case 'streamCreated':
    case 'streamDestroyed':
      return streamEvent(payload, reader, kind);
    case 'archive':
      return archiveEvent(payload, reader);
    case 'broadcast':
      return broadcastEvent(payload, reader);
    case 'render':
      return renderEvent(payload, reader);
    case 'captions':
      return captionsEvent(payload, reader);
    default:
      throw new WebhookError(`${PREFIX}unknown event ${JSON.stringify(kind)}`);
  }
}

/**
 * Parses an event callback the OpenTok service POSTed (session monitoring, archive, broadcast,
 * Experience Composer or live captions status) into a typed event, discriminated on `type`.
 *
 * `body` is the parsed JSON object (`express.json()`), the JSON text, or a Buffer of it. Required
 * fields are checked for presence and type; unknown fields are kept. Throws a `WebhookError`, and
 * nothing else, when the body is not a valid event.
 */
export function parseEvent(body: unknown): OpenTokEvent {
  try {
    return parsePayload(toPayload(body));
  } catch (error) {
    if (error instanceof WebhookError) throw error;
    // A getter or proxy of a hand-built object threw: still a bad body.
    const wrapped = new WebhookError(`${PREFIX}body could not be read`);
    wrapped.cause = error;
    throw wrapped;
  }
}
