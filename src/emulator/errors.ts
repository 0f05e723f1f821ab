/**
 * A refused emulator operation: the HTTP status the service would answer and its message. The
 * emulator answers a request it refuses with this status and `{ code: status, message }`; in
 * process, `SimulatedClient.publish` throws it (409 for a client that has left, 403 for a
 * subscriber token).
 *
 * @example
 * ```ts
 * try {
 *   subscriber.publish();
 * } catch (error) {
 *   if (error instanceof EmulatorHttpError) console.log(error.status, error.message); // 403 'A subscriber token cannot publish'
 * }
 * ```
 */
export class EmulatorHttpError extends Error {
  /** HTTP status the emulator answers with. */
  readonly status: number;

  /** Extra response headers (e.g. `Allow` on a 405). */
  readonly headers: Readonly<Record<string, string>>;

  /**
   * @param status - The HTTP status to answer with.
   * @param message - The `message` of the JSON body.
   * @param headers - Extra response headers. Default: none.
   */
  constructor(status: number, message: string, headers: Readonly<Record<string, string>> = {}) {
    super(message);
    this.name = 'EmulatorHttpError';
    this.status = status;
    this.headers = headers;
  }
}

/**
 * Why a simulated client could not connect: `emulator.connectClient()` refused its token (over
 * HTTP, `POST /_emulator/connections` answers 403 with `{ code: 403, reason: code, message }`).
 *
 * @example
 * ```ts
 * try {
 *   emulator.connectClient({ token: expiredToken, sessionId });
 * } catch (error) {
 *   if (error instanceof ClientConnectError) console.log(error.code); // 'expired'
 * }
 * ```
 */
export class ClientConnectError extends Error {
  /**
   * Machine-readable reason: `invalid-token` (not a token, no expiry, wrong scope, a JWT issued
   * after the emulator's current time), `bad-signature`,
   * `wrong-project` (unknown API key, or the session belongs to another project), `invalid-role`,
   * `expired`, `wrong-session` or `unknown-session`.
   */
  readonly code: string;

  /**
   * @param code - The machine-readable reason (see {@link ClientConnectError.code}).
   * @param message - The human-readable reason.
   */
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ClientConnectError';
    this.code = code;
  }
}
