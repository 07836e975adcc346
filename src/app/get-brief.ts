import type { BriefDetail, BriefSummary } from '../shared/brief';
import type { Brief } from '../domain/brief/brief';
import { briefDocumentOf } from '../domain/brief/brief-record';
import { completeness } from '../domain/brief/brief-completeness';
import type { BriefDocument } from '../domain/brief/brief-document';
import type { DocumentStore, InitiativeRecord, PageAccess, RecordStore, Versioned, Wiki } from './ports';
import { AppError } from './errors';
import { isInitiativeRecord } from './initiative-scope';

export const toBriefSummary = (id: string, { value, revision }: Versioned<Brief>): BriefSummary => ({
  id,
  title: value.title,
  problem: value.problem,
  ownerAccountId: value.ownerAccountId || null,
  status: value.status,
  revision,
  updatedAt: value.updatedAt,
});

/** The whole brief as the macro shows it. */
export function toBriefDetail(
  id: string,
  stored: Versioned<Brief>,
  doc: BriefDocument,
  access: PageAccess,
): BriefDetail {
  return {
    ...toBriefSummary(id, stored),
    pageId: stored.value.pageId,
    sections: { ...doc.sections },
    milestones: doc.milestones.map((m) => ({ ...m })),
    linkedWork: { epicKeys: [...doc.linkedWork.epicKeys], jql: doc.linkedWork.jql },
    references: { ...doc.references, decisionIds: [...doc.references.decisionIds] },
    completeness: completeness(doc),
    canEdit: access === 'edit',
  };
}

export interface BriefReadDeps {
  briefs: DocumentStore<Brief>;
  wiki: Wiki;
  /** The executive view's initiative records: a brief's linked work is its initiative scope. */
  initiatives: RecordStore<InitiativeRecord>;
}

/** The stored brief of `pageId` with its initiative record; NOT_FOUND when it is missing or of another page. */
export async function loadBriefOnPage(
  deps: Pick<BriefReadDeps, 'briefs' | 'initiatives'>,
  briefId: string,
  pageId: string,
  notFound: string,
): Promise<{ stored: Versioned<Brief>; record: InitiativeRecord | undefined; doc: BriefDocument }> {
  const [stored, rawRecord] = await Promise.all([deps.briefs.get(briefId), deps.initiatives.get(briefId)]);
  // A brief saved on another page is answered exactly like a missing one: the page id is never trusted.
  if (!stored || stored.value.pageId !== pageId) throw new AppError('NOT_FOUND', notFound);
  const record = isInitiativeRecord(rawRecord) ? rawRecord : undefined;
  return { stored, record, doc: briefDocumentOf(stored.value, record?.scope) };
}

/** Reads a brief for a person who can view the page the macro sits on (checked as that person). */
export async function getBrief(
  deps: BriefReadDeps,
  input: { briefId: string; pageId: string },
): Promise<BriefDetail> {
  const access = await deps.wiki.pageAccess(input.pageId);
  if (access === 'none')
    throw new AppError('FORBIDDEN', 'You cannot view the page this brief is on. Ask its owner for access.');
  const { stored, doc } = await loadBriefOnPage(
    deps,
    input.briefId,
    input.pageId,
    'This brief does not exist on this page. Edit the macro to create or pick one.',
  );
  return toBriefDetail(input.briefId, stored, doc, access);
}
