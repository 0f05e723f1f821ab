import type { IncomingMessage } from 'http';
import { isIP } from 'net';
import { EmulatorHttpError } from './errors';

/** The host name of a `Host` header (`[::1]:4010` → `::1`), lower-cased. */
function hostName(host: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d*)?$/.exec(host);
  if (bracketed) return bracketed[1].toLowerCase();
  return host.replace(/:\d*$/, '').toLowerCase();
}

/**
 * Refuses (403) a request to the emulator's own pages and API (the dashboard, `/_emulator/...`)
 * addressed to a host name other than `localhost` (or a `*.localhost` name) or an IP address. A
 * web page on another site cannot read their answers (no CORS headers), except by DNS rebinding: pointing its own host name at 127.0.0.1, so
 * that the browser thinks the emulator is that site. Its requests then carry that name in `Host`,
 * which this refuses. A request without `Host` (not a browser) passes.
 */
export function requireLocalHost(req: IncomingMessage): void {
  const host = req.headers.host;
  if (host === undefined) return;
  const name = hostName(host);
  if (name === 'localhost' || name.endsWith('.localhost') || isIP(name) !== 0) return;
  throw new EmulatorHttpError(403, 'The emulator\'s own pages and API answer requests for localhost or an IP address only');
}

/**
 * Refuses (403) a request to the emulator's own API that changes state (the dashboard's buttons,
 * `POST /_emulator/connections`, ...) unless it comes from the emulator's own pages, so that
 * another web page (any site, including another app on localhost) cannot drive the emulator
 * through the visitor's browser. Browsers say where a request comes from: `Sec-Fetch-Site` must be
 * `same-origin` (or `none`, typed by the user), and `Origin` must be the emulator's own origin.
 * Requests with neither header are not from a browser (curl, scripts, tests) and pass; so do
 * requests from the same origin. Also refuses what {@link requireLocalHost} refuses.
 */
export function requireSameOrigin(req: IncomingMessage): void {
  requireLocalHost(req);
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new EmulatorHttpError(403, 'Cross-origin requests to the emulator\'s own API are refused');
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${req.headers.host ?? ''}`.toLowerCase()) {
    throw new EmulatorHttpError(403, 'Cross-origin requests to the emulator\'s own API are refused');
  }
}
