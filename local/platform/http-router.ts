import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteHandler, SiteRouter } from './router';

interface Route {
  method: string;
  parts: string[];
  wildcard: boolean;
  handler: RouteHandler;
}

/** A tiny path router: `:name` segments and a trailing `*` (captured as `params['*']`). */
export class HttpRouter implements SiteRouter {
  private routes: Route[] = [];

  add(method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'ANY', pattern: string, handler: RouteHandler): void {
    const wildcard = pattern.endsWith('/*');
    const parts = (wildcard ? pattern.slice(0, -2) : pattern).split('/').filter(Boolean);
    this.routes.push({ method, parts, wildcard, handler });
  }

  /** Returns the matching handler call, or undefined when no route matches. */
  match(req: IncomingMessage, res: ServerResponse, url: URL): (() => void | Promise<void>) | undefined {
    const segments = url.pathname.split('/').filter(Boolean);
    for (const r of this.routes) {
      if (r.method !== 'ANY' && r.method !== req.method) continue;
      if (r.wildcard ? segments.length < r.parts.length : segments.length !== r.parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      r.parts.forEach((p, i) => {
        const seg = segments[i] ?? '';
        if (p.startsWith(':')) params[p.slice(1)] = decodeURIComponent(seg);
        else if (p !== seg) ok = false;
      });
      if (!ok) continue;
      if (r.wildcard) params['*'] = segments.slice(r.parts.length).map(decodeURIComponent).join('/');
      return () => r.handler(req, res, params, url);
    }
    return undefined;
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    ...headers,
  });
  res.end(text);
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export class BodyError extends Error {}

/** Reads a request body; a body over 5 MiB is refused. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyError('The request body is larger than 5 MiB.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a JSON object body; throws BodyError with a sentence when it is missing or malformed. */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BodyError('The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BodyError('The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}
