import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { installTestPlatform } from './support/test-platform';

/**
 * The manifest, src/index.ts and the static apps must agree: every handler the manifest names is
 * exported, every export is named, every resolver key a static app invokes exists on the function its
 * module uses, and no resolver key is left without a caller.
 */
const root = join(__dirname, '..');
type Mod = {
  key: string;
  resource?: string;
  resolver?: { function: string };
  function?: string;
  config?: { resource?: string };
};
const manifest = load(readFileSync(join(root, 'manifest.yml'), 'utf8')) as {
  modules: Record<string, Mod[]> & { function: Array<{ key: string; handler: string }> };
  resources: Array<{ key: string; path: string }>;
};

installTestPlatform();

const index = require('../src/index') as Record<string, unknown>;

const uiModules = Object.entries(manifest.modules)
  .filter(([type]) => type !== 'function')
  .flatMap(([, mods]) => mods)
  .filter((m) => m.resource);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'build' || name === 'node_modules') return [];
    return statSync(p).isDirectory()
      ? filesUnder(p)
      : /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)
        ? [p]
        : [];
  });
}

/** Resolver keys a static app calls: the first argument of its resolver client (`call('area/verb', …)`) or of `invoke`. */
function keysInvokedBy(resourceKey: string): string[] {
  const resource = manifest.resources.find((r) => r.key === resourceKey);
  if (!resource) return [];
  const appDir = join(root, resource.path, '..');
  const text = filesUnder(join(appDir, 'src'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  return [
    ...new Set(
      [...text.matchAll(/\b(?:call|invoke)\(\s*['"`]([a-z]+\/[a-z][a-z-]*)['"`]/g)].map((m) => m[1]!),
    ),
  ];
}

async function resolverHasKey(fn: unknown, key: string): Promise<boolean> {
  try {
    await (fn as (req: unknown, rt: unknown) => Promise<unknown>)(
      { call: { functionKey: key, payload: { __probe: true } }, context: {} },
      { principal: { accountId: 'probe' } },
    );
    return true;
  } catch (e) {
    if (e instanceof Error && e.message.includes('has no definition')) return false;
    throw e;
  }
}

describe('wiring between manifest.yml, src/index.ts and static/', () => {
  const handlerNames = manifest.modules.function.map((f) => f.handler.replace(/^index\./, ''));

  it.each(manifest.modules.function.map((f) => [f.key, f.handler]))(
    'function %s → %s is exported by src/index.ts',
    (_key, handler) => {
      expect(typeof index[handler.replace(/^index\./, '')]).toBe('function');
    },
  );

  it('src/index.ts exports nothing the manifest does not name (no orphaned handlers)', () => {
    expect(Object.keys(index).sort()).toEqual([...new Set(handlerNames)].sort());
  });

  it('every function is used by some module, and every module names a declared function', () => {
    const declared = new Set(manifest.modules.function.map((f) => f.key));
    const used = new Set<string>();
    for (const [type, mods] of Object.entries(manifest.modules)) {
      if (type === 'function') continue;
      for (const m of mods as Array<Mod & { adfExport?: { function: string } }>) {
        for (const f of [m.function, m.resolver?.function, m.adfExport?.function]) {
          if (!f) continue;
          expect(declared.has(f)).toBe(true);
          used.add(f);
        }
      }
    }
    expect([...declared].filter((f) => !used.has(f))).toEqual([]);
  });

  it('every resource is used by a module and every module resource is declared', () => {
    const declared = new Set(manifest.resources.map((r) => r.key));
    const used = new Set(
      uiModules.flatMap((m) => [m.resource!, ...(m.config?.resource ? [m.config.resource] : [])]),
    );
    expect([...used].filter((r) => !declared.has(r))).toEqual([]);
    expect([...declared].filter((r) => !used.has(r))).toEqual([]);
  });

  it("every resolver key a static app invokes exists on its module's resolver function", async () => {
    const missing: string[] = [];
    for (const m of uiModules) {
      const fnKey = m.resolver?.function;
      const resources = [m.resource!, ...(m.config?.resource ? [m.config.resource] : [])];
      const keys = resources.flatMap(keysInvokedBy);
      for (const key of keys) {
        const fn = manifest.modules.function.find((f) => f.key === fnKey);
        const handler = fn ? index[fn.handler.replace(/^index\./, '')] : undefined;
        if (!handler || !(await resolverHasKey(handler, key))) missing.push(`${m.key} → ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every resolver key defined is invoked by some static app (no orphaned resolver keys)', async () => {
    // The contract map in src/shared lists every key; each must be called by at least one static app.
    const contract = readFileSync(join(root, 'src/shared/resolver-keys.ts'), 'utf8');
    const defined = [...contract.matchAll(/'([a-z]+\/[a-z][a-z-]*)':/g)].map((m) => m[1]!);
    const invoked = new Set(
      uiModules
        .flatMap((m) => [m.resource!, ...(m.config?.resource ? [m.config.resource] : [])])
        .flatMap(keysInvokedBy),
    );
    expect(defined.length).toBeGreaterThan(0);
    expect(defined.filter((k) => !invoked.has(k))).toEqual([]);
  });
});
