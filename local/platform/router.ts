import type { IncomingMessage, ServerResponse } from 'node:http';

/** A route handler of the local site. `params` holds `:name` segments of the pattern. */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  params: Record<string, string>,
  url: URL,
) => void | Promise<void>;

export interface SiteRouter {
  /** Registers a handler; patterns are paths with `:name` segments and an optional trailing `*`. */
  add(method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'ANY', pattern: string, handler: RouteHandler): void;
}
