/**
 * The in-process contract between the local Forge platform and the services it emulates
 * (KVS, Jira, Confluence). Each service answers plain requests; the platform turns them into
 * the Response-like objects the Forge SDKs expect and into HTTP responses for browsers and tests.
 */

/** Who makes a request: the app itself (asApp), a person (asUser or a browser), or nobody. */
export type Actor = { kind: 'app' } | { kind: 'user'; accountId: string } | { kind: 'anonymous' };

export interface ProductRequest {
  method: string;
  /** Path without query string, e.g. `/rest/api/3/issue/LAUNCH-1`. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined when there is none. A body that is not JSON arrives as a string. */
  body: unknown;
  actor: Actor;
  /** True when the request was made by the app's own code inside an invocation (drives `ignoreSelf`). */
  selfGenerated: boolean;
}

export interface ProductResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serialisable body; undefined for 204. */
  body?: unknown;
}

export interface ProductService {
  handle(req: ProductRequest): ProductResponse | Promise<ProductResponse>;
}

/** A Forge product event (`avi:jira:updated:issue`, ...) as the platform delivers it to triggers. */
export interface ForgeProductEvent {
  eventType: string;
  selfGenerated?: boolean;
  [field: string]: unknown;
}

/** Emulated products call this when a change would make the real product emit a Forge event. */
export type EmitProductEvent = (event: ForgeProductEvent) => void;

/** The site's clock: products and the app read time from it, tests move it. */
export interface SiteClock {
  now(): Date;
}

export const json = (status: number, body?: unknown, headers?: Record<string, string>): ProductResponse => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});
