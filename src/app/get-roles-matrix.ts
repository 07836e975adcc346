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
import { loadRoleAncestors, roleAncestorChain } from './role-ancestors';

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
  await loadRoleAncestors(deps.issues, page.issues, known, MAX_ANCESTOR_LEVELS);

  const rows = page.issues.map((issue) => matrixRow(issue, known));
  const people: string[] = [];
  for (const row of rows)
    for (const a of row.assignments) if (!people.includes(a.accountId)) people.push(a.accountId);
  return { rows, people, ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}) };
}

function matrixRow(issue: IssueSnapshot, known: ReadonlyMap<string, IssueSnapshot>): MatrixRow {
  const reading = readRolesProperty(issue.properties[ROLES_PROPERTY_KEY]);
  const chain: RolesChainLink[] = [
    { issueKey: issue.key, issueTypeName: issue.issueType.name, property: reading.property },
    ...roleAncestorChain(issue, known, MAX_ANCESTOR_LEVELS),
  ];
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
