import type { Assignment, Finding, Framework, Role } from '../../shared/roles';
import { capitalise, describePeople, type DisplayNameLookup } from './people-names';
import { isRoleOf } from './role-catalog';

/** Codes of the findings Accord shows beside the roles (shown, never refused). */
export type FindingCode =
  | 'no-accountable'
  | 'no-responsible'
  | 'no-approver'
  | 'no-driver'
  | 'driver-is-approver'
  | 'too-many-consulted'
  | 'too-many-contributors'
  | 'nobody-informed-with-dependents'
  | 'roles-property-unreadable'
  | 'roles-property-damaged';

/** A finding with a code from {@link FindingCode}. */
export interface RolesFinding extends Finding {
  code: FindingCode;
}

export interface FindingOptions {
  /** True when issues of other teams depend on this one (for example via "blocks" links). */
  hasDependents?: boolean;
  /** More Consulted (RACI) or Contributors (DACI) than this draws a warning. */
  consultedThreshold?: number;
  displayName?: DisplayNameLookup;
}

/** The default for {@link FindingOptions.consultedThreshold}. */
export const DEFAULT_CONSULTED_THRESHOLD = 5;

/** Finds what is missing or doubtful in a set of roles; errors first, then warnings. */
export function findRoleIssues(
  framework: Framework,
  assignments: readonly Assignment[],
  options: FindingOptions = {},
): RolesFinding[] {
  const threshold = options.consultedThreshold ?? DEFAULT_CONSULTED_THRESHOLD;
  const holders = holdersByRole(framework, assignments);
  const count = (role: Role): number => holders.get(role)?.length ?? 0;
  const findings: RolesFinding[] = [];

  if (framework === 'RACI') {
    if (count('accountable') === 0) {
      findings.push(
        error('no-accountable', 'No one is Accountable yet. Add the one person who answers for the outcome.'),
      );
    }
    if (count('responsible') === 0) {
      findings.push(error('no-responsible', 'No one is Responsible yet. Add the person doing the work.'));
    }
  } else {
    if (count('approver') === 0) {
      findings.push(
        error('no-approver', 'No one approves this decision yet. Add the one person who makes the call.'),
      );
    }
    if (count('driver') === 0) {
      findings.push(
        error(
          'no-driver',
          'No one drives this decision yet. Add a Driver to gather input and move it to a decision.',
        ),
      );
    }
    const approvers = new Set(holders.get('approver'));
    const both = (holders.get('driver') ?? []).filter((id) => approvers.has(id));
    if (both.length > 0) {
      findings.push(
        warning(
          'driver-is-approver',
          capitalise(
            `${describePeople(both, options.displayName)} both drives and approves this decision. ` +
              'Ask someone else to approve it, so the decision gets a second pair of eyes.',
          ),
        ),
      );
    }
  }

  const consultRole: Role = framework === 'RACI' ? 'consulted' : 'contributor';
  const consulted = count(consultRole);
  if (consulted > threshold) {
    findings.push(
      framework === 'RACI'
        ? warning(
            'too-many-consulted',
            `${consulted} people are Consulted, more than ${threshold}. Waiting on everyone slows the work: ` +
              'make those who only need updates Informed instead.',
          )
        : warning(
            'too-many-contributors',
            `${consulted} people are Contributors, more than ${threshold}. Waiting on everyone slows the ` +
              'decision: make those who only need the outcome Informed instead.',
          ),
    );
  }

  if (options.hasDependents === true && count('informed') === 0) {
    findings.push(
      warning(
        'nobody-informed-with-dependents',
        'Other teams depend on this issue, but no one is Informed. Add the people who need to hear about progress.',
      ),
    );
  }
  return findings;
}

/** Distinct holders of each role of the framework, in assignment order; other roles are ignored. */
function holdersByRole(framework: Framework, assignments: readonly Assignment[]): Map<Role, string[]> {
  const holders = new Map<Role, string[]>();
  for (const { accountId, role } of assignments) {
    if (!isRoleOf(framework, role)) continue;
    const list = holders.get(role) ?? [];
    if (!list.includes(accountId)) list.push(accountId);
    holders.set(role, list);
  }
  return holders;
}

/** Builds an error finding. */
export function error(code: FindingCode, message: string): RolesFinding {
  return { severity: 'error', code, message };
}

/** Builds a warning finding. */
export function warning(code: FindingCode, message: string): RolesFinding {
  return { severity: 'warning', code, message };
}
