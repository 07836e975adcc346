/**
 * Reacts at once to Jira's issue, comment and issue-link events. Whether an event matters is decided from
 * the event and the enabled paths alone (a KVS read, no product call): a changelog that touches only fields
 * no condition reads, an issue outside every path's projects, a comment on an issue without an open
 * escalation — all return before Jira is asked anything.
 */
import type { EscalationPath } from '../../domain/escalation';
import type { EscalationAuditEntry } from '../../shared/escalation';
import type { EscalationPathStore } from '../escalation-ports';
import {
  type EngineDeps,
  needsDecisions,
  processIssue,
  projectInScope,
  type ProcessResult,
} from './process-issue';

export const MAX_ENABLED_PATHS = 200;

export type EscalationEvent =
  | { kind: 'issue-created' | 'issue-updated'; issueKey: string; fields: string[] }
  | { kind: 'commented'; issueKey: string }
  /** `avi:jira:deleted:issue`: open episodes end (reason `deleted`); nothing is asked of Jira. */
  | { kind: 'issue-deleted'; issueKey: string }
  | { kind: 'link-changed'; issueIds: string[] };

export interface EventDeps extends EngineDeps {
  paths: EscalationPathStore;
}

/** Changelog field names (as Jira writes them, compared case-insensitively) each condition reads. */
const FIELDS_BY_CONDITION: Record<EscalationPath['conditions'][number]['kind'], string[]> = {
  'status-in': ['status'],
  'time-in-status': ['status'],
  flagged: ['flagged'],
  'priority-at-least': ['priority'],
  'due-date-passed': ['duedate'],
  'decision-overdue': ['link'],
  'no-accountable': [],
};
/** Fields that can start, end or move any episode whatever the conditions: status (done ends it), moves. */
const ALWAYS = ['status', 'resolution', 'project', 'key'];

const projectOf = (issueKey: string) => issueKey.slice(0, issueKey.lastIndexOf('-'));

/** The fields of a changelog that some path in the issue's project could care about. */
export function relevantFields(
  paths: readonly EscalationPath[],
  issueKey: string,
  fields: readonly string[],
) {
  const wanted = new Set<string>();
  for (const p of paths) {
    if (!projectInScope(p, projectOf(issueKey))) continue;
    ALWAYS.forEach((f) => wanted.add(f));
    p.conditions.forEach((c) => FIELDS_BY_CONDITION[c.kind].forEach((f) => wanted.add(f)));
  }
  return fields.filter((f) => wanted.has(f.toLowerCase()));
}

export interface EventOutcome {
  /** Why nothing was read, when the event was irrelevant. */
  skipped?: string;
  results: ProcessResult[];
}

export async function handleEscalationEvent(deps: EventDeps, event: EscalationEvent): Promise<EventOutcome> {
  if (event.kind === 'issue-deleted') return endDeletedIssue(deps, event.issueKey);
  const paths = (await deps.paths.listEnabled(MAX_ENABLED_PATHS)).map((s) => s.path);
  if (paths.length === 0) return { skipped: 'No escalation path is enabled.', results: [] };

  let keys: string[];
  if (event.kind === 'link-changed') {
    if (!paths.some(needsDecisions)) return { skipped: 'No path reads linked decisions.', results: [] };
    keys = event.issueIds;
  } else if (event.kind === 'commented') {
    const open = (await deps.episodes.listForIssue(event.issueKey)).some((s) => !s.endedAt);
    if (!open) return { skipped: 'The issue has no open escalation.', results: [] };
    keys = [event.issueKey];
  } else {
    const inProject = paths.some((p) => projectInScope(p, projectOf(event.issueKey)));
    if (!inProject) return { skipped: 'No path watches the issue’s project.', results: [] };
    if (event.kind === 'issue-updated' && relevantFields(paths, event.issueKey, event.fields).length === 0) {
      return { skipped: 'The change touches no field a path reads.', results: [] };
    }
    keys = [event.issueKey];
  }

  const issues = await deps.source.fetch(keys);
  const results: ProcessResult[] = [];
  for (const issue of issues) {
    const candidates = paths.filter((p) => projectInScope(p, issue.projectKey));
    const outOfScope = new Set<string>();
    for (const p of candidates) {
      if (!p.scope.jql) continue;
      const match = await deps.source.search(`issuekey = ${issue.key} AND (${p.scope.jql})`, {
        maxResults: 1,
      });
      if (match.issues.length === 0) outOfScope.add(p.id);
    }
    results.push(await processIssue(deps, { issue, paths, complete: true, outOfScope }));
  }
  return { results };
}

/**
 * The issue is gone: its open episodes end with reason `deleted` and the step is audited. One KVS query and a
 * write per open episode; no product call (the issue and its properties no longer exist). Redelivery finds
 * nothing open and writes nothing.
 */
async function endDeletedIssue(deps: EventDeps, issueKey: string): Promise<EventOutcome> {
  const open = (await deps.episodes.listForIssue(issueKey)).filter((s) => !s.endedAt);
  if (open.length === 0) return { skipped: 'The deleted issue had no open escalation.', results: [] };
  const at = deps.clock.now().toISOString();
  const audit: EscalationAuditEntry[] = [];
  for (const state of open) {
    await deps.episodes.put({ ...state, endedAt: at, endReason: 'deleted' });
    const stored = await deps.paths.get(state.pathId);
    audit.push({
      issueKey,
      pathId: state.pathId,
      pathName: stored?.value.path.name ?? state.pathId,
      episodeId: state.episodeId,
      at,
      kind: 'episode-ended',
      reason: 'deleted',
    });
  }
  await deps.audit.append(audit);
  return {
    results: [
      {
        issueKey,
        started: [],
        ended: open.map((s) => s.pathId),
        fired: [],
        failed: [],
        propertyChanged: false,
      },
    ],
  };
}
