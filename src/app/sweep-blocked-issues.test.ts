import { BLOCKED_JQL, sweepBlockedIssues, type BlockedSweep } from './sweep-blocked-issues';
import type { SettingsValues } from '../domain/settings';
import { fixedClock, memoryDocumentStore, memoryRecordStore } from '../../test/support/in-memory-ports';
import { searchingJira } from '../../test/support/pages-fakes';

const setup = (keys: string[]) => {
  const jira = searchingJira(keys);
  const sweeps = memoryRecordStore<BlockedSweep>();
  const settings = memoryDocumentStore<SettingsValues>();
  const clock = fixedClock('2026-03-02T09:00:00Z');
  return { jira, sweeps, settings, clock, deps: { jira, sweeps, settings, clock } };
};

describe('sweepBlockedIssues', () => {
  it('uses 48 hours until an administrator saves a threshold', async () => {
    const { deps, jira } = setup(['LAUNCH-3']);
    const sweep = await sweepBlockedIssues(deps);
    expect(jira.jql).toEqual([BLOCKED_JQL(48)]);
    expect(jira.jql[0]).toBe(
      'status = Blocked AND statusCategoryChangedDate <= -48h ORDER BY statusCategoryChangedDate ASC',
    );
    expect(sweep).toEqual({
      at: '2026-03-02T09:00:00.000Z',
      blocked: ['LAUNCH-3'],
      newlyBlocked: ['LAUNCH-3'],
      thresholdHours: 48,
    });
  });

  it('reads the threshold from the settings', async () => {
    const { deps, jira, settings } = setup(['LAUNCH-3']);
    await settings.put('site', { blockedThresholdHours: 12, consultedThreshold: 5 }, 0);
    const sweep = await sweepBlockedIssues(deps);
    expect(jira.jql).toEqual([BLOCKED_JQL(12)]);
    expect(sweep.thresholdHours).toBe(12);
  });

  it('pages through the search and tells the newly blocked from those seen before', async () => {
    const { deps, sweeps } = setup(['A-1', 'A-2', 'A-3']);
    await sweeps.set('last', { at: 'x', blocked: ['A-2'], newlyBlocked: ['A-2'], thresholdHours: 48 });
    const sweep = await sweepBlockedIssues(deps, { pageSize: 2 });
    expect(sweep.blocked).toEqual(['A-1', 'A-2', 'A-3']);
    expect(sweep.newlyBlocked).toEqual(['A-1', 'A-3']);
  });

  it('writes the record only when what it says changes', async () => {
    const { deps, sweeps, settings, clock } = setup(['A-1']);
    await sweepBlockedIssues(deps);
    expect(sweeps.writes).toBe(1);
    clock.set('2026-03-02T10:00:00Z');
    await sweepBlockedIssues(deps);
    expect(sweeps.writes).toBe(1);
    // A new threshold is worth recording even when the same issues are found.
    await settings.put('site', { blockedThresholdHours: 24, consultedThreshold: 5 }, 0);
    await sweepBlockedIssues(deps);
    expect(sweeps.writes).toBe(2);
    expect(sweeps.data.get('last')?.thresholdHours).toBe(24);
  });
});
