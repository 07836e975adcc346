/**
 * `POST /rest/api/3/expression/evaluate` (and the deprecated `/expression/eval`) of the emulated Jira: the
 * request and response shapes of Atlassian's spec, evaluated AS THE CALLER (the `issues` of a JQL context and
 * the `issue` of the context are only issues the caller may browse), with Jira's limits on the expression.
 */
import { json, type ProductRequest, type ProductResponse } from '../../platform/product-service';
import { issueTypeById, priorityById, statusById, STATUS_CATEGORIES } from '../catalog';
import type { IssueRecord } from '../model';
import type { JiraStore } from '../store';
import { decodeToken, encodeToken, fingerprint } from '../page-token';
import { ExpressionError, evaluateExpression, JIssue, type IssueData, type Limits } from './evaluate';

/** The most issues one page of a JQL context loads (Jira: "max results value considered may be lower"). */
export const MAX_EXPRESSION_ISSUES = 1000;
/** Page size when the request gives none. */
export const DEFAULT_EXPRESSION_ISSUES = 1000;

export interface ExpressionEndpointDeps {
  store: JiraStore;
  now: () => Date;
  /** Issue ids matching the JQL that the caller may browse, in the JQL's order (throws JqlError on bad JQL). */
  search: (req: ProductRequest, jql: string) => number[];
  mayBrowse: (req: ProductRequest, issue: IssueRecord) => boolean;
  limits?: Limits;
}

const error = (status: number, message: string): ProductResponse =>
  json(status, { errorMessages: [message], errors: {} });

export function createExpressionEndpoint(deps: ExpressionEndpointDeps) {
  const dataOf = (req: ProductRequest, issue: IssueRecord): IssueData => {
    const status = statusById.get(issue.statusId);
    const category = STATUS_CATEGORIES[status?.category ?? 'new'];
    const type = issueTypeById.get(issue.issueTypeId);
    const priority = issue.priorityId ? priorityById.get(issue.priorityId) : undefined;
    return {
      id: issue.id,
      key: issue.key,
      summary: issue.summary,
      status: {
        id: issue.statusId,
        name: status?.name ?? 'Unknown',
        category: { key: category.key, name: category.name },
      },
      issueType: { id: issue.issueTypeId, name: type?.name ?? 'Unknown' },
      priority: priority ? { id: priority.id, name: priority.name } : null,
      dueDate: issue.duedate,
      resolutionDate: issue.resolutionDate,
      created: issue.created,
      updated: issue.updated,
      labels: [...issue.labels],
      parent: () => {
        const p = issue.parentId === null ? undefined : deps.store.issues.get(issue.parentId);
        return p && deps.mayBrowse(req, p) ? dataOf(req, p) : null;
      },
      property: (key) => deps.store.properties.get(issue.id)?.get(key) ?? null,
    };
  };

  /** The handler for both paths; `deprecated` answers the old `eval` shape (startAt / totalCount). */
  return (req: ProductRequest, deprecated: boolean): ProductResponse => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const allowed = new Set(['expression', 'context']);
    const extra = Object.keys(body).filter((k) => !allowed.has(k));
    if (extra.length > 0) return error(400, `Unrecognized field "${extra[0]}" in the request.`);
    if (typeof body.expression !== 'string' || body.expression.trim() === '')
      return error(400, 'The expression must be provided.');
    const context = (body.context ?? {}) as Record<string, unknown>;
    if (typeof context !== 'object' || context === null || Array.isArray(context))
      return error(400, 'The context must be an object.');
    const known = ['issue', 'issues', 'project'];
    const unsupported = Object.keys(context).filter((k) => !known.includes(k));
    if (unsupported.length > 0)
      return error(400, `The context variable "${unsupported[0]}" is not supported by this Jira.`);
    const variables: Record<string, unknown> = {
      user: req.actor.kind === 'user' ? { accountId: req.actor.accountId } : null,
    };

    if (context.issue !== undefined) {
      const ref = context.issue as { id?: unknown; key?: unknown };
      if (ref.id !== undefined && ref.key !== undefined)
        return error(400, 'Provide either the issue id or the issue key, not both.');
      const found =
        typeof ref.key === 'string'
          ? deps.store.issuesByKey.get(ref.key.toUpperCase())
          : typeof ref.id === 'number'
            ? deps.store.issues.get(ref.id)
            : undefined;
      if (!found || !deps.mayBrowse(req, found))
        return error(404, 'Issue does not exist or you do not have permission to see it.');
      variables.issue = new JIssue(dataOf(req, found));
    }

    let jqlMeta: Record<string, unknown> | undefined;
    if (context.issues !== undefined) {
      const jql = ((context.issues ?? {}) as { jql?: Record<string, unknown> }).jql;
      if (!jql || typeof jql.query !== 'string' || jql.query.trim() === '')
        return error(400, 'The JQL query of the issues context is required and must be bounded.');
      const requested = typeof jql.maxResults === 'number' ? jql.maxResults : DEFAULT_EXPRESSION_ISSUES;
      if (!Number.isInteger(requested) || requested < 1)
        return error(400, 'maxResults must be a whole number of 1 or more.');
      const maxResults = Math.min(requested, MAX_EXPRESSION_ISSUES);
      let offset = 0;
      const print = jql.query;
      if (!deprecated && jql.nextPageToken !== undefined && jql.nextPageToken !== null) {
        const t = typeof jql.nextPageToken === 'string' ? decodeToken(jql.nextPageToken) : undefined;
        if (!t || t.q !== fingerprint(print))
          return error(400, 'The provided next page token is invalid or expired.');
        offset = t.o;
      }
      if (deprecated && jql.startAt !== undefined) {
        if (typeof jql.startAt !== 'number' || !Number.isInteger(jql.startAt) || jql.startAt < 0)
          return error(400, 'startAt must be a whole number of 0 or more.');
        offset = jql.startAt;
      }
      const ids = deps.search(req, jql.query);
      const page = ids.slice(offset, offset + maxResults);
      variables.issues = page.map((id) => new JIssue(dataOf(req, deps.store.issues.get(id)!)));
      const end = offset + page.length;
      jqlMeta = deprecated
        ? { startAt: offset, maxResults, count: page.length, totalCount: ids.length }
        : end < ids.length
          ? { nextPageToken: encodeToken({ o: end, q: fingerprint(print) }), isLast: false }
          : { nextPageToken: '', isLast: true };
    }
    if (context.project !== undefined) {
      const ref = context.project as { key?: unknown; id?: unknown };
      const p =
        typeof ref.key === 'string'
          ? deps.store.projectsByKey.get(ref.key)
          : typeof ref.id === 'number'
            ? deps.store.projects.get(ref.id)
            : undefined;
      if (!p) return error(404, 'Project does not exist or you do not have permission to see it.');
      variables.project = { id: p.id, key: p.key, name: p.name };
    }

    try {
      const { value, complexity } = evaluateExpression(body.expression, {
        variables,
        now: deps.now(),
        ...(deps.limits ? { limits: deps.limits } : {}),
      });
      const expand = (req.query.get('expand') ?? '').split(',').map((s) => s.trim());
      const meta: Record<string, unknown> = {};
      if (expand.includes('meta.complexity')) meta.complexity = complexity;
      if (jqlMeta) meta.issues = { jql: jqlMeta };
      return json(200, Object.keys(meta).length > 0 ? { value, meta } : { value });
    } catch (e) {
      if (e instanceof ExpressionError) return error(400, `Evaluation failed: ${e.message}`);
      throw e;
    }
  };
}
