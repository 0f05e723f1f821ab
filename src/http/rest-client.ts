import fetch from 'node-fetch';
import type { RequestInit, Response } from 'node-fetch';
import { RequestError } from '../errors';
import { restAuthHeader } from '../auth/rest-jwt';
import type { RestCredentials } from '../auth/rest-jwt';
import type { ClientConfig } from '../config';
import { userAgent } from '../version';
import { createAgentSelector } from './agents';
import { httpLog, logCompletion, logStart } from './logger';
import type { AgentSelector } from './agents';
import { trackExchange } from './exchange-tracker';
import type { Exchange } from './exchange-tracker';
import { parseBody } from './parse-body';
import { errorForStatus } from './status-error';
import type { HttpOutcome, RestRequest } from './types';

/**
 * The one HTTP client every REST call goes through (SPEC §4): builds the URL and headers, signs a
 * fresh auth JWT, enforces the timeout over the whole exchange, reads and parses the body and maps
 * the status. `send` never throws and its promise never rejects: every failure is an outcome.
 */
export class RestClient {
  readonly #config: ClientConfig;
  readonly #credentials: RestCredentials;
  readonly #agentFor: AgentSelector;
  readonly #userAgent: string;

  constructor(config: ClientConfig, credentials: RestCredentials) {
    this.#config = config;
    this.#credentials = credentials;
    this.#agentFor = createAgentSelector(config);
    this.#userAgent = userAgent(config.uaAddendum);
  }

  /**
   * Sends one request and reports its outcome, logged under `opentok:http` (method, URL, status or
   * failure reason, duration; never headers or bodies). When that namespace is disabled, the cost
   * is one check of `httpLog.enabled`.
   */
  send(request: RestRequest): Promise<HttpOutcome> {
    const url = this.#config.apiUrl + request.path;
    return httpLog.enabled ? this.#sendLogged(request, url) : this.#send(request, url);
  }

  async #sendLogged(request: RestRequest, url: string): Promise<HttpOutcome> {
    logStart(request.method, url);
    const started = Date.now();
    const outcome = await this.#send(request, url);
    logCompletion(request.method, url, outcome, Date.now() - started);
    return outcome;
  }

  async #send(request: RestRequest, url: string): Promise<HttpOutcome> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#config.timeoutMs);
    try {
      const init = this.#requestInit(request, controller.signal);
      const exchange: Exchange = { abort: () => controller.abort() };
      let response: Response;
      let text: string;
      try {
        [response, text] = await trackExchange(exchange, async () => {
          const received = await fetch(url, init);
          return [received, await received.text()] as const;
        });
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
      const error = errorForStatus(response.status, body, text);
      const received = { kind: 'response', status: response.status, body, response } as const;
      return error === null ? { ...received, ok: true, error } : { ...received, ok: false, error };
    } catch (unexpected) {
      // Signing or header construction failed (e.g. an unparseable private key): still one outcome.
      const error = new RequestError(`request to ${url} failed, reason: ${(unexpected as Error).message}`);
      error.cause = unexpected;
      return { kind: 'failure', ok: false, error };
    } finally {
      clearTimeout(timer);
    }
  }

  #requestInit(request: RestRequest, signal: AbortSignal): RequestInit {
    const [authName, authValue] = restAuthHeader(this.#credentials);
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
    return {
      method: request.method,
      headers,
      body,
      agent: this.#agentFor,
      // node-fetch's AbortSignal type predates the global one; they are the same at runtime.
      signal: signal,
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
