/**
 * Reads the page makes for itself, straight from the browser as the viewer (`requestJira`): free, and
 * permission-correct by construction. Taken as an argument so they can be tested without a bridge.
 */
import { requestJira } from '@forge/bridge';
import type { JiraAnswer } from '../../common/src/jira-request';
import type { Role } from '../../../src/shared/roles';
import { readRolesProperty, ROLES_PROPERTY_KEY } from '../../../src/domain/roles';

export type ProjectJiraRequest = (
  path: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<JiraAnswer>;

export const bridgeRequest: ProjectJiraRequest = (path, init) => requestJira(path, init);

const POST = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
  body: JSON.stringify(body),
});

async function errorSentence(answer: JiraAnswer, what: string): Promise<string> {
  try {
    const body = (await answer.json()) as { errorMessages?: string[] };
    const detail = body.errorMessages?.join(' ');
    if (detail) return `Jira could not ${what}: ${detail}`;
  } catch {
    // no JSON body
  }
  return `Jira answered ${answer.status} when asked to ${what}. Try again in a moment.`;
}

/** How many issues a JQL matches, as the viewer (`search/approximate-count`). */
export async function countIssues(request: ProjectJiraRequest, jql: string): Promise<number> {
  const answer = await request('/rest/api/3/search/approximate-count', POST({ jql }));
  if (!answer.ok) throw new Error(await errorSentence(answer, 'count the issues'));
  const body = (await answer.json()) as { count?: unknown };
  return typeof body.count === 'number' ? body.count : 0;
}

/** The JQL alias of each role (manifest `jira:entityProperty`), in the order the page lists them. */
export const ROLE_ALIASES: ReadonlyArray<readonly [Role, string]> = [
  ['accountable', 'accordAccountable'],
  ['responsible', 'accordResponsible'],
  ['consulted', 'accordConsulted'],
  ['informed', 'accordInformed'],
  ['driver', 'accordDriver'],
  ['approver', 'accordApprover'],
  ['contributor', 'accordContributor'],
];

export interface MyRoleIssue {
  key: string;
  summary: string;
  status: string;
}

export type MyRoles = Array<{ role: Role; issues: MyRoleIssue[] }>;

/**
 * The viewer's roles in the project: ONE search through the JQL aliases (`accordAccountable = currentUser() OR
 * ...`), with the `accord-roles` property so each issue can be listed under every role the viewer holds on it.
 */
export async function fetchMyRoles(
  request: ProjectJiraRequest,
  projectKey: string,
  accountId: string,
  maxResults = 100,
): Promise<{ roles: MyRoles; more: boolean }> {
  const who = ROLE_ALIASES.map(([, alias]) => `${alias} = currentUser()`).join(' OR ');
  const answer = await request(
    '/rest/api/3/search/jql',
    POST({
      jql: `project = "${projectKey}" AND (${who}) ORDER BY updated DESC`,
      fields: ['summary', 'status'],
      properties: [ROLES_PROPERTY_KEY],
      maxResults,
    }),
  );
  if (!answer.ok) throw new Error(await errorSentence(answer, 'find your roles'));
  const body = (await answer.json()) as {
    issues?: Array<{
      key: string;
      fields?: { summary?: string; status?: { name?: string } };
      properties?: Record<string, unknown>;
    }>;
    nextPageToken?: string;
  };
  const byRole = new Map<Role, MyRoleIssue[]>();
  for (const issue of body.issues ?? []) {
    const property = readRolesProperty(issue.properties?.[ROLES_PROPERTY_KEY]).property;
    const held = new Set(property?.assignments.filter((a) => a.accountId === accountId).map((a) => a.role));
    for (const role of held) {
      const list = byRole.get(role) ?? [];
      list.push({
        key: issue.key,
        summary: issue.fields?.summary ?? '',
        status: issue.fields?.status?.name ?? '',
      });
      byRole.set(role, list);
    }
  }
  return {
    roles: ROLE_ALIASES.map(([role]) => ({ role, issues: byRole.get(role) ?? [] })),
    more: typeof body.nextPageToken === 'string',
  };
}
