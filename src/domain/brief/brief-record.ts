import type { Brief, InitiativeScope, StoredBriefBody } from './brief';
import { briefDocumentFromBrief, parseBriefDocument, type BriefDocument } from './brief-document';
import type { Parsed } from './parse-result';

/**
 * The full document of a stored brief. The foundation fields (title, problem, owner, status) live at the top
 * of the record, the rest in `document`, and the linked work in the initiative record (the executive view's
 * scope: one truth). A brief stored before the full document existed is carried over with
 * `briefDocumentFromBrief`; a damaged body falls back to the same, so a brief is never unreadable.
 */
export function briefDocumentOf(brief: Brief, scope?: InitiativeScope): BriefDocument {
  const base = briefDocumentFromBrief(brief);
  const linkedWork = {
    epicKeys: scope?.epics ?? [],
    jql: scope?.jql ?? '',
  };
  const body = brief.document;
  const candidate = {
    title: base.title.trim() === '' ? 'Untitled brief' : base.title,
    ownerAccountId: base.ownerAccountId,
    status: base.status,
    sections: { ...(body?.sections ?? {}), problem: brief.problem },
    milestones: body?.milestones ?? [],
    linkedWork,
    references: body?.references ?? base.references,
  };
  const parsed = parseBriefDocument(candidate);
  if (parsed.ok) return parsed.value;
  // Damaged body or scope: keep what the foundation fields say, drop the rest rather than fail the read.
  const fallback = parseBriefDocument({
    ...candidate,
    milestones: [],
    references: base.references,
    linkedWork: { epicKeys: [], jql: '' },
    sections: { problem: brief.problem },
  });
  return fallback.ok ? fallback.value : base;
}

/** The stored record of a brief document on `pageId` (linked work is stored separately, see above). */
export function briefRecordOf(doc: BriefDocument, pageId: string, updatedAt: string): Brief {
  const { problem, ...rest } = doc.sections;
  const body: StoredBriefBody = {
    sections: rest,
    milestones: doc.milestones,
    references: doc.references,
  };
  return {
    title: doc.title,
    problem,
    ownerAccountId: doc.ownerAccountId ?? '',
    status: doc.status,
    pageId,
    updatedAt,
    document: body,
  };
}

/** The initiative scope a document's linked work stands for. */
export function scopeOf(doc: BriefDocument): InitiativeScope {
  return { epics: doc.linkedWork.epicKeys, ...(doc.linkedWork.jql ? { jql: doc.linkedWork.jql } : {}) };
}

/** True when two scopes select the same work (so the initiative record need not be written). */
export function sameScope(a: InitiativeScope | undefined, b: InitiativeScope): boolean {
  const epicsA = a?.epics ?? [];
  return (
    epicsA.length === b.epics.length &&
    epicsA.every((k, i) => k === b.epics[i]) &&
    (a?.jql ?? '').trim() === (b.jql ?? '').trim()
  );
}

/** Merges a partial edit into the stored document and validates the result: the document or every problem. */
export function mergeBriefEdit(current: BriefDocument, edit: Record<string, unknown>): Parsed<BriefDocument> {
  const sections = { ...current.sections, ...((edit.sections as object | undefined) ?? {}) };
  if (typeof edit.problem === 'string') sections.problem = edit.problem;
  return parseBriefDocument({
    title: edit.title ?? current.title,
    ownerAccountId: 'ownerAccountId' in edit ? edit.ownerAccountId : current.ownerAccountId,
    status: edit.status ?? current.status,
    sections,
    milestones: edit.milestones ?? current.milestones,
    linkedWork: edit.linkedWork ?? current.linkedWork,
    references: edit.references ?? current.references,
  });
}
