#!/usr/bin/env node
// `opentok-emulator --port N [--api-key K --api-secret S] [--latency MS] [--signature-secret S]`:
// runs the emulator until interrupted and prints the credentials to use with it.
import { Emulator } from './emulator';

/** The value of `--name value` or `--name=value`; an error when the flag has no value. */
function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const inline = args.find((arg) => arg.startsWith(`--${name}=`));
  if (inline !== undefined) return inline.slice(name.length + 3);
  const index = args.indexOf(`--${name}`);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
  return value;
}

/** A numeric flag, or `fallback` when absent; an error naming the flag when not a valid number. */
function numberFlag(name: string, fallback: number | undefined, valid: (value: number) => boolean, expected: string): number | undefined {
  const text = flag(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !valid(value)) throw new Error(`--${name} must be ${expected}`);
  return value;
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    process.stdout.write(
      'Usage: opentok-emulator [--port N] [--host H] [--api-key K] [--api-secret S] [--latency MS] [--signature-secret S]\n' +
        '(--port 0 picks a free port; the URL printed has the real one)\n' +
        '(--signature-secret S signs every event callback: Authorization: Bearer <HS256 JWT with payload_hash>)\n',
    );
    return;
  }
  const port = numberFlag('port', 4010, (value) => Number.isInteger(value) && value >= 0 && value <= 65535, 'an integer between 0 and 65535');
  const latencyMs = numberFlag('latency', undefined, (value) => Number.isFinite(value) && value >= 0, 'a number of milliseconds >= 0');
  const signatureSecret = flag('signature-secret');
  if (signatureSecret === '') throw new Error('--signature-secret needs a value');
  const emulator = await Emulator.start({
    port,
    host: flag('host'),
    apiKey: flag('api-key'),
    apiSecret: flag('api-secret'),
    latencyMs,
    signatureSecret,
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
      (signatureSecret === undefined ? '' : 'Event callbacks are signed with the signature secret given\n') +
      `API_KEY=${emulator.project.apiKey}\nAPI_SECRET=${emulator.project.apiSecret}\nAPI_URL=${emulator.url}\n`,
  );
}

main().catch((error: Error) => {
  process.stderr.write(`opentok-emulator: ${error.message}\n`);
  process.exit(1);
});
