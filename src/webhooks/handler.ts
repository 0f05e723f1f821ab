import { parseEvent } from './parse-event';
import { CallbackSignatureError } from './signature-error';
import type { OpenTokEvent } from './types';
import { signatureSecrets, verifyCallback } from './verify-callback';
import { WebhookError } from './webhook-error';

/**
 * The part of an Express request the handler reads: `body`, as parsed JSON, a string or a Buffer,
 * and the `authorization` header. An Express `Request` is one; so is anything with these fields.
 */
export interface WebhookRequest {
  /** The body, as set by `express.json()`, `express.text()` or `express.raw()`. */
  body?: unknown;
  /** Request headers, names in lower case (as Node gives them); `authorization` for signed callbacks. */
  headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** The part of an Express response the handler uses. An Express `Response` is one. */
export interface WebhookResponse {
  /** Sets the status code; returns the response (chainable, as Express does). */
  status(code: number): WebhookResponse;
  /** Sends a JSON body. */
  json(body: unknown): unknown;
  /** Ends the response without a body. */
  end(): unknown;
}

/**
 * Receives each event the handler parsed, an `UnknownEvent` included; the handler answers once it
 * has returned or its promise has settled: 200, or 500 when it threw or rejected.
 */
export type WebhookEventListener = (event: OpenTokEvent) => void | Promise<void>;

/**
 * Options of `webhookHandler()`.
 *
 * @example
 * ```ts
 * const handler = webhookHandler(onEvent, {
 *   signatureSecret: [process.env.NEW_SIGNATURE_SECRET!, process.env.OLD_SIGNATURE_SECRET!], // during a rotation
 *   onError: (error, event) => console.error(`handling ${event.type} failed`, error),
 * });
 * ```
 */
export interface WebhookHandlerOptions {
  /**
   * Called with what `onEvent` threw or rejected with, and the event (the 500 answer does not
   * include the error). What it throws is ignored. Default: the error is not reported.
   */
  onError?: (error: unknown, event: OpenTokEvent) => void;
  /**
   * The signature secret of signed callbacks, or several while you rotate it. When set, a callback
   * whose `Authorization` JWT does not verify (see `verifyCallback`) is answered 401 and `onEvent`
   * is not called. With a raw body (`express.raw()`, `express.text()`) a `payload_hash` claim is
   * checked against it too. Default: signatures are not checked.
   */
  signatureSecret?: string | readonly string[];
}

/** An Express route handler, as `webhookHandler` returns it; the promise it returns always resolves (it never calls `next`). */
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
 * @param onEvent - Called with each event (see {@link WebhookEventListener}).
 * @param options - A signature secret to require signed callbacks, and an error reporter.
 * @returns The route handler, for `app.post(path, bodyParser, handler)`.
 * @throws `TypeError` when `onEvent` is not a function or `signatureSecret` is not a non-empty
 *   string or non-empty array of them (at start-up, not per request).
 * @example
 * ```ts
 * import express from 'express';
 * import { webhookHandler } from 'opentok/webhooks';
 *
 * const app = express();
 * app.post('/opentok/events', express.raw({ type: '*\/*' }), webhookHandler(async (event) => {
 *   switch (event.type) {
 *     case 'connectionCreated':
 *       console.log(`${event.connection.id} joined ${event.sessionId}`);
 *       break;
 *     case 'archiveStatus':
 *       if (event.status === 'available') console.log('download', event.url);
 *       break;
 *     default:
 *       break;
 *   }
 * }, { signatureSecret: process.env.OPENTOK_SIGNATURE_SECRET }));
 * ```
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
