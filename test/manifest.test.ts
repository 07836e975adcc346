import { validate } from '@forge/manifest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

const root = join(__dirname, '..');
const manifest = load(readFileSync(join(root, 'manifest.yml'), 'utf8')) as {
  app: { runtime: { name: string }; storage?: unknown };
  permissions: Record<string, unknown>;
  remotes?: unknown;
  resources: Array<{ key: string; path: string }>;
};

describe('manifest.yml', () => {
  it("passes @forge/manifest's full validate(), as `forge lint` would (needs the static build)", async () => {
    const missing = manifest.resources.filter((r) => !existsSync(join(root, r.path, 'index.html')));
    if (missing.length)
      throw new Error(
        `Build the static apps first (npm run build:static): ${missing.map((m) => m.path).join(', ')}`,
      );
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const result = await validate(false, join(root, 'manifest.yml'));
      expect(result.errors ?? []).toEqual([]);
      expect(result.success).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('runs on nodejs22.x', () => {
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
  });

  it('keeps "Runs on Atlassian": no egress, no remotes, no external permissions', () => {
    expect(manifest.permissions.external).toBeUndefined();
    expect(manifest.remotes).toBeUndefined();
    expect(JSON.stringify(manifest)).not.toMatch(/"egress"|"remotes"|"external"/);
  });

  it('allows no unsafe-inline styles or scripts (the static builds extract CSS)', () => {
    expect(JSON.stringify(manifest.permissions)).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
});
