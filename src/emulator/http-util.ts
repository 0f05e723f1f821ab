import type { IncomingMessage, ServerResponse } from 'http';
import { EmulatorHttpError } from './errors';

/** Largest request body the emulator reads; larger ones get 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the whole request body, refusing bodies over `MAX_BODY_BYTES` with a 413. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      reject(new EmulatorHttpError(413, 'Request entity too large'));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        refused = true;
        reject(new EmulatorHttpError(413, 'Request entity too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/** Parses a request body by its Content-Type: JSON (400 when malformed), a form, or nothing. */
export function parseRequestBody(contentType: string | undefined, text: string): unknown {
  if (text.length === 0) return undefined;
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new EmulatorHttpError(400, 'Malformed JSON body');
  }
}

/** Writes a JSON (or empty) response. */
export function sendJson(res: ServerResponse, status: number, body?: unknown, headers: Readonly<Record<string, string>> = {}): void {
  if (body === undefined) {
    res.writeHead(status, { ...headers, 'Content-Length': '0' });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/**
 * The path (still percent-encoded) and query of a request target. Origin-form targets (`/a?b`) are
 * split as they are, so `//x` stays a path rather than a host; absolute-form targets
 * (`http://host/a`) are parsed as URLs; anything else (`*`, garbage) is a 400.
 */
export function parseTarget(target: string | undefined): { path: string; query: URLSearchParams } {
  const raw = target ?? '/';
  if (raw.startsWith('/')) {
    const mark = raw.indexOf('?');
    return mark < 0
      ? { path: raw, query: new URLSearchParams() }
      : { path: raw.slice(0, mark), query: new URLSearchParams(raw.slice(mark + 1)) };
  }
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return { path: url.pathname, query: url.searchParams };
  } catch {
    // Falls through to the 400.
  }
  throw new EmulatorHttpError(400, 'Malformed request target');
}
