import type { Assignment } from '../../shared/roles';
import type { Brief } from '../../domain/brief/brief';
import type { SetRolesDeps } from '../set-roles';
import type { Clock, DocumentStore, IdGenerator, IssueSnapshot, Wiki } from '../ports';

/** A free-text activity: its cells live in the matrix, guarded by the row's own revision. */
export interface StoredTextActivity {
  id: string;
  kind: 'text';
  name: string;
  assignments: Assignment[];
  revision: number;
}

/** A Jira activity: only the key is stored; its cells are the issue's `accord-roles` (one truth). */
export interface StoredIssueActivity {
  id: string;
  kind: 'issue';
  issueKey: string;
}

export type StoredActivity = StoredTextActivity | StoredIssueActivity;

/** The `raci-matrix` entity (revision kept by the store). */
export interface StoredRaciMatrix {
  briefId: string;
  pageId: string;
  title: string;
  people: string[];
  activities: StoredActivity[];
  updatedAt: string;
}

/** Jira as the caller, in bulk: how a matrix reads all its issue rows in a fixed number of calls. */
export interface RaciIssueReader {
  /** The issues among `keys` (at most 100) the caller may browse, with links and the asked properties: one search. */
  readIssues(keys: readonly string[], opts: { properties: string[] }): Promise<IssueSnapshot[]>;
  /** Issues by key (ancestors), without links: one bulk fetch of at most 100 keys. */
  fetchIssues(keys: readonly string[], opts: { properties: string[] }): Promise<IssueSnapshot[]>;
  /** The ids among `issueIds` the caller may edit (EDIT_ISSUES): one bulk check. */
  editableIssueIds(issueIds: readonly string[]): Promise<Set<string>>;
}

export interface RaciMatrixDeps {
  matrices: DocumentStore<StoredRaciMatrix>;
  briefs: DocumentStore<Brief>;
  /** Confluence as the caller. */
  wiki: Wiki;
  /** The Roles panel's deps, as the caller: issue rows are read and written through getRoles/setRoles. */
  roles: SetRolesDeps;
  /** Issue rows are READ in bulk as the caller (same domain code as getRoles: one truth, fewer calls). */
  issueRows: RaciIssueReader;
  clock: Clock;
  ids: IdGenerator;
}

export const RACI_LIMITS = { people: 30, activities: 100, title: 200, activityName: 200 } as const;
