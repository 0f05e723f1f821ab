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
 * POSTs the service's event payloads to the callback URLs registered for a group and event.
 * Delivery is fire-and-forget like the service's; `settled()` waits for the ones in flight.
 */
export class EventDispatcher {
  readonly delivered: DeliveredEvent[] = [];
  readonly #inFlight = new Set<Promise<void>>();

  /** Sends `payload` to every callback of `project` registered for `group`/`event`. */
  emit(project: ProjectState, group: CallbackGroup, event: string, payload: JsonRecord): void {
    for (const registration of project.callbacks.values()) {
      if (registration.group !== group || registration.event !== event) continue;
      this.send(String(registration.url), payload);
    }
  }

  /** Sends `payload` to one URL: a status callback URL given with a request (startRender's). */
  send(url: string, payload: JsonRecord): void {
    const delivery = this.#post(url, payload).finally(() => this.#inFlight.delete(delivery));
    this.#inFlight.add(delivery);
  }

  /** Resolves when every event POST in flight has been answered or has failed. */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
  }

  async #post(url: string, payload: JsonRecord): Promise<void> {
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
      this.delivered.push({ url, payload, status: response.status });
    } catch (error) {
      this.delivered.push({ url, payload, error: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
}
