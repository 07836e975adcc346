import type { Framework, Role } from '../../shared/roles';
import { isValidAccountId } from './account-id';
import { capitalise, describePeople, type DisplayNameLookup, nameOf, quoteInput } from './people-names';
import { COUNTERPART_ROLE, isRole, isRoleOf, ROLE_LABELS, rolesOf, UNIQUE_ROLES } from './role-catalog';

/** The rules whose breach refuses a save. */
export type HardRule =
  | 'single-accountable'
  | 'single-driver'
  | 'single-approver'
  | 'unknown-role'
  | 'duplicate-assignment'
  | 'malformed-account-id';

/** One reason a save is refused; `message` is a sentence a person can act on. */
export interface RuleViolation {
  code: 'RULE_VIOLATION';
  rule: HardRule;
  accountIds: string[];
  message: string;
}

/** An assignment as it arrives from a person: the role is not yet known to belong to the framework. */
export interface AssignmentInput {
  accountId: string;
  role: string;
}

export interface HardRuleOptions {
  displayName?: DisplayNameLookup;
}

const UNIQUE_RULE: Readonly<Partial<Record<Role, HardRule>>> = {
  accountable: 'single-accountable',
  driver: 'single-driver',
  approver: 'single-approver',
};

/** Checks the rules that refuse a save; an empty list means the assignments may be stored. */
export function checkHardRules(
  framework: Framework,
  assignments: readonly AssignmentInput[],
  options: HardRuleOptions = {},
): RuleViolation[] {
  const { displayName } = options;
  const violations: RuleViolation[] = [];
  const reported = new Set<string>();
  const seen = new Set<string>();
  const holders = new Map<Role, string[]>();

  const reportOnce = (key: string, violation: () => RuleViolation): void => {
    if (reported.has(key)) return;
    reported.add(key);
    violations.push(violation());
  };

  for (const { accountId, role } of assignments) {
    if (!isValidAccountId(accountId)) {
      reportOnce(`malformed:${String(accountId)}`, () => malformedAccountId(accountId));
      continue;
    }
    if (!isRoleOf(framework, role)) {
      reportOnce(`unknown:${accountId}:${role}`, () =>
        unknownRole(framework, accountId, role, nameOf(accountId, displayName)),
      );
      continue;
    }
    const pair = `${accountId}\u0000${role}`;
    if (seen.has(pair)) {
      reportOnce(`duplicate:${pair}`, () => ({
        code: 'RULE_VIOLATION',
        rule: 'duplicate-assignment',
        accountIds: [accountId],
        message: capitalise(
          `${nameOf(accountId, displayName)} is listed twice as ${ROLE_LABELS[role]}. Remove the extra entry.`,
        ),
      }));
      continue;
    }
    seen.add(pair);
    const list = holders.get(role) ?? [];
    list.push(accountId);
    holders.set(role, list);
  }

  for (const role of UNIQUE_ROLES[framework]) {
    const ids = holders.get(role) ?? [];
    const rule = UNIQUE_RULE[role];
    if (ids.length > 1 && rule) violations.push(tooManyHolders(framework, role, rule, ids, displayName));
  }
  return violations;
}

/** True when the assignments break no hard rule. */
export function passesHardRules(framework: Framework, assignments: readonly AssignmentInput[]): boolean {
  return checkHardRules(framework, assignments).length === 0;
}

function malformedAccountId(accountId: unknown): RuleViolation {
  const shown = typeof accountId === 'string' ? accountId : String(accountId);
  const message =
    shown.trim() === ''
      ? 'A person in the list has no account id. Pick them again from the people picker.'
      : `${quoteInput(shown)} is not a valid Atlassian account id. Pick the person again from the people picker.`;
  return { code: 'RULE_VIOLATION', rule: 'malformed-account-id', accountIds: [shown], message };
}

function unknownRole(framework: Framework, accountId: string, role: string, name: string): RuleViolation {
  const counterpart = isRole(role) ? COUNTERPART_ROLE[role] : undefined;
  let message: string;
  if (isRole(role) && counterpart && isRoleOf(framework, counterpart)) {
    const other = framework === 'RACI' ? 'DACI' : 'RACI';
    message =
      `${ROLE_LABELS[role]} is a ${other} role, but this issue uses ${framework}. ` +
      `Make ${name} ${article(counterpart)}${ROLE_LABELS[counterpart]} instead.`;
  } else {
    const choices = rolesOf(framework).map((r) => ROLE_LABELS[r]);
    const list = `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
    message = `${quoteInput(role)} is not a ${framework} role. Choose ${list} for ${name}.`;
  }
  return { code: 'RULE_VIOLATION', rule: 'unknown-role', accountIds: [accountId], message };
}

function tooManyHolders(
  framework: Framework,
  role: Role,
  rule: HardRule,
  ids: readonly string[],
  displayName: DisplayNameLookup | undefined,
): RuleViolation {
  const [holderId = '', ...others] = ids;
  const label = ROLE_LABELS[role];
  const holderName = nameOf(holderId, displayName, '');
  const holder = holderName === '' ? 'someone else' : holderName;
  const replace = holderName === '' ? `replace the current ${label}` : `replace ${holderName}`;
  const othersText = describePeople(others, displayName);
  // RACI: the extra Accountable usually does the work, so Responsible is the natural fit. DACI: a second
  // Driver or Approver usually has input to give, which is what a Contributor does.
  const instead = framework === 'RACI' ? 'Responsible' : others.length > 1 ? 'Contributors' : 'a Contributor';
  const title = framework === 'RACI' ? label : `the ${label}`;
  return {
    code: 'RULE_VIOLATION',
    rule,
    accountIds: [...ids],
    message: `Only one person can be ${title}: ${holder} already is. Make ${othersText} ${instead} instead, or ${replace}.`,
  };
}

function article(role: Role): string {
  // Accountable/Responsible/Consulted/Informed read as adjectives; DACI roles are nouns that need "the"/"a".
  if (role === 'driver' || role === 'approver') return 'the ';
  if (role === 'contributor') return 'a ';
  return '';
}
