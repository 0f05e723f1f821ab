import type { ArchiveStatus } from '../models/archive';
import { FieldReader, PREFIX, isRecord } from './fields';
import type {
  ArchiveStatusEvent,
  BroadcastStatusEvent,
  CallCreatedEvent,
  CallDestroyedEvent,
  CallUpdatedEvent,
  CaptionsStatusEvent,
  ConnectionCreatedEvent,
  ConnectionDestroyedEvent,
  EventCall,
  EventConnection,
  EventStream,
  MuteForcedEvent,
  OpenTokEvent,
  RenderStatus,
  RenderStatusEvent,
  SessionCreatedEvent,
  SessionDestroyedEvent,
  StreamCreatedEvent,
  StreamDestroyedEvent,
  UnknownEvent,
  WebhookPayload,
} from './types';
import { WebhookError } from './webhook-error';

const ARCHIVE_STATUSES: readonly ArchiveStatus[] = ['available', 'expired', 'failed', 'paused', 'started', 'stopped', 'uploaded'];
const RENDER_STATUSES: readonly RenderStatus[] = ['starting', 'started', 'stopped', 'failed'];
/** Where the service puts the project ID, in order of preference. */
const PROJECT_KEYS = ['projectId', 'partnerId', 'applicationId'] as const;
/** Where live captions callbacks put the captions ID, in order of preference. */
const CAPTIONS_KEYS = ['captionsId', 'captionId'] as const;
/** Fields only an archive has: they tell an archive status callback that comes without `event`. */
const ARCHIVE_FIELDS = ['size', 'duration', 'outputMode', 'sha256sum', 'certificate', 'password'] as const;

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

function readCall(payload: FieldReader): EventCall {
  const reader = payload.object('call');
  const id = reader.string('id', true);
  reader.optional('connectionId', 'string');
  reader.optional('createdAt', 'number');
  return { ...(payload.raw('call') as WebhookPayload), id };
}

/** The fields every session-monitoring event has. */
function monitoringFields(reader: FieldReader): { sessionId: string; projectId: string; timestamp: number } {
  return { sessionId: reader.string('sessionId', true), projectId: reader.id(PROJECT_KEYS), timestamp: reader.number('timestamp') };
}

/** The first of `keys` present in the payload, else in its `call`, type-checked as `kind`. */
function callDetail(reader: FieldReader, key: string, kind: 'string' | 'string|number'): unknown {
  const call = reader.object('call');
  for (const source of [reader, call]) {
    if (!source.has(key)) continue;
    const value = source.raw(key);
    if (typeof value === 'string' || (kind === 'string|number' && typeof value === 'number' && Number.isFinite(value))) return value;
    throw new WebhookError(`${PREFIX}${source.path(key)} must be a ${kind === 'string' ? 'string' : 'string or number'}`);
  }
  return undefined;
}

/** Parses the payload as one kind; reports a field that does not match with a `WebhookError`. */
type KindParser = (payload: WebhookPayload, reader: FieldReader) => Exclude<OpenTokEvent, UnknownEvent>;

function sessionCreated(payload: WebhookPayload, reader: FieldReader): SessionCreatedEvent {
  return { ...payload, ...monitoringFields(reader), event: 'sessionCreated', type: 'sessionCreated', payload };
}

function sessionDestroyed(payload: WebhookPayload, reader: FieldReader): SessionDestroyedEvent {
  const fields = monitoringFields(reader);
  reader.optional('reason', 'string');
  return { ...payload, ...fields, event: 'sessionDestroyed', type: 'sessionDestroyed', payload };
}

function connectionCreated(payload: WebhookPayload, reader: FieldReader): ConnectionCreatedEvent {
  const fields = { ...monitoringFields(reader), connection: readConnection(reader) };
  return { ...payload, ...fields, event: 'connectionCreated', type: 'connectionCreated', payload };
}

function connectionDestroyed(payload: WebhookPayload, reader: FieldReader): ConnectionDestroyedEvent {
  const fields = { ...monitoringFields(reader), connection: readConnection(reader) };
  reader.optional('reason', 'string');
  return { ...payload, ...fields, event: 'connectionDestroyed', type: 'connectionDestroyed', payload };
}

function streamCreated(payload: WebhookPayload, reader: FieldReader): StreamCreatedEvent {
  const fields = { ...monitoringFields(reader), stream: readStream(reader) };
  return { ...payload, ...fields, event: 'streamCreated', type: 'streamCreated', payload };
}

function streamDestroyed(payload: WebhookPayload, reader: FieldReader): StreamDestroyedEvent {
  const fields = { ...monitoringFields(reader), stream: readStream(reader) };
  reader.optional('reason', 'string');
  return { ...payload, ...fields, event: 'streamDestroyed', type: 'streamDestroyed', payload };
}

function callCreated(payload: WebhookPayload, reader: FieldReader): CallCreatedEvent {
  const fields = { ...monitoringFields(reader), call: readCall(reader) };
  return { ...payload, ...fields, event: 'callCreated', type: 'callCreated', payload };
}

function callUpdated(payload: WebhookPayload, reader: FieldReader): CallUpdatedEvent {
  const fields = { ...monitoringFields(reader), call: readCall(reader) };
  const state = callDetail(reader, 'state', 'string') as string | undefined;
  return { ...payload, ...fields, ...(state === undefined ? {} : { state }), event: 'callUpdated', type: 'callUpdated', payload };
}

function callDestroyed(payload: WebhookPayload, reader: FieldReader): CallDestroyedEvent {
  const fields = { ...monitoringFields(reader), call: readCall(reader) };
  const reasonCode = callDetail(reader, 'reason_code', 'string|number') as string | number | undefined;
  const reasonMessage = callDetail(reader, 'reason_message', 'string') as string | undefined;
  return {
    ...payload,
    ...fields,
    ...(reasonCode === undefined ? {} : { reasonCode }),
    ...(reasonMessage === undefined ? {} : { reasonMessage }),
    event: 'callDestroyed',
    type: 'callDestroyed',
    payload,
  };
}

function muteForced(payload: WebhookPayload, reader: FieldReader): MuteForcedEvent {
  const fields = monitoringFields(reader);
  const call = reader.has('call') ? { call: readCall(reader) } : {};
  return { ...payload, ...fields, ...call, event: 'muteForced', type: 'muteForced', payload };
}

function archiveStatus(payload: WebhookPayload, reader: FieldReader): ArchiveStatusEvent {
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
  reader.optional('updatedAt', 'number');
  reader.optional('sha256sum', 'string');
  reader.optional('certificate', 'string');
  reader.optional('password', 'string');
  return { ...payload, ...fields, type: 'archiveStatus', payload };
}

function broadcastStatus(payload: WebhookPayload, reader: FieldReader): BroadcastStatusEvent {
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

function renderStatus(payload: WebhookPayload, reader: FieldReader): RenderStatusEvent {
  const fields = {
    id: reader.string('id', true),
    status: reader.oneOf('status', RENDER_STATUSES),
    sessionId: reader.string('sessionId', true),
  };
  const projectId = reader.optionalId(PROJECT_KEYS);
  reader.optional('streamId', 'string');
  reader.optional('reason', 'string');
  reader.optional('createdAt', 'number');
  reader.optional('updatedAt', 'number');
  reader.optional('url', 'string');
  reader.optional('resolution', 'string');
  reader.optional('callbackUrl', 'string');
  return { ...payload, ...fields, ...(projectId === undefined ? {} : { projectId }), type: 'renderStatus', payload };
}

function captionsStatus(payload: WebhookPayload, reader: FieldReader): CaptionsStatusEvent {
  const key = CAPTIONS_KEYS.find((candidate) => reader.has(candidate));
  if (key === undefined) throw new WebhookError(`${PREFIX}captionsId or captionId must be a string`);
  const fields = {
    captionsId: reader.string(key, true),
    status: reader.string('status', true),
    sessionId: reader.string('sessionId', true),
  };
  const projectId = reader.optionalId(PROJECT_KEYS);
  reader.optional('createdAt', 'number');
  reader.optional('updatedAt', 'number');
  reader.optional('duration', 'number');
  reader.optional('languageCode', 'string');
  reader.optional('provider', 'string');
  reader.optional('reason', 'string');
  return { ...payload, ...fields, ...(projectId === undefined ? {} : { projectId }), type: 'captionsStatus', payload };
}

/** The kind named by the payload's `event`. */
const BY_EVENT = new Map<string, KindParser>([
  ['sessionCreated', sessionCreated],
  ['sessionDestroyed', sessionDestroyed],
  ['connectionCreated', connectionCreated],
  ['connectionDestroyed', connectionDestroyed],
  ['streamCreated', streamCreated],
  ['streamDestroyed', streamDestroyed],
  ['callCreated', callCreated],
  ['callUpdated', callUpdated],
  ['callDestroyed', callDestroyed],
  ['muteForced', muteForced],
  ['archive', archiveStatus],
  ['broadcast', broadcastStatus],
  ['render', renderStatus],
  ['captions', captionsStatus],
]);

/**
 * The kind of a payload without `event`, told by the fields only that kind has (never by "it has
 * an id"): a captions ID, broadcast URLs, an archive's size or checksum, a render's stream.
 */
function kindByFields(payload: WebhookPayload): KindParser | undefined {
  const has = (key: string): boolean => payload[key] !== undefined;
  if (CAPTIONS_KEYS.some(has) || payload.group === 'captions') return captionsStatus;
  if (has('broadcastUrls')) return broadcastStatus;
  if (ARCHIVE_FIELDS.some(has)) return archiveStatus;
  if (has('streamId') || (has('url') && has('resolution'))) return renderStatus;
  return undefined;
}

function unknownEvent(payload: WebhookPayload, event: string | undefined, problem: string): UnknownEvent {
  return { type: 'unknown', ...(event === undefined ? {} : { event }), payload, problem };
}

function parsePayload(payload: WebhookPayload): OpenTokEvent {
  const kind = payload.event;
  if (kind !== undefined && typeof kind !== 'string') return unknownEvent(payload, undefined, 'event must be a string');
  const parse = kind === undefined ? kindByFields(payload) : BY_EVENT.get(kind);
  if (parse === undefined) {
    return unknownEvent(payload, kind, kind === undefined ? 'no event field, and not the fields of a known kind' : `unknown event ${JSON.stringify(kind)}`);
  }
  try {
    return parse(payload, new FieldReader(payload));
  } catch (error) {
    if (!(error instanceof WebhookError)) throw error;
    return unknownEvent(payload, kind, error.message.slice(PREFIX.length));
  }
}

/**
 * Parses an event callback the OpenTok service POSTed into a typed event, discriminated on `type`:
 * session monitoring (`sessionCreated`/`Destroyed`, `connectionCreated`/`Destroyed`,
 * `streamCreated`/`Destroyed`), SIP call monitoring (`callCreated`, `callUpdated`, `callDestroyed`,
 * `muteForced`), archive, broadcast, Experience Composer and live captions status.
 *
 * `body` is the parsed JSON object (`express.json()`), the JSON text, or a Buffer of it. The fields
 * each kind always has are checked for presence and type, the others for type when present;
 * unknown fields are kept. A JSON object of a kind this version does not know, or whose fields do
 * not match its kind, is an `UnknownEvent` (`type: 'unknown'`, with the `problem`). The body is
 * never modified.
 *
 * It does not check a signature: for signed callbacks call {@link verifyCallback} first, or use
 * {@link webhookHandler} with `signatureSecret`.
 *
 * @param body - The request body: a parsed JSON object, JSON text, or a Buffer (`Uint8Array`) of
 *   JSON text (a UTF-8 byte order mark is skipped).
 * @returns The typed event; narrow it on `type`.
 * @throws {@link WebhookError} (and nothing else) only when the body is not a JSON object: absent,
 *   not JSON, or JSON that is not an object.
 * @example
 * ```ts
 * import express from 'express';
 * import { parseEvent, WebhookError } from 'opentok/webhooks';
 *
 * const app = express();
 * app.post('/opentok/events', express.json(), (req, res) => {
 *   let event;
 *   try {
 *     event = parseEvent(req.body);
 *   } catch (error) {
 *     if (error instanceof WebhookError) return res.status(400).json({ error: error.message });
 *     throw error;
 *   }
 *   if (event.type === 'archiveStatus' && event.status === 'available') console.log('download', event.url);
 *   res.sendStatus(200);
 * });
 * ```
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
