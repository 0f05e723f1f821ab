import { copyOwnProperties } from '../core/objects';

/** A stream published in a session (SPEC §13.4). */
export class Stream {
  /** Stream ID. */
  declare id: string;
  /** Name given by the publisher (`''` when none). */
  declare name: string;
  /** Layout classes of the stream. */
  declare layoutClassList: string[];
  /** `camera`, `screen` or `custom` (a custom video source). */
  declare videoType: 'camera' | 'screen' | 'custom';
  /** Any other field the service returned. */
  [field: string]: unknown;

  /** Builds a stream from the service's JSON object or its JSON text. */
  constructor(json: object | string) {
    copyOwnProperties(this, typeof json === 'string' ? (JSON.parse(json) as unknown) : json);
  }
}
