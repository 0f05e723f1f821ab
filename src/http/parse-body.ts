/**
 * Parses a response body according to its Content-Type (parameters such as `charset` ignored): JSON (empty text → `null`),
 * URL-encoded form, or the raw text for anything else. Throws the `SyntaxError` of invalid JSON.
 */
export function parseBody(contentType: string | null, text: string): unknown {
  const header = contentType ?? '';
  const semicolon = header.indexOf(';');
  const mediaType = (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase();
  if (mediaType === 'application/json') {
    return text.length > 0 ? (JSON.parse(text) as unknown) : null;
  }
  if (mediaType === 'application/x-www-form-urlencoded') {
    return Object.fromEntries(new URLSearchParams(text));
  }
  return text;
}
