/**
 * What the Confluence editor does when a macro's config app calls `view.submit({ config })`: write the new
 * config into the macro node (or append a new macro when inserting) and save the page as the viewer,
 * based on the version the viewer loaded, so a concurrent edit gets Confluence's 409 instead of being lost.
 */
import type { ProductFetch } from './product-fetch';
import { productErrorText } from './product-fetch';
import { newMacroNode, withAppendedNode, withMacroConfig, type AdfNode } from './macro-nodes';

export interface MacroConfigWrite {
  pageId: string;
  /** The page version the viewer's editor was based on. */
  baseVersion: number;
  /** The macro to change; absent (or not on the page) with `insert` set appends a new macro. */
  localId?: string;
  insert?: { appId: string; moduleKey: string; title: string; newLocalId: string };
  config: Record<string, unknown>;
}

export type MacroConfigResult =
  { ok: true; version: number; localId: string } | { ok: false; status: number; message: string };

interface PageV2 {
  id: string;
  title: string;
  spaceId?: string;
  status?: string;
  version?: { number: number };
  body?: { atlas_doc_format?: { value?: string } };
}

export async function writeMacroConfig(
  fetchAsViewer: ProductFetch,
  write: MacroConfigWrite,
): Promise<MacroConfigResult> {
  const id = encodeURIComponent(write.pageId);
  const current = await fetchAsViewer<PageV2>(`/wiki/api/v2/pages/${id}?body-format=atlas_doc_format`);
  if (current.status !== 200 || !current.body) {
    return {
      ok: false,
      status: current.status,
      message:
        current.status === 404
          ? 'This page no longer exists, or you can no longer see it.'
          : `Confluence could not load the page (${current.status}). Reload and try again.`,
    };
  }
  const page = current.body;
  let doc: AdfNode;
  try {
    doc = JSON.parse(page.body?.atlas_doc_format?.value ?? '') as AdfNode;
  } catch {
    return {
      ok: false,
      status: 422,
      message: 'The page body is not valid ADF, so the macro cannot be saved into it.',
    };
  }

  let next = write.localId ? withMacroConfig(doc, write.localId, write.config) : undefined;
  let localId = write.localId ?? '';
  if (!next) {
    if (!write.insert) {
      return {
        ok: false,
        status: 409,
        message:
          'This macro is no longer on the page: someone removed it. Reload the page to see its current content.',
      };
    }
    localId = write.insert.newLocalId;
    next = withAppendedNode(
      doc,
      newMacroNode({
        appId: write.insert.appId,
        moduleKey: write.insert.moduleKey,
        title: write.insert.title,
        localId,
        config: write.config,
      }),
    );
  }

  const version = write.baseVersion + 1;
  const saved = await fetchAsViewer<PageV2>(`/wiki/api/v2/pages/${id}`, {
    method: 'PUT',
    body: {
      id: page.id,
      status: page.status ?? 'current',
      title: page.title,
      ...(page.spaceId ? { spaceId: page.spaceId } : {}),
      body: { representation: 'atlas_doc_format', value: JSON.stringify(next) },
      version: { number: version, message: 'Updated an Accord macro' },
    },
  });
  if (saved.status === 200) return { ok: true, version, localId };
  const detail = productErrorText(saved.body);
  const message =
    saved.status === 409
      ? 'Someone else saved this page while you were editing the macro. Reload the page, then edit the macro again.'
      : saved.status === 403
        ? 'You do not have permission to edit this page. Ask the space admin for edit access.'
        : `Confluence did not save the page (${saved.status}${detail ? `: ${detail}` : ''}). Try again.`;
  return { ok: false, status: saved.status, message };
}
