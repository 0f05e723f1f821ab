import type { ResultCallback } from '../core/callback-types';
import { contextOf } from '../core/client-state';
import type { OpenTokClient } from '../opentok';
import * as audioConnector from './websocket-connect';
import type { WebSocketConnectOptions, WebSocketConnection } from './websocket-connect';

/**
 * The methods of {@link OpenTok} for the audio connector (WebSocket). The client's declaration
 * merges this interface: these are `opentok.websocketConnect(...)` and its siblings; their
 * implementations follow.
 */
export interface AudioConnectorMethods {
  /**
   * Same as the next signature, with `options` left out.
   *
   * @param sessionId - The session.
   * @param token - A token of that session, for the connector's connection.
   * @param websocketUri - The `ws://` or `wss://` URI of the server.
   * @param callback - Called with `(null, connection)`: the connector's `id` and `connectionId`.
   */
  websocketConnect(sessionId: string, token: string, websocketUri: string, callback: ResultCallback<WebSocketConnection>): void;
  /**
   * Connects a session's audio to a WebSocket server (the audio connector): the server receives
   * the streams' audio and, when bidirectional, may send audio back.
   *
   * Errors passed to `callback`:
   * - a plain `Error`, without a request, when `sessionId`, `token` or `websocketUri` is empty;
   * - {@link AuthError} (HTTP 401, 403), {@link NotFoundError} (404) or {@link RequestError} (any
   *   other failure), whose message starts with `Error connecting to websocket: `.
   *
   * @param sessionId - The session.
   * @param token - A token of that session, for the connector's connection.
   * @param websocketUri - The `ws://` or `wss://` URI of the server.
   * @param options - The streams sent (default: all), the headers of the WebSocket request, and
   *   `bidirectional`. May be left out.
   * @param callback - Called with `(null, connection)`: the connector's `id` and `connectionId`.
   * @throws {@link ArgumentError} when `callback` is not a function.
   * @example
   * ```ts
   * opentok.websocketConnect(sessionId, token, 'wss://audio.example.com/socket', { streams: [streamId] }, (err, connection) => {
   *   if (err) return console.error(err.message);
   *   console.log(connection.connectionId);
   * });
   * ```
   */
  websocketConnect(
    sessionId: string,
    token: string,
    websocketUri: string,
    options: WebSocketConnectOptions | null | undefined,
    callback: ResultCallback<WebSocketConnection>,
  ): void;
}

/**
 * The implementations of {@link AudioConnectorMethods}, installed on the client's prototype by src/opentok.ts
 * in the order of opentok 2.x's methods. Each one looks up the client's state, then delegates to
 * the API module.
 */
export const audioConnectorMethods = {
  websocketConnect(
    this: OpenTokClient,
    sessionId: string,
    token: string,
    websocketUri: string,
    optionsOrCallback: unknown,
    callback?: unknown,
  ): void {
    audioConnector.websocketConnect(contextOf(this), sessionId, token, websocketUri, optionsOrCallback, callback);
  },
};
