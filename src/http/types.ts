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

/** Response headers, read like the Fetch API's `Headers` (`response.headers.get('content-type')`). */
export interface HttpResponseHeaders extends Iterable<[name: string, value: string]> {
  /** The value of a header, names compared case-insensitively (repeated headers joined with `, `); `null` when absent. */
  get(name: string): string | null;
  /** Whether the response has the header (case-insensitive). */
  has(name: string): boolean;
  /** `[name, value]` pairs, names in lower case. */
  entries(): IterableIterator<[name: string, value: string]>;
}

/**
 * The HTTP response handed, after the body, to the callbacks of the methods that pass the response
 * through (`setArchiveLayout`, `setBroadcastLayout`, `setStreamClassLists`, `addBroadcastStream`,
 * `removeBroadcastStream`) and of the render methods.
 *
 * @example
 * ```ts
 * opentok.setArchiveLayout(archiveId, 'bestFit', (err, body, response) => {
 *   if (err) return console.error(err, response?.status);
 *   console.log(response?.status, response?.headers.get('content-type'));
 * });
 * ```
 */
export interface HttpResponse {
  /** The HTTP status code, e.g. `200`. */
  readonly status: number;
  /** The reason phrase, e.g. `OK`. */
  readonly statusText: string;
  /** `true` for a 2xx status. */
  readonly ok: boolean;
  /** The URL that answered: the request URL, or the last one after redirects. */
  readonly url: string;
  /** The response headers. */
  readonly headers: HttpResponseHeaders;
}

/**
 * What every outcome may say besides its result: how many times the request was sent, when that
 * was more than once (retries, or the re-send after a refusal of the JWT for its time).
 */
interface OutcomeAttempts {
  readonly attempts?: number;
}

/** A response was received and its body read and parsed. */
interface ReceivedResponse extends OutcomeAttempts {
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

/** A non-2xx response, with the error `errorForStatus` gives its status. */
export interface ErrorResponseOutcome extends ReceivedResponse {
  readonly ok: false;
  readonly error: OpenTokError;
}

/** Any received response. */
export type ResponseOutcome = SuccessOutcome | ErrorResponseOutcome;

/** No usable response: network failure, timeout, or a body declared JSON that does not parse. */
export interface FailureOutcome extends OutcomeAttempts {
  readonly kind: 'failure';
  readonly ok: false;
  readonly error: RequestError;
}

/** What the REST client reports for one request. It never throws and its promise never rejects. */
export type HttpOutcome = ResponseOutcome | FailureOutcome;
