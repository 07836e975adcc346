import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, type Site } from '../local/site';

/**
 * The bench harness: each scenario runs on a fresh local site, Accord's way and a naive baseline's way,
 * in the same run. Product calls and KVS operations are counted by the emulated services; simulated
 * time charges `LATENCY_MS` per call made one after another (calls made in parallel are charged once
 * per wave); compute is wall time of the work itself; memory is the peak heap seen while it ran.
 */
export const LATENCY_MS = 120;

export interface Measure {
  productCalls: number;
  kvsReads: number;
  kvsWrites: number;
  invocations: number;
  computeMs: number;
  simulatedMs: number;
  peakHeapMiB: number;
}

export interface ScenarioResult {
  scenario: string;
  description: string;
  accord: Measure;
  baseline: Measure;
  notes?: string;
}

/** A site for one scenario; `waves` lets a scenario say how many of its calls ran in parallel. */
export interface BenchContext {
  site: Site;
  /** Record that `n` calls ran together (charged as one wave of latency, not n). */
  parallel(n: number): void;
  rest(
    path: string,
    init?: { method?: string; body?: unknown; as?: string },
  ): Promise<{ status: number; body: any }>;
  invoke(
    functionKey: string,
    call: string,
    payload: unknown,
    accountId: string,
    extension?: unknown,
  ): Promise<any>;
}

export async function withSite<T>(fn: (site: Site) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-bench-'));
  const site = await createSite({ dataDir: dir, port: 0, latencyMs: LATENCY_MS });
  try {
    return await fn(site);
  } finally {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measure(site: Site, work: (ctx: BenchContext) => Promise<void>): Promise<Measure> {
  const jira0 = site.services.jira.counts().calls;
  const conf0 = site.services.confluence.counts().calls;
  const kvs0 = site.services.kvs.counts();
  const log0 = site.host.log().length;
  let savedByParallel = 0;
  let peak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  const ctx: BenchContext = {
    site,
    parallel: (n) => (savedByParallel += Math.max(0, n - 1)),
    async rest(path, init = {}) {
      const res = await fetch(site.url + path, {
        method: init.method ?? (init.body ? 'POST' : 'GET'),
        headers: { 'content-type': 'application/json', ...(init.as ? { 'x-forge-user': init.as } : {}) },
        ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    async invoke(functionKey, call, payload, accountId, extension = {}) {
      return site.host.invokeResolver(functionKey, call, payload, { accountId, extension });
    },
  };
  const started = performance.now();
  await work(ctx);
  await site.host.settle();
  const computeMs = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const kvs1 = site.services.kvs.counts();
  const productCalls =
    site.services.jira.counts().calls - jira0 + (site.services.confluence.counts().calls - conf0);
  const kvsOps = kvs1.reads - kvs0.reads + (kvs1.writes - kvs0.writes);
  return {
    productCalls,
    kvsReads: kvs1.reads - kvs0.reads,
    kvsWrites: kvs1.writes - kvs0.writes,
    invocations: Math.max(0, Math.min(200, site.host.log().length) - Math.min(200, log0)),
    computeMs: Math.round(computeMs * 10) / 10,
    simulatedMs: (productCalls + kvsOps - savedByParallel) * LATENCY_MS,
    peakHeapMiB: Math.round((peak / 1024 / 1024) * 10) / 10,
  };
}
