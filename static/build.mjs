/**
 * Builds every Custom UI app (static/<app>) with Vite's JS API into static/<app>/build, the folders the
 * manifest's resources point at. Usage: `node static/build.mjs [app ...]` (default: all apps).
 *
 * - base './' so a build works from whatever path the host serves it under;
 * - CSS extracted into files (Atlaskit's `.compiled.css` and the token themes), never injected at run
 *   time, so the manifest needs no `unsafe-inline`;
 * - React 18 automatic JSX through Vite 8's built-in oxc transform (@vitejs/plugin-react is not used).
 */
import { createRequire } from 'node:module';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Every folder of static/ with an index.html is an app (the manifest's resources point at their builds). */
export const APPS = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(here, d.name, 'index.html')))
  .map((d) => d.name)
  .sort();

const TOKENS_ID = 'virtual:accord-tokens.css';
// Every theme setGlobalTheme may name in `data-theme`; each file's selectors only match its own theme.
const TOKEN_THEMES = [
  'atlassian-light',
  'atlassian-dark',
  'atlassian-spacing',
  'atlassian-typography',
  'atlassian-shape',
  'atlassian-motion',
];

/** Serves Atlaskit's token themes (shipped as JS strings) as one CSS module that Vite extracts. */
function tokenThemes() {
  return {
    name: 'accord-token-themes',
    resolveId(id) {
      return id === TOKENS_ID ? `\0${TOKENS_ID}` : null;
    },
    load(id) {
      if (id !== `\0${TOKENS_ID}`) return null;
      return TOKEN_THEMES.map(
        (name) => require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${name}.js`).default,
      ).join('\n');
    },
  };
}

function configFor(app) {
  const root = path.join(here, app);
  return {
    configFile: false,
    root,
    base: './',
    publicDir: path.join(root, 'public'),
    logLevel: 'warn',
    plugins: [tokenThemes()],
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: path.join(root, 'build'),
      emptyOutDir: true,
      cssCodeSplit: false,
      // Atlaskit's theme loader and our code would otherwise inline small assets as data: URLs.
      assetsInlineLimit: 0,
      sourcemap: false,
      chunkSizeWarningLimit: 2048,
      reportCompressedSize: false,
    },
  };
}

export async function buildApps(apps = APPS) {
  const timings = {};
  for (const app of apps) {
    if (!APPS.includes(app)) throw new Error(`Unknown app "${app}". Known apps: ${APPS.join(', ')}`);
    const started = performance.now();
    await build(configFor(app));
    if (!existsSync(path.join(here, app, 'build', 'icon.svg'))) {
      throw new Error(`${app}: build/icon.svg is missing; the manifest's icon points at it.`);
    }
    timings[app] = Math.round(performance.now() - started);
  }
  return timings;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const apps = process.argv.slice(2);
  buildApps(apps.length ? apps : APPS).then(
    (timings) => {
      const each = Object.entries(timings)
        .map(([app, ms]) => `${app} ${ms} ms`)
        .join(', ');
      console.log(`static: built ${each}; total ${Math.round(performance.now() - started)} ms`);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
