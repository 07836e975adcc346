/**
 * Turns what Jira says about an issue into the engine's `IssueFacts`. Decisions come from two places:
 * the `accord-decisions` property the Decision macro writes (open past its due date = overdue), and linked
 * issues of type Decision, where a Done status category counts as approved.
 */
import {
  type BusinessCalendar,
  type IssueFacts,
  type LinkedDecision,
  pausesFromStatusHistory,
} from '../../domain/escalation';
import { ESCALATION_PROPERTY } from '../../domain/progress/escalations-by-level';
import { readRolesProperty, ROLES_PROPERTY_KEY } from '../../domain/roles';
import { DECISIONS_PROPERTY_KEY } from '../decisions/decision-ports';
import { BRIEF_PROPERTY_KEY } from '../save-brief';
import type { EscalationIssue } from './engine-ports';

/** Every property the engine reads with an issue. */
export const ENGINE_PROPERTIES = [
  ROLES_PROPERTY_KEY,
  DECISIONS_PROPERTY_KEY,
  ESCALATION_PROPERTY,
  BRIEF_PROPERTY_KEY,
];

export interface DecisionEntry {
  id: string;
  title: string;
  status: 'open' | 'decided' | 'deferred' | 'revoked';
  dueDate: string | null;
  approverAccountId: string | null;
}

/** The `accord-decisions` property, read defensively (anything malformed is skipped). */
export function decisionsOf(issue: EscalationIssue): DecisionEntry[] {
  const raw = issue.properties[DECISIONS_PROPERTY_KEY] as { decisions?: unknown } | undefined;
  if (!raw || !Array.isArray(raw.decisions)) return [];
  return raw.decisions.filter((d): d is DecisionEntry => {
    const v = d as Partial<DecisionEntry> | null;
    return !!v && typeof v.id === 'string' && typeof v.status === 'string';
  });
}

/** Holders of a role in the issue's own `accord-roles` property. */
export function roleHolders(issue: EscalationIssue, role: string): string[] {
  const reading = readRolesProperty(issue.properties[ROLES_PROPERTY_KEY]);
  return (reading.property?.assignments ?? []).filter((a) => a.role === role).map((a) => a.accountId);
}

/** The Accountable of an issue: RACI `accountable`, or the DACI `approver` (who is accountable for a decision). */
export function accountablesOf(issue: EscalationIssue): string[] {
  const reading = readRolesProperty(issue.properties[ROLES_PROPERTY_KEY]);
  const property = reading.property;
  if (!property) return [];
  const role = property.framework === 'DACI' ? 'approver' : 'accountable';
  return property.assignments.filter((a) => a.role === role).map((a) => a.accountId);
}

/** The facts a path's conditions read; `decisionIssues` are the linked Decision issues, when they were read. */
export function toFacts(
  issue: EscalationIssue,
  calendar: BusinessCalendar,
  decisionIssues: readonly EscalationIssue[] = [],
): IssueFacts {
  const history = issue.statusHistory.map((h) => ({ status: h.status, since: new Date(h.since) }));
  const last = history[history.length - 1];
  const statusSince =
    last && last.status.toLowerCase() === issue.status.name.toLowerCase()
      ? last.since
      : new Date(issue.created);
  const earlier = last ? history.slice(0, -1) : history;
  const linked: LinkedDecision[] = [
    ...decisionsOf(issue)
      .filter((d) => d.status === 'open')
      .map((d) => ({ key: d.id, ...(d.dueDate ? { dueDate: d.dueDate } : {}), approved: false })),
    ...decisionIssues.map((d) => ({
      key: d.key,
      ...(d.dueDate ? { dueDate: d.dueDate } : {}),
      approved: d.resolved || d.status.category === 'done',
    })),
  ];
  return {
    issueKey: issue.key,
    projectKey: issue.projectKey,
    status: { name: issue.status.name, category: issue.status.category },
    statusSince,
    flagged: issue.flagged,
    ...(issue.priority ? { priority: { name: issue.priority } } : {}),
    ...(issue.dueDate ? { dueDate: issue.dueDate } : {}),
    accountablePresent: accountablesOf(issue).length > 0,
    linkedDecisions: linked,
    resolved: issue.resolved,
    pauses: pausesFromStatusHistory(earlier, calendar.pausedStatuses),
  };
}
