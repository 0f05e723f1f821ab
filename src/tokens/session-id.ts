/** The fields an OpenTok session ID encodes (`~`-separated after its two-character prefix). */
export interface DecodedSessionId {
  readonly apiKey: string;
  readonly location: string;
  readonly createTime: string;
}

/** The last session ID decoded and its fields: tokens are usually minted in bursts per session. */
let lastSessionId: string | undefined;
let lastDecoded: DecodedSessionId | undefined;

/**
 * Decodes a session ID: drop the `1_`/`2_` sentinel, undo the URL-safe alphabet, base64-decode
 * leniently (as `Buffer.from(s, 'base64')` does) and split on `~`. Never throws; fields that are
 * absent decode as `''`. (Node's base64 decoder reads `-` as `+` and `_` as `/` itself, so the
 * alphabet needs no rewriting first.)
 */
export function decodeSessionId(sessionId: string): DecodedSessionId {
  if (sessionId === lastSessionId && lastDecoded !== undefined) return lastDecoded;
  const fields = Buffer.from(sessionId.substring(2), 'base64').toString('latin1').split('~');
  const decoded = Object.freeze({ apiKey: fields[1] ?? '', location: fields[2] ?? '', createTime: fields[3] ?? '' });
  lastSessionId = sessionId;
  lastDecoded = decoded;
  return decoded;
}
