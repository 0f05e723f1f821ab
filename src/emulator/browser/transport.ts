namespace OTStandIn {
  /**
   * The emulator this script was served by: the origin of its own `<script src>`. A page that
   * loads `http://127.0.0.1:4010/_emulator/opentok.js` talks to that emulator, whatever origin
   * the page itself is on (the emulator allows local origins, see its cors.ts).
   */
  export const EMULATOR_URL = ((): string => {
    const script = document.currentScript;
    const src = script instanceof HTMLScriptElement ? script.src : '';
    return src ? new URL(src).origin : window.location.origin;
  })();

  /** An emulator answer: its status and its JSON body (`{}` when it has none). */
  export interface Reply {
    readonly status: number;
    readonly body: Record<string, unknown>;
  }

  /**
   * Calls the emulator. Resolves with any HTTP answer; rejects only when the emulator cannot be
   * reached (it is not running, or the page's origin is not allowed).
   */
  export async function call(method: string, path: string, body?: unknown): Promise<Reply> {
    const response = await fetch(`${EMULATOR_URL}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = {};
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = { message: text };
    }
    const object = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    return { status: response.status, body: object };
  }

  /** The `message` of an emulator error answer. */
  export function messageOf(reply: Reply): string {
    return typeof reply.body.message === 'string' ? reply.body.message : `HTTP ${reply.status}`;
  }
}
