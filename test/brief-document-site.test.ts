/** The full Project Brief and the RACI matrix on the local site: real handlers, emulated Jira and Confluence. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, type Site } from '../local/site';
import { PEOPLE } from '../local/seed/people';
import { DEMO_BRIEF_ID, DEMO_RACI_MATRIX_ID, LAUNCH_BRIEF_PAGE_ID } from '../local/seed/confluence-seed';
import { briefExport } from '../src/forge/resolvers/brief-export';
import { adfSchemaErrors, adfPlainText } from '../src/domain/brief/__fixtures__/adf-schema';
import { raciMatrixToAdf } from '../src/domain/brief/raci-matrix-adf';

jest.setTimeout(60_000);

const { priya, erik, grace } = PEOPLE;
let site: Site;

const post = async (path: string, body: unknown, as?: string) => {
  const res = await fetch(site.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(as ? { 'x-forge-user': as } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
};
const invoke = (call: string, payload: unknown, as: string, pageId = LAUNCH_BRIEF_PAGE_ID) =>
  post('/forge/invoke', {
    functionKey: 'macro-resolver',
    call,
    payload,
    context: { accountId: as, extension: { type: 'macro', content: { id: pageId, type: 'page' } } },
  });
const property = async (issueKey: string) => {
  const res = await fetch(`${site.url}/rest/api/3/issue/${issueKey}/properties/accord-brief`);
  return res.status === 200 ? ((await res.json()) as { value: unknown }).value : undefined;
};
const writes = () => site.services.kvs.counts().writes;

beforeAll(async () => {
  site = await createSite({ dataDir: mkdtempSync(join(tmpdir(), 'accord-brief-')), port: 0 });
});
afterAll(async () => site.close());

describe('brief/get and brief/save: the full document', () => {
  it('reads the seeded launch brief with every section, milestones, linked work and completeness', async () => {
    const res = await invoke('brief/get', { briefId: DEMO_BRIEF_ID }, priya.accountId);
    expect(res.ok).toBe(true);
    const brief = res.data;
    expect(brief.sections.engineering).toMatch(/payments service/);
    expect(brief.sections.legal).toMatch(/ad partner/);
    expect(brief.milestones).toHaveLength(3);
    expect(brief.linkedWork.epicKeys).toEqual(['LAUNCH-1']);
    expect(brief.references.raciMatrixId).toBe(DEMO_RACI_MATRIX_ID);
    expect(brief.completeness.total).toBe(14);
    expect(brief.completeness.sections.find((s: any) => s.id === 'cost').state).toBe('thin');
    expect(brief.canEdit).toBe(true);
    expect(await property('LAUNCH-1')).toMatchObject({
      briefId: DEMO_BRIEF_ID,
      pageId: LAUNCH_BRIEF_PAGE_ID,
    });
  });

  it('is read-only for a page viewer: canEdit false, and a save is FORBIDDEN with nothing written', async () => {
    const got = await invoke('brief/get', { briefId: DEMO_BRIEF_ID }, grace.accountId);
    expect(got.data.canEdit).toBe(false);
    const before = writes();
    const res = await invoke(
      'brief/save',
      { briefId: DEMO_BRIEF_ID, revision: got.data.revision, title: 'Hijacked', status: 'draft' },
      grace.accountId,
    );
    expect(res.error.code).toBe('FORBIDDEN');
    expect(writes()).toBe(before);
  });

  it('answers a brief asked for from another page (a forged page) as NOT_FOUND', async () => {
    const home = await invoke('brief/get', { briefId: DEMO_BRIEF_ID }, priya.accountId, '98306');
    expect(home.error.code).toBe('NOT_FOUND');
    const before = writes();
    const save = await invoke(
      'brief/save',
      { briefId: DEMO_BRIEF_ID, revision: 2, title: 'x', status: 'draft' },
      priya.accountId,
      '98306',
    );
    expect(save.error.code).toBe('NOT_FOUND');
    expect(writes()).toBe(before);
  });

  it('refuses an oversize section, an unknown section and a bad epic key with a sentence, writing nothing', async () => {
    const { data } = await invoke('brief/get', { briefId: DEMO_BRIEF_ID }, priya.accountId);
    const before = writes();
    const base = { briefId: DEMO_BRIEF_ID, revision: data.revision, title: data.title, status: data.status };
    const big = await invoke(
      'brief/save',
      { ...base, sections: { legal: 'x'.repeat(20_001) } },
      priya.accountId,
    );
    expect(big.error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(big.error.message).toMatch(/Keep "Legal, privacy and compliance" to 20,000 characters/);
    const unknown = await invoke('brief/save', { ...base, sections: { gossip: 'x' } }, priya.accountId);
    expect(unknown.error.message).toMatch(/no section called "gossip"/);
    const key = await invoke(
      'brief/save',
      { ...base, linkedWork: { epicKeys: ['not a key'], jql: '' } },
      priya.accountId,
    );
    expect(key.error.message).toMatch(/is not a Jira issue key/);
    expect(writes()).toBe(before);
  });

  it('saves sections and milestones, keeps the rest, and refuses the stale copy with CONFLICT', async () => {
    const { data } = await invoke('brief/get', { briefId: DEMO_BRIEF_ID }, priya.accountId);
    const saved = await invoke(
      'brief/save',
      {
        briefId: DEMO_BRIEF_ID,
        revision: data.revision,
        title: data.title,
        status: 'approved',
        sections: { cost: 'Two engineers for ten weeks; vendor fees rise by 3% of new revenue.' },
      },
      priya.accountId,
    );
    expect(saved.ok).toBe(true);
    expect(saved.data).toMatchObject({ revision: data.revision + 1, status: 'approved' });
    expect(saved.data.sections.cost).toMatch(/Two engineers/);
    expect(saved.data.sections.engineering).toBe(data.sections.engineering);
    expect(saved.data.milestones).toEqual(data.milestones);
    const stale = await invoke(
      'brief/save',
      { briefId: DEMO_BRIEF_ID, revision: data.revision, title: 'Stale', status: 'draft' },
      erik.accountId,
    );
    expect(stale.error.code).toBe('CONFLICT');
    expect(stale.error.message).toMatch(/Reload to see their version/);
  });

  it('links and unlinks epics: the accord-brief property follows, the initiative scope is the same truth', async () => {
    const { data } = await invoke('brief/get', { briefId: DEMO_BRIEF_ID }, priya.accountId);
    const linked = await invoke(
      'brief/save',
      {
        briefId: DEMO_BRIEF_ID,
        revision: data.revision,
        title: data.title,
        status: data.status,
        linkedWork: { epicKeys: ['LAUNCH-1', 'LAUNCH-4'], jql: data.linkedWork.jql },
      },
      priya.accountId,
    );
    expect(linked.data.linkedWork.epicKeys).toEqual(['LAUNCH-1', 'LAUNCH-4']);
    expect(await property('LAUNCH-4')).toEqual({
      briefId: DEMO_BRIEF_ID,
      title: data.title,
      pageId: LAUNCH_BRIEF_PAGE_ID,
    });
    const initiative = await post('/forge/invoke', {
      functionKey: 'overview-resolver',
      call: 'progress/initiative',
      payload: { briefId: DEMO_BRIEF_ID },
      context: { accountId: priya.accountId, extension: {} },
    });
    expect(initiative.data.status?.scopeJql ?? JSON.stringify(initiative.data)).toMatch(/LAUNCH-4/);

    const unlinked = await invoke(
      'brief/save',
      {
        briefId: DEMO_BRIEF_ID,
        revision: linked.data.revision,
        title: data.title,
        status: data.status,
        linkedWork: { epicKeys: ['LAUNCH-1'], jql: data.linkedWork.jql },
      },
      priya.accountId,
    );
    expect(unlinked.ok).toBe(true);
    expect(await property('LAUNCH-4')).toBeUndefined();
  });

  it('refuses to link an epic the saver cannot edit, naming it, and writes nothing', async () => {
    const { data } = await invoke('brief/get', { briefId: DEMO_BRIEF_ID }, priya.accountId);
    const before = writes();
    const res = await invoke(
      'brief/save',
      {
        briefId: DEMO_BRIEF_ID,
        revision: data.revision,
        title: data.title,
        status: data.status,
        linkedWork: { epicKeys: ['LAUNCH-1', 'LEGAL-1'], jql: '' },
      },
      priya.accountId,
    );
    expect(res.error.code).toBe('FORBIDDEN');
    expect(res.error.message).toMatch(/You cannot edit LEGAL-1/);
    expect(writes()).toBe(before);
    expect(await property('LEGAL-1')).toBeUndefined();
  });

  it('exports the whole brief as valid ADF', async () => {
    const on = (pageId: string) => ({
      extensionPayload: { content: { id: pageId }, config: { briefId: DEMO_BRIEF_ID } },
    });
    const adf = await briefExport(on(LAUNCH_BRIEF_PAGE_ID));
    expect(adfSchemaErrors(adf)).toEqual([]);
    expect(adfPlainText(adf)).toMatch(/payments service/);
    // A macro config on another page that names this brief exports nothing of it (any page editor can paste
    // an id; the page comes from the platform), and neither does an export without a page.
    for (const elsewhere of [on('65539'), { extensionPayload: { config: { briefId: DEMO_BRIEF_ID } } }]) {
      const leaked = await briefExport(elsewhere);
      expect(adfSchemaErrors(leaked)).toEqual([]);
      expect(adfPlainText(leaked)).not.toMatch(/payments service/);
    }
  });
});

describe('raci/*: the RACI matrix macro', () => {
  it('reads issue rows through the roles use case and text rows from the matrix, with findings', async () => {
    const res = await invoke('raci/get', { matrixId: DEMO_RACI_MATRIX_ID }, priya.accountId);
    expect(res.ok).toBe(true);
    const rows = res.data.rows;
    expect(rows.map((r: any) => r.issueKey ?? r.name)).toEqual([
      'LAUNCH-2',
      'LAUNCH-3',
      'Press release',
      'Privacy review',
    ]);
    const privacy = rows.find((r: any) => r.name === 'Privacy review');
    expect(privacy.findings.map((f: any) => f.code)).toContain('no-responsible');
    expect(res.data.canEdit).toBe(true);
  });

  it('an edited issue-row cell IS the issue roles (roles/get shows it); a stale cell edit is CONFLICT', async () => {
    const { data } = await invoke('raci/get', { matrixId: DEMO_RACI_MATRIX_ID }, priya.accountId);
    const row = data.rows.find((r: any) => r.issueKey === 'LAUNCH-2');
    const assignments = [
      { accountId: erik.accountId, role: 'accountable' },
      { accountId: PEOPLE.amara.accountId, role: 'responsible' },
    ];
    const set = await invoke(
      'raci/set-row',
      { matrixId: DEMO_RACI_MATRIX_ID, rowId: row.id, assignments, revision: row.revision },
      priya.accountId,
    );
    expect(set.ok).toBe(true);
    const roles = await post('/forge/invoke', {
      functionKey: 'roles-resolver',
      call: 'roles/get',
      payload: { issueKey: 'LAUNCH-2' },
      context: { accountId: priya.accountId, extension: { issue: { key: 'LAUNCH-2' } } },
    });
    expect(roles.data.assignments).toEqual(expect.arrayContaining(assignments));
    const stale = await invoke(
      'raci/set-row',
      { matrixId: DEMO_RACI_MATRIX_ID, rowId: row.id, assignments: [], revision: row.revision },
      priya.accountId,
    );
    expect(stale.error.code).toBe('CONFLICT');
  });

  it('text rows: hard rules refuse two Accountables; a page viewer cannot edit; stale revision is CONFLICT', async () => {
    const { data } = await invoke('raci/get', { matrixId: DEMO_RACI_MATRIX_ID }, priya.accountId);
    const row = data.rows.find((r: any) => r.name === 'Privacy review');
    const before = writes();
    const two = await invoke(
      'raci/set-row',
      {
        matrixId: DEMO_RACI_MATRIX_ID,
        rowId: row.id,
        revision: row.revision,
        assignments: [
          { accountId: erik.accountId, role: 'accountable' },
          { accountId: priya.accountId, role: 'accountable' },
        ],
      },
      priya.accountId,
    );
    expect(two.error.code).toBe('RULE_VIOLATION');
    const viewer = await invoke(
      'raci/set-row',
      { matrixId: DEMO_RACI_MATRIX_ID, rowId: row.id, revision: row.revision, assignments: [] },
      grace.accountId,
    );
    expect(viewer.error.code).toBe('FORBIDDEN');
    expect(writes()).toBe(before);
    const ok = await invoke(
      'raci/set-row',
      {
        matrixId: DEMO_RACI_MATRIX_ID,
        rowId: row.id,
        revision: row.revision,
        assignments: [...row.assignments, { accountId: erik.accountId, role: 'responsible' }],
      },
      priya.accountId,
    );
    expect(ok.data).toMatchObject({ revision: row.revision + 1, findings: [] });
    const stale = await invoke(
      'raci/set-row',
      { matrixId: DEMO_RACI_MATRIX_ID, rowId: row.id, revision: row.revision, assignments: [] },
      erik.accountId,
    );
    expect(stale.error.code).toBe('CONFLICT');
  });

  it('imports a CSV in the project page format: text rows by name, issue rows through setRoles', async () => {
    const csv =
      'Activity,Lucia,David,Priya\nPress release,A/R,C,I\nLAUNCH-3 Billing API,A,R,\nLaunch webinar,R,A,\n';
    const res = await invoke(
      'raci/import',
      {
        matrixId: DEMO_RACI_MATRIX_ID,
        csv,
        columns: { Lucia: PEOPLE.lucia.accountId, David: PEOPLE.david.accountId, Priya: priya.accountId },
      },
      priya.accountId,
    );
    expect(res.ok).toBe(true);
    expect(res.data.rows.map((r: any) => r.outcome)).toEqual(['unchanged', 'applied', 'applied']);
    expect(res.data.matrix.rows.map((r: any) => r.issueKey ?? r.name)).toContain('Launch webinar');
    const launch3 = res.data.matrix.rows.find((r: any) => r.issueKey === 'LAUNCH-3');
    expect(launch3.assignments).toEqual(
      expect.arrayContaining([{ accountId: PEOPLE.david.accountId, role: 'responsible' }]),
    );
  });

  it('creates a matrix for a brief on the page, and refuses one for an unknown brief', async () => {
    const created = await invoke(
      'raci/save',
      {
        revision: 0,
        briefId: DEMO_BRIEF_ID,
        title: 'Launch comms',
        people: [priya.accountId],
        activities: [
          { kind: 'text', name: 'Blog post' },
          { kind: 'issue', issueKey: 'launch-4' },
        ],
      },
      priya.accountId,
    );
    expect(created.ok).toBe(true);
    expect(created.data.rows.map((r: any) => r.issueKey ?? r.name)).toEqual(['Blog post', 'LAUNCH-4']);
    const before = writes();
    const unknown = await invoke(
      'raci/save',
      { revision: 0, briefId: 'brief-nope', title: 'x', people: [], activities: [] },
      priya.accountId,
    );
    expect(unknown.error.code).toBe('INVALID_INPUT');
    expect(writes()).toBe(before);
  });

  it('exports a stored matrix as valid ADF', () => {
    const adf = raciMatrixToAdf({
      title: 'T',
      people: ['a'],
      activities: [
        { kind: 'text', name: 'X', assignments: [{ accountId: 'a', role: 'accountable' }] },
        { kind: 'issue', issueKey: 'LAUNCH-2' },
      ],
    });
    expect(adfSchemaErrors(adf)).toEqual([]);
    expect(adfPlainText(adf)).toMatch(/X A/);
  });
});
