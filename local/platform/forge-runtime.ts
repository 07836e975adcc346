import { randomUUID } from 'node:crypto';
import type { FaultInjector } from './faults';
import { currentInvocation } from './invocation-context';
import type { Actor, ProductRequest, ProductService } from './product-service';
import { toResponse } from './to-response';

/**
 * The back-end half of the Forge platform: the two globals the Forge SDKs call.
 * `@forge/api`, `@forge/kvs`, `@forge/events` and `@forge/resolver` run unmodified on top of it.
 * test/contract/forge-hooks.test.ts pins what these hooks receive from the pinned SDK versions.
 */

/** Options the SDKs pass as the first argument of `__forge_fetch__`. */
export interface ForgeFetchOptions {
  type: string;
  provider?: 'app' | 'user' | 'none';
  remote?: string;
  accountId?: string;
}

export interface ForgeFetchInit {
  method?: string;
  headers?: Record<string, string> | Headers;
  body?: unknown;
}

/** One product or KVS call as the platform saw it; kept for counting, the bench and contract tests. */
export interface RecordedCall {
  remote: string;
  /** True for a Custom UI `requestJira`/`requestConfluence` made in the browser through the bridge. */
  viaBridge?: boolean;
  method: string;
  path: string;
  query: string;
  actor: Actor['kind'];
  status: number;
  requestBody?: unknown;
  responseBody?: unknown;
}

export interface PlatformServices {
  kvs: ProductService;
  jira: ProductService;
  confluence: ProductService;
  /** Handles `@forge/events` queue pushes (`/webhook/queue/...` through the `stargate` remote). */
  queue: ProductService;
  faults: FaultInjector;
}

export interface CallMeter {
  productCalls: number;
  kvsCalls: number;
  /** Simulated latency added up over all calls, at `latencyMs` each. */
  simulatedMs: number;
  byRemote: Record<string, number>;
}

export interface ForgeRuntimeHandle {
  meter: CallMeter;
  resetMeter(): void;
  /** When set, every call is passed to it (contract tests validate them against the OpenAPI specs). */
  onCall: ((call: RecordedCall) => void) | undefined;
  latencyMs: number;
}

export function parseBody(raw: unknown): unknown {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const text = typeof raw === 'string' ? raw : Buffer.isBuffer(raw) ? raw.toString('utf8') : undefined;
  if (text === undefined) return raw;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function headerRecord(h: ForgeFetchInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  if (h instanceof Headers) {
    h.forEach((v, k) => (out[k.toLowerCase()] = v));
    return out;
  }
  for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = String(v);
  return out;
}

class TimeoutError extends Error {
  override name = 'FetchError';
}

/** Installs `__forge_runtime__` and `__forge_fetch__`. Call before the app's modules are imported. */
export function installForgeRuntime(services: PlatformServices, latencyMs = 0): ForgeRuntimeHandle {
  const handle: ForgeRuntimeHandle = {
    meter: { productCalls: 0, kvsCalls: 0, simulatedMs: 0, byRemote: {} },
    resetMeter() {
      handle.meter = { productCalls: 0, kvsCalls: 0, simulatedMs: 0, byRemote: {} };
    },
    onCall: undefined,
    latencyMs,
  };
  const noopTimer = { measure: () => ({ stop: () => undefined }) };
  const g = globalThis as Record<string, unknown>;
  g.__forge_runtime__ = {
    proxy: { token: 'local-site', url: 'http://local-site' },
    tracing: { traceId: randomUUID().replace(/-/g, '').slice(0, 16), spanId: '0000000000000001' },
    metrics: {
      counter: () => ({ incr: () => undefined, decr: () => undefined }),
      timing: () => noopTimer,
      gauge: () => ({ set: () => undefined }),
    },
    appContext: {
      appId: '7c4b2e61-0d3a-4f0e-9a51-5f2b8c1d9e47',
      appVersion: '0.1.0',
      environmentId: 'local',
      environmentType: 'DEVELOPMENT',
      installationId: 'local-installation',
      invocationId: 'local',
      moduleKey: 'local',
    },
    lambdaContext: { getRemainingTimeInMillis: () => 25_000 },
    // kvs.url is left unset on purpose: @forge/kvs then sends its calls to __forge_fetch__ as { type: 'kvs' }.
  };

  g.__forge_fetch__ = async (opts: ForgeFetchOptions, path: string, init: ForgeFetchInit = {}) => {
    const url = new URL(path, 'http://local-site');
    const method = (init.method ?? 'GET').toUpperCase();
    const body = parseBody(init.body);
    const headers = headerRecord(init.headers);

    if (opts.type === 'kvs') {
      handle.meter.kvsCalls++;
      handle.meter.simulatedMs += handle.latencyMs;
      const res = await services.kvs.handle({
        method: init.method ? method : 'POST',
        path: url.pathname,
        query: url.searchParams,
        headers,
        body,
        actor: { kind: 'app' },
        selfGenerated: true,
      });
      handle.onCall?.({
        remote: 'kvs',
        method,
        path: url.pathname,
        query: url.search,
        actor: 'app',
        status: res.status,
        requestBody: body,
        responseBody: res.body,
      });
      return toResponse(res);
    }

    if (opts.type !== 'fpp') {
      throw new Error(
        `The local site does not emulate Forge fetch type "${opts.type}" (Accord uses no remotes or egress).`,
      );
    }
    const remote = opts.remote ?? 'none';
    const actor = actorFor(opts);
    const service =
      remote === 'jira'
        ? services.jira
        : remote === 'confluence'
          ? services.confluence
          : remote === 'stargate'
            ? services.queue
            : undefined;
    if (!service) throw new Error(`The local site does not emulate the product "${remote}".`);

    const isProduct = remote === 'jira' || remote === 'confluence';
    if (isProduct) {
      handle.meter.productCalls++;
      handle.meter.simulatedMs += handle.latencyMs;
      handle.meter.byRemote[remote] = (handle.meter.byRemote[remote] ?? 0) + 1;
      const fault = services.faults.next();
      if (fault.kind === 'timeout')
        throw new TimeoutError(`request to ${url.pathname} timed out (fault injected by the local site)`);
      if (fault.kind === '429') {
        return toResponse({
          status: 429,
          headers: { 'retry-after': String(fault.retryAfterSeconds) },
          body: { errorMessages: ['Rate limit exceeded.'] },
        });
      }
      if (fault.kind === '5xx')
        return toResponse({
          status: 503,
          body: { errorMessages: ['Service unavailable (fault injected by the local site).'] },
        });
    }

    const req: ProductRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers,
      body,
      actor,
      selfGenerated: true,
    };
    const res =
      actor.kind === 'anonymous'
        ? { status: 401, body: { errorMessages: ['You are not logged in.'] } }
        : await service.handle(req);
    handle.onCall?.({
      remote,
      method,
      path: url.pathname,
      query: url.search,
      actor: actor.kind,
      status: res.status,
      requestBody: body,
      responseBody: res.body,
    });
    return toResponse(res);
  };
  return handle;
}

function actorFor(opts: ForgeFetchOptions): Actor {
  if (opts.provider === 'user') {
    const accountId = opts.accountId ?? currentInvocation()?.accountId;
    // asUser() outside a user's invocation has no one to act as: the real platform refuses it too.
    return accountId ? { kind: 'user', accountId } : { kind: 'anonymous' };
  }
  return { kind: 'app' };
}
