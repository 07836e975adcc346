/**
 * Turns an emulated service's answer into the Response object the Forge SDKs expect back from
 * `global.__forge_fetch__` (they read `ok`, `status`, `headers.get()`, `text()` and `json()`).
 * General on purpose: the platform uses it for KVS, Jira and Confluence alike.
 */
import type { ProductResponse } from '../platform/product-service';

/** Statuses that must not carry a body (the Response constructor throws if given one). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function toResponse(res: ProductResponse): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers ?? {})) headers.set(name, value);
  if (NULL_BODY_STATUSES.has(res.status) || res.body === undefined) {
    return new Response(null, { status: res.status, headers });
  }
  // A string body that already says what it is (HTML, plain text) passes through unchanged.
  if (typeof res.body === 'string' && headers.has('content-type')) {
    return new Response(res.body, { status: res.status, headers });
  }
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return new Response(JSON.stringify(res.body), { status: res.status, headers });
}
