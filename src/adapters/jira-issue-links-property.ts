import { BULK_FETCH_LIMIT } from '../app/bulk-limits';
import { DECISIONS_PROPERTY_KEY, type DecisionLinksJira } from '../app/decisions/decision-ports';
import type { IssueDecisionsProperty } from '../shared/decision';
import { createJiraBulkReader } from './jira-bulk-reader';
import { createJiraIssueActions } from './jira-issue-actions';
import type { JiraRequester, RouteBuilder } from './jira-issue-tracker';

/**
 * The `accord-decisions` issue property over REST v3: one `issue/bulkfetch` per 100 keys reads the current
 * values (issues that are gone are simply absent), one property PUT per issue that changes.
 */
export function createJiraDecisionLinks(requester: JiraRequester, route: RouteBuilder): DecisionLinksJira {
  const bulk = createJiraBulkReader(requester, route);
  const actions = createJiraIssueActions(requester, route);
  return {
    async readProperties(keys) {
      const out = new Map<string, IssueDecisionsProperty | undefined>();
      const chunks: string[][] = [];
      for (let i = 0; i < keys.length; i += BULK_FETCH_LIMIT)
        chunks.push(keys.slice(i, i + BULK_FETCH_LIMIT));
      const pages = await Promise.all(
        chunks.map((chunk) => bulk.fetchIssues(chunk, { properties: [DECISIONS_PROPERTY_KEY] })),
      );
      for (const issue of pages.flat()) {
        out.set(issue.key, issue.properties[DECISIONS_PROPERTY_KEY] as IssueDecisionsProperty | undefined);
      }
      return out;
    },
    writeProperty: (issueKey, value) => actions.setProperty(issueKey, DECISIONS_PROPERTY_KEY, value),
  };
}
