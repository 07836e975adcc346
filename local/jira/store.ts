/**
 * Durable state of the emulated Jira: every record lives in SQLite (`jira_` tables) and in memory.
 * Reads come from memory (searches over 100,000 issues must be fast); every write goes through to
 * SQLite in the same call, so a restarted site sees exactly what the last one wrote.
 */
import type { Database, Statement } from 'better-sqlite3';
import { GLOBAL_SCOPE, type GlobalPermissionKey, type ProjectPermissionKey } from './catalog';
import type {
  CommentRecord,
  HistoryRecord,
  IssueRecord,
  JiraProjectRecord,
  JiraUserRecord,
  LinkRecord,
  NotificationRecord,
} from './model';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS jira_meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jira_users (account_id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jira_projects (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jira_permissions (
  account_id TEXT NOT NULL, project_id INTEGER NOT NULL, permission TEXT NOT NULL,
  PRIMARY KEY (account_id, project_id, permission));
CREATE TABLE IF NOT EXISTS jira_issues (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jira_issue_properties (
  issue_id INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (issue_id, key));
CREATE TABLE IF NOT EXISTS jira_comments (id INTEGER PRIMARY KEY, issue_id INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jira_links (id INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jira_changelog (id INTEGER PRIMARY KEY, issue_id INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jira_notifications (id INTEGER PRIMARY KEY, data TEXT NOT NULL);
`;

const TABLES = [
  'jira_meta',
  'jira_users',
  'jira_projects',
  'jira_permissions',
  'jira_issues',
  'jira_issue_properties',
  'jira_comments',
  'jira_links',
  'jira_changelog',
  'jira_notifications',
];

/** First ids handed out, as on a fresh Jira Cloud site. */
const FIRST_ID = 10000;

type Sequence = 'issue' | 'project' | 'comment' | 'link' | 'history' | 'notification';

export class JiraStore {
  readonly users = new Map<string, JiraUserRecord>();
  readonly projects = new Map<number, JiraProjectRecord>();
  readonly projectsByKey = new Map<string, JiraProjectRecord>();
  /** accountId → projectId → permissions. */
  readonly grants = new Map<string, Map<number, Set<string>>>();
  /** In id order (ids only grow, and loading reads them sorted). */
  readonly issues = new Map<number, IssueRecord>();
  readonly issuesByKey = new Map<string, IssueRecord>();
  readonly children = new Map<number, Set<number>>();
  readonly properties = new Map<number, Map<string, unknown>>();
  readonly comments = new Map<number, CommentRecord[]>();
  readonly links = new Map<number, LinkRecord>();
  readonly linksByIssue = new Map<number, Set<number>>();
  readonly histories = new Map<number, HistoryRecord[]>();
  readonly notifications: NotificationRecord[] = [];
  /** Bumped on every write; search caches compare it. */
  version = 0;
  private readonly seq = new Map<Sequence, number>();
  private readonly stmt: Record<string, Statement>;

  constructor(private readonly db: Database) {
    db.exec(SCHEMA);
    const s = (sql: string) => db.prepare(sql);
    this.stmt = {
      meta: s('INSERT INTO jira_meta (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v'),
      user: s(
        'INSERT INTO jira_users (account_id, data) VALUES (?, ?) ON CONFLICT(account_id) DO UPDATE SET data = excluded.data',
      ),
      project: s(
        'INSERT INTO jira_projects (id, key, data) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET key = excluded.key, data = excluded.data',
      ),
      grant: s(
        'INSERT OR IGNORE INTO jira_permissions (account_id, project_id, permission) VALUES (?, ?, ?)',
      ),
      issue: s(
        'INSERT INTO jira_issues (id, key, data) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET key = excluded.key, data = excluded.data',
      ),
      deleteIssue: s('DELETE FROM jira_issues WHERE id = ?'),
      prop: s(
        'INSERT INTO jira_issue_properties (issue_id, key, value) VALUES (?, ?, ?) ON CONFLICT(issue_id, key) DO UPDATE SET value = excluded.value',
      ),
      deleteProp: s('DELETE FROM jira_issue_properties WHERE issue_id = ? AND key = ?'),
      deleteProps: s('DELETE FROM jira_issue_properties WHERE issue_id = ?'),
      comment: s(
        'INSERT INTO jira_comments (id, issue_id, data) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data',
      ),
      deleteComments: s('DELETE FROM jira_comments WHERE issue_id = ?'),
      link: s('INSERT INTO jira_links (id, data) VALUES (?, ?)'),
      deleteLink: s('DELETE FROM jira_links WHERE id = ?'),
      history: s('INSERT INTO jira_changelog (id, issue_id, data) VALUES (?, ?, ?)'),
      deleteHistories: s('DELETE FROM jira_changelog WHERE issue_id = ?'),
      notification: s('INSERT INTO jira_notifications (id, data) VALUES (?, ?)'),
    };
    this.load();
  }

  /** Runs `fn` in one SQLite transaction (seeding 100,000 issues must not take 100,000 fsyncs). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  nextId(name: Sequence): number {
    const next = (this.seq.get(name) ?? FIRST_ID - 1) + 1;
    this.seq.set(name, next);
    this.stmt.meta!.run(`seq:${name}`, String(next));
    return next;
  }

  /** Makes sure a later `nextId` never hands out `id` again (seeds choose ids themselves). */
  reserveId(name: Sequence, id: number): void {
    if ((this.seq.get(name) ?? FIRST_ID - 1) < id) {
      this.seq.set(name, id);
      this.stmt.meta!.run(`seq:${name}`, String(id));
    }
  }

  reset(): void {
    this.transaction(() => {
      for (const table of TABLES) this.db.prepare(`DELETE FROM ${table}`).run();
    });
    this.users.clear();
    this.projects.clear();
    this.projectsByKey.clear();
    this.grants.clear();
    this.issues.clear();
    this.issuesByKey.clear();
    this.children.clear();
    this.properties.clear();
    this.comments.clear();
    this.links.clear();
    this.linksByIssue.clear();
    this.histories.clear();
    this.notifications.length = 0;
    this.seq.clear();
    this.version++;
  }

  putUser(user: JiraUserRecord): void {
    this.users.set(user.accountId, user);
    this.stmt.user!.run(user.accountId, JSON.stringify(user));
    this.version++;
  }

  putProject(project: JiraProjectRecord): void {
    this.projects.set(project.id, project);
    this.projectsByKey.set(project.key.toUpperCase(), project);
    this.stmt.project!.run(project.id, project.key, JSON.stringify(project));
    this.version++;
  }

  grant(
    accountId: string,
    projectId: number,
    permissions: readonly (ProjectPermissionKey | GlobalPermissionKey)[],
  ): void {
    let perProject = this.grants.get(accountId);
    if (!perProject) this.grants.set(accountId, (perProject = new Map()));
    let set = perProject.get(projectId);
    if (!set) perProject.set(projectId, (set = new Set()));
    for (const permission of permissions) {
      set.add(permission);
      this.stmt.grant!.run(accountId, projectId, permission);
    }
    this.version++;
  }

  /** Site-wide permissions (kept under the pseudo project GLOBAL_SCOPE). */
  grantGlobal(accountId: string, permissions: readonly GlobalPermissionKey[]): void {
    this.grant(accountId, GLOBAL_SCOPE, permissions);
  }

  putIssue(issue: IssueRecord, previousParentId: number | null = null): void {
    const isNew = !this.issues.has(issue.id);
    this.issues.set(issue.id, issue);
    this.issuesByKey.set(issue.key.toUpperCase(), issue);
    if (!isNew && previousParentId !== null && previousParentId !== issue.parentId) {
      this.children.get(previousParentId)?.delete(issue.id);
    }
    if (issue.parentId !== null) this.addChild(issue.parentId, issue.id);
    this.stmt.issue!.run(issue.id, issue.key, JSON.stringify(issue));
    this.version++;
  }

  deleteIssue(issue: IssueRecord): void {
    this.issues.delete(issue.id);
    this.issuesByKey.delete(issue.key.toUpperCase());
    if (issue.parentId !== null) this.children.get(issue.parentId)?.delete(issue.id);
    this.children.delete(issue.id);
    this.properties.delete(issue.id);
    this.comments.delete(issue.id);
    this.histories.delete(issue.id);
    for (const linkId of [...(this.linksByIssue.get(issue.id) ?? [])]) this.deleteLink(linkId);
    this.linksByIssue.delete(issue.id);
    this.stmt.deleteIssue!.run(issue.id);
    this.stmt.deleteProps!.run(issue.id);
    this.stmt.deleteComments!.run(issue.id);
    this.stmt.deleteHistories!.run(issue.id);
    this.version++;
  }

  setProperty(issueId: number, key: string, value: unknown): void {
    let map = this.properties.get(issueId);
    if (!map) this.properties.set(issueId, (map = new Map()));
    map.set(key, value);
    this.stmt.prop!.run(issueId, key, JSON.stringify(value));
    this.version++;
  }

  deleteProperty(issueId: number, key: string): void {
    this.properties.get(issueId)?.delete(key);
    this.stmt.deleteProp!.run(issueId, key);
    this.version++;
  }

  putComment(comment: CommentRecord): void {
    let list = this.comments.get(comment.issueId);
    if (!list) this.comments.set(comment.issueId, (list = []));
    const at = list.findIndex((c) => c.id === comment.id);
    if (at >= 0) list[at] = comment;
    else list.push(comment);
    this.stmt.comment!.run(comment.id, comment.issueId, JSON.stringify(comment));
    this.version++;
  }

  putLink(link: LinkRecord): void {
    this.indexLink(link);
    this.stmt.link!.run(link.id, JSON.stringify(link));
    this.version++;
  }

  deleteLink(linkId: number): void {
    const link = this.links.get(linkId);
    if (!link) return;
    this.links.delete(linkId);
    this.linksByIssue.get(link.sourceId)?.delete(linkId);
    this.linksByIssue.get(link.destinationId)?.delete(linkId);
    this.stmt.deleteLink!.run(linkId);
    this.version++;
  }

  addHistory(history: HistoryRecord): void {
    let list = this.histories.get(history.issueId);
    if (!list) this.histories.set(history.issueId, (list = []));
    list.push(history);
    this.stmt.history!.run(history.id, history.issueId, JSON.stringify(history));
  }

  addNotification(notification: NotificationRecord): void {
    this.notifications.push(notification);
    this.stmt.notification!.run(notification.id, JSON.stringify(notification));
  }

  private addChild(parentId: number, childId: number): void {
    let set = this.children.get(parentId);
    if (!set) this.children.set(parentId, (set = new Set()));
    set.add(childId);
  }

  private indexLink(link: LinkRecord): void {
    this.links.set(link.id, link);
    for (const issueId of [link.sourceId, link.destinationId]) {
      let set = this.linksByIssue.get(issueId);
      if (!set) this.linksByIssue.set(issueId, (set = new Set()));
      set.add(link.id);
    }
  }

  private load(): void {
    const rows = <T>(sql: string) => this.db.prepare(sql).all() as T[];
    for (const { k, v } of rows<{ k: string; v: string }>('SELECT k, v FROM jira_meta')) {
      if (k.startsWith('seq:')) this.seq.set(k.slice(4) as Sequence, Number(v));
    }
    for (const { data } of rows<{ data: string }>('SELECT data FROM jira_users')) {
      const user = JSON.parse(data) as JiraUserRecord;
      this.users.set(user.accountId, user);
    }
    for (const { data } of rows<{ data: string }>('SELECT data FROM jira_projects ORDER BY id')) {
      const project = JSON.parse(data) as JiraProjectRecord;
      this.projects.set(project.id, project);
      this.projectsByKey.set(project.key.toUpperCase(), project);
    }
    for (const g of rows<{ account_id: string; project_id: number; permission: string }>(
      'SELECT account_id, project_id, permission FROM jira_permissions',
    )) {
      let perProject = this.grants.get(g.account_id);
      if (!perProject) this.grants.set(g.account_id, (perProject = new Map()));
      let set = perProject.get(g.project_id);
      if (!set) perProject.set(g.project_id, (set = new Set()));
      set.add(g.permission);
    }
    for (const { data } of rows<{ data: string }>('SELECT data FROM jira_issues ORDER BY id')) {
      const issue = JSON.parse(data) as IssueRecord;
      this.issues.set(issue.id, issue);
      this.issuesByKey.set(issue.key.toUpperCase(), issue);
      if (issue.parentId !== null) this.addChild(issue.parentId, issue.id);
    }
    for (const p of rows<{ issue_id: number; key: string; value: string }>(
      'SELECT issue_id, key, value FROM jira_issue_properties',
    )) {
      let map = this.properties.get(p.issue_id);
      if (!map) this.properties.set(p.issue_id, (map = new Map()));
      map.set(p.key, JSON.parse(p.value) as unknown);
    }
    for (const { data } of rows<{ data: string }>('SELECT data FROM jira_comments ORDER BY id')) {
      const comment = JSON.parse(data) as CommentRecord;
      let list = this.comments.get(comment.issueId);
      if (!list) this.comments.set(comment.issueId, (list = []));
      list.push(comment);
    }
    for (const { data } of rows<{ data: string }>('SELECT data FROM jira_links ORDER BY id')) {
      this.indexLink(JSON.parse(data) as LinkRecord);
    }
    for (const { data } of rows<{ data: string }>('SELECT data FROM jira_changelog ORDER BY id')) {
      const history = JSON.parse(data) as HistoryRecord;
      let list = this.histories.get(history.issueId);
      if (!list) this.histories.set(history.issueId, (list = []));
      list.push(history);
    }
    for (const { data } of rows<{ data: string }>('SELECT data FROM jira_notifications ORDER BY id')) {
      this.notifications.push(JSON.parse(data) as NotificationRecord);
    }
  }
}
