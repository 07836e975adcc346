/**
 * The Confluence Status report macro and the page byline, driven in Chromium on the local site:
 * an editor inserts a Status report on the launch brief page through the config flow, writes the three
 * sections, chooses the initiative and saves; the page shows the text beside the live numbers; a reader
 * sees it without any way to edit; and the byline shows the same RAG and % done as the overview.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { Envelope } from '../../src/shared/envelope';
import type { InitiativeStatus, Overview } from '../../src/shared/progress';
import { LAUNCH_BRIEF_PAGE_ID, LAUNCH_SPACE_KEY } from '../../local/seed/confluence-seed';
import { PEOPLE } from '../../local/seed/people';
import { launchBrowser, startSite, type RunningSite } from './browser';

jest.setTimeout(120_000);

let browser: Browser;
let site: RunningSite;
let page: Page;

const RAG_WORD = { green: 'Green', amber: 'Amber', red: 'Red', grey: 'No data' } as const;

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
});

afterEach(async () => {
  await page.close();
});

/** The overview as the given person sees it, read through the platform's resolver endpoint. */
async function overviewAs(accountId: string): Promise<Overview> {
  const res = await fetch(`${site.url}/forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      functionKey: 'overview-resolver',
      call: 'progress/overview',
      payload: {},
      context: { accountId, extension: { type: 'jira:globalPage' } },
    }),
  });
  expect(res.status).toBe(200);
  const envelope = (await res.json()) as Envelope<Overview>;
  if (!envelope.ok) throw new Error(`progress/overview failed: ${envelope.error.message}`);
  return envelope.data;
}

/** The initiative whose brief lives on the launch brief page, from the overview. */
async function launchInitiative(accountId: string): Promise<InitiativeStatus> {
  const overview = await overviewAs(accountId);
  const found = overview.initiatives.find((i) => i.pageId === LAUNCH_BRIEF_PAGE_ID);
  if (!found) throw new Error(`The overview lists no initiative on page ${LAUNCH_BRIEF_PAGE_ID}`);
  return found;
}

const briefPage = (as: string) =>
  `${site.url}/wiki/spaces/${LAUNCH_SPACE_KEY}/pages/${LAUNCH_BRIEF_PAGE_ID}?as=${as}`;
/** The page may already hold a seeded Status report: the one inserted here is appended, so it is the last. */
const reportMacro = (): FrameLocator =>
  page.frameLocator('iframe[title="Accord Status report macro"]').last();

test('insert a Status report through the config flow, write the three sections, and see them with the live numbers', async () => {
  const expected = await launchInitiative(PEOPLE.priya.accountId);
  await page.goto(briefPage('priya'));
  await page.getByRole('button', { name: 'Insert Accord Status report' }).click();

  const config = page.frameLocator('iframe[title="Accord Status report configuration"]');
  await config.getByRole('heading', { name: 'New status report' }).waitFor({ timeout: 20_000 });
  // Each heading carries its guiding question.
  await config.getByText('what does it cost the business', { exact: false }).waitFor();

  const initiative = config.getByLabel('Initiative');
  await initiative.click();
  await initiative.fill(expected.title.slice(0, 8));
  await config.getByRole('option', { name: expected.title }).click();
  const stamp = Date.now();
  await config
    .getByLabel(/The problem and its business impact/)
    .fill(`Launch slips past the event (${stamp}).`);
  await config
    .getByLabel(/Root cause and options considered/)
    .fill('The payment vendor is late; we weighed cutting scope.');
  await config.getByLabel(/Recommended path/).fill('Move one engineer for two weeks; new date 21 Dec.');
  await config.getByRole('button', { name: 'Save' }).click();

  // The host writes the macro into the page as Priya and reloads it.
  await page.waitForEvent('load', { timeout: 20_000 });
  const macro = reportMacro();
  await expect(
    macro.getByTestId('status-section-problemAndImpact').textContent({ timeout: 20_000 }),
  ).resolves.toBe(`Launch slips past the event (${stamp}).`);
  await expect(macro.getByTestId('status-section-rootCauseAndOptions').textContent()).resolves.toBe(
    'The payment vendor is late; we weighed cutting scope.',
  );
  await expect(macro.getByTestId('status-section-recommendation').textContent()).resolves.toBe(
    'Move one engineer for two weeks; new date 21 Dec.',
  );
  await expect(macro.getByTestId('status-initiative-title').textContent()).resolves.toBe(expected.title);
  await expect(macro.getByTestId('initiative-rag').textContent()).resolves.toBe(RAG_WORD[expected.rag]);
  await expect(macro.getByTestId('initiative-reason').textContent()).resolves.toBe(expected.reason);
  await expect(macro.getByTestId('initiative-percent').textContent()).resolves.toBe(
    `${expected.percentDone}%`,
  );
  await expect(macro.getByTestId('initiative-decisions').textContent()).resolves.toBe(
    String(expected.decisionsAwaiting),
  );

  // A reader (view-only on the space) sees the same report, with nothing to edit.
  await page.goto(briefPage('grace'));
  await expect(
    reportMacro().getByTestId('status-section-problemAndImpact').textContent({ timeout: 20_000 }),
  ).resolves.toBe(`Launch slips past the event (${stamp}).`);
  expect(await page.getByRole('button', { name: 'Edit macro' }).count()).toBe(0);
  expect(await reportMacro().getByRole('textbox').count()).toBe(0);

  // Editing it again opens the saved text, and Cancel changes nothing.
  await page.goto(briefPage('priya'));
  await reportMacro().getByTestId('status-report-view').waitFor({ timeout: 20_000 });
  await page
    .locator('[data-macro-local-id]', { has: page.locator('iframe[title="Accord Status report macro"]') })
    .last()
    .getByRole('button', { name: 'Edit macro' })
    .click();
  const again = page.frameLocator('iframe[title="Accord Status report configuration"]');
  await again.getByRole('heading', { name: 'Edit status report' }).waitFor({ timeout: 20_000 });
  await expect(again.getByLabel(/The problem and its business impact/).inputValue()).resolves.toBe(
    `Launch slips past the event (${stamp}).`,
  );
  await again.getByRole('button', { name: 'Cancel' }).click();
  await page.locator('#host-modal').waitFor({ state: 'hidden' });
});

test('the byline on the brief page shows the same RAG and % done as the overview', async () => {
  const expected = await launchInitiative(PEOPLE.erik.accountId);
  await page.goto(briefPage('erik'));
  const button = page.getByRole('button', { name: 'Accord status', exact: true });
  await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
  await button.click();
  await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
  const byline = page.frameLocator('iframe[title="Accord status byline"]');
  await expect(byline.getByTestId('byline-compact').textContent({ timeout: 20_000 })).resolves.toBe(
    `${RAG_WORD[expected.rag]} · ${expected.percentDone}% done`,
  );
  await expect(byline.getByTestId('initiative-reason').textContent()).resolves.toBe(expected.reason);
  await expect(byline.getByTestId('initiative-counts').textContent()).resolves.toBe(
    `${expected.counts.done} of ${expected.counts.total} done`,
  );
  // Escape closes the popup and gives focus back to the byline button.
  await page.keyboard.press('Escape');
  await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
  await expect(page.locator('.host-byline-popup').first().isHidden()).resolves.toBe(true);
});
