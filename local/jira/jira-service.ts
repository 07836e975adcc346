/**
 * The emulated Jira Cloud: the subset of REST API v3 that Accord and its scenarios use, with per-user
 * project permissions, JQL over an in-memory index (written through to SQLite), and the Forge product
 * events real Jira emits for changes made through the REST API.
 */
import type { Database } from 'better-sqlite3';
import {
  DEFAULT_PRIORITY_ID,
  DONE_RESOLUTION_ID,
  GLOBAL_SCOPE,
  ISSUE_TYPES,
  LINK_TYPES,
  PERMISSIONS,
  PRIORITIES,
  RESOLUTIONS,
  STATUSES,
  STATUS_CATEGORIES,
  WORKFLOW,
  issueTypeById,
  issueTypeByName,
  linkTypeById,
  linkTypeByName,
  priorityByName,
  statusByName,
  statusCategoryOf,
  transitionById,
  type ProjectPermissionKey,
} from './catalog';
import { dateOnlyToMs, formatJiraDateTime } from './dates';
import { applyEdit, diff, isAdf, issueTypeOf } from './issue-edit';
import { adfProblems } from '../confluence/page-body';
import { JqlError, compileJql, readEntityPropertyIndex, type EntityPropertyAlias } from './jql';
import { createExpressionEndpoint } from './expression/endpoint';
import { decodeToken, encodeToken, fingerprint } from './page-token';
import type { ChangelogItem, IssueRecord, JiraProjectRecord, JiraSeed, NotificationRecord } from './model';
import { JiraRenderer, fieldSelector, propertySelector, type Viewer } from './render';
import { JiraStore } from './store';
import {
  json,
  type Actor,
  type EmitProductEvent,
  type ProductRequest,
  type ProductResponse,
  type ProductService,
  type SiteClock,
} from '../platform/product-service';

export type { JiraSeed } from './model';

export interface JiraService extends ProductService {
  /** Empties every `jira_` table. */
  reset(): void;
  /** Bulk-loads users, projects, permissions, issues, comments, properties and links in one transaction. */
  seed(data: JiraSeed): void;
  /** Requests handled, for the bench. */
  counts(): { calls: number };
  /** What `POST /issue/{key}/notify` was asked to send, oldest first (the local site has no mail). */
  notifications(): readonly NotificationRecord[];
}

export interface JiraServiceOptions {
  db: Database;
  clock: SiteClock;
  manifest: unknown;
  emit: EmitProductEvent;
  /** Site URL used in `self` links; defaults to the demo site. */
  baseUrl?: string;
}

/** The account id the app acts as (`asApp()`); Jira records it as the author of the app's changes. */
export const JIRA_APP_ACCOUNT_ID = '557058:7c4b2e61-0d3a-4f0e-9a51-5f2b8c1d9e47';
export const DEFAULT_JIRA_BASE_URL = 'https://accord-demo.atlassian.net';

const PREFIX = '/rest/api/3';
const MAX_PROPERTY_LENGTH = 32768;

type Handler = (req: ProductRequest, params: string[]) => ProductResponse;

const errorBody = (messages: string[], errors: Record<string, string> = {}) => ({
  errorMessages: messages,
  errors,
});
const fail = (status: number, message: string) => json(status, errorBody([message]));
const fieldErrors = (errors: Record<string, string>) => json(400, errorBody([], errors));
const NO_ISSUE = 'Issue does not exist or you do not have permission to see it.';

class HttpError extends Error {
  constructor(readonly response: ProductResponse) {
    super(`HTTP ${response.status}`);
  }
}

/** Reads a multi-valued query parameter, accepting both repeated and comma-joined forms. */
const multi = (q: URLSearchParams, name: string): string[] => q.getAll(name).filter((v) => v !== '');

const intParam = (raw: unknown, fallback: number): number => {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw !== '' ? Number(raw) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : fallback;
};

export function createJiraService(opts: JiraServiceOptions): JiraService {
  const store = new JiraStore(opts.db);
  const renderer = new JiraRenderer(store, opts.baseUrl ?? DEFAULT_JIRA_BASE_URL);
  const index: readonly EntityPropertyAlias[] = readEntityPropertyIndex(opts.manifest);
  const now = () => opts.clock.now();
  let calls = 0;
  /** Recent search results by actor + JQL, valid while the store's version is unchanged (paging is cheap). */
  const searchCache = new Map<string, { version: number; ids: number[] }>();

  // -------------------------------------------------------------------------------------------------
  // Permissions

  const has = (actor: Actor, projectId: number, permission: ProjectPermissionKey): boolean => {
    if (actor.kind === 'app') return true;
    if (actor.kind === 'anonymous') return false;
    return store.grants.get(actor.accountId)?.get(projectId)?.has(permission) ?? false;
  };
  const viewerOf = (actor: Actor): Viewer => ({
    accountId: actor.kind === 'user' ? actor.accountId : null,
    canBrowse: (projectId) => has(actor, projectId, 'BROWSE_PROJECTS'),
    canEdit: (projectId) => has(actor, projectId, 'EDIT_ISSUES'),
  });
  const actorId = (actor: Actor) => (actor.kind === 'user' ? actor.accountId : JIRA_APP_ACCOUNT_ID);

  /** The issue by id or key if the actor may browse it; otherwise Jira's 404. */
  const visibleIssue = (actor: Actor, idOrKey: string): IssueRecord => {
    const issue = /^\d+$/.test(idOrKey)
      ? store.issues.get(Number(idOrKey))
      : store.issuesByKey.get(idOrKey.toUpperCase());
    if (!issue || !has(actor, issue.projectId, 'BROWSE_PROJECTS')) throw new HttpError(fail(404, NO_ISSUE));
    return issue;
  };
  const requirePermission = (
    actor: Actor,
    issue: IssueRecord,
    permission: ProjectPermissionKey,
    message: string,
  ) => {
    if (!has(actor, issue.projectId, permission)) throw new HttpError(fail(403, message));
  };

  // -------------------------------------------------------------------------------------------------
  // Events

  const eventFields = (issue: IssueRecord) => {
    const project = store.projects.get(issue.projectId);
    return {
      summary: issue.summary,
      issuetype: renderer.issueType(issue.issueTypeId),
      creator: issue.creator ? { accountId: issue.creator } : null,
      created: formatJiraDateTime(issue.created),
      project: project ? renderer.projectRef(project) : null,
      reporter: issue.reporter ? { accountId: issue.reporter } : null,
      assignee: issue.assignee ? { accountId: issue.assignee } : null,
      updated: formatJiraDateTime(issue.updated),
      status: renderer.status(issue.statusId),
    };
  };
  const eventIssue = (issue: IssueRecord) => ({
    id: String(issue.id),
    key: issue.key,
    fields: eventFields(issue),
  });
  const emit = (req: ProductRequest, eventType: string, payload: Record<string, unknown>) => {
    opts.emit({
      eventType,
      selfGenerated: req.selfGenerated,
      atlassianId: actorId(req.actor),
      timestamp: now().getTime(),
      ...payload,
    });
  };
  const statusRef = (statusId: string) => {
    const s = renderer.status(statusId);
    return {
      id: s.id,
      name: s.name,
      statusCategory: {
        id: s.statusCategory.id,
        key: s.statusCategory.key,
        name: s.statusCategory.name,
        colorName: s.statusCategory.colorName,
      },
    };
  };

  /** Records a history entry and emits `avi:jira:updated:issue` with its changelog. */
  const recordUpdate = (
    req: ProductRequest,
    issue: IssueRecord,
    items: ChangelogItem[],
    jiraEventTypeName: string,
    previousStatusId?: string,
  ) => {
    const historyId = store.nextId('history');
    store.addHistory({
      id: historyId,
      issueId: issue.id,
      author: actorId(req.actor),
      created: issue.updated,
      items,
    });
    emit(req, 'avi:jira:updated:issue', {
      jiraEventTypeName,
      issue: eventIssue(issue),
      changelog: { id: String(historyId), items },
      associatedUsers: [{ accountId: actorId(req.actor) }],
      ...(previousStatusId !== undefined && previousStatusId !== issue.statusId
        ? { associatedStatuses: [statusRef(issue.statusId), statusRef(previousStatusId)] }
        : {}),
    });
  };

  // -------------------------------------------------------------------------------------------------
  // Issues

  const issueOptions = (req: ProductRequest, defaultFields: string) => {
    const q = req.query;
    return {
      include: fieldSelector(multi(q, 'fields'), defaultFields),
      properties: propertySelector(multi(q, 'properties')),
      expand: new Set(
        (q.get('expand') ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
      viewer: viewerOf(req.actor),
    };
  };

  const getIssue: Handler = (req, [key]) => {
    const issue = visibleIssue(req.actor, key!);
    return json(200, renderer.issue(issue, issueOptions(req, '*all')));
  };

  const editContext = (actor: Actor, projectId: number, creating: boolean) => ({
    store,
    creating,
    canAssign: has(actor, projectId, 'ASSIGN_ISSUES'),
    isAssignable: (accountId: string) =>
      store.grants.get(accountId)?.get(projectId)?.has('ASSIGNABLE_USER') ?? false,
  });

  const createIssue: Handler = (req) => {
    const body = (req.body ?? {}) as {
      fields?: Record<string, unknown>;
      update?: unknown;
      properties?: unknown;
    };
    const fields = body.fields && typeof body.fields === 'object' ? body.fields : {};
    const projectRef = fields.project as { key?: unknown; id?: unknown } | undefined;
    const project =
      projectRef && typeof projectRef.key === 'string'
        ? store.projectsByKey.get(projectRef.key.toUpperCase())
        : projectRef && projectRef.id !== undefined
          ? store.projects.get(Number(projectRef.id))
          : undefined;
    if (!project || !has(req.actor, project.id, 'BROWSE_PROJECTS')) {
      return fieldErrors({ project: 'Specify a valid project ID or key' });
    }
    if (!has(req.actor, project.id, 'CREATE_ISSUES')) {
      return fieldErrors({ project: 'You do not have permission to create issues in this project.' });
    }
    const type = issueTypeOf(fields.issuetype);
    if (!type) return fieldErrors({ issuetype: 'Specify an issue type' });
    const at = now().getTime();
    const reporter = actorId(req.actor);
    const draft: IssueRecord = {
      id: 0,
      key: '',
      projectId: project.id,
      num: 0,
      summary: '',
      description: null,
      issueTypeId: type.id,
      statusId: STATUSES[0]!.id,
      priorityId: DEFAULT_PRIORITY_ID,
      resolutionId: null,
      labels: [],
      assignee: null,
      reporter,
      creator: reporter,
      duedate: null,
      parentId: null,
      created: at,
      updated: at,
      statusCategoryChangedDate: at,
      resolutionDate: null,
      watchers: req.actor.kind === 'user' ? [req.actor.accountId] : [],
    };
    const { errors, next } = applyEdit(draft, body, editContext(req.actor, project.id, true));
    if (type.subtask && next.parentId === null && !errors.parent) {
      errors.parent = 'Parent is required for a sub-task.';
    }
    const properties = Array.isArray(body.properties)
      ? (body.properties as Array<{ key?: unknown; value?: unknown }>)
      : [];
    if (properties.some((p) => typeof p.key !== 'string' || p.value === undefined)) {
      errors.properties = 'Each property needs a key and a value.';
    }
    if (Object.keys(errors).length > 0) return fieldErrors(errors);
    store.transaction(() => {
      next.id = store.nextId('issue');
      project.counter += 1;
      next.num = project.counter;
      next.key = `${project.key}-${next.num}`;
      store.putProject(project);
      store.putIssue(next);
      for (const p of properties) store.setProperty(next.id, p.key as string, p.value);
    });
    emit(req, 'avi:jira:created:issue', {
      issue: eventIssue(next),
      associatedUsers: [{ accountId: reporter }],
    });
    return json(201, {
      id: String(next.id),
      key: next.key,
      self: `${renderer.baseUrl}${PREFIX}/issue/${next.id}`,
    });
  };

  const editIssue: Handler = (req, [key]) => {
    const issue = visibleIssue(req.actor, key!);
    requirePermission(
      req.actor,
      issue,
      'EDIT_ISSUES',
      'You do not have permission to edit issues in this project.',
    );
    const body = (req.body ?? {}) as { fields?: unknown; update?: unknown; properties?: unknown };
    const { errors, next, items } = applyEdit(issue, body, editContext(req.actor, issue.projectId, false));
    // IssueUpdateDetails.properties: EntityProperty items, set together with the field edits (all or nothing).
    const properties = Array.isArray(body.properties)
      ? (body.properties as Array<{ key?: unknown; value?: unknown }>)
      : [];
    if (body.properties !== undefined && !Array.isArray(body.properties)) {
      errors.properties = 'The properties must be a list of { key, value }.';
    } else if (
      properties.some(
        (p) =>
          !p ||
          typeof p.key !== 'string' ||
          p.key.length === 0 ||
          p.key.length > 255 ||
          p.value === undefined ||
          JSON.stringify(p.value).length > MAX_PROPERTY_LENGTH,
      )
    ) {
      errors.properties = `Each property needs a key (at most 255 characters) and a value (at most ${MAX_PROPERTY_LENGTH} characters).`;
    }
    if (Object.keys(errors).length > 0) return fieldErrors(errors);
    store.transaction(() => {
      for (const p of properties) store.setProperty(issue.id, p.key as string, p.value);
      if (items.length > 0) {
        next.updated = now().getTime();
        store.putIssue(next, issue.parentId);
      }
    });
    if (items.length > 0) {
      const onlyAssignee = items.every((i) => i.fieldId === 'assignee');
      recordUpdate(req, next, items, onlyAssignee ? 'issue_assigned' : 'issue_updated');
    }
    if (req.query.get('returnIssue') === 'true') {
      return json(200, renderer.issue(store.issues.get(issue.id)!, issueOptions(req, '*all')));
    }
    return json(204);
  };

  const assignIssue: Handler = (req, [key]) => {
    const issue = visibleIssue(req.actor, key!);
    requirePermission(req.actor, issue, 'ASSIGN_ISSUES', 'You do not have permission to assign issues.');
    return editIssue({ ...req, body: { fields: { assignee: req.body ?? null } } }, [key!]);
  };

  const deleteIssue: Handler = (req, [key]) => {
    const issue = visibleIssue(req.actor, key!);
    requirePermission(
      req.actor,
      issue,
      'DELETE_ISSUES',
      'You do not have permission to delete issues in this project.',
    );
    const kids = [...(store.children.get(issue.id) ?? [])]
      .map((id) => store.issues.get(id))
      .filter((c): c is IssueRecord => !!c);
    const subtasks = kids.filter((c) => issueTypeById.get(c.issueTypeId)?.subtask);
    if (subtasks.length > 0 && req.query.get('deleteSubtasks') !== 'true') {
      return fail(
        400,
        `The issue '${issue.key}' has subtasks. You must specify the 'deleteSubtasks' parameter to delete this issue with subtasks.`,
      );
    }
    const payload = eventIssue(issue);
    store.transaction(() => {
      for (const s of subtasks) store.deleteIssue(s);
      // Children that are not sub-tasks (stories of an epic) lose their parent, as in Jira.
      for (const c of kids.filter((k) => !subtasks.includes(k)))
        store.putIssue({ ...c, parentId: null }, c.parentId);
      store.deleteIssue(issue);
    });
    // Cascading deletes emit no events for the sub-tasks (Jira documents this).
    emit(req, 'avi:jira:deleted:issue', { issue: payload });
    return json(204);
  };

  const getTransitions: Handler = (req, [key]) => {
    const issue = visibleIssue(req.actor, key!);
    const transitions = has(req.actor, issue.projectId, 'TRANSITION_ISSUES')
      ? renderer.transitions(issue)
      : [];
    const only = req.query.get('transitionId');
    return json(200, {
      expand: 'transitions',
      transitions: only ? transitions.filter((t) => t.id === only) : transitions,
    });
  };

  const doTransition: Handler = (req, [key]) => {
    const issue = visibleIssue(req.actor, key!);
    requirePermission(
      req.actor,
      issue,
      'TRANSITION_ISSUES',
      'You do not have permission to transition this issue.',
    );
    const body = (req.body ?? {}) as { transition?: { id?: unknown }; fields?: unknown; update?: unknown };
    const transitionId = scalarText(body.transition?.id);
    const transition = transitionById.get(transitionId);
    if (!transition || !(WORKFLOW[issue.statusId] ?? []).includes(transitionId)) {
      return fail(400, `Transition id '${transitionId}' is not valid for this issue.`);
    }
    const { errors, next } = applyEdit(issue, body, editContext(req.actor, issue.projectId, false));
    if (Object.keys(errors).length > 0) return fieldErrors(errors);
    const at = now().getTime();
    const fromCategory = statusCategoryOf(issue.statusId).key;
    const toCategory = statusCategoryOf(transition.toStatusId).key;
    next.statusId = transition.toStatusId;
    if (fromCategory !== toCategory) next.statusCategoryChangedDate = at;
    if (toCategory === 'done') {
      next.resolutionId = next.resolutionId ?? DONE_RESOLUTION_ID;
      next.resolutionDate = issue.resolutionDate ?? at;
    } else {
      next.resolutionId = null;
      next.resolutionDate = null;
    }
    next.updated = at;
    const items = diff(issue, next, store);
    items.push({
      field: 'status',
      fieldtype: 'jira',
      fieldId: 'status',
      from: issue.statusId,
      fromString: renderer.status(issue.statusId).name,
      to: next.statusId,
      toString: renderer.status(next.statusId).name,
    });
    store.putIssue(next, issue.parentId);
    const eventName =
      toCategory === 'done'
        ? 'issue_resolved'
        : fromCategory === 'done'
          ? 'issue_reopened'
          : next.statusId === '10001'
            ? 'issue_work_started'
            : 'issue_generic';
    recordUpdate(req, next, items, eventName, issue.statusId);
    return json(204);
  };

  const getChangelog: Handler = (req, [key]) => {
    const issue = visibleIssue(req.actor, key!);
    const startAt = intParam(req.query.get('startAt'), 0);
    const maxResults = Math.min(intParam(req.query.get('maxResults'), 100), 100);
    const page = renderer.changelog(issue, startAt, maxResults);
    return json(200, {
      self: `${renderer.baseUrl}${PREFIX}/issue/${issue.key}/changelog?maxResults=${maxResults}&startAt=${startAt}`,
      maxResults,
      startAt,
      total: page.total,
      isLast: startAt + maxResults >= page.total,
      values: page.histories,
    });
  };

  // -------------------------------------------------------------------------------------------------
  // Comments, properties, watchers, notify, links

  const getComments: Handler = (req, [key]) => {
    const issue = visibleIssue(req.actor, key!);
    const startAt = intParam(req.query.get('startAt'), 0);
    const maxResults = Math.min(intParam(req.query.get('maxResults'), 100), 5000);
    return json(
      200,
      renderer.commentPage(issue, startAt, maxResults, req.query.get('orderBy') === '-created'),
    );
  };

  const addComment: Handler = (req, [key]) => {
    const issue = visibleIssue(req.actor, key!);
    requirePermission(
      req.actor,
      issue,
      'ADD_COMMENTS',
      'You do not have the permission to comment on this issue.',
    );
    const body = (req.body ?? {}) as { body?: unknown };
    if (!isAdf(body.body)) {
      return fieldErrors({
        comment: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)',
      });
    }
    // Jira validates the document against the ADF schema and refuses a malformed one with 400.
    const problems = adfProblems(body.body);
    if (problems.length > 0) return fieldErrors({ comment: `INVALID_INPUT: ${problems[0]}` });
    const at = now().getTime();
    const author = actorId(req.actor);
    const comment = {
      id: store.nextId('comment'),
      issueId: issue.id,
      author,
      updateAuthor: author,
      body: body.body,
      created: at,
      updated: at,
    };
    const next = { ...issue, updated: at };
    store.transaction(() => {
      store.putComment(comment);
      store.putIssue(next, issue.parentId);
    });
    emit(req, 'avi:jira:commented:issue', {
      issue: eventIssue(next),
      comment: {
        id: String(comment.id),
        author: { accountId: author },
        body: comment.body,
        updateAuthor: { accountId: author },
        created: formatJiraDateTime(at),
        updated: formatJiraDateTime(at),
        jsdPublic: true,
      },
    });
    return json(201, renderer.comment(comment, issue.id));
  };

  const listProperties: Handler = (req, [key]) => {
    const issue = visibleIssue(req.actor, key!);
    const keys = [...(store.properties.get(issue.id)?.keys() ?? [])].map((k) => ({
      self: `${renderer.baseUrl}${PREFIX}/issue/${issue.id}/properties/${encodeURIComponent(k)}`,
      key: k,
    }));
    return json(200, { keys });
  };

  const getProperty: Handler = (req, [key, propertyKey]) => {
    const issue = visibleIssue(req.actor, key!);
    const map = store.properties.get(issue.id);
    if (!map || !map.has(propertyKey!))
      return fail(404, `The property with key '${propertyKey}' does not exist.`);
    return json(200, { key: propertyKey, value: map.get(propertyKey!) });
  };

  const putProperty: Handler = (req, [key, propertyKey]) => {
    const issue = visibleIssue(req.actor, key!);
    requirePermission(
      req.actor,
      issue,
      'EDIT_ISSUES',
      'You do not have permission to edit issues in this project.',
    );
    if (req.body === undefined || typeof req.body === 'string') {
      return fail(400, 'The property value must be a valid, non-empty JSON blob.');
    }
    if (propertyKey!.length > 255) return fail(400, 'The property key cannot be longer than 255 characters.');
    if (JSON.stringify(req.body).length > MAX_PROPERTY_LENGTH) {
      return fail(400, `The property value cannot be longer than ${MAX_PROPERTY_LENGTH} characters.`);
    }
    const existed = store.properties.get(issue.id)?.has(propertyKey!) ?? false;
    // Property changes update the search index but emit no issue event (Jira does not).
    store.setProperty(issue.id, propertyKey!, req.body);
    return json(existed ? 200 : 201);
  };

  const deleteProperty: Handler = (req, [key, propertyKey]) => {
    const issue = visibleIssue(req.actor, key!);
    requirePermission(
      req.actor,
      issue,
      'EDIT_ISSUES',
      'You do not have permission to edit issues in this project.',
    );
    if (!store.properties.get(issue.id)?.has(propertyKey!)) {
      return fail(404, `The property with key '${propertyKey}' does not exist.`);
    }
    store.deleteProperty(issue.id, propertyKey!);
    return json(204);
  };

  const getWatchers: Handler = (req, [key]) => {
    const issue = visibleIssue(req.actor, key!);
    const viewer = viewerOf(req.actor);
    return json(200, {
      self: `${renderer.baseUrl}${PREFIX}/issue/${issue.key}/watchers`,
      isWatching: viewer.accountId !== null && issue.watchers.includes(viewer.accountId),
      watchCount: issue.watchers.length,
      watchers: issue.watchers.map((w) => renderer.user(w)),
    });
  };

  const addWatcher: Handler = (req, [key]) => {
    const issue = visibleIssue(req.actor, key!);
    const self = req.actor.kind === 'user' ? req.actor.accountId : null;
    const accountId = typeof req.body === 'string' && req.body !== '' ? req.body : self;
    if (!accountId) return fail(400, 'Specify the accountId of the user to add as a watcher.');
    if (accountId !== self) {
      requirePermission(
        req.actor,
        issue,
        'MANAGE_WATCHERS',
        'You do not have permission to manage the watcher list.',
      );
    }
    if (!store.users.has(accountId)) return fail(404, `The user "${accountId}" does not exist.`);
    if (!issue.watchers.includes(accountId)) {
      store.putIssue({ ...issue, watchers: [...issue.watchers, accountId] }, issue.parentId);
    }
    return json(204);
  };

  const removeWatcher: Handler = (req, [key]) => {
    const issue = visibleIssue(req.actor, key!);
    const accountId = req.query.get('accountId');
    if (!accountId) return fail(400, 'Specify the accountId of the user to remove as a watcher.');
    if (req.actor.kind !== 'user' || accountId !== req.actor.accountId) {
      requirePermission(
        req.actor,
        issue,
        'MANAGE_WATCHERS',
        'You do not have permission to manage the watcher list.',
      );
    }
    store.putIssue({ ...issue, watchers: issue.watchers.filter((w) => w !== accountId) }, issue.parentId);
    return json(204);
  };

  const notify: Handler = (req, [key]) => {
    const issue = visibleIssue(req.actor, key!);
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (typeof body !== 'object' || Array.isArray(body)) return fail(400, 'Invalid notification.');
    if (typeof body.textBody !== 'string' && typeof body.htmlBody !== 'string') {
      return fail(400, 'The notification must have a text or HTML body.');
    }
    store.addNotification({
      id: store.nextId('notification'),
      issueKey: issue.key,
      sender: actorId(req.actor),
      at: now().getTime(),
      notification: body,
    });
    return json(204);
  };

  const issueByRef = (ref: unknown): IssueRecord | undefined => {
    const r = ref as { key?: unknown; id?: unknown } | undefined;
    if (!r || typeof r !== 'object') return undefined;
    if (typeof r.key === 'string') return store.issuesByKey.get(r.key.toUpperCase());
    if (r.id !== undefined) return store.issues.get(Number(r.id));
    return undefined;
  };

  const linkIssues: Handler = (req) => {
    const body = (req.body ?? {}) as {
      type?: { id?: unknown; name?: unknown };
      inwardIssue?: unknown;
      outwardIssue?: unknown;
    };
    const type =
      (body.type?.id !== undefined ? linkTypeById.get(scalarText(body.type.id)) : undefined) ??
      (typeof body.type?.name === 'string' ? linkTypeByName.get(body.type.name.toLowerCase()) : undefined);
    if (!type)
      return fail(
        404,
        `No issue link type with name '${scalarText(body.type?.name ?? body.type?.id)}' found.`,
      );
    // Jira's LinkIssueRequest: the inward issue is the link's source ("inward blocks outward").
    const source = issueByRef(body.inwardIssue);
    const destination = issueByRef(body.outwardIssue);
    const viewer = viewerOf(req.actor);
    if (!source || !viewer.canBrowse(source.projectId)) return fail(404, NO_ISSUE);
    if (!destination || !viewer.canBrowse(destination.projectId)) return fail(404, NO_ISSUE);
    requirePermission(req.actor, source, 'LINK_ISSUES', 'You do not have the permission to link issues.');
    const existing = [...(store.linksByIssue.get(source.id) ?? [])]
      .map((id) => store.links.get(id))
      .find(
        (l) => l && l.typeId === type.id && l.sourceId === source.id && l.destinationId === destination.id,
      );
    if (existing) return json(201);
    const link = {
      id: store.nextId('link'),
      typeId: type.id,
      sourceId: source.id,
      destinationId: destination.id,
    };
    store.putLink(link);
    emit(req, 'avi:jira:created:issuelink', {
      id: String(link.id),
      sourceIssueId: String(source.id),
      destinationIssueId: String(destination.id),
      issueLinkType: {
        id: type.id,
        name: type.name,
        inwardName: type.inward,
        outwardName: type.outward,
        isSubTaskLinkType: false,
        isSystemLinkType: false,
      },
    });
    return json(201);
  };

  const bulkFetch: Handler = (req) => {
    const body = (req.body ?? {}) as {
      issueIdsOrKeys?: unknown;
      fields?: unknown;
      properties?: unknown;
      expand?: unknown;
    };
    if (!Array.isArray(body.issueIdsOrKeys)) {
      return fieldErrors({ issueIdsOrKeys: 'issueIdsOrKeys must be provided.' });
    }
    if (body.issueIdsOrKeys.length > 100)
      return fail(400, 'The number of issues requested exceeds the maximum of 100.');
    const strings = (v: unknown) =>
      Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    const viewer = viewerOf(req.actor);
    const options = {
      include: fieldSelector(strings(body.fields), '*navigable'),
      properties: propertySelector(strings(body.properties)),
      expand: new Set(strings(body.expand)),
      viewer,
    };
    const found = new Map<number, IssueRecord>();
    const issueErrors: Array<{ id: string; errorMessage: string }> = [];
    for (const ref of body.issueIdsOrKeys) {
      const s = String(ref);
      const issue = /^\d+$/.test(s) ? store.issues.get(Number(s)) : store.issuesByKey.get(s.toUpperCase());
      if (issue && viewer.canBrowse(issue.projectId)) found.set(issue.id, issue);
      else issueErrors.push({ id: s, errorMessage: NO_ISSUE });
    }
    const issues = [...found.values()].sort((a, b) => a.id - b.id).map((i) => renderer.issue(i, options));
    return json(200, { issues, issueErrors });
  };

  // -------------------------------------------------------------------------------------------------
  // Search

  const runQuery = (actor: Actor, jql: string, requireBound: boolean): number[] => {
    const cacheKey = `${actor.kind === 'user' ? actor.accountId : actor.kind}\n${jql}`;
    const cached = searchCache.get(cacheKey);
    if (cached && cached.version === store.version) return cached.ids;
    const compiled = compileJql(jql, {
      store,
      now: now(),
      currentUser: actor.kind === 'user' ? actor.accountId : null,
      index,
      canBrowse: (projectId) => has(actor, projectId, 'BROWSE_PROJECTS'),
    });
    if (requireBound && !compiled.where) {
      throw new JqlError([
        'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
      ]);
    }
    const visible = new Set<number>();
    for (const p of store.projects.values()) if (has(actor, p.id, 'BROWSE_PROJECTS')) visible.add(p.id);
    const where = compiled.where;
    const matches: IssueRecord[] = [];
    for (const issue of store.issues.values()) {
      if (visible.has(issue.projectId) && (!where || where(issue))) matches.push(issue);
    }
    compiled.sort(matches);
    const ids = matches.map((i) => i.id);
    searchCache.set(cacheKey, { version: store.version, ids });
    if (searchCache.size > 32) searchCache.delete(searchCache.keys().next().value!);
    return ids;
  };

  const search = (
    req: ProductRequest,
    params: {
      jql: string;
      fields: string[];
      maxResults: unknown;
      nextPageToken: unknown;
      properties: string[];
      expand: string;
    },
  ) => {
    const include = fieldSelector(params.fields, 'id');
    const selected = params.fields
      .flatMap((f) => f.split(','))
      .map((f) => f.trim())
      .filter(Boolean);
    const idsOnly = selected.length === 0 || selected.every((f) => f === 'id' || f === 'key');
    const cap = idsOnly ? 5000 : 100;
    const maxResults = Math.min(intParam(params.maxResults, 50), cap);
    let offset = 0;
    const print = fingerprint(params.jql);
    if (typeof params.nextPageToken === 'string' && params.nextPageToken !== '') {
      const decoded = decodeToken(params.nextPageToken);
      if (!decoded || decoded.q !== print)
        return fail(400, 'The provided next page token is invalid or expired.');
      offset = decoded.o;
    }
    const ids = runQuery(req.actor, params.jql, true);
    const page = ids.slice(offset, offset + maxResults);
    const viewer = viewerOf(req.actor);
    const onlyId = selected.length === 0 || selected.every((f) => f === 'id');
    const options = {
      include: selected.some((f) => f !== 'id' && f !== 'key') ? include : null,
      properties: propertySelector(params.properties),
      expand: new Set(
        params.expand
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
      viewer,
      idOnly: onlyId && params.properties.length === 0 && params.expand === '',
    };
    const issues = page.map((id) => renderer.issue(store.issues.get(id)!, options));
    const end = offset + page.length;
    const isLast = end >= ids.length;
    return json(200, {
      issues,
      ...(isLast ? {} : { nextPageToken: encodeToken({ o: end, q: print }) }),
      isLast,
    });
  };

  const searchGet: Handler = (req) =>
    search(req, {
      jql: req.query.get('jql') ?? '',
      fields: multi(req.query, 'fields'),
      maxResults: req.query.get('maxResults') ?? undefined,
      nextPageToken: req.query.get('nextPageToken') ?? undefined,
      properties: multi(req.query, 'properties'),
      expand: req.query.get('expand') ?? '',
    });

  const searchPost: Handler = (req) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const list = (v: unknown) =>
      Array.isArray(v)
        ? v.filter((x): x is string => typeof x === 'string')
        : typeof v === 'string'
          ? [v]
          : [];
    return search(req, {
      jql: typeof b.jql === 'string' ? b.jql : '',
      fields: list(b.fields),
      maxResults: b.maxResults,
      nextPageToken: b.nextPageToken,
      properties: list(b.properties),
      expand: Array.isArray(b.expand)
        ? (b.expand as string[]).join(',')
        : typeof b.expand === 'string'
          ? b.expand
          : '',
    });
  };

  const approximateCount: Handler = (req) => {
    const b = (req.body ?? {}) as { jql?: unknown };
    if (typeof b.jql !== 'string') return fail(400, 'The JQL query is required.');
    return json(200, { count: runQuery(req.actor, b.jql, false).length });
  };

  const expressions = createExpressionEndpoint({
    store,
    now,
    search: (req, jql) => runQuery(req.actor, jql, true),
    mayBrowse: (req, issue) => has(req.actor, issue.projectId, 'BROWSE_PROJECTS'),
  });

  const parseJql: Handler = (req) => {
    const b = (req.body ?? {}) as { queries?: unknown };
    if (!Array.isArray(b.queries)) return fieldErrors({ queries: 'queries must be provided.' });
    const queries = (b.queries as unknown[]).map((q) => {
      const query = String(q);
      try {
        compileJql(query, {
          store,
          now: now(),
          currentUser: req.actor.kind === 'user' ? req.actor.accountId : null,
          index,
        });
        return { query };
      } catch (e) {
        if (e instanceof JqlError) return { query, errors: e.messages };
        throw e;
      }
    });
    return json(200, { queries });
  };

  // -------------------------------------------------------------------------------------------------
  // Permissions, users, projects, metadata

  const myPermissions: Handler = (req) => {
    const q = req.query;
    const wanted = (q.get('permissions') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (wanted.length === 0) return fail(400, 'The permissions query parameter is required.');
    const unknown = wanted.filter((k) => !PERMISSIONS.some((p) => p.key === k));
    if (unknown.length > 0) return fail(400, `Invalid permission keys: ${unknown.join(', ')}.`);
    let projectId: number | undefined;
    const issueRef = q.get('issueKey') ?? q.get('issueId');
    const projectRef = q.get('projectKey') ?? q.get('projectId');
    if (issueRef) {
      projectId = visibleIssue(req.actor, issueRef).projectId;
    } else if (projectRef) {
      const project = /^\d+$/.test(projectRef)
        ? store.projects.get(Number(projectRef))
        : store.projectsByKey.get(projectRef.toUpperCase());
      if (!project) return fail(404, `No project could be found with key '${projectRef}'.`);
      projectId = project.id;
    }
    const permissions: Record<string, unknown> = {};
    for (const key of wanted) {
      const def = PERMISSIONS.find((p) => p.key === key)!;
      let havePermission: boolean;
      if (req.actor.kind === 'app') havePermission = true;
      else if (def.type === 'GLOBAL')
        havePermission =
          req.actor.kind === 'user' &&
          (key === 'USER_PICKER' ||
            (store.grants.get(req.actor.accountId)?.get(GLOBAL_SCOPE)?.has(key) ?? false));
      else if (projectId !== undefined)
        havePermission = has(req.actor, projectId, key as ProjectPermissionKey);
      // Without a project or issue, Jira answers whether the user has the permission in any project.
      else
        havePermission = [...store.projects.keys()].some((id) =>
          has(req.actor, id, key as ProjectPermissionKey),
        );
      permissions[key] = {
        id: def.id,
        key: def.key,
        name: def.name,
        type: def.type,
        description: def.description,
        havePermission,
      };
    }
    return json(200, { permissions });
  };

  /**
   * `POST /permissions/check` (getBulkPermissions): which of the asked projects and issues the person holds each
   * project permission on, and which asked global permissions they hold. Answers for the caller unless
   * `accountId` names someone else, which needs Administer Jira (the app may ask about anyone). Unknown project
   * and issue ids are ignored, as are issues the person may not browse (they cannot act on what they cannot see).
   */
  const bulkPermissions: Handler = (req) => {
    const b = req.body;
    if (typeof b !== 'object' || b === null || Array.isArray(b))
      return fail(400, 'The request body must be a JSON object.');
    const body = b as Record<string, unknown>;
    const extra = Object.keys(body).filter(
      (k) => !['accountId', 'globalPermissions', 'projectPermissions'].includes(k),
    );
    if (extra.length > 0) return fail(400, `Unrecognized field "${extra[0]}".`);
    const present = <T>(v: unknown): T[] | null =>
      v === undefined || v === null ? [] : Array.isArray(v) ? (v.filter((x) => x !== null) as T[]) : null;

    // Whose permissions: the caller, or (an admin or the app asking) the named account.
    let subject: Actor = req.actor;
    if (body.accountId !== undefined && body.accountId !== null) {
      if (typeof body.accountId !== 'string' || !store.users.has(body.accountId))
        return fieldErrors({ accountId: 'The account ID is invalid.' });
      const asked: Actor = { kind: 'user', accountId: body.accountId };
      const self = req.actor.kind === 'user' && req.actor.accountId === body.accountId;
      if (!self && req.actor.kind === 'user') {
        const admin = store.grants.get(req.actor.accountId)?.get(GLOBAL_SCOPE)?.has('ADMINISTER') ?? false;
        if (!admin) return fail(403, 'Only Jira administrators can perform this operation.');
      }
      subject = asked;
    }

    const globals = present<unknown>(body.globalPermissions);
    if (globals === null) return fieldErrors({ globalPermissions: 'globalPermissions must be a list.' });
    const errors: Record<string, string> = {};
    for (const g of globals) {
      const def = PERMISSIONS.find((p) => p.key === g);
      if (typeof g !== 'string' || !def || def.type !== 'GLOBAL')
        errors[String(g)] = 'Unrecognized global permission';
    }
    const entries = present<unknown>(body.projectPermissions);
    if (entries === null) return fieldErrors({ projectPermissions: 'projectPermissions must be a list.' });
    const wanted: Array<{ permissions: string[]; projects: number[]; issues: number[] }> = [];
    for (const raw of entries) {
      if (typeof raw !== 'object' || Array.isArray(raw))
        return fieldErrors({ projectPermissions: 'Each entry must be an object.' });
      const e = raw as Record<string, unknown>;
      const unknownField = Object.keys(e).find((k) => !['permissions', 'projects', 'issues'].includes(k));
      if (unknownField) return fail(400, `Unrecognized field "${unknownField}".`);
      const perms = present<unknown>(e.permissions);
      const projects = present<unknown>(e.projects);
      const issues = present<unknown>(e.issues);
      if (perms === null || projects === null || issues === null)
        return fieldErrors({ projectPermissions: 'permissions, projects and issues must be lists.' });
      const ids = [...projects, ...issues];
      if (ids.some((id) => typeof id !== 'number' || !Number.isSafeInteger(id)))
        return fieldErrors({ projectPermissions: 'Project and issue IDs must be whole numbers.' });
      const keys = perms.filter((p) => p !== '');
      for (const k of keys) {
        const def = PERMISSIONS.find((p) => p.key === k);
        if (typeof k !== 'string' || !def || def.type !== 'PROJECT')
          errors[String(k)] = 'Unrecognized permission';
      }
      if (keys.length === 0)
        return fieldErrors({ projectPermissions: 'At least one project permission is required.' });
      wanted.push({
        permissions: keys as string[],
        projects: projects as number[],
        issues: issues as number[],
      });
    }
    if (Object.keys(errors).length > 0) return fieldErrors(errors);
    const validProjects = new Set(wanted.flatMap((w) => w.projects).filter((id) => store.projects.has(id)));
    const validIssues = new Set(wanted.flatMap((w) => w.issues).filter((id) => store.issues.has(id)));
    if (validProjects.size > 1000 || validIssues.size > 1000)
      return fail(400, 'At most 1000 projects and 1000 issues can be checked.');

    const granted = new Map<string, { projects: Set<number>; issues: Set<number> }>();
    for (const w of wanted) {
      for (const key of w.permissions) {
        const permission = key as ProjectPermissionKey;
        const grant = granted.get(key) ?? { projects: new Set<number>(), issues: new Set<number>() };
        granted.set(key, grant);
        for (const id of w.projects)
          if (store.projects.has(id) && has(subject, id, permission)) grant.projects.add(id);
        for (const id of w.issues) {
          const issue = store.issues.get(id);
          if (
            issue &&
            has(subject, issue.projectId, 'BROWSE_PROJECTS') &&
            has(subject, issue.projectId, permission)
          )
            grant.issues.add(id);
        }
      }
    }
    return json(200, {
      globalPermissions: (globals as string[]).filter((key) =>
        subject.kind === 'app'
          ? true
          : subject.kind === 'user' &&
            (key === 'USER_PICKER' ||
              (store.grants.get(subject.accountId)?.get(GLOBAL_SCOPE)?.has(key) ?? false)),
      ),
      projectPermissions: [...granted].map(([permission, g]) => ({
        permission,
        projects: [...g.projects].sort((a, b) => a - b),
        issues: [...g.issues].sort((a, b) => a - b),
      })),
    });
  };

  const appUser = () => ({
    self: `${renderer.baseUrl}${PREFIX}/user?accountId=${encodeURIComponent(JIRA_APP_ACCOUNT_ID)}`,
    accountId: JIRA_APP_ACCOUNT_ID,
    accountType: 'app',
    avatarUrls: renderer.avatarUrls(JIRA_APP_ACCOUNT_ID),
    displayName: 'Accord',
    active: true,
    timeZone: 'UTC',
  });

  const myself: Handler = (req) => {
    if (req.actor.kind !== 'user') return json(200, appUser());
    const user = renderer.user(req.actor.accountId, true);
    return json(200, {
      ...user,
      locale: 'en_US',
      groups: { size: 0, items: [] },
      applicationRoles: { size: 1, items: [] },
      expand: 'groups,applicationRoles',
    });
  };

  const emailFor = (req: ProductRequest, accountId: string) =>
    req.actor.kind === 'user' && req.actor.accountId === accountId;

  const getUser: Handler = (req) => {
    const accountId = req.query.get('accountId');
    if (!accountId) return fail(400, 'The accountId query parameter needs to be provided.');
    if (accountId === JIRA_APP_ACCOUNT_ID) return json(200, appUser());
    if (!store.users.has(accountId))
      return fail(404, 'Specified user does not exist or you do not have required permissions');
    return json(200, renderer.user(accountId, emailFor(req, accountId)));
  };

  const userPage = (req: ProductRequest, ids: string[], path: string) => {
    const startAt = intParam(req.query.get('startAt'), 0);
    const maxResults = Math.min(intParam(req.query.get('maxResults'), 10), 200);
    const page = ids.slice(startAt, startAt + maxResults);
    const isLast = startAt + maxResults >= ids.length;
    return json(200, {
      self: `${renderer.baseUrl}${PREFIX}/${path}`,
      maxResults,
      startAt,
      total: ids.length,
      isLast,
      ...(isLast ? {} : { nextPage: `${renderer.baseUrl}${PREFIX}/${path}&startAt=${startAt + maxResults}` }),
      values: page.map((id) => renderer.user(id, emailFor(req, id))),
    });
  };

  const bulkUsers: Handler = (req) => {
    const ids = multi(req.query, 'accountId').flatMap((s) => s.split(','));
    if (ids.length === 0) return fail(400, 'You must specify at least one accountId.');
    const known = [...new Set(ids)].filter((id) => store.users.has(id));
    return userPage(
      req,
      known,
      `user/bulk?${ids.map((id) => `accountId=${encodeURIComponent(id)}`).join('&')}`,
    );
  };

  const matchUsers = (query: string) => {
    const q = query.toLowerCase();
    return [...store.users.values()]
      .filter(
        (u) =>
          u.active &&
          (q === '' ||
            u.displayName
              .toLowerCase()
              .split(/[\s()]+/)
              .some((w) => w.startsWith(q)) ||
            u.displayName.toLowerCase().startsWith(q) ||
            (u.emailAddress ?? '').toLowerCase().startsWith(q) ||
            u.accountId === query),
      )
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  };

  const userList = (req: ProductRequest, ids: string[], defaultMax = 50) => {
    const startAt = intParam(req.query.get('startAt'), 0);
    const maxResults = Math.min(intParam(req.query.get('maxResults'), defaultMax), 1000);
    return json(
      200,
      ids.slice(startAt, startAt + maxResults).map((id) => renderer.user(id, emailFor(req, id))),
    );
  };

  const searchUsers: Handler = (req) => {
    const query = req.query.get('query') ?? req.query.get('accountId') ?? '';
    if (query === '' && !req.query.get('property'))
      return fail(400, "One of 'query' or 'property' parameters is required.");
    return userList(
      req,
      matchUsers(query).map((u) => u.accountId),
    );
  };

  /** `GET /group/member?groupname=`: the group's active users, a page at a time (Jira's PageBeanUserDetails). */
  const groupMembers: Handler = (req) => {
    const name = req.query.get('groupname') ?? req.query.get('groupName');
    if (!name) return fail(400, 'You must specify a group name.');
    const members = [...store.users.values()].filter((u) => u.groups?.includes(name));
    if (members.length === 0 && ![...store.users.values()].some((u) => u.groups?.includes(name)))
      return fail(404, `Group "${name}" does not exist.`);
    const startAt = intParam(req.query.get('startAt'), 0);
    const maxResults = Math.min(intParam(req.query.get('maxResults'), 50), 50);
    const ids = members.filter((u) => u.active).map((u) => u.accountId);
    const page = ids.slice(startAt, startAt + maxResults);
    const isLast = startAt + maxResults >= ids.length;
    return json(200, {
      self: `${renderer.baseUrl}${PREFIX}/group/member?groupname=${encodeURIComponent(name)}&startAt=${startAt}&maxResults=${maxResults}`,
      maxResults,
      startAt,
      total: ids.length,
      isLast,
      values: page.map((id) => renderer.user(id, emailFor(req, id))),
    });
  };

  const allUsers: Handler = (req) =>
    userList(
      req,
      [...store.users.values()].map((u) => u.accountId),
    );

  const assignableUsers: Handler = (req) => {
    const q = req.query;
    let projectId: number | undefined;
    const issueRef = q.get('issueKey') ?? q.get('issueId');
    if (issueRef) projectId = visibleIssue(req.actor, issueRef).projectId;
    else if (q.get('project')) {
      const ref = q.get('project')!;
      const p = /^\d+$/.test(ref)
        ? store.projects.get(Number(ref))
        : store.projectsByKey.get(ref.toUpperCase());
      if (!p || !has(req.actor, p.id, 'BROWSE_PROJECTS'))
        return fail(404, `No project could be found with key '${ref}'.`);
      projectId = p.id;
    } else return fail(400, "One of 'project', 'issueKey' or 'issueId' parameters is required.");
    const pid = projectId;
    const users = matchUsers(q.get('query') ?? q.get('accountId') ?? '').filter(
      (u) => store.grants.get(u.accountId)?.get(pid)?.has('ASSIGNABLE_USER') ?? false,
    );
    return userList(
      req,
      users.map((u) => u.accountId),
    );
  };

  const findProject = (actor: Actor, ref: string): JiraProjectRecord => {
    const p = /^\d+$/.test(ref)
      ? store.projects.get(Number(ref))
      : store.projectsByKey.get(ref.toUpperCase());
    if (!p || !has(actor, p.id, 'BROWSE_PROJECTS'))
      throw new HttpError(fail(404, `No project could be found with key '${ref}'.`));
    return p;
  };

  const getProject: Handler = (req, [ref]) => json(200, renderer.project(findProject(req.actor, ref!), true));

  const visibleProjects = (actor: Actor, action: string) => {
    const permission: ProjectPermissionKey =
      action === 'edit' ? 'ADMINISTER_PROJECTS' : action === 'create' ? 'CREATE_ISSUES' : 'BROWSE_PROJECTS';
    return [...store.projects.values()]
      .filter((p) => has(actor, p.id, 'BROWSE_PROJECTS') && has(actor, p.id, permission))
      .sort((a, b) => a.key.localeCompare(b.key));
  };

  const listProjects: Handler = (req) =>
    json(
      200,
      visibleProjects(req.actor, 'view').map((p) => renderer.project(p, true)),
    );

  const searchProjects: Handler = (req) => {
    const q = req.query;
    const keys = multi(q, 'keys')
      .flatMap((k) => k.split(','))
      .map((k) => k.toUpperCase());
    const ids = multi(q, 'id').flatMap((k) => k.split(','));
    const text = (q.get('query') ?? '').toLowerCase();
    const projects = visibleProjects(req.actor, q.get('action') ?? 'view').filter(
      (p) =>
        (keys.length === 0 || keys.includes(p.key)) &&
        (ids.length === 0 || ids.includes(String(p.id))) &&
        (text === '' || p.key.toLowerCase().includes(text) || p.name.toLowerCase().includes(text)),
    );
    const startAt = intParam(q.get('startAt'), 0);
    const maxResults = Math.min(intParam(q.get('maxResults'), 50), 100);
    const isLast = startAt + maxResults >= projects.length;
    const self = `${renderer.baseUrl}${PREFIX}/project/search?maxResults=${maxResults}&startAt=${startAt}`;
    return json(200, {
      self,
      ...(isLast
        ? {}
        : {
            nextPage: `${renderer.baseUrl}${PREFIX}/project/search?maxResults=${maxResults}&startAt=${startAt + maxResults}`,
          }),
      maxResults,
      startAt,
      total: projects.length,
      isLast,
      values: projects.slice(startAt, startAt + maxResults).map((p) => renderer.project(p, false)),
    });
  };

  const metadata: Record<string, Handler> = {
    priority: () =>
      json(
        200,
        PRIORITIES.map((p) => ({
          ...renderer.priority(p.id),
          description: p.name,
          statusColor: p.statusColor,
        })),
      ),
    status: () =>
      json(
        200,
        STATUSES.map((s) => renderer.status(s.id)),
      ),
    statuscategory: () =>
      json(
        200,
        Object.values(STATUS_CATEGORIES).map((c) =>
          renderer.statusCategory(STATUSES.find((s) => s.category === c.key)!.id),
        ),
      ),
    issuetype: () =>
      json(
        200,
        ISSUE_TYPES.map((t) => renderer.issueType(t.id)),
      ),
    resolution: () =>
      json(
        200,
        RESOLUTIONS.map((r) => renderer.resolution(r.id)),
      ),
    issueLinkType: () => json(200, { issueLinkTypes: LINK_TYPES.map((t) => renderer.linkType(t)) }),
  };

  // -------------------------------------------------------------------------------------------------
  // Routing

  const routes: Array<[string, RegExp, Handler]> = [
    ['POST', /^\/issue$/, createIssue],
    ['POST', /^\/issue\/bulkfetch$/, bulkFetch],
    ['GET', /^\/issue\/([^/]+)$/, getIssue],
    ['PUT', /^\/issue\/([^/]+)$/, editIssue],
    ['DELETE', /^\/issue\/([^/]+)$/, deleteIssue],
    ['PUT', /^\/issue\/([^/]+)\/assignee$/, assignIssue],
    ['GET', /^\/issue\/([^/]+)\/transitions$/, getTransitions],
    ['POST', /^\/issue\/([^/]+)\/transitions$/, doTransition],
    ['GET', /^\/issue\/([^/]+)\/changelog$/, getChangelog],
    ['GET', /^\/issue\/([^/]+)\/comment$/, getComments],
    ['POST', /^\/issue\/([^/]+)\/comment$/, addComment],
    ['GET', /^\/issue\/([^/]+)\/properties$/, listProperties],
    ['GET', /^\/issue\/([^/]+)\/properties\/([^/]+)$/, getProperty],
    ['PUT', /^\/issue\/([^/]+)\/properties\/([^/]+)$/, putProperty],
    ['DELETE', /^\/issue\/([^/]+)\/properties\/([^/]+)$/, deleteProperty],
    ['GET', /^\/issue\/([^/]+)\/watchers$/, getWatchers],
    ['POST', /^\/issue\/([^/]+)\/watchers$/, addWatcher],
    ['DELETE', /^\/issue\/([^/]+)\/watchers$/, removeWatcher],
    ['POST', /^\/issue\/([^/]+)\/notify$/, notify],
    ['POST', /^\/issueLink$/, linkIssues],
    ['GET', /^\/search\/jql$/, searchGet],
    ['POST', /^\/search\/jql$/, searchPost],
    ['POST', /^\/search\/approximate-count$/, approximateCount],
    ['POST', /^\/jql\/parse$/, parseJql],
    ['POST', /^\/expression\/evaluate$/, (req) => expressions(req, false)],
    ['POST', /^\/expression\/eval$/, (req) => expressions(req, true)],
    ['GET', /^\/mypermissions$/, myPermissions],
    ['POST', /^\/permissions\/check$/, bulkPermissions],
    ['GET', /^\/myself$/, myself],
    ['GET', /^\/user$/, getUser],
    ['GET', /^\/user\/bulk$/, bulkUsers],
    ['GET', /^\/user\/search$/, searchUsers],
    ['GET', /^\/user\/assignable\/search$/, assignableUsers],
    ['GET', /^\/users\/search$/, allUsers],
    ['GET', /^\/users$/, allUsers],
    ['GET', /^\/group\/member$/, groupMembers],
    ['GET', /^\/project$/, listProjects],
    ['GET', /^\/project\/search$/, searchProjects],
    ['GET', /^\/project\/([^/]+)$/, getProject],
    ...Object.entries(metadata).map(([name, h]): [string, RegExp, Handler] => [
      'GET',
      new RegExp(`^/${name}$`),
      h,
    ]),
  ];

  const handle = (req: ProductRequest): ProductResponse => {
    calls++;
    if (!req.path.startsWith(`${PREFIX}/`)) return fail(404, `No Jira REST resource at ${req.path}.`);
    const sub = req.path.slice(PREFIX.length);
    const method = req.method.toUpperCase();
    let pathMatched = false;
    for (const [m, pattern, handler] of routes) {
      const match = pattern.exec(sub);
      if (!match) continue;
      pathMatched = true;
      if (m !== method) continue;
      if (req.actor.kind === 'anonymous')
        return fail(401, 'Client must be authenticated to access this resource.');
      try {
        return handler(
          req,
          match.slice(1).map((p) => decodeURIComponent(p)),
        );
      } catch (e) {
        if (e instanceof HttpError) return e.response;
        if (e instanceof JqlError) return json(400, errorBody(e.messages));
        throw e;
      }
    }
    return pathMatched
      ? fail(405, `Method ${method} is not allowed for ${req.path}.`)
      : fail(404, `No Jira REST resource at ${req.path}.`);
  };

  // -------------------------------------------------------------------------------------------------
  // Seeding

  const seed = (data: JiraSeed) => {
    const at = now().getTime();
    const ms = (iso: string | undefined, fallback: number) => (iso ? Date.parse(iso) : fallback);
    const adf = (v: unknown) =>
      typeof v === 'string'
        ? { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: v }] }] }
        : v;
    store.transaction(() => {
      for (const u of data.users) {
        store.putUser({
          accountId: u.accountId,
          displayName: u.displayName,
          ...(u.emailAddress ? { emailAddress: u.emailAddress } : {}),
          timeZone: u.timeZone ?? 'UTC',
          active: u.active ?? true,
          accountType: u.accountType ?? 'atlassian',
          ...(u.groups ? { groups: [...u.groups] } : {}),
        });
      }
      for (const p of data.projects) {
        const existing = store.projectsByKey.get(p.key.toUpperCase());
        store.putProject({
          id: existing?.id ?? store.nextId('project'),
          key: p.key.toUpperCase(),
          name: p.name,
          description: p.description ?? '',
          leadAccountId: p.leadAccountId ?? null,
          counter: existing?.counter ?? 0,
        });
      }
      for (const g of data.permissions) {
        const project = store.projectsByKey.get(g.projectKey.toUpperCase());
        if (!project) throw new Error(`Seed grants permissions on unknown project ${g.projectKey}`);
        store.grant(g.accountId, project.id, g.permissions);
      }
      for (const g of data.globalPermissions ?? []) store.grantGlobal(g.accountId, g.permissions);
      for (const s of data.issues) {
        const m = /^([A-Z][A-Z0-9_]*)-(\d+)$/.exec(s.key.toUpperCase());
        const project = m ? store.projectsByKey.get(m[1]!) : undefined;
        if (!m || !project) throw new Error(`Seed issue ${s.key} has no known project`);
        const type = issueTypeByName.get(s.issueType.toLowerCase());
        if (!type) throw new Error(`Seed issue ${s.key} has unknown issue type ${s.issueType}`);
        const status = statusByName.get((s.status ?? 'To Do').toLowerCase());
        if (!status) throw new Error(`Seed issue ${s.key} has unknown status ${s.status}`);
        const priority = priorityByName.get((s.priority ?? 'Medium').toLowerCase());
        const parent = s.parent ? store.issuesByKey.get(s.parent.toUpperCase()) : undefined;
        if (s.parent && !parent)
          throw new Error(`Seed issue ${s.key} names parent ${s.parent} before it exists`);
        const created = ms(s.created, at);
        const updated = ms(s.updated, created);
        const done = status.category === 'done';
        const num = Number(m[2]);
        const existing = store.issuesByKey.get(s.key.toUpperCase());
        const issue: IssueRecord = {
          id: existing?.id ?? store.nextId('issue'),
          key: `${project.key}-${num}`,
          projectId: project.id,
          num,
          summary: s.summary,
          description: s.description === undefined ? null : adf(s.description),
          issueTypeId: type.id,
          statusId: status.id,
          priorityId: priority?.id ?? DEFAULT_PRIORITY_ID,
          resolutionId: done ? DONE_RESOLUTION_ID : null,
          labels: [...(s.labels ?? [])],
          assignee: s.assignee ?? null,
          reporter: s.reporter ?? project.leadAccountId,
          creator: s.reporter ?? project.leadAccountId,
          duedate: s.duedate ?? null,
          parentId: parent?.id ?? null,
          created,
          updated,
          statusCategoryChangedDate: ms(s.statusCategoryChangedDate, updated),
          resolutionDate: done ? ms(s.resolutionDate, updated) : null,
          watchers: [...(s.watchers ?? [])],
          ...(s.flagged ? { flagged: true } : {}),
        };
        if (issue.duedate !== null && !Number.isFinite(dateOnlyToMs(issue.duedate))) {
          throw new Error(`Seed issue ${s.key} has an invalid due date ${issue.duedate}`);
        }
        if (project.counter < num) {
          project.counter = num;
          store.putProject(project);
        }
        store.putIssue(issue);
        for (const [key, value] of Object.entries(s.properties ?? {}))
          store.setProperty(issue.id, key, value);
        for (const c of s.comments ?? []) {
          const cAt = ms(c.created, updated);
          store.putComment({
            id: store.nextId('comment'),
            issueId: issue.id,
            author: c.author,
            updateAuthor: c.author,
            body: adf(c.body),
            created: cAt,
            updated: cAt,
          });
        }
      }
      for (const l of data.links ?? []) {
        const type = linkTypeByName.get(l.type.toLowerCase());
        const from = store.issuesByKey.get(l.from.toUpperCase());
        const to = store.issuesByKey.get(l.to.toUpperCase());
        if (!type || !from || !to) throw new Error(`Seed link ${l.from} ${l.type} ${l.to} is invalid`);
        store.putLink({ id: store.nextId('link'), typeId: type.id, sourceId: from.id, destinationId: to.id });
      }
    });
  };

  return {
    handle,
    reset: () => {
      store.reset();
      searchCache.clear();
    },
    seed,
    counts: () => ({ calls }),
    notifications: () => store.notifications,
  };
}

/** A string or number from a request body as text; anything else is empty (never `[object Object]`). */
function scalarText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
