import { createHash, randomUUID } from 'crypto';
import jwt from 'jsonwebtoken';
import fetch from 'node-fetch';
import type { JsonRecord, ProjectState } from './state';

/** Event callback groups and the events registered for them (`registerCallback({group, event, url})`). */
export type CallbackGroup = 'session' | 'connection' | 'stream' | 'call' | 'archive' | 'broadcast' | 'render' | 'captions';

/** Options of an `EventDispatcher`. */
export interface EventDispatcherOptions {
  /**
   * Secret to sign every callback with: each POST then carries `Authorization: Bearer <JWT>`, an
   * HS256 JWT with `iat`, `exp` (5 minutes later), a random `jti` and `payload_hash`, the SHA-256
   * hex digest of the exact body bytes sent. Without it, callbacks are not signed.
   */
  signatureSecret?: string;
}

/** How long the JWT of a signed callback is valid, in seconds. */
const SIGNATURE_TTL_S = 300;

/** How long the emulator waits for a callback URL to answer. */
const DELIVERY_TIMEOUT_MS = 5000;

/** One delivered (or failed) event POST, kept for inspection in tests. */
export interface DeliveredEvent {
  readonly url: string;
  readonly payload: JsonRecord;
  readonly status?: number;
  readonly error?: string;
}

/** What a dispatcher keeps for itself: the deliveries in flight and the signature secret. */
interface DispatcherInternals {
  readonly inFlight: Set<Promise<void>>;
  readonly signatureSecret?: string;
}

/**
 * Each dispatcher's internals, kept off the instance: the published declarations need no ES
 * private field (which a consumer compiling for ES5 rejects), and the secret stays out of
 * `util.inspect` and `JSON.stringify` of the emulator.
 */
const dispatcherInternals = new WeakMap<EventDispatcher, DispatcherInternals>();

function internalsOf(dispatcher: EventDispatcher): DispatcherInternals {
  const internals = dispatcherInternals.get(dispatcher);
  if (internals === undefined) throw new TypeError('EventDispatcher method called on another object');
  return internals;
}

/**
 * POSTs the service's event payloads to the callback URLs registered for a group and event.
 * Delivery is fire-and-forget like the service's; `settled()` waits for the ones in flight.
 */
export class EventDispatcher {
  /** Every event POST answered or failed so far, in completion order. */
  readonly delivered: DeliveredEvent[] = [];

  constructor(options: EventDispatcherOptions = {}) {
    const { signatureSecret } = options;
    if (signatureSecret !== undefined && (typeof signatureSecret !== 'string' || signatureSecret === '')) {
      throw new TypeError('signatureSecret must be a non-empty string');
    }
    dispatcherInternals.set(this, { inFlight: new Set(), signatureSecret });
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
    const { inFlight, signatureSecret } = internalsOf(this);
    const delivery = post(url, payload, this.delivered, signatureSecret).finally(() => inFlight.delete(delivery));
    inFlight.add(delivery);
  }

  /** Resolves when every event POST in flight has been answered or has failed. */
  async settled(): Promise<void> {
    const { inFlight } = internalsOf(this);
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  }
}

/**
 * The `Authorization` header of a signed callback: a bearer HS256 JWT whose `payload_hash` is the
 * SHA-256 hex digest of `body`, the bytes sent.
 */
function signatureHeader(secret: string, body: Buffer): string {
  const payloadHash = createHash('sha256').update(body).digest('hex');
  const token = jwt.sign({ payload_hash: payloadHash }, secret, {
    algorithm: 'HS256',
    expiresIn: SIGNATURE_TTL_S,
    jwtid: randomUUID(),
  });
  return `Bearer ${token}`;
}

/** POSTs one payload (signed when a secret is given) and records the outcome in `delivered`. */
async function post(url: string, payload: JsonRecord, delivered: DeliveredEvent[], signatureSecret: string | undefined): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), DELIVERY_TIMEOUT_MS);
  try {
    const body = Buffer.from(JSON.stringify(payload), 'utf8');
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (signatureSecret !== undefined) headers.Authorization = signatureHeader(signatureSecret, body);
    const response = await fetch(url, { method: 'POST', headers, body, signal: controller.signal });
    await response.text();
    delivered.push({ url, payload, status: response.status });
  } catch (error) {
    delivered.push({ url, payload, error: (error as Error).message });
  } finally {
    clearTimeout(timer);
  }
}
