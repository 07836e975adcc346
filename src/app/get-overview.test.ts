import type { Brief } from '../domain/brief/brief';
import { getOverview, type ProgressDeps } from './get-overview';
import { getInitiative } from './get-initiative';
import { invalidateProgress } from './invalidate-progress';
import { takeProgressSnapshots } from './take-progress-snapshots';
import type { InitiativeRecord } from './ports';
import { fixedClock, memoryRecordStore } from '../../test/support/in-memory-ports';
import {
  briefFeed,
  fakeCounter,
  memoryEpochs,
  memoryExpiringStore,
  memorySnapshots,
  pagesVisible,
} from '../../test/support/progress-fakes';

const NOW = '2026-11-25T10:00:00Z'; // a Wednesday
const brief = (title: string, pageId: string): Brief => ({
  title,
  problem: '',
  ownerAccountId: 'owner-1',
  status: 'approved',
  pageId,
  updatedAt: NOW,
});
const BRIEFS = [
  { id: 'brief-launch', value: brief('Feature X launch', '1') },
  { id: 'brief-legal', value: brief('Legal readiness', '2') },
];

/** A Jira where LAUNCH has 2 to do, 3 in progress, 5 done, 2 blocked (both for long); LEGAL is hidden. */
const launchJira = () =>
  fakeCounter((jql) => {
    if (jql.startsWith('issuekey in (LAUNCH-1)')) return 1;
    if (jql.includes('issuetype = Decision')) return 1;
    if (jql.includes('statusCategoryChangedDate <= ')) return 2;
    if (jql.includes('status = Blocked')) return 2;
    if (jql.includes('statusCategory = "To Do"')) return 2;
    if (jql.includes('statusCategory = "In Progress"')) return 3;
    if (jql.includes('statusCategory = Done AND resolved >=')) return 1;
    if (jql.includes('statusCategory = Done')) return 5;
    return 0;
  }, /LEGAL/);

function setup(viewerPages = ['1', '2']) {
  const initiatives = memoryRecordStore<InitiativeRecord>();
  initiatives.data.set('brief-launch', {
    scope: { epics: ['LAUNCH-1'] },
    baseline: { date: '2026-11-30' },
  });
  initiatives.data.set('brief-legal', { scope: { epics: ['LEGAL-1'] }, baseline: { date: '2026-12-20' } });
  const counter = launchJira();
  const pages = pagesVisible(viewerPages);
  const epochs = memoryEpochs();
  const clock = fixedClock(NOW);
  const deps: ProgressDeps = {
    viewer: 'erik',
    briefs: briefFeed(BRIEFS),
    pages,
    pageCache: memoryExpiringStore(),
    initiatives,
    counter,
    epochs,
    statusCache: memoryExpiringStore(),
    clock,
  };
  return { deps, counter, pages, epochs, clock, initiatives };
}

describe('getOverview', () => {
  it('rolls up each visible initiative from count queries, with RAG, reason and the JQL of every figure', async () => {
    const { deps } = setup();
    const { initiatives } = await getOverview(deps);
    expect(initiatives).toHaveLength(1);
    const launch = initiatives[0];
    expect(launch).toMatchObject({
      briefId: 'brief-launch',
      rag: 'red',
      counts: { todo: 2, inProgress: 3, done: 5, total: 10 },
      percentDone: 50,
      blocked: 2,
      blockedTooLong: 2,
      decisionsAwaiting: 1,
      baseline: '2026-11-30',
    });
    expect(launch?.reason).toMatch(/^Red: /);
    expect(launch?.reason).toContain('2 items blocked > 2 business days');
    expect(launch?.figures.find((f) => f.key === 'blocked')?.jql).toContain('status = Blocked');
  });

  it('never returns an initiative, nor numbers, whose epic the viewer cannot browse', async () => {
    const { deps } = setup();
    const overview = await getOverview(deps);
    expect(overview.initiatives.map((i) => i.briefId)).toEqual(['brief-launch']);
    expect(JSON.stringify(overview)).not.toContain('Legal');
  });

  it('does not list an initiative whose page the viewer cannot view, and asks Jira nothing for it', async () => {
    const { deps, counter } = setup(['2']);
    expect((await getOverview(deps)).initiatives).toEqual([]);
    expect(counter.jql.some((j) => j.includes('LAUNCH'))).toBe(false);
  });

  it('serves a warm overview from the cache with no Jira or Confluence call', async () => {
    const { deps, counter, pages } = setup();
    const cold = await getOverview(deps);
    const calls = { jira: counter.calls, pages: pages.calls };
    const warm = await getOverview(deps);
    expect(warm.initiatives).toEqual(cold.initiatives);
    expect(counter.calls).toBe(calls.jira);
    expect(pages.calls).toBe(calls.pages);
  });

  it('recomputes after a change that moves counts bumps the project epoch, not after other edits', async () => {
    const { deps, counter, epochs } = setup();
    await getOverview(deps);
    const before = counter.calls;
    expect(await invalidateProgress({ epochs }, { issueKey: 'LAUNCH-3', fields: ['summary'] })).toBe(false);
    await getOverview(deps);
    expect(counter.calls).toBe(before);
    expect(await invalidateProgress({ epochs }, { issueKey: 'LAUNCH-3', fields: ['status'] })).toBe(true);
    await getOverview(deps);
    expect(counter.calls).toBeGreaterThan(before);
  });

  it('recomputes when the cache is an hour old, or the brief changed', async () => {
    const { deps, counter, clock, initiatives } = setup();
    await getOverview(deps);
    let before = counter.calls;
    clock.set('2026-11-25T11:00:01Z');
    await getOverview(deps);
    expect(counter.calls).toBeGreaterThan(before);
    before = counter.calls;
    initiatives.data.set('brief-launch', {
      scope: { epics: ['LAUNCH-1'] },
      baseline: { date: '2027-06-01' },
    });
    await getOverview(deps);
    expect(counter.calls).toBeGreaterThan(before);
  });

  it('keeps at most 5 Jira calls in flight', async () => {
    const { deps } = setup();
    let active = 0;
    let peak = 0;
    const inner = deps.counter;
    deps.counter = {
      count: async (jql) => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 1));
        active--;
        return inner.count(jql);
      },
      firstDueDate: (jql) => inner.firstDueDate(jql),
    };
    await getOverview(deps);
    expect(peak).toBeLessThanOrEqual(5);
    expect(peak).toBeGreaterThan(1);
  });
});

describe('getInitiative and takeProgressSnapshots', () => {
  it('appends one snapshot a day, writes nothing when unchanged, and gives the trend to a viewer who may see it', async () => {
    const { deps, initiatives } = setup();
    const snapshots = memorySnapshots();
    const run = () =>
      takeProgressSnapshots({
        counter: launchJira(),
        clock: deps.clock,
        briefs: deps.briefs,
        initiatives,
        snapshots,
      });
    expect((await run()).taken).toBe(1);
    expect((await run()).taken).toBe(0);
    expect(snapshots.puts).toBe(1);
    const detail = await getInitiative({ ...deps, snapshots }, { briefId: 'brief-launch' });
    expect(detail.history).toEqual([
      { date: '2026-11-25', total: 10, done: 5, forecast: expect.any(String), baseline: '2026-11-30' },
    ]);
    await expect(getInitiative({ ...deps, snapshots }, { briefId: 'brief-legal' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
