import type { IncomingMessage, ServerResponse } from 'http';
import { EmulatorHttpError } from './errors';
import type { Emulator } from './emulator';
import type { ProjectState } from './state';

/** What a route handler gets. */
export interface RouteContext {
  readonly emulator: Emulator;
  /** The authenticated project (absent on unauthenticated routes). */
  readonly project: ProjectState;
  /** Named groups of the route pattern. */
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
  /** Parsed JSON or form body, `undefined` when empty. */
  readonly body: unknown;
  readonly req: IncomingMessage;
}

/** What a route handler answers: a status and a JSON body (none for empty responses). */
export interface RouteResult {
  readonly status: number;
  readonly body?: unknown;
  /** Raw bytes with their content type (archive downloads, the stand-in's script, pages). */
  readonly raw?: { contentType: string; data: Buffer };
  /** Extra response headers (CORS, caching). */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Takes over the response instead of `body`/`raw`: a long-lived stream such as server-sent
   * events (see `EventStream`). Called once, with headers not yet sent.
   */
  readonly stream?: (res: ServerResponse) => void;
}

/** One endpoint. `pattern` matches the path without the query string. */
export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
  readonly pattern: RegExp;
  /** Routes of the emulator's own API need no OpenTok authentication. */
  readonly public?: boolean;
  readonly handler: (context: RouteContext) => RouteResult | Promise<RouteResult>;
}

/** A percent-decoded path segment; malformed escapes are a 400, not a crash. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new EmulatorHttpError(400, 'Malformed percent-encoding in the path');
  }
}

/** `/v2/project/<apiKey>` + `rest` as a pattern with an `apiKey` group. */
export function projectRoute(rest: string): RegExp {
  return new RegExp(`^/v2/project/(?<apiKey>[^/]+)${rest}$`);
}

/** A path the emulator knows, asked with a method it does not route there (a 405). */
export interface MethodNotAllowed {
  readonly kind: 'method-not-allowed';
  /** The methods the path answers, for the `Allow` header (HEAD wherever GET is). */
  readonly allow: readonly string[];
}

/**
 * Finds the route of a request: the route, a {@link MethodNotAllowed} (path known, method not) or
 * undefined (404). A HEAD request takes the GET route; Node's server sends its headers only.
 */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | MethodNotAllowed | undefined {
  const routedMethod = method === 'HEAD' ? 'GET' : method;
  const allow = new Set<string>();
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (route.method === routedMethod) {
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(match.groups ?? {})) {
        if (value !== undefined) params[name] = decodePathSegment(value);
      }
      return { route, params };
    }
    allow.add(route.method);
    if (route.method === 'GET') allow.add('HEAD');
  }
  return allow.size > 0 ? { kind: 'method-not-allowed', allow: [...allow] } : undefined;
}
