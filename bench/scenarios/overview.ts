import { join } from 'node:path';
import { ADMIN_PERMISSIONS } from '../../local/jira/catalog';
import { PEOPLE } from '../../local/seed/people';
import { LAUNCH_BRIEF_PAGE_ID } from '../../local/seed/confluence-seed';
import { invocationStore } from '../../local/platform/invocation-context';
import { measure, withSite, type ScenarioResult } from '../harness';
import type { InitiativeStatus } from '../../src/shared/progress';

const INITIATIVES = 50;
const ISSUES_PER_INITIATIVE = 2000;
const DAY = 24 * 60 * 60 * 1000;

/**
 * The overview over 50 initiatives × 2,000 issues (one epic each, 1,999 children: 35% done, 30% in progress,
 * 30% to do, 5% blocked, 1% escalated at level 1 or 2). Accord: `progress/overview` cold (key sets as the viewer:
 * one approximate count of the union decides, then one key list per initiative and one per figure over the union,
 * plus one overview-wide search of escalated issues and one of the keys of items blocked for long) and warm
 * (cache). The cold answer is checked against the generator's own counts, so a fast wrong answer fails the bench.
 * Baseline: what an app without count queries does — page every issue of every initiative with `search/jql`
 * (100 a page) and read each blocked issue's changelog to tell "blocked > 2 business days".
 */
export async function overview50x2000(): Promise<ScenarioResult> {
  return withSite(async (site) => {
    const viewer = PEOPLE.priya.accountId;
    const now = site.clock.now();
    const statusOf = (n: number) =>
      n % 20 === 0 ? 'Blocked' : n % 10 < 4 ? 'Done' : n % 10 < 7 ? 'In Progress' : 'To Do';
    const issues = [];
    for (let e = 0; e < INITIATIVES; e++) {
      const base = e * ISSUES_PER_INITIATIVE + 1;
      issues.push({
        key: `OVB-${base}`,
        summary: `Initiative ${e + 1}`,
        issueType: 'Epic',
        status: 'In Progress',
      });
      for (let i = 1; i < ISSUES_PER_INITIATIVE; i++) {
        issues.push({
          key: `OVB-${base + i}`,
          summary: `Work ${base + i}`,
          issueType: 'Task',
          status: statusOf(i),
          parent: `OVB-${base}`,
          duedate: new Date(now.getTime() + ((i % 60) - 10) * DAY).toISOString().slice(0, 10),
          statusCategoryChangedDate: new Date(now.getTime() - (i % 28) * DAY).toISOString(),
          // 1% of the work is escalated (the engine's property), at level 1 or 2.
          ...(i % 100 === 7
            ? { properties: { 'accord-escalation': { level: 1 + (Math.floor(i / 100) % 2), paths: [] } } }
            : {}),
        });
      }
    }
    site.services.jira.seed({
      users: [],
      projects: [{ key: 'OVB', name: 'Overview bench' }],
      permissions: [{ accountId: viewer, projectKey: 'OVB', permissions: ADMIN_PERMISSIONS }],
      issues,
    });
    const root = require(
      join(__dirname, '..', '..', 'src', 'forge', 'composition-root'),
    ) as typeof import('../../src/forge/composition-root');
    const epics: string[] = [];
    await invocationStore.run(
      { kind: 'resolver', functionKey: 'bench-seed', accountId: viewer },
      async () => {
        for (let e = 0; e < INITIATIVES; e++) {
          const id = `brief-bench-${e + 1}`;
          const epic = `OVB-${e * ISSUES_PER_INITIATIVE + 1}`;
          epics.push(epic);
          await root.briefStore().put(
            id,
            {
              title: `Bench initiative ${e + 1}`,
              problem: 'Bench.',
              ownerAccountId: viewer,
              status: 'approved',
              pageId: LAUNCH_BRIEF_PAGE_ID,
              updatedAt: now.toISOString(),
            },
            0,
          );
          await root.initiativeStore().set(id, {
            scope: { epics: [epic] },
            baseline: { date: new Date(now.getTime() + 60 * DAY).toISOString().slice(0, 10) },
          });
        }
      },
    );

    let count = 0;
    // What every bench initiative must show: its epic (in progress) and 1,999 children.
    const expected = {
      todo: 0,
      inProgress: 1,
      done: 0,
      total: ISSUES_PER_INITIATIVE,
      blocked: 0,
      overdue: 0,
      escalationsByLevel: { '1': 0, '2': 0 },
    };
    for (let i = 1; i < ISSUES_PER_INITIATIVE; i++) {
      const s = statusOf(i);
      if (s === 'Done') expected.done++;
      else if (s === 'To Do') expected.todo++;
      else expected.inProgress++;
      if (s === 'Blocked') expected.blocked++;
      if (s !== 'Done' && i % 60 < 10) expected.overdue++; // due 10 to 1 days ago
      if (s !== 'Done' && i % 100 === 7) expected.escalationsByLevel[i % 200 < 100 ? '1' : '2']++;
    }
    const confluenceBefore = site.services.confluence.counts().calls;
    // Cold product calls by endpoint (the note's breakdown), as the platform records them.
    const byEndpoint = new Map<string, number>();
    site.runtime.onCall = (c) => {
      if (c.remote === 'kvs' || c.viaBridge) return;
      const key = `${c.method} ${c.path.replace(/\/\d{4,}(?=\/|$)/g, '/{id}')}`;
      byEndpoint.set(key, (byEndpoint.get(key) ?? 0) + 1);
    };
    const cold = await measure(site, async (ctx) => {
      ctx.parallel(5);
      const answer = await ctx.invoke('overview-resolver', 'progress/overview', {}, viewer);
      if (!answer.ok) throw new Error(`The overview failed: ${JSON.stringify(answer.error)}`);
      count = answer.data.initiatives.length;
      const statuses = answer.data.initiatives as InitiativeStatus[];
      for (const status of statuses.filter((i) => i.title.startsWith('Bench initiative'))) {
        const got = {
          ...status.counts,
          blocked: status.blocked,
          overdue: status.overdue,
          escalationsByLevel: status.escalationsByLevel,
        };
        if (JSON.stringify(got) !== JSON.stringify(expected))
          throw new Error(`${status.title} shows ${JSON.stringify(got)}, not ${JSON.stringify(expected)}.`);
      }
    });
    const coldConfluence = site.services.confluence.counts().calls - confluenceBefore;
    site.runtime.onCall = undefined;
    const breakdown = [...byEndpoint]
      .sort(([, a], [, b]) => b - a)
      .map(([k, n]) => `${n} × ${k}`)
      .join(', ');
    const warm = await measure(site, async (ctx) => {
      const answer = await ctx.invoke('overview-resolver', 'progress/overview', {}, viewer);
      if (!answer.ok) throw new Error('The warm overview failed.');
    });
    const baseline = await measure(site, async (ctx) => {
      for (const epic of epics) {
        let token: string | undefined;
        do {
          const page = await ctx.rest('/rest/api/3/search/jql', {
            as: viewer,
            body: {
              jql: `issuekey = ${epic} OR parent = ${epic}`,
              maxResults: 100,
              fields: ['status', 'duedate', 'statuscategorychangedate'],
              ...(token ? { nextPageToken: token } : {}),
            },
          });
          token = page.body.nextPageToken;
          for (const issue of page.body.issues as Array<{
            key: string;
            fields: { status?: { name?: string } };
          }>) {
            if (issue.fields.status?.name === 'Blocked')
              await ctx.rest(`/rest/api/3/issue/${issue.key}/changelog`, { as: viewer });
          }
        } while (token);
      }
    });
    return {
      scenario: 'overview-50x2000',
      description: `The executive overview over ${INITIATIVES} initiatives × ${ISSUES_PER_INITIATIVE} issues, cold (accord) beside paging every issue (baseline).`,
      accord: cold,
      baseline,
      notes: `Initiatives shown: ${count}. Cold product calls: ${cold.productCalls - coldConfluence} Jira, ${coldConfluence} Confluence (${breakdown}). Warm overview: ${warm.productCalls} product calls, KVS r/w ${warm.kvsReads}/${warm.kvsWrites}, simulated ${warm.simulatedMs} ms. Cold: ${(baseline.productCalls / Math.max(1, cold.productCalls)).toFixed(1)}× fewer product calls than the baseline.`,
    };
  });
}
