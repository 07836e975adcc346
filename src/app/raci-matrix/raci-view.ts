import type { RaciMatrixView, RaciRowView } from '../../shared/raci';
import {
  findRoleIssues,
  readRolesProperty,
  resolveEffectiveRoles,
  ROLES_PROPERTY_KEY,
} from '../../domain/roles';
import { readThreshold, toRolesView } from '../load-roles';
import { AppError } from '../errors';
import { loadRoleAncestors, roleAncestorChain } from '../role-ancestors';
import type { PageAccess, Versioned } from '../ports';
import type { RaciMatrixDeps, StoredIssueActivity, StoredRaciMatrix, StoredTextActivity } from './raci-ports';
import { requirePageAccess } from '../page-access';

/** Jira writes in flight at once while a CSV import applies issue rows. */
export const RACI_PARALLEL_READS = 5;

export const MATRIX_NOT_FOUND =
  'This RACI matrix does not exist on this page. Edit the macro to create or pick one.';

/** The stored matrix of `pageId`; NOT_FOUND when missing or saved on another page (never trusted from a payload). */
export async function loadMatrixOnPage(
  deps: Pick<RaciMatrixDeps, 'matrices'>,
  matrixId: string,
  pageId: string,
): Promise<Versioned<StoredRaciMatrix>> {
  const stored = await deps.matrices.get(matrixId);
  if (!stored || stored.value.pageId !== pageId) throw new AppError('NOT_FOUND', MATRIX_NOT_FOUND);
  return stored;
}

/** The caller's access to the page, refusing someone who cannot view it. */
export async function viewablePage(deps: Pick<RaciMatrixDeps, 'wiki'>, pageId: string): Promise<PageAccess> {
  return requirePageAccess(
    deps.wiki,
    pageId,
    'view',
    'You cannot view the page this matrix is on. Ask its owner for access.',
  );
}

export function textRowView(row: StoredTextActivity, canEdit: boolean): RaciRowView {
  return {
    id: row.id,
    kind: 'text',
    name: row.name,
    assignments: row.assignments.map((a) => ({ ...a })),
    revision: row.revision,
    findings: findRoleIssues('RACI', row.assignments),
    canEdit,
  };
}

/** subtask → story → epic → initiative: as many ancestor levels as the Roles panel's walk reads. */
const MAX_ANCESTOR_LEVELS = 4;

function hiddenRow(row: StoredIssueActivity): RaciRowView {
  return {
    id: row.id,
    kind: 'issue',
    issueKey: row.issueKey,
    name: '',
    assignments: [],
    revision: 0,
    findings: [],
    canEdit: false,
    problem: `${row.issueKey} does not exist or you cannot see it.`,
  };
}

/**
 * Every issue row of a matrix read as the caller in a fixed number of Jira calls: one search for all rows (with
 * `accord-roles` and links), one EDIT_ISSUES check for all of them, and one bulk fetch per ancestor level only for
 * rows that inherit. The cells come from the Roles panel's own domain code (`readRolesProperty`,
 * `resolveEffectiveRoles`, `toRolesView`), so a row shows exactly what `roles/get` shows for that issue.
 */
export async function issueRowViews(
  deps: RaciMatrixDeps,
  rows: readonly StoredIssueActivity[],
): Promise<Map<string, RaciRowView>> {
  const views = new Map<string, RaciRowView>();
  if (rows.length === 0) return views;
  const keys = [...new Set(rows.map((r) => r.issueKey))];
  const [issues, consultedThreshold] = await Promise.all([
    deps.issueRows.readIssues(keys, { properties: [ROLES_PROPERTY_KEY] }),
    readThreshold(deps.roles.consultedThreshold),
  ]);
  const known = new Map(issues.map((i) => [i.key, i]));
  const [editable] = await Promise.all([
    deps.issueRows.editableIssueIds(issues.map((i) => i.id)),
    loadRoleAncestors(deps.issueRows, issues, known, MAX_ANCESTOR_LEVELS),
  ]);
  const byKey = new Map(issues.map((i) => [i.key, i]));
  for (const row of rows) {
    const issue = byKey.get(row.issueKey);
    if (!issue) {
      views.set(row.id, hiddenRow(row));
      continue;
    }
    const own = readRolesProperty(issue.properties[ROLES_PROPERTY_KEY]);
    const ancestors = own.property ? [] : roleAncestorChain(issue, known, MAX_ANCESTOR_LEVELS);
    const effective = resolveEffectiveRoles([
      { issueKey: issue.key, issueTypeName: issue.issueType.name, property: own.property },
      ...ancestors,
    ]);
    const view = toRolesView(
      { issue, own, effective, ancestors, storedResponses: [] },
      {
        canEdit: editable.has(issue.id),
        ...(consultedThreshold !== undefined ? { consultedThreshold } : {}),
      },
    );
    views.set(row.id, {
      id: row.id,
      kind: 'issue',
      issueKey: view.issueKey,
      name: issue.summary,
      assignments: view.assignments,
      revision: view.revision,
      findings: view.findings,
      canEdit: view.canEdit === true,
      source: view.source,
      ...(view.inheritedFrom ? { inheritedFrom: view.inheritedFrom } : {}),
    });
  }
  return views;
}

/** The whole matrix as the caller sees it. */
export async function matrixView(
  deps: RaciMatrixDeps,
  id: string,
  stored: Versioned<StoredRaciMatrix>,
  access: PageAccess,
): Promise<RaciMatrixView> {
  const canEdit = access === 'edit';
  const issueRows = await issueRowViews(
    deps,
    stored.value.activities.filter((a): a is StoredIssueActivity => a.kind === 'issue'),
  );
  const rows = stored.value.activities.map((a) =>
    a.kind === 'text' ? textRowView(a, canEdit) : (issueRows.get(a.id) ?? hiddenRow(a)),
  );
  return {
    id,
    briefId: stored.value.briefId,
    pageId: stored.value.pageId,
    title: stored.value.title,
    people: [...stored.value.people],
    rows,
    revision: stored.revision,
    canEdit,
    updatedAt: stored.value.updatedAt,
  };
}
