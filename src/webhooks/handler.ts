import { parseEvent } from './parse-event';
import { CallbackSignatureError } from './signature-error';
import type { OpenTokEvent } from './types';
import { signatureSecrets, verifyCallback } from './verify-callback';
import { WebhookError } from './webhook-error';

/** The part of an Express request the handler reads: `body`, as parsed JSON, a string or a Buffer. */
export interface WebhookRequest {
  /** Set by `express.json()`, `express.text()` or `express.raw()`. */
  body?: unknown;
  /** Request headers, names in lower case (as Node gives them); `authorization` for signed callbacks. */
  headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
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
  /**
   * The signature secret of signed callbacks, or several while you rotate it. When set, a callback
   * whose `Authorization` JWT does not verify (see `verifyCallback`) is answered 401 and `onEvent`
   * is not called. With a raw body (`express.raw()`, `express.text()`) a `payload_hash` claim is
   * checked against it too.
   */
  signatureSecret?: string | readonly string[];
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
 * `parseEvent()` and calls `onEvent` with the typed event, an `UnknownEvent` included. Answers 200
 * once `onEvent` has returned (or its promise resolved); 400 `{error: message}` only for a body
 * that is not a JSON object; 401 `{error: message}` for a signed callback that does not verify,
 * when `signatureSecret` is set; 500 `{error: 'Event handler failed'}` when `onEvent` throws or
 * rejects. `onEvent` is called only for a 200 or a 500.
 *
 * @throws {TypeError} when `onEvent` is not a function or `signatureSecret` is empty.
 * @example app.post('/opentok/events', express.json(), webhookHandler(async (event) => { ... }));
 */
export function webhookHandler(onEvent: WebhookEventListener, options: WebhookHandlerOptions = {}): WebhookHandler {
  if (typeof onEvent !== 'function') throw new TypeError('webhookHandler needs an onEvent function');
  const { onError, signatureSecret } = options;
  // Checked once, here: a misconfigured secret must fail at start-up, not answer 401 to everyone.
  const secrets = signatureSecret === undefined ? undefined : signatureSecrets(signatureSecret);
  return async (req, res) => {
    if (secrets !== undefined) {
      try {
        const body = typeof req.body === 'string' || req.body instanceof Uint8Array ? req.body : undefined;
        verifyCallback({ authorization: req.headers?.authorization, secret: secrets, body });
      } catch (error) {
        const message = error instanceof CallbackSignatureError ? error.message : 'Invalid OpenTok callback signature';
        answer(res, 401, { error: message });
        return;
      }
    }
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
