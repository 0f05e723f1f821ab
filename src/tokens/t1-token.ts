import { createHmac } from 'crypto';
import type { KeyObject } from 'crypto';
import { wellFormedText } from '../core/objects';
import type { TokenData } from './token-options';

/**
 * Encodes like `querystring.stringify`: `encodeURIComponent` on keys and values, numbers via
 * `String`. Lone surrogates become U+FFFD, as the token's UTF-8 encoding would make them anyway.
 */
function encodeTokenData(data: TokenData): string {
  let encoded = '';
  for (const key of Object.keys(data)) {
    if (encoded) encoded += '&';
    encoded += `${key}=${encodeValue(data[key as keyof TokenData])}`;
  }
  return encoded;
}

/**
 * `encodeURIComponent(wellFormedText(value))`, without its string conversion and surrogate scan in
 * the usual case: a number or a well-formed string encodes as is, and `encodeURIComponent` throws
 * exactly when a string has a lone surrogate.
 */
function encodeValue(value: unknown): string {
  if (typeof value === 'number') return encodeURIComponent(value);
  if (typeof value === 'string') {
    try {
      return encodeURIComponent(value);
    } catch {
      // A lone surrogate: replaced below.
    }
  }
  return encodeURIComponent(wellFormedText(value));
}

/**
 * The legacy T1 token, minted when `generateToken`'s third argument is true: `T1==` + base64 of
 * `partner_id=<apiKey>&sig=<HMAC-SHA1 hex>:<data string>`.
 */
export function encodeT1Token(apiKey: string, secretKey: KeyObject, data: TokenData): string {
  const dataString = encodeTokenData(data);
  const signature = createHmac('sha1', secretKey).update(dataString).digest('hex');
  const plain = `partner_id=${apiKey}&sig=${signature}:${dataString}`;
  return `T1==${Buffer.from(plain, 'utf8').toString('base64')}`;
}
