/**
 * Headless Chromium for the end-to-end tests: Debian's /usr/bin/chromium driven by playwright-core
 * (nothing downloads a browser). Also starts a local site on a temp data dir.
 */
import { existsSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.ACCORD_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The static builds must exist: the e2e tests load the real Custom UI bundles. */
export function assertStaticBuilt(repoRoot: string): void {
  // Every static app with an index.html is a Forge resource the host pages may load.
  const apps = readdirSync(join(repoRoot, 'static'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(repoRoot, 'static', d.name, 'index.html')))
    .map((d) => d.name);
  for (const app of apps) {
    if (!existsSync(join(repoRoot, 'static', app, 'build', 'index.html'))) {
      throw new Error(
        `static/${app}/build is missing: run "node static/build.mjs" (npm run build:static) first.`,
      );
    }
  }
}

export interface RunningSite {
  url: string;
  close(): Promise<void>;
}

/** A fresh demo site on a temp data dir, on a free port; close() also removes the data dir. */
export async function startSite(): Promise<RunningSite> {
  const repoRoot = join(__dirname, '..', '..');
  assertStaticBuilt(repoRoot);
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-e2e-'));
  // Loaded lazily so a missing build fails with the message above rather than a stack from the site.

  const { createSite } = require('../../local/site') as typeof import('../../local/site');
  const site = await createSite({ dataDir, port: 0 });
  return {
    url: site.url,
    async close() {
      await site.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Reads a form field until it holds `expected` (or `timeoutMs` passes) and returns what it last held: for values
 * that change after an asynchronous load, where reading once would race the load.
 */
export async function settledInputValue(
  field: { inputValue(): Promise<string> },
  expected: string,
  timeoutMs = 20_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let value = await field.inputValue();
  while (value !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await field.inputValue();
  }
  return value;
}
