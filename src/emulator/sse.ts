import type { ServerResponse } from 'http';

/** How often an idle event stream sends a comment line, so that proxies and browsers keep it open. */
const HEARTBEAT_MS = 15000;

/**
 * One server-sent-events stream (`text/event-stream`) to a browser: the emulator's way to push what
 * happens (signals, streams, archives, state changes) to the OpenTok.js stand-in and the dashboard.
 * `send` after the browser has gone does nothing; `onClose` runs once, whichever side ends it.
 */
export class EventStream {
  // TypeScript-private rather than `#` fields: the published declarations carry no ES private
  // field, which a consumer compiling for ES5 rejects.
  private readonly res: ServerResponse;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly closeHandlers: (() => void)[] = [];
  private isOpen = true;

  /**
   * Starts the stream on a response whose headers are not sent yet.
   *
   * @param res - The response to stream on.
   * @param headers - Extra response headers (CORS).
   */
  constructor(res: ServerResponse, headers: Readonly<Record<string, string>> = {}) {
    this.res = res;
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    // The first bytes make the browser fire `open` at once.
    res.write(': connected\n\n');
    this.heartbeat = setInterval(() => this.write(': heartbeat\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
    res.on('close', () => this.close());
  }

  /** False once either side has closed the stream. */
  get open(): boolean {
    return this.isOpen;
  }

  /**
   * Sends one event: `event: <name>` and its data as one JSON line.
   *
   * @param name - The event name the browser listens for.
   * @param data - Any JSON-serialisable value.
   */
  send(name: string, data: unknown): void {
    this.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Runs `handler` once when the stream closes (at once if it already has). */
  onClose(handler: () => void): void {
    if (this.isOpen) this.closeHandlers.push(handler);
    else handler();
  }

  /** Ends the stream (the browser's EventSource would reconnect; the stand-in does not). */
  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    clearInterval(this.heartbeat);
    if (!this.res.writableEnded) this.res.end();
    for (const handler of this.closeHandlers.splice(0)) handler();
  }

  private write(text: string): void {
    if (this.isOpen && !this.res.writableEnded) this.res.write(text);
  }
}
