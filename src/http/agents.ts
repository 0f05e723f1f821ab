import { Agent as HttpAgent } from 'http';
import { Agent as HttpsAgent } from 'https';
import type { URL } from 'url';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';

/** Upper bound of concurrent sockets per origin; more requests queue in the agent. */
export const MAX_SOCKETS_PER_ORIGIN = 128;

/** Picks the agent for a request URL; node-fetch calls it again after a redirect. */
export type AgentSelector = (url: URL) => HttpAgent;

/**
 * Builds the agent selector of one client:
 * - `proxy` set: an absolute-form forwarding agent for `http:` targets and a `CONNECT` tunnel for
 *   `https:` targets (SPEC §4.3), both keeping connections to the proxy alive;
 * - else a caller-supplied `agent` (SPEC §4.4);
 * - else keep-alive agents, so sequential calls reuse one connection instead of a TLS handshake each.
 */
export function createAgentSelector(options: { proxy?: string; agent?: HttpAgent }): AgentSelector {
  if (options.proxy) {
    const agentOptions = { keepAlive: true, maxSockets: MAX_SOCKETS_PER_ORIGIN };
    const forHttp = new HttpProxyAgent(options.proxy, agentOptions);
    const forHttps = new HttpsProxyAgent(options.proxy, agentOptions);
    return (url) => (url.protocol === 'https:' ? forHttps : forHttp);
  }
  const custom = options.agent;
  if (custom) return () => custom;
  let httpAgent: HttpAgent | undefined;
  let httpsAgent: HttpsAgent | undefined;
  return (url) => {
    if (url.protocol === 'https:') {
      httpsAgent ??= new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_ORIGIN });
      return httpsAgent;
    }
    httpAgent ??= new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_ORIGIN });
    return httpAgent;
  };
}
