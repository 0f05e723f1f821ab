import { AuthError, NotFoundError, RequestError } from '../errors';
import type { OpenTokError } from '../errors';

/** Attaches the response status and (non-empty) body to an error built from a response (SPEC §5.2). */
export function withResponse<E extends OpenTokError>(error: E, status: number, body: unknown): E {
  error.statusCode = status;
  if (body !== null && body !== undefined && body !== '') error.body = body;
  return error;
}

/** The message of an unexpected status: `Unexpected response from OpenTok: "{"message":M}"`. */
export function unexpectedResponseMessage(body: unknown, text: string): string {
  const bodyMessage = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  const message = bodyMessage ? bodyMessage : text;
  return `Unexpected response from OpenTok: "${JSON.stringify({ message })}"`;
}

/** The generic status → error mapping of SPEC §4.10, or `null` for a 2xx status. */
export function errorForStatus(status: number, body: unknown, text: string): OpenTokError | null {
  if (status >= 200 && status < 300) return null;
  if (status === 401 || status === 403) return withResponse(new AuthError(), status, body);
  if (status === 404) return withResponse(new NotFoundError(), status, body);
  return withResponse(new RequestError(unexpectedResponseMessage(body, text)), status, body);
}
