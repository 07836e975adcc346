import type { BriefDetail, BriefReferenceName, BriefReferencedView, BriefSummary } from '../shared/brief';
import type { Brief } from '../domain/brief/brief';
import { briefDocumentOf } from '../domain/brief/brief-record';
import { completeness, type CompletenessFacts } from '../domain/brief/brief-completeness';
import type { BriefDocument } from '../domain/brief/brief-document';
import type {
  DocumentStore,
  InitiativeRecord,
  PageAccess,
  PageDirectory,
  RecordStore,
  Versioned,
  Wiki,
} from './ports';
import type { StoredStakeholderGrid } from './stakeholders/stakeholder-grid-record';
import type { StoredRaciMatrix } from './raci-matrix/raci-ports';
import type { StoredDecision } from './decisions/decision-ports';
import type { StoredPath } from './escalation-ports';
import { createLimiter } from './concurrency';
import { AppError } from './errors';
import { isInitiativeRecord } from './initiative-scope';
import { requirePageAccess } from './page-access';

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
  facts: CompletenessFacts = {},
): BriefDetail {
  return {
    ...toBriefSummary(id, stored),
    pageId: stored.value.pageId,
    sections: { ...doc.sections },
    milestones: doc.milestones.map((m) => ({ ...m })),
    linkedWork: { epicKeys: [...doc.linkedWork.epicKeys], jql: doc.linkedWork.jql },
    references: { ...doc.references, decisionIds: [...doc.references.decisionIds] },
    completeness: completeness(doc, facts),
    canEdit: access === 'edit',
  };
}

export interface BriefReadDeps {
  briefs: DocumentStore<Brief>;
  wiki: Wiki;
  /** The executive view's initiative records: a brief's linked work is its initiative scope. */
  initiatives: RecordStore<InitiativeRecord>;
  /** Where the linked documents are read, to name them (absent: the brief shows ids only). */
  references?: BriefReferenceSources;
}

type Getter<T> = { get(id: string): Promise<Versioned<T> | undefined> };

/** The stores of the documents a brief links to, and Confluence as the caller to know which pages they see. */
export interface BriefReferenceSources {
  grids: Getter<StoredStakeholderGrid>;
  matrices: Getter<StoredRaciMatrix>;
  decisions: Getter<StoredDecision>;
  paths: Getter<StoredPath>;
  pages: PageDirectory;
}

/** How many linked decisions `brief/get` names; the rest are counted. */
export const NAMED_DECISIONS_LIMIT = 50;
/** KVS reads in flight at once while naming references. */
const READS_AT_ONCE = 8;

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
  const access = await requirePageAccess(
    deps.wiki,
    input.pageId,
    'view',
    'You cannot view the page this brief is on. Ask its owner for access.',
  );
  const { stored, doc } = await loadBriefOnPage(
    deps,
    input.briefId,
    input.pageId,
    'This brief does not exist on this page. Edit the macro to create or pick one.',
  );
  if (!deps.references) return toBriefDetail(input.briefId, stored, doc, access);
  const { referenced, facts } = await nameReferences(deps.references, doc, input.pageId);
  return { ...toBriefDetail(input.briefId, stored, doc, access, facts), referenced };
}

interface Found {
  id: string;
  pageId: string | null;
  name: string;
  status?: string;
  size?: number;
}

/**
 * Reads the brief's linked grid, matrix, decisions and path from KVS by id (a few at a time, in parallel) and
 * names those whose page the caller may view (one bulk Confluence call as them, only for pages other than the
 * brief's own, which they already view). A document on a page they cannot view is `hidden`; only visible
 * documents count as facts for completeness, so an empty visible grid, matrix or path makes its section thin.
 */
export async function nameReferences(
  sources: BriefReferenceSources,
  doc: BriefDocument,
  briefPageId: string,
): Promise<{ referenced: BriefReferencedView; facts: CompletenessFacts }> {
  const limit = createLimiter(READS_AT_ONCE);
  const read = <T>(id: string | null, getter: Getter<T>, found: (value: T) => Omit<Found, 'id'>) =>
    id === null
      ? Promise.resolve(null)
      : limit(() => getter.get(id)).then((v): Found | 'missing' =>
          v ? { id, ...found(v.value) } : 'missing',
        );
  const { stakeholderGridId, raciMatrixId, escalationPathId, decisionIds } = doc.references;
  const named = decisionIds.slice(0, NAMED_DECISIONS_LIMIT);
  const [grid, matrix, path, ...decisions] = await Promise.all([
    read(stakeholderGridId, sources.grids, (g) => ({
      pageId: g.pageId,
      name: g.body.title,
      size: g.body.stakeholders.length,
    })),
    read(raciMatrixId, sources.matrices, (m) => ({
      pageId: m.pageId,
      name: m.title,
      size: m.activities.length,
    })),
    read(escalationPathId, sources.paths, (p) => ({
      pageId: p.pageId,
      name: p.path.name,
      status: p.enabled ? 'Enabled' : 'Draft',
      size: p.path.levels.length,
    })),
    ...named.map((id) =>
      read(id, sources.decisions, (d) => ({ pageId: d.pageId, name: d.body.question, status: d.status })),
    ),
  ]);
  const found = [grid, matrix, path, ...decisions].filter((f): f is Found => f !== null && f !== 'missing');
  const otherPages = [
    ...new Set(found.flatMap((f) => (f.pageId !== null && f.pageId !== briefPageId ? [f.pageId] : []))),
  ];
  const viewable = otherPages.length === 0 ? new Map() : await sources.pages.viewablePages(otherPages);
  // A site default path (no page) is configuration every brief may name; any other needs its page viewable.
  const visible = (f: Found) => f.pageId === null || f.pageId === briefPageId || viewable.has(f.pageId);
  const nameOf = (ref: Found | 'missing' | null, id: string | null): BriefReferenceName | null => {
    if (ref === null || id === null) return null;
    if (ref === 'missing') return { id, state: 'missing' };
    if (!visible(ref)) return { id, state: 'hidden' };
    return { id, state: 'named', name: ref.name, ...(ref.status ? { status: ref.status } : {}) };
  };
  const size = (ref: Found | 'missing' | null) =>
    ref !== null && ref !== 'missing' && visible(ref) ? ref.size : undefined;
  const facts: CompletenessFacts = {};
  if (size(grid) !== undefined) facts.stakeholderCount = size(grid);
  if (size(matrix) !== undefined) facts.raciActivityCount = size(matrix);
  if (size(path) !== undefined) facts.escalationLevelCount = size(path);
  return {
    referenced: {
      stakeholderGrid: nameOf(grid, stakeholderGridId),
      raciMatrix: nameOf(matrix, raciMatrixId),
      decisions: decisions.map((d, i) => nameOf(d, named[i] ?? null)).filter((d) => d !== null),
      moreDecisions: decisionIds.length - named.length,
      escalationPath: nameOf(path, escalationPathId),
    },
    facts,
  };
}
