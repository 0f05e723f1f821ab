// Type test: a CommonJS TypeScript consumer with esModuleInterop, `import OpenTok from 'opentok'`.
// Compiled (never run) with tsconfig.interop.json by test/types.test.js.
import OpenTok from 'opentok';

/** `true` only when A and B are the same type (not merely assignable). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when the type of `value` is exactly `Expected`. */
declare function assertType<Expected>(): <Actual>(value: Actual, proof: Equal<Actual, Expected>) => void;

const opentok: OpenTok = new OpenTok('123456', 'secret', 'https://api.example.com');
const viaCall: OpenTok.Client = OpenTok(123456, 'secret');
assertType<OpenTok.Client>()(viaCall, true);
assertType<string>()(opentok.generateToken('SESSION_ID', { role: 'subscriber', data: 'x' }), true);

opentok.createSession({ mediaMode: 'relayed' }, (err: Error | null, session?: OpenTok.Session) => {
  if (err instanceof OpenTok.AuthError) assertType<number | undefined>()(err.statusCode, true);
  if (session) assertType<string>()(session.sessionId, true);
});
opentok.listArchives({ count: 10 }, (err, archives, totalCount) => {
  assertType<OpenTok.Archive[]>()(archives, true);
  assertType<number>()(totalCount, true);
});
opentok.startBroadcast('SESSION_ID', { outputs: { hls: {} } }, (err, broadcast) => {
  assertType<OpenTok.Broadcast>()(broadcast, true);
});

export async function run(): Promise<void> {
  const page: OpenTok.ListPage<OpenTok.Archive> = await opentok.promises.listArchives();
  assertType<number>()(page.totalCount, true);
  const sipCall = await opentok.promises.dial('SESSION_ID', 'TOKEN', 'sip:a@b');
  assertType<OpenTok.SipCall>()(sipCall, true);
  try {
    await opentok.promises.stopArchive('ARCHIVE_ID');
  } catch (error: unknown) {
    if (error instanceof OpenTok.ArchiveError) assertType<number | undefined>()(error.statusCode, true);
  }
}
