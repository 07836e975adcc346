/** The escalation engine's use cases on in-memory ports: firing, idempotence, failures, acknowledgement, events. */
import { parseEscalationPath, type EscalationPath } from '../src/domain/escalation';
import { processIssue, type EngineDeps } from '../src/app/escalation/process-issue';
import { handleEscalationEvent } from '../src/app/escalation/handle-issue-event';
import { acknowledgeEscalation } from '../src/app/escalation/acknowledge-escalation';
import { getIssueEscalations } from '../src/app/escalation/get-issue-escalations';
import { dryRunPath } from '../src/app/escalation/dry-run-path';
import { getEscalationAudit } from '../src/app/escalation/get-escalation-audit';
import {
  sweepEscalations,
  continueSweep,
  sweepSearches,
  type SweepMessage,
} from '../src/app/escalation/sweep-escalations';
import { escalationEventOf } from '../src/forge/triggers/escalation-event';
import type { EscalationIssue } from '../src/app/escalation/engine-ports';
import type { IssuePermission } from '../src/app/ports';
import { adfSchemaErrors as validateAdf } from '../src/domain/brief/__fixtures__/adf-schema';
import { memoryPathStore, adminIs } from './support/escalation-path-fakes';
import { fixedClock, wikiWith } from './support/in-memory-ports';
import { memoryEpochs } from './support/progress-fakes';
import { capturedIssueUpdates } from './support/forge-events';
import {
  AMARA,
  GRACE,
  briefOwners,
  escalationIssue,
  memoryAudit,
  memoryEpisodeStore,
  memoryIssueSource,
  recordingJira,
  rolesProperty,
} from './support/escalation-fakes';

const ERIK = '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e02';
const PRIYA = '712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e01';

function path(over: Record<string, unknown> = {}): EscalationPath {
  const r = parseEscalationPath({
    id: 'path-launch-blocked',
    name: 'Blocked launch work',
    scope: { projects: ['LAUNCH'] },
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
        name: 'Team lead',
        after: 'P1D',
        targets: [{ kind: 'role', role: 'issue-accountable' }],
        actions: ['comment', 'notify'],
      },
      {
        name: 'Director',
        after: 'P3D',
        targets: [
          { kind: 'role', role: 'epic-accountable' },
          { kind: 'role', role: 'brief-owner' },
        ],
        actions: ['comment', 'add-watchers', 'raise-priority'],
      },
    ],
    ...over,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.path;
}

// Blocked since Friday 20 Nov 2026 16:00 Berlin: level 1 is due Monday 16:00, level 2 Wednesday 16:00.
const BLOCKED_SINCE = '2026-11-20T15:00:00.000Z';
const L1_DUE = '2026-11-23T15:00:00.000Z';
const L2_DUE = '2026-11-25T15:00:00.000Z';

function world(opts: { issues?: EscalationIssue[]; paths?: EscalationPath[] } = {}) {
  const issues = opts.issues ?? [
    escalationIssue({
      key: 'LAUNCH-1',
      issueType: { name: 'Epic', hierarchyLevel: 1 },
      status: { name: 'In Progress', category: 'indeterminate' },
      properties: { 'accord-roles': rolesProperty([PRIYA]), 'accord-brief': { briefId: 'brief-1' } },
    }),
    escalationIssue({
      key: 'LAUNCH-2',
      issueType: { name: 'Story', hierarchyLevel: 0 },
      status: { name: 'In Progress', category: 'indeterminate' },
      parentKey: 'LAUNCH-1',
    }),
    escalationIssue({
      key: 'LAUNCH-3',
      issueType: { name: 'Subtask', hierarchyLevel: -1 },
      parentKey: 'LAUNCH-2',
      statusHistory: [{ status: 'Blocked', since: BLOCKED_SINCE }],
      properties: { 'accord-roles': rolesProperty([ERIK]) },
    }),
  ];
  const source = memoryIssueSource(issues, (i) => i.status.name === 'Blocked');
  const jira = recordingJira(source);
  const episodes = memoryEpisodeStore();
  const audit = memoryAudit();
  const epochs = memoryEpochs();
  const clock = fixedClock(BLOCKED_SINCE);
  const paths = memoryPathStore();
  for (const p of opts.paths ?? [path()]) {
    paths.data.set(p.id, {
      revision: 1,
      value: { path: p, enabled: true, pageId: '98307', ownerAccountId: PRIYA, updatedAt: BLOCKED_SINCE },
    });
  }
  const deps: EngineDeps = {
    source,
    jira,
    episodes,
    audit,
    briefs: briefOwners({ 'brief-1': AMARA }),
    clock,
    epochs,
  };
  const run = async (key = 'LAUNCH-3') => {
    const [issue] = await source.fetch([key]);
    return processIssue(deps, {
      issue: issue!,
      paths: [...paths.data.values()].map((v) => v.value.path),
      complete: true,
    });
  };
  const browse = (allowed: string[]) => ({
    permissions: async <P extends IssuePermission>(key: string, keys: readonly P[]) =>
      Object.fromEntries(keys.map((k) => [k, allowed.includes(key)])) as Record<P, boolean>,
  });
  return { source, jira, episodes, audit, epochs, clock, paths, deps, run, browse };
}

/** The account ids of the mention nodes in an ADF document, in order. */
function mentionsIn(body: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; attrs?: { id?: string }; content?: unknown[] };
    if (n.type === 'mention' && n.attrs?.id) out.push(n.attrs.id);
    n.content?.forEach(walk);
  };
  walk(body);
  return out;
}

describe('processIssue', () => {
  it('starts an episode at once but fires nothing before level 1 is due, and marks the issue level 0', async () => {
    const w = world();
    w.clock.set('2026-11-23T10:00:00.000Z'); // Monday 11:00 Berlin: 3 of 8 business hours
    const r = await w.run();
    expect(r).toMatchObject({ started: ['path-launch-blocked'], fired: [], failed: [] });
    expect(w.jira.calls.filter((c) => c.kind === 'comment')).toHaveLength(0);
    // Only what JQL indexes (`accordEscalationLevel`); the per-path detail lives in KVS.
    expect(w.source.issues.get('LAUNCH-3')!.properties['accord-escalation']).toEqual({ level: 0 });
    expect(w.audit.entries.map((e) => e.kind)).toEqual(['episode-started']);
    // The episode starts when the issue entered Blocked, not when it was first seen.
    expect(w.audit.entries[0]!.at).toBe(BLOCKED_SINCE);
  });

  it('fires level 1 once it is due, over the weekend: a valid ADF comment mentioning the Accountable, and notify', async () => {
    const w = world();
    w.clock.set(L1_DUE);
    const r = await w.run();
    expect(r.fired).toEqual([{ pathId: 'path-launch-blocked', level: 1 }]);
    const comment = w.jira.calls.find((c) => c.kind === 'comment');
    expect(comment && mentionsIn(comment.body)).toEqual([ERIK]);
    expect(validateAdf(comment?.kind === 'comment' ? comment.body : undefined)).toEqual([]);
    const notify = w.jira.calls.find((c) => c.kind === 'notify');
    expect(notify?.kind === 'notify' && notify.notification.accountIds).toEqual([ERIK]);
    expect(w.source.issues.get('LAUNCH-3')!.properties['accord-escalation']).toMatchObject({ level: 1 });
    const fired = w.audit.entries.find((e) => e.kind === 'level-fired');
    expect(fired).toMatchObject({
      level: 1,
      targets: [{ accountId: ERIK, label: "the issue's Accountable" }],
      actions: [
        { action: 'comment', ok: true },
        { action: 'notify', ok: true },
      ],
    });
  });

  it('does not fire a level one minute early', async () => {
    const w = world();
    w.clock.set(new Date(Date.parse(L1_DUE) - 60_000).toISOString());
    expect((await w.run()).fired).toEqual([]);
  });

  it('is idempotent: a second run at the same moment acts on nothing and writes nothing', async () => {
    const w = world();
    w.clock.set(L1_DUE);
    await w.run();
    const calls = w.jira.calls.length;
    const writes = w.episodes.writes;
    const audits = w.audit.entries.length;
    expect((await w.run()).fired).toEqual([]);
    expect(w.jira.calls.length).toBe(calls);
    expect(w.episodes.writes).toBe(writes);
    expect(w.audit.entries.length).toBe(audits);
  });

  it('fires level 2 with the epic’s Accountable (climbing sub-task → story → epic) and the brief owner', async () => {
    const w = world();
    w.clock.set(L1_DUE);
    await w.run();
    w.clock.set(L2_DUE);
    const level1Calls = w.jira.calls.length;
    const r = await w.run();
    expect(r.fired).toEqual([{ pathId: 'path-launch-blocked', level: 2 }]);
    const comments = w.jira.calls.filter((c) => c.kind === 'comment');
    expect(mentionsIn(comments[1]!.kind === 'comment' && comments[1]!.body)).toEqual([PRIYA, AMARA]);
    expect(
      w.jira.calls.filter((c) => c.kind === 'watcher').map((c) => c.kind === 'watcher' && c.accountId),
    ).toEqual([PRIYA, AMARA]);
    // Priority and the JQL-visible level go to Jira in one issue edit; no separate property write. Watchers
    // (harmless to repeat) go first, then the comment and the priority step (never repeated) in the level's order.
    const level2Calls = w.jira.calls.slice(level1Calls);
    expect(level2Calls.map((c) => c.kind)).toEqual(['watcher', 'watcher', 'comment', 'edit']);
    expect(level2Calls.at(-1)).toEqual({
      kind: 'edit',
      issueKey: 'LAUNCH-3',
      edit: { priority: 'High', properties: { 'accord-escalation': { level: 2 } } },
    });
    expect(w.source.issues.get('LAUNCH-3')!.properties['accord-escalation']).toEqual({ level: 2 });
    expect(w.audit.entries.at(-1)?.actions).toContainEqual({
      action: 'raise-priority',
      ok: true,
      detail: 'Medium → High',
    });
  });

  it('writes the property only when the level JQL shows changes (a second path at the same level writes none)', async () => {
    const second = path({ id: 'path-second', name: 'Second path' });
    const w = world({ paths: [path(), second] });
    w.clock.set(L1_DUE);
    const r = await w.run();
    expect(r.fired).toEqual([
      { pathId: 'path-launch-blocked', level: 1 },
      { pathId: 'path-second', level: 1 },
    ]);
    expect(w.jira.calls.filter((c) => c.kind === 'set-property')).toEqual([
      { kind: 'set-property', issueKey: 'LAUNCH-3', key: 'accord-escalation', value: { level: 1 } },
    ]);
  });

  it('ends the cached executive statuses of the issue’s project when the JQL-visible level changes, and only then', async () => {
    const w = world();
    w.clock.set(L1_DUE);
    await w.run();
    // The property went to level 1 (written once), which ended the caches of LAUNCH and of JQL-scoped initiatives.
    const afterFire = { ...w.epochs.data };
    expect(afterFire.LAUNCH).toBeGreaterThan(0);
    expect(afterFire['*']).toBe(afterFire.LAUNCH);
    await w.run();
    expect(w.epochs.data).toEqual(afterFire);
  });

  it('a late first look fires both due levels in order, once each', async () => {
    const w = world();
    w.clock.set(L2_DUE);
    const r = await w.run();
    expect(r.fired.map((f) => f.level)).toEqual([1, 2]);
    expect(w.jira.calls.filter((c) => c.kind === 'comment')).toHaveLength(2);
  });

  it('two concurrent deliveries fire a level once (the claim decides)', async () => {
    const w = world();
    w.clock.set(L1_DUE);
    const [a, b] = await Promise.all([w.run(), w.run()]);
    expect([...a.fired, ...b.fired]).toEqual([{ pathId: 'path-launch-blocked', level: 1 }]);
    expect(w.jira.calls.filter((c) => c.kind === 'comment')).toHaveLength(1);
  });

  it('a failed action does not mark the level fired: the claim is freed with what succeeded, level-failed is audited, the retry runs only the failed action', async () => {
    const w = world();
    w.clock.set(L1_DUE);
    w.jira.fail.add('notify');
    const r = await w.run();
    expect(r.fired).toEqual([]);
    expect(r.failed).toEqual([
      { pathId: 'path-launch-blocked', level: 1, detail: expect.stringContaining('notify') },
    ]);
    expect([...w.episodes.claims.values()]).toEqual([{ status: 'failed', done: ['comment'] }]);
    const failed = w.audit.entries.find((e) => e.kind === 'level-failed');
    expect(failed?.actions).toEqual([
      { action: 'comment', ok: true },
      { action: 'notify', ok: false, detail: expect.stringContaining('503') },
    ]);
    expect(w.source.issues.get('LAUNCH-3')!.properties['accord-escalation']).toMatchObject({ level: 0 });
    w.jira.fail.clear();
    w.clock.set('2026-11-23T16:00:00.000Z');
    expect((await w.run()).fired).toEqual([{ pathId: 'path-launch-blocked', level: 1 }]);
    // No second comment: the retry ran notify alone.
    expect(w.jira.calls.filter((c) => c.kind === 'comment')).toHaveLength(1);
    expect(w.jira.calls.filter((c) => c.kind === 'notify')).toHaveLength(1);
    expect(w.audit.entries.at(-1)).toMatchObject({
      kind: 'level-fired',
      actions: [
        { action: 'comment', ok: true, detail: 'Done by an earlier attempt; not repeated.' },
        { action: 'notify', ok: true },
      ],
    });
    expect([...w.episodes.claims.values()]).toEqual([{ status: 'fired', at: '2026-11-23T16:00:00.000Z' }]);
    expect(w.source.issues.get('LAUNCH-3')!.properties['accord-escalation']).toMatchObject({ level: 1 });
  });

  it('a level whose issue edit fails keeps its comment and watchers, and the retry sends only the edit (with the property)', async () => {
    const w = world();
    w.clock.set(L1_DUE);
    await w.run();
    w.clock.set(L2_DUE);
    w.jira.fail.add('edit');
    expect((await w.run()).failed).toHaveLength(1);
    expect(w.source.issues.get('LAUNCH-3')!.properties['accord-escalation']).toEqual({ level: 1 });
    w.jira.fail.clear();
    const before = w.jira.calls.length;
    expect((await w.run()).fired).toEqual([{ pathId: 'path-launch-blocked', level: 2 }]);
    expect(w.jira.calls.slice(before)).toEqual([
      {
        kind: 'edit',
        issueKey: 'LAUNCH-3',
        edit: { priority: 'High', properties: { 'accord-escalation': { level: 2 } } },
      },
    ]);
  });

  it('a crash after the comment (claim held with its progress) does not comment again once the hold lapses', async () => {
    const w = world();
    w.clock.set(L1_DUE);
    // A first run commented, recorded its progress, and died before notify; its claim then expired.
    const original = w.episodes.progress.bind(w.episodes);
    w.episodes.progress = async (state, level, done, now) => {
      await original(state, level, done, now);
      throw new Error('The function timed out.');
    };
    await expect(w.run()).rejects.toThrow('timed out');
    w.episodes.progress = original;
    expect([...w.episodes.claims.values()]).toEqual([
      { status: 'claimed', done: ['comment'], until: '2026-11-23T15:15:00.000Z' },
    ]);
    // While the crashed run's hold lasts, nobody fires; afterwards the next run takes over without commenting.
    w.clock.set('2026-11-23T15:14:59.000Z');
    expect((await w.run()).fired).toEqual([]);
    w.clock.set('2026-11-23T15:15:00.000Z');
    expect((await w.run()).fired).toEqual([{ pathId: 'path-launch-blocked', level: 1 }]);
    expect(w.jira.calls.filter((c) => c.kind === 'comment')).toHaveLength(1);
  });

  describe('a comment + label level (the bench’s level): the label goes first, so no progress record is needed', () => {
    const labelled = () =>
      path({
        levels: [
          {
            name: 'Team lead',
            after: 'P1D',
            targets: [{ kind: 'role', role: 'issue-accountable' }],
            actions: ['comment', 'add-label'],
            label: 'escalated',
          },
        ],
      });

    it('fires with one issue edit (label + property) then the comment, and 3 episode-store writes', async () => {
      const w = world({ paths: [labelled()] });
      await w.run(); // the episode starts
      w.clock.set(L1_DUE);
      const writes = w.episodes.writes;
      let progress = 0;
      const original = w.episodes.progress.bind(w.episodes);
      w.episodes.progress = async (...args) => {
        progress++;
        return original(...args);
      };
      const auditBefore = w.audit.entries.length;
      expect((await w.run()).fired).toEqual([{ pathId: 'path-launch-blocked', level: 1 }]);
      expect(w.jira.calls.map((c) => c.kind)).toEqual(['set-property', 'edit', 'comment']);
      expect(w.jira.calls[1]).toEqual({
        kind: 'edit',
        issueKey: 'LAUNCH-3',
        edit: { addLabels: ['escalated'], properties: { 'accord-escalation': { level: 1 } } },
      });
      // Claim, confirm, episode state: no progress write between the label and the comment.
      expect(progress).toBe(0);
      expect(w.episodes.writes - writes).toBe(3);
      expect(w.audit.entries.slice(auditBefore)).toEqual([
        expect.objectContaining({
          kind: 'level-fired',
          actions: [
            { action: 'comment', ok: true },
            { action: 'add-label', ok: true },
          ],
        }),
      ]);
    });

    it('a failed comment leaves the level unfired (the level JQL shows goes back to 0); the retry comments once', async () => {
      const w = world({ paths: [labelled()] });
      await w.run();
      w.clock.set(L1_DUE);
      w.jira.fail.add('comment');
      expect((await w.run()).failed).toHaveLength(1);
      expect([...w.episodes.claims.values()]).toEqual([{ status: 'failed', done: ['add-label'] }]);
      expect(w.source.issues.get('LAUNCH-3')!.properties['accord-escalation']).toEqual({ level: 0 });
      w.jira.fail.clear();
      const before = w.jira.calls.length;
      expect((await w.run()).fired).toEqual([{ pathId: 'path-launch-blocked', level: 1 }]);
      expect(w.jira.calls.slice(before).map((c) => c.kind)).toEqual(['comment', 'set-property']);
      expect(w.source.issues.get('LAUNCH-3')!.properties['accord-escalation']).toEqual({ level: 1 });
      expect(w.audit.entries.at(-1)).toMatchObject({
        kind: 'level-fired',
        actions: [
          { action: 'comment', ok: true },
          { action: 'add-label', ok: true, detail: 'Done by an earlier attempt; not repeated.' },
        ],
      });
    });

    it('a run that dies after the label, before the comment, is taken over once its hold lapses: one comment', async () => {
      const w = world({ paths: [labelled()] });
      await w.run();
      w.clock.set(L1_DUE);
      const addComment = w.jira.addComment;
      w.jira.addComment = () => Promise.reject(new Error('The function timed out.'));
      const release = w.episodes.release.bind(w.episodes);
      w.episodes.release = () => Promise.reject(new Error('The function timed out.'));
      await expect(w.run()).rejects.toThrow('timed out');
      w.jira.addComment = addComment;
      w.episodes.release = release;
      w.clock.set('2026-11-23T15:15:00.000Z');
      expect((await w.run()).fired).toEqual([{ pathId: 'path-launch-blocked', level: 1 }]);
      // The label was added again (harmless), the comment posted once.
      expect(w.jira.calls.filter((c) => c.kind === 'comment')).toHaveLength(1);
      expect(w.jira.calls.filter((c) => c.kind === 'edit')).toHaveLength(2);
      expect(w.source.issues.get('LAUNCH-3')!.properties['accord-escalation']).toEqual({ level: 1 });
    });
  });

  it('ends the episode when the issue leaves Blocked, deletes the property, and fires nothing later', async () => {
    const w = world();
    w.clock.set(L1_DUE);
    await w.run();
    const issue = w.source.issues.get('LAUNCH-3')!;
    issue.status = { name: 'In Progress', category: 'indeterminate' };
    issue.statusHistory.push({ status: 'In Progress', since: '2026-11-24T09:00:00.000Z' });
    w.clock.set('2026-11-24T09:30:00.000Z');
    const r = await w.run();
    expect(r.ended).toEqual(['path-launch-blocked']);
    expect(issue.properties['accord-escalation']).toBeUndefined();
    expect(w.jira.calls.at(-1)).toMatchObject({ kind: 'delete-property', key: 'accord-escalation' });
    w.clock.set(L2_DUE);
    expect((await w.run()).fired).toEqual([]);
    expect(w.audit.entries.find((e) => e.kind === 'episode-ended')?.reason).toBe('conditions-cleared');
  });

  it('an open episode of a path that is no longer enabled ends as path-removed', async () => {
    const w = world();
    w.clock.set(L1_DUE);
    await w.run();
    w.paths.data.get('path-launch-blocked')!.value.enabled = false;
    const [issue] = await w.source.fetch(['LAUNCH-3']);
    const r = await processIssue(w.deps, { issue: issue!, paths: [], complete: true });
    expect(r.ended).toEqual(['path-launch-blocked']);
    expect(w.source.issues.get('LAUNCH-3')!.properties['accord-escalation']).toBeUndefined();
    expect(w.audit.entries.filter((e) => e.kind === 'episode-ended').at(-1)?.reason).toBe('path-removed');
  });
});

describe('acknowledge and the issue view', () => {
  it('only the current level’s target may acknowledge; acknowledging ends the ladder', async () => {
    const w = world();
    w.clock.set(L1_DUE);
    await w.run();
    const deps = { ...w.deps, paths: w.paths, userActions: w.browse(['LAUNCH-3']) };
    const view = await getIssueEscalations(deps, { issueKey: 'LAUNCH-3', accountId: ERIK });
    const episode = view.episodes[0]!;
    expect(episode).toMatchObject({ currentLevel: 1, canAcknowledge: true, endedAt: null });
    expect(episode.levels).toEqual([
      { level: 1, name: 'Team lead', dueAt: null, firedAt: L1_DUE },
      { level: 2, name: 'Director', dueAt: L2_DUE, firedAt: null },
    ]);
    const input = { issueKey: 'LAUNCH-3', pathId: episode.pathId, episodeId: episode.episodeId };
    await expect(acknowledgeEscalation(deps, { ...input, accountId: GRACE })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const beforeAck = { ...w.epochs.data };
    const after = await acknowledgeEscalation(deps, { ...input, accountId: ERIK });
    // The property went away as the app (no Jira event): the overview's cached statuses of LAUNCH end now.
    expect(w.epochs.data.LAUNCH).toBe((beforeAck.LAUNCH ?? 0) + 1);
    expect(after.episodes[0]).toMatchObject({
      endReason: 'acknowledged',
      acknowledgedBy: ERIK,
      canAcknowledge: false,
    });
    expect(after.history[0]).toMatchObject({ kind: 'acknowledged', accountId: ERIK, level: 1 });
    expect(w.source.issues.get('LAUNCH-3')!.properties['accord-escalation']).toBeUndefined();
    w.clock.set(L2_DUE);
    expect((await w.run()).fired).toEqual([]);
    await expect(acknowledgeEscalation(deps, { ...input, accountId: ERIK })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('someone who cannot browse the issue sees NOT_FOUND, and nothing is read or written', async () => {
    const w = world();
    const deps = { ...w.deps, paths: w.paths, userActions: w.browse([]) };
    const calls = w.source.calls;
    await expect(getIssueEscalations(deps, { issueKey: 'LAUNCH-3', accountId: GRACE })).rejects.toMatchObject(
      {
        code: 'NOT_FOUND',
      },
    );
    await expect(
      acknowledgeEscalation(deps, {
        issueKey: 'LAUNCH-3',
        pathId: 'path-launch-blocked',
        episodeId: 'x',
        accountId: GRACE,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(w.source.calls).toBe(calls);
    expect(w.episodes.writes).toBe(0);
  });
});

describe('events', () => {
  it('irrelevant events cost no product call; a status change reacts at once', async () => {
    const w = world();
    const deps = { ...w.deps, paths: w.paths };
    w.clock.set(L1_DUE);
    const table: Array<[string, Parameters<typeof handleEscalationEvent>[1], boolean]> = [
      ['description edit', { kind: 'issue-updated', issueKey: 'LAUNCH-3', fields: ['description'] }, false],
      ['other project', { kind: 'issue-updated', issueKey: 'MKT-1', fields: ['status'] }, false],
      ['comment, no open escalation', { kind: 'commented', issueKey: 'LAUNCH-3' }, false],
      ['link, no path reads decisions', { kind: 'link-changed', issueIds: ['1', '2'] }, false],
      ['status change', { kind: 'issue-updated', issueKey: 'LAUNCH-3', fields: ['status'] }, true],
    ];
    for (const [name, event, relevant] of table) {
      const before = w.source.calls;
      const out = await handleEscalationEvent(deps, event);
      expect({ name, read: w.source.calls > before }).toEqual({ name, read: relevant });
      if (!relevant) expect(out.skipped).toEqual(expect.any(String));
    }
    expect(w.jira.calls.filter((c) => c.kind === 'comment')).toHaveLength(1);
    // Redelivered twice: no duplicate.
    await handleEscalationEvent(deps, { kind: 'issue-updated', issueKey: 'LAUNCH-3', fields: ['status'] });
    await handleEscalationEvent(deps, { kind: 'commented', issueKey: 'LAUNCH-3' });
    expect(w.jira.calls.filter((c) => c.kind === 'comment')).toHaveLength(1);
  });

  it('real webhook changelogs as Forge events: only those touching a field a path reads cost a product call', async () => {
    const w = world();
    const deps = { ...w.deps, paths: w.paths };
    const captured = capturedIssueUpdates();
    expect(captured.length).toBeGreaterThan(5);
    let relevant = 0;
    for (const { event } of captured) {
      // Put every captured change on a LAUNCH issue, so only the changelog decides.
      const forge = { ...event, issue: { ...event.issue, key: 'LAUNCH-3' } };
      const parsed = escalationEventOf(forge);
      expect(parsed).toMatchObject({ kind: 'issue-updated', issueKey: 'LAUNCH-3' });
      const fields = parsed!.kind === 'issue-updated' ? parsed!.fields.map((f) => f.toLowerCase()) : [];
      const before = w.source.calls;
      await handleEscalationEvent(deps, parsed!);
      const touched = fields.some((f) => ['status', 'resolution', 'project', 'key'].includes(f));
      expect(w.source.calls > before).toBe(touched);
      if (touched) relevant++;
    }
    expect(relevant).toBeLessThan(captured.length);
  });

  it('reads comment and issue-link events in the shapes Forge sends', () => {
    expect(
      escalationEventOf({
        eventType: 'avi:jira:commented:issue',
        issue: { id: '1', key: 'LAUNCH-3' },
        comment: {},
      }),
    ).toEqual({
      kind: 'commented',
      issueKey: 'LAUNCH-3',
    });
    expect(
      escalationEventOf({
        eventType: 'avi:jira:created:issuelink',
        id: '5',
        sourceIssueId: 10001,
        destinationIssueId: '10003',
      }),
    ).toEqual({ kind: 'link-changed', issueIds: ['10001', '10003'] });
    expect(
      escalationEventOf({ eventType: 'avi:jira:deleted:issue', issue: { id: '10003', key: 'LAUNCH-3' } }),
    ).toEqual({ kind: 'issue-deleted', issueKey: 'LAUNCH-3' });
    expect(escalationEventOf({ nonsense: true })).toBeUndefined();
  });

  it('deleting an issue ends its open episodes as deleted and audits it, with no product call; redelivery writes nothing', async () => {
    const w = world();
    w.clock.set(L1_DUE);
    await w.run();
    const deps = { ...w.deps, paths: w.paths };
    const reads = w.source.calls;
    const calls = w.jira.calls.length;
    w.clock.set('2026-11-24T08:00:00.000Z');
    const out = await handleEscalationEvent(deps, { kind: 'issue-deleted', issueKey: 'LAUNCH-3' });
    expect(out.results[0]?.ended).toEqual(['path-launch-blocked']);
    expect(w.source.calls).toBe(reads);
    expect(w.jira.calls.length).toBe(calls);
    expect(w.episodes.data.get('LAUNCH-3|path-launch-blocked')).toMatchObject({
      endedAt: '2026-11-24T08:00:00.000Z',
      endReason: 'deleted',
    });
    expect(w.audit.entries.at(-1)).toMatchObject({
      kind: 'episode-ended',
      reason: 'deleted',
      pathName: 'Blocked launch work',
    });
    const writes = w.episodes.writes;
    const audits = w.audit.entries.length;
    expect(
      (await handleEscalationEvent(deps, { kind: 'issue-deleted', issueKey: 'LAUNCH-3' })).skipped,
    ).toBeDefined();
    expect(w.episodes.writes).toBe(writes);
    expect(w.audit.entries.length).toBe(audits);
  });

  it('a Flagged change is relevant to a path with the flagged condition and starts an episode', async () => {
    const p = path({
      id: 'path-flagged',
      name: 'Flagged work',
      conditions: [{ kind: 'flagged' }],
    });
    const w = world({ paths: [p] });
    const deps = { ...w.deps, paths: w.paths };
    const issue = w.source.issues.get('LAUNCH-2')!;
    issue.flagged = true;
    const event = escalationEventOf({
      eventType: 'avi:jira:updated:issue',
      issue: { id: '10002', key: 'LAUNCH-2' },
      changelog: { items: [{ field: 'Flagged', fieldId: 'customfield_10021', toString: 'Impediment' }] },
    });
    const out = await handleEscalationEvent(deps, event!);
    expect(out.results[0]?.started).toEqual(['path-flagged']);
  });

  it('a linked decision past its due date and not approved starts an episode; the decision’s Approver is the target', async () => {
    const p = path({
      id: 'path-decisions',
      name: 'Overdue decisions',
      conditions: [{ kind: 'decision-overdue' }],
      levels: [
        {
          name: 'Approver',
          after: 'PT1H',
          targets: [{ kind: 'role', role: 'decision-approver' }],
          actions: ['comment'],
        },
      ],
    });
    const w = world({
      paths: [p],
      issues: [
        escalationIssue({
          key: 'LAUNCH-3',
          status: { name: 'In Progress', category: 'indeterminate' },
          statusHistory: [{ status: 'In Progress', since: '2026-11-02T09:00:00.000Z' }],
          properties: {
            'accord-decisions': {
              decisions: [
                {
                  id: 'd1',
                  title: 'Pricing',
                  status: 'open',
                  dueDate: '2026-11-19',
                  approverAccountId: GRACE,
                  pageId: '1',
                },
              ],
            },
          },
        }),
      ],
    });
    w.clock.set('2026-11-23T12:00:00.000Z');
    const r = await w.run();
    expect(r.fired).toEqual([{ pathId: 'path-decisions', level: 1 }]);
    const comment = w.jira.calls.find((c) => c.kind === 'comment');
    expect(mentionsIn(comment!.kind === 'comment' && comment!.body)).toEqual([GRACE]);
  });
});

describe('sweep, dry run, audit', () => {
  it('the sweep searches per path with the candidate JQL and fans out past its inline budget', async () => {
    const many = Array.from({ length: 130 }, (_, i) =>
      escalationIssue({
        key: `LAUNCH-${i + 10}`,
        statusHistory: [{ status: 'Blocked', since: BLOCKED_SINCE }],
      }),
    );
    const w = world({ issues: many });
    const queued: SweepMessage[] = [];
    const deps = {
      ...w.deps,
      paths: w.paths,
      queue: { push: async (m: readonly SweepMessage[]) => void queued.push(...m) },
    };
    w.clock.set(L1_DUE);
    const report = await sweepEscalations(deps);
    expect(w.source.jqls[0]).toContain('status in ("Blocked")');
    expect(report).toMatchObject({ paths: 1, candidates: 100, processed: 50, fired: 50, queued: 2 });
    for (const m of queued) await continueSweep(deps, m);
    expect(w.jira.calls.filter((c) => c.kind === 'comment')).toHaveLength(130);
  });

  it('project-scoped paths share one search per 10; a path with its own scope JQL is searched alone', () => {
    const many = Array.from({ length: 20 }, (_, i) => path({ id: `p${i}`, scope: { projects: [`P${i}`] } }));
    const own = path({ id: 'own', scope: { projects: ['LAUNCH'], jql: 'labels = pricing' } });
    const searches = sweepSearches([...many, own], new Date(L1_DUE));
    expect(searches.map((s) => s.paths.map((p) => p.id).length)).toEqual([1, 10, 10]);
    expect(searches[0]!.jql).toContain('(labels = pricing)');
    expect(searches[1]!.jql.split(') OR (')).toHaveLength(10);
    expect(searches[1]!.jql).toContain('project in ("P0")');
  });

  it('the dry run acts on nothing and says what would fire, to whom', async () => {
    const w = world();
    w.clock.set(L2_DUE);
    const deps = {
      paths: w.paths,
      userSource: w.source,
      jira: w.jira,
      episodes: w.episodes,
      briefs: briefOwners({ 'brief-1': AMARA }),
      wiki: wikiWith({ '98307': 'view' }),
      admin: adminIs(false),
      clock: w.clock,
    };
    const result = await dryRunPath(deps, { pathId: 'path-launch-blocked' });
    expect(result.issues).toEqual([
      expect.objectContaining({
        issueKey: 'LAUNCH-3',
        level: 2,
        levelName: 'Director',
        targets: [
          { accountId: PRIYA, label: "the epic's Accountable" },
          { accountId: AMARA, label: "the brief's owner" },
        ],
      }),
    ]);
    expect(result.candidateJql).toContain('project in ("LAUNCH")');
    expect(w.jira.calls).toEqual([]);
    expect(w.episodes.writes).toBe(0);
    await expect(
      dryRunPath({ ...deps, wiki: wikiWith({}) }, { pathId: 'path-launch-blocked' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('the audit log is for Jira administrators only', async () => {
    const w = world();
    w.clock.set(L1_DUE);
    await w.run();
    await expect(getEscalationAudit({ audit: w.audit, admin: adminIs(false) }, {})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const page = await getEscalationAudit({ audit: w.audit, admin: adminIs(true) }, {});
    expect(page.entries.map((e) => e.kind)).toEqual(['level-fired', 'episode-started']);
  });
});
