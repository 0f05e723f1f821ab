/** The fields an OpenTok session ID encodes (SPEC §7.3). */
export interface DecodedSessionId {
  readonly apiKey: string;
  readonly location: string;
  readonly createTime: string;
}

/**
 * Decodes a session ID: drop the `1_`/`2_` sentinel, undo the URL-safe alphabet, base64-decode
 * leniently (as `Buffer.from(s, 'base64')` does) and split on `~`. Never throws; fields that are
 * absent decode as `''`.
 */
export function decodeSessionId(sessionId: string): DecodedSessionId {
  const base64 = sessionId.substring(2).replace(/-/g, '+').replace(/_/g, '/');
  const fields = Buffer.from(base64, 'base64').toString('latin1').split('~');
  return { apiKey: fields[1] ?? '', location: fields[2] ?? '', createTime: fields[3] ?? '' };
}
