import { callRest, isCallback, shiftOptional } from '../core/callbacks';
import type { AnyCallback } from '../core/callbacks';
import type { ApiContext } from '../core/context';
import { copyOwnProperties, encodedSegment, isPlainObject, optionsObject, toText } from '../core/objects';
import { hasStatus, isSuccess, malformedBody, outcomeError, responseError } from '../core/outcomes';
import { ArchiveError, ArgumentError, NotFoundError, RequestError } from '../errors';
import type { HttpOutcome, SuccessOutcome } from '../http/types';
import type { LayoutOptions } from '../layouts/set-layout';
import { ArchiveModel } from '../models/archive';

/** `composed` (one MP4 file of the whole session) or `individual` (a ZIP of one file per stream). */
export type OutputMode = 'composed' | 'individual';

/**
 * The resolutions of a composed archive: SD (`640x480`), HD (`1280x720`) and FHD (`1920x1080`),
 * landscape, and the same three portrait.
 */
export type ArchiveResolution = '640x480' | '480x640' | '1280x720' | '720x1280' | '1920x1080' | '1080x1920';

/**
 * Options of `startArchive`. Every key is sent to the service as given (the SDK adds the
 * `sessionId`), so an option the service refuses is a `RequestError` with status 400.
 *
 * @example
 * ```ts
 * opentok.startArchive(sessionId, {
 *   name: 'Important Presentation',
 *   outputMode: 'composed',
 *   resolution: '1280x720',
 *   layout: { type: 'bestFit', screenshareType: 'pip' },
 * }, (err, archive) => {
 *   if (err) return console.error(err);
 *   console.log('recording', archive.id);
 * });
 * ```
 */
export interface ArchiveOptions {
  /** Name of the archive, returned in its `name`. Default: none (`name` is `null`). */
  name?: string;
  /** Record audio. Default `true`; `hasAudio` and `hasVideo` cannot both be `false`. */
  hasAudio?: boolean;
  /** Record video. Default `true`. */
  hasVideo?: boolean;
  /** `composed` (one file, the default) or `individual` (a file per stream). */
  outputMode?: OutputMode;
  /** Layout of a composed archive. Default: `bestFit`. Change it later with `setArchiveLayout`. */
  layout?: LayoutOptions;
  /** Resolution of a composed archive (not allowed with `individual`). Default `640x480`. */
  resolution?: ArchiveResolution;
  /**
   * `auto` (the default) records every stream of the session; `manual` records only the streams
   * added with `addArchiveStream`.
   */
  streamMode?: 'auto' | 'manual';
  /**
   * A tag that lets a session have several archives recording at once: without it, starting a
   * second archive of a session is refused (`ArchiveError`, status 409).
   */
  multiArchiveTag?: string;
  /** Maximum video bitrate of the archive, in bits per second. Default: set by the service. */
  maxBitrate?: number;
  /** Video quantization parameter, 15 to 40 (lower is better quality), instead of a bitrate. */
  quantizationParameter?: number;
}

/**
 * Options of `listArchives`: a page of the project's archives, newest first.
 *
 * @example
 * ```ts
 * opentok.listArchives({ offset: 0, count: 50, sessionId }, (err, archives, totalCount) => {
 *   if (err) return console.error(err);
 *   console.log(`${archives.length} of ${totalCount} archives`);
 * });
 * ```
 */
export interface ListArchivesOptions {
  /** Index of the first archive returned. Default `0`. */
  offset?: number;
  /** Number of archives returned, 1 to 1000. Default `50`. */
  count?: number;
  /** Only the archives of this session. Default: the archives of every session. */
  sessionId?: string;
}

function archivePath(ctx: ApiContext, archiveId: unknown): string {
  return `${ctx.projectPath}/archive/${encodedSegment((archiveId))}`;
}

/** `(null, Archive)` for a 2xx object body, else the malformed-body error. */
function archiveResult(ctx: ApiContext, outcome: SuccessOutcome): readonly unknown[] {
  return isPlainObject(outcome.body) ? [null, new ArchiveModel(ctx.ot, outcome.body)] : [malformedBody(outcome)];
}

/**
 * `startArchive(sessionId[, options], callback)`: POSTs the options with the session ID. A 2xx
 * answer must be the archive with status `started`; 404 and 409 are `ArchiveError`s.
 */
export function startArchive(ctx: ApiContext, sessionId: unknown, optionsOrCallback: unknown, maybeCallback: unknown): void {
  const { value: options, callback } = shiftOptional(optionsOrCallback, maybeCallback);
  if (!isCallback(callback)) throw new ArgumentError('No callback given to startArchive');
  if (!sessionId) {
    callback(new ArgumentError('No session ID given'));
    return;
  }
  const json: Record<string, unknown> = { sessionId };
  copyOwnProperties(json, options);

  const interpret = (outcome: HttpOutcome): readonly unknown[] => {
    if (isSuccess(outcome)) {
      const body = outcome.body as { status?: unknown } | string | null;
      if (isPlainObject(body) && body.status === 'started') return [null, new ArchiveModel(ctx.ot, body)];
      // An empty body is described by its status, as 2.x did: `…: {"status":204}`.
      const shown = body === '' ? { status: outcome.status } : body;
      return [responseError(new RequestError(`Unexpected response from OpenTok: ${JSON.stringify(shown)}`), outcome)];
    }
    if (hasStatus(outcome, 404)) return [responseError(new ArchiveError('Session not found'), outcome)];
    if (hasStatus(outcome, 409)) {
      return [
        responseError(
          new ArchiveError('Recording already in progress or session not using OpenTok Media Router'),
          outcome,
        ),
      ];
    }
    return [outcomeError(outcome)];
  };
  callRest(ctx.rest, { method: 'POST', path: `${ctx.projectPath}/archive`, json }, interpret, callback);
}

/** Resolves the callback of an `(archiveId, callback)` method and rejects a missing ID. */
function archiveIdCall(method: string, archiveId: unknown, callback: unknown): AnyCallback | undefined {
  if (!isCallback(callback)) throw new ArgumentError(`No callback given to ${method}`);
  if (!archiveId) {
    callback(new ArgumentError('No archive ID given'));
    return undefined;
  }
  return callback;
}

/** `stopArchive(archiveId, callback)`: 404 and 409 (not recording; the service's message) are `ArchiveError`s. */
export function stopArchive(ctx: ApiContext, archiveId: unknown, maybeCallback: unknown): void {
  const callback = archiveIdCall('stopArchive', archiveId, maybeCallback);
  if (!callback) return;
  const interpret = (outcome: HttpOutcome): readonly unknown[] => {
    if (isSuccess(outcome)) return archiveResult(ctx, outcome);
    if (hasStatus(outcome, 404)) return [responseError(new ArchiveError('Archive not found'), outcome)];
    if (hasStatus(outcome, 409)) {
      const message = (outcome.body as { message?: unknown } | null)?.message;
      return [responseError(new ArchiveError(message ? toText(message) : 'Unknown archive error'), outcome)];
    }
    return [outcomeError(outcome)];
  };
  callRest(ctx.rest, { method: 'POST', path: `${archivePath(ctx, archiveId)}/stop`, json: {} }, interpret, callback);
}

/** `getArchive(archiveId, callback)`: 404 is a `NotFoundError`. */
export function getArchive(ctx: ApiContext, archiveId: unknown, maybeCallback: unknown): void {
  const callback = archiveIdCall('getArchive', archiveId, maybeCallback);
  if (!callback) return;
  const interpret = (outcome: HttpOutcome): readonly unknown[] => {
    if (isSuccess(outcome)) return archiveResult(ctx, outcome);
    if (hasStatus(outcome, 404)) return [responseError(new NotFoundError('Archive not found'), outcome)];
    return [outcomeError(outcome)];
  };
  callRest(ctx.rest, { method: 'GET', path: archivePath(ctx, archiveId) }, interpret, callback);
}

/** `deleteArchive(archiveId, callback)`: 404 is an `ArchiveError`. */
export function deleteArchive(ctx: ApiContext, archiveId: unknown, maybeCallback: unknown): void {
  const callback = archiveIdCall('deleteArchive', archiveId, maybeCallback);
  if (!callback) return;
  const interpret = (outcome: HttpOutcome): readonly unknown[] => {
    if (isSuccess(outcome)) return [null];
    if (hasStatus(outcome, 404)) return [responseError(new ArchiveError('Archive not found'), outcome)];
    return [outcomeError(outcome)];
  };
  callRest(ctx.rest, { method: 'DELETE', path: archivePath(ctx, archiveId) }, interpret, callback);
}

/**
 * `listArchives([options], callback)`: calls back `(null, archives, totalCount)`. Only truthy
 * `offset`, `count` and `sessionId` go into the query.
 */
export function listArchives(ctx: ApiContext, optionsOrCallback: unknown, maybeCallback: unknown): void {
  const shifted = shiftOptional(optionsOrCallback, maybeCallback);
  const callback = shifted.callback;
  if (!isCallback(callback)) throw new ArgumentError('No callback given to listArchives');
  const options = optionsObject(shifted.value);
  const query = new URLSearchParams();
  for (const key of ['offset', 'count', 'sessionId'] as const) {
    const value = options[key];
    if (value) query.append(key, toText(value));
  }
  const search = query.toString();
  const interpret = (outcome: HttpOutcome): readonly unknown[] => {
    if (!isSuccess(outcome)) return [outcomeError(outcome)];
    const body = outcome.body as { items?: unknown; count?: unknown } | null;
    if (!isPlainObject(body) || !Array.isArray(body.items)) return [malformedBody(outcome)];
    const archives = body.items.map((item: unknown) => new ArchiveModel(ctx.ot, optionsObject(item)));
    return [null, archives, body.count || 0];
  };
  const path = `${ctx.projectPath}/archive${search ? `?${search}` : ''}`;
  callRest(ctx.rest, { method: 'GET', path }, interpret, callback);
}
