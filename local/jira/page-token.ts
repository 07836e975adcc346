/**
 * Page tokens of the emulated Jira's paged searches (`nextPageToken`): an offset and a fingerprint of the query,
 * so a token cannot be replayed against another query.
 */

export interface PageToken {
  o: number;
  q: string;
}

/** A short, stable fingerprint of a query, so a page token cannot be replayed against another query. */
export function fingerprint(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

export function encodeToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

export function decodeToken(raw: string): PageToken | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<PageToken>;
    if (
      typeof parsed.o === 'number' &&
      Number.isInteger(parsed.o) &&
      parsed.o >= 0 &&
      typeof parsed.q === 'string'
    ) {
      return { o: parsed.o, q: parsed.q };
    }
  } catch {
    // fall through: an unreadable token is an invalid token
  }
  return undefined;
}
