import type { ExpressionRollup } from '../app/compute-initiative-status';
import { UpstreamError } from '../app/errors';
import {
  isRollupRow,
  ROLLUP_EXPRESSION,
  STEPS_PER_ISSUE,
  type RollupRow,
} from '../domain/progress/expression-rollup';
import { failure } from './jira-issue-shape';
import type { JiraRequester, RouteBuilder } from './jira-issue-tracker';
import { defaultRetryPolicy, withRetries, type RetryPolicy } from './retrying-fetch';

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };
/** Jira loads at most this many issues per page of a JQL context. */
export const MAX_PAGE = 1000;
/** Jira's documented steps limit; the real limit is read from `meta.complexity` after the first page. */
const ASSUMED_STEPS_LIMIT = 10_000;
/** Stop paging past this many pages (a scope of 100,000+ issues is refused rather than read). */
const MAX_PAGES = 200;

interface EvaluateAnswer {
  value?: unknown;
  meta?: {
    complexity?: { steps?: { value?: number; limit?: number } };
    issues?: { jql?: { nextPageToken?: string | null; isLast?: boolean } };
  };
}

/**
 * The roll-up rows of a scope through `POST /rest/api/3/expression/evaluate` as the viewer, one call per page:
 * the page size follows Jira's steps limit (read from `meta.complexity`), up to 1,000 issues a page.
 */
export function createJiraExpressionRollup(
  requester: JiraRequester,
  route: RouteBuilder,
  retry: RetryPolicy = defaultRetryPolicy,
): ExpressionRollup {
  let stepsLimit = ASSUMED_STEPS_LIMIT;
  let perIssue = STEPS_PER_ISSUE;
  const pageSize = () => Math.max(1, Math.min(MAX_PAGE, Math.floor((stepsLimit * 0.9 - 10) / perIssue)));
  return {
    issuesPerCall: pageSize,
    async rows(jql) {
      const rows: RollupRow[] = [];
      let token: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const body = {
          expression: ROLLUP_EXPRESSION,
          context: {
            issues: {
              jql: { query: jql, maxResults: pageSize(), ...(token ? { nextPageToken: token } : {}) },
            },
          },
        };
        const res = await withRetries(
          () =>
            requester.requestJira(route`/rest/api/3/expression/evaluate?expand=meta.complexity`, {
              method: 'POST',
              headers: JSON_HEADERS,
              body: JSON.stringify(body),
            }),
          retry,
        );
        if (!res.ok) throw await failure(res, 'evaluate the roll-up expression');
        const answer = (await res.json()) as EvaluateAnswer;
        if (!Array.isArray(answer.value) || !answer.value.every(isRollupRow))
          throw new UpstreamError('Jira answered the roll-up expression with an unexpected shape.', 502);
        rows.push(...answer.value);
        const steps = answer.meta?.complexity?.steps;
        if (typeof steps?.limit === 'number' && steps.limit > 0) stepsLimit = steps.limit;
        // The exact (fractional) steps per issue: rounding 17.01 up to 18 would cost a fifth page per 2,000 issues.
        if (typeof steps?.value === 'number' && answer.value.length > 0)
          perIssue = Math.max(STEPS_PER_ISSUE, steps.value / answer.value.length);
        const next = answer.meta?.issues?.jql;
        if (!next || next.isLast !== false || !next.nextPageToken) return rows;
        token = next.nextPageToken;
      }
      throw new UpstreamError(`The initiative has more than ${MAX_PAGES} pages of issues.`, 400);
    },
  };
}
