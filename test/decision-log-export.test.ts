import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, type Site } from '../local/site';
import { PEOPLE } from '../local/seed/people';
import {
  DEMO_BRIEF_ID,
  LAUNCH_BRIEF_PAGE_ID,
  LAUNCH_HOME_PAGE_ID,
  LAUNCH_SPACE_ID,
} from '../local/seed/confluence-seed';
import { DEMO_DECISION_ID } from '../local/seed/decision-seed';
import { adfSchemaErrors as validateAdf } from '../src/domain/brief/__fixtures__/adf-schema';
import { moreSentence } from '../src/app/decisions/export-decision-log';

/** The Decision log macro's `adfExport` on the local site: only this page's open decisions, others counted. */
jest.setTimeout(90_000);

const { priya, grace } = PEOPLE;
let site: Site;
let decisionLogExport: typeof import('../src/index').decisionLogExport;

const place = (pageId: string) => ({
  content: { id: pageId, type: 'page' },
  space: { id: LAUNCH_SPACE_ID, key: 'LAUNCH' },
});

async function invoke(call: string, payload: unknown, as: string, pageId: string) {
  const res = await fetch(`${site.url}/forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      functionKey: 'macro-resolver',
      call,
      payload,
      context: { accountId: as, extension: { type: 'macro', ...place(pageId) } },
    }),
  });
  return (await res.json()) as { ok: boolean; data?: any; error?: { code: string; message: string } };
}

const SECRET_QUESTIONS = ['Which venue for the launch party?', 'Which press agency for the embargo?'];

beforeAll(async () => {
  site = await createSite({ dataDir: mkdtempSync(join(tmpdir(), 'accord-log-export-')), port: 0 });
  ({ decisionLogExport } = require('../src/index') as typeof import('../src/index'));
  // Two more open decisions of the launch brief, written on another page of the space (the home page).
  const demo = await invoke(
    'decision/get',
    { decisionId: DEMO_DECISION_ID },
    priya.accountId,
    LAUNCH_BRIEF_PAGE_ID,
  );
  const { id: _id, status: _s, outcome: _o, log: _l, ...draft } = demo.data.decision;
  for (const question of SECRET_QUESTIONS) {
    const saved = await invoke(
      'decision/save',
      { revision: 0, draft: { ...draft, question, linkedIssueKeys: [], briefId: DEMO_BRIEF_ID } },
      priya.accountId,
      LAUNCH_HOME_PAGE_ID,
    );
    expect(saved.ok).toBe(true);
  }
});
afterAll(async () => site.close());

const json = (adf: unknown) => JSON.stringify(adf);

describe('decision log adfExport', () => {
  it("carries this page's open decisions as valid ADF and only counts the others", async () => {
    const adf = await decisionLogExport({
      exportType: 'pdf',
      extensionPayload: { ...place(LAUNCH_BRIEF_PAGE_ID), config: { briefId: DEMO_BRIEF_ID } },
    });
    expect(validateAdf(adf)).toEqual([]);
    const text = json(adf);
    expect(text).toContain('Share customer emails with the ad partner');
    expect(text).toContain(`"id":"${priya.accountId}"`); // the Driver as a mention
    expect(text).toContain(`"id":"${grace.accountId}"`); // the Approver as a mention
    expect(text).toContain('"type":"date"');
    expect(text).toContain(
      '…and 2 more open decisions on other pages; open the page in Confluence to see them.',
    );
    for (const q of SECRET_QUESTIONS) expect(text).not.toContain(q);
  });

  it('the space scope (no brief in the config) on the other page shows its two and counts one', async () => {
    const adf = await decisionLogExport({
      exportType: 'word',
      extensionPayload: { ...place(LAUNCH_HOME_PAGE_ID), config: { scope: 'space' } },
    });
    expect(validateAdf(adf)).toEqual([]);
    const text = json(adf);
    for (const q of SECRET_QUESTIONS) expect(text).toContain(q);
    expect(text).not.toContain('Share customer emails');
    expect(text).toContain('…and 1 more open decision on other pages');
  });

  it('the page may also come from the invocation context; a config cannot point at another page', async () => {
    const adf = await decisionLogExport(
      { extensionPayload: { config: { briefId: DEMO_BRIEF_ID, pageId: LAUNCH_HOME_PAGE_ID } } },
      { extension: place(LAUNCH_BRIEF_PAGE_ID) },
    );
    const text = json(adf);
    expect(text).toContain('Share customer emails');
    for (const q of SECRET_QUESTIONS) expect(text).not.toContain(q);
  });

  it('without a page nothing but a sentence is exported, still valid ADF', async () => {
    const adf = await decisionLogExport({ extensionPayload: { config: { briefId: DEMO_BRIEF_ID } } });
    expect(validateAdf(adf)).toEqual([]);
    const text = json(adf);
    expect(text).toContain('the page it is on is not known');
    expect(text).not.toContain('Share customer emails');
    for (const q of SECRET_QUESTIONS) expect(text).not.toContain(q);
  });

  it('a page with no open decisions says so, and a truncated log says "at least"', async () => {
    const adf = await decisionLogExport({
      extensionPayload: { ...place('98308'), config: { briefId: DEMO_BRIEF_ID } },
    });
    expect(validateAdf(adf)).toEqual([]);
    expect(json(adf)).toContain('No open decisions on this page.');
    expect(json(adf)).toContain('…and 3 more open decisions');
    expect(moreSentence(100, true)).toBe(
      '…and at least 100 more open decisions on other pages; open the page in Confluence to see them.',
    );
  });
});
