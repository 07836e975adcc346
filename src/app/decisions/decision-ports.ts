import type { Decision, DecisionStatus } from '../../domain/decision';
import type { IssueDecisionsProperty } from '../../shared/decision';
import type { DocumentStore, Versioned } from '../ports';

/** A decision as stored (entity `decision`): the attributes its indexes need, and the decision itself. */
export interface StoredDecision {
  pageId: string;
  spaceId: string;
  /** Absent when the decision belongs to no brief (the KVS refuses an empty string attribute). */
  briefId?: string;
  /** The due date, or `9999-12-31` when there is none, so the indexes order by due date with undated last. */
  dueKey: string;
  status: DecisionStatus;
  updatedAt: string;
  body: Decision;
}

/** The due key of a decision: undated decisions sort last. */
export const dueKeyOf = (dueDate: string | null): string => dueDate ?? '9999-12-31';

export type DecisionScope = { kind: 'space'; spaceId: string } | { kind: 'brief'; briefId: string };

/** Decisions in KVS: revisioned documents plus the log view's index queries (never list-and-filter). */
export interface DecisionStore extends DocumentStore<StoredDecision> {
  /** Decisions of one space or brief with one status, soonest due first, at most `limit`. */
  list(
    scope: DecisionScope,
    status: DecisionStatus,
    limit: number,
  ): Promise<{ items: Array<{ id: string } & Versioned<StoredDecision>>; truncated: boolean }>;
}

/** The issue property that lists the decisions affecting an issue (read by the Roles panel and escalations). */
export const DECISIONS_PROPERTY_KEY = 'accord-decisions';

/** Jira, for the `accord-decisions` property of linked issues. */
export interface DecisionLinksJira {
  /** The current property of each visible issue among `keys` (missing or hidden issues are absent). */
  readProperties(keys: readonly string[]): Promise<Map<string, IssueDecisionsProperty | undefined>>;
  writeProperty(issueKey: string, value: IssueDecisionsProperty): Promise<void>;
}
