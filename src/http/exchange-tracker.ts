import type * as AsyncHooksModule from 'async_hooks';
import type { AsyncLocalStorage } from 'async_hooks';
import type * as DiagnosticsChannelModule from 'diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'http';
import { onAgentRequest } from './agents';
import type { AgentSelector } from './agents';

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

function watchRequest(request: ClientRequest, exchange: Exchange): void {
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

// ---------------------------------------------------------------------------------------------
// The SDK's own keep-alive agents (the default): node-fetch calls the request's agent selector and
// then, synchronously, `http.request`, whose `ClientRequest` hands itself to the agent; the agent
// passes it on here. The exchange named by the selector is the one the request belongs to. This
// costs nothing per request beyond the listeners above.

let pendingExchange: Exchange | undefined;

onAgentRequest((request) => {
  const exchange = pendingExchange;
  pendingExchange = undefined;
  if (exchange) watchRequest(request, exchange);
});

/**
 * The agent option of one fetch whose agents report their requests (redirects included: node-fetch
 * calls it again for each hop).
 */
export function trackingAgent(exchange: Exchange, select: AgentSelector): AgentSelector {
  return (url) => {
    pendingExchange = exchange;
    return select(url);
  };
}

/** Forgets an exchange whose request was never created (`http.request` threw before its agent saw it). */
export function clearPendingExchange(): void {
  pendingExchange = undefined;
}

// ---------------------------------------------------------------------------------------------
// Any other agent (a proxy agent, a caller-supplied agent): the `http.client.request.start`
// diagnostics channel reports every request, and an AsyncLocalStorage tells whether it is ours.
// Both are set up on the first such exchange only, because an active AsyncLocalStorage slows down
// every asynchronous operation of the process.

let exchanges: AsyncLocalStorage<Exchange> | undefined;

function storage(): AsyncLocalStorage<Exchange> {
  if (exchanges) return exchanges;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded for proxy/custom agents only */
  const { AsyncLocalStorage: Storage } = require('async_hooks') as typeof AsyncHooksModule;
  const diagnosticsChannel = require('diagnostics_channel') as typeof DiagnosticsChannelModule;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const created = new Storage<Exchange>();
  exchanges = created;
  diagnosticsChannel.subscribe('http.client.request.start', (message: unknown) => {
    const exchange = created.getStore();
    if (!exchange) return; // A request that is not ours.
    watchRequest((message as RequestStartMessage).request, exchange);
  });
  return created;
}

/**
 * Runs `send` with `exchange` as the context of every Node HTTP request it starts (redirects
 * included). Uses the `http.client.request.start` diagnostics channel; on a Node without it the
 * exchange simply learns nothing and node-fetch's own errors are used.
 */
export function trackExchange<T>(exchange: Exchange, send: () => Promise<T>): Promise<T> {
  return storage().run(exchange, send);
}
