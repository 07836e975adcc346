/** Server-side calls from the host pages to the site's own emulated Jira/Confluence, as the viewer. */
import type { IncomingMessage } from 'node:http';

export interface ProductAnswer<T> {
  status: number;
  body: T | undefined;
}

export type ProductFetch = <T>(
  path: string,
  init?: { method?: string; body?: unknown },
) => Promise<ProductAnswer<T>>;

/** A fetch bound to this site's origin (taken from the request) acting as `accountId`. */
export function productFetchFor(req: IncomingMessage, accountId: string): ProductFetch {
  const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
  return async <T>(path: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(new URL(path, origin), {
      method: init.method ?? 'GET',
      headers: {
        'X-Forge-User': accountId,
        Accept: 'application/json',
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await response.text();
    let body: T | undefined;
    try {
      body = text ? (JSON.parse(text) as T) : undefined;
    } catch {
      body = undefined;
    }
    return { status: response.status, body };
  };
}

/** The message of an emulated product error body, for showing on a page. */
export function productErrorText(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const record = body as Record<string, unknown>;
  if (Array.isArray(record.errorMessages) && record.errorMessages.length)
    return record.errorMessages.join(' ');
  if (typeof record.message === 'string') return record.message;
  if (typeof record.error === 'string') return record.error;
  if (Array.isArray(record.errors)) {
    return record.errors
      .map((e) =>
        typeof e === 'object' && e !== null ? String((e as Record<string, unknown>).title ?? '') : '',
      )
      .join(' ');
  }
  return '';
}
