/**
 * What every macro's `adfExport` reads from its payload: the macro config (which any page editor can change)
 * and the page and space the platform says the macro is on (the extension payload, or the invocation context).
 */

/** Where the platform says the exported macro is. */
export interface ExportPlace {
  content?: { id?: unknown };
  space?: { id?: unknown };
}

export interface ExportPayload {
  exportType?: string;
  extensionPayload?: ExportPlace & {
    config?: Record<string, unknown>;
    macro?: { config?: Record<string, unknown> };
  };
  context?: { extension?: ExportPlace };
}

export interface ExportContext {
  extension?: ExportPlace;
}

const PLATFORM_ID = /^[0-9A-Za-z]{1,40}$/;

const idOf = (value: unknown): string | undefined =>
  (typeof value === 'string' || typeof value === 'number') && PLATFORM_ID.test(String(value))
    ? String(value)
    : undefined;

/** The page and space of the exported macro, from the platform only (never from the macro config). */
export function exportedPlace(
  payload: ExportPayload,
  context?: ExportContext,
): { pageId?: string; spaceId?: string } {
  const places = [payload.extensionPayload, payload.context?.extension, context?.extension];
  const pageId = places.map((p) => idOf(p?.content?.id)).find((id) => id !== undefined);
  const spaceId = places.map((p) => idOf(p?.space?.id)).find((id) => id !== undefined);
  return { ...(pageId ? { pageId } : {}), ...(spaceId ? { spaceId } : {}) };
}

/** The macro config's `key` when it is a string matching `pattern`. */
export function configId(payload: ExportPayload, key: string, pattern: RegExp): string | undefined {
  const config = payload.extensionPayload?.config ?? payload.extensionPayload?.macro?.config ?? {};
  const value = config[key];
  return typeof value === 'string' && pattern.test(value) ? value : undefined;
}

/**
 * The record saved on the page being exported, or undefined. A config that names another page's record (any
 * page editor can paste one) exports nothing, so an export never shows content from a page its reader cannot see.
 */
export async function recordOnExportedPage<T extends { pageId: string | null }>(
  payload: ExportPayload,
  context: ExportContext | undefined,
  key: string,
  pattern: RegExp,
  load: (id: string) => Promise<{ value: T } | undefined>,
): Promise<{ id: string; value: T } | undefined> {
  const id = configId(payload, key, pattern);
  const { pageId } = exportedPlace(payload, context);
  if (id === undefined || pageId === undefined) return undefined;
  const stored = await load(id);
  return stored && stored.value.pageId === pageId ? { id, value: stored.value } : undefined;
}
