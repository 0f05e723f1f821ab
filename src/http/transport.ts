import type * as HttpModule from 'http';
import type { Agent, ClientRequest, IncomingMessage, RequestOptions } from 'http';
import type * as HttpsModule from 'https';
import type { AgentSelector } from './agents';
import { bodyCoding, decodeBody } from './decode-body';
import { MAX_REDIRECTS, isRedirect, redirectHop } from './redirects';
import type { Hop } from './redirects';
import { RestResponse } from './response';

/** A response whose body was read to the end and decoded. */
export interface TransportResponse {
  readonly ok: true;
  readonly response: RestResponse;
  readonly text: string;
}

/** An exchange that produced no usable response. */
export interface TransportFailure {
  readonly ok: false;
  /** The Node error behind the failure (system error, TLS, zlib, redirect), or the timeout's. */
  readonly cause: Error;
  readonly timedOut: boolean;
}

export type TransportResult = TransportResponse | TransportFailure;

type RequestModule = typeof HttpModule | typeof HttpsModule;
let httpModule: RequestModule | undefined;
let httpsModule: RequestModule | undefined;

/** `http` or `https` for a URL, loaded on first use; `undefined` for any other protocol. */
function moduleFor(url: URL): RequestModule | undefined {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on the first request only */
  if (url.protocol === 'https:') return (httpsModule ??= require('https') as typeof HttpsModule);
  if (url.protocol === 'http:') return (httpModule ??= require('http') as typeof HttpModule);
  /* eslint-enable @typescript-eslint/no-require-imports */
  return undefined;
}

/**
 * Sends one request with Node's `http`/`https` through the selected agent and reads the whole response:
 * redirects followed up to {@link MAX_REDIRECTS}, compressed bodies decoded, and `timeoutMs` over
 * the whole exchange, redirects and body included. The promise never rejects: a failure is a
 * {@link TransportFailure} whose `cause` is the Node error itself (`ECONNREFUSED`, `ECONNRESET`,
 * a TLS or proxy error), and a body cut short of its length fails at once instead of waiting out
 * the timeout.
 */
export function transmit(first: Hop, selectAgent: AgentSelector, timeoutMs: number): Promise<TransportResult> {
  return new Promise((resolve) => {
    new Exchange(selectAgent, timeoutMs, resolve).send(first, 0);
  });
}

/** The state of one `transmit`: settles exactly once, whatever events arrive after that. */
class Exchange {
  readonly #selectAgent: AgentSelector;
  readonly #resolve: (result: TransportResult) => void;
  readonly #timer: NodeJS.Timeout;
  #settled = false;
  /** The Node request whose response has not been read to the end yet. */
  #inFlight: ClientRequest | undefined;

  constructor(selectAgent: AgentSelector, timeoutMs: number, resolve: (result: TransportResult) => void) {
    this.#selectAgent = selectAgent;
    this.#resolve = resolve;
    this.#timer = setTimeout(() => this.#timeOut(timeoutMs), timeoutMs);
  }

  send(hop: Hop, redirects: number): void {
    const requestModule = moduleFor(hop.url);
    if (requestModule === undefined) {
      this.#fail(new TypeError('Only HTTP(S) protocols are supported'));
      return;
    }
    let request: ClientRequest;
    try {
      request = requestModule.request(requestOptions(hop, this.#selectAgent(hop.url)));
    } catch (error) {
      // Refused synchronously: an invalid header value, an agent for the other protocol, bad
      // percent-encoding in URL credentials, ...
      this.#fail(error as Error);
      return;
    }
    this.#inFlight = request;
    request.on('error', (error: Error) => this.#fail(error));
    request.on('response', (response: IncomingMessage) => this.#receive(hop, redirects, response));
    request.end(hop.body);
  }

  #receive(hop: Hop, redirects: number, response: IncomingMessage): void {
    // Its errors are this exchange's (a reset mid-body), or nobody's once it has settled.
    response.on('error', (error: Error) => this.#fail(error));
    if (this.#settled) {
      response.resume();
      return;
    }
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (isRedirect(status) && location !== undefined) {
      // Drained, so that its socket goes back to the pool.
      response.resume();
      if (redirects >= MAX_REDIRECTS) {
        this.#fail(Object.assign(new Error(`maximum redirect reached at: ${hop.url.href}`), { code: 'ERR_TOO_MANY_REDIRECTS' }));
        return;
      }
      let next: Hop;
      try {
        next = redirectHop(hop, status, location);
      } catch (error) {
        this.#fail(error as Error);
        return;
      }
      this.send(next, redirects + 1);
      return;
    }
    this.#read(hop, status, response);
  }

  #read(hop: Hop, status: number, response: IncomingMessage): void {
    const coding = bodyCoding(response.headers['content-encoding'], status);
    const chunks: Buffer[] = [];
    let text = '';
    if (coding === undefined) response.setEncoding('utf8');
    response.on('data', (chunk: Buffer | string) => {
      if (typeof chunk === 'string') text += chunk;
      else chunks.push(chunk);
    });
    response.on('close', () => {
      // Closed before the end of a body with a Content-Length, or of a chunked one.
      if (!response.complete) this.#fail(prematureClose());
    });
    response.on('end', () => {
      this.#inFlight = undefined;
      const received = new RestResponse(status, response.statusMessage ?? '', hop.url.href, response.headers);
      if (coding === undefined) {
        this.#succeed(received, text);
        return;
      }
      decodeBody(coding, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), (error, decoded) => {
        if (error) this.#fail(error);
        else this.#succeed(received, decoded);
      });
    });
  }

  #succeed(response: RestResponse, text: string): void {
    if (this.#settled) return;
    this.#settled = true;
    clearTimeout(this.#timer);
    this.#resolve({ ok: true, response, text });
  }

  #fail(cause: Error, timedOut = false): void {
    if (this.#settled) return;
    this.#settled = true;
    clearTimeout(this.#timer);
    this.#resolve({ ok: false, cause, timedOut });
  }

  #timeOut(timeoutMs: number): void {
    this.#fail(Object.assign(new Error(`Request did not complete within ${timeoutMs} ms`), { code: 'ETIMEDOUT' }), true);
    // Its socket is in an unknown state: closed rather than given back to the pool.
    this.#inFlight?.destroy();
  }
}

/**
 * The options of `http.request` for a hop, as Node's `urlToHttpOptions` derives them from a URL
 * (an IPv6 host without brackets, credentials in the URL as `auth`), built directly: passing the
 * URL object costs a conversion and a copy of these options on every request.
 */
function requestOptions(hop: Hop, agent: Agent): RequestOptions {
  const { url } = hop;
  const hostname = url.hostname;
  const options: RequestOptions = {
    protocol: url.protocol,
    hostname: hostname.startsWith('[') ? hostname.slice(1, -1) : hostname,
    path: url.pathname + url.search,
    method: hop.method,
    headers: hop.headers,
    agent,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username !== '' || url.password !== '') {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

function prematureClose(): Error {
  return Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}
