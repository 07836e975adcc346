import type { Assignment, Framework, Role } from '../../shared/roles';
import { isValidAccountId } from './account-id';
import { error, type RolesFinding, warning } from './findings';
import { checkHardRules } from './hard-rules';
import { ALL_ROLES, isFramework, isRoleOf } from './role-catalog';

/** The Jira issue property that holds an issue's roles. */
export const ROLES_PROPERTY_KEY = 'accord-roles';

/** The document version this code writes and reads. */
export const ROLES_PROPERTY_VERSION = 1;

/**
 * The stored document. `assignments` is the truth; the per-role arrays repeat it at top level because the
 * `jira:entityProperty` module indexes those paths as `user` values (JQL `accordAccountable = currentUser()`).
 */
export interface RolesProperty {
  version: 1;
  framework: Framework;
  assignments: Assignment[];
  revision: number;
  /** ISO 8601 instant of the last save. */
  updatedAt: string;
  /** Account id of whoever saved last. */
  updatedBy: string;
  responsible: string[];
  accountable: string[];
  consulted: string[];
  informed: string[];
  driver: string[];
  approver: string[];
  contributor: string[];
}

export interface RolesPropertyInput {
  framework: Framework;
  assignments: readonly Assignment[];
  revision: number;
  updatedAt: string;
  updatedBy: string;
}

/** Builds the document to store from assignments that passed the hard rules. */
export function buildRolesProperty(input: RolesPropertyInput): RolesProperty {
  const assignments = uniqueAssignments(input.assignments);
  const byRole = (role: Role): string[] => {
    const ids: string[] = [];
    for (const a of assignments) if (a.role === role && !ids.includes(a.accountId)) ids.push(a.accountId);
    return ids;
  };
  return {
    version: ROLES_PROPERTY_VERSION,
    framework: input.framework,
    assignments,
    revision: input.revision,
    updatedAt: input.updatedAt,
    updatedBy: input.updatedBy,
    responsible: byRole('responsible'),
    accountable: byRole('accountable'),
    consulted: byRole('consulted'),
    informed: byRole('informed'),
    driver: byRole('driver'),
    approver: byRole('approver'),
    contributor: byRole('contributor'),
  };
}

/** What reading a stored property gave: the roles (if any), the revision to base the next write on, findings. */
export interface RolesPropertyReading {
  property: RolesProperty | undefined;
  /** The stored revision when it could be read, else 0; a later write must be based on it. */
  revision: number;
  findings: RolesFinding[];
}

const REPAIR_HINT = 'Save the roles again to repair them.';

/** Reads a stored property value; bad data reads as "no roles" plus a finding, never as an exception. */
export function readRolesProperty(raw: unknown): RolesPropertyReading {
  if (raw === undefined || raw === null) return { property: undefined, revision: 0, findings: [] };
  const value = typeof raw === 'string' ? parseJson(raw) : raw;
  if (!isRecord(value)) return unreadable(0, 'The stored roles on this issue are not a roles document.');

  const revision = isRevision(value.revision) ? value.revision : 0;
  if (value.version !== ROLES_PROPERTY_VERSION) {
    const newer = typeof value.version === 'number' && value.version > ROLES_PROPERTY_VERSION;
    return unreadable(
      revision,
      newer
        ? 'The roles on this issue were saved by a newer version of Accord, so they cannot be shown here.'
        : 'The stored roles on this issue have an unknown format.',
    );
  }
  if (!isRevision(value.revision)) {
    return unreadable(0, 'The stored roles on this issue have no valid revision number.');
  }
  if (!isFramework(value.framework)) {
    return unreadable(revision, 'The stored roles on this issue name no known framework (RACI or DACI).');
  }
  if (!Array.isArray(value.assignments)) {
    return unreadable(revision, 'The stored roles on this issue have no list of people.');
  }

  const framework = value.framework;
  const damage: string[] = [];
  const kept: Assignment[] = [];
  let dropped = 0;
  for (const entry of value.assignments as unknown[]) {
    if (isRecord(entry) && isValidAccountId(entry.accountId) && isRoleOf(framework, entry.role)) {
      kept.push({ accountId: entry.accountId, role: entry.role });
    } else {
      dropped += 1;
    }
  }
  if (dropped > 0) {
    damage.push(
      `${dropped} stored ${dropped === 1 ? 'entry was' : 'entries were'} unreadable and ${dropped === 1 ? 'is' : 'are'} not shown.`,
    );
  }
  const updatedAt = typeof value.updatedAt === 'string' ? value.updatedAt : '';
  const updatedBy = typeof value.updatedBy === 'string' ? value.updatedBy : '';
  if (updatedAt === '' || updatedBy === '') damage.push('The record of who saved them last is missing.');

  const property = buildRolesProperty({ framework, assignments: kept, revision, updatedAt, updatedBy });
  if (property.assignments.length < kept.length)
    damage.push('Some people were listed twice in the same role.');
  if (ALL_ROLES.some((role) => !sameIds(value[role], property[role]))) {
    damage.push('The search index copy disagrees with the list, so JQL searches may miss this issue.');
  }
  // Data written around Accord (REST, another app) may break rules a save would have refused.
  for (const violation of checkHardRules(framework, property.assignments)) damage.push(violation.message);

  const findings =
    damage.length === 0
      ? []
      : [
          warning(
            'roles-property-damaged',
            `The stored roles on this issue were damaged. ${damage.join(' ')} ${REPAIR_HINT}`,
          ),
        ];
  return { property, revision, findings };
}

function unreadable(revision: number, why: string): RolesPropertyReading {
  return {
    property: undefined,
    revision,
    findings: [error('roles-property-unreadable', `${why} They are shown as no roles. ${REPAIR_HINT}`)],
  };
}

function uniqueAssignments(assignments: readonly Assignment[]): Assignment[] {
  const seen = new Set<string>();
  const out: Assignment[] = [];
  for (const { accountId, role } of assignments) {
    const key = `${accountId}\u0000${role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ accountId, role });
  }
  return out;
}

function sameIds(stored: unknown, expected: readonly string[]): boolean {
  // JQL ignores order, so only the set of ids matters.
  if (stored === undefined) return expected.length === 0;
  if (!Array.isArray(stored)) return false;
  const ids = new Set<unknown>(stored);
  return ids.size === expected.length && expected.every((id) => ids.has(id));
}

function isRevision(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  // Some tools store the document as a JSON string instead of an object; accept that once.
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
