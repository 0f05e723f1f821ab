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
  for (const [key, value] of Object.entries(data)) {
    if (encoded) encoded += '&';
    encoded += `${key}=${encodeURIComponent(wellFormedText(value))}`;
  }
  return encoded;
}

/**
 * The legacy T1 token (SPEC §8.4): `T1==` + base64 of
 * `partner_id=<apiKey>&sig=<HMAC-SHA1 hex>:<data string>`.
 */
export function encodeT1Token(apiKey: string, secretKey: KeyObject, data: TokenData): string {
  const dataString = encodeTokenData(data);
  const signature = createHmac('sha1', secretKey).update(dataString).digest('hex');
  const plain = `partner_id=${apiKey}&sig=${signature}:${dataString}`;
  return `T1==${Buffer.from(plain, 'utf8').toString('base64')}`;
}
