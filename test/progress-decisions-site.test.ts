import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, type Site } from '../local/site';
import { PEOPLE } from '../local/seed/people';
import { DEMO_BRIEF_ID, LAUNCH_BRIEF_PAGE_ID, LAUNCH_SPACE_ID } from '../local/seed/confluence-seed';
import { DEMO_DECISION_ID } from '../local/seed/decision-seed';

/**
 * The executive view names the brief's open DACI decisions: only those on pages the viewer may view, and an
 * approval removes the decision from the next overview (the cached status's fingerprint holds the decisions).
 */
jest.setTimeout(60_000);

const { priya, erik, fatima, grace } = PEOPLE;
const BOARD_SPACE_ID = '99001';
const BOARD_PAGE_ID = '99002';
let dataDir: string;
let site: Site;

const invoke = async (
  functionKey: string,
  call: string,
  payload: unknown,
  accountId: string,
  extension: Record<string, unknown> = { type: 'jira:globalPage' },
) => {
  const res = await fetch(`${site.url}/forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ functionKey, call, payload, context: { accountId, extension } }),
  });
  return (await res.json()) as { ok: boolean; data?: any; error?: { code: string; message: string } };
};
const macroOn = (pageId: string, spaceId: string, key: string) => ({
  type: 'macro',
  content: { id: pageId, type: 'page' },
  space: { id: spaceId, key },
});
const launchOf = async (as: string) => {
  const answer = await invoke('overview-resolver', 'progress/overview', {}, as);
  expect(answer.ok).toBe(true);
  return (answer.data.initiatives as any[]).find((i) => i.briefId === DEMO_BRIEF_ID);
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'accord-progress-decisions-'));
  site = await createSite({ dataDir, port: 0 });
  // A board space only Priya (edit) and Grace (view) may see: Erik and Fatima cannot view its page.
  site.services.confluence.seed({
    spaces: [
      {
        id: BOARD_SPACE_ID,
        key: 'BOARD',
        name: 'Board',
        description: 'Board papers.',
        authorId: priya.accountId,
        createdAt: '2026-01-01T00:00:00.000Z',
        permissions: { [priya.accountId]: 'edit', [grace.accountId]: 'view' },
      },
    ],
    pages: [
      {
        id: BOARD_PAGE_ID,
        spaceId: BOARD_SPACE_ID,
        title: 'Board paper: Feature X budget',
        authorId: priya.accountId,
        createdAt: '2026-01-01T00:00:00.000Z',
        body: { storage: '<p>Budget</p>' },
      },
    ],
  });
});
afterAll(async () => {
  await site.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('pending DACI decisions on the executive view', () => {
  it('Priya sees the demo decision awaiting Grace on "Feature X launch", with its page', async () => {
    const demo = await invoke(
      'macro-resolver',
      'decision/get',
      { decisionId: DEMO_DECISION_ID },
      priya.accountId,
      macroOn(LAUNCH_BRIEF_PAGE_ID, LAUNCH_SPACE_ID, 'LAUNCH'),
    );
    const launch = await launchOf(priya.accountId);
    expect(launch.title).toBe('Feature X launch');
    expect(launch.pendingDecisionsTotal).toBe(1);
    expect(launch.pendingDecisions).toEqual([
      {
        id: DEMO_DECISION_ID,
        question: expect.stringMatching(/^Share customer emails with the ad partner/),
        approverAccountId: grace.accountId,
        dueDate: demo.data.decision.dueDate,
        overdue: false,
        pageId: LAUNCH_BRIEF_PAGE_ID,
      },
    ]);
    // The Jira Decision issues keep their own figure and JQL.
    expect(launch.figures.find((f: any) => f.key === 'decisionsAwaiting').jql).toMatch(
      /issuetype = Decision/,
    );
  });

  it('a decision on a page the viewer cannot view is not given to them', async () => {
    const saved = await invoke(
      'macro-resolver',
      'decision/save',
      {
        revision: 0,
        draft: {
          question: 'Raise the Feature X budget by 10%?',
          approver: grace.accountId,
          dueDate: '2026-01-02',
          briefId: DEMO_BRIEF_ID,
        },
      },
      priya.accountId,
      macroOn(BOARD_PAGE_ID, BOARD_SPACE_ID, 'BOARD'),
    );
    expect(saved.ok).toBe(true);
    const boardId = saved.data.decision.id as string;

    // Priya (may view the board page) sees both, the overdue one first, and it may turn the status red.
    const forPriya = await launchOf(priya.accountId);
    expect(forPriya.pendingDecisionsTotal).toBe(2);
    expect(forPriya.pendingDecisions.map((d: any) => d.id)).toEqual([boardId, DEMO_DECISION_ID]);
    expect(forPriya.pendingDecisions[0]).toMatchObject({ overdue: true, pageId: BOARD_PAGE_ID });
    expect(forPriya.rag).toBe('red');
    expect(forPriya.reason).toMatch(/decision "Raise the Feature X budget by 10%\?" overdue by \d+ days/);

    // Erik sees the launch initiative but not the board page: only the demo decision, no word of the other.
    const forErik = await launchOf(erik.accountId);
    expect(forErik.pendingDecisionsTotal).toBe(1);
    expect(forErik.pendingDecisions.map((d: any) => d.id)).toEqual([DEMO_DECISION_ID]);
    expect(JSON.stringify(forErik)).not.toMatch(/budget/i);
    expect(forErik.reason).not.toMatch(/decision/);

    // Fatima cannot view the LAUNCH space: neither the initiative nor its decisions.
    expect(await launchOf(fatima.accountId)).toBeUndefined();
  });

  it('after Grace approves, the next overview no longer lists the decision (warm cache ended)', async () => {
    const warm = await launchOf(erik.accountId);
    expect(warm.pendingDecisions.map((d: any) => d.id)).toEqual([DEMO_DECISION_ID]);
    const approved = await invoke(
      'macro-resolver',
      'decision/act',
      { decisionId: DEMO_DECISION_ID, action: 'approve', optionId: 'option-2', text: 'Segments.' },
      grace.accountId,
      macroOn(LAUNCH_BRIEF_PAGE_ID, LAUNCH_SPACE_ID, 'LAUNCH'),
    );
    expect(approved.ok).toBe(true);
    for (const viewer of [erik.accountId, priya.accountId]) {
      const launch = await launchOf(viewer);
      expect(launch.pendingDecisions.map((d: any) => d.id)).not.toContain(DEMO_DECISION_ID);
    }
    expect((await launchOf(erik.accountId)).pendingDecisionsTotal).toBe(0);
  });

  it('the initiative read (gadget, status report) carries the same list', async () => {
    const detail = await invoke(
      'overview-resolver',
      'progress/initiative',
      { briefId: DEMO_BRIEF_ID },
      priya.accountId,
    );
    expect(detail.ok).toBe(true);
    expect(detail.data.status.pendingDecisionsTotal).toBe(1);
    expect(detail.data.status.pendingDecisions[0].pageId).toBe(BOARD_PAGE_ID);
  });

  it('a warm overview still makes no product calls', async () => {
    await launchOf(priya.accountId);
    const before = site.runtime.meter.productCalls;
    await launchOf(priya.accountId);
    expect(site.runtime.meter.productCalls - before).toBe(0);
  });
});
