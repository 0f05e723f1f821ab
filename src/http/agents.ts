import type * as HttpModule from 'http';
import type { Agent as HttpAgent } from 'http';
import type * as HttpsModule from 'https';
import type * as HttpProxyAgentModule from 'http-proxy-agent';
import type * as HttpsProxyAgentModule from 'https-proxy-agent';

/** Upper bound of concurrent sockets per origin; more requests queue in the agent. */
export const MAX_SOCKETS_PER_ORIGIN = 128;

/** Picks the agent for a request URL; called again for each redirect. */
export type AgentSelector = (url: URL) => HttpAgent;

const KEEP_ALIVE = { keepAlive: true, maxSockets: MAX_SOCKETS_PER_ORIGIN };

/**
 * Builds the agent selector of one client:
 * - `proxy` set: an absolute-form forwarding agent for `http:` targets and a `CONNECT` tunnel for
 *   `https:` targets, both keeping connections to the proxy alive (`proxy` wins over `agent`);
 * - else the caller's `agent` option, used for every request as given;
 * - else keep-alive agents, so sequential calls reuse one connection instead of a TLS handshake each.
 * Agents (and the modules behind them) are created on the first request that needs them, so that
 * `require('opentok')` loads no networking code.
 */
export function createAgentSelector(options: { proxy?: string; agent?: HttpAgent }): AgentSelector {
  const proxy = options.proxy;
  if (proxy) {
    // Created on the first request, like the other agents: the constructor checks only the types
    // of the key and secret (as 2.x), and an invalid proxy URL is a transport failure of the request (a
    // `RequestError` in its callback), not a throw.
    let forHttp: HttpAgent | undefined;
    let forHttps: HttpAgent | undefined;
    return (url) => {
      /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when a proxy is used */
      if (url.protocol === 'https:') {
        forHttps ??= new (require('https-proxy-agent') as typeof HttpsProxyAgentModule).HttpsProxyAgent(proxy, KEEP_ALIVE);
        return forHttps;
      }
      forHttp ??= new (require('http-proxy-agent') as typeof HttpProxyAgentModule).HttpProxyAgent(proxy, KEEP_ALIVE);
      return forHttp;
      /* eslint-enable @typescript-eslint/no-require-imports */
    };
  }
  const custom = options.agent;
  if (custom) return () => custom;
  let httpAgent: HttpAgent | undefined;
  let httpsAgent: HttpAgent | undefined;
  return (url) => {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded on the first request only */
    if (url.protocol === 'https:') {
      httpsAgent ??= new (require('https') as typeof HttpsModule).Agent(KEEP_ALIVE);
      return httpsAgent;
    }
    httpAgent ??= new (require('http') as typeof HttpModule).Agent(KEEP_ALIVE);
    return httpAgent;
    /* eslint-enable @typescript-eslint/no-require-imports */
  };
}
