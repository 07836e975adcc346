import type { Assignment, Framework, HistoryEntry, Role } from '../shared/roles';
import {
  buildRolesProperty,
  checkHardRules,
  diffAssignments,
  isStale,
  nextRevision,
  type AssignmentInput,
  type RolesProperty,
  type RolesPropertyReading,
} from '../domain/roles';
import type { RolesAuditRecord } from './ports';
import { AppError } from './errors';

/**
 * The one truth for changing an issue's roles, shared by the Roles panel (`setRoles`) and bulk apply
 * (`applyRolesBatch`): input rules, the revision check, no-op detection, the stored document and the audit line.
 * Pure: no I/O, the instant comes in as `at`.
 */

/** A requested change of one issue's roles, by one person. */
export interface RolesChange {
  /** Who makes the change (from the platform context or the job's owner, never from a payload). */
  accountId: string;
  framework: Framework;
  assignments: readonly AssignmentInput[];
  /** The revision the change was based on (0 when the issue had no roles of its own). */
  revision: number;
  action: 'set' | 'bulk-apply';
}

/**
 * Checks a change before anything is read: a whole revision of 0 or more, then the hard rules. Returns the
 * assignments typed as roles. Throws AppError INVALID_INPUT | RULE_VIOLATION.
 */
export function validateRolesChange(
  change: Pick<RolesChange, 'framework' | 'assignments' | 'revision'>,
): Assignment[] {
  if (!Number.isSafeInteger(change.revision) || change.revision < 0) {
    throw new AppError(
      'INVALID_INPUT',
      'The revision must be a whole number of 0 or more. Reload the issue.',
    );
  }
  const violations = checkHardRules(change.framework, change.assignments);
  if (violations.length > 0) {
    throw new AppError('RULE_VIOLATION', violations.map((v) => v.message).join(' '), { violations });
  }
  // The hard rules above proved every role belongs to the framework.
  return change.assignments.map((a) => ({ accountId: a.accountId, role: a.role as Role }));
}

export type RolesDecision =
  /** The change was based on an older revision than the stored one: refuse it (CONFLICT). */
  | { kind: 'stale' }
  /** The issue already has exactly these roles, stored cleanly: write nothing. */
  | { kind: 'unchanged' }
  /** Store `property` on the issue, then record `audit`. */
  | { kind: 'write'; property: RolesProperty; audit: RolesAuditRecord };

export interface RolesDecisionInput {
  /** The issue's key as Jira returned it. */
  issueKey: string;
  /** The issue's own `accord-roles`, as read (defensively) from Jira. */
  own: RolesPropertyReading;
  /**
   * Whether the issue would otherwise inherit roles from an ancestor; `'unknown'` when the caller did not walk
   * the ancestors (bulk apply). Only matters for an empty list on an issue without roles of its own.
   */
  inheritsRoles: boolean | 'unknown';
  change: RolesChange;
  /** ISO 8601 instant of the change. */
  at: string;
}

/**
 * Decides what a change does to one issue. Throws AppError INVALID_INPUT | RULE_VIOLATION for a change that is
 * refused whatever the issue holds (see `validateRolesChange`).
 */
export function decideRolesChange(input: RolesDecisionInput): RolesDecision {
  const { own, change } = input;
  const assignments = validateRolesChange(change);
  if (isStale(change.revision, own.revision)) return { kind: 'stale' };

  const before = own.property;
  const changes = diffAssignments(before?.assignments ?? [], assignments);
  const unchanged = before
    ? before.framework === change.framework && changes.length === 0
    : // No roles of its own: an empty list changes nothing unless it would hide inherited roles.
      assignments.length === 0 && input.inheritsRoles === false;
  if (unchanged && own.findings.length === 0) return { kind: 'unchanged' };

  const property = buildRolesProperty({
    framework: change.framework,
    assignments,
    revision: nextRevision(own.revision),
    updatedAt: input.at,
    updatedBy: change.accountId,
  });
  const entry: HistoryEntry = {
    at: input.at,
    accountId: change.accountId,
    action: change.action,
    changes,
    ...(before ? { frameworkBefore: before.framework } : {}),
    frameworkAfter: change.framework,
  };
  return {
    kind: 'write',
    property,
    audit: {
      issueKey: input.issueKey,
      at: input.at,
      accountId: change.accountId,
      action: change.action,
      entry,
    },
  };
}
