/**
 * What the host pages need from manifest.yml: which modules to place where, their resources and the
 * function that answers their resolver calls. Generic over module types so new ones appear when added.
 */
import { resolve, sep } from 'node:path';

/** The parts of a manifest module the host pages read (the manifest is a parsed js-yaml object). */
export interface UiModule {
  type: string;
  key: string;
  title: string;
  resource?: string;
  functionKey?: string;
  icon?: string;
  config?: { resource?: string; viewportSize?: string; openOnInsert?: boolean };
  raw: Record<string, unknown>;
}

/** Jira page modules served by `/jira/apps/:moduleKey`. */
export const JIRA_PAGE_TYPES = ['jira:globalPage', 'jira:adminPage', 'jira:projectPage'] as const;

type Manifest =
  { modules?: Record<string, unknown>; resources?: unknown; app?: { id?: unknown } } | null | undefined;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const titleOf = (raw: Record<string, unknown>): string => {
  const title = raw.title;
  if (typeof title === 'string') return title;
  // i18n titles: `title: { i18n: key }` or `{ text: ... }`
  if (isRecord(title) && typeof title.text === 'string') return title.text;
  return String(raw.key ?? 'App');
};

export function modulesOfType(manifest: Manifest, type: string): UiModule[] {
  const list = manifest?.modules?.[type];
  if (!Array.isArray(list)) return [];
  return list.filter(isRecord).map((raw) => {
    const resolver = isRecord(raw.resolver) ? raw.resolver : undefined;
    const config = isRecord(raw.config) ? raw.config : undefined;
    return {
      type,
      key: String(raw.key),
      title: titleOf(raw),
      ...(typeof raw.resource === 'string' ? { resource: raw.resource } : {}),
      ...(typeof resolver?.function === 'string' ? { functionKey: resolver.function } : {}),
      ...(typeof raw.icon === 'string' ? { icon: raw.icon } : {}),
      ...(config
        ? {
            config: {
              ...(typeof config.resource === 'string' ? { resource: config.resource } : {}),
              ...(typeof config.viewportSize === 'string' ? { viewportSize: config.viewportSize } : {}),
              ...(typeof config.openOnInsert === 'boolean' ? { openOnInsert: config.openOnInsert } : {}),
            },
          }
        : {}),
      raw,
    };
  });
}

export function findModule(manifest: Manifest, types: readonly string[], key: string): UiModule | undefined {
  for (const type of types) {
    const found = modulesOfType(manifest, type).find((m) => m.key === key);
    if (found) return found;
  }
  return undefined;
}

/** The folder of a resource, absolute, or undefined when the manifest has no such resource. */
export function resourceDir(manifest: Manifest, repoRoot: string, resourceKey: string): string | undefined {
  const resources = Array.isArray(manifest?.resources) ? manifest.resources : [];
  const entry = resources.filter(isRecord).find((r) => r.key === resourceKey);
  if (!entry || typeof entry.path !== 'string') return undefined;
  return resolve(repoRoot, entry.path);
}

/** Resolves a file inside a resource folder, refusing anything that would climb out of it. */
export function fileInside(dir: string, relative: string): string | undefined {
  const file = resolve(dir, relative || 'index.html');
  return file === dir || file.startsWith(dir + sep) ? file : undefined;
}

/** `resource:<key>;<path>` icons point into a resource; other icons are URLs. */
export function iconUrl(icon: string | undefined): string | undefined {
  if (!icon) return undefined;
  const match = /^resource:([^;]+);(.+)$/.exec(icon);
  return match ? `/static/${encodeURIComponent(match[1] ?? '')}/${match[2] ?? ''}` : icon;
}

/** The app's UUID, from `app.id` (`ari:cloud:ecosystem::app/<uuid>`). */
export function appUuid(manifest: Manifest): string {
  const id = typeof manifest?.app?.id === 'string' ? manifest.app.id : '';
  return id.split('/').pop() || 'local-app';
}
