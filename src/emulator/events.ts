import fetch from 'node-fetch';
import type { JsonRecord, ProjectState } from './state';

/** Event callback groups and the events registered for them (`registerCallback({group, event, url})`). */
export type CallbackGroup = 'connection' | 'stream' | 'archive' | 'broadcast' | 'render' | 'captions';

/** How long the emulator waits for a callback URL to answer. */
const DELIVERY_TIMEOUT_MS = 5000;

/** One delivered (or failed) event POST, kept for inspection in tests. */
export interface DeliveredEvent {
  readonly url: string;
  readonly payload: JsonRecord;
  readonly status?: number;
  readonly error?: string;
}

/**
 * The deliveries in flight of each dispatcher, kept off the instance: the published declarations
 * need no ES private field (which a consumer compiling for ES5 rejects).
 */
const deliveriesInFlight = new WeakMap<EventDispatcher, Set<Promise<void>>>();

function inFlightOf(dispatcher: EventDispatcher): Set<Promise<void>> {
  const inFlight = deliveriesInFlight.get(dispatcher);
  if (inFlight === undefined) throw new TypeError('EventDispatcher method called on another object');
  return inFlight;
}

/**
 * POSTs the service's event payloads to the callback URLs registered for a group and event.
 * Delivery is fire-and-forget like the service's; `settled()` waits for the ones in flight.
 */
export class EventDispatcher {
  /** Every event POST answered or failed so far, in completion order. */
  readonly delivered: DeliveredEvent[] = [];

  constructor() {
    deliveriesInFlight.set(this, new Set());
  }

  /** Sends `payload` to every callback of `project` registered for `group`/`event`. */
  emit(project: ProjectState, group: CallbackGroup, event: string, payload: JsonRecord): void {
    for (const registration of project.callbacks.values()) {
      if (registration.group !== group || registration.event !== event) continue;
      this.send(String(registration.url), payload);
    }
  }

  /** Sends `payload` to one URL: a status callback URL given with a request (startRender's). */
  send(url: string, payload: JsonRecord): void {
    const inFlight = inFlightOf(this);
    const delivery = post(url, payload, this.delivered).finally(() => inFlight.delete(delivery));
    inFlight.add(delivery);
  }

  /** Resolves when every event POST in flight has been answered or has failed. */
  async settled(): Promise<void> {
    const inFlight = inFlightOf(this);
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  }
}

/** POSTs one payload and records the outcome in `delivered`. */
async function post(url: string, payload: JsonRecord, delivered: DeliveredEvent[]): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), DELIVERY_TIMEOUT_MS);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
      signal: controller.signal,
    });
    await response.text();
    delivered.push({ url, payload, status: response.status });
  } catch (error) {
    delivered.push({ url, payload, error: (error as Error).message });
  } finally {
    clearTimeout(timer);
  }
}
