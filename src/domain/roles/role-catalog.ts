import type { DaciRole, Framework, RaciRole, Role } from '../../shared/roles';

/** Both frameworks Accord supports. */
export const FRAMEWORKS: readonly Framework[] = ['RACI', 'DACI'];

/** RACI roles in the order people read them in a matrix. */
export const RACI_ROLES: readonly RaciRole[] = ['responsible', 'accountable', 'consulted', 'informed'];

/** DACI roles in the order people read them in a decision. */
export const DACI_ROLES: readonly DaciRole[] = ['driver', 'approver', 'contributor', 'informed'];

/** Every role of either framework, each once (`informed` is shared). */
export const ALL_ROLES: readonly Role[] = [
  'responsible',
  'accountable',
  'consulted',
  'informed',
  'driver',
  'approver',
  'contributor',
];

/** The word a person reads for each role. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  responsible: 'Responsible',
  accountable: 'Accountable',
  consulted: 'Consulted',
  informed: 'Informed',
  driver: 'Driver',
  approver: 'Approver',
  contributor: 'Contributor',
};

/** Roles that at most one person may hold in a framework. */
export const UNIQUE_ROLES: Readonly<Record<Framework, readonly Role[]>> = {
  RACI: ['accountable'],
  DACI: ['driver', 'approver'],
};

/** The same idea in the other framework, used to suggest a fix when someone picks the wrong one. */
export const COUNTERPART_ROLE: Readonly<Partial<Record<Role, Role>>> = {
  accountable: 'approver',
  approver: 'accountable',
  responsible: 'driver',
  driver: 'responsible',
  consulted: 'contributor',
  contributor: 'consulted',
};

/** The roles of a framework. */
export function rolesOf(framework: Framework): readonly Role[] {
  return framework === 'RACI' ? RACI_ROLES : DACI_ROLES;
}

/** True when `value` is one of the two framework names. */
export function isFramework(value: unknown): value is Framework {
  return value === 'RACI' || value === 'DACI';
}

/** True when `value` is any known role name (of either framework). */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ALL_ROLES as readonly string[]).includes(value);
}

/** True when `role` belongs to `framework`. */
export function isRoleOf(framework: Framework, role: unknown): role is Role {
  return typeof role === 'string' && (rolesOf(framework) as readonly string[]).includes(role);
}

/** True when at most one person may hold `role` in `framework`. */
export function isUniqueRole(framework: Framework, role: Role): boolean {
  return UNIQUE_ROLES[framework].includes(role);
}
