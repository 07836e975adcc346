import { randomUUID } from 'node:crypto';
import type { SiteClock, ForgeProductEvent, ProductService, ProductResponse } from './product-service';
import { invocationStore, type Invocation } from './invocation-context';

/**
 * Runs the app's handlers the way Forge does: resolvers through `@forge/resolver`'s definitions,
 * product-event triggers (honouring the manifest's `filter.ignoreSelf`), scheduled triggers and queue
 * consumers. Handlers come from the real `src/index.ts`; this file never imports app code itself.
 */

export interface ManifestFunction {
  key: string;
  handler: string;
}

export interface LocalManifest {
  app?: { id?: string };
  modules?: Record<string, Array<Record<string, unknown>> | undefined>;
}

export interface LogEntry {
  at: string;
  kind: 'resolver' | 'trigger' | 'scheduled' | 'consumer';
  functionKey: string;
  call?: string;
  eventType?: string;
  ok: boolean;
  ms: number;
  error?: string;
}

export class UnknownFunctionError extends Error {}

type Handler = (...args: unknown[]) => unknown;

const LOG_SIZE = 200;
const CLOUD_ID = 'a1b2c3d4-local-site-0000-accord0demo';

export interface FunctionHost {
  invokeResolver(
    functionKey: string,
    call: string,
    payload: unknown,
    context: Record<string, unknown>,
  ): Promise<unknown>;
  deliverEvent(event: ForgeProductEvent): Promise<string[]>;
  /** Queues an event emitted by an emulated product; `settle()` waits for it. */
  enqueueEvent(event: ForgeProductEvent): void;
  runScheduled(triggerKey: string): Promise<{ functionKey: string; result: unknown }>;
  /** The `stargate` remote that `@forge/events` pushes to. */
  queueService: ProductService;
  /** Resolves once every queued event and queue job has been handled. */
  settle(): Promise<void>;
  log(): LogEntry[];
  hasFunction(functionKey: string): boolean;
  functionKeys(): string[];
  scheduledKeys(): string[];
}

export function createFunctionHost(opts: {
  manifest: LocalManifest;
  handlers: Record<string, unknown>;
  clock: SiteClock;
}): FunctionHost {
  const { manifest, handlers, clock } = opts;
  const modules = manifest.modules ?? {};
  const functions = new Map<string, ManifestFunction>();
  for (const f of (modules.function ?? []) as unknown as ManifestFunction[]) functions.set(f.key, f);
  const triggers = (modules.trigger ?? []) as Array<{
    key: string;
    function: string;
    events: string[];
    filter?: { ignoreSelf?: boolean };
  }>;
  const scheduled = (modules.scheduledTrigger ?? []) as Array<{ key: string; function: string }>;
  const consumers = (modules.consumer ?? []) as Array<{
    key: string;
    queue: string;
    function?: string;
    resolver?: { function: string; method: string };
  }>;

  const entries: LogEntry[] = [];
  const pending = new Set<Promise<unknown>>();
  const installContext = `ari:cloud:jira::site/${CLOUD_ID}`;

  const handlerFor = (functionKey: string): Handler => {
    const fn = functions.get(functionKey);
    if (!fn) throw new UnknownFunctionError(`The manifest has no function "${functionKey}".`);
    const exportName = fn.handler.split('.').pop() ?? '';
    const handler = handlers[exportName];
    if (typeof handler !== 'function') {
      throw new UnknownFunctionError(
        `src/index.ts does not export "${exportName}" for function "${functionKey}".`,
      );
    }
    return handler as Handler;
  };

  async function run<T>(
    entry: Omit<LogEntry, 'at' | 'ok' | 'ms'>,
    invocation: Invocation,
    body: () => Promise<T>,
  ): Promise<T> {
    const started = performance.now();
    const at = clock.now().toISOString();
    try {
      const result = await invocationStore.run(invocation, body);
      record({ ...entry, at, ok: true, ms: Math.round(performance.now() - started) });
      return result;
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      record({ ...entry, at, ok: false, ms: Math.round(performance.now() - started), error });
      throw e;
    }
  }

  function record(e: LogEntry) {
    entries.unshift(e);
    if (entries.length > LOG_SIZE) entries.length = LOG_SIZE;
  }

  function track(p: Promise<unknown>) {
    const tracked = p.catch(() => undefined).finally(() => pending.delete(tracked));
    pending.add(tracked);
  }

  const host: FunctionHost = {
    async invokeResolver(functionKey, call, payload, context) {
      const handler = handlerFor(functionKey);
      const accountId = typeof context.accountId === 'string' ? context.accountId : undefined;
      const { accountId: _ignored, ...rest } = context;
      return run(
        { kind: 'resolver', functionKey, call },
        { kind: 'resolver', functionKey, accountId },
        async () =>
          handler(
            {
              call: { functionKey: call, payload, jobId: undefined },
              context: { cloudId: CLOUD_ID, ...rest },
            },
            { principal: accountId ? { accountId } : undefined, installContext },
          ),
      );
    },

    async deliverEvent(event) {
      const subscribed = triggers.filter((t) => t.events.includes(event.eventType));
      const delivered: string[] = [];
      for (const t of subscribed) {
        if (t.filter?.ignoreSelf && event.selfGenerated === true) continue;
        const handler = handlerFor(t.function);
        try {
          await run(
            { kind: 'trigger', functionKey: t.function, eventType: event.eventType },
            { kind: 'trigger', functionKey: t.function },
            async () => handler(event, { installContext, moduleKey: t.key }),
          );
        } catch {
          // Forge logs a failed trigger and moves on; the log entry above records it.
        }
        delivered.push(t.function);
      }
      return delivered;
    },

    enqueueEvent(event) {
      track(new Promise((resolve) => setImmediate(resolve)).then(() => host.deliverEvent(event)));
    },

    async runScheduled(triggerKey) {
      const t = scheduled.find((s) => s.key === triggerKey);
      if (!t) throw new UnknownFunctionError(`The manifest has no scheduledTrigger "${triggerKey}".`);
      const handler = handlerFor(t.function);
      const result = await run(
        { kind: 'scheduled', functionKey: t.function },
        { kind: 'scheduled', functionKey: t.function },
        async () =>
          handler(
            { context: { cloudId: CLOUD_ID, moduleKey: t.key }, contextToken: 'local' },
            { installContext },
          ),
      );
      return { functionKey: t.function, result };
    },

    queueService: {
      handle(req): ProductResponse {
        if (req.method !== 'POST' || !req.path.startsWith('/webhook/queue/')) {
          return { status: 404, body: { errorMessage: `No queue endpoint at ${req.method} ${req.path}.` } };
        }
        const body = req.body as {
          queueName?: string;
          jobId?: string;
          payload?: Array<{ body: Record<string, unknown>; delayInSeconds?: number }>;
        };
        if (req.path.startsWith('/webhook/queue/stats/')) {
          return { status: 200, body: jobStats(body.jobId ?? '') };
        }
        if (req.path.startsWith('/webhook/queue/cancel/')) {
          return { status: 204 };
        }
        const consumer = consumers.find((c) => c.queue === body.queueName);
        if (!consumer)
          return {
            status: 400,
            body: { errorMessage: `No consumer listens to queue "${body.queueName ?? ''}".` },
          };
        const jobId = body.jobId ?? randomUUID();
        const job = { success: 0, inProgress: body.payload?.length ?? 0, failed: 0 };
        jobs.set(jobId, job);
        for (const ev of body.payload ?? []) {
          const asyncEvent = { ...ev, queueName: body.queueName, jobId, eventId: randomUUID() };
          track(
            new Promise((resolve) => setImmediate(resolve)).then(async () => {
              const functionKey = consumer.function ?? consumer.resolver?.function ?? '';
              try {
                const handler = handlerFor(functionKey);
                await run(
                  { kind: 'consumer', functionKey, call: consumer.resolver?.method },
                  { kind: 'consumer', functionKey },
                  async () =>
                    consumer.resolver
                      ? handler(
                          {
                            call: { functionKey: consumer.resolver.method, payload: ev.body, jobId },
                            context: { cloudId: CLOUD_ID },
                          },
                          { installContext },
                        )
                      : handler(asyncEvent, { installContext, jobId }),
                );
                job.success++;
              } catch {
                job.failed++;
              } finally {
                job.inProgress--;
              }
            }),
          );
        }
        return { status: 201, body: {} };
      },
    },

    async settle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    log: () => [...entries],
    hasFunction: (key) => functions.has(key),
    functionKeys: () => [...functions.keys()],
    scheduledKeys: () => scheduled.map((s) => s.key),
  };

  const jobs = new Map<string, { success: number; inProgress: number; failed: number }>();
  const jobStats = (jobId: string) => jobs.get(jobId) ?? { success: 0, inProgress: 0, failed: 0 };
  return host;
}
