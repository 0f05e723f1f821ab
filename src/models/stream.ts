import { copyOwnProperties } from '../core/objects';

/**
 * A stream published in a session, as `getStream` and `listStreams` call back with it. Every key
 * of the service's JSON is copied onto it as it is.
 *
 * @example
 * ```ts
 * opentok.listStreams(sessionId, (err, streams) => {
 *   if (err) return console.error(err);
 *   for (const stream of streams) console.log(stream.id, stream.videoType, stream.layoutClassList);
 * });
 * ```
 */
export class Stream {
  /** Stream ID. */
  declare id: string;
  /** Name given by the publisher (`''` when none). */
  declare name: string;
  /** Layout classes of the stream (set with `setStreamClassLists` or the token's `initialLayoutClassList`). */
  declare layoutClassList: string[];
  /** `camera`, `screen` or `custom` (a custom video source). */
  declare videoType: 'camera' | 'screen' | 'custom';
  /** Any other field the service returned. */
  [field: string]: unknown;

  /**
   * Builds a stream from the service's JSON (the SDK does this in `getStream` and `listStreams`).
   *
   * @param json - The JSON object, or its text; its own keys are copied onto the object.
   * @throws `SyntaxError` when `json` is text that is not JSON.
   */
  constructor(json: object | string) {
    copyOwnProperties(this, typeof json === 'string' ? (JSON.parse(json) as unknown) : json);
  }
}
