import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The local site hooks into internals of Atlassian's SDKs (DESIGN.md, "How it hooks in"). These tests pin
 * those internals for the SDK versions in package.json and fail loudly when an upgrade moves them.
 */
const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
const installed = (name: string) =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
    .version;

type FetchCall = { opts: Record<string, unknown>; path: string; init: { method?: string; body?: string } };

function recordFetches(): FetchCall[] {
  const calls: FetchCall[] = [];
  const g = globalThis as Record<string, unknown>;
  g.__forge_runtime__ = {
    proxy: { token: 't' },
    tracing: { traceId: 'x', spanId: 'y' },
    metrics: {
      counter: () => ({ incr: () => undefined }),
      timing: () => ({ measure: () => ({ stop: () => undefined }) }),
    },
    appContext: {},
    lambdaContext: {},
  };
  g.__forge_fetch__ = async (opts: Record<string, unknown>, path: string, init: FetchCall['init']) => {
    calls.push({ opts, path, init });
    if (opts.type === 'kvs')
      return new Response(JSON.stringify({ code: 'KEY_NOT_FOUND', message: 'Key not found' }), {
        status: 404,
      });
    return new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return calls;
}

describe('Forge SDK hooks the local site relies on', () => {
  it.each(['@forge/api', '@forge/kvs', '@forge/resolver', '@forge/events', '@forge/bridge'])(
    '%s is pinned to an exact version and installed at it',
    (name) => {
      const wanted = pkg.dependencies[name];
      expect(wanted).toMatch(/^\d+\.\d+\.\d+$/);
      expect(installed(name)).toBe(wanted);
    },
  );

  it('@forge/api sends asUser/asApp product calls to __forge_fetch__ with { type: fpp, provider, remote }', async () => {
    const calls = recordFetches();
    jest.resetModules();

    const api = require('@forge/api') as typeof import('@forge/api');
    await api.asUser().requestJira(api.route`/rest/api/3/myself`);
    await api.asApp().requestConfluence(api.route`/wiki/api/v2/pages/${'42'}`);
    expect(calls.map((c) => [c.opts.type, c.opts.provider, c.opts.remote, c.path])).toEqual([
      ['fpp', 'user', 'jira', '/rest/api/3/myself'],
      ['fpp', 'app', 'confluence', '/wiki/api/v2/pages/42'],
    ]);
  });

  it('@forge/kvs posts to /api/v1/get through __forge_fetch__({ type: kvs }) and reads KEY_NOT_FOUND as undefined', async () => {
    const calls = recordFetches();
    jest.resetModules();

    const { kvs } = require('@forge/kvs') as typeof import('@forge/kvs');
    await expect(kvs.get('accord-probe')).resolves.toBeUndefined();
    expect(calls[0]?.opts).toEqual({ type: 'kvs', provider: 'app', remote: 'kvs' });
    expect(calls[0]?.path).toBe('/api/v1/get');
    expect(JSON.parse(calls[0]?.init.body ?? '{}')).toMatchObject({ key: 'accord-probe' });
  });

  it('@forge/kvs uses __forge_fetch__ at call time, not a copy taken at import', async () => {
    recordFetches();
    jest.resetModules();

    const { kvs } = require('@forge/kvs') as typeof import('@forge/kvs');
    const later = recordFetches();
    await kvs.get('accord-probe');
    expect(later).toHaveLength(1);
  });

  it("@forge/resolver's definitions take ({ call, context }, { principal }) and pass principal.accountId", async () => {
    jest.resetModules();

    const Resolver = (
      require('@forge/resolver') as {
        default: new () => {
          define(k: string, f: (r: unknown) => unknown): void;
          getDefinitions(): (a: unknown, b: unknown) => Promise<unknown>;
        };
      }
    ).default;
    const r = new Resolver();
    r.define('probe/echo', (req) => req);
    const out = (await r.getDefinitions()(
      { call: { functionKey: 'probe/echo', payload: { a: 1 } }, context: { extension: { x: 1 } } },
      { principal: { accountId: 'acc-1' } },
    )) as {
      payload: unknown;
      context: { accountId: string; extension: unknown };
    };
    expect(out.payload).toEqual({ a: 1 });
    expect(out.context.accountId).toBe('acc-1');
    expect(out.context.extension).toEqual({ x: 1 });
  });

  it('@forge/events pushes queue events through the stargate remote at /webhook/queue/publish', async () => {
    const calls = recordFetches();
    const g = globalThis as Record<string, unknown>;
    g.__forge_fetch__ = async (opts: Record<string, unknown>, path: string, init: FetchCall['init']) => {
      calls.push({ opts, path, init });
      return new Response('{}', { status: 201 });
    };
    jest.resetModules();

    const { Queue } = require('@forge/events') as typeof import('@forge/events');
    await new Queue({ key: 'accord-probe' }).push([{ body: { n: 1 } }]);
    expect(calls[0]?.opts).toMatchObject({ type: 'fpp', provider: 'app', remote: 'stargate' });
    expect(calls[0]?.path).toMatch(/^\/webhook\/queue\/publish\//);
    expect(JSON.parse(calls[0]?.init.body ?? '{}')).toMatchObject({
      queueName: 'accord-probe',
      payload: [{ body: { n: 1 } }],
    });
  });

  it('@forge/bridge looks for globalThis.__bridge.callBridge (the browser shim must provide it)', () => {
    const source = readFileSync(join(root, 'node_modules/@forge/bridge/out/bridge.js'), 'utf8');
    expect(source).toContain('globalThis.__bridge');
    expect(source).toContain('callBridge');
    expect(source).toContain('Unable to establish a connection with the Custom UI bridge');
  });
});
