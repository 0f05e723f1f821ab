import { createHash, randomUUID } from 'crypto';
import jwt from 'jsonwebtoken';
import fetch from 'node-fetch';
import type { JsonRecord, ProjectState } from './state';

/**
 * The event callback groups the emulator sends, as `registerCallback({ group, event, url })` names
 * them: `session`, `connection`, `stream` and `call` (events `created`, `destroyed`; `call` also
 * `updated` and `muteForced`), `archive`, `broadcast`, `render` and `captions` (event `status`).
 */
export type CallbackGroup = 'session' | 'connection' | 'stream' | 'call' | 'archive' | 'broadcast' | 'render' | 'captions';

/** Options of an `EventDispatcher` (the emulator passes its `signatureSecret`). */
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

/**
 * One delivered (or failed) event POST, kept for inspection in tests.
 *
 * @example
 * ```ts
 * await emulator.events.settled();
 * const archiveEvents = emulator.events.delivered.filter((record) => record.url.endsWith('/archive-events'));
 * console.log(archiveEvents.map((record) => record.payload.status)); // e.g. ['started', 'stopped', 'available']
 * ```
 */
export interface DeliveredEvent {
  /** The callback URL POSTed to. */
  readonly url: string;
  /** The JSON body sent, as the service would send it. */
  readonly payload: JsonRecord;
  /** The status the URL answered; absent when the POST failed. */
  readonly status?: number;
  /** Why the POST failed (connection refused, no answer within 5 seconds, ...); absent when it was answered. */
  readonly error?: string;
  /** When the POST was answered or failed, milliseconds since the epoch. */
  readonly at: number;
  /**
   * The group of the registered callback it went to (`registerCallback`'s `group`); absent for a
   * POST to a status URL given with the request itself (startRender's `statusCallbackUrl`).
   */
  readonly group?: CallbackGroup;
  /** The event of the registered callback it went to (`created`, `status`, ...); absent with `group`. */
  readonly event?: string;
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
 * The event callbacks of an emulator (`emulator.events`): POSTs the service's event payloads to
 * the callback URLs registered for a group and event. Delivery is fire-and-forget like the
 * service's (a URL that fails is not retried); `settled()` waits for the ones in flight.
 *
 * @example
 * ```ts
 * await opentok.promises.registerCallback({ group: 'connection', event: 'created', url: 'http://127.0.0.1:3000/events' });
 * emulator.connectClient({ token: session.generateToken(), sessionId: session.sessionId });
 * await emulator.events.settled();
 * console.log(emulator.events.delivered.at(-1)?.payload.event); // 'connectionCreated'
 * ```
 */
export class EventDispatcher {
  /** Every event POST answered or failed so far, in completion order. Empty it with `delivered.length = 0`. */
  readonly delivered: DeliveredEvent[] = [];

  /** @internal Built by the emulator. */
  constructor(options: EventDispatcherOptions = {}) {
    const { signatureSecret } = options;
    if (signatureSecret !== undefined && (typeof signatureSecret !== 'string' || signatureSecret === '')) {
      throw new TypeError('signatureSecret must be a non-empty string');
    }
    dispatcherInternals.set(this, { inFlight: new Set(), signatureSecret });
  }

  /**
   * Sends `payload` to every callback of `project` registered for `group`/`event`.
   *
   * @internal
   */
  emit(project: ProjectState, group: CallbackGroup, event: string, payload: JsonRecord): void {
    for (const registration of project.callbacks.values()) {
      if (registration.group !== group || registration.event !== event) continue;
      deliver(this, String(registration.url), payload, { group, event });
    }
  }

  /**
   * Sends `payload` to one URL: a status callback URL given with a request (startRender's).
   *
   * @internal
   */
  send(url: string, payload: JsonRecord): void {
    deliver(this, url, payload, {});
  }

  /**
   * Waits for the event POSTs in flight, including those sent while it waits.
   *
   * @returns Resolves when every one has been answered or has failed (it never rejects).
   */
  async settled(): Promise<void> {
    const { inFlight } = internalsOf(this);
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  }
}

/** Which registration a POST goes to, recorded with its outcome. */
type Registration = Pick<DeliveredEvent, 'group' | 'event'>;

/** Starts one POST and tracks it until it settles. */
function deliver(dispatcher: EventDispatcher, url: string, payload: JsonRecord, registration: Registration): void {
  const { inFlight, signatureSecret } = internalsOf(dispatcher);
  const delivery = post(url, payload, dispatcher.delivered, signatureSecret, registration).finally(() => inFlight.delete(delivery));
  inFlight.add(delivery);
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
async function post(
  url: string,
  payload: JsonRecord,
  delivered: DeliveredEvent[],
  signatureSecret: string | undefined,
  registration: Registration,
): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), DELIVERY_TIMEOUT_MS);
  try {
    const body = Buffer.from(JSON.stringify(payload), 'utf8');
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (signatureSecret !== undefined) headers.Authorization = signatureHeader(signatureSecret, body);
    const response = await fetch(url, { method: 'POST', headers, body, signal: controller.signal });
    await response.text();
    delivered.push({ url, payload, status: response.status, at: Date.now(), ...registration });
  } catch (error) {
    delivered.push({ url, payload, error: (error as Error).message, at: Date.now(), ...registration });
  } finally {
    clearTimeout(timer);
  }
}
