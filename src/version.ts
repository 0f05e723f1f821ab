import { readFileSync } from 'fs';
import { join } from 'path';

/** The `version` field of this package's package.json (sent in the User-Agent). */
export const SDK_VERSION: string = (
  JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }
).version;

/** `OpenTok-Node-SDK/<version>`, plus `' ' + addendum` when an addendum is configured. */
export function userAgent(addendum?: string): string {
  const base = `OpenTok-Node-SDK/${SDK_VERSION}`;
  return addendum ? `${base} ${addendum}` : base;
}
