// Type test: an ES module consumer (`.mts`), `import OpenTok, { AuthError } from 'opentok'`, plus the
// legacy deep path and the emulator entry point. Compiled (never run) by test/types.test.js.
import OpenTok, { AuthError, NotFoundError, ArgumentError, Session } from 'opentok';
import LegacySession from 'opentok/lib/session.js';
import { Emulator } from 'opentok/emulator';

/** `true` only when A and B are the same type (not merely assignable). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when the type of `value` is exactly `Expected`. */
declare function assertType<Expected>(): <Actual>(value: Actual, proof: Equal<Actual, Expected>) => void;

// The named exports are the constructor's statics.
assertType<typeof OpenTok.AuthError>()(AuthError, true);
assertType<typeof OpenTok.NotFoundError>()(NotFoundError, true);
assertType<typeof OpenTok.ArgumentError>()(ArgumentError, true);
assertType<typeof OpenTok.Session>()(Session, true);
assertType<typeof OpenTok.Session>()(LegacySession, true);

const opentok: OpenTok = new OpenTok('123456', 'secret');
const viaCall: OpenTok.Client = OpenTok('123456', 'secret', { timeout: 1000 });
assertType<OpenTok.Client>()(viaCall, true);

// Namespace types through the default import.
const archive = await opentok.promises.startArchive('SESSION_ID', { name: 'esm', outputMode: 'individual' });
assertType<OpenTok.Archive>()(archive, true);
const page: OpenTok.ListPage<OpenTok.Broadcast> = await opentok.promises.listBroadcasts();
assertType<OpenTok.Broadcast[]>()(page.items, true);
assertType<string>()(opentok.generateToken('SESSION_ID', { role: 'publisheronly' }), true);

opentok.createSession({ mediaMode: 'routed' }, (err, session) => {
  if (err instanceof AuthError) {
    assertType<OpenTok.AuthError>()(err, true);
    assertType<number | undefined>()(err.statusCode, true);
  }
  assertType<OpenTok.Session>()(session, true);
});

try {
  await opentok.promises.getArchive('missing');
} catch (error: unknown) {
  if (error instanceof NotFoundError) assertType<number | undefined>()(error.statusCode, true);
}

const emulator = await Emulator.start({ apiKey: '123456', apiSecret: 'secret' });
assertType<string>()(emulator.url, true);
await emulator.close();
