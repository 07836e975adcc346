import { ADMIN_PERMISSIONS, VIEWER_PERMISSIONS } from '../../local/jira/catalog';
import { PEOPLE } from '../../local/seed/people';
import { buildRolesProperty } from '../../src/domain/roles';
import { measure, withSite, type ScenarioResult } from '../harness';

const ISSUES = 1000;
/** Every 20th issue is in a project Erik can only view: both ways must skip those. */
const VIEW_ONLY_EVERY = 20;

/**
 * Bulk-apply a RACI role set to 1,000 issues as Erik (50 of them in a project he can only view).
 * Accord: `bulk/start` lists the keys in one key-only search, stores the job and pushes 40 batches of 25; each
 * batch reads its issues with their roles in one `search/jql` (`issue in (…)`), checks EDIT_ISSUES for all of
 * them in one `permissions/check`, PUTs the property of each issue that changes and writes the audit lines in one
 * KVS `batchSet` (the KVS emulator counts each item of a batch as a write). Baseline: per issue GET issue,
 * GET permissions, GET property, PUT property (a naive per-issue client without audit).
 */
export async function bulkApply1000(): Promise<ScenarioResult> {
  return withSite(async (site) => {
    const { erik, amara, david } = PEOPLE;
    const viewOnly = (n: number) => n % VIEW_ONLY_EVERY === 0;
    const seed = (prefix: string) => ({
      users: [],
      projects: [
        { key: `${prefix}A`, name: 'Bench editable' },
        { key: `${prefix}V`, name: 'Bench view-only' },
      ],
      permissions: [
        { accountId: erik.accountId, projectKey: `${prefix}A`, permissions: ADMIN_PERMISSIONS },
        { accountId: erik.accountId, projectKey: `${prefix}V`, permissions: VIEWER_PERMISSIONS },
      ],
      issues: Array.from({ length: ISSUES }, (_, i) => ({
        key: `${prefix}${viewOnly(i + 1) ? 'V' : 'A'}-${i + 1}`,
        summary: `Bench issue ${i + 1}`,
        issueType: 'Task',
        labels: ['bench'],
      })),
    });
    // Two copies of the same 1,000 issues, so Accord and the baseline each start from issues without roles.
    site.services.jira.seed(seed('BENCHX'));
    site.services.jira.seed(seed('BENCHY'));
    const assignments = [
      { accountId: erik.accountId, role: 'accountable' as const },
      { accountId: amara.accountId, role: 'responsible' as const },
      { accountId: david.accountId, role: 'consulted' as const },
    ];

    let accordStatus: { done: number; applied: number; skipped: unknown[] } | undefined;
    const accord = await measure(site, async (ctx) => {
      const started = await ctx.invoke(
        'project-resolver',
        'bulk/start',
        {
          jql: 'project in (BENCHXA, BENCHXV) AND labels = bench',
          framework: 'RACI',
          assignments,
          mode: 'replace',
        },
        erik.accountId,
        { type: 'jira:projectPage', project: { key: 'BENCHXA' } },
      );
      if (!started.ok) throw new Error(`bulk/start failed: ${JSON.stringify(started)}`);
      await site.host.settle();
      const status = await ctx.invoke(
        'project-resolver',
        'bulk/status',
        { jobId: started.data.jobId },
        erik.accountId,
        {
          type: 'jira:projectPage',
          project: { key: 'BENCHXA' },
        },
      );
      accordStatus = status.data;
      if (!status.ok || !status.data.finished || status.data.done !== ISSUES)
        throw new Error(`bulk apply did not finish: ${JSON.stringify(status).slice(0, 300)}`);
    });

    let baselineApplied = 0;
    const baseline = await measure(site, async (ctx) => {
      const property = buildRolesProperty({
        framework: 'RACI',
        assignments,
        revision: 1,
        updatedAt: site.clock.now().toISOString(),
        updatedBy: erik.accountId,
      });
      for (let i = 1; i <= ISSUES; i++) {
        const key = `BENCHY${viewOnly(i) ? 'V' : 'A'}-${i}`;
        await ctx.rest(`/rest/api/3/issue/${key}`, { as: erik.accountId });
        const perms = await ctx.rest(`/rest/api/3/mypermissions?issueKey=${key}&permissions=EDIT_ISSUES`, {
          as: erik.accountId,
        });
        await ctx.rest(`/rest/api/3/issue/${key}/properties/accord-roles`, { as: erik.accountId });
        if (!perms.body.permissions.EDIT_ISSUES.havePermission) continue;
        const put = await ctx.rest(`/rest/api/3/issue/${key}/properties/accord-roles`, {
          method: 'PUT',
          body: property,
          as: erik.accountId,
        });
        if (put.status < 300) baselineApplied++;
      }
    });

    return {
      scenario: 'bulk-apply-1000',
      description: `Bulk-apply a RACI role set to ${ISSUES} issues as Erik, ${ISSUES / VIEW_ONLY_EVERY} of them view-only (skipped).`,
      accord,
      baseline,
      notes:
        `Accord applied ${accordStatus?.applied ?? '?'} and skipped ${accordStatus?.skipped.length ?? '?'}; ` +
        `the baseline applied ${baselineApplied} and writes no audit. Accord's simulated time is charged as if every ` +
        'call ran one after another, although its 40 batches run as separate consumer invocations in parallel.',
    };
  });
}
