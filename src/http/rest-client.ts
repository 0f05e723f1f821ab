import { toText } from '../core/objects';
import { RequestError } from '../errors';
import { generateRestJwt, restAuthHeader } from '../auth/rest-jwt';
import type { RestCredentials } from '../auth/rest-jwt';
import type { ClientConfig } from '../config';
import { userAgent } from '../version';
import { createAgentSelector } from './agents';
import type { AgentSelector } from './agents';
import { ACCEPT_ENCODING } from './decode-body';
import { clockOffsetFromRefusal } from './clock-skew';
import { httpLogger, logClockOffset, logCompletion, logRetry, logStart } from './logger';
import { parseBody } from './parse-body';
import type { Hop } from './redirects';
import { errorForStatus } from './status-error';
import { retryDelayMs } from './retry';
import { transmit } from './transport';
import type { TransportResult } from './transport';
import type { ErrorResponseOutcome, HttpOutcome, RestRequest } from './types';

/**
 * The one HTTP client every REST call goes through: builds the URL and headers, signs a fresh auth
 * JWT, sends with Node's `http`/`https` (see `transport.ts`), parses the body and maps the status.
 * `send` never throws and its promise never rejects: every failure is an outcome.
 */
export interface RestClient {
  /** Sends one request and reports its outcome. */
  send(request: RestRequest): Promise<HttpOutcome>;
}

/**
 * A REST client for one OpenTok client's configuration and credentials. Only the interface is
 * exported: the class keeps its state (credentials, the current auth JWT) in ES private fields,
 * which must not appear in the published declarations.
 */
export function createRestClient(config: ClientConfig, credentials: RestCredentials): RestClient {
  return new NodeRestClient(config, credentials);
}

class NodeRestClient implements RestClient {
  readonly #config: ClientConfig;
  readonly #credentials: RestCredentials;
  readonly #selectAgent: AgentSelector;
  readonly #userAgent: string;
  /** The second (`iat`) of the last REST JWT minted, and that JWT (normal mode only). */
  #jwtSecond = NaN;
  #jwt = '';

  constructor(config: ClientConfig, credentials: RestCredentials) {
    this.#config = config;
    this.#credentials = credentials;
    this.#selectAgent = createAgentSelector(config);
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

  /**
   * The whole call, within one deadline `timeout` ms from now. Without retries (the default) that
   * is one exchange, as cheap as a request without any of this; with `maxRetries`, the loop of
   * {@link NodeRestClient.#sendRetrying}.
   */
  #send(request: RestRequest, url: string): Promise<HttpOutcome> {
    const nowMs = Date.now();
    if (this.#config.maxRetries > 0) return this.#sendRetrying(request, url, nowMs);
    return this.#exchange(request, url, nowMs, nowMs + this.#config.timeoutMs, false);
  }

  /**
   * Sends the request until it succeeds, fails for good, has been retried `maxRetries` times, or
   * the next attempt could not start before the deadline; reports the last outcome, with the
   * number of requests sent when more than one. Each attempt gets the time left; a wait (the
   * jittered backoff, or the reply's `Retry-After`) that would end at or after the deadline is not
   * waited: the last outcome is reported at once.
   */
  async #sendRetrying(request: RestRequest, url: string, startedMs: number): Promise<HttpOutcome> {
    const { maxRetries } = this.#config;
    const deadlineMs = startedMs + this.#config.timeoutMs;
    let nowMs = startedMs;
    let attempts = 0;
    for (let retry = 0; ; retry += 1) {
      const outcome = await this.#exchange(request, url, nowMs, deadlineMs, false);
      attempts += outcome.attempts ?? 1;
      nowMs = Date.now();
      const delayMs = retry < maxRetries ? retryDelayMs(request.method, outcome, retry, nowMs + this.#credentials.clock.offsetMs) : undefined;
      if (delayMs !== undefined && nowMs + delayMs < deadlineMs) {
        if (httpLogger().enabled) logRetry(request.method, url, outcome, retry + 1, maxRetries, delayMs);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        nowMs = Date.now();
        // A timer may fire late (a busy event loop): no attempt without time left.
        if (nowMs < deadlineMs) continue;
      }
      return attempts > 1 && outcome.attempts !== attempts ? { ...outcome, attempts } : outcome;
    }
  }

  /**
   * Sends the request once, with an auth JWT dated by the service's time as the client knows it.
   * When the service refuses that JWT for its time (see `clockOffsetFromRefusal`), the client
   * keeps the offset the response's `Date` gives, signs again and sends once more (`resend`):
   * the request was refused at authentication, before anything was done, so this is safe for
   * every method; never more than once.
   */
  #exchange(request: RestRequest, url: string, nowMs: number, deadlineMs: number, resend: boolean): Promise<HttpOutcome> {
    const jwtMs = nowMs + this.#credentials.clock.offsetMs;
    let hop: Hop;
    try {
      hop = this.#firstHop(request, url, jwtMs);
    } catch (unexpected) {
      // An unparseable URL, or signing failed (e.g. an unusable private key): still one outcome.
      return Promise.resolve({ kind: 'failure', ok: false, error: transportError(url, unexpected) });
    }
    return transmit(hop, this.#selectAgent, deadlineMs - nowMs).then((result) => {
      const outcome = this.#outcome(result, url);
      if (resend) return { ...outcome, attempts: 2 };
      return !outcome.ok && outcome.kind === 'response' && (outcome.status === 401 || outcome.status === 403)
        ? this.#afterRefusal(request, url, outcome, jwtMs, deadlineMs)
        : outcome;
    });
  }

  /** A 401/403: sent again once with a corrected clock when it refused the JWT for its time. */
  #afterRefusal(
    request: RestRequest,
    url: string,
    refusal: ErrorResponseOutcome,
    jwtMs: number,
    deadlineMs: number,
  ): HttpOutcome | Promise<HttpOutcome> {
    const receivedMs = Date.now();
    const clock = this.#credentials.clock;
    const previousMs = clock.offsetMs;
    const offsetMs = clockOffsetFromRefusal(refusal, Math.floor(jwtMs / 1000), receivedMs, previousMs);
    if (offsetMs === undefined) return refusal;
    clock.offsetMs = offsetMs;
    if (httpLogger().enabled) logClockOffset(request.method, url, refusal.status, offsetMs, previousMs);
    return receivedMs < deadlineMs ? this.#exchange(request, url, receivedMs, deadlineMs, true) : refusal;
  }

  #outcome(result: TransportResult, url: string): HttpOutcome {
    if (!result.ok) {
      return { kind: 'failure', ok: false, error: result.timedOut ? timeoutError(url, result.cause) : transportError(url, result.cause) };
    }
    const { response, text } = result;
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
  }

  /**
   * The REST auth header, dated `jwtMs`. In normal mode the JWT depends only on that second
   * (claims `iss`, `ist`, `iat`, `exp`; HS256 is deterministic), so the one minted for this second
   * is reused: byte for byte what a fresh one would be. Vonage-mode JWTs carry a random `jti`:
   * always fresh.
   */
  #authHeader(jwtMs: number): [name: string, value: string] {
    if (this.#credentials.vonage) return restAuthHeader(this.#credentials, jwtMs);
    const second = Math.floor(jwtMs / 1000);
    if (second !== this.#jwtSecond) {
      this.#jwt = generateRestJwt(this.#credentials, jwtMs);
      this.#jwtSecond = second;
    }
    return ['X-OPENTOK-AUTH', this.#jwt];
  }

  /**
   * The request as it goes on the wire: the SDK's headers (`User-Agent`, `Accept`, the auth JWT,
   * `Content-Type`), then the transport's
   * (`Content-Length`, `Accept-Encoding`; Node adds `Host` and `Connection`). A POST or PUT
   * without a body says `Content-Length: 0` rather than starting a chunked body.
   *
   * Every value is handed to Node as a one-element array, as node-fetch v2 (the transport of
   * opentok 2.x) did. The bytes on the wire are the same as for a string, but an interceptor sees
   * the array: users' nock tests written for 2.x read the auth JWT as `value[0]` in `matchHeader`
   * and in `this.req.headers`, and must keep working.
   */
  #firstHop(request: RestRequest, url: string, jwtMs: number): Hop {
    const [authName, authValue] = this.#authHeader(jwtMs);
    const headers: Record<string, [string]> = {
      'User-Agent': [this.#userAgent],
      Accept: ['application/json'],
      [authName]: [authValue],
    };
    let body: string | undefined;
    if (request.form !== undefined) {
      headers['Content-Type'] = ['application/x-www-form-urlencoded'];
      body = request.form;
    } else if (request.json !== undefined) {
      headers['Content-Type'] = ['application/json'];
      body = JSON.stringify(request.json);
    }
    if (body !== undefined) headers['Content-Length'] = [String(Buffer.byteLength(body))];
    else if (request.method === 'POST' || request.method === 'PUT') headers['Content-Length'] = ['0'];
    headers['Accept-Encoding'] = [ACCEPT_ENCODING];
    return { url: new URL(url), method: request.method, headers, body };
  }
}

/** `network timeout at: <url>` (node-fetch's wording, kept from 2.x), with the timeout's error as the cause. */
function timeoutError(url: string, cause: Error): RequestError {
  const error = new RequestError(`network timeout at: ${url}`);
  error.cause = cause;
  return error;
}

/** `request to <url> failed, reason: <cause.message>`, with the Node error as the cause. */
function transportError(url: string, failure: unknown): RequestError {
  const cause = asError(failure);
  const error = new RequestError(`request to ${url} failed, reason: ${cause.message}`);
  error.cause = cause;
  return error;
}

/**
 * The failure as an `Error`. A request may emit something else (an HTTP mock, a custom agent); an
 * object's string `message` and `code` are kept, so that `cause.code` still tells what happened.
 */
function asError(failure: unknown): Error {
  if (failure instanceof Error) return failure;
  const { message, code } = typeof failure === 'object' && failure !== null ? (failure as { message?: unknown; code?: unknown }) : {};
  const error = new Error(typeof message === 'string' ? message : toText(failure));
  if (typeof code === 'string') Object.assign(error, { code });
  return error;
}
