import type { ConnectionState, SessionState, StreamState } from './state';

/**
 * What happens in a session that its connected browsers must learn about as it happens (the
 * OpenTok.js stand-in turns each into the events OpenTok.js dispatches). Event callbacks to the
 * app's server are a separate channel (`emulator.events`).
 *
 * @internal
 */
export type SessionChange =
  | { readonly type: 'connectionCreated'; readonly connection: ConnectionState }
  | { readonly type: 'connectionDestroyed'; readonly connection: ConnectionState; readonly reason: string }
  | { readonly type: 'streamCreated'; readonly stream: StreamState }
  | { readonly type: 'streamDestroyed'; readonly stream: StreamState; readonly reason: string }
  | {
      readonly type: 'streamPropertyChanged';
      readonly stream: StreamState;
      readonly changedProperty: 'hasAudio' | 'hasVideo';
      readonly oldValue: boolean;
      readonly newValue: boolean;
    }
  /** A moderator or the REST API muted this stream: its publisher turns its audio off. */
  | { readonly type: 'streamMuteForced'; readonly stream: StreamState }
  /** The session-wide force-mute was switched on or off. */
  | { readonly type: 'sessionMuteForced'; readonly active: boolean }
  /** A signal; `from` is absent for the REST API's, `to` (a connection ID) for one recipient. */
  | {
      readonly type: 'signal';
      readonly signalType?: string;
      readonly data: string;
      readonly from?: ConnectionState;
      readonly to?: string;
    }
  | { readonly type: 'archiveStarted' | 'archiveStopped'; readonly id: string; readonly name: string };

/** A listener of one session's changes. */
type SessionListener = (change: SessionChange) => void;

/** The listeners of each session; a session that nobody watches costs nothing. */
const listeners = new WeakMap<SessionState, Set<SessionListener>>();

/**
 * Calls `listener` with every later change of `session`.
 *
 * @returns A function that stops the calls.
 * @internal
 */
export function watchSession(session: SessionState, listener: SessionListener): () => void {
  let set = listeners.get(session);
  if (set === undefined) {
    set = new Set();
    listeners.set(session, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * Tells the session's watchers about a change. A listener that throws does not keep the change
 * from the others, nor from the request that made it.
 *
 * @internal
 */
export function announceChange(session: SessionState, change: SessionChange): void {
  const set = listeners.get(session);
  if (set === undefined) return;
  for (const listener of [...set]) {
    try {
      listener(change);
    } catch {
      // A browser that went away mid-send is the stand-in's business, not the caller's.
    }
  }
}

/** Whether each stream publishes audio and video, kept off `StreamState` (which the REST JSON mirrors). */
const media = new WeakMap<StreamState, { audio: boolean; video: boolean }>();

/** What the stream a connection is publishing right now starts with (see `publishWithMedia`). */
const initialMedia = new WeakMap<ConnectionState, { audio: boolean; video: boolean }>();

/**
 * The media flags of a stream: those it was published with, or what its kind of connection sends
 * (a SIP call or an audio connector: audio only).
 */
function mediaOf(session: SessionState, stream: StreamState): { audio: boolean; video: boolean } {
  let flags = media.get(stream);
  if (flags === undefined) {
    const connection = session.connections.get(stream.connectionId);
    const initial = connection && initialMedia.get(connection);
    const kind = connection?.kind;
    flags = initial ? { ...initial } : { audio: true, video: kind !== 'sip' && kind !== 'websocket' };
    media.set(stream, flags);
  }
  return flags;
}

/**
 * Runs `publish` (which publishes a stream for `connection`) so that the new stream has the given
 * media from its first announcement on: a publisher with `publishVideo: false` never shows video.
 *
 * @internal
 */
export function publishWithMedia<T>(connection: ConnectionState, flags: { hasAudio: boolean; hasVideo: boolean }, publish: () => T): T {
  initialMedia.set(connection, { audio: flags.hasAudio, video: flags.hasVideo });
  try {
    return publish();
  } finally {
    initialMedia.delete(connection);
  }
}

/**
 * Whether a stream has audio (published and not force-muted) and video, as OpenTok.js's
 * `Stream.hasAudio` and `Stream.hasVideo` say.
 *
 * @internal
 */
export function streamMedia(session: SessionState, stream: StreamState): { hasAudio: boolean; hasVideo: boolean } {
  const flags = mediaOf(session, stream);
  return { hasAudio: flags.audio && !stream.muted, hasVideo: flags.video };
}

/**
 * Sets what a stream publishes (the publisher's `publishAudio` / `publishVideo`) and announces each
 * property that changed. Publishing audio again lifts the stream's force-mute, as in OpenTok.js.
 *
 * @internal
 */
export function setStreamMedia(session: SessionState, stream: StreamState, changes: { hasAudio?: boolean; hasVideo?: boolean }): void {
  const before = streamMedia(session, stream);
  const flags = mediaOf(session, stream);
  if (changes.hasAudio !== undefined) {
    flags.audio = changes.hasAudio;
    if (changes.hasAudio) stream.muted = false;
  }
  if (changes.hasVideo !== undefined) flags.video = changes.hasVideo;
  announceMediaChanges(session, stream, before);
}

/**
 * Force-mutes a stream (the REST API's `forceMuteStream` / `forceMuteAll`, or a moderator): its
 * publisher is told to turn its audio off, and everyone sees `hasAudio` change.
 *
 * @internal
 */
export function forceMuteStream(session: SessionState, stream: StreamState): void {
  const before = streamMedia(session, stream);
  stream.muted = true;
  mediaOf(session, stream).audio = false;
  announceChange(session, { type: 'streamMuteForced', stream });
  announceMediaChanges(session, stream, before);
}

function announceMediaChanges(session: SessionState, stream: StreamState, before: { hasAudio: boolean; hasVideo: boolean }): void {
  const after = streamMedia(session, stream);
  for (const changedProperty of ['hasAudio', 'hasVideo'] as const) {
    if (before[changedProperty] !== after[changedProperty]) {
      announceChange(session, {
        type: 'streamPropertyChanged',
        stream,
        changedProperty,
        oldValue: before[changedProperty],
        newValue: after[changedProperty],
      });
    }
  }
}
