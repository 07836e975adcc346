/**
 * Renders emulated Jira records in Jira Cloud's REST v3 shapes (IssueBean, UserDetails, Project,
 * StatusDetails, Comment, IssueTransition ...), keeping to the properties the OpenAPI spec allows.
 */
import {
  FIELD_NAMES,
  FLAGGED_FIELD,
  FLAGGED_OPTION,
  ISSUE_TYPES,
  NON_NAVIGABLE_FIELDS,
  TRANSITIONS,
  WORKFLOW,
  issueTypeById,
  linkTypeById,
  priorityById,
  resolutionById,
  statusById,
  statusCategoryOf,
  transitionById,
  type LinkTypeDef,
} from './catalog';
import { formatJiraDateTime } from './dates';
import type { CommentRecord, IssueRecord, JiraProjectRecord, JiraUserRecord } from './model';
import type { JiraStore } from './store';

export const ALL_FIELDS = Object.keys(FIELD_NAMES);

/** Which fields a request asked for (`*all`, `*navigable`, names, `-name`), Jira's rules. */
export function fieldSelector(specs: readonly string[], defaultSpec: string): (field: string) => boolean {
  let items = specs
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (items.length === 0) items = [defaultSpec];
  let base: 'none' | 'all' | 'navigable' = 'none';
  const include = new Set<string>();
  const exclude = new Set<string>();
  for (const item of items) {
    if (item === '*all') base = 'all';
    else if (item === '*navigable') base = base === 'all' ? 'all' : 'navigable';
    else if (item.startsWith('-')) exclude.add(item.slice(1));
    else include.add(item);
  }
  if (base === 'none' && include.size === 0 && exclude.size > 0) base = 'navigable';
  return (field) => {
    if (exclude.has(field)) return false;
    if (include.has(field)) return true;
    if (base === 'all') return true;
    if (base === 'navigable') return !NON_NAVIGABLE_FIELDS.has(field);
    return false;
  };
}

/** `properties` of GET issue / search: names, `*all`, `-name`. */
export function propertySelector(specs: readonly string[]): ((key: string) => boolean) | null {
  const items = specs
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (items.length === 0) return null;
  const all = items.includes('*all');
  const include = new Set(items.filter((i) => !i.startsWith('-') && i !== '*all'));
  const exclude = new Set(items.filter((i) => i.startsWith('-')).map((i) => i.slice(1)));
  return (key) => !exclude.has(key) && (all || include.has(key));
}

export interface Viewer {
  /** Account id of the person asking, or null for the app. */
  accountId: string | null;
  canBrowse(projectId: number): boolean;
  /** EDIT_ISSUES in the project: `expand=editmeta` lists editable fields only for people who may edit. */
  canEdit(projectId: number): boolean;
}

/** The fields `expand=editmeta` describes, as Jira's FieldMetadata (only those Accord's demo uses). */
const EDITABLE_FIELDS: Record<
  string,
  { type: string; items?: string; system: string; operations: string[] }
> = {
  summary: { type: 'string', system: 'summary', operations: ['set'] },
  labels: { type: 'array', items: 'string', system: 'labels', operations: ['add', 'set', 'remove'] },
  priority: { type: 'priority', system: 'priority', operations: ['set'] },
  duedate: { type: 'date', system: 'duedate', operations: ['set'] },
  assignee: { type: 'user', system: 'assignee', operations: ['set'] },
  description: { type: 'string', system: 'description', operations: ['set'] },
};

export class JiraRenderer {
  constructor(
    private readonly store: JiraStore,
    readonly baseUrl: string,
  ) {}

  private api(path: string) {
    return `${this.baseUrl}/rest/api/3/${path}`;
  }

  avatarUrls(seed: string) {
    const url = `${this.baseUrl}/avatar/${encodeURIComponent(seed)}`;
    return { '48x48': `${url}?s=48`, '24x24': `${url}?s=24`, '16x16': `${url}?s=16`, '32x32': `${url}?s=32` };
  }

  /** UserDetails; `withEmail` only for the user themself (Jira hides e-mail from others). */
  user(accountId: string, withEmail = false): Record<string, unknown> {
    const u: JiraUserRecord | undefined = this.store.users.get(accountId);
    return {
      self: this.api(`user?accountId=${encodeURIComponent(accountId)}`),
      accountId,
      ...(withEmail && u?.emailAddress ? { emailAddress: u.emailAddress } : {}),
      avatarUrls: this.avatarUrls(accountId),
      displayName: u?.displayName ?? 'Former user',
      active: u?.active ?? false,
      timeZone: u?.timeZone ?? 'UTC',
      accountType: u?.accountType ?? 'atlassian',
    };
  }

  statusCategory(statusId: string) {
    const c = statusCategoryOf(statusId);
    return {
      self: this.api(`statuscategory/${c.id}`),
      id: c.id,
      key: c.key,
      colorName: c.colorName,
      name: c.name,
    };
  }

  status(statusId: string) {
    const s = statusById.get(statusId);
    return {
      self: this.api(`status/${statusId}`),
      description: s?.description ?? '',
      iconUrl: `${this.baseUrl}/images/icons/statuses/generic.png`,
      name: s?.name ?? statusId,
      id: statusId,
      statusCategory: this.statusCategory(statusId),
    };
  }

  issueType(typeId: string) {
    const t = issueTypeById.get(typeId);
    return {
      self: this.api(`issuetype/${typeId}`),
      id: typeId,
      description: t?.description ?? '',
      iconUrl: `${this.baseUrl}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${t?.avatarId ?? 10318}?size=medium`,
      name: t?.name ?? typeId,
      subtask: t?.subtask ?? false,
      avatarId: t?.avatarId ?? 10318,
      hierarchyLevel: t?.hierarchyLevel ?? 0,
    };
  }

  priority(priorityId: string) {
    const p = priorityById.get(priorityId);
    return {
      self: this.api(`priority/${priorityId}`),
      iconUrl: `${this.baseUrl}/images/icons/priorities/${p?.icon ?? 'medium_new.svg'}`,
      name: p?.name ?? priorityId,
      id: priorityId,
    };
  }

  resolution(resolutionId: string) {
    const r = resolutionById.get(resolutionId);
    return {
      self: this.api(`resolution/${resolutionId}`),
      id: resolutionId,
      description: r?.description ?? '',
      name: r?.name ?? resolutionId,
    };
  }

  linkType(t: LinkTypeDef) {
    return {
      id: t.id,
      name: t.name,
      inward: t.inward,
      outward: t.outward,
      self: this.api(`issueLinkType/${t.id}`),
    };
  }

  projectRef(p: JiraProjectRecord) {
    return {
      self: this.api(`project/${p.id}`),
      id: String(p.id),
      key: p.key,
      name: p.name,
      projectTypeKey: 'software',
      simplified: false,
      avatarUrls: this.avatarUrls(`project-${p.key}`),
    };
  }

  /** The Project bean of GET /project/{key} and /project/search. */
  project(p: JiraProjectRecord, full: boolean): Record<string, unknown> {
    return {
      expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
      ...this.projectRef(p),
      ...(full
        ? {
            description: p.description,
            ...(p.leadAccountId ? { lead: this.user(p.leadAccountId) } : {}),
            components: [],
            issueTypes: ISSUE_TYPES.map((t) => this.issueType(t.id)),
            assigneeType: 'UNASSIGNED',
            versions: [],
            roles: {},
          }
        : {}),
      style: 'classic',
      isPrivate: false,
      properties: {},
    };
  }

  /** The compact `fields` Jira nests for a parent, sub-task or linked issue. */
  private issueRef(issue: IssueRecord) {
    return {
      id: String(issue.id),
      key: issue.key,
      self: this.api(`issue/${issue.id}`),
      fields: {
        summary: issue.summary,
        status: this.status(issue.statusId),
        ...(issue.priorityId ? { priority: this.priority(issue.priorityId) } : {}),
        issuetype: this.issueType(issue.issueTypeId),
      },
    };
  }

  comment(c: CommentRecord, issueId: number): Record<string, unknown> {
    return {
      self: this.api(`issue/${issueId}/comment/${c.id}`),
      id: String(c.id),
      author: this.user(c.author),
      body: c.body,
      updateAuthor: this.user(c.updateAuthor),
      created: formatJiraDateTime(c.created),
      updated: formatJiraDateTime(c.updated),
      jsdPublic: true,
    };
  }

  commentPage(issue: IssueRecord, startAt: number, maxResults: number, newestFirst: boolean) {
    const all = [...(this.store.comments.get(issue.id) ?? [])];
    if (newestFirst) all.reverse();
    return {
      comments: all.slice(startAt, startAt + maxResults).map((c) => this.comment(c, issue.id)),
      self: this.api(`issue/${issue.id}/comment`),
      maxResults,
      total: all.length,
      startAt,
    };
  }

  transitions(issue: IssueRecord): Array<Record<string, unknown>> {
    return (WORKFLOW[issue.statusId] ?? []).map((id) => {
      const t = transitionById.get(id) ?? TRANSITIONS[0]!;
      return {
        id: t.id,
        name: t.name,
        to: this.status(t.toStatusId),
        hasScreen: false,
        isGlobal: false,
        isInitial: false,
        isAvailable: true,
        isConditional: false,
        isLooped: false,
      };
    });
  }

  /** Every field value of an issue, for the fields `include` accepts. */
  fields(issue: IssueRecord, include: (field: string) => boolean, viewer: Viewer): Record<string, unknown> {
    const store = this.store;
    const out: Record<string, unknown> = {};
    const put = (field: string, value: () => unknown) => {
      if (include(field)) out[field] = value();
    };
    const project = store.projects.get(issue.projectId);
    put('statuscategorychangedate', () => formatJiraDateTime(issue.statusCategoryChangedDate));
    put('issuetype', () => this.issueType(issue.issueTypeId));
    if (issue.parentId !== null) {
      const parent = store.issues.get(issue.parentId);
      if (parent && viewer.canBrowse(parent.projectId)) put('parent', () => this.issueRef(parent));
    }
    put('project', () => (project ? this.projectRef(project) : null));
    put('fixVersions', () => []);
    put('resolution', () => (issue.resolutionId ? this.resolution(issue.resolutionId) : null));
    put('resolutiondate', () =>
      issue.resolutionDate === null ? null : formatJiraDateTime(issue.resolutionDate),
    );
    put('watches', () => ({
      self: this.api(`issue/${issue.key}/watchers`),
      watchCount: issue.watchers.length,
      isWatching: viewer.accountId !== null && issue.watchers.includes(viewer.accountId),
    }));
    put('created', () => formatJiraDateTime(issue.created));
    put('priority', () => (issue.priorityId ? this.priority(issue.priorityId) : null));
    put('labels', () => [...issue.labels]);
    put('issuelinks', () => this.issueLinks(issue, viewer));
    put('assignee', () => (issue.assignee ? this.user(issue.assignee) : null));
    put('updated', () => formatJiraDateTime(issue.updated));
    put('status', () => this.status(issue.statusId));
    put('components', () => []);
    put('description', () => issue.description ?? null);
    put('summary', () => issue.summary);
    put('creator', () => (issue.creator ? this.user(issue.creator) : null));
    put('subtasks', () =>
      [...(store.children.get(issue.id) ?? [])]
        .map((id) => store.issues.get(id))
        .filter((c): c is IssueRecord => !!c && issueTypeById.get(c.issueTypeId)?.subtask === true)
        .map((c) => this.issueRef(c)),
    );
    put('reporter', () => (issue.reporter ? this.user(issue.reporter) : null));
    put('duedate', () => issue.duedate);
    put(FLAGGED_FIELD, () =>
      issue.flagged
        ? [{ self: this.api(`customFieldOption/${FLAGGED_OPTION.id}`), ...FLAGGED_OPTION }]
        : null,
    );
    put('comment', () => this.commentPage(issue, 0, 5000, false));
    return out;
  }

  issueLinks(issue: IssueRecord, viewer: Viewer): Array<Record<string, unknown>> {
    const out: Array<Record<string, unknown>> = [];
    for (const linkId of this.store.linksByIssue.get(issue.id) ?? []) {
      const link = this.store.links.get(linkId);
      const type = link ? linkTypeById.get(link.typeId) : undefined;
      if (!link || !type) continue;
      const outward = link.sourceId === issue.id;
      const other = this.store.issues.get(outward ? link.destinationId : link.sourceId);
      if (!other || !viewer.canBrowse(other.projectId)) continue;
      out.push({
        id: String(link.id),
        self: this.api(`issueLink/${link.id}`),
        type: this.linkType(type),
        [outward ? 'outwardIssue' : 'inwardIssue']: this.issueRef(other),
      });
    }
    return out;
  }

  /** An IssueBean. `fields` null leaves the `fields` object out (search with `fields=id`). */
  issue(
    issue: IssueRecord,
    opts: {
      include: ((field: string) => boolean) | null;
      properties: ((key: string) => boolean) | null;
      expand: ReadonlySet<string>;
      viewer: Viewer;
      idOnly?: boolean;
    },
  ): Record<string, unknown> {
    if (opts.idOnly) return { id: String(issue.id) };
    const bean: Record<string, unknown> = {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: String(issue.id),
      self: this.api(`issue/${issue.id}`),
      key: issue.key,
    };
    if (opts.expand.has('transitions')) bean.transitions = this.transitions(issue);
    if (opts.expand.has('changelog')) bean.changelog = this.changelog(issue, 0, 40);
    if (opts.expand.has('renderedFields')) bean.renderedFields = {};
    if (opts.expand.has('editmeta')) {
      // Jira lists the fields the person may edit; someone without EDIT_ISSUES gets an empty list.
      const editable = opts.viewer.accountId === null || opts.viewer.canEdit(issue.projectId);
      bean.editmeta = {
        fields: editable
          ? Object.fromEntries(
              Object.entries(EDITABLE_FIELDS).map(([key, f]) => [
                key,
                {
                  required: key === 'summary',
                  schema: { type: f.type, ...(f.items ? { items: f.items } : {}), system: f.system },
                  name: FIELD_NAMES[key] ?? key,
                  key,
                  operations: f.operations,
                },
              ]),
            )
          : {},
      };
    }
    if (opts.properties) {
      const props: Record<string, unknown> = {};
      for (const [key, value] of this.store.properties.get(issue.id) ?? []) {
        if (opts.properties(key)) props[key] = value;
      }
      bean.properties = props;
    }
    if (opts.include) {
      const fields = this.fields(issue, opts.include, opts.viewer);
      bean.fields = fields;
      if (opts.expand.has('names')) {
        bean.names = Object.fromEntries(Object.keys(fields).map((f) => [f, FIELD_NAMES[f] ?? f]));
      }
    }
    return bean;
  }

  /** PageOfChangelogs, newest history last as Jira's GET issue changelog does. */
  changelog(issue: IssueRecord, startAt: number, maxResults: number) {
    const all = this.store.histories.get(issue.id) ?? [];
    return {
      startAt,
      maxResults,
      total: all.length,
      histories: all.slice(startAt, startAt + maxResults).map((h) => ({
        id: String(h.id),
        author: this.user(h.author),
        created: formatJiraDateTime(h.created),
        items: h.items,
      })),
    };
  }
}
