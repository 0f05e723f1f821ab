import type * as HttpModule from 'http';
import type { Agent as HttpAgent, ClientRequest, RequestOptions } from 'http';
import type * as HttpsModule from 'https';
import type * as HttpProxyAgentModule from 'http-proxy-agent';
import type * as HttpsProxyAgentModule from 'https-proxy-agent';
import type { URL } from 'url';

/** Upper bound of concurrent sockets per origin; more requests queue in the agent. */
export const MAX_SOCKETS_PER_ORIGIN = 128;

/** Picks the agent for a request URL; node-fetch calls it again after a redirect. */
export type AgentSelector = (url: URL) => HttpAgent;

/**
 * The agents of one client. `tracksRequests` is true when every agent the selector returns is one
 * of the SDK's own keep-alive agents, which hand each Node request they are given to
 * {@link onAgentRequest}; a proxy or a caller-supplied agent does not.
 */
export interface ClientAgents {
  readonly select: AgentSelector;
  readonly tracksRequests: boolean;
}

/**
 * Receives every request one of the SDK's own keep-alive agents is given, synchronously, inside
 * the `http.request` call that creates it (set by the exchange tracker).
 */
let requestListener: ((request: ClientRequest) => void) | undefined;

/** Sets the function that {@link ClientAgents.tracksRequests} agents call with each new request. */
export function onAgentRequest(listener: (request: ClientRequest) => void): void {
  requestListener = listener;
}

interface AgentClasses {
  Http: new (options: { keepAlive: boolean; maxSockets: number }) => HttpAgent;
  Https: new (options: { keepAlive: boolean; maxSockets: number }) => HttpAgent;
}

/** `addRequest` is how Node's `ClientRequest` hands itself to its agent; `@types/node` omits it. */
interface AgentInternals {
  addRequest(request: ClientRequest, options: RequestOptions): void;
}

let agentClasses: AgentClasses | undefined;

/**
 * The keep-alive agent classes, defined on first use so that `require('opentok')` does not load
 * `http`/`https`. They behave exactly as Node's agents and report each request they are given.
 */
function trackingAgentClasses(): AgentClasses {
  if (agentClasses) return agentClasses;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on the first request only */
  const http = require('http') as typeof HttpModule;
  const https = require('https') as typeof HttpsModule;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const track = (agentClass: typeof http.Agent): AgentClasses['Http'] => {
    const parent = agentClass.prototype as unknown as AgentInternals;
    return class extends agentClass {
      addRequest(request: ClientRequest, options: RequestOptions): void {
        requestListener?.(request);
        parent.addRequest.call(this, request, options);
      }
    };
  };
  agentClasses = { Http: track(http.Agent), Https: track(https.Agent) };
  return agentClasses;
}

/**
 * Builds the agent selector of one client:
 * - `proxy` set: an absolute-form forwarding agent for `http:` targets and a `CONNECT` tunnel for
 *   `https:` targets (SPEC §4.3), both keeping connections to the proxy alive;
 * - else a caller-supplied `agent` (SPEC §4.4);
 * - else keep-alive agents, so sequential calls reuse one connection instead of a TLS handshake each.
 * The keep-alive agents are created on the first request that needs them.
 */
export function createAgentSelector(options: { proxy?: string; agent?: HttpAgent }): ClientAgents {
  const proxy = options.proxy;
  if (proxy) {
    // Created on the first request, like the other agents: the constructor validates nothing
    // (SPEC §3.2), and an invalid proxy URL is a transport failure of the request (SPEC §4.11).
    let forHttp: HttpAgent | undefined;
    let forHttps: HttpAgent | undefined;
    const agentOptions = { keepAlive: true, maxSockets: MAX_SOCKETS_PER_ORIGIN };
    const select: AgentSelector = (url) => {
      /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when a proxy is used */
      if (url.protocol === 'https:') {
        forHttps ??= new (require('https-proxy-agent') as typeof HttpsProxyAgentModule).HttpsProxyAgent(proxy, agentOptions);
        return forHttps;
      }
      forHttp ??= new (require('http-proxy-agent') as typeof HttpProxyAgentModule).HttpProxyAgent(proxy, agentOptions);
      return forHttp;
      /* eslint-enable @typescript-eslint/no-require-imports */
    };
    return { select, tracksRequests: false };
  }
  const custom = options.agent;
  if (custom) return { select: () => custom, tracksRequests: false };
  let httpAgent: HttpAgent | undefined;
  let httpsAgent: HttpAgent | undefined;
  const select: AgentSelector = (url) => {
    const classes = trackingAgentClasses();
    if (url.protocol === 'https:') {
      httpsAgent ??= new classes.Https({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_ORIGIN });
      return httpsAgent;
    }
    httpAgent ??= new classes.Http({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_ORIGIN });
    return httpAgent;
  };
  return { select, tracksRequests: true };
}
