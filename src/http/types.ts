import type { OpenTokError } from '../errors';
import type { RequestError } from '../errors';

/** HTTP methods the REST API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One REST request, described independently of the HTTP library. */
export interface RestRequest {
  readonly method: HttpMethod;
  /** Path appended to the base URL by plain concatenation (`/v2/project/...`, `/session/create`). */
  readonly path: string;
  /** A JSON body (serialised with `JSON.stringify`). */
  readonly json?: unknown;
  /** A form body, already encoded (createSession only). */
  readonly form?: string;
}

/** The parts of the HTTP response handed to pass-through callbacks (SPEC §6.3). */
export interface HttpResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly url: string;
  readonly headers: { get(name: string): string | null };
}

/** A response was received and its body read and parsed. */
interface ReceivedResponse {
  readonly kind: 'response';
  readonly status: number;
  /** Parsed body: JSON value, form object, or the raw text (possibly `''`). */
  readonly body: unknown;
  readonly response: HttpResponse;
}

/** A 2xx response. */
export interface SuccessOutcome extends ReceivedResponse {
  readonly ok: true;
  readonly error: null;
}

/** A non-2xx response, with the generic status mapping of SPEC §4.10. */
export interface ErrorResponseOutcome extends ReceivedResponse {
  readonly ok: false;
  readonly error: OpenTokError;
}

/** Any received response. */
export type ResponseOutcome = SuccessOutcome | ErrorResponseOutcome;

/** No usable response: network failure, timeout, or a body declared JSON that does not parse. */
export interface FailureOutcome {
  readonly kind: 'failure';
  readonly ok: false;
  readonly error: RequestError;
}

/** What the REST client reports for one request. It never throws and its promise never rejects. */
export type HttpOutcome = ResponseOutcome | FailureOutcome;
