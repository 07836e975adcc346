import type { EpochStore } from './ports';

/** Changelog fields that can move a roll-up number (Jira names them in lower or title case). */
const COUNTED_FIELDS = new Set([
  'status',
  'resolution',
  'duedate',
  'parent',
  'issueparentassociation',
  'epic link',
  'issuetype',
  'labels',
  'project',
  'key',
]);

/** True when a change to these fields can move a count, a due date or the scope of an initiative. */
export const movesCounts = (fields: readonly string[]): boolean =>
  fields.some((f) => COUNTED_FIELDS.has(f.toLowerCase()));

/**
 * Ends every cached status that counts the issue's project (and those whose scope is a JQL, `*`). An edit of
 * anything else (summary, assignee, comments) costs nothing: no KVS call.
 */
export async function invalidateProgress(
  deps: { epochs: EpochStore },
  input: { issueKey: string; created?: boolean; deleted?: boolean; fields: readonly string[] },
): Promise<boolean> {
  if (!input.created && !input.deleted && !movesCounts(input.fields)) return false;
  await endCachedStatusesOf(deps.epochs, input.issueKey);
  return true;
}

/** Ends the cached statuses that count the issue's project (and every JQL-scoped one). */
export async function endCachedStatusesOf(epochs: EpochStore, issueKey: string): Promise<void> {
  const dash = issueKey.lastIndexOf('-');
  const project = dash > 0 ? issueKey.slice(0, dash) : '';
  await epochs.bump(/^[A-Z][A-Z0-9_]{0,19}$/.test(project) ? [project, '*'] : ['*']);
}

/**
 * Epoch bumps held until `flush()`: a sweep that changes many issues of one project ends that project's cached
 * statuses once, after its last write, instead of once per issue (a status cached mid-sweep is still ended).
 */
export function deferredEpochBumps(epochs: EpochStore): EpochStore & { flush(): Promise<void> } {
  const pending = new Set<string>();
  return {
    read: (projects) => epochs.read(projects),
    bump: (projects) => {
      projects.forEach((p) => pending.add(p));
      return Promise.resolve();
    },
    async flush() {
      if (pending.size === 0) return;
      const projects = [...pending];
      pending.clear();
      await epochs.bump(projects);
    },
  };
}
