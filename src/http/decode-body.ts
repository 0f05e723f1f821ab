import type * as ZlibModule from 'zlib';

/**
 * The content codings every request accepts (`Accept-Encoding`). List responses compress several
 * times over; a local or uncompressed answer costs nothing extra.
 */
export const ACCEPT_ENCODING = 'gzip,deflate';

/** The coding of a response body that must be decoded, or `undefined` for bytes to read as they are. */
export function bodyCoding(contentEncoding: string | undefined, status: number): 'gzip' | 'deflate' | 'br' | undefined {
  // A 204 or 304 has no body, whatever its headers say.
  if (contentEncoding === undefined || status === 204 || status === 304) return undefined;
  switch (contentEncoding.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return 'gzip';
    case 'deflate':
    case 'x-deflate':
      return 'deflate';
    case 'br':
      return 'br';
    default:
      return undefined;
  }
}

let zlib: typeof ZlibModule | undefined;

/**
 * Decodes a compressed body to text. Like browsers and node-fetch, a stream cut short after its
 * last complete block is accepted (`Z_SYNC_FLUSH`), and `deflate` is read as zlib-wrapped or raw
 * deflate, whichever the first byte says.
 */
export function decodeBody(
  coding: 'gzip' | 'deflate' | 'br',
  body: Buffer,
  done: (error: Error | null, text: string) => void,
): void {
  if (body.length === 0) {
    done(null, '');
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only compressed responses need it
  zlib ??= require('zlib') as typeof ZlibModule;
  const flush = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const callback = (error: Error | null, decoded: Buffer): void => {
    done(error, error ? '' : decoded.toString('utf8'));
  };
  if (coding === 'gzip') zlib.gunzip(body, flush, callback);
  else if (coding === 'br') zlib.brotliDecompress(body, callback);
  // eslint-disable-next-line no-bitwise -- a zlib header's low nibble is 8 (CM = deflate)
  else if ((body[0] & 0x0f) === 0x08) zlib.inflate(body, flush, callback);
  else zlib.inflateRaw(body, flush, callback);
}
