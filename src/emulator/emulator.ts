import { generateKeyPairSync, randomBytes, randomUUID } from 'crypto';
import { STATUS_CODES, createServer } from 'http';
import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import type { Duplex } from 'stream';
import { authenticate } from './auth';
import { SimulatedClient, addConnection } from './clients';
import { tokenIssuer, verifyClientToken } from './client-tokens';
import { corsHeaders } from './cors';
import { ClientConnectError, EmulatorHttpError } from './errors';
import { EventDispatcher } from './events';
import { FaultInjector } from './faults';
import type { FaultRule } from './faults';
import { parseRequestBody, parseTarget, readBody, sendJson } from './http-util';
import { matchRoute } from './router';
import type { RouteResult } from './router';
import { ROUTES } from './routes';
import { newProject } from './state';
import type { ConnectionState, ProjectState, SessionState } from './state';

/**
 * Options of `Emulator.start()`; every one is optional.
 *
 * @example
 * ```ts
 * const emulator = await Emulator.start({
 *   apiKey: '123456',
 *   apiSecret: 'a-test-secret',
 *   archiveProcessingMs: 20,                          // archives become available quickly
 *   faults: [{ path: '/archive', status: 500, times: 1 }], // the first archive call fails
 * });
 * ```
 */
export interface EmulatorOptions {
  /** Port to listen on. Default `0`: a free port (read the real one from `emulator.url`). */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** API key of the first project, `emulator.project`. Default: a generated 8-digit number. */
  apiKey?: string;
  /** API secret of the first project. Default: generated (40 hex digits). */
  apiSecret?: string;
  /** Delay added to every request, in milliseconds (`emulator.options.latencyMs`). Default `0`. */
  latencyMs?: number;
  /** Faults injected from the start, as `emulator.faults.add()` takes them. Default: none. */
  faults?: FaultRule[];
  /**
   * How long a stopped archive stays `stopped` before it is `available` (with its size, duration
   * and download URL), in milliseconds. Default `200`.
   */
  archiveProcessingMs?: number;
  /**
   * Signs every event callback with this secret, as the service signs its callbacks: each POST
   * carries `Authorization: Bearer <JWT>`, an HS256 JWT with `iat`, `exp` (`iat` + 300), a random
   * `jti` and `payload_hash` (the SHA-256 hex digest of the exact body sent), which
   * `verifyCallback` of `opentok/webhooks` checks. Must be a non-empty string (else `start`
   * throws a `TypeError`). Default: callbacks are not signed.
   */
  signatureSecret?: string;
  /**
   * Runs the emulator's clock this many milliseconds ahead of the machine's (behind when
   * negative), as a service whose clock differs from your server's: the REST auth JWTs and the
   * client tokens are checked against that clock (a JWT issued after it is refused with 403
   * `issued time cannot be greater than current time`, an expired one with 403 `Invalid token:
   * jwt expired`), and every response's `Date` header tells it. Timestamps in response bodies
   * (`createdAt`, ...) keep the machine's clock. A finite number (else `start` throws a
   * `TypeError`). Default `0`.
   */
  clockSkewMs?: number;
}

/** Credentials of an emulated OpenTok project: what `new OpenTok(apiKey, apiSecret, { apiUrl: emulator.url })` takes. */
export interface ProjectCredentials {
  /** The project's API key. */
  readonly apiKey: string;
  /** The project's API secret. */
  readonly apiSecret: string;
}

/** Credentials of an emulated Vonage application: `new OpenTok(applicationId, privateKey, { apiUrl: emulator.url })`. */
export interface ApplicationCredentials {
  /** The application ID (a UUID), used as the API key. */
  readonly applicationId: string;
  /** PKCS#8 PEM private key, as `new OpenTok(applicationId, privateKey)` takes it. */
  readonly privateKey: string;
}

/** What an emulator keeps for itself: its server and the state of requests and pending work. */
interface EmulatorInternals {
  readonly server: Server;
  readonly timers: Set<NodeJS.Timeout>;
  /** The simulated client behind each client connection (gone with the connection). */
  readonly clients: WeakMap<ConnectionState, SimulatedClient>;
  /** Responses under way per socket, so that a parse error does not cut into one. */
  readonly inFlight: WeakMap<Duplex, number>;
  url: string;
}

/**
 * Each emulator's internals, kept off the instance: the published declarations need no ES private
 * field (which a consumer compiling for ES5 rejects).
 */
const emulatorInternals = new WeakMap<Emulator, EmulatorInternals>();

function internalsOf(emulator: Emulator): EmulatorInternals {
  const internals = emulatorInternals.get(emulator);
  if (internals === undefined) throw new TypeError('Emulator member used on another object');
  return internals;
}

/**
 * A local OpenTok service (`require('opentok/emulator')`): a real HTTP server answering the REST
 * API with the service's wire formats and status codes, in-memory projects, and simulated clients
 * that connect with the tokens your code mints. Start one with {@link Emulator.start} and give the
 * SDK its `url` as `apiUrl`; `close()` it when done.
 *
 * @example
 * ```ts
 * import OpenTok = require('opentok');
 * import { Emulator } from 'opentok/emulator';
 *
 * async function demo(): Promise<void> {
 *   const emulator = await Emulator.start();
 *   const { apiKey, apiSecret } = emulator.project;
 *   const opentok = new OpenTok(apiKey, apiSecret, { apiUrl: emulator.url });
 *
 *   const session = await opentok.promises.createSession({ mediaMode: 'routed' });
 *   const client = emulator.connectClient({ token: session.generateToken(), sessionId: session.sessionId });
 *   client.publish({ name: 'camera' });
 *   const archive = await opentok.promises.startArchive(session.sessionId);
 *   console.log(archive.status); // 'started'
 *   await emulator.close();
 * }
 * ```
 */
export class Emulator {
  /**
   * Every project and Vonage application, by API key / application ID, with its whole state:
   * sessions, connections, streams, archives, broadcasts, renders, callbacks, captions. Read it to
   * check what your code did; changing it changes what the emulator answers.
   */
  readonly projects = new Map<string, ProjectState>();
  /**
   * The event callbacks: `events.delivered` lists every POST made so far, `events.settled()` waits
   * for those in flight.
   */
  readonly events: EventDispatcher;
  /** Injected faults: `faults.add({ path: '/archive', status: 500, times: 1 })`, `faults.clear()`. */
  readonly faults: FaultInjector;
  /** The effective latency, archive processing time and clock skew, defaults applied. */
  readonly options: Required<Pick<EmulatorOptions, 'latencyMs' | 'archiveProcessingMs' | 'clockSkewMs'>>;
  /** The credentials of the project created at start (`apiKey` and `apiSecret` of the options, or generated ones). */
  readonly project: ProjectCredentials;

  private constructor(options: EmulatorOptions) {
    const clockSkewMs = options.clockSkewMs ?? 0;
    if (typeof clockSkewMs !== 'number' || !Number.isFinite(clockSkewMs)) {
      throw new TypeError('clockSkewMs must be a finite number of milliseconds');
    }
    this.options = { latencyMs: options.latencyMs ?? 0, archiveProcessingMs: options.archiveProcessingMs ?? 200, clockSkewMs };
    this.events = new EventDispatcher({ signatureSecret: options.signatureSecret });
    this.faults = new FaultInjector(options.faults);
    this.project = this.createProject({ apiKey: options.apiKey, apiSecret: options.apiSecret });
    const inFlight = new WeakMap<Duplex, number>();
    const server = createServer((req, res) => {
      const socket = req.socket;
      inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
      res.once('close', () => inFlight.set(socket, (inFlight.get(socket) ?? 1) - 1));
      handle(this, req, res).catch(() => {
        // handle() answers every error itself; this only guards against a failure to write.
        res.destroy();
      });
    });
    emulatorInternals.set(this, { server, timers: new Set(), clients: new WeakMap(), inFlight, url: '' });
    server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
      // As Node's default handler: answer a request that cannot be parsed with a 400 (431 for
      // oversized headers), unless a response on this socket is under way.
      if (error.code === 'ECONNRESET' || !socket.writable || (inFlight.get(socket) ?? 0) > 0) {
        socket.destroy();
        return;
      }
      const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
      const body = JSON.stringify({ code: status, message: STATUS_CODES[status] });
      socket.end(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n` +
          `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    });
  }

  /**
   * Starts an emulator listening on `options.port` (default: a free port) of `options.host`
   * (default `127.0.0.1`).
   *
   * @param options - Port, host, credentials of the first project, latency, faults, archive
   *   processing time and signature secret; see {@link EmulatorOptions}.
   * @returns The running emulator, once it listens.
   * @throws The promise rejects with a `TypeError` for a `signatureSecret` that is not a
   *   non-empty string or a `clockSkewMs` that is not a finite number, and with the listen error (`EADDRINUSE`, ...) when it cannot listen.
   * @example
   * ```ts
   * const emulator = await Emulator.start({ archiveProcessingMs: 50 });
   * console.log(emulator.url, emulator.project.apiKey);
   * ```
   */
  static async start(options: EmulatorOptions = {}): Promise<Emulator> {
    const emulator = new Emulator(options);
    const internals = internalsOf(emulator);
    await new Promise<void>((resolve, reject) => {
      internals.server.once('error', reject);
      internals.server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    const address = internals.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    internals.url = `http://${host}:${address.port}`;
    return emulator;
  }

  /** Base URL to give the SDK as `apiUrl`, with the real port, e.g. `http://127.0.0.1:4010`. */
  get url(): string {
    return internalsOf(this).url;
  }

  /**
   * URL of the emulator's live dashboard, e.g. `http://127.0.0.1:4010/`: a page that shows the
   * projects, sessions with their connections and streams, archives, broadcasts, SIP calls,
   * renders, captions and the last event callbacks, updated as they change, with buttons that
   * connect a simulated client to a session, publish from it and disconnect it. Log it next to the
   * credentials so that a developer can open it.
   *
   * @example
   * ```ts
   * const emulator = await Emulator.start();
   * console.log(`Dashboard: ${emulator.dashboardUrl}`);
   * ```
   */
  get dashboardUrl(): string {
    return `${internalsOf(this).url}/`;
  }

  /**
   * Adds a project, e.g. to check that one project cannot reach another's resources.
   *
   * @param credentials - Its API key and secret; each is generated when absent. An existing API
   *   key is replaced by an empty project.
   * @returns The project's credentials.
   * @example
   * ```ts
   * const other = emulator.createProject();
   * const otherClient = new OpenTok(other.apiKey, other.apiSecret, { apiUrl: emulator.url });
   * ```
   */
  createProject(credentials: { apiKey?: string; apiSecret?: string } = {}): ProjectCredentials {
    const apiKey = credentials.apiKey ?? String(40000000 + Math.floor(Math.random() * 50000000));
    const apiSecret = credentials.apiSecret ?? randomBytes(20).toString('hex');
    this.projects.set(apiKey, newProject(apiKey, { apiSecret }));
    return { apiKey, apiSecret };
  }

  /**
   * Adds a Vonage application with a fresh RSA key pair: the SDK in Vonage application mode
   * signs its REST JWTs and client tokens with RS256, and the emulator verifies them with the
   * public key.
   *
   * @returns The application ID and its PKCS#8 PEM private key.
   * @example
   * ```ts
   * const { applicationId, privateKey } = emulator.createApplication();
   * const vonage = new OpenTok(applicationId, privateKey, { apiUrl: emulator.url });
   * ```
   */
  createApplication(): ApplicationCredentials {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const applicationId = randomUUID();
    this.projects.set(applicationId, newProject(applicationId, { publicKey }));
    return { applicationId, privateKey };
  }

  /**
   * Connects a simulated client with a token, verified as the service verifies it (signature,
   * project, session, role, expiry; JWT and T1), as OpenTok.js would connect. The session gets
   * the connection (and `sessionCreated` / `connectionCreated` callbacks go out); an
   * `archiveMode: 'always'` session starts archiving.
   *
   * @param options - `token`: the client token your code minted; `sessionId`: the session the
   *   client joins (default: the token's own session; when given, it must be the token's).
   * @returns The connected client.
   * @throws {@link ClientConnectError} when the token is refused; its `code` says why.
   * @example
   * ```ts
   * const client = emulator.connectClient({ token: session.generateToken({ data: 'alice' }), sessionId: session.sessionId });
   * const streamId = client.publish({ name: 'alice-camera' });
   * client.disconnect();
   * ```
   */
  connectClient(options: { token: string; sessionId?: string }): SimulatedClient {
    const { token, sessionId } = options;
    const issuer = typeof token === 'string' && token.length > 0 ? tokenIssuer(token) : undefined;
    if (issuer === undefined) throw new ClientConnectError('invalid-token', 'The token is not a JWT or T1 token');
    const project = this.projects.get(issuer);
    if (!project) throw new ClientConnectError('wrong-project', 'The token does not belong to a known project');
    // Signature, role and expiry first; then where the token is used.
    const verified = verifyClientToken(project, token, undefined, Math.floor(this.nowMs() / 1000));
    if (sessionId !== undefined && !project.sessions.has(sessionId)) {
      const owned = [...this.projects.values()].some((other) => other.sessions.has(sessionId));
      if (owned) throw new ClientConnectError('wrong-project', 'Token belongs to another project than the session');
    }
    if (sessionId !== undefined && verified.sessionId !== sessionId) {
      throw new ClientConnectError('wrong-session', 'Token was generated for another session');
    }
    const session = project.sessions.get(verified.sessionId);
    if (!session) throw new ClientConnectError('unknown-session', 'The session does not exist');
    const connection = addConnection(this, project, session, { kind: 'client', role: verified.role, data: verified.data });
    const classes = verified.initialLayoutClassList ? verified.initialLayoutClassList.split(' ') : [];
    const client = new SimulatedClient(this, project, session, connection, classes);
    internalsOf(this).clients.set(connection, client);
    return client;
  }

  /**
   * The simulated client of a connection, however it connected (`connectClient()` or
   * `POST /_emulator/connections`).
   *
   * @param connectionId - The connection ID.
   * @returns The client; `undefined` once it has left, or for a connection that is not a client's
   *   (SIP, audio connector, render).
   * @example
   * ```ts
   * emulator.client(connectionId)?.disconnect();
   * ```
   */
  client(connectionId: string): SimulatedClient | undefined {
    for (const project of this.projects.values()) {
      for (const session of project.sessions.values()) {
        const connection = session.connections.get(connectionId);
        if (connection) return internalsOf(this).clients.get(connection);
      }
    }
    return undefined;
  }

  /**
   * The session of a project, or a 404.
   *
   * @internal
   */
  session(project: ProjectState, sessionId: string): SessionState {
    const session = project.sessions.get(sessionId);
    if (!session) throw new EmulatorHttpError(404, 'Session not found');
    return session;
  }

  /**
   * The emulator's current time in milliseconds: the machine's clock plus `clockSkewMs`.
   *
   * @internal
   */
  nowMs(): number {
    return Date.now() + this.options.clockSkewMs;
  }

  /**
   * Runs `task` after `ms`; pending tasks are cancelled by `close()` and never hold the process.
   *
   * @internal
   */
  schedule(ms: number, task: () => void): void {
    const { timers } = internalsOf(this);
    const timer = setTimeout(() => {
      timers.delete(timer);
      task();
    }, ms);
    timer.unref();
    timers.add(timer);
  }

  /**
   * Stops listening, drops open connections and cancels pending work (archives not yet
   * available stay `stopped`). Callback POSTs already under way still finish; await
   * `events.settled()` first to wait for them.
   *
   * @returns Resolves once the server is closed.
   * @example
   * ```ts
   * await emulator.events.settled(); // the callbacks under way, if they matter
   * await emulator.close();
   * ```
   */
  async close(): Promise<void> {
    const { timers, server } = internalsOf(this);
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}

/** Answers one request: injected faults and latency first, then the route, every error as JSON. */
async function handle(emulator: Emulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  let target: { path: string; query: URLSearchParams };
  try {
    target = parseTarget(req.url);
  } catch (error) {
    req.resume();
    sendJson(res, 400, { code: 400, message: (error as Error).message });
    return;
  }
  const { path, query } = target;
  // A skewed clock shows in every response, as the service's own clock does.
  if (emulator.options.clockSkewMs !== 0) res.setHeader('Date', new Date(emulator.nowMs()).toUTCString());
  const fault = emulator.faults.take(method, path);
  const delay = emulator.options.latencyMs + (fault?.delayMs ?? 0);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  if (fault?.reset) {
    req.socket.destroy();
    return;
  }
  if (fault?.status !== undefined) {
    req.resume();
    sendJson(res, fault.status, fault.body ?? { code: fault.status, message: 'Injected fault' }, fault.headers);
    return;
  }
  let result: RouteResult;
  let headers: Readonly<Record<string, string>> = {};
  try {
    result = await route(emulator, req, method, path, query);
  } catch (error) {
    const status = error instanceof EmulatorHttpError ? error.status : 500;
    const message = error instanceof Error ? error.message : 'Internal error';
    if (error instanceof EmulatorHttpError) headers = error.headers;
    result = { status, body: { code: status, message } };
  }
  if (result.headers) headers = { ...headers, ...result.headers };
  // The OpenTok.js stand-in's pages are on other local origins; errors need the headers too, or
  // the page cannot read why it was refused.
  headers = { ...headers, ...corsHeaders(method, path, req.headers.origin) };
  if (result.stream) {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    result.stream(res);
    return;
  }
  if (result.raw) {
    res.writeHead(result.status, {
      ...headers,
      'Content-Type': result.raw.contentType,
      'Content-Length': String(result.raw.data.length),
    });
    res.end(result.raw.data);
    return;
  }
  sendJson(res, result.status, result.body, headers);
}

/** The route's result for a request: who is asking (403), what they sent (413, 400), then the handler. */
async function route(
  emulator: Emulator,
  req: IncomingMessage,
  method: string,
  path: string,
  query: URLSearchParams,
): Promise<RouteResult> {
  const matched = matchRoute(ROUTES, method, path);
  if (matched === undefined) {
    req.resume();
    throw new EmulatorHttpError(404, 'Not Found');
  }
  if ('kind' in matched) {
    req.resume();
    throw new EmulatorHttpError(405, 'Method Not Allowed', { Allow: matched.allow.join(', ') });
  }
  // As the service: who is asking first (403), then what they sent (413, 400).
  const project = matched.route.public ? (undefined as unknown as ProjectState) : authenticate(req.headers, emulator.projects, Math.floor(emulator.nowMs() / 1000));
  if (!matched.route.public && matched.params.apiKey !== undefined && matched.params.apiKey !== project.apiKey) {
    throw new EmulatorHttpError(403, 'The token does not grant access to this project');
  }
  const body = parseRequestBody(req.headers['content-type'], await readBody(req));
  return matched.route.handler({ emulator, project, params: matched.params, query, body, req });
}
