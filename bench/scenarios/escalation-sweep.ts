import { join } from 'node:path';
import { ADMIN_PERMISSIONS } from '../../local/jira/catalog';
import { PEOPLE } from '../../local/seed/people';
import { invocationStore } from '../../local/platform/invocation-context';
import { parseEscalationPath } from '../../src/domain/escalation';
import { capturedIssueUpdates } from '../../test/support/forge-events';
import { measure, withSite, type BenchContext, type Measure, type ScenarioResult } from '../harness';

const PROJECTS = 20;
const ISSUES_PER_PROJECT = 500;
/** 2% of the issues are Blocked and past level 1. */
const DUE_EVERY = 50;
const DAY = 24 * 60 * 60 * 1000;
/** What level 1 does, on both sides: an ADF comment and a label (one issue edit). */
const ACTIONS = ['comment', 'add-label'];
/** Where the baseline remembers what it escalated (it must, or it would comment again every hour). */
const BASELINE_PROPERTY = 'baseline-escalation';
const projectKey = (p: number) =>
  `E${String.fromCharCode(65 + Math.floor(p / 26))}${String.fromCharCode(65 + (p % 26))}`;

async function seedSweepSite(site: Parameters<Parameters<typeof withSite>[0]>[0]) {
  const owner = PEOPLE.priya.accountId;
  const now = site.clock.now();
  const longAgo = new Date(now.getTime() - 10 * DAY).toISOString();
  const issues = [];
  for (let p = 0; p < PROJECTS; p++) {
    for (let i = 1; i <= ISSUES_PER_PROJECT; i++) {
      const due = i % DUE_EVERY === 0;
      issues.push({
        key: `${projectKey(p)}-${i}`,
        summary: `Work ${i}`,
        issueType: 'Task',
        status: due ? 'Blocked' : i % 3 === 0 ? 'To Do' : 'In Progress',
        created: longAgo,
        statusCategoryChangedDate: longAgo,
      });
    }
  }
  site.services.jira.seed({
    users: [],
    projects: Array.from({ length: PROJECTS }, (_, p) => ({
      key: projectKey(p),
      name: `Sweep bench ${p + 1}`,
    })),
    permissions: Array.from({ length: PROJECTS }, (_, p) => ({
      accountId: owner,
      projectKey: projectKey(p),
      permissions: ADMIN_PERMISSIONS,
    })),
    issues,
  });
  const paths = (
    require(
      join(__dirname, '..', '..', 'src', 'forge', 'compose-escalation-paths'),
    ) as typeof import('../../src/forge/compose-escalation-paths')
  ).escalationPathStore();
  await invocationStore.run({ kind: 'resolver', functionKey: 'bench-seed', accountId: owner }, async () => {
    // Only the bench's 20 paths run: the demo's path is switched off.
    const demo = await paths.get('path-launch-blocked');
    if (demo) await paths.put('path-launch-blocked', { ...demo.value, enabled: false }, demo.revision);
    for (let p = 0; p < PROJECTS; p++) {
      const parsed = parseEscalationPath({
        id: `path-bench-${p + 1}`,
        name: `Blocked in ${projectKey(p)}`,
        scope: { projects: [projectKey(p)] },
        conditions: [{ kind: 'status-in', statuses: ['Blocked'] }],
        calendar: {
          timeZone: 'Europe/Berlin',
          workingDays: [1, 2, 3, 4, 5],
          hours: { start: '09:00', end: '17:00' },
          holidays: { country: 'DE' },
          pausedStatuses: [],
        },
        levels: [
          {
            name: 'Lead',
            after: 'P1D',
            targets: [{ kind: 'person', accountId: owner }],
            actions: ACTIONS,
            label: 'escalated',
          },
        ],
      });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      await paths.put(
        parsed.path.id,
        {
          path: parsed.path,
          enabled: true,
          pageId: null,
          ownerAccountId: owner,
          updatedAt: now.toISOString(),
        },
        0,
      );
    }
  });
}

/** Product calls by purpose. */
interface CallSplit {
  candidates: number;
  reads: number;
  actions: number;
}
const emptySplit = (): CallSplit => ({ candidates: 0, reads: 0, actions: 0 });

/** Candidate selection (searches / pages), evaluation reads (other GETs, bulk fetch), actions (writes). */
function classify(split: CallSplit, method: string, path: string): void {
  if (/\/search(\/jql)?$/.test(path)) split.candidates++;
  else if (method === 'GET' || /\/bulkfetch$/.test(path)) split.reads++;
  else split.actions++;
}

/** Records the app's Jira calls by purpose while `work` runs. */
async function splitCalls(
  site: Parameters<Parameters<typeof withSite>[0]>[0],
  work: () => Promise<Measure>,
): Promise<{ measure: Measure; split: CallSplit }> {
  const split = emptySplit();
  const previous = site.runtime.onCall;
  site.runtime.onCall = (c) => {
    previous?.(c);
    if (c.remote === 'jira') classify(split, c.method, c.path);
  };
  try {
    return { measure: await work(), split };
  } finally {
    site.runtime.onCall = previous;
  }
}

/**
 * The naive app the goal is measured against: it pages every open issue (100 a page, with the fields it
 * evaluates and its own `baseline-escalation` property, so it knows what it already escalated), evaluates
 * every path in the app (Blocked for at least a business day), and acts exactly as Accord's level does: one
 * ADF comment, then one issue edit that adds the label and records the level in its property.
 */
async function baselineSweep(ctx: BenchContext, split: CallSplit): Promise<number> {
  const rest = (path: string, init?: { method?: string; body?: unknown }) => {
    classify(split, init?.method ?? (init?.body ? 'POST' : 'GET'), path);
    return ctx.rest(path, init);
  };
  const cutoff = ctx.site.clock.now().getTime() - DAY; // "one business day", generously
  const watched = new Set(Array.from({ length: PROJECTS }, (_, p) => projectKey(p)));
  let fired = 0;
  let token: string | undefined;
  do {
    const page = await rest('/rest/api/3/search/jql', {
      body: {
        jql: 'resolution is EMPTY AND statusCategory != Done ORDER BY key',
        maxResults: 100,
        fields: ['summary', 'project', 'status', 'statuscategorychangedate', 'priority', 'duedate'],
        properties: [BASELINE_PROPERTY],
        ...(token ? { nextPageToken: token } : {}),
      },
    });
    const list = page.body.issues as Array<{
      key: string;
      fields: { project: { key: string }; status: { name: string }; statuscategorychangedate: string };
      properties?: Record<string, unknown>;
    }>;
    for (const issue of list) {
      const due =
        watched.has(issue.fields.project.key) &&
        issue.fields.status.name === 'Blocked' &&
        Date.parse(issue.fields.statuscategorychangedate) <= cutoff &&
        !issue.properties?.[BASELINE_PROPERTY];
      if (!due) continue;
      fired++;
      await rest(`/rest/api/3/issue/${issue.key}/comment`, {
        body: {
          body: {
            type: 'doc',
            version: 1,
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Escalated.' }] }],
          },
        },
      });
      await rest(`/rest/api/3/issue/${issue.key}`, {
        method: 'PUT',
        body: {
          update: { labels: [{ add: 'escalated' }] },
          properties: [{ key: BASELINE_PROPERTY, value: { level: 1 } }],
        },
      });
    }
    token = page.body.nextPageToken as string | undefined;
  } while (token);
  return fired;
}

const row = (who: string, m: Measure, s: CallSplit) =>
  `    ${who.padEnd(17)} candidates ${String(s.candidates).padStart(3)} · reads ${String(s.reads).padStart(3)} · ` +
  `actions ${String(s.actions).padStart(3)} · total ${String(m.productCalls).padStart(3)} · KVS r/w ${m.kvsReads}/${m.kvsWrites} · ` +
  `compute ${m.computeMs} ms · peak heap ${m.peakHeapMiB} MiB`;

/**
 * The hourly escalation sweep over 10,000 open issues (20 projects × 500), 20 enabled paths (one per project,
 * Blocked → level 1 after one business day: comment + label), 2% Blocked for ten days, so 200 level-1
 * escalations are due. Accord: the scheduled sweep (candidate JQL on the server, project-scoped paths joined
 * into one search per 10, queue fan-out past 50 issues). Baseline: `baselineSweep`. Both run a first sweep
 * (200 due) and a steady-state sweep (nothing new due); calls are split into candidate selection, evaluation
 * reads and actions, and the actions are the same on both sides by construction.
 */
export async function escalationSweep10k(): Promise<ScenarioResult> {
  return withSite(async (site) => {
    await seedSweepSite(site);
    const baseSplit = emptySplit();
    let fired = 0;
    // The baseline is another app: the events its edits cause are not its cost, and Accord's triggers would
    // only skip them (labels are no field a path reads), so they are not delivered while it runs.
    const enqueue = site.host.enqueueEvent.bind(site.host);
    site.host.enqueueEvent = () => undefined;
    const baseline = await measure(site, async (ctx) => {
      fired = await baselineSweep(ctx, baseSplit);
    });
    const baseSteadySplit = emptySplit();
    const baselineSteady = await measure(site, async (ctx) => {
      await baselineSweep(ctx, baseSteadySplit);
    });
    site.host.enqueueEvent = enqueue;
    const first = await splitCalls(site, () =>
      measure(site, async () => {
        await site.host.runScheduled('accord-escalation-sweep');
        await site.host.settle();
      }),
    );
    const steady = await splitCalls(site, () =>
      measure(site, async () => {
        await site.host.runScheduled('accord-escalation-sweep');
      }),
    );
    const accord = first.measure;
    const ratio = (a: number, b: number) => (a === 0 ? '∞' : `${Math.round((b / a) * 10) / 10}×`);
    const lines = [
      `  escalation-sweep-10k, by purpose (${fired} due; level 1 = ${ACTIONS.join(' + ')}):`,
      row('accord first', accord, first.split),
      row('baseline first', baseline, baseSplit),
      row('accord steady', steady.measure, steady.split),
      row('baseline steady', baselineSteady, baseSteadySplit),
      `    selecting + evaluating: first ${first.split.candidates + first.split.reads} vs ${baseSplit.candidates + baseSplit.reads} ` +
        `(${ratio(first.split.candidates + first.split.reads, baseSplit.candidates + baseSplit.reads)}); ` +
        `steady total ${steady.measure.productCalls} vs ${baselineSteady.productCalls} ` +
        `(${ratio(steady.measure.productCalls, baselineSteady.productCalls)}); ` +
        `actions ${first.split.actions} vs ${baseSplit.actions} (the same work on both sides); ` +
        `first-sweep total ${accord.productCalls} vs ${baseline.productCalls} (${ratio(accord.productCalls, baseline.productCalls)}).`,
    ];
    console.log(lines.join('\n'));
    return {
      scenario: 'escalation-sweep-10k',
      description: `The escalation sweep over ${PROJECTS * ISSUES_PER_PROJECT} open issues, ${PROJECTS} paths, 2% due (accord) beside paging every issue (baseline); first sweep.`,
      accord,
      baseline,
      notes: lines.map((l) => l.trim()).join(' | '),
      breakdown: {
        accordFirst: { ...accord, ...first.split },
        baselineFirst: { ...baseline, ...baseSplit },
        accordSteady: { ...steady.measure, ...steady.split },
        baselineSteady: { ...baselineSteady, ...baseSteadySplit },
      },
    } as ScenarioResult;
  });
}

/**
 * The issue trigger over the real event mix: every captured `jira:issue_updated` webhook, as a Forge event, on an
 * issue that an enabled path watches. Irrelevant changes (no field a path reads) must cost 0 product calls.
 * Baseline: a trigger that reads the issue for every event.
 */
export async function escalationTriggerMix(): Promise<ScenarioResult> {
  return withSite(async (site) => {
    const captured = capturedIssueUpdates();
    const events = captured.map(({ event }) => ({
      ...event,
      selfGenerated: false,
      issue: { ...event.issue, key: 'LAUNCH-4' },
    }));
    let relevant = 0;
    const accord = await measure(site, async () => {
      for (const e of events) {
        const before = site.services.jira.counts().calls;
        await site.host.deliverEvent(e);
        if (site.services.jira.counts().calls > before) relevant++;
      }
    });
    const baseline = await measure(site, async (ctx) => {
      for (let i = 0; i < events.length; i++)
        await ctx.rest('/rest/api/3/issue/LAUNCH-4?fields=status,priority,duedate');
    });
    return {
      scenario: 'escalation-trigger-mix',
      description: `The issue trigger over ${events.length} real changelog events (captured webhooks as Forge events) on a watched issue.`,
      accord,
      baseline,
      notes: `${relevant} of ${events.length} events touched a field a path reads and cost product calls; the other ${events.length - relevant} cost none.`,
    };
  });
}
