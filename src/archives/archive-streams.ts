import { callRest, isCallback, shiftOptional } from '../core/callbacks';
import type { AnyCallback } from '../core/callbacks';
import type { ApiContext } from '../core/context';
import { encodedSegment, optionsObject } from '../core/objects';
import { hasStatus, isSuccess, outcomeError, responseError } from '../core/outcomes';
import { ArchiveError, ArgumentError } from '../errors';
import type { HttpOutcome } from '../http/types';

/**
 * Which tracks of a stream a manual-mode archive or broadcast includes, as `addArchiveStream` and
 * `addBroadcastStream` take them. A key that is present counts by its truthiness, even when falsy;
 * an absent key is `true`.
 *
 * @example
 * ```ts
 * // Record only the audio of this stream.
 * opentok.addArchiveStream(archiveId, streamId, { hasAudio: true, hasVideo: false }, (err) => {
 *   if (err) console.error(err);
 * });
 * ```
 */
export interface StreamTrackOptions {
  /** Include the stream's audio. Default `true`. */
  hasAudio?: boolean;
  /** Include the stream's video. Default `true`. */
  hasVideo?: boolean;
}

/**
 * `Boolean(options[flag])` when the options own the key (so an explicit `undefined` or `0` is
 * `false`), else `true`: the track is included unless the caller said otherwise.
 */
export function trackFlag(options: Record<string, unknown>, flag: 'hasAudio' | 'hasVideo'): boolean {
  return Object.prototype.hasOwnProperty.call(options, flag) ? Boolean(options[flag]) : true;
}

function interpretStreamPatch(outcome: HttpOutcome): readonly unknown[] {
  if (isSuccess(outcome)) return [null];
  if (hasStatus(outcome, 400)) {
    return [responseError(new ArgumentError(`Invalid request: ${JSON.stringify(outcome.body)}`), outcome)];
  }
  if (hasStatus(outcome, 405)) return [responseError(new ArchiveError('Unsupported Stream Mode'), outcome)];
  if (hasStatus(outcome, 404)) return [responseError(new ArchiveError('Archive or stream not found'), outcome)];
  return [outcomeError(outcome)];
}

function patchArchiveStreams(
  ctx: ApiContext,
  method: string,
  archiveId: unknown,
  streamId: unknown,
  callback: unknown,
  json: (streamId: unknown) => object,
): void {
  if (!isCallback(callback)) throw new ArgumentError(`No callback given to ${method}`);
  const cb: AnyCallback = callback;
  if (!archiveId) {
    cb(new ArgumentError('No Archive ID given'));
    return;
  }
  if (!streamId) {
    cb(new ArgumentError('Need one of addStream or removeStream'));
    return;
  }
  const path = `${ctx.projectPath}/archive/${encodedSegment((archiveId))}/streams`;
  callRest(ctx.rest, { method: 'PATCH', path, json: json(streamId) }, interpretStreamPatch, cb);
}

/**
 * `addArchiveStream(archiveId, streamId[, options], callback)`: PATCHes `{hasAudio, hasVideo,
 * addStream}`. 400 is an `ArgumentError`, 404 and 405 (the archive is not in manual stream mode)
 * `ArchiveError`s.
 */
export function addArchiveStream(
  ctx: ApiContext,
  archiveId: unknown,
  streamId: unknown,
  optionsOrCallback: unknown,
  maybeCallback: unknown,
): void {
  const { value, callback } = shiftOptional(optionsOrCallback, maybeCallback);
  const options = optionsObject(value);
  patchArchiveStreams(ctx, 'addArchiveStream', archiveId, streamId, callback, (id) => ({
    hasAudio: trackFlag(options, 'hasAudio'),
    hasVideo: trackFlag(options, 'hasVideo'),
    addStream: id,
  }));
}

/** `removeArchiveStream(archiveId, streamId, callback)`: PATCHes `{removeStream}`, errors as addArchiveStream. */
export function removeArchiveStream(ctx: ApiContext, archiveId: unknown, streamId: unknown, callback: unknown): void {
  patchArchiveStreams(ctx, 'removeArchiveStream', archiveId, streamId, callback, (id) => ({ removeStream: id }));
}
