import { readRolesProperty, ROLES_PROPERTY_KEY, type RolesChainLink } from '../domain/roles';
import { BULK_FETCH_LIMIT } from './bulk-limits';
import type { IssueBulkReader, IssueSnapshot } from './ports';

/**
 * The inheritance walk of the Roles panel (`loadRolesState`), over issues already read in bulk: an issue without
 * roles of its own inherits from the nearest ancestor that holds assignments.
 */
const ownProperty = (issue: IssueSnapshot) =>
  readRolesProperty(issue.properties[ROLES_PROPERTY_KEY]).property;

const holdsRoles = (issue: IssueSnapshot) => (ownProperty(issue)?.assignments.length ?? 0) > 0;

/**
 * Loads into `known`, one bulk fetch per level (at most 100 keys a call), the ancestors the walk would read for
 * `issues` that have no roles of their own, climbing at most `maxLevels` and only past ancestors that hold none.
 * As the reader's caller: an ancestor they cannot browse is simply absent.
 */
export async function loadRoleAncestors(
  reader: Pick<IssueBulkReader, 'fetchIssues'>,
  issues: readonly IssueSnapshot[],
  known: Map<string, IssueSnapshot>,
  maxLevels: number,
): Promise<void> {
  let frontier = issues.filter((i) => ownProperty(i) === undefined);
  for (let level = 0; level < maxLevels && frontier.length > 0; level++) {
    const missing = [
      ...new Set(frontier.map((i) => i.parentKey).filter((k): k is string => !!k && !known.has(k))),
    ];
    for (let i = 0; i < missing.length; i += BULK_FETCH_LIMIT) {
      const fetched = await reader.fetchIssues(missing.slice(i, i + BULK_FETCH_LIMIT), {
        properties: [ROLES_PROPERTY_KEY],
      });
      for (const f of fetched) known.set(f.key, f);
    }
    frontier = frontier
      .map((i) => (i.parentKey ? known.get(i.parentKey) : undefined))
      .filter((p): p is IssueSnapshot => p !== undefined && !holdsRoles(p));
  }
}

/** The ancestors the walk reads for `issue`, nearest first, from what `known` holds (at most `maxLevels`). */
export function roleAncestorChain(
  issue: IssueSnapshot,
  known: ReadonlyMap<string, IssueSnapshot>,
  maxLevels: number,
): RolesChainLink[] {
  const chain: RolesChainLink[] = [];
  const seen = new Set([issue.key]);
  let key = issue.parentKey;
  while (key && !seen.has(key) && chain.length < maxLevels) {
    seen.add(key);
    const parent = known.get(key);
    if (!parent) break;
    const property = ownProperty(parent);
    chain.push({ issueKey: parent.key, issueTypeName: parent.issueType.name, property });
    if (property && property.assignments.length > 0) break;
    key = parent.parentKey;
  }
  return chain;
}
