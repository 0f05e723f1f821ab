import { callRest, isCallback, shiftOptional } from '../core/callbacks';
import type { AnyCallback } from '../core/callbacks';
import type { ApiContext } from '../core/context';
import { copyOwnProperties, isNullOrEmpty, isPlainObject, optionsObject, toText } from '../core/objects';
import { hasStatus, isSuccess, malformedBody, outcomeError, passThroughArgs, responseError } from '../core/outcomes';
import { ArgumentError, wrapError } from '../errors';
import type { OpenTokError } from '../errors';
import type { HttpOutcome, SuccessOutcome } from '../http/types';
import { BroadcastModel } from '../models/broadcast';
import type { Broadcast } from '../models/broadcast';
import { trackFlag } from '../archives/archive-streams';
import type { LayoutOptions } from '../layouts/set-layout';

/**
 * The resolutions of a broadcast: SD (`640x480`), HD (`1280x720`) and FHD (`1920x1080`),
 * landscape, and the same three portrait.
 */
export type BroadcastResolution = '640x480' | '480x640' | '1280x720' | '720x1280' | '1920x1080' | '1080x1920';

/**
 * The HLS output of a broadcast. `dvr: true` lets viewers pause and rewind (DVR);
 * `lowLatency: true` lowers the delay to viewers. The two cannot both be `true`: `startBroadcast`
 * calls back with an `ArgumentError` before any request (and the type does not compile). `{}` is
 * a plain HLS output.
 */
export type HlsOutput =
  | {
      /** Let viewers pause and rewind the stream (DVR). Default `false`. */
      dvr?: boolean;
      /** Only `false` (or absent) together with `dvr`. */
      lowLatency?: false;
    }
  | {
      /** Only `false` (or absent) together with `lowLatency`. */
      dvr?: false;
      /** Low-latency HLS. Default `false`. */
      lowLatency?: boolean;
    };

/** An RTMP output of a broadcast: where the service pushes the stream. */
export interface RtmpOutput {
  /** Your ID for this output, returned with its status in `broadcastUrls.rtmp`. */
  id?: string;
  /** URL of the RTMP server and application, `rtmp://host[:port]/app` or `rtmps://...`. */
  serverUrl: string;
  /** Stream name (the stream key) on that server. */
  streamName: string;
}

/** The outputs of a broadcast: an HLS output, up to five RTMP outputs, or both (at least one). */
export interface BroadcastOutputs {
  /** An HLS output; its playlist URL is the broadcast's `broadcastUrls.hls`. */
  hls?: HlsOutput;
  /** RTMP outputs, at most five. */
  rtmp?: RtmpOutput[];
}

/**
 * Options of `startBroadcast`. The keys are sent to the service as given (the SDK adds the
 * `sessionId`, and `streamMode: 'auto'` when it is not set), so an option the service refuses is
 * reported with status 400.
 *
 * @example
 * ```ts
 * opentok.startBroadcast(sessionId, {
 *   outputs: {
 *     hls: { lowLatency: true },
 *     rtmp: [{ id: 'youtube', serverUrl: 'rtmp://a.rtmp.youtube.com/live2', streamName: 'stream-key' }],
 *   },
 *   maxDuration: 5400,
 *   resolution: '1280x720',
 *   layout: { type: 'bestFit' },
 * }, (err, broadcast) => {
 *   if (err) return console.error(err);
 *   console.log(broadcast.id, broadcast.broadcastUrls?.hls);
 * });
 * ```
 */
export interface BroadcastOptions {
  /** Where the broadcast goes: HLS, up to five RTMP outputs, or both. */
  outputs: BroadcastOutputs;
  /** Maximum duration in seconds, 60 to 36000 (10 hours); the broadcast then stops. Default 14400 (4 hours). */
  maxDuration?: number;
  /** Resolution of the broadcast. Default `640x480`. */
  resolution?: BroadcastResolution;
  /** Layout of the composed stream. Default: `bestFit`. Change it later with `setBroadcastLayout`. */
  layout?: LayoutOptions;
  /**
   * `auto` (the default) broadcasts every stream of the session; `manual` only the streams added
   * with `addBroadcastStream`.
   */
  streamMode?: 'auto' | 'manual';
  /**
   * A tag that lets a session have several broadcasts at once: without it, starting a second
   * broadcast of a session is refused (status 409).
   */
  multiBroadcastTag?: string;
  /** Maximum video bitrate of the broadcast, in bits per second. Default: set by the service. */
  maxBitrate?: number;
}

/**
 * Options of `listBroadcasts`: a page of the project's broadcasts, newest first.
 *
 * @example
 * ```ts
 * opentok.listBroadcasts({ offset: 0, count: 10, sessionId }, (err, broadcasts, totalCount) => {
 *   if (err) return console.error(err);
 *   console.log(`${broadcasts.length} of ${totalCount} broadcasts`);
 * });
 * ```
 */
export interface ListBroadcastsOptions {
  /** Index of the first broadcast returned. Default `0`. */
  offset?: number;
  /** Number of broadcasts returned, 1 to 1000. Default `50`. */
  count?: number;
  /** Only the broadcasts of this session. Default: the broadcasts of every session. */
  sessionId?: string;
}

const START_WRAP = 'Failed to start broadcast. Error: ';
const STOP_WRAP = 'Failed to stop broadcast. Error: ';
const GET_WRAP = 'Failed to get broadcast. Error: ';

/** A Broadcast from a 2xx body (JSON object or JSON text), else the malformed-body error. */
function broadcastFrom(ctx: ApiContext, outcome: SuccessOutcome): Broadcast | OpenTokError {
  const body = outcome.body;
  if (isPlainObject(body)) return new BroadcastModel(ctx.ot, body);
  if (typeof body === 'string') {
    try {
      const parsed: unknown = JSON.parse(body);
      if (isPlainObject(parsed)) return new BroadcastModel(ctx.ot, parsed);
    } catch {
      // Not JSON: reported as a malformed body below.
    }
  }
  return malformedBody(outcome);
}

/** Interprets a response that carries one broadcast, wrapping every error with `wrap`. */
function singleBroadcast(ctx: ApiContext, wrap: string, inner?: (outcome: HttpOutcome) => Error | undefined) {
  return (outcome: HttpOutcome): readonly unknown[] => {
    if (!isSuccess(outcome)) return [wrapError(wrap, inner?.(outcome) ?? outcomeError(outcome))];
    const result = broadcastFrom(ctx, outcome);
    return result instanceof BroadcastModel ? [null, result] : [wrapError(wrap, result)];
  };
}

/**
 * `startBroadcast(sessionId, options, callback)`: every error is wrapped as `Failed to start
 * broadcast. Error: <inner>`; a 400 has the inner message `Bad session ID, token, SIP credentials,
 * or SIP URI (sip:user@domain.tld)` (2.x's wording, whatever the 400 was about).
 */
export function startBroadcast(ctx: ApiContext, sessionId: unknown, options: unknown, callback: unknown): void {
  if (!isCallback(callback)) throw new ArgumentError('No callback given to startBroadcast');
  let invalid: string | undefined;
  if (isNullOrEmpty(sessionId)) invalid = 'No sessionId given to startBroadcast';
  else if (!options || typeof options !== 'object') invalid = 'No options given to startBroadcast';
  else {
    const hls = optionsObject(optionsObject((options as Record<string, unknown>).outputs).hls);
    if (hls.dvr && hls.lowLatency) invalid = 'Cannot set both dvr and lowLatency on HLS';
  }
  if (invalid !== undefined) {
    callback(new ArgumentError(invalid));
    return;
  }
  const json: Record<string, unknown> = {};
  copyOwnProperties(json, options);
  json.sessionId = sessionId;
  if (!json.streamMode) json.streamMode = 'auto';

  const badRequest = (outcome: HttpOutcome): Error | undefined => {
    if (!hasStatus(outcome, 400)) return undefined;
    const error = new Error('Bad session ID, token, SIP credentials, or SIP URI (sip:user@domain.tld)');
    return responseError(error as OpenTokError, outcome);
  };
  const path = `${ctx.projectPath}/broadcast`;
  callRest(ctx.rest, { method: 'POST', path, json }, singleBroadcast(ctx, START_WRAP, badRequest), callback);
}

function broadcastIdCall(method: string, broadcastId: unknown, callback: unknown): AnyCallback | undefined {
  if (!isCallback(callback)) throw new ArgumentError(`No callback given to ${method}`);
  if (isNullOrEmpty(broadcastId)) {
    callback(new ArgumentError('No broadcast ID given'));
    return undefined;
  }
  return callback;
}

/** `stopBroadcast(broadcastId, callback)`: errors wrapped as `Failed to stop broadcast. Error: <inner>`. */
export function stopBroadcast(ctx: ApiContext, broadcastId: unknown, maybeCallback: unknown): void {
  const callback = broadcastIdCall('stopBroadcast', broadcastId, maybeCallback);
  if (!callback) return;
  const path = `${ctx.projectPath}/broadcast/${toText(broadcastId)}/stop`;
  callRest(ctx.rest, { method: 'POST', path, json: {} }, singleBroadcast(ctx, STOP_WRAP), callback);
}

/** `getBroadcast(broadcastId, callback)`: errors wrapped as `Failed to get broadcast. Error: <inner>`. */
export function getBroadcast(ctx: ApiContext, broadcastId: unknown, maybeCallback: unknown): void {
  const callback = broadcastIdCall('getBroadcast', broadcastId, maybeCallback);
  if (!callback) return;
  const path = `${ctx.projectPath}/broadcast/${toText(broadcastId)}`;
  callRest(ctx.rest, { method: 'GET', path }, singleBroadcast(ctx, GET_WRAP), callback);
}

/** `listBroadcasts([options], callback)`: calls back `(null, broadcasts, totalCount)`. */
export function listBroadcasts(ctx: ApiContext, optionsOrCallback: unknown, maybeCallback: unknown): void {
  const shifted = shiftOptional(optionsOrCallback, maybeCallback);
  const callback = shifted.callback;
  if (!isCallback(callback)) throw new ArgumentError('No callback given to listBroadcasts');
  const options = optionsObject(shifted.value);
  // Built by hand as the original did: integers parsed, sessionId inserted raw.
  const query: string[] = [];
  if (options.offset) query.push(`offset=${parseInt(toText(options.offset), 10)}`);
  if (options.count) query.push(`count=${parseInt(toText(options.count), 10)}`);
  if (options.sessionId) query.push(`sessionId=${toText(options.sessionId)}`);
  const path = `${ctx.projectPath}/broadcast${query.length ? `?${query.join('&')}` : ''}`;
  const interpret = (outcome: HttpOutcome): readonly unknown[] => {
    if (!isSuccess(outcome)) return [outcomeError(outcome)];
    const body = outcome.body as { items?: unknown; count?: unknown } | null;
    if (!isPlainObject(body) || !Array.isArray(body.items)) return [malformedBody(outcome)];
    const broadcasts = body.items.map((item: unknown) => new BroadcastModel(ctx.ot, optionsObject(item)));
    return [null, broadcasts, body.count || 0];
  };
  callRest(ctx.rest, { method: 'GET', path }, interpret, callback);
}

/** `addBroadcastStream(broadcastId, streamId[, options], callback)`: a PATCH whose response is passed through. */
export function addBroadcastStream(
  ctx: ApiContext,
  broadcastId: unknown,
  streamId: unknown,
  optionsOrCallback: unknown,
  maybeCallback: unknown,
): void {
  const shifted = shiftOptional(optionsOrCallback, maybeCallback);
  const callback = shifted.callback;
  if (!isCallback(callback)) throw new ArgumentError('No callback given to addBroadcastStream');
  if (isNullOrEmpty(broadcastId)) {
    callback(new ArgumentError('No broadcastId given to addBroadcastStream'));
    return;
  }
  if (isNullOrEmpty(streamId)) {
    callback(new ArgumentError('No streamId given to addBroadcastStream'));
    return;
  }
  const options = optionsObject(shifted.value);
  const json = { addStream: streamId, hasAudio: trackFlag(options, 'hasAudio'), hasVideo: trackFlag(options, 'hasVideo') };
  const path = `${ctx.projectPath}/broadcast/${toText(broadcastId)}/streams`;
  callRest(ctx.rest, { method: 'PATCH', path, json }, passThroughArgs, callback);
}

/** `removeBroadcastStream(broadcastId, streamId, callback)`: a PATCH whose response is passed through. */
export function removeBroadcastStream(ctx: ApiContext, broadcastId: unknown, streamId: unknown, callback: unknown): void {
  if (!isCallback(callback)) throw new ArgumentError('No callback given to removeBroadcastStream');
  if (isNullOrEmpty(broadcastId)) {
    callback(new ArgumentError('No broadcastId provided'));
    return;
  }
  if (isNullOrEmpty(streamId)) {
    callback(new ArgumentError('No streamId provided'));
    return;
  }
  const path = `${ctx.projectPath}/broadcast/${toText(broadcastId)}/streams`;
  callRest(ctx.rest, { method: 'PATCH', path, json: { removeStream: streamId } }, passThroughArgs, callback);
}
