import type { HttpMethod } from './types';

/** Redirects followed before an exchange fails (node-fetch's and browsers' bound). */
export const MAX_REDIRECTS = 20;

/** Statuses that redirect when they carry a `Location` header. */
export function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** Headers never sent on to another host or over a changed protocol: they authenticate the caller. */
const CREDENTIAL_HEADERS = ['authorization', 'x-opentok-auth', 'cookie', 'cookie2', 'www-authenticate'];

/** One request of an exchange: the first, or one that follows a redirect. */
export interface Hop {
  readonly url: URL;
  readonly method: HttpMethod;
  /** Header values as one-element arrays (see `RestClient`), names as the SDK wrote them. */
  readonly headers: Readonly<Record<string, [string]>>;
  readonly body: string | undefined;
}

/**
 * The request that follows a redirect, as the Fetch standard (and node-fetch) define it:
 * - 303, and 301/302 after a POST, continue as a GET without a body (nor its Content-Type and
 *   Content-Length); 307 and 308 repeat the method and body;
 * - credentials (the auth JWT, `Authorization`, cookies) are only sent on to the same host or one
 *   of its subdomains over the same protocol; node-fetch forwarded `X-OPENTOK-AUTH` anywhere.
 * Throws an error with code `ERR_INVALID_REDIRECT` when `location` is not a URL.
 */
export function redirectHop(previous: Hop, status: number, location: string): Hop {
  let url: URL;
  try {
    url = new URL(location, previous.url);
  } catch {
    throw Object.assign(new Error(`uri requested responds with an invalid redirect URL: ${location}`), {
      code: 'ERR_INVALID_REDIRECT',
    });
  }
  const headers: Record<string, [string]> = {};
  const keepCredentials = url.protocol === previous.url.protocol && isSameOrSubdomain(url.hostname, previous.url.hostname);
  const toGet = status === 303 || ((status === 301 || status === 302) && previous.method === 'POST');
  for (const [name, value] of Object.entries(previous.headers)) {
    const lower = name.toLowerCase();
    if (!keepCredentials && CREDENTIAL_HEADERS.includes(lower)) continue;
    if (toGet && (lower === 'content-type' || lower === 'content-length')) continue;
    headers[name] = value;
  }
  return toGet
    ? { url, method: 'GET', headers, body: undefined }
    : { url, method: previous.method, headers, body: previous.body };
}

function isSameOrSubdomain(host: string, of: string): boolean {
  return host === of || host.endsWith(`.${of}`);
}
