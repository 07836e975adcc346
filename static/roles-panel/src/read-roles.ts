/**
 * Opening the Roles panel costs no function invocation (DESIGN.md "Cost and speed"): the browser reads, as
 * the viewer, the issue with its `accord-roles` and `accord-responses` properties and, in parallel, the
 * viewer's EDIT_ISSUES permission; then every person named, in one `user/bulk`. Ancestors are read (nearest
 * first, one issue each) only when the issue has no roles of its own. The view is computed with the same
 * pure domain code the resolvers use.
 */
import {
  findRoleIssues,
  readRolesProperty,
  resolveEffectiveRoles,
  ROLES_PROPERTY_KEY,
  type EffectiveRoles,
  type RolesChainLink,
} from '../../../src/domain/roles';
import type { RoleResponse, RolesView } from '../../../src/shared/roles';
import { JSON_HEADERS, JiraReadError, type JiraRequest } from './jira-request';
import { fetchPeople, type Person } from '../../common/src/user-picker-people';
import { BRIEF_LINK_PROPERTY_KEY, readBriefLink, type BriefLink } from './brief-link-property';
import { DECISIONS_PROPERTY_KEY, readIssueDecisions } from './decisions-list-property';
import type { IssueDecisionEntry } from '../../../src/shared/decision';

export const RESPONSES_PROPERTY_KEY = 'accord-responses';

/** subtask → story → epic → initiative: four levels above an issue is as deep as Jira hierarchies go. */
export const MAX_ANCESTORS = 4;

export interface PanelData {
  view: RolesView;
  summary: string;
  issueTypeName?: string;
  /** The parent's key: own roles can be reset to inherit from it. */
  parentKey?: string;
  people: ReadonlyMap<string, Person>;
  /** Set when names could not be loaded; the roles still show, with "Unknown person". */
  peopleError?: string;
  /** The brief this issue (or the ancestor it inherits from) is part of (`accord-brief`). */
  briefLink?: BriefLink;
  /** Decisions that affect the issue (its `accord-decisions` property). */
  decisions?: IssueDecisionEntry[];
}

interface RawIssue {
  key?: unknown;
  fields?: {
    summary?: unknown;
    issuetype?: { name?: unknown };
    parent?: { key?: unknown };
    issuelinks?: Array<{ type?: { name?: unknown }; outwardIssue?: unknown }>;
  };
  properties?: Record<string, unknown>;
  editmeta?: { fields?: Record<string, unknown> };
}

export const PEOPLE_ERROR =
  'Names and pictures could not be loaded from Jira; reload the issue to try again.';

const notVisible = (issueKey: string) =>
  `${issueKey} does not exist or you do not have permission to see it. Check the issue, or ask a project admin for access.`;

async function readIssue(
  request: JiraRequest,
  issueKey: string,
  fields: string,
  properties: string,
  expand?: string,
): Promise<RawIssue | undefined> {
  const query = new URLSearchParams({ fields, properties, ...(expand ? { expand } : {}) });
  const response = await request(
    `/rest/api/3/issue/${encodeURIComponent(issueKey)}?${query.toString()}`,
    JSON_HEADERS,
  );
  if (response.status === 404 || response.status === 403) return undefined;
  if (!response.ok) {
    throw new JiraReadError(
      `Jira answered ${response.status} when reading ${issueKey}. Reload the issue to try again.`,
      response.status,
    );
  }
  return (await response.json()) as RawIssue;
}

/**
 * Whether the viewer may change the roles, from the same issue read: Jira's `editmeta` lists the fields the
 * person may edit and is empty for someone without EDIT_ISSUES (or on an issue its workflow locks). It only
 * decides which controls to show; every write is checked again by the server as that person.
 */
const canEditFrom = (issue: RawIssue): boolean => Object.keys(issue.editmeta?.fields ?? {}).length > 0;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The `accord-responses` property: a list of responses, or `{ responses: [...] }`; bad entries are skipped. */
export function readResponses(raw: unknown): RoleResponse[] {
  const list: unknown = Array.isArray(raw)
    ? raw
    : typeof raw === 'object' && raw !== null
      ? (raw as { responses?: unknown }).responses
      : undefined;
  if (!Array.isArray(list)) return [];
  const out: RoleResponse[] = [];
  for (const entry of list as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const e = entry as Record<string, unknown>;
    const accountId = str(e.accountId);
    const at = str(e.at);
    if (!accountId || !at || (e.kind !== 'sign-off' && e.kind !== 'acknowledge')) continue;
    const commentId = str(e.commentId);
    out.push({ accountId, kind: e.kind, at, ...(commentId ? { commentId } : {}) });
  }
  return out;
}

/** Only responses of people who still hold the matching role count (as `roles/get` does). */
function matchResponses(stored: readonly RoleResponse[], effective: EffectiveRoles): RoleResponse[] {
  const holders = (roles: readonly string[]) =>
    new Set(effective.assignments.filter((a) => roles.includes(a.role)).map((a) => a.accountId));
  const signers = holders(['consulted', 'contributor']);
  const informed = holders(['informed']);
  return stored.filter((r) => (r.kind === 'sign-off' ? signers.has(r.accountId) : informed.has(r.accountId)));
}

/** True when the issue blocks another: other teams depend on it, so someone should be Informed. */
function hasDependents(issue: RawIssue): boolean {
  return (issue.fields?.issuelinks ?? []).some(
    (link) => str(link.type?.name)?.toLowerCase() === 'blocks' && link.outwardIssue !== undefined,
  );
}

/** Reads everything the Roles panel shows for `issueKey`, as the viewer. */
export async function readRoles(request: JiraRequest, issueKey: string): Promise<PanelData> {
  // One call: the issue, its roles and responses, and (editmeta) whether the viewer may edit it.
  const issue = await readIssue(
    request,
    issueKey,
    'summary,issuetype,parent,issuelinks',
    `${ROLES_PROPERTY_KEY},${RESPONSES_PROPERTY_KEY},${DECISIONS_PROPERTY_KEY},${BRIEF_LINK_PROPERTY_KEY}`,
    'editmeta',
  );
  if (!issue) throw new JiraReadError(notVisible(issueKey), 404);
  const canEdit = canEditFrom(issue);

  const own = readRolesProperty(issue.properties?.[ROLES_PROPERTY_KEY]);
  const issueTypeName = str(issue.fields?.issuetype?.name);
  const parentKey = str(issue.fields?.parent?.key);
  const chain: RolesChainLink[] = [
    { issueKey, ...(issueTypeName ? { issueTypeName } : {}), property: own.property },
  ];
  // Ancestors only when the issue has nothing of its own; stop at the first with roles or one we cannot see.
  // "Part of brief X": the issue's own `accord-brief`, else the nearest ancestor's read on the walk below.
  let briefLink = readBriefLink(issue.properties?.[BRIEF_LINK_PROPERTY_KEY], issueKey);
  let next = own.property ? undefined : parentKey;
  const seen = new Set([issueKey]);
  while (next && !seen.has(next) && chain.length <= MAX_ANCESTORS) {
    seen.add(next);
    const ancestor = await readIssue(
      request,
      next,
      'issuetype,parent',
      `${ROLES_PROPERTY_KEY},${BRIEF_LINK_PROPERTY_KEY}`,
    );
    if (!ancestor) break;
    briefLink ??= readBriefLink(ancestor.properties?.[BRIEF_LINK_PROPERTY_KEY], next);
    const reading = readRolesProperty(ancestor.properties?.[ROLES_PROPERTY_KEY]);
    chain.push({ issueKey: next, property: reading.property });
    if (reading.property && reading.property.assignments.length > 0) break;
    next = str(ancestor.fields?.parent?.key);
  }
  const effective = resolveEffectiveRoles(chain);
  const responses = matchResponses(readResponses(issue.properties?.[RESPONSES_PROPERTY_KEY]), effective);
  // Who saved the roles shown: the issue itself, or the ancestor they are inherited from.
  const donor =
    effective.source === 'issue'
      ? own.property
      : chain.find((link) => link.issueKey === effective.inheritedFrom)?.property;
  const updatedBy = donor?.updatedBy || undefined;
  const updatedAt = donor?.updatedAt || undefined;

  let people: Map<string, Person> = new Map();
  let peopleError: string | undefined;
  const ids = [
    ...effective.assignments.map((a) => a.accountId),
    ...responses.map((r) => r.accountId),
    ...(updatedBy ? [updatedBy] : []),
  ];
  if (ids.length > 0) {
    try {
      people = await fetchPeople(request, ids);
    } catch {
      peopleError = PEOPLE_ERROR;
    }
  }
  const displayName = (id: string) => people.get(id)?.displayName;
  const findings = [
    ...own.findings,
    ...(effective.source === 'none'
      ? []
      : findRoleIssues(effective.framework, effective.assignments, {
          hasDependents: hasDependents(issue),
          displayName,
        })),
  ];

  const view: RolesView = {
    issueKey: str(issue.key) ?? issueKey,
    framework: effective.framework,
    assignments: effective.assignments,
    source: effective.source,
    ...(effective.inheritedFrom ? { inheritedFrom: effective.inheritedFrom } : {}),
    findings,
    // A later save must be based on the issue's own stored revision, even when it reads as no roles.
    revision: own.revision,
    responses,
    canEdit,
    ...(updatedAt ? { updatedAt } : {}),
    ...(updatedBy ? { updatedBy } : {}),
  };
  return {
    view,
    summary: str(issue.fields?.summary) ?? '',
    ...(issueTypeName ? { issueTypeName } : {}),
    ...(parentKey ? { parentKey } : {}),
    people,
    ...(peopleError ? { peopleError } : {}),
    decisions: readIssueDecisions(issue.properties?.[DECISIONS_PROPERTY_KEY]),
    ...(briefLink ? { briefLink } : {}),
  };
}
