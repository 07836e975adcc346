import type { RoleResponse, RolesView } from '../shared/roles';
import {
  findRoleIssues,
  readRolesProperty,
  resolveEffectiveRoles,
  ROLES_PROPERTY_KEY,
  type EffectiveRoles,
  type RolesChainLink,
  type RolesProperty,
  type RolesPropertyReading,
} from '../domain/roles';
import type { IssueSnapshot, IssueTracker } from './ports';
import { AppError } from './errors';

/** The issue property where sign-offs and acknowledgements are kept. */
export const RESPONSES_PROPERTY_KEY = 'accord-responses';

/** subtask → story → epic → initiative: four levels above an issue is as deep as Jira hierarchies go. */
const MAX_ANCESTORS = 4;

/** Everything the roles use cases know about one issue after reading it as the caller. */
export interface RolesState {
  issue: IssueSnapshot;
  /** The issue's own `accord-roles` property, read defensively. */
  own: RolesPropertyReading;
  /** True when the issue stores an `accord-roles` property at all (even an unreadable one). */
  hasOwnProperty: boolean;
  /** Ancestors read, nearest first; empty when the issue's own roles made the walk unnecessary. */
  ancestors: RolesChainLink[];
  effective: EffectiveRoles;
  /** Stored responses, not yet matched against who holds which role. */
  storedResponses: RoleResponse[];
}

export function notFound(issueKey: string): AppError {
  return new AppError(
    'NOT_FOUND',
    `Issue ${issueKey} does not exist or you do not have permission to see it.`,
  );
}

/**
 * Reads an issue's roles as the caller: one call for the issue with its `accord-roles` and `accord-responses`
 * properties and links; only when it has no roles of its own, its parents one by one (as the caller, so roles of
 * an ancestor they cannot browse are never shown), stopping at the first with roles. `walk: 'always'` reads the
 * ancestors even then (reset needs to know what the issue would inherit).
 */
export async function loadRolesState(
  jira: IssueTracker,
  issueKey: string,
  walk: 'if-needed' | 'always' = 'if-needed',
): Promise<RolesState> {
  const issue = await jira.getIssue(issueKey, {
    properties: [ROLES_PROPERTY_KEY, RESPONSES_PROPERTY_KEY],
    links: true,
  });
  if (!issue) throw notFound(issueKey);
  const raw = issue.properties[ROLES_PROPERTY_KEY];
  const own = readRolesProperty(raw);
  const ancestors = own.property && walk === 'if-needed' ? [] : await readAncestors(jira, issue);
  const effective = resolveEffectiveRoles([
    { issueKey: issue.key, issueTypeName: issue.issueType.name, property: own.property },
    ...ancestors,
  ]);
  return {
    issue,
    own,
    hasOwnProperty: raw !== undefined && raw !== null,
    ancestors,
    effective,
    storedResponses: readResponses(issue.properties[RESPONSES_PROPERTY_KEY]),
  };
}

async function readAncestors(jira: IssueTracker, issue: IssueSnapshot): Promise<RolesChainLink[]> {
  const chain: RolesChainLink[] = [];
  const seen = new Set([issue.key]);
  let key = issue.parentKey;
  // Sequential by nature: each parent's key is only known from its child.
  while (key && !seen.has(key) && chain.length < MAX_ANCESTORS) {
    seen.add(key);
    const parent = await jira.getIssue(key, { properties: [ROLES_PROPERTY_KEY] });
    if (!parent) break;
    const { property } = readRolesProperty(parent.properties[ROLES_PROPERTY_KEY]);
    chain.push({ issueKey: parent.key, issueTypeName: parent.issueType.name, property });
    if (property && property.assignments.length > 0) break;
    key = parent.parentKey;
  }
  return chain;
}

/** The Consulted threshold: a number, or a read of the site settings (done in parallel with Jira). */
export type ThresholdSource = number | (() => Promise<number>);

/** Resolves a threshold source; a failing settings read falls back to the domain default, never fails the call. */
export async function readThreshold(source: ThresholdSource | undefined): Promise<number | undefined> {
  if (source === undefined || typeof source === 'number') return source;
  try {
    return await source();
  } catch (e) {
    console.error('Accord could not read its settings:', e instanceof Error ? e.message : String(e));
    return undefined;
  }
}

export interface ViewOptions {
  canEdit?: boolean;
  consultedThreshold?: number;
}

/** The RolesView of a state; `effective`/`own` may be replaced by what a write just stored. */
export function toRolesView(
  state: Pick<RolesState, 'issue' | 'ancestors' | 'storedResponses'> & {
    own: RolesPropertyReading;
    effective: EffectiveRoles;
  },
  options: ViewOptions = {},
): RolesView {
  const { issue, own, effective } = state;
  const donor =
    effective.source === 'issue'
      ? own.property
      : state.ancestors.find((a) => a.issueKey === effective.inheritedFrom)?.property;
  const hasDependents = (issue.links ?? []).some(
    (l) => l.direction === 'outward' && l.type.toLowerCase() === 'blocks',
  );
  const findings =
    effective.source === 'none'
      ? [...own.findings]
      : [
          ...own.findings,
          ...findRoleIssues(effective.framework, effective.assignments, {
            hasDependents,
            ...(options.consultedThreshold !== undefined
              ? { consultedThreshold: options.consultedThreshold }
              : {}),
          }),
        ];
  return {
    issueKey: issue.key,
    framework: effective.framework,
    assignments: effective.assignments,
    source: effective.source,
    ...(effective.inheritedFrom ? { inheritedFrom: effective.inheritedFrom } : {}),
    findings,
    // The issue's own stored revision, even when its roles are inherited or unreadable: a write must be based on it.
    revision: own.revision,
    responses: matchResponses(state.storedResponses, effective),
    ...(options.canEdit !== undefined ? { canEdit: options.canEdit } : {}),
    ...(donor?.updatedAt ? { updatedAt: donor.updatedAt } : {}),
    ...(donor?.updatedBy ? { updatedBy: donor.updatedBy } : {}),
  };
}

/** The state after the issue's own roles became `property` (a write the caller just made). */
export function withOwnProperty(state: RolesState, property: RolesProperty): RolesState {
  return {
    ...state,
    own: { property, revision: property.revision, findings: [] },
    hasOwnProperty: true,
    effective: resolveEffectiveRoles([
      { issueKey: state.issue.key, issueTypeName: state.issue.issueType.name, property },
    ]),
  };
}

/** Only responses of people who still hold the matching role count. */
function matchResponses(stored: readonly RoleResponse[], effective: EffectiveRoles): RoleResponse[] {
  const holders = (roles: readonly string[]) =>
    new Set(effective.assignments.filter((a) => roles.includes(a.role)).map((a) => a.accountId));
  const signers = holders(['consulted', 'contributor']);
  const informed = holders(['informed']);
  return stored.filter((r) => (r.kind === 'sign-off' ? signers.has(r.accountId) : informed.has(r.accountId)));
}

/** The stored document of `accord-responses`. */
export interface ResponsesProperty {
  version: 1;
  responses: RoleResponse[];
}

/** Reads `accord-responses` defensively: entries that are not well-formed are skipped. */
export function readResponses(raw: unknown): RoleResponse[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const list = (raw as { responses?: unknown }).responses;
  if (!Array.isArray(list)) return [];
  const out: RoleResponse[] = [];
  for (const r of list as unknown[]) {
    if (typeof r !== 'object' || r === null) continue;
    const { accountId, kind, at, commentId } = r as Record<string, unknown>;
    if (typeof accountId !== 'string' || typeof at !== 'string') continue;
    if (kind !== 'sign-off' && kind !== 'acknowledge') continue;
    out.push({ accountId, kind, at, ...(typeof commentId === 'string' ? { commentId } : {}) });
  }
  return out;
}
