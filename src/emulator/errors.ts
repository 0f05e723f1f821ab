/** A refused emulator operation: the HTTP status the service would answer and its message. */
export class EmulatorHttpError extends Error {
  /** HTTP status the emulator answers with. */
  readonly status: number;

  /** Extra response headers (e.g. `Allow` on a 405). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, message: string, headers: Readonly<Record<string, string>> = {}) {
    super(message);
    this.name = 'EmulatorHttpError';
    this.status = status;
    this.headers = headers;
  }
}

/** Why a simulated client could not connect (the token was refused). */
export class ClientConnectError extends Error {
  /**
   * Machine-readable reason: `invalid-token` (not a token, no expiry, wrong scope), `bad-signature`,
   * `wrong-project` (unknown API key, or the session belongs to another project), `invalid-role`,
   * `expired`, `wrong-session` or `unknown-session`.
   */
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'ClientConnectError';
    this.code = code;
  }
}
