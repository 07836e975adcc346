import {
  buildRolesProperty,
  readRolesProperty,
  ROLES_PROPERTY_KEY,
  type RolesProperty,
} from '../domain/roles';
import type { Assignment } from '../shared/roles';
import { decideRolesChange, type RolesChange } from './roles-decision';
import { setRoles } from './set-roles';
import { applyRolesBatch } from './apply-roles-batch';
import { startBulkApply, type BulkBatchMessage } from './start-bulk-apply';
import { fixedClock, sequentialIds } from '../../test/support/in-memory-ports';
import { FakeJira, memoryAuditLog } from '../../test/support/roles-fakes';
import {
  fakeBulkReader,
  fakeRolesBatchJira,
  issue,
  memoryAuditBatchLog,
  memoryBulkJobStore,
  memoryQueue,
} from '../../test/support/project-page-fakes';

const ANA = '712020:ana';
const BEN = '712020:ben';
const AT = '2026-11-27T10:00:00.000Z';
const raci: Assignment[] = [
  { accountId: ANA, role: 'accountable' },
  { accountId: BEN, role: 'consulted' },
];
const stored = (assignments: Assignment[], revision = 3): RolesProperty =>
  buildRolesProperty({
    framework: 'RACI',
    assignments,
    revision,
    updatedAt: '2026-11-01T00:00:00.000Z',
    updatedBy: BEN,
  });
const change = (over: Partial<RolesChange> = {}): RolesChange => ({
  accountId: ANA,
  framework: 'RACI',
  assignments: raci,
  revision: 3,
  action: 'set',
  ...over,
});
const decide = (raw: unknown, over: Partial<RolesChange> = {}, inheritsRoles: boolean | 'unknown' = false) =>
  decideRolesChange({
    issueKey: 'P-1',
    own: readRolesProperty(raw),
    inheritsRoles,
    change: change(over),
    at: AT,
  });

describe('decideRolesChange (the rules shared by the Roles panel and bulk apply)', () => {
  it('writes the next revision with an audit line of the changes', () => {
    const decision = decide(stored([{ accountId: BEN, role: 'accountable' }]));
    expect(decision).toEqual({
      kind: 'write',
      property: expect.objectContaining({ revision: 4, updatedAt: AT, updatedBy: ANA, assignments: raci }),
      audit: {
        issueKey: 'P-1',
        at: AT,
        accountId: ANA,
        action: 'set',
        entry: {
          at: AT,
          accountId: ANA,
          action: 'set',
          frameworkBefore: 'RACI',
          frameworkAfter: 'RACI',
          changes: [
            { accountId: BEN, role: 'accountable', change: 'removed' },
            { accountId: ANA, role: 'accountable', change: 'added' },
            { accountId: BEN, role: 'consulted', change: 'added' },
          ],
        },
      },
    });
  });

  it('is unchanged for the same set, stale for an older revision, and refuses broken rules', () => {
    expect(decide(stored([...raci].reverse()))).toEqual({ kind: 'unchanged' });
    expect(decide(stored(raci), { revision: 2 })).toEqual({ kind: 'stale' });
    expect(() =>
      decide(undefined, {
        revision: 0,
        assignments: [
          { accountId: ANA, role: 'accountable' },
          { accountId: BEN, role: 'accountable' },
        ],
      }),
    ).toThrow(expect.objectContaining({ code: 'RULE_VIOLATION' }));
    expect(() => decide(undefined, { revision: -1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('an empty list on an issue without roles is a no-op only when nothing would be hidden', () => {
    expect(decide(undefined, { revision: 0, assignments: [] }, false)).toEqual({ kind: 'unchanged' });
    expect(decide(undefined, { revision: 0, assignments: [] }, true).kind).toBe('write');
    expect(decide(undefined, { revision: 0, assignments: [] }, 'unknown').kind).toBe('write');
    // A damaged document is rewritten even when its readable part already matches.
    expect(decide({ version: 1, framework: 'RACI', assignments: 'junk', revision: 3 }).kind).toBe('write');
  });

  it('the Roles panel and bulk apply store the same document for the same change', async () => {
    const clock = fixedClock(AT);
    const before = stored([{ accountId: BEN, role: 'informed' }]);

    // The Roles panel.
    const jira = new FakeJira().add({
      key: 'P-1',
      type: 'Story',
      properties: { [ROLES_PROPERTY_KEY]: before },
    });
    jira.grant(ANA, 'BROWSE_PROJECTS', 'EDIT_ISSUES');
    const panelAudit = memoryAuditLog();
    await setRoles(
      { jira: jira.as(ANA), actions: jira.as(ANA), audit: panelAudit, clock },
      { issueKey: 'P-1', accountId: ANA, framework: 'RACI', assignments: raci, revision: 3 },
    );

    // Bulk apply (replace) of the same set to the same issue.
    const issues = [issue('P-1', { [ROLES_PROPERTY_KEY]: structuredClone(before) })];
    const jobs = memoryBulkJobStore();
    const queue = memoryQueue<BulkBatchMessage>();
    await startBulkApply(
      { issues: fakeBulkReader(issues), jobs, queue, clock, ids: sequentialIds() },
      {
        accountId: ANA,
        projectKey: 'P',
        jql: 'project = P',
        framework: 'RACI',
        assignments: raci,
        mode: 'replace',
      },
    );
    const bulkJira = fakeRolesBatchJira(issues);
    const bulkAudit = memoryAuditBatchLog();
    await applyRolesBatch({ jobs, audit: bulkAudit, clock, as: () => bulkJira }, queue.pushed[0]!);

    expect(bulkJira.puts[0]!.value).toEqual(jira.issues.get('P-1')!.properties[ROLES_PROPERTY_KEY]);
    const { action: _a, entry: panelEntry, ...panelLine } = panelAudit.records[0]!;
    const { action: _b, entry: bulkEntry, ...bulkLine } = bulkAudit.records[0]!;
    expect(bulkLine).toEqual(panelLine);
    expect({ ...bulkEntry, action: 'set' }).toEqual(panelEntry);
  });
});
