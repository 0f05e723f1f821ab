import { parseEvent } from './parse-event';
import type { OpenTokEvent } from './types';
import { WebhookError } from './webhook-error';

/** The part of an Express request the handler reads: `body`, as parsed JSON, a string or a Buffer. */
export interface WebhookRequest {
  /** Set by `express.json()`, `express.text()` or `express.raw()`. */
  body?: unknown;
}

/** The part of an Express response the handler uses. */
export interface WebhookResponse {
  /** Sets the status code; returns the response (chainable, as Express does). */
  status(code: number): WebhookResponse;
  /** Sends a JSON body. */
  json(body: unknown): unknown;
  /** Ends the response without a body. */
  end(): unknown;
}

/** Receives each valid event; a throw or a rejection answers 500. */
export type WebhookEventListener = (event: OpenTokEvent) => void | Promise<void>;

/** Options of `webhookHandler()`. */
export interface WebhookHandlerOptions {
  /** Called with what `onEvent` threw or rejected with (the 500 answer does not include it). */
  onError?: (error: unknown, event: OpenTokEvent) => void;
}

/** An Express route handler; the promise it returns always resolves. */
export type WebhookHandler = (req: WebhookRequest, res: WebhookResponse) => Promise<void>;

/** Body of the 500 answer: the listener's error is never sent back. */
const HANDLER_FAILED = 'Event handler failed';

/** Writes the answer; a response that cannot be written any more (closed socket) is left alone. */
function answer(res: WebhookResponse, status: number, body?: { error: string }): void {
  try {
    const response = res.status(status);
    if (body === undefined) response.end();
    else response.json(body);
  } catch {
    // Nothing left to tell the caller.
  }
}

/**
 * An Express-style route handler for OpenTok event callbacks: it parses `req.body` with
 * `parseEvent()` and calls `onEvent` with the typed event. Answers 200 once `onEvent` has returned
 * (or its promise resolved), 400 `{error: message}` for an invalid event (`onEvent` is not
 * called), and 500 `{error: 'Event handler failed'}` when `onEvent` throws or rejects.
 *
 * @example app.post('/opentok/events', express.json(), webhookHandler(async (event) => { ... }));
 */
export function webhookHandler(onEvent: WebhookEventListener, options: WebhookHandlerOptions = {}): WebhookHandler {
  if (typeof onEvent !== 'function') throw new TypeError('webhookHandler needs an onEvent function');
  const { onError } = options;
  return async (req, res) => {
    let event: OpenTokEvent;
    try {
      event = parseEvent(req.body);
    } catch (error) {
      const message = error instanceof WebhookError ? error.message : 'Invalid OpenTok event';
      answer(res, 400, { error: message });
      return;
    }
    try {
      await onEvent(event);
    } catch (error) {
      try {
        onError?.(error, event);
      } catch {
        // A failing error reporter must not keep the answer from being sent.
      }
      answer(res, 500, { error: HANDLER_FAILED });
      return;
    }
    answer(res, 200);
  };
}
