import type { Assignment, Framework } from '../../shared/roles';
import { defaultFrameworkFor, type FrameworkByIssueType } from './default-framework';
import type { RolesProperty } from './roles-property';
import { NO_REVISION } from './revision';

/** One issue of an inheritance chain with its parsed `accord-roles` property, if it has one. */
export interface RolesChainLink {
  issueKey: string;
  issueTypeName?: string;
  property?: RolesProperty | undefined;
}

/** The roles that apply to an issue and where they come from. */
export interface EffectiveRoles {
  source: 'issue' | 'inherited' | 'none';
  inheritedFrom?: string;
  framework: Framework;
  assignments: Assignment[];
  /** The issue's own revision (0 when it has none): a save must be based on it even when roles are inherited. */
  revision: number;
}

export interface EffectiveRolesOptions {
  frameworkByIssueType?: FrameworkByIssueType;
}

/**
 * Resolves the roles of `chain[0]` given its ancestors nearest first: its own roles, else the nearest ancestor's
 * non-empty roles, else none with the default framework for its issue type.
 */
export function resolveEffectiveRoles(
  chain: readonly RolesChainLink[],
  options: EffectiveRolesOptions = {},
): EffectiveRoles {
  const [issue, ...ancestors] = chain;
  const own = issue?.property;
  // An issue's own property wins even when empty: clearing roles on purpose must not bring the parent's back.
  if (own) {
    return {
      source: 'issue',
      framework: own.framework,
      assignments: own.assignments.map(copy),
      revision: own.revision,
    };
  }
  // An ancestor with an empty list has nothing to hand down, so keep looking further up.
  const donor = ancestors.find((link) => link.property && link.property.assignments.length > 0);
  if (donor?.property) {
    return {
      source: 'inherited',
      inheritedFrom: donor.issueKey,
      framework: donor.property.framework,
      assignments: donor.property.assignments.map(copy),
      revision: NO_REVISION,
    };
  }
  return {
    source: 'none',
    framework: defaultFrameworkFor(issue?.issueTypeName, options.frameworkByIssueType),
    assignments: [],
    revision: NO_REVISION,
  };
}

function copy(a: Assignment): Assignment {
  return { accountId: a.accountId, role: a.role };
}
