// The OpenTok.js stand-in served by the emulator at /_emulator/opentok.js. Its files are classic
// scripts joined into one (tsconfig.json of this folder), each a part of the `OTStandIn`
// namespace, so that the page gets `window.OT` and one other global, not every helper.

namespace OTStandIn {
  /** OpenTok.js's log levels: `OT.setLogLevel(level)` takes one of them (NONE 0 ... DEBUG 5). */
  export const LOG_LEVELS = { NONE: 0, ERROR: 1, WARN: 2, INFO: 3, LOG: 4, DEBUG: 5 } as const;

  /** Errors only, until `OT.setLogLevel()` says otherwise, as OpenTok.js. */
  let level: number = LOG_LEVELS.ERROR;

  /** Sets the level of the stand-in's console messages. */
  export function setLevel(value: number): void {
    level = Number.isFinite(value) ? value : LOG_LEVELS.ERROR;
  }

  /** Writes a console message of that level when the current level lets it through. */
  export function log(messageLevel: number, message: string): void {
    if (messageLevel > level || messageLevel <= LOG_LEVELS.NONE) return;
    const text = `OT (emulator stand-in): ${message}`;
    /* eslint-disable no-console -- the console is where OpenTok.js logs too */
    if (messageLevel === LOG_LEVELS.ERROR) console.error(text);
    else if (messageLevel === LOG_LEVELS.WARN) console.warn(text);
    else if (messageLevel === LOG_LEVELS.INFO) console.info(text);
    else console.log(text);
    /* eslint-enable no-console */
  }
}
