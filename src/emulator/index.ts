/**
 * `require('opentok/emulator')`: a local OpenTok service for your tests and for development
 * without an account. {@link Emulator.start} runs a real HTTP server that answers the REST API as
 * the service does (wire formats, status codes, JWT authentication), keeps projects, sessions,
 * archives, broadcasts and the rest in memory, sends the event callbacks, and lets simulated
 * clients connect with the tokens your code mints. The `opentok-emulator` command runs one from
 * the command line (`npx opentok-emulator --help`).
 *
 * @example
 * ```ts
 * import OpenTok = require('opentok');
 * import { Emulator } from 'opentok/emulator';
 *
 * async function test(): Promise<void> {
 *   const emulator = await Emulator.start({ archiveProcessingMs: 20 });
 *   const opentok = new OpenTok(emulator.project.apiKey, emulator.project.apiSecret, { apiUrl: emulator.url });
 *   try {
 *     const session = await opentok.promises.createSession({ mediaMode: 'routed' });
 *     const client = emulator.connectClient({ token: session.generateToken(), sessionId: session.sessionId });
 *     client.publish();
 *     const archive = await opentok.promises.startArchive(session.sessionId, { name: 'test' });
 *     await opentok.promises.stopArchive(archive.id);
 *   } finally {
 *     await emulator.close();
 *   }
 * }
 * ```
 *
 * @module opentok/emulator
 */
export { Emulator } from './emulator';
export type { ApplicationCredentials, EmulatorOptions, ProjectCredentials } from './emulator';
export { SimulatedClient } from './clients';
export type { PublishOptions } from './clients';
export { ClientConnectError, EmulatorHttpError } from './errors';
export type { FaultInjector, FaultRule } from './faults';
export type { CallbackGroup, DeliveredEvent, EventDispatcher, EventDispatcherOptions } from './events';
export type { ConnectionState, JsonRecord, ProjectState, SessionState, StreamState } from './state';
export type {
  ArchiveSnapshot,
  BroadcastSnapshot,
  CallbackSnapshot,
  CaptionsSnapshot,
  ConnectionSnapshot,
  DeliverySnapshot,
  EmulatorSnapshot,
  ProjectSnapshot,
  RenderSnapshot,
  RtmpOutputSnapshot,
  SessionSnapshot,
  SipCallSnapshot,
  StreamSnapshot,
} from './dashboard/snapshot';
