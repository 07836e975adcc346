/** The Escalation Path document: what a PM writes in Confluence, and the engine's configuration. Types only. */
import type { BusinessCalendar } from './business-calendar';
import type { BusinessDuration } from './business-duration';

export type { BusinessCalendar, Weekday } from './business-calendar';
export type { BusinessDuration } from './business-duration';

/** What must be true of an issue for it to be escalated. */
export type Condition =
  | { kind: 'status-in'; statuses: string[] }
  | { kind: 'flagged' }
  /** Priority at or above this one in the site's priority order (Highest first). */
  | { kind: 'priority-at-least'; priority: string }
  | { kind: 'due-date-passed' }
  /** The issue has sat in its current status for at least this much business time. */
  | { kind: 'time-in-status'; atLeast: BusinessDuration }
  /** A linked decision is past its due date and not approved. */
  | { kind: 'decision-overdue' }
  | { kind: 'no-accountable' };

export type ConditionKind = Condition['kind'];

/** Roles resolved to people when a level fires. */
export type TargetRole = 'issue-accountable' | 'epic-accountable' | 'decision-approver' | 'brief-owner';

export type Target =
  | { kind: 'person'; accountId: string }
  | { kind: 'group'; name: string }
  | { kind: 'role'; role: TargetRole };

export type LevelAction = 'comment' | 'notify' | 'add-watchers' | 'raise-priority' | 'add-label';

export interface Level {
  name: string;
  /** Business time after the episode starts at which this level fires. */
  after: BusinessDuration;
  targets: Target[];
  actions: LevelAction[];
  /** The label `add-label` adds (required with that action). */
  label?: string;
}

export interface EscalationPath {
  id: string;
  name: string;
  /** Issues the path watches: in these projects and/or matching this JQL (both when both are given). */
  scope: { projects: string[]; jql?: string };
  /** `all` (the default): every condition must hold; `any`: one is enough. */
  match?: 'all' | 'any';
  conditions: Condition[];
  calendar: BusinessCalendar;
  /** Ordered by delay, strictly increasing; level numbers are 1-based positions in this list. */
  levels: Level[];
}
