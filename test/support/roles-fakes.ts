import type {
  IssueActions,
  IssueLinkSnapshot,
  IssueNotification,
  IssuePermission,
  IssueSnapshot,
  IssueTracker,
  RolesAuditLog,
  RolesAuditRecord,
} from '../../src/app/ports';
import { AppError } from '../../src/app/errors';

/** One issue of the fake Jira. */
export interface FakeIssue {
  key: string;
  type: string;
  parentKey?: string;
  properties: Record<string, unknown>;
  links?: IssueLinkSnapshot[];
  comments: Array<{ id: string; author: string; body: unknown }>;
}

/**
 * A small Jira for use-case tests: issues with properties, per-person permissions on every issue, and a log
 * of each call, so tests can assert what was read and that refused calls wrote nothing.
 */
export class FakeJira {
  readonly issues = new Map<string, FakeIssue>();
  /** accountId → permissions held on every issue ("app" holds all). */
  readonly grants = new Map<string, Set<IssuePermission>>();
  readonly calls: string[] = [];
  readonly notifications: Array<IssueNotification & { issueKey: string; sender: string }> = [];
  private commentSeq = 0;

  add(issue: Omit<FakeIssue, 'properties' | 'comments'> & { properties?: Record<string, unknown> }): this {
    this.issues.set(issue.key, { properties: {}, comments: [], ...issue });
    return this;
  }

  grant(accountId: string, ...permissions: IssuePermission[]): this {
    this.grants.set(accountId, new Set(permissions));
    return this;
  }

  writes(): string[] {
    return this.calls.filter((c) => !c.startsWith('get ') && !c.startsWith('permissions '));
  }

  private can(who: string, p: IssuePermission): boolean {
    return who === 'app' || (this.grants.get(who)?.has(p) ?? false);
  }

  private visible(who: string, key: string): FakeIssue | undefined {
    const issue = this.issues.get(key);
    return issue && this.can(who, 'BROWSE_PROJECTS') ? issue : undefined;
  }

  /** Jira as `who` (an account id, or "app"). */
  as(who: string): IssueTracker & IssueActions {
    const need = (key: string, p: IssuePermission, what: string): FakeIssue => {
      const issue = this.visible(who, key);
      if (!issue)
        throw new AppError(
          'NOT_FOUND',
          `Issue ${key} does not exist or you do not have permission to see it.`,
        );
      if (!this.can(who, p)) throw new AppError('FORBIDDEN', `Jira did not let you ${what} on ${key}.`);
      return issue;
    };
    return {
      getIssue: async (key, { properties = [], links = false }) => {
        this.calls.push(`get ${key}`);
        const issue = this.visible(who, key);
        if (!issue) return null;
        const snapshot: IssueSnapshot = {
          id: key,
          key,
          summary: key,
          issueType: { name: issue.type, hierarchyLevel: 0 },
          status: { name: 'To Do', category: 'new' },
          ...(issue.parentKey && this.visible(who, issue.parentKey) ? { parentKey: issue.parentKey } : {}),
          properties: Object.fromEntries(
            properties
              .filter((p) => p in issue.properties)
              .map((p) => [p, structuredClone(issue.properties[p])]),
          ),
          ...(links ? { links: issue.links ?? [] } : {}),
        };
        return snapshot;
      },
      searchIssues: async () => {
        throw new Error('not used');
      },
      countIssues: async () => {
        throw new Error('not used');
      },
      permissions: async (key, keys) => {
        this.calls.push(`permissions ${key}`);
        if (!this.visible(who, key)) return null;
        return Object.fromEntries(keys.map((k) => [k, this.can(who, k)])) as never;
      },
      setProperty: async (key, propertyKey, value) => {
        const issue = need(key, 'EDIT_ISSUES', 'save the roles');
        this.calls.push(`put ${key} ${propertyKey} as ${who}`);
        issue.properties[propertyKey] = structuredClone(value);
      },
      deleteProperty: async (key, propertyKey) => {
        const issue = need(key, 'EDIT_ISSUES', 'remove the roles');
        this.calls.push(`delete ${key} ${propertyKey} as ${who}`);
        delete issue.properties[propertyKey];
      },
      addComment: async (key, body) => {
        const issue = need(key, 'ADD_COMMENTS', 'add a comment');
        const id = String(++this.commentSeq);
        this.calls.push(`comment ${key} as ${who}`);
        issue.comments.push({ id, author: who, body });
        return { id };
      },
      notify: async (key, n) => {
        need(key, 'BROWSE_PROJECTS', 'send a notification');
        this.calls.push(`notify ${key} as ${who}`);
        this.notifications.push({ ...n, issueKey: key, sender: who });
      },
    };
  }
}

/** The roles audit log in memory, newest first like the `by-issue` index read DESC. */
export function memoryAuditLog(): RolesAuditLog & { records: RolesAuditRecord[] } {
  const records: RolesAuditRecord[] = [];
  return {
    records,
    async append(record) {
      records.push(structuredClone(record));
    },
    async list(issueKey, limit) {
      return records
        .filter((r) => r.issueKey === issueKey)
        .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
        .slice(0, limit);
    },
  };
}
