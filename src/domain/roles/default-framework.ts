import type { Framework } from '../../shared/roles';

/** Issue type name → framework; types not listed use RACI. Admins may extend it. */
export type FrameworkByIssueType = Readonly<Record<string, Framework>>;

/** Decisions are made with DACI; everything else is work done with RACI. */
export const DEFAULT_FRAMEWORK_BY_ISSUE_TYPE: FrameworkByIssueType = { Decision: 'DACI' };

/** The framework a new set of roles starts with, by issue type name (case and spacing ignored). */
export function defaultFrameworkFor(
  issueTypeName: string | undefined,
  map: FrameworkByIssueType = DEFAULT_FRAMEWORK_BY_ISSUE_TYPE,
  fallback: Framework = 'RACI',
): Framework {
  if (issueTypeName === undefined) return fallback;
  const wanted = normalise(issueTypeName);
  // Jira treats issue type names case-insensitively, so "decision" and "Decision " mean the same type.
  for (const [name, framework] of Object.entries(map)) if (normalise(name) === wanted) return framework;
  return fallback;
}

function normalise(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
