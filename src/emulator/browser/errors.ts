namespace OTStandIn {
  /** OpenTok.js's error codes (its `ExceptionCodes`), by what they say. */
  export const CODES = {
    AUTHENTICATION_ERROR: 1004,
    INVALID_SESSION_ID: 1005,
    CONNECT_FAILED: 1006,
    NOT_CONNECTED: 1010,
    INVALID_PARAMETER: 1011,
    UNABLE_TO_PUBLISH: 1500,
    UNABLE_TO_SUBSCRIBE: 1501,
    UNABLE_TO_FORCE_DISCONNECT: 1520,
    UNABLE_TO_FORCE_UNPUBLISH: 1530,
    UNABLE_TO_FORCE_MUTE: 1540,
    UNEXPECTED_SERVER_RESPONSE: 2001,
  } as const;

  /** OpenTok.js's error names (the `name` of its errors). */
  export const NAMES = {
    AUTHENTICATION_ERROR: 'OT_AUTHENTICATION_ERROR',
    INVALID_SESSION_ID: 'OT_INVALID_SESSION_ID',
    CONNECT_FAILED: 'OT_CONNECT_FAILED',
    NOT_CONNECTED: 'OT_NOT_CONNECTED',
    INVALID_PARAMETER: 'OT_INVALID_PARAMETER',
    PERMISSION_DENIED: 'OT_PERMISSION_DENIED',
    NOT_FOUND: 'OT_NOT_FOUND',
    RATE_LIMIT_EXCEEDED: 'OT_RATE_LIMIT_EXCEEDED',
    UNEXPECTED_SERVER_RESPONSE: 'OT_UNEXPECTED_SERVER_RESPONSE',
  } as const;

  /** OpenTok.js's error titles by code, the `title` of its `exception` events. */
  const TITLES: Readonly<Record<number, string>> = {
    1004: 'Authentication error',
    1005: 'Invalid Session ID',
    1006: 'Connect Failed',
    1010: 'Not Connected',
    1011: 'Invalid Parameter',
    1500: 'Unable to Publish',
    1501: 'Unable to Subscribe',
    1520: 'Unable to Force Disconnect',
    1530: 'Unable to Force Unpublish',
    1540: 'Unable to Force Mute',
    2001: 'Unexpected Server Response',
  };

  /** An OpenTok.js error: an `Error` with the OpenTok.js `name` and, most of the time, a `code`. */
  export class StandInError extends Error implements OT.OTError {
    code?: number;

    constructor(name: string, message: string, code?: number) {
      super(message);
      this.name = name;
      if (code !== undefined) this.code = code;
    }
  }

  /** The `OT` object's own events (`OT.on('exception', ...)`). */
  export const otEvents = new Emitter();

  /**
   * Reports an error as OpenTok.js does: a console error, then an `exception` event on `OT` with
   * its code, message and title.
   */
  export function reportException(error: StandInError, target: object): void {
    const code = error.code ?? 0;
    const title = TITLES[code] ?? error.name;
    log(LOG_LEVELS.ERROR, `OT.exception :: title: ${title} (${code}) msg: ${error.message}`);
    otEvents.dispatch(makeEvent('exception', target, { code, message: error.message, title }));
  }

  /** Hands an error to a completion handler, then reports it (OpenTok.js's order). */
  export function fail(error: StandInError, target: object, callback?: (error?: StandInError) => void): void {
    if (typeof callback === 'function') callback(error);
    reportException(error, target);
  }
}
