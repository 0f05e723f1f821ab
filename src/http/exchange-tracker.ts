import { AsyncLocalStorage } from 'async_hooks';
import * as diagnosticsChannel from 'diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'http';

/**
 * What one REST exchange learns from the Node HTTP objects that node-fetch v2 keeps to itself:
 * - the Node system error of a failed request (node-fetch only passes on a wrapper with its `code`),
 *   so that a transport failure's `cause` is the real `ECONNREFUSED`/`ECONNRESET` error;
 * - a response that ends before its Content-Length was received, which node-fetch v2 does not
 *   notice on non-chunked bodies (it would wait for the timeout); the exchange is aborted at once.
 */
export interface Exchange {
  /** The last error the Node request emitted (DNS, refused, reset, TLS, proxy). */
  requestError?: Error;
  /** Set when a response closed before it was complete. */
  incompleteResponse?: Error;
  /** Aborts the fetch; called when the response is found incomplete. */
  readonly abort: () => void;
}

interface RequestStartMessage {
  request: ClientRequest;
}

const exchanges = new AsyncLocalStorage<Exchange>();
let subscribed = false;

function watchRequest(message: unknown): void {
  const exchange = exchanges.getStore();
  if (!exchange) return; // A request that is not ours.
  const { request } = message as RequestStartMessage;
  request.on('error', (error: Error) => {
    exchange.requestError = error;
  });
  request.on('response', (response: IncomingMessage) => {
    let responseError: Error | undefined;
    response.on('error', (error: Error) => {
      responseError = error;
    });
    response.once('close', () => {
      if (response.complete || exchange.incompleteResponse) return;
      exchange.incompleteResponse =
        responseError ?? Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
      exchange.abort();
    });
  });
}

/**
 * Runs `send` with `exchange` as the context of every Node HTTP request it starts (redirects
 * included). Uses the `http.client.request.start` diagnostics channel; on a Node without it the
 * exchange simply learns nothing and node-fetch's own errors are used.
 */
export function trackExchange<T>(exchange: Exchange, send: () => Promise<T>): Promise<T> {
  if (!subscribed) {
    subscribed = true;
    diagnosticsChannel.subscribe('http.client.request.start', watchRequest);
  }
  return exchanges.run(exchange, send);
}
