import { DEFAULT_BUSINESS_CALENDAR } from '../domain/progress/business-calendar';
import { tallyRollupRows, type RollupRow, type RollupTally } from '../domain/progress/expression-rollup';
import type { CountPlan, JiraFigures } from '../domain/progress/count-queries';
import {
  countAmong,
  escalatedJql,
  escalationLevelJql,
  escalationsByLevel,
  escalationsOfKeys,
  ESCALATION_PROPERTY,
  MAX_ESCALATION_LEVEL,
  OPEN_DECISIONS,
  planCountQueries,
  readEscalationLevel,
  type EscalationsAtLevel,
  readCountAnswers,
  rollUp,
  STATUS_CATEGORY_AGE,
  type CountKey,
  type CountPlanOptions,
  type CountPlanResult,
  type PendingDecisions,
  type ProgressInput,
} from '../domain/progress';
import type { Figure, InitiativeStatus } from '../shared/progress';
import { UpstreamError } from './errors';
import { epicsOf, scopeJqlOf } from './initiative-scope';
import type { Limiter } from './concurrency';
import type { KeySetRollup } from './key-set-rollup';
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
  limit: Limiter;
  /** How "blocked since" is written in JQL; the emulator and sites without change history need the category age. */
  blockedAgeClause?: CountPlanOptions['blockedAgeClause'];
  /** When given, the figures come from one Jira expression per page of issues (count queries are the fallback). */
  rollup?: ExpressionRollup;
  /** Issue keys by JQL as the viewer: open escalations by level (without it they are not shown). */
  keySearch?: IssueKeySearch;
  /** Searches shared by every initiative of one overview (escalated issues, items blocked for long). */
  shared?: SharedSearches;
  /** The overview's key sets: when they hold this initiative, its figures come from them (no call of its own). */
  keySets?: KeySetRollup;
}

/** `POST /rest/api/3/search/jql` for keys only, as the viewer. */
export interface IssueKeySearch {
  /** Key → the named issue properties of every issue `jql` finds; null when it finds more than `max`. */
  find(
    jql: string,
    options: { properties?: string[]; max: number },
  ): Promise<Map<string, Record<string, unknown>> | null>;
}

/** Searches every initiative of one request shares: each runs at most once, only when an initiative needs it. */
export interface SharedSearches {
  /** Open escalated issues the viewer may browse, anywhere: key → level; null when too many to list. */
  escalated(): Promise<ReadonlyMap<string, number> | null>;
  /** Keys of the issues an unscoped JQL finds (items blocked for long); null when too many to list. */
  keys(jql: string): Promise<ReadonlySet<string> | null>;
}

/** A shared search lists at most this many keys (two pages); past it, each initiative counts on its own. */
export const SHARED_SEARCH_MAX = 10_000;
/** An initiative's own escalated issues are listed up to this many; past it, one count per level. */
export const SCOPED_ESCALATIONS_MAX = 5_000;

const levelsOf = (found: ReadonlyMap<string, Record<string, unknown>>): Map<string, number> => {
  const levels = new Map<string, number>();
  for (const [key, props] of found) {
    const level = readEscalationLevel(props[ESCALATION_PROPERTY]);
    if (level !== null) levels.set(key, level);
  }
  return levels;
};

/** The shared searches of one request, run through its limiter and as its viewer. */
export function createSharedSearches(
  search: IssueKeySearch,
  limit: ComputeDeps['limit'],
  max = SHARED_SEARCH_MAX,
): SharedSearches {
  let escalated: Promise<ReadonlyMap<string, number> | null> | undefined;
  const keys = new Map<string, Promise<ReadonlySet<string> | null>>();
  return {
    escalated() {
      escalated ??= limit(() => search.find(escalatedJql(), { properties: [ESCALATION_PROPERTY], max })).then(
        (found) => (found ? levelsOf(found) : null),
      );
      return escalated;
    },
    keys(jql) {
      let found = keys.get(jql);
      if (!found) {
        found = limit(() => search.find(jql, { max })).then((f) => (f ? new Set(f.keys()) : null));
        keys.set(jql, found);
      }
      return found;
    },
  };
}

/**
 * Open escalations of one initiative by level, as the viewer: its open keys matched against the overview's
 * one search of escalated issues, else one search within its scope (else, past 5,000, one count per level).
 * Null when escalations cannot be read here (no key search: the app's daily snapshot).
 */
async function escalationsOf(
  deps: ComputeDeps,
  scopeJql: string,
  openKeys: readonly string[] | null,
): Promise<EscalationsAtLevel[] | null> {
  if (openKeys && deps.shared) {
    const everywhere = await deps.shared.escalated();
    if (everywhere) return escalationsOfKeys(openKeys, everywhere);
  }
  const search = deps.keySearch;
  if (!search) return null;
  if (openKeys && openKeys.length === 0) return [];
  const found = await deps.limit(() =>
    search.find(escalatedJql(scopeJql), { properties: [ESCALATION_PROPERTY], max: SCOPED_ESCALATIONS_MAX }),
  );
  if (found) return escalationsOfKeys(found.keys(), levelsOf(found));
  const levels = Array.from({ length: MAX_ESCALATION_LEVEL }, (_, i) => i + 1);
  const counted = await Promise.all(
    levels.map(async (level) => ({
      level,
      open: await deps.limit(() => deps.counter.count(escalationLevelJql(scopeJql, level))),
    })),
  );
  return escalationsByLevel(counted);
}

/** Jira expressions over a scope's issues, as the viewer: the rows of {@link ROLLUP_EXPRESSION}, every page. */
export interface ExpressionRollup {
  rows(jql: string): Promise<RollupRow[]>;
  /** Issues one call covers at present (Jira's steps limit over the expression's steps per issue). */
  issuesPerCall(): number;
}

/**
 * The figures of a tally (from the overview's key sets or the expression rows); 'hidden' when a linked epic is
 * not among its issues (the viewer may not browse it). Items blocked for long need the status history, which
 * neither reads cheaply: the overview's one shared search gives them, else one count query, and only when
 * something is blocked.
 */
async function tallyFigures(
  deps: ComputeDeps,
  plan: CountPlan,
  epics: readonly string[],
  tally: RollupTally,
): Promise<{ figures: JiraFigures; decisions: number; openKeys: string[] } | 'hidden'> {
  if (tally.visibleEpics < epics.length) return 'hidden';
  const longQuery = plan.counts.find((q) => q.key === 'blockedLong');
  let blockedLong = 0;
  if (tally.figures.blocked > 0 && longQuery) {
    const everywhere = deps.shared ? await deps.shared.keys(plan.blockedLongAnywhere) : null;
    blockedLong = everywhere
      ? countAmong(tally.blockedKeys, everywhere)
      : await deps.limit(() => deps.counter.count(longQuery.jql));
  }
  return {
    figures: { ...tally.figures, blockedLong },
    decisions: tally.decisionsAwaiting,
    openKeys: tally.openKeys,
  };
}

/** The tally of the expression rows: one call per page of the scope's issues. */
async function expressionTally(
  deps: ComputeDeps,
  rollup: ExpressionRollup,
  plan: CountPlan,
  epics: readonly string[],
): Promise<RollupTally> {
  const rows = await deps.limit(() => rollup.rows(plan.scopeJql));
  return tallyRollupRows(plan, rows, { epics, timeZone: DEFAULT_BUSINESS_CALENDAR.timeZone });
}

/** The count plan of an initiative's scope at `now` (the same for its status and for the overview's key sets). */
export function planFor(
  record: InitiativeRecord,
  now: Date,
  blockedAgeClause: CountPlanOptions['blockedAgeClause'] = STATUS_CATEGORY_AGE,
): CountPlanResult {
  return planCountQueries(scopeJqlOf(record), now, { blockedAgeClause });
}

/**
 * Jira refusing a read as the viewer (400/403/404: a scope naming a project or issue they may not see): the
 * initiative is hidden from them, never shown as zeros.
 */
export const refusedForViewer = (e: unknown): boolean =>
  e instanceof UpstreamError && (e.status === 400 || e.status === 403 || e.status === 404);

/** Open work of type Decision in scope: decisions waiting for their approver. */
export const decisionsJql = (scopeJql: string): string => `(${scopeJql}) AND ${OPEN_DECISIONS}`;

/**
 * One initiative's status, computed from Jira as whoever `counter` acts for. Returns null when that person
 * may not see the initiative's work: a linked epic they cannot browse, or a JQL Jira refuses for them (a
 * project they cannot see). Then nothing about it — not even a count of zero — is shown to them.
 * `pending`: the brief's open DACI decisions on pages this person may view (listed, and judged by the RAG rules).
 */
export async function computeInitiativeStatus(
  deps: ComputeDeps,
  brief: InitiativeBrief,
  record: InitiativeRecord,
  pending?: PendingDecisions,
): Promise<InitiativeStatus | null> {
  const now = deps.clock.now();
  const scopeJql = scopeJqlOf(record);
  const planned = planFor(record, now, deps.blockedAgeClause);
  if (!planned.ok) return greyStatus(brief, record, scopeJql, now, `Grey: ${planned.problem}`, pending);
  const plan = planned.plan;
  const epics = epicsOf(record);
  try {
    let jira: JiraFigures | null = null;
    let decisions = 0;
    let openKeys: string[] | null = null;
    let tally = deps.keySets?.tallyOf(plan, epics);
    if (tally === 'hidden') return null;
    if (!tally && deps.rollup) {
      const rollup = deps.rollup;
      tally = await expressionTally(deps, rollup, plan, epics).catch((e: unknown) => {
        // A refused expression (complexity limits, a Jira without expressions) falls back to the count queries.
        if (e instanceof UpstreamError && e.status === 400) return undefined;
        throw e;
      });
    }
    if (tally) {
      const viaTally = await tallyFigures(deps, plan, epics, tally);
      if (viaTally === 'hidden') return null;
      ({ figures: jira, decisions, openKeys } = viaTally);
    }
    if (!jira) {
      if (epics.length > 0) {
        const visible = await deps.limit(() => deps.counter.count(`issuekey in (${epics.join(', ')})`));
        if (visible < epics.length) return null;
      }
      const answers: Partial<Record<CountKey, number>> = {};
      const [, latest, decided] = await Promise.all([
        Promise.all(
          plan.counts.map(async (q) => {
            answers[q.key] = await deps.limit(() => deps.counter.count(q.jql));
          }),
        ),
        deps.limit(() => deps.counter.firstDueDate(plan.latestOpenDue.jql)),
        deps.limit(() => deps.counter.count(decisionsJql(plan.scopeJql))),
      ]);
      const read = readCountAnswers(plan, answers, latest);
      if (!read.ok) {
        return greyStatus(brief, record, scopeJql, now, `Grey: ${read.problems[0] ?? 'no data'}`, pending);
      }
      jira = read.figures;
      decisions = decided;
    }
    const total = (jira.counts?.new ?? 0) + (jira.counts?.indeterminate ?? 0);
    const escalations = total === 0 ? [] : await escalationsOf(deps, plan.scopeJql, openKeys);
    const input: ProgressInput = {
      ...jira,
      baseline: record.baseline
        ? {
            date: record.baseline.date,
            original: record.baseline.original ?? null,
            movedOn: record.baseline.movedOn ?? null,
          }
        : null,
      escalations: escalations ?? [],
      decisions: pending?.awaiting ?? [],
    };
    const r = rollUp(input, now);
    const figures: Figure[] = r.figures.flatMap((f) =>
      typeof f.value === 'number' && typeof f.jql === 'string'
        ? [{ key: f.key, label: f.label, value: f.value, jql: f.jql }]
        : [],
    );
    if (escalations) {
      figures.push({
        key: 'escalations',
        label: 'Open escalations',
        value: r.escalationsByLevel.reduce((sum, e) => sum + e.open, 0),
        jql: escalatedJql(plan.scopeJql),
      });
      for (const e of r.escalationsByLevel) {
        figures.push({
          key: `escalations-${e.level}`,
          label: `Open escalations at level ${e.level}`,
          value: e.open,
          jql: escalationLevelJql(plan.scopeJql, e.level),
        });
      }
    }
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
      escalationsByLevel: Object.fromEntries(r.escalationsByLevel.map((e) => [String(e.level), e.open])),
      decisionsAwaiting: decisions,
      ...pendingFields(pending),
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
    if (refusedForViewer(e)) return null;
    throw e;
  }
}

function greyStatus(
  brief: InitiativeBrief,
  record: InitiativeRecord,
  scopeJql: string,
  now: Date,
  reason: string,
  pending: PendingDecisions | undefined,
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
    ...pendingFields(pending),
    figures: [],
    scopeJql,
    asOf: now.toISOString().slice(0, 10),
  };
}

/** The status fields of the brief's DACI decisions (absent when they were not read: the app's daily snapshot). */
function pendingFields(
  pending: PendingDecisions | undefined,
): Pick<InitiativeStatus, 'pendingDecisions' | 'pendingDecisionsTotal'> {
  return pending ? { pendingDecisions: pending.items, pendingDecisionsTotal: pending.total } : {};
}
