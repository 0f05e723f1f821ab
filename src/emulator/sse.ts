import type { ServerResponse } from 'http';

/** How often an idle event stream sends a comment line, so that proxies and browsers keep it open. */
const HEARTBEAT_MS = 15000;

/** What an event stream keeps for itself. */
interface StreamInternals {
  readonly res: ServerResponse;
  readonly heartbeat: NodeJS.Timeout;
  readonly closeHandlers: (() => void)[];
  open: boolean;
}

/**
 * Each stream's internals, kept off the instance: the published declarations need no ES private
 * field (which a consumer compiling for ES5 rejects).
 */
const streamInternals = new WeakMap<EventStream, StreamInternals>();

function internalsOf(stream: EventStream): StreamInternals {
  const internals = streamInternals.get(stream);
  if (internals === undefined) throw new TypeError('EventStream member used on another object');
  return internals;
}

/** Writes to the response while the stream is open. */
function write(stream: EventStream, text: string): void {
  const internals = internalsOf(stream);
  if (internals.open && !internals.res.writableEnded) internals.res.write(text);
}

/**
 * One server-sent-events stream (`text/event-stream`) to a browser: the emulator's way to push what
 * happens (signals, streams, archives, state changes) to the OpenTok.js stand-in and the dashboard.
 * `send` after the browser has gone does nothing; `onClose` runs once, whichever side ends it.
 */
export class EventStream {
  /**
   * Starts the stream on a response whose headers are not sent yet.
   *
   * @param res - The response to stream on.
   * @param headers - Extra response headers (CORS).
   */
  constructor(res: ServerResponse, headers: Readonly<Record<string, string>> = {}) {
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    // The first bytes make the browser fire `open` at once.
    res.write(': connected\n\n');
    const heartbeat = setInterval(() => write(this, ': heartbeat\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    streamInternals.set(this, { res, heartbeat, closeHandlers: [], open: true });
    res.on('close', () => this.close());
  }

  /** False once either side has closed the stream. */
  get open(): boolean {
    return internalsOf(this).open;
  }

  /**
   * Sends one event: `event: <name>` and its data as one JSON line.
   *
   * @param name - The event name the browser listens for.
   * @param data - Any JSON-serialisable value.
   */
  send(name: string, data: unknown): void {
    write(this, `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Runs `handler` once when the stream closes (at once if it already has). */
  onClose(handler: () => void): void {
    const internals = internalsOf(this);
    if (internals.open) internals.closeHandlers.push(handler);
    else handler();
  }

  /** Ends the stream (the browser's EventSource would reconnect; the stand-in does not). */
  close(): void {
    const internals = internalsOf(this);
    if (!internals.open) return;
    internals.open = false;
    clearInterval(internals.heartbeat);
    if (!internals.res.writableEnded) internals.res.end();
    for (const handler of internals.closeHandlers.splice(0)) handler();
  }
}
