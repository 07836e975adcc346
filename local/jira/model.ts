/**
 * Records of the emulated Jira (what it stores) and the seed format (what a scenario or the demo loads).
 * Records use numeric ids and epoch milliseconds; the REST layer renders Jira's string shapes.
 */
import type { GlobalPermissionKey, ProjectPermissionKey } from './catalog';

export interface JiraUserRecord {
  accountId: string;
  displayName: string;
  /** Shown only to the user themself (GET /myself), as Jira does under its privacy controls. */
  emailAddress?: string;
  timeZone: string;
  active: boolean;
  accountType: 'atlassian' | 'app';
  /** Jira groups the user belongs to (`GET /group/member`). */
  groups?: string[];
}

export interface JiraProjectRecord {
  id: number;
  key: string;
  name: string;
  description: string;
  leadAccountId: string | null;
  /** Highest issue number handed out so far (keys are never reused, as in Jira). */
  counter: number;
}

export interface IssueRecord {
  id: number;
  key: string;
  projectId: number;
  num: number;
  summary: string;
  /** ADF document or null. */
  description: unknown;
  issueTypeId: string;
  statusId: string;
  priorityId: string | null;
  resolutionId: string | null;
  labels: string[];
  assignee: string | null;
  reporter: string | null;
  creator: string | null;
  /** `YYYY-MM-DD` or null. */
  duedate: string | null;
  parentId: number | null;
  created: number;
  updated: number;
  statusCategoryChangedDate: number;
  resolutionDate: number | null;
  watchers: string[];
  /** Jira Software's Flagged (`customfield_10021` = [Impediment]); absent on records stored before it existed. */
  flagged?: boolean;
}

export interface CommentRecord {
  id: number;
  issueId: number;
  author: string;
  updateAuthor: string;
  /** ADF document. */
  body: unknown;
  created: number;
  updated: number;
}

export interface LinkRecord {
  id: number;
  typeId: string;
  /** The issue whose outward description applies ("A blocks B": A is the source). */
  sourceId: number;
  destinationId: number;
}

export interface ChangelogItem {
  field: string;
  fieldtype: string;
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface HistoryRecord {
  id: number;
  issueId: number;
  author: string;
  created: number;
  items: ChangelogItem[];
}

export interface NotificationRecord {
  id: number;
  issueKey: string;
  sender: string;
  at: number;
  /** The request body as Jira received it (subject, textBody, htmlBody, to, restrict). */
  notification: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------------
// Seed format

export interface JiraSeedUser {
  accountId: string;
  displayName: string;
  emailAddress?: string;
  timeZone?: string;
  active?: boolean;
  accountType?: 'atlassian' | 'app';
  groups?: string[];
}

export interface JiraSeedProject {
  key: string;
  name: string;
  description?: string;
  leadAccountId?: string;
}

export interface JiraSeedGrant {
  accountId: string;
  projectKey: string;
  permissions: readonly ProjectPermissionKey[];
}

/** Site-wide permissions, e.g. who is a Jira administrator (`ADMINISTER`). */
export interface JiraSeedGlobalGrant {
  accountId: string;
  permissions: readonly GlobalPermissionKey[];
}

export interface JiraSeedComment {
  author: string;
  /** ADF document, or plain text that becomes one paragraph. */
  body: unknown;
  /** ISO time; defaults to the issue's `updated`. */
  created?: string;
}

export interface JiraSeedIssue {
  /** `PROJECT-N`; N fixes the number so keys stay stable. */
  key: string;
  summary: string;
  /** Issue type name, e.g. `Epic`, `Story`, `Decision`, `Subtask`. */
  issueType: string;
  /** Status name; defaults to `To Do`. */
  status?: string;
  /** Priority name; defaults to `Medium`. */
  priority?: string;
  labels?: readonly string[];
  assignee?: string | null;
  reporter?: string;
  duedate?: string | null;
  /** Parent issue key (must appear earlier in the list). */
  parent?: string;
  /** ADF document, or plain text that becomes one paragraph. */
  description?: unknown;
  /** ISO times; default to the seed's `now`. */
  created?: string;
  updated?: string;
  statusCategoryChangedDate?: string;
  resolutionDate?: string;
  properties?: Record<string, unknown>;
  /** Flagged as an impediment (`customfield_10021`). */
  flagged?: boolean;
  watchers?: readonly string[];
  comments?: readonly JiraSeedComment[];
}

export interface JiraSeedLink {
  /** Link type name, e.g. `Blocks`, `Relates`. */
  type: string;
  /** Source issue key: "from blocks to". */
  from: string;
  to: string;
}

export interface JiraSeed {
  users: readonly JiraSeedUser[];
  projects: readonly JiraSeedProject[];
  permissions: readonly JiraSeedGrant[];
  globalPermissions?: readonly JiraSeedGlobalGrant[];
  issues: readonly JiraSeedIssue[];
  links?: readonly JiraSeedLink[];
}
