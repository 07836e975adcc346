/** `brief/get` names the brief's grid, matrix, decisions and path, as the caller, on the local site. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, type Site } from '../local/site';
import { PEOPLE } from '../local/seed/people';
import { DEMO_BRIEF_ID, LAUNCH_BRIEF_PAGE_ID } from '../local/seed/confluence-seed';
import { DEMO_DECISION_ID, DEMO_GRID_ID } from '../local/seed/decision-seed';
import { DEMO_PATH_ID } from '../local/seed/escalation-seed';

jest.setTimeout(60_000);

const { priya, amara, grace } = PEOPLE;
let site: Site;

const SECRET_SPACE_ID = '99100';
const SECRET_PAGE_ID = '99101';
const SECRET_QUESTION = 'Which acquisition target do we approach first?';

const invoke = async (call: string, payload: unknown, as: string, pageId = LAUNCH_BRIEF_PAGE_ID) => {
  const res = await fetch(`${site.url}/forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      functionKey: 'macro-resolver',
      call,
      payload,
      context: {
        accountId: as,
        extension: { type: 'macro', content: { id: pageId, type: 'page' }, space: { id: SECRET_SPACE_ID } },
      },
    }),
  });
  return (await res.json()) as { ok: boolean; data?: any; error?: { code: string } };
};
const productCalls = () => site.services.confluence.counts().calls;

beforeAll(async () => {
  site = await createSite({ dataDir: mkdtempSync(join(tmpdir(), 'accord-brief-refs-')), port: 0 });
  // A space only Amara can see, with a decision of its own.
  site.services.confluence.seed({
    spaces: [
      {
        id: SECRET_SPACE_ID,
        key: 'DEAL',
        name: 'Deal room',
        authorId: amara.accountId,
        createdAt: '2025-01-01T00:00:00Z',
        homepageId: SECRET_PAGE_ID,
        permissions: { [amara.accountId]: 'edit' },
      },
    ],
    pages: [
      {
        id: SECRET_PAGE_ID,
        spaceId: SECRET_SPACE_ID,
        title: 'Deal room',
        authorId: amara.accountId,
        createdAt: '2025-01-01T00:00:00Z',
        body: { storage: '<p>Deal room</p>' },
      },
    ],
  } as never);
});
afterAll(async () => site.close());

describe('brief/get references by name', () => {
  it('names the seeded grid, matrix, decision (with status) and path (Enabled) and counts them', async () => {
    const res = await invoke('brief/get', { briefId: DEMO_BRIEF_ID }, grace.accountId);
    expect(res.ok).toBe(true);
    const { referenced, completeness } = res.data;
    expect(referenced.stakeholderGrid).toEqual({
      id: DEMO_GRID_ID,
      state: 'named',
      name: 'Feature X launch stakeholders',
    });
    expect(referenced.raciMatrix).toMatchObject({ state: 'named', name: 'Feature X launch — who does what' });
    expect(referenced.decisions).toEqual([
      expect.objectContaining({ id: DEMO_DECISION_ID, state: 'named', status: 'open' }),
    ]);
    expect(referenced.decisions[0].name).toMatch(/Share customer emails/);
    expect(referenced.escalationPath).toEqual({
      id: DEMO_PATH_ID,
      state: 'named',
      name: 'Blocked launch work',
      status: 'Enabled',
    });
    expect(referenced.moreDecisions).toBe(0);
    const section = (id: string) => completeness.sections.find((s: any) => s.id === id);
    expect(section('stakeholders')).toMatchObject({ state: 'filled' });
    expect(section('stakeholders').reason).toMatch(/^\d+ stakeholders on the grid\.$/);
    expect(section('raci').reason).toBe('4 activities in the RACI matrix.');
    expect(section('escalation').reason).toMatch(/levels? in the escalation path\.$/);
    expect(section('decisions')).toMatchObject({ state: 'filled' });
  });

  it("a decision on a page the caller can't view is only 'hidden'; its owner sees its name", async () => {
    const created = await invoke(
      'decision/save',
      {
        revision: 0,
        draft: {
          question: SECRET_QUESTION,
          context: '',
          driver: amara.accountId,
          approver: amara.accountId,
          contributors: [],
          informed: [],
          options: [],
          dueDate: null,
          linkedIssueKeys: [],
          briefId: null,
        },
      },
      amara.accountId,
      SECRET_PAGE_ID,
    );
    expect(created.ok).toBe(true);
    const secretId = created.data.decision.id as string;
    const got = await invoke('brief/get', { briefId: DEMO_BRIEF_ID }, priya.accountId);
    const saved = await invoke(
      'brief/save',
      {
        briefId: DEMO_BRIEF_ID,
        revision: got.data.revision,
        title: got.data.title,
        status: got.data.status,
        references: { ...got.data.references, decisionIds: [DEMO_DECISION_ID, secretId, 'decision-gone'] },
      },
      priya.accountId,
    );
    expect(saved.ok).toBe(true);

    const before = productCalls();
    const asPriya = await invoke('brief/get', { briefId: DEMO_BRIEF_ID }, priya.accountId);
    // The page check of the brief, then ONE bulk page read for the other page: never one call per record.
    expect(productCalls() - before).toBe(2);
    expect(asPriya.data.referenced.decisions).toEqual([
      expect.objectContaining({ id: DEMO_DECISION_ID, state: 'named' }),
      { id: secretId, state: 'hidden' },
      { id: 'decision-gone', state: 'missing' },
    ]);
    expect(JSON.stringify(asPriya.data)).not.toContain(SECRET_QUESTION);

    const asAmara = await invoke('brief/get', { briefId: DEMO_BRIEF_ID }, amara.accountId);
    expect(asAmara.data.referenced.decisions[1]).toEqual({
      id: secretId,
      state: 'named',
      name: SECRET_QUESTION,
      status: 'open',
    });
  });

  it('an empty linked grid makes the stakeholders section thin', async () => {
    const grid = await invoke('stakeholders/get', { gridId: DEMO_GRID_ID }, priya.accountId);
    const emptied = await invoke(
      'stakeholders/save',
      { gridId: DEMO_GRID_ID, revision: grid.data.revision, grid: { ...grid.data.grid, stakeholders: [] } },
      priya.accountId,
    );
    expect(emptied.ok).toBe(true);
    const res = await invoke('brief/get', { briefId: DEMO_BRIEF_ID }, priya.accountId);
    expect(res.data.completeness.sections.find((s: any) => s.id === 'stakeholders')).toEqual(
      expect.objectContaining({ state: 'thin', reason: 'The stakeholder grid has nobody on it yet.' }),
    );
  });
});
