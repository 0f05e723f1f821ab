/**
 * Cross-origin access to the OpenTok.js stand-in's endpoints. A sample app's page lives on another
 * origin than the emulator (e.g. http://127.0.0.1:3000 while the emulator is on :4010), so its
 * `fetch` and `EventSource` calls are cross-origin. They are allowed from pages served on this
 * machine only, over http: `localhost`, `127.0.0.1` and `[::1]`, on any port. The response echoes
 * the page's origin; any other origin gets no CORS headers at all, so the browser refuses it. The
 * REST API gets no CORS headers: a browser has no business calling it with a project's secret.
 */

/** The paths that answer cross-origin requests: the stand-in's script and its client endpoints. */
const CORS_PATH = /^\/_emulator\/(?:opentok\.js$|clients(?:\/|$))/;

/** `http://localhost`, `http://127.0.0.1` or `http://[::1]`, with or without a port. */
const LOCAL_ORIGIN = /^http:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/;

/**
 * Whether an `Origin` header names a page served on this machine over http.
 *
 * @internal
 */
export function isLocalOrigin(origin: string | undefined): origin is string {
  return typeof origin === 'string' && LOCAL_ORIGIN.test(origin);
}

/**
 * The CORS headers of a response to a request for `path` from `origin`: none unless the path is
 * the stand-in's and the origin local. A preflight (`OPTIONS`) gets the methods and the
 * `Content-Type` header the stand-in sends, allowed for 10 minutes.
 *
 * @internal
 */
export function corsHeaders(method: string, path: string, origin: string | undefined): Record<string, string> {
  if (!CORS_PATH.test(path) || !isLocalOrigin(origin)) return {};
  const headers: Record<string, string> = { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  if (method === 'OPTIONS') {
    headers['Access-Control-Allow-Methods'] = 'GET, POST, PATCH, DELETE';
    headers['Access-Control-Allow-Headers'] = 'Content-Type';
    headers['Access-Control-Max-Age'] = '600';
  }
  return headers;
}
