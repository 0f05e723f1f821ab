// The callback types of the client's methods, in a module of their own so that both
// src/opentok.ts and the area modules' client-methods.ts (which declare the methods) import them.
import type { OpenTokError } from '../errors/opentok-error';
import type { HttpResponse } from '../http/types';

/**
 * Error-first callback with no result: `(null)` on success, `(error)` on failure.
 *
 * The error is typed as the SDK's base class {@link OpenTokError}, so `statusCode`, `body` and
 * `cause` can be read without a cast. Some argument checks deliver a plain `Error` (as opentok 2.x
 * did); the type covers those truthfully, because all three members are optional and absent there.
 */
export type DoneCallback = (error: OpenTokError | null) => void;

/**
 * Error-first callback with one result: `(null, result)` on success, `(error)` on failure (the
 * result is then `undefined`). The result is declared non-optional, as `@types/node` declares its
 * callbacks, so that a callback may be written `(err, archive: OpenTok.Archive) => ...`; check
 * `err` first. The error is an {@link OpenTokError} or a plain `Error` (see {@link DoneCallback}).
 */
export type ResultCallback<T> = (error: OpenTokError | null, result: T) => void;

/**
 * Pass-through callback: `(null, body, response)` on success; `(error, body, response)` on an HTTP
 * error (`body` is `null` for 401, 403 and 404); `(error, null, null)` when no usable response
 * arrived. `body` is the parsed JSON (or the text) of the service's reply. The error is an
 * {@link OpenTokError} or a plain `Error` (see {@link DoneCallback}).
 */
export type ResponseCallback = (error: OpenTokError | null, body: unknown, response: HttpResponse | null) => void;

/**
 * Callback of the paged list methods: `(null, items, totalCount)` on success, `(error)` on failure
 * (the other arguments are then `undefined`; declared non-optional as in {@link ResultCallback}).
 * The error is an {@link OpenTokError} or a plain `Error` (see {@link DoneCallback}).
 */
export type ListCallback<T> = (error: OpenTokError | null, items: T[], totalCount: number) => void;
