import {
  planCountQueries,
  readCountAnswers,
  rollUp,
  STATUS_CATEGORY_AGE,
  type CountKey,
  type CountPlanOptions,
  type ProgressInput,
} from '../domain/progress';
import type { Figure, InitiativeStatus } from '../shared/progress';
import { UpstreamError } from './errors';
import { epicsOf, scopeJqlOf } from './initiative-scope';
import type { Clock, InitiativeRecord, ProgressCounter } from './ports';

/** The brief fields an initiative's status shows. */
export interface InitiativeBrief {
  id: string;
  title: string;
  ownerAccountId: string;
  pageId: string;
}

export interface ComputeDeps {
  /** Jira as the viewer (or as the app for snapshots): every number comes from here. */
  counter: ProgressCounter;
  clock: Clock;
  /** Runs one Jira call; shared by every initiative of one request so at most 5 are in flight. */
  limit: <T>(task: () => Promise<T>) => Promise<T>;
  /** How "blocked since" is written in JQL; the emulator and sites without change history need the category age. */
  blockedAgeClause?: CountPlanOptions['blockedAgeClause'];
}

/** Open work of type Decision in scope: decisions waiting for their approver. */
export const decisionsJql = (scopeJql: string): string =>
  `(${scopeJql}) AND issuetype = Decision AND statusCategory != Done`;

/**
 * One initiative's status, computed from Jira as whoever `counter` acts for. Returns null when that person
 * may not see the initiative's work: a linked epic they cannot browse, or a JQL Jira refuses for them (a
 * project they cannot see). Then nothing about it — not even a count of zero — is shown to them.
 */
export async function computeInitiativeStatus(
  deps: ComputeDeps,
  brief: InitiativeBrief,
  record: InitiativeRecord,
): Promise<InitiativeStatus | null> {
  const now = deps.clock.now();
  const scopeJql = scopeJqlOf(record);
  const planned = planCountQueries(scopeJql, now, {
    blockedAgeClause: deps.blockedAgeClause ?? STATUS_CATEGORY_AGE,
  });
  if (!planned.ok) return greyStatus(brief, record, scopeJql, now, `Grey: ${planned.problem}`);
  const plan = planned.plan;
  const refused = (e: unknown): boolean =>
    e instanceof UpstreamError && (e.status === 400 || e.status === 403 || e.status === 404);
  const epics = epicsOf(record);
  try {
    if (epics.length > 0) {
      const visible = await deps.limit(() => deps.counter.count(`issuekey in (${epics.join(', ')})`));
      if (visible < epics.length) return null;
    }
    const answers: Partial<Record<CountKey, number>> = {};
    const [, latest, decisions] = await Promise.all([
      Promise.all(
        plan.counts.map(async (q) => {
          answers[q.key] = await deps.limit(() => deps.counter.count(q.jql));
        }),
      ),
      deps.limit(() => deps.counter.firstDueDate(plan.latestOpenDue.jql)),
      deps.limit(() => deps.counter.count(decisionsJql(plan.scopeJql))),
    ]);
    const read = readCountAnswers(plan, answers, latest);
    if (!read.ok) return greyStatus(brief, record, scopeJql, now, `Grey: ${read.problems[0] ?? 'no data'}`);
    const input: ProgressInput = {
      ...read.figures,
      baseline: record.baseline
        ? {
            date: record.baseline.date,
            original: record.baseline.original ?? null,
            movedOn: record.baseline.movedOn ?? null,
          }
        : null,
      escalations: [],
      decisions: [],
    };
    const r = rollUp(input, now);
    const figures: Figure[] = r.figures.flatMap((f) =>
      typeof f.value === 'number' && typeof f.jql === 'string'
        ? [{ key: f.key, label: f.label, value: f.value, jql: f.jql }]
        : [],
    );
    figures.push({
      key: 'decisionsAwaiting',
      label: 'Decisions awaiting approval',
      value: decisions,
      jql: decisionsJql(plan.scopeJql),
    });
    const status: InitiativeStatus = {
      briefId: brief.id,
      title: brief.title,
      ownerAccountId: brief.ownerAccountId,
      pageId: brief.pageId,
      rag: r.rag,
      reason: r.reason,
      percentDone: r.percentDone ?? 0,
      counts: {
        todo: r.counts?.new ?? 0,
        inProgress: r.counts?.indeterminate ?? 0,
        done: r.counts?.done ?? 0,
        total: r.counts?.total ?? 0,
      },
      blocked: r.blocked.count,
      blockedTooLong: r.blocked.longCount,
      overdue: r.overdue,
      escalationsByLevel: {},
      decisionsAwaiting: decisions,
      figures,
      scopeJql: plan.scopeJql,
      asOf: r.asOf,
    };
    if (r.baseline) status.baseline = r.baseline.date;
    if (r.baseline?.original) status.originalBaseline = r.baseline.original;
    if (r.forecast.date) status.forecast = r.forecast.date;
    if (r.forecast.note) status.forecastNote = r.forecast.note;
    if (r.slipDays !== null) status.slipDays = r.slipDays;
    return status;
  } catch (e) {
    if (refused(e)) return null;
    throw e;
  }
}

function greyStatus(
  brief: InitiativeBrief,
  record: InitiativeRecord,
  scopeJql: string,
  now: Date,
  reason: string,
): InitiativeStatus {
  return {
    briefId: brief.id,
    title: brief.title,
    ownerAccountId: brief.ownerAccountId,
    pageId: brief.pageId,
    rag: 'grey',
    reason,
    percentDone: 0,
    counts: { todo: 0, inProgress: 0, done: 0, total: 0 },
    blocked: 0,
    blockedTooLong: 0,
    overdue: 0,
    ...(record.baseline ? { baseline: record.baseline.date } : {}),
    escalationsByLevel: {},
    decisionsAwaiting: 0,
    figures: [],
    scopeJql,
    asOf: now.toISOString().slice(0, 10),
  };
}
