import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, type Site } from '../local/site';
import { PEOPLE } from '../local/seed/people';
import { LAUNCH_BRIEF_PAGE_ID, LAUNCH_SPACE_ID } from '../local/seed/confluence-seed';
import { DEMO_DECISION_ID, DEMO_GRID_ID } from '../local/seed/decision-seed';
import { adfPlainText, adfSchemaErrors as validateAdf } from '../src/domain/brief/__fixtures__/adf-schema';

/** The Decision, Decision log and Stakeholder grid macros on the local site, against the demo seed. */
jest.setTimeout(90_000);

const { priya, erik, grace, david, fatima, lucia } = PEOPLE;
let site: Site;

const pageContext = (pageId = LAUNCH_BRIEF_PAGE_ID) => ({
  type: 'macro',
  content: { id: pageId, type: 'page' },
  space: { id: LAUNCH_SPACE_ID, key: 'LAUNCH' },
});

async function invoke(call: string, payload: unknown, as: string, extension: object = pageContext()) {
  const res = await fetch(`${site.url}/forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      functionKey: 'macro-resolver',
      call,
      payload,
      context: { accountId: as, extension },
    }),
  });
  return (await res.json()) as { ok: boolean; data?: any; error?: { code: string; message: string } };
}

async function issueProperty(key: string) {
  const res = await fetch(`${site.url}/rest/api/3/issue/${key}/properties/accord-decisions`);
  return res.status === 200 ? ((await res.json()) as { value: any }).value : undefined;
}

const writes = () => site.services.kvs.counts().writes;

beforeAll(async () => {
  site = await createSite({ dataDir: mkdtempSync(join(tmpdir(), 'accord-decision-')), port: 0 });
});
afterAll(async () => site.close());

describe('decision macro', () => {
  it('the demo decision awaits Grace, has one input, and LAUNCH-2 lists it', async () => {
    const got = await invoke('decision/get', { decisionId: DEMO_DECISION_ID }, grace.accountId);
    expect(got.ok).toBe(true);
    expect(got.data.decision.status).toBe('open');
    expect(got.data.decision.log).toHaveLength(1);
    expect(got.data.can).toMatchObject({ approve: true, edit: false, input: false });
    const prop = await issueProperty('LAUNCH-2');
    expect(prop.decisions).toEqual([
      expect.objectContaining({
        id: DEMO_DECISION_ID,
        status: 'open',
        approverAccountId: grace.accountId,
        pageId: LAUNCH_BRIEF_PAGE_ID,
      }),
    ]);
  });

  it('only the Approver approves; a Contributor records input; the linked issue follows the status', async () => {
    const before = writes();
    const byDriver = await invoke(
      'decision/act',
      { decisionId: DEMO_DECISION_ID, action: 'approve', optionId: 'option-2', text: 'ok' },
      priya.accountId,
    );
    expect(byDriver.error?.code).toBe('FORBIDDEN');
    expect(byDriver.error?.message).toBe('Only the Approver can approve this decision.');
    expect(writes()).toBe(before);

    const input = await invoke(
      'decision/act',
      { decisionId: DEMO_DECISION_ID, action: 'input', text: 'Segments are enough for the event.' },
      erik.accountId,
    );
    expect(input.ok).toBe(true);
    expect(input.data.decision.log).toHaveLength(2);

    const approved = await invoke(
      'decision/act',
      {
        decisionId: DEMO_DECISION_ID,
        action: 'approve',
        optionId: 'option-2',
        text: 'No personal data leaves us.',
      },
      grace.accountId,
    );
    expect(approved.ok).toBe(true);
    expect(approved.data.decision).toMatchObject({ status: 'decided', outcome: { optionId: 'option-2' } });
    expect((await issueProperty('LAUNCH-2')).decisions[0].status).toBe('decided');
  });

  it('a reader cannot edit; a stale save conflicts; bad input and a forged page write nothing', async () => {
    const current = await invoke('decision/get', { decisionId: DEMO_DECISION_ID }, priya.accountId);
    const draft = { ...pick(current.data.decision), informed: [lucia.accountId] };
    const before = writes();
    const reader = await invoke(
      'decision/save',
      { decisionId: DEMO_DECISION_ID, revision: current.data.revision, draft },
      david.accountId,
    );
    expect(reader.error?.code).toBe('FORBIDDEN');
    const stale = await invoke(
      'decision/save',
      { decisionId: DEMO_DECISION_ID, revision: current.data.revision - 1, draft },
      priya.accountId,
    );
    expect(stale.error?.code).toBe('CONFLICT');
    const oversize = await invoke(
      'decision/save',
      { revision: 0, draft: { ...draft, question: 'x'.repeat(301), linkedIssueKeys: [] } },
      priya.accountId,
    );
    expect(oversize.error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(oversize.error?.message).toContain('Keep the question to 300 characters');
    const forged = await invoke(
      'decision/get',
      { decisionId: DEMO_DECISION_ID },
      priya.accountId,
      pageContext('98306'),
    );
    expect(forged.error?.code).toBe('NOT_FOUND');
    const unknown = await invoke('decision/get', { decisionId: 'decision-nope' }, priya.accountId);
    expect(unknown.error?.code).toBe('NOT_FOUND');
    const badId = await invoke('decision/get', { decisionId: '../etc' }, priya.accountId);
    expect(badId.error?.code).toBe('INVALID_INPUT');
    const noAccess = await invoke('decision/get', { decisionId: DEMO_DECISION_ID }, fatima.accountId);
    expect(noAccess.error?.code).toBe('FORBIDDEN');
    expect(writes()).toBe(before);

    const saved = await invoke(
      'decision/save',
      { decisionId: DEMO_DECISION_ID, revision: current.data.revision, draft },
      priya.accountId,
    );
    expect(saved.ok).toBe(true);
    expect(saved.data.decision.informed).toEqual([lucia.accountId]);
    expect(saved.data.decision.status).toBe('decided');
  });

  it('links need edit permission on each issue (named), and unlinking removes the entry', async () => {
    const created = await invoke(
      'decision/save',
      { revision: 0, draft: { question: 'Which billing provider?', linkedIssueKeys: ['LEGAL-1'] } },
      erik.accountId,
    );
    // Erik may not even browse LEGAL: to him the issue does not exist.
    expect(created.error?.code).toBe('INVALID_INPUT');
    expect(created.error?.message).toContain('LEGAL-1');
    // Priya may view LEGAL-1 but not edit it: refused by name.
    const viewOnly = await invoke(
      'decision/save',
      { revision: 0, draft: { question: 'Which billing provider?', linkedIssueKeys: ['LEGAL-1'] } },
      priya.accountId,
    );
    expect(viewOnly.error?.code).toBe('FORBIDDEN');
    expect(viewOnly.error?.message).toMatch(/You cannot edit LEGAL-1/);

    const ok = await invoke(
      'decision/save',
      {
        revision: 0,
        draft: {
          question: 'Which billing provider?',
          linkedIssueKeys: ['LAUNCH-3'],
          approver: grace.accountId,
        },
      },
      erik.accountId,
    );
    expect(ok.ok).toBe(true);
    expect((await issueProperty('LAUNCH-3')).decisions.map((d: any) => d.title)).toEqual([
      'Which billing provider?',
    ]);
    const unlinked = await invoke(
      'decision/save',
      {
        decisionId: ok.data.decision.id,
        revision: ok.data.revision,
        draft: { ...pick(ok.data.decision), linkedIssueKeys: [] },
      },
      erik.accountId,
    );
    expect(unlinked.ok).toBe(true);
    expect((await issueProperty('LAUNCH-3')).decisions).toEqual([]);
  });

  it('the log lists the space decisions the viewer may see, by due date', async () => {
    const log = await invoke('decision/log', { scope: { kind: 'space' }, status: 'open' }, priya.accountId);
    expect(log.ok).toBe(true);
    expect(log.data.rows.map((r: any) => r.question)).toContain('Which billing provider?');
    const decided = await invoke(
      'decision/log',
      { scope: { kind: 'brief', briefId: 'brief-launch' }, status: 'decided' },
      grace.accountId,
    );
    expect(decided.data.rows.map((r: any) => r.id)).toEqual([DEMO_DECISION_ID]);
    const hidden = await invoke(
      'decision/log',
      { scope: { kind: 'space' }, status: 'open' },
      fatima.accountId,
    );
    expect(hidden.data.rows).toEqual([]);
  });

  it('exports ADF that validates against @atlaskit/adf-schema', async () => {
    const { decisionExport, stakeholderExport } = require('../src/index') as typeof import('../src/index');
    const run = async <T>(fn: () => Promise<T>) => fn();
    const decisionAdf = await run(() =>
      decisionExport({
        extensionPayload: { content: { id: LAUNCH_BRIEF_PAGE_ID }, config: { decisionId: DEMO_DECISION_ID } },
      }),
    );
    expect(validateAdf(decisionAdf)).toEqual([]);
    const gridAdf = await run(() =>
      stakeholderExport({
        extensionPayload: { content: { id: LAUNCH_BRIEF_PAGE_ID }, config: { gridId: DEMO_GRID_ID } },
      }),
    );
    expect(validateAdf(gridAdf)).toEqual([]);
    expect(adfPlainText(decisionAdf)).toContain('Share customer emails with the ad partner');
    expect(adfPlainText(gridAdf)).toContain('Brightline Ads');
    // The same ids in a macro on another page export nothing of them: the page comes from the platform.
    const elsewhere = { content: { id: '65539' } };
    const leakedDecision = await decisionExport({
      extensionPayload: { ...elsewhere, config: { decisionId: DEMO_DECISION_ID } },
    });
    const leakedGrid = await stakeholderExport({
      extensionPayload: { ...elsewhere, config: { gridId: DEMO_GRID_ID } },
    });
    expect(adfPlainText(leakedDecision)).not.toContain('Share customer emails');
    expect(adfPlainText(leakedGrid)).not.toContain('Brightline Ads');
  });
});

describe('stakeholder grid macro', () => {
  it('reads the demo grid, saves a move, refuses stale and reader saves and non-owner plan changes', async () => {
    const got = await invoke('stakeholders/get', { gridId: DEMO_GRID_ID }, erik.accountId);
    expect(got.ok).toBe(true);
    expect(got.data.canEdit).toBe(true);
    const grid = got.data.grid;
    const moved = {
      ...grid,
      stakeholders: grid.stakeholders.map((s: any) => (s.id === 'sh-lucia' ? { ...s, authority: 4 } : s)),
    };
    const before = writes();
    expect(
      (
        await invoke(
          'stakeholders/save',
          { gridId: DEMO_GRID_ID, revision: got.data.revision, grid: moved },
          david.accountId,
        )
      ).error?.code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await invoke(
          'stakeholders/save',
          { gridId: DEMO_GRID_ID, revision: got.data.revision, grid: { ...grid, engagement: {} } },
          erik.accountId,
        )
      ).error?.code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await invoke(
          'stakeholders/save',
          {
            gridId: DEMO_GRID_ID,
            revision: got.data.revision,
            grid: { ...grid, stakeholders: [{ ...grid.stakeholders[0], authority: 9 }] },
          },
          erik.accountId,
        )
      ).error?.message,
    ).toContain('Authority must be a whole number from 1 to 5.');
    expect(writes()).toBe(before);
    const saved = await invoke(
      'stakeholders/save',
      { gridId: DEMO_GRID_ID, revision: got.data.revision, grid: moved },
      erik.accountId,
    );
    expect(saved.ok).toBe(true);
    expect(saved.data.revision).toBe(got.data.revision + 1);
    const stale = await invoke(
      'stakeholders/save',
      { gridId: DEMO_GRID_ID, revision: got.data.revision, grid: moved },
      erik.accountId,
    );
    expect(stale.error?.code).toBe('CONFLICT');
  });
});

function pick(d: any) {
  const { id: _id, status: _s, outcome: _o, log: _l, ...draft } = d;
  return draft;
}
