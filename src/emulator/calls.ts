import type { Emulator } from './emulator';
import type { ConnectionState, JsonRecord, ProjectState, SessionState, StreamState } from './state';

/** The SIP call monitoring events, by the event name they are registered under (group `call`). */
const CALL_EVENTS = {
  created: 'callCreated',
  updated: 'callUpdated',
  destroyed: 'callDestroyed',
  muteForced: 'muteForced',
} as const;

/**
 * Announces a SIP call monitoring event (`call`/`created`, `updated`, `destroyed`, `muteForced`)
 * about the call of a `sip` connection: the session, the project, the event, when, `details` (a
 * `callUpdated`'s `state`, a `callDestroyed`'s `reason_code` and `reason_message`) and the call
 * (its ID, the `id` dial returned; its connection; when it was dialled). Nothing for another kind
 * of connection.
 */
export function announceCall(
  emulator: Emulator,
  project: ProjectState,
  session: SessionState,
  connection: ConnectionState,
  event: keyof typeof CALL_EVENTS,
  details: JsonRecord = {},
): void {
  if (connection.kind !== 'sip' || connection.callId === undefined) return;
  emulator.events.emit(project, 'call', event, {
    sessionId: session.id,
    projectId: project.apiKey,
    event: CALL_EVENTS[event],
    timestamp: Date.now(),
    ...details,
    call: { id: connection.callId, connectionId: connection.id, createdAt: connection.createdAt },
  });
}

/** Announces `muteForced` when a force-mute muted the stream of a SIP call. */
export function announceForcedMute(emulator: Emulator, project: ProjectState, session: SessionState, stream: StreamState): void {
  const connection = session.connections.get(stream.connectionId);
  if (connection) announceCall(emulator, project, session, connection, 'muteForced');
}
