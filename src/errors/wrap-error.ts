import type { OpenTokError } from './opentok-error';

type ErrorConstructorLike = new (message?: string) => Error;

/**
 * Builds the longer message some methods report (`Failed to createSession. Error: <inner>`), as an
 * instance of the same class as `inner`, carrying its `statusCode`, `body` and `cause`.
 *
 * The original SDK concatenated `String(inner)`, which printed `Error: …` because its errors had no
 * `name`; the literal `Error: ` is part of `prefix` for that reason.
 */
export function wrapError(prefix: string, inner: Error): Error {
  const Ctor = inner.constructor as ErrorConstructorLike;
  const wrapped = new Ctor(prefix + inner.message) as OpenTokError;
  const source = inner as OpenTokError;
  if (source.statusCode !== undefined) wrapped.statusCode = source.statusCode;
  if (source.body !== undefined) wrapped.body = source.body;
  if (source.cause !== undefined) wrapped.cause = source.cause;
  return wrapped;
}
