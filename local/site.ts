import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { load as loadYaml } from 'js-yaml';
import { openSiteDatabase } from './platform/database';
import { ClockInputError, createSiteClock } from './platform/site-clock';
import { FaultInjector, parseFaultSettings } from './platform/faults';
import { installForgeRuntime, parseBody, type ForgeRuntimeHandle } from './platform/forge-runtime';
import {
  createFunctionHost,
  UnknownFunctionError,
  type FunctionHost,
  type LocalManifest,
} from './platform/function-host';
import { BodyError, HttpRouter, readBody, readJsonObject, sendJson } from './platform/http-router';
import type { Actor, ForgeProductEvent, ProductService } from './platform/product-service';
import { createKvsService, entityDefinitionsFromManifest } from './kvs/kvs-service';
import { createJiraService } from './jira/jira-service';
import { createConfluenceService } from './confluence/confluence-service';
import { mountHostPages } from './host/host-pages';
import { seedDemo } from './seed/demo-seed';

/**
 * The local Accord site: the Forge platform (function host, KVS, events, scheduled triggers, queues)
 * plus emulated Jira and Confluence, on one HTTP port. DESIGN.md "The local site" is its contract.
 */
export interface SiteOptions {
  dataDir: string;
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Wipe all data and load the demo seed again. */
  reset?: boolean;
  /** Load the demo seed on first start (default true). */
  seed?: boolean;
  /** Simulated latency per product/KVS call, counted (not slept) for the bench. */
  latencyMs?: number;
  repoRoot?: string;
}

export interface Site {
  url: string;
  port: number;
  host: FunctionHost;
  runtime: ForgeRuntimeHandle;
  services: {
    kvs: ReturnType<typeof createKvsService>;
    jira: ReturnType<typeof createJiraService>;
    confluence: ReturnType<typeof createConfluenceService>;
  };
  clock: ReturnType<typeof createSiteClock>;
  faults: FaultInjector;
  close(): Promise<void>;
}

const EVENT_TYPE = /^avi:[a-z-]+:[a-z_-]+:[a-z_-]+$/;

export async function createSite(opts: SiteOptions): Promise<Site> {
  const repoRoot = resolve(opts.repoRoot ?? join(__dirname, '..'));
  const manifest = loadYaml(readFileSync(join(repoRoot, 'manifest.yml'), 'utf8')) as LocalManifest;
  const db = openSiteDatabase(resolve(opts.dataDir));
  const clock = createSiteClock(db);
  const faults = new FaultInjector();

  // Products emit events before the function host exists; route them through this late-bound queue.
  const late: { host?: FunctionHost } = {};
  const emit = (event: ForgeProductEvent) => late.host?.enqueueEvent(event);

  const kvs = createKvsService({ db, clock, entities: entityDefinitionsFromManifest(manifest) });
  const jira = createJiraService({ db, clock, manifest, emit });
  const confluence = createConfluenceService({ db, clock, emit });
  const queueProxy: ProductService = {
    handle: (req) => {
      if (!late.host) throw new Error('The function host is not ready yet.');
      return late.host.queueService.handle(req);
    },
  };
  const runtime = installForgeRuntime(
    { kvs, jira, confluence, queue: queueProxy, faults },
    opts.latencyMs ?? 0,
  );
  (globalThis as Record<string, unknown>).__accord_site_clock__ = () => clock.now().getTime();

  // The app is loaded only now, after the globals: @forge/kvs picks its client when it is imported.

  const handlers = require(join(repoRoot, 'src', 'index')) as Record<string, unknown>;
  const host = createFunctionHost({ manifest, handlers, clock });
  late.host = host;

  db.exec('CREATE TABLE IF NOT EXISTS site_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  const seeded = db.prepare("SELECT value FROM site_meta WHERE key = 'seeded'").get();
  if (opts.reset) {
    kvs.reset();
    jira.reset();
    confluence.reset();
    db.prepare("DELETE FROM site_meta WHERE key IN ('seeded', 'clock_offset_ms')").run();
    clock.set(new Date().toISOString());
  }
  if ((opts.reset || !seeded) && opts.seed !== false) {
    await seedDemo({ jira, confluence, host, clock });
    await host.settle();
    db.prepare("INSERT OR REPLACE INTO site_meta (key, value) VALUES ('seeded', ?)").run(
      clock.now().toISOString(),
    );
  }

  const router = new HttpRouter();
  router.add('GET', '/health', (_req, res) => sendJson(res, 200, { ok: true }));

  router.add('POST', '/forge/invoke', async (req, res) => {
    const body = await readJsonObject(req);
    const { functionKey, call, payload, context } = body;
    if (typeof functionKey !== 'string' || typeof call !== 'string') {
      return sendJson(res, 400, {
        error: 'The body needs "functionKey" (a manifest function) and "call" (a resolver key).',
      });
    }
    if (
      context !== undefined &&
      (typeof context !== 'object' || context === null || Array.isArray(context))
    ) {
      return sendJson(res, 400, { error: '"context" must be an object such as {"accountId": "..."}.' });
    }
    if (!host.hasFunction(functionKey)) {
      return sendJson(res, 404, { error: `The manifest has no function "${functionKey}".` });
    }
    const result = await host.invokeResolver(
      functionKey,
      call,
      payload ?? {},
      (context ?? {}) as Record<string, unknown>,
    );
    await host.settle();
    sendJson(res, 200, result);
  });

  router.add('POST', '/forge/events', async (req, res) => {
    const event = await readJsonObject(req);
    if (typeof event.eventType !== 'string' || !EVENT_TYPE.test(event.eventType)) {
      return sendJson(res, 400, {
        error: 'The event needs an "eventType" such as "avi:jira:updated:issue".',
      });
    }
    const delivered = await host.deliverEvent(event as ForgeProductEvent);
    await host.settle();
    sendJson(res, 200, { delivered });
  });

  router.add('POST', '/forge/scheduled/:key', async (_req, res, params) => {
    const key = params.key ?? '';
    if (!host.scheduledKeys().includes(key)) {
      return sendJson(res, 404, {
        error: `The manifest has no scheduledTrigger "${key}"; it has ${host.scheduledKeys().join(', ')}.`,
      });
    }
    const { functionKey, result } = await host.runScheduled(key);
    await host.settle();
    sendJson(res, 200, { functionKey, result: result ?? null });
  });

  router.add('GET', '/forge/clock', (_req, res) => sendJson(res, 200, { now: clock.now().toISOString() }));
  router.add('POST', '/forge/clock', async (req, res) => {
    const body = await readJsonObject(req);
    const keys = Object.keys(body);
    if (keys.length !== 1 || (typeof body.set !== 'string' && typeof body.advance !== 'string')) {
      return sendJson(res, 400, { error: 'Send {"set": "2026-12-01T09:00:00Z"} or {"advance": "PT48H"}.' });
    }
    const now = typeof body.set === 'string' ? clock.set(body.set) : clock.advance(body.advance as string);
    sendJson(res, 200, { now: now.toISOString() });
  });

  router.add('GET', '/forge/log', (_req, res) => sendJson(res, 200, host.log()));
  router.add('POST', '/forge/settle', async (_req, res) => {
    await host.settle();
    sendJson(res, 200, { ok: true });
  });
  router.add('GET', '/forge/faults', (_req, res) => sendJson(res, 200, faults.current()));
  router.add('POST', '/forge/faults', async (req, res) => {
    const settings = parseFaultSettings(await readJsonObject(req));
    if (typeof settings === 'string') return sendJson(res, 400, { error: settings });
    faults.configure(settings);
    sendJson(res, 200, settings);
  });
  router.add('GET', '/forge/meter', (_req, res) => sendJson(res, 200, runtime.meter));

  const productRoute =
    (remote: 'jira' | 'confluence', service: ProductService) =>
    async (req: IncomingMessage, res: ServerResponse, _p: Record<string, string>, url: URL) => {
      const user = req.headers['x-forge-user'];
      const actor: Actor =
        typeof user === 'string' && user.length > 0 ? { kind: 'user', accountId: user } : { kind: 'app' };
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const body = parseBody(await readBody(req));
      const method = req.method ?? 'GET';
      const out = await service.handle({
        method,
        path: url.pathname,
        query: url.searchParams,
        headers,
        body,
        actor,
        selfGenerated: false,
      });
      // A Custom UI requestJira/requestConfluence (marked by the host's bridge) is the app's call too.
      if (req.headers['x-forge-bridge'] && runtime.onCall) {
        runtime.onCall({
          remote,
          viaBridge: true,
          method,
          path: url.pathname,
          query: url.search,
          actor: actor.kind,
          status: out.status,
          requestBody: body,
          responseBody: out.body,
        });
      }
      sendJson(res, out.status, out.body, out.headers);
    };
  router.add('ANY', '/rest/*', productRoute('jira', jira));
  router.add('ANY', '/wiki/api/*', productRoute('confluence', confluence));
  router.add('ANY', '/wiki/rest/*', productRoute('confluence', confluence));

  mountHostPages(router, { manifest, repoRoot, db });

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local-site');
    const run = router.match(req, res, url);
    if (!run) return sendJson(res, 404, { error: `Nothing at ${req.method ?? 'GET'} ${url.pathname}.` });
    Promise.resolve()
      .then(run)
      .catch((e: unknown) => {
        if (res.headersSent) return res.end();
        if (e instanceof BodyError || e instanceof ClockInputError)
          return sendJson(res, 400, { error: e.message });
        if (e instanceof UnknownFunctionError) return sendJson(res, 404, { error: e.message });
        sendJson(res, 500, { error: e instanceof Error ? e.message : String(e) });
      });
  });
  await new Promise<void>((ok) => server.listen(opts.port ?? 8787, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    host,
    runtime,
    services: { kvs, jira, confluence },
    clock,
    faults,
    async close() {
      await host.settle();
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      db.close();
    },
  };
}
