/**
 * `require('opentok/emulator')`: a local OpenTok service for tests and samples.
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
