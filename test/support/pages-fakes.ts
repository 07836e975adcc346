/** In-memory fakes for the overview and admin pages' ports (list-briefs, settings, the sweep). */
import type {
  Feed,
  IssueSnapshot,
  IssueTracker,
  PageDirectory,
  PageLink,
  SiteAdministration,
} from '../../src/app/ports';

/** A feed over `rows` in the given order, paged like a KVS index query; counts its queries. */
export function memoryFeed<T>(rows: Array<{ id: string; value: T }>): Feed<T> & { queries: number } {
  const feed = {
    queries: 0,
    async page({ limit, cursor }: { limit: number; cursor?: string }) {
      feed.queries++;
      const start = cursor ? Number(cursor) : 0;
      const items = rows.slice(start, start + limit);
      const next = start + items.length;
      return { items, ...(next < rows.length ? { nextCursor: String(next) } : {}) };
    },
  };
  return feed;
}

/** A person's view of Confluence: they may view the pages listed; records every call's ids. */
export function pageDirectoryFor(
  viewable: readonly string[],
  batchSize = 250,
): PageDirectory & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    batchSize,
    calls,
    async viewablePages(pageIds) {
      if (pageIds.length > batchSize) throw new Error(`asked about ${pageIds.length} pages at once`);
      calls.push([...pageIds]);
      const found = new Map<string, PageLink>();
      for (const id of pageIds) {
        if (viewable.includes(id))
          found.set(id, { id, title: `Page ${id}`, url: `/wiki/spaces/S/pages/${id}` });
      }
      return found;
    },
  };
}

export const adminCheck = (isAdmin: boolean): SiteAdministration & { calls: number } => {
  const check = {
    calls: 0,
    async callerIsJiraAdmin() {
      check.calls++;
      return isAdmin;
    },
  };
  return check;
};

/** Jira that answers every search with `keys` (in pages of maxResults) and records the JQL it was given. */
export function searchingJira(keys: string[]): Pick<IssueTracker, 'searchIssues'> & { jql: string[] } {
  const jql: string[] = [];
  const issue = (key: string): IssueSnapshot => ({
    id: key,
    key,
    summary: key,
    issueType: { name: 'Task', hierarchyLevel: 0 },
    status: { name: 'Blocked', category: 'indeterminate' },
    properties: {},
  });
  return {
    jql,
    async searchIssues(query, { maxResults, nextPageToken }) {
      jql.push(query);
      const start = nextPageToken ? Number(nextPageToken) : 0;
      const page = keys.slice(start, start + maxResults);
      const next = start + page.length;
      return { issues: page.map(issue), ...(next < keys.length ? { nextPageToken: String(next) } : {}) };
    },
  };
}
