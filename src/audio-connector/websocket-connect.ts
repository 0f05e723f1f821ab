import { callRest, isCallback, shiftOptional } from '../core/callbacks';
import type { ApiContext } from '../core/context';
import { isNullOrEmpty, optionsObject } from '../core/objects';
import { isSuccess, outcomeError } from '../core/outcomes';
import { ArgumentError, wrapError } from '../errors';
import type { HttpOutcome } from '../http/types';

/**
 * Options of `websocketConnect`.
 *
 * @example
 * ```ts
 * opentok.websocketConnect(sessionId, token, 'wss://example.com/audio', {
 *   streams: [streamId],
 *   headers: { 'X-Caller': 'support' },
 *   bidirectional: true,
 * }, (err, connection) => {
 *   if (err) return console.error(err);
 *   console.log(connection.id, connection.connectionId);
 * });
 * ```
 */
export interface WebSocketConnectOptions {
  /** IDs of the streams whose audio is sent to the WebSocket. Default: every stream of the session. */
  streams?: string[];
  /** Headers sent with the WebSocket connection request (e.g. for authentication). Default: none. */
  headers?: Record<string, string>;
  /** Also play the audio the WebSocket server sends back into the session. Default `false`. */
  bidirectional?: boolean;
}

/**
 * The audio connector `websocketConnect` calls back with: the service's JSON as it is. The audio
 * connector joins the session as a connection; `forceDisconnect` with its `connectionId` ends it.
 */
export interface WebSocketConnection {
  /** Audio connector ID. */
  id: string;
  /** Connection ID of the audio connector in the session. */
  connectionId: string;
}

/**
 * `websocketConnect(sessionId, token, websocketUri[, options], callback)`: every error is wrapped
 * as `Error connecting to websocket: <inner>`; missing arguments are plain `Error`s.
 */
export function websocketConnect(
  ctx: ApiContext,
  sessionId: unknown,
  token: unknown,
  websocketUri: unknown,
  optionsOrCallback: unknown,
  maybeCallback: unknown,
): void {
  const shifted = shiftOptional(optionsOrCallback, maybeCallback);
  const callback = shifted.callback;
  if (!isCallback(callback)) throw new ArgumentError('No callback given to websocketConnect');
  let missing: string | undefined;
  if (isNullOrEmpty(sessionId)) missing = 'No sessionId given to websocketConnect';
  else if (isNullOrEmpty(token)) missing = 'No token given to websocketConnect';
  else if (isNullOrEmpty(websocketUri)) missing = 'No websocketUri given to websocketConnect';
  if (missing !== undefined) {
    callback(new Error(missing));
    return;
  }
  const options = optionsObject(shifted.value);
  const websocket: Record<string, unknown> = { uri: websocketUri };
  if (Array.isArray(options.streams)) websocket.streams = options.streams;
  if (typeof options.headers === 'object' && options.headers !== null) websocket.headers = options.headers;
  if (options.bidirectional) websocket.bidirectional = options.bidirectional;
  const interpret = (outcome: HttpOutcome): readonly unknown[] =>
    isSuccess(outcome)
      ? [null, outcome.body]
      : [wrapError('Error connecting to websocket: ', outcomeError(outcome))];
  const json = { sessionId, token, websocket };
  callRest(ctx.rest, { method: 'POST', path: `${ctx.projectPath}/connect`, json }, interpret, callback);
}
