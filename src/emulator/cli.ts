#!/usr/bin/env node
// `opentok-emulator [--port N] [--host H] [--api-key K] [--api-secret S] [--latency MS]
// [--signature-secret S] [--clock-skew MS]`: runs the emulator until interrupted and prints the credentials to use
// with it. `--help` prints the usage with every default.
import { Emulator } from './emulator';

/** The port the CLI listens on when `--port` is not given (`Emulator.start` itself defaults to 0). */
const DEFAULT_PORT = 4010;
/** The interface the CLI listens on when `--host` is not given (as `Emulator.start`). */
const DEFAULT_HOST = '127.0.0.1';

const USAGE =
  'Usage: opentok-emulator [--port N] [--host H] [--api-key K] [--api-secret S] [--latency MS] [--signature-secret S]\n' +
  '                        [--clock-skew MS]\n' +
  '\n' +
  'Runs a local OpenTok emulator until interrupted (Ctrl-C, SIGTERM) and prints its URL and the\n' +
  'credentials of its project as API_KEY=, API_SECRET= and API_URL= lines.\n' +
  '\n' +
  'Options (each as --flag value or --flag=value):\n' +
  `  --port N              port to listen on, 0 to 65535; 0 picks a free port (default: ${DEFAULT_PORT})\n` +
  `  --host H              interface to listen on (default: ${DEFAULT_HOST})\n` +
  '  --api-key K           API key of the project (default: generated)\n' +
  '  --api-secret S        API secret of the project (default: generated)\n' +
  '  --latency MS          delay added to every REST request, in milliseconds (default: 0)\n' +
  '  --signature-secret S  signs every event callback: Authorization: Bearer <HS256 JWT with\n' +
  '                        payload_hash> (default: callbacks are not signed)\n' +
  '  --clock-skew MS       runs the emulator\'s clock MS milliseconds ahead of this machine\'s, behind\n' +
  '                        when negative: auth JWTs and client tokens are checked against it and\n' +
  '                        the Date header tells it (default: 0)\n' +
  '  --help                prints this text and exits\n';

/** The flags that take a value. */
const VALUE_FLAGS = ['port', 'host', 'api-key', 'api-secret', 'latency', 'signature-secret', 'clock-skew'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

/** A command line the CLI refuses: exit status 2, the message, then the usage. */
class UsageError extends Error {}

/**
 * Reads the arguments: `--name value` or `--name=value` for each flag (the last one wins when a
 * flag is repeated), `--help`. Anything else is a `UsageError` naming it, as is a flag without a
 * value (the end of the line, an empty value, or another flag where the value should be).
 */
function parseArguments(args: readonly string[]): { help: boolean; values: Partial<Record<ValueFlag, string>> } {
  const values: Partial<Record<ValueFlag, string>> = {};
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === '--help' || arg === '-h') return { help: true, values };
    const match = /^--([^=]+)(?:=([\s\S]*))?$/.exec(arg);
    if (match === null) {
      throw new UsageError(arg.startsWith('-') ? `unknown flag ${arg}` : `unexpected argument ${JSON.stringify(arg)}`);
    }
    const name = match[1];
    if (!(VALUE_FLAGS as readonly string[]).includes(name)) {
      throw new UsageError(name === 'help' ? '--help takes no value' : `unknown flag --${name}`);
    }
    let value = match[2];
    if (value === undefined) {
      const next = args[index + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        index += 1;
      }
    }
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
    values[name as ValueFlag] = value;
  }
  return { help: false, values };
}

/** A numeric flag, or `fallback` when absent; a `UsageError` naming the flag when not a valid number. */
function numberFlag(
  values: Partial<Record<ValueFlag, string>>,
  name: ValueFlag,
  fallback: number,
  valid: (value: number) => boolean,
  expected: string,
): number {
  const text = values[name];
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !valid(value)) throw new UsageError(`--${name} must be ${expected}`);
  return value;
}

async function main(): Promise<void> {
  const { help, values } = parseArguments(process.argv.slice(2));
  if (help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = numberFlag(values, 'port', DEFAULT_PORT, (value) => Number.isInteger(value) && value >= 0 && value <= 65535, 'an integer between 0 and 65535');
  const latencyMs = numberFlag(values, 'latency', 0, (value) => Number.isFinite(value) && value >= 0, 'a number of milliseconds >= 0');
  const clockSkewMs = numberFlag(values, 'clock-skew', 0, (value) => Number.isFinite(value), 'a number of milliseconds (negative: behind)');
  const signatureSecret = values['signature-secret'];
  const emulator = await Emulator.start({
    port,
    host: values.host ?? DEFAULT_HOST,
    apiKey: values['api-key'],
    apiSecret: values['api-secret'],
    latencyMs,
    signatureSecret,
    clockSkewMs,
  });
  // Handlers first: whoever reads the URL below may signal at once.
  let stopping = false;
  const stop = (): void => {
    // A second signal while closing must not fall back to the default handler (exit by signal).
    if (stopping) return;
    stopping = true;
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.write(
    `OpenTok emulator listening on ${emulator.url}\n` +
      `Dashboard: ${emulator.dashboardUrl}\n` +
      // What a page loads instead of OpenTok.js to join this emulator's sessions.
      `OpenTok.js stand-in: ${emulator.url}/_emulator/opentok.js\n` +
      (signatureSecret === undefined ? '' : 'Event callbacks are signed with the signature secret given\n') +
      (clockSkewMs === 0 ? '' : `Its clock runs ${Math.abs(clockSkewMs)} ms ${clockSkewMs > 0 ? 'ahead of' : 'behind'} this machine's\n`) +
      `API_KEY=${emulator.project.apiKey}\nAPI_SECRET=${emulator.project.apiSecret}\nAPI_URL=${emulator.url}\n`,
  );
}

main().catch((error: Error) => {
  // A refused command line: one line naming what is wrong, then the usage (exit status 2, as
  // command-line tools do). Anything else (the port is taken, the host does not exist): status 1.
  if (error instanceof UsageError) {
    process.stderr.write(`opentok-emulator: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  process.stderr.write(`opentok-emulator: ${error.message}\n`);
  process.exit(1);
});
