import { buildRolesProperty } from '../domain/roles';
import type { Assignment } from '../shared/roles';
import { AppError } from './errors';
import { startBulkApply, type BulkBatchMessage } from './start-bulk-apply';
import { applyRolesBatch } from './apply-roles-batch';
import { getBulkStatus } from './get-bulk-status';
import { mergeAssignments } from './role-writer';
import { UpstreamError } from './errors';
import { fixedClock, sequentialIds } from '../../test/support/in-memory-ports';
import {
  fakeBulkReader,
  fakeRolesBatchJira,
  issue,
  memoryAuditBatchLog,
  memoryBulkJobStore,
  memoryQueue,
} from '../../test/support/project-page-fakes';

const OWNER = '712020:owner';
const ANA = '712020:ana';
const BEN = '712020:ben';
const roles = (assignments: Assignment[], revision = 1) =>
  buildRolesProperty({
    framework: 'RACI',
    assignments,
    revision,
    updatedAt: '2026-01-01T00:00:00Z',
    updatedBy: OWNER,
  });

function setup(
  count: number,
  editable: (key: string) => boolean = () => true,
  failWith?: (key: string) => Error | undefined,
) {
  const issues = Array.from({ length: count }, (_, i) => issue(`P-${i + 1}`));
  if (count > 0)
    issues[0] = issue('P-1', {
      'accord-roles': roles(
        [
          { accountId: BEN, role: 'accountable' },
          { accountId: BEN, role: 'informed' },
        ],
        4,
      ),
    });
  const reader = fakeBulkReader(issues);
  const jobs = memoryBulkJobStore();
  const queue = memoryQueue<BulkBatchMessage>();
  const jira = fakeRolesBatchJira(issues, { editable, ...(failWith ? { failWith } : {}) });
  const audit = memoryAuditBatchLog();
  const clock = fixedClock('2026-11-27T10:00:00Z');
  const deps = { issues: reader, jobs, queue, clock, ids: sequentialIds() };
  const batchDeps = {
    jobs,
    audit,
    clock,
    as: (owner: string) => (expect(owner).toBe(OWNER), jira),
  };
  return { deps, batchDeps, jobs, queue, jira, audit, reader, issues };
}

const input = (over: Partial<Parameters<typeof startBulkApply>[1]> = {}) => ({
  accountId: OWNER,
  projectKey: 'P',
  jql: 'project = P',
  framework: 'RACI' as const,
  assignments: [{ accountId: ANA, role: 'accountable' as const }],
  mode: 'merge' as const,
  ...over,
});

describe('bulk apply use cases', () => {
  it('queues batches of at most 25 keys and reports progress summed from the batches', async () => {
    const { deps, batchDeps, queue, jira, audit } = setup(60, (k) => k !== 'P-30');
    const job = await startBulkApply(deps, input());
    expect(job).toMatchObject({ jobId: 'bulk-1', total: 60, done: 0, finished: false });
    expect(queue.pushed.map((m) => m.issueKeys.length)).toEqual([25, 25, 10]);

    // Batches run concurrently and out of order: no count is lost.
    await Promise.all([2, 0, 1].map((i) => applyRolesBatch(batchDeps, queue.pushed[i]!)));
    const status = await getBulkStatus(deps, { jobId: 'bulk-1', accountId: OWNER });
    expect(status).toEqual({
      jobId: 'bulk-1',
      total: 60,
      done: 60,
      applied: 59,
      skipped: [{ issueKey: 'P-30', reason: 'No permission to edit this issue.' }],
      failed: [],
      finished: true,
    });
    // Merge: P-1 keeps Ben as Informed, Ana takes over Accountable, as the revision after P-1's own.
    expect(jira.puts.find((w) => w.issueKey === 'P-1')?.value).toMatchObject({
      revision: 5,
      updatedBy: OWNER,
      assignments: [
        { accountId: BEN, role: 'informed' },
        { accountId: ANA, role: 'accountable' },
      ],
    });
    // Per batch: one search, one permission check, the PUTs; the audit lines in one batch write per batch.
    expect(jira.calls.filter((c) => c.startsWith('search'))).toHaveLength(3);
    expect(jira.calls.filter((c) => c.startsWith('permissions'))).toHaveLength(3);
    expect(jira.puts).toHaveLength(59);
    expect(audit.calls).toBe(3);
    expect(audit.records.find((r) => r.issueKey === 'P-1')).toMatchObject({
      accountId: OWNER,
      action: 'bulk-apply',
      entry: {
        action: 'bulk-apply',
        frameworkBefore: 'RACI',
        frameworkAfter: 'RACI',
        changes: [
          { accountId: BEN, role: 'accountable', change: 'removed' },
          { accountId: ANA, role: 'accountable', change: 'added' },
        ],
      },
    });
  });

  it('a redelivered batch is neither applied nor counted again', async () => {
    const { deps, batchDeps, queue, jira, audit } = setup(3);
    await startBulkApply(deps, input({ mode: 'replace' }));
    expect(await applyRolesBatch(batchDeps, queue.pushed[0]!)).toBe('applied');
    expect(await applyRolesBatch(batchDeps, queue.pushed[0]!)).toBe('redelivered');
    expect(jira.puts).toHaveLength(3);
    expect(audit.records).toHaveLength(3);
    expect((await getBulkStatus(deps, { jobId: 'bulk-1', accountId: OWNER })).done).toBe(3);
  });

  it('only the owner reads a job; a missing job is NOT_FOUND the same way', async () => {
    const { deps } = setup(2);
    await startBulkApply(deps, input());
    await expect(getBulkStatus(deps, { jobId: 'bulk-1', accountId: ANA })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(getBulkStatus(deps, { jobId: 'bulk-9', accountId: OWNER })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses bad role sets before reading Jira, and an empty match, writing nothing', async () => {
    const { deps, jobs, reader } = setup(0);
    const two = input({
      assignments: [
        { accountId: ANA, role: 'accountable' },
        { accountId: BEN, role: 'accountable' },
      ],
    });
    await expect(startBulkApply(deps, two)).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    await expect(startBulkApply(deps, input({ assignments: [] }))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(reader.calls).toBe(0);
    await expect(startBulkApply(deps, input())).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await jobs.get('bulk-1')).toBeUndefined();
  });

  it('lists hidden, refused and failed writes, never counting them as applied', async () => {
    const failWith = (key: string) =>
      key === 'P-3'
        ? new UpstreamError('Jira refused to save the roles on P-3 (HTTP 429).', 429)
        : key === 'P-4'
          ? new AppError('FORBIDDEN', 'Jira did not let you save the roles on P-4.')
          : undefined;
    const { deps, batchDeps, queue, jira, audit, issues } = setup(6, (k) => k !== 'P-5', failWith);
    await startBulkApply(deps, input({ mode: 'replace' }));
    issues.splice(5, 1); // P-6 was deleted after the job started
    expect(await applyRolesBatch(batchDeps, queue.pushed[0]!)).toBe('applied');
    const status = await getBulkStatus(deps, { jobId: 'bulk-1', accountId: OWNER });
    expect(status).toMatchObject({
      done: 6,
      applied: 2,
      skipped: [
        { issueKey: 'P-4', reason: 'No permission to edit this issue.' },
        { issueKey: 'P-5', reason: 'No permission to edit this issue.' },
        { issueKey: 'P-6', reason: 'You can no longer see this issue.' },
      ],
      failed: [{ issueKey: 'P-3', reason: 'Jira did not accept the change; try this issue again later.' }],
    });
    // P-5 was never written (the bulk check refused it); only the two applied issues are audited.
    expect(jira.calls).not.toContain('put P-5');
    expect(audit.records.map((r) => r.issueKey).sort()).toEqual(['P-1', 'P-2']);
  });

  it('writes nothing for an issue that already has the roles, and a retried batch does not double count', async () => {
    const { deps, batchDeps, queue, jira, audit, jobs } = setup(3);
    await startBulkApply(deps, input({ mode: 'replace' }));
    const message = queue.pushed[0]!;
    expect(await applyRolesBatch(batchDeps, message)).toBe('applied');
    // The consumer crashed before its result was stored: Forge delivers the batch again.
    jobs.batches.clear();
    jira.puts.length = 0;
    audit.records.length = 0;
    expect(await applyRolesBatch(batchDeps, message)).toBe('applied');
    expect(jira.puts).toHaveLength(0);
    expect(audit.records).toHaveLength(0);
    expect(await getBulkStatus(deps, { jobId: 'bulk-1', accountId: OWNER })).toMatchObject({
      done: 3,
      applied: 3,
      skipped: [],
      failed: [],
    });
  });

  it('merge refuses an issue kept in the other framework; a failing audit write fails nothing', async () => {
    const { deps, batchDeps, queue, audit, issues } = setup(2);
    issues[1]!.properties['accord-roles'] = buildRolesProperty({
      framework: 'DACI',
      assignments: [{ accountId: BEN, role: 'driver' }],
      revision: 1,
      updatedAt: '2026-01-01T00:00:00Z',
      updatedBy: OWNER,
    });
    audit.appendMany = async () => {
      throw new Error('KVS is down');
    };
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await startBulkApply(deps, input());
    expect(await applyRolesBatch(batchDeps, queue.pushed[0]!)).toBe('applied');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('audit log'), 'KVS is down');
    log.mockRestore();
    expect(await getBulkStatus(deps, { jobId: 'bulk-1', accountId: OWNER })).toMatchObject({
      applied: 1,
      failed: [{ issueKey: 'P-2', reason: expect.stringContaining('uses DACI roles') }],
    });
  });

  it.each([
    [
      'keeps people and adds new ones',
      [{ accountId: BEN, role: 'consulted' }],
      [{ accountId: ANA, role: 'informed' }],
      [
        { accountId: BEN, role: 'consulted' },
        { accountId: ANA, role: 'informed' },
      ],
    ],
    [
      'hands the single Accountable role over',
      [{ accountId: BEN, role: 'accountable' }],
      [{ accountId: ANA, role: 'accountable' }],
      [{ accountId: ANA, role: 'accountable' }],
    ],
    [
      'does not duplicate',
      [{ accountId: ANA, role: 'informed' }],
      [{ accountId: ANA, role: 'informed' }],
      [{ accountId: ANA, role: 'informed' }],
    ],
  ] as Array<[string, Assignment[], Assignment[], Assignment[]]>)(
    'mergeAssignments %s',
    (_name, current, added, expected) => {
      expect(mergeAssignments('RACI', current, added)).toEqual(expected);
    },
  );
});
