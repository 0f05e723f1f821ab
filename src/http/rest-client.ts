import type * as NodeFetchModule from 'node-fetch';
import type { RequestInit, Response } from 'node-fetch';
import { RequestError } from '../errors';
import { generateRestJwt, restAuthHeader } from '../auth/rest-jwt';
import type { RestCredentials } from '../auth/rest-jwt';
import type { ClientConfig } from '../config';
import { userAgent } from '../version';
import { createAgentSelector } from './agents';
import type { ClientAgents } from './agents';
import { httpLogger, logCompletion, logStart } from './logger';
import { clearPendingExchange, trackExchange, trackingAgent } from './exchange-tracker';
import type { Exchange } from './exchange-tracker';
import { parseBody } from './parse-body';
import { errorForStatus } from './status-error';
import type { HttpOutcome, RestRequest } from './types';

type Fetch = typeof NodeFetchModule.default;
let nodeFetch: Fetch | undefined;

/** node-fetch, loaded on the first request rather than by `require('opentok')`. */
function loadFetch(): Fetch {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on the first request only
  nodeFetch ??= (require('node-fetch') as typeof NodeFetchModule).default;
  return nodeFetch;
}

/**
 * The abort signal of one request, as node-fetch v2 uses it: it reads `aborted` and adds and
 * removes one `abort` listener per request (its `isAbortSignal` check is the constructor name, so
 * that AbortSignal implementations other than Node's are accepted). Node's `AbortController` would
 * cost more than the rest of the SDK's work on a request, mostly in its EventTarget.
 */
class RequestAbortSignal {
  aborted = false;
  #listeners: (() => void)[] = [];

  addEventListener(type: string, listener: () => void): void {
    if (type === 'abort') this.#listeners.push(listener);
  }

  removeEventListener(type: string, listener: () => void): void {
    const index = type === 'abort' ? this.#listeners.indexOf(listener) : -1;
    if (index !== -1) this.#listeners.splice(index, 1);
  }

  /** Aborts the request once; later calls do nothing. */
  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    for (const listener of [...this.#listeners]) listener();
  }
}
Object.defineProperty(RequestAbortSignal, 'name', { value: 'AbortSignal' });

/**
 * The one HTTP client every REST call goes through (SPEC §4): builds the URL and headers, signs a
 * fresh auth JWT, enforces the timeout over the whole exchange, reads and parses the body and maps
 * the status. `send` never throws and its promise never rejects: every failure is an outcome.
 */
export class RestClient {
  readonly #config: ClientConfig;
  readonly #credentials: RestCredentials;
  readonly #agents: ClientAgents;
  readonly #userAgent: string;
  /** The second (`iat`) of the last REST JWT minted, and that JWT (normal mode only). */
  #jwtSecond = NaN;
  #jwt = '';

  constructor(config: ClientConfig, credentials: RestCredentials) {
    this.#config = config;
    this.#credentials = credentials;
    this.#agents = createAgentSelector(config);
    this.#userAgent = userAgent(config.uaAddendum);
  }

  /**
   * Sends one request and reports its outcome, logged under `opentok:http` (method, URL, status or
   * failure reason, duration; never headers or bodies). When that namespace is disabled, the cost
   * is one check of its `enabled` flag.
   */
  send(request: RestRequest): Promise<HttpOutcome> {
    const url = this.#config.apiUrl + request.path;
    return httpLogger().enabled ? this.#sendLogged(request, url) : this.#send(request, url);
  }

  async #sendLogged(request: RestRequest, url: string): Promise<HttpOutcome> {
    logStart(request.method, url);
    const started = Date.now();
    const outcome = await this.#send(request, url);
    logCompletion(request.method, url, outcome, Date.now() - started);
    return outcome;
  }

  async #send(request: RestRequest, url: string): Promise<HttpOutcome> {
    const signal = new RequestAbortSignal();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      signal.abort();
    }, this.#config.timeoutMs);
    try {
      const exchange: Exchange = { abort: () => signal.abort() };
      const init = this.#requestInit(request, signal, exchange);
      let response: Response;
      let text: string;
      try {
        if (this.#agents.tracksRequests) {
          response = await this.#fetch(url, init);
        } else {
          response = await trackExchange(exchange, () => this.#fetch(url, init));
        }
        text = await response.text();
      } catch (error) {
        const failure = timedOut ? timeoutError(url, this.#config.timeoutMs) : transportError(url, error, exchange);
        return { kind: 'failure', ok: false, error: failure };
      }
      let body: unknown;
      try {
        body = parseBody(response.headers.get('content-type'), text);
      } catch (parseFailure) {
        const error = new RequestError((parseFailure as Error).message);
        error.cause = parseFailure;
        error.statusCode = response.status;
        return { kind: 'failure', ok: false, error };
      }
      const status = response.status;
      const error = errorForStatus(status, body, text);
      return error === null
        ? { kind: 'response', status, body, response, ok: true, error }
        : { kind: 'response', status, body, response, ok: false, error };
    } catch (unexpected) {
      // Signing or header construction failed (e.g. an unparseable private key): still one outcome.
      const error = new RequestError(`request to ${url} failed, reason: ${(unexpected as Error).message}`);
      error.cause = unexpected;
      return { kind: 'failure', ok: false, error };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Starts the fetch; a request that `http.request` refused synchronously leaves nothing pending. */
  #fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return loadFetch()(url, init);
    } finally {
      clearPendingExchange();
    }
  }

  /**
   * The REST auth header. In normal mode the JWT depends only on the current second (claims `iss`,
   * `ist`, `iat`, `exp`; HS256 is deterministic), so the one minted for this second is reused:
   * byte for byte what a fresh one would be. Vonage-mode JWTs carry a random `jti`: always fresh.
   */
  #authHeader(): [name: string, value: string] {
    if (this.#credentials.vonage) return restAuthHeader(this.#credentials);
    const nowMs = Date.now();
    const second = Math.floor(nowMs / 1000);
    if (second !== this.#jwtSecond) {
      this.#jwt = generateRestJwt(this.#credentials, nowMs);
      this.#jwtSecond = second;
    }
    return ['X-OPENTOK-AUTH', this.#jwt];
  }

  #requestInit(request: RestRequest, signal: RequestAbortSignal, exchange: Exchange): RequestInit {
    const [authName, authValue] = this.#authHeader();
    const headers: Record<string, string> = {
      'User-Agent': this.#userAgent,
      Accept: 'application/json',
      [authName]: authValue,
    };
    let body: string | undefined;
    if (request.form !== undefined) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = request.form;
    } else if (request.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(request.json);
    }
    const { select, tracksRequests } = this.#agents;
    return {
      method: request.method,
      headers,
      body,
      agent: tracksRequests ? trackingAgent(exchange, select) : select,
      // node-fetch's AbortSignal type predates the global one; it only needs what this one has.
      signal: signal as unknown as RequestInit['signal'],
    };
  }
}

function timeoutError(url: string, timeoutMs: number): RequestError {
  const error = new RequestError(`network timeout at: ${url}`);
  error.cause = Object.assign(new Error(`Request did not complete within ${timeoutMs} ms`), { code: 'ETIMEDOUT' });
  return error;
}

/**
 * `request to <url> failed, reason: <cause.message>`, where the cause is the Node error behind the
 * failure when the exchange saw it, else node-fetch's own error (redirect loops, invalid redirects).
 */
function transportError(url: string, failure: unknown, exchange: Exchange): RequestError {
  const cause: unknown = exchange.incompleteResponse ?? exchange.requestError ?? failure;
  const fetchPrefix = `request to ${url} failed, reason: `;
  let reason = cause instanceof Error ? cause.message : String(cause);
  if (reason.startsWith(fetchPrefix)) reason = reason.slice(fetchPrefix.length);
  const error = new RequestError(fetchPrefix + reason);
  error.cause = cause;
  return error;
}
