/**
 * Test harness: the real, unmodified `@forge/kvs` wired to an emulated KVS through the same hooks the
 * local site installs (`__forge_runtime__` without `kvs.url`, and `__forge_fetch__`). Kept out of the
 * test file so other parts' tests can drive app code against a real store the same way.
 */
import Database from 'better-sqlite3';
import type { SiteClock } from '../platform/product-service';
import { toResponse } from '../platform/to-response';
import { type EntityDefinition, type KvsService, createKvsService } from './kvs-service';

type ForgeKvs = typeof import('@forge/kvs');

interface FetchInit {
  method?: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface KvsTestSite {
  sdk: ForgeKvs;
  service: KvsService;
  db: Database.Database;
  clock: SiteClock & { advance(ms: number): void; set(ms: number): void };
  /** Every `opts` argument the SDK passed to `__forge_fetch__`, with the path and init. */
  calls: Array<{ opts: unknown; path: string; init: FetchInit }>;
  /** Sends a raw request, for shapes the SDK cannot produce. */
  raw(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
  /** Closes the database and opens the same file again with a fresh service (a site restart). */
  reopen(entities?: EntityDefinition[]): void;
  close(): void;
}

const g = globalThis as unknown as {
  __forge_runtime__?: unknown;
  __forge_fetch__?: (opts: unknown, path: string, init?: FetchInit) => Promise<Response>;
};

export function startKvsTestSite(
  opts: { file?: string; entities?: EntityDefinition[]; startMs?: number } = {},
): KvsTestSite {
  let nowMs = opts.startMs ?? Date.parse('2026-03-02T09:00:00.000Z');
  const clock = {
    now: () => new Date(nowMs),
    advance: (ms: number) => void (nowMs += ms),
    set: (ms: number) => void (nowMs = ms),
  };
  const file = opts.file ?? ':memory:';
  const open = (entities: EntityDefinition[]) => {
    const db = new Database(file);
    return { db, service: createKvsService({ db, clock, entities }) };
  };
  let current = open(opts.entities ?? []);
  const calls: KvsTestSite['calls'] = [];

  // Minimal runtime: no kvs.url, so the SDK sends { type: 'kvs', provider: 'app', remote: 'kvs' }.
  g.__forge_runtime__ = {};
  g.__forge_fetch__ = async (fetchOpts, path, init = {}) => {
    calls.push({ opts: fetchOpts, path, init });
    const res = await current.service.handle({
      method: init.method ?? 'GET',
      path,
      query: new URLSearchParams(),
      headers: Object.fromEntries(Object.entries(init.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
      body: init.body === undefined ? undefined : (JSON.parse(init.body) as unknown),
      actor: { kind: 'app' },
      selfGenerated: true,
    });
    return toResponse(res);
  };
  let sdk!: ForgeKvs;
  jest.isolateModules(() => {
    // Required after the globals exist: @forge/kvs picks its client when it loads.
    sdk = require('@forge/kvs') as ForgeKvs;
  });

  const site: KvsTestSite = {
    sdk,
    get service() {
      return current.service;
    },
    get db() {
      return current.db;
    },
    clock,
    calls,
    async raw(path, body) {
      const res = await current.service.handle({
        method: 'POST',
        path,
        query: new URLSearchParams(),
        headers: { 'content-type': 'application/json' },
        body,
        actor: { kind: 'app' },
        selfGenerated: true,
      });
      return { status: res.status, body: res.body };
    },
    reopen(entities) {
      current.db.close();
      current = open(entities ?? opts.entities ?? []);
    },
    close() {
      current.db.close();
      delete g.__forge_fetch__;
      delete g.__forge_runtime__;
    },
  };
  return site;
}
