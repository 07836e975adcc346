import type { MatrixPage, MatrixRow } from '../shared/matrix';
import {
  findRoleIssues,
  readRolesProperty,
  resolveEffectiveRoles,
  ROLES_PROPERTY_KEY,
  type RolesChainLink,
} from '../domain/roles';
import type { IssueBulkReader, IssueSnapshot, IssueTracker } from './ports';
import { asJqlError, scopeJqlToProject } from './project-jql';
import { BULK_FETCH_LIMIT } from './bulk-limits';

export const DEFAULT_MATRIX_PAGE_SIZE = 50;
/** Subtask → story → epic → initiative: at most this many ancestor levels are looked up. */
const MAX_ANCESTOR_LEVELS = 3;

export interface GetRolesMatrixDeps {
  /** Jira as the person asking. */
  jira: IssueTracker;
  issues: IssueBulkReader;
}

export interface GetRolesMatrixInput {
  projectKey: string;
  jql: string;
  nextPageToken?: string;
  pageSize?: number;
}

/**
 * One page of the project's RACI matrix, read as the person: one `search/jql` call with the `accord-roles`
 * property for the page, plus (only for issues without roles of their own whose parent is not on the page)
 * one `issue/bulkfetch` per ancestor level, so inherited roles show too. Never one call per issue.
 */
export async function getRolesMatrix(
  deps: GetRolesMatrixDeps,
  input: GetRolesMatrixInput,
): Promise<MatrixPage> {
  const jql = scopeJqlToProject(input.projectKey, input.jql);
  const page = await deps.jira
    .searchIssues(jql, {
      maxResults: input.pageSize ?? DEFAULT_MATRIX_PAGE_SIZE,
      properties: [ROLES_PROPERTY_KEY],
      ...(input.nextPageToken ? { nextPageToken: input.nextPageToken } : {}),
    })
    .catch((e: unknown) => {
      throw asJqlError(e);
    });

  const known = new Map<string, IssueSnapshot>(page.issues.map((i) => [i.key, i]));
  await loadAncestors(deps.issues, page.issues, known);

  const rows = page.issues.map((issue) => matrixRow(issue, known));
  const people: string[] = [];
  for (const row of rows)
    for (const a of row.assignments) if (!people.includes(a.accountId)) people.push(a.accountId);
  return { rows, people, ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}) };
}

const hasOwnRoles = (issue: IssueSnapshot) =>
  readRolesProperty(issue.properties[ROLES_PROPERTY_KEY]).property !== undefined;

async function loadAncestors(
  reader: IssueBulkReader,
  issues: readonly IssueSnapshot[],
  known: Map<string, IssueSnapshot>,
): Promise<void> {
  let frontier = issues.filter((i) => !hasOwnRoles(i));
  for (let level = 0; level < MAX_ANCESTOR_LEVELS && frontier.length > 0; level++) {
    const missing = [
      ...new Set(frontier.map((i) => i.parentKey).filter((k): k is string => !!k && !known.has(k))),
    ];
    for (let i = 0; i < missing.length; i += BULK_FETCH_LIMIT) {
      const fetched = await reader.fetchIssues(missing.slice(i, i + BULK_FETCH_LIMIT), {
        properties: [ROLES_PROPERTY_KEY],
      });
      for (const f of fetched) known.set(f.key, f);
    }
    // Climb further only from ancestors that have no roles of their own either.
    frontier = frontier
      .map((i) => (i.parentKey ? known.get(i.parentKey) : undefined))
      .filter((p): p is IssueSnapshot => p !== undefined && !hasOwnRoles(p));
  }
}

function matrixRow(issue: IssueSnapshot, known: ReadonlyMap<string, IssueSnapshot>): MatrixRow {
  const reading = readRolesProperty(issue.properties[ROLES_PROPERTY_KEY]);
  const chain: RolesChainLink[] = [
    { issueKey: issue.key, issueTypeName: issue.issueType.name, property: reading.property },
  ];
  let parentKey = issue.parentKey;
  const seen = new Set([issue.key]);
  while (parentKey && !seen.has(parentKey) && chain.length <= MAX_ANCESTOR_LEVELS) {
    seen.add(parentKey);
    const parent = known.get(parentKey);
    if (!parent) break;
    chain.push({
      issueKey: parent.key,
      issueTypeName: parent.issueType.name,
      property: readRolesProperty(parent.properties[ROLES_PROPERTY_KEY]).property,
    });
    parentKey = parent.parentKey;
  }
  const effective = resolveEffectiveRoles(chain);
  const findings = [
    ...reading.findings,
    ...(effective.source === 'none' ? [] : findRoleIssues(effective.framework, effective.assignments, {})),
  ];
  return {
    issueKey: issue.key,
    summary: issue.summary,
    status: issue.status.name,
    statusCategory: issue.status.category,
    framework: effective.framework,
    source: effective.source,
    assignments: effective.assignments,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}
