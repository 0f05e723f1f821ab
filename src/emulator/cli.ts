#!/usr/bin/env node
// `opentok-emulator --port N [--api-key K --api-secret S] [--latency MS]`: runs the emulator until
// interrupted and prints the credentials to use with it.
import { Emulator } from './emulator';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    process.stdout.write('Usage: opentok-emulator [--port N] [--host H] [--api-key K] [--api-secret S] [--latency MS]\n');
    return;
  }
  const emulator = await Emulator.start({
    port: Number(flag('port') ?? 4010),
    host: flag('host'),
    apiKey: flag('api-key'),
    apiSecret: flag('api-secret'),
    latencyMs: flag('latency') === undefined ? undefined : Number(flag('latency')),
  });
  process.stdout.write(
    `OpenTok emulator listening on ${emulator.url}\n` +
      `API_KEY=${emulator.project.apiKey}\nAPI_SECRET=${emulator.project.apiSecret}\nAPI_URL=${emulator.url}\n`,
  );
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`opentok-emulator: ${error.message}\n`);
  process.exit(1);
});
