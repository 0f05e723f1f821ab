import { AuthError, NotFoundError, RequestError } from '../errors';
import type { OpenTokError } from '../errors';

/** Attaches the response status (`statusCode`) and its non-empty body (`body`) to an error built from a response. */
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

/**
 * The error of a status no method-specific rule covers, or `null` for a 2xx status: 401 and 403 an
 * `AuthError`, 404 a `NotFoundError`, anything else a `RequestError` quoting the body's `message`
 * (else its text).
 */
export function errorForStatus(status: number, body: unknown, text: string): OpenTokError | null {
  if (status >= 200 && status < 300) return null;
  if (status === 401 || status === 403) return withResponse(new AuthError(), status, body);
  if (status === 404) return withResponse(new NotFoundError(), status, body);
  return withResponse(new RequestError(unexpectedResponseMessage(body, text)), status, body);
}
