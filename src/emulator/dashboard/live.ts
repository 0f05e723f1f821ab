import type { ServerResponse } from 'http';
import type { Emulator } from '../emulator';
import { EventStream } from '../sse';
import { emulatorSnapshot } from './snapshot';
import type { EmulatorSnapshot } from './snapshot';

/**
 * How often the state is compared with the last snapshot sent, while a dashboard watches. The
 * state is plain maps that many places change (routes, timers such as archive processing,
 * simulated clients, and test code writing to `emulator.projects` directly), so comparing
 * snapshots catches every change without a hook at each of them; several changes within one
 * period go out as one snapshot.
 */
const CHECK_MS = 150;

/** The dashboards watching one emulator, and the last snapshot they were sent. */
interface Watchers {
  readonly streams: Set<EventStream>;
  readonly timer: NodeJS.Timeout;
  last: string;
}

/** Per emulator; an entry exists only while a dashboard watches, so nobody watching costs nothing. */
const watching = new WeakMap<Emulator, Watchers>();

/** Sends the snapshot to every watcher when it differs from the last one sent. */
function check(emulator: Emulator, watchers: Watchers): void {
  let snapshot: EmulatorSnapshot;
  let text: string;
  try {
    snapshot = emulatorSnapshot(emulator);
    text = JSON.stringify(snapshot);
  } catch {
    // State that code wrote to `emulator.projects` by hand may not fit the snapshot: skip this
    // check rather than throw from a timer (which would end the process).
    return;
  }
  if (text === watchers.last) return;
  watchers.last = text;
  for (const stream of watchers.streams) stream.send('state', snapshot);
}

/**
 * Streams the emulator's state to one dashboard as server-sent events: a `state` event with the
 * whole {@link EmulatorSnapshot} at once, then another each time it changes.
 *
 * @param emulator - The emulator to watch.
 * @param res - The response to stream on (its headers not sent yet).
 */
export function watchState(emulator: Emulator, res: ServerResponse): void {
  const stream = new EventStream(res, { 'X-Content-Type-Options': 'nosniff' });
  const snapshot = emulatorSnapshot(emulator);
  stream.send('state', snapshot);
  let watchers = watching.get(emulator);
  if (watchers === undefined) {
    const timer = setInterval(() => check(emulator, created), CHECK_MS);
    // A dashboard left open must not keep a test process alive.
    timer.unref();
    const created: Watchers = { streams: new Set(), timer, last: JSON.stringify(snapshot) };
    watchers = created;
    watching.set(emulator, watchers);
  }
  const current = watchers;
  current.streams.add(stream);
  stream.onClose(() => {
    current.streams.delete(stream);
    if (current.streams.size === 0) {
      clearInterval(current.timer);
      watching.delete(emulator);
    }
  });
}

/** How many dashboards watch the emulator now (0 when none: no timer runs). For tests. */
export function watcherCount(emulator: Emulator): number {
  return watching.get(emulator)?.streams.size ?? 0;
}
