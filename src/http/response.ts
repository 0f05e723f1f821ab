import type * as HttpModule from 'http';
import type { IncomingHttpHeaders } from 'http';
import { inspect } from 'util';
import type { HttpResponse, HttpResponseHeaders } from './types';

/**
 * Response headers, read with the case-insensitive `get` of the Fetch API's `Headers`. Not
 * exported: callers see {@link HttpResponseHeaders}, so the ES private field stays out of the
 * published declarations.
 */
class ResponseHeaders implements HttpResponseHeaders {
  readonly #headers: IncomingHttpHeaders;

  constructor(headers: IncomingHttpHeaders) {
    this.#headers = headers;
  }

  /** The value of a header (repeated headers joined with `, `), or `null` when it is absent. */
  get(name: string): string | null {
    const value = this.#headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  /** Whether the response has the header (name compared case-insensitively). */
  has(name: string): boolean {
    return this.#headers[name.toLowerCase()] !== undefined;
  }

  /** `[name, value]` pairs, names in lower case, in the order the response sent them. */
  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.#headers)) {
      const value = this.get(name);
      if (value !== null) yield [name, value];
    }
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  /** Shows the headers themselves (they are the server's, nothing of the caller's credentials). */
  [inspect.custom](): Record<string, string> {
    return Object.fromEntries(this.entries());
  }
}

/** The HTTP response handed to pass-through and render callbacks. */
export class RestResponse implements HttpResponse {
  /** The HTTP status code, e.g. `200`. */
  readonly status: number;
  /** The status line's reason phrase, e.g. `OK` (`''` if the server sent none). */
  readonly statusText: string;
  /** `true` for a 2xx status. */
  readonly ok: boolean;
  /** The URL that answered: the request URL, or the last one after redirects. */
  readonly url: string;
  /** The response headers. */
  readonly headers: HttpResponseHeaders;

  constructor(status: number, statusText: string, url: string, headers: IncomingHttpHeaders) {
    this.status = status;
    // Like node-fetch: the standard phrase when the status line has none (HTTP/2 proxies, mocks).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by the transport already
    this.statusText = statusText || (require('http') as typeof HttpModule).STATUS_CODES[status] || '';
    this.ok = status >= 200 && status < 300;
    this.url = url;
    this.headers = new ResponseHeaders(headers);
  }
}
