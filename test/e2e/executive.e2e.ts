/**
 * The executive view in a real browser: the overview lists the demo initiatives with RAG and reasons as the
 * viewer (Erik, who cannot browse LEGAL, does not see Legal readiness), a transition to Done moves the
 * numbers, and the dashboard gadget, configured through its edit view, shows the same figures.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { PEOPLE } from '../../local/seed/people';
import { launchBrowser, startSite, type RunningSite } from './browser';

jest.setTimeout(120_000);

let browser: Browser;
let site: RunningSite;
let page: Page;

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
});

afterEach(async () => {
  await page.close();
});

async function openOverview(as: keyof typeof PEOPLE): Promise<FrameLocator> {
  await page.goto(`${site.url}/jira/apps/accord-overview?as=${as}`);
  const app = page.frameLocator('iframe[title="Accord overview"]');
  await app.getByTestId('initiatives-table').waitFor({ timeout: 30_000 });
  return app;
}

async function rowTitles(app: FrameLocator): Promise<string[]> {
  return app
    .locator('[data-testid="initiatives-table"] tbody th[scope="row"]')
    .evaluateAll((els) => els.map((el) => el.firstChild?.textContent?.trim() ?? ''));
}

function row(app: FrameLocator, title: string) {
  return app.locator('[data-testid="initiatives-table"] tbody').filter({ hasText: title });
}

async function percentOf(app: FrameLocator, title: string): Promise<string> {
  return (
    (await row(app, title)
      .getByRole('link', { name: /% done/ })
      .textContent()) ?? ''
  );
}

const rest = async (
  path: string,
  as: keyof typeof PEOPLE,
  init: { method?: string; body?: unknown } = {},
) => {
  const response = await fetch(`${site.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'x-forge-user': PEOPLE[as].accountId,
      Accept: 'application/json',
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
};

test('the overview lists the demo initiatives with RAG and an always-shown reason; numbers open Jira search', async () => {
  const app = await openOverview('priya');
  const titles = await rowTitles(app);
  expect(titles).toEqual(expect.arrayContaining(['Feature X launch', 'Launch campaign', 'Legal readiness']));
  for (const title of ['Feature X launch', 'Launch campaign', 'Legal readiness']) {
    const r = row(app, title);
    await expect(r.locator('[data-rag]').textContent()).resolves.toMatch(/Red|Amber|Green|Grey/);
    await expect(r.getByTestId('initiative-reason').textContent()).resolves.toMatch(
      /^(Red|Amber|Green|Grey): /,
    );
  }
  await expect(app.getByTestId('updated-ago').textContent()).resolves.toMatch(/^Updated /);

  // The decision the brief waits on is named with its Approver, and opens its Confluence page.
  const pending = row(app, 'Feature X launch').getByTestId('pending-decision');
  await expect(pending.first().textContent({ timeout: 20_000 })).resolves.toMatch(
    /awaiting Grace Miller.*Share customer emails/,
  );
  await expect(pending.first().getAttribute('href')).resolves.toContain('98307');

  // The % done link opens the Jira search that produced it, run as the viewer.
  const link = row(app, 'Feature X launch').getByRole('link', { name: /% done/ });
  const jql = await link.getAttribute('data-jql');
  expect(jql).toBeTruthy();
  await link.click();
  await page.waitForURL(/\/issues\/\?jql=/, { timeout: 20_000 });
  expect(new URL(page.url()).searchParams.get('jql')).toBe(jql);
  await expect(page.locator('#host-jql').inputValue()).resolves.toBe(jql);
  await page.getByTestId('search-count').waitFor();
});

test('Erik, who cannot browse LEGAL, does not see the LEGAL initiative', async () => {
  const app = await openOverview('erik');
  const titles = await rowTitles(app);
  expect(titles).toEqual(expect.arrayContaining(['Feature X launch']));
  expect(titles).not.toContain('Legal readiness');
  await expect(app.locator('body').textContent()).resolves.not.toContain('Legal readiness');
});

test('moving an issue to Done moves the numbers; the gadget shows the same figures', async () => {
  let app = await openOverview('priya');
  const before = await percentOf(app, 'Feature X launch');
  const scopeJql = await row(app, 'Feature X launch')
    .getByRole('link', { name: /% done/ })
    .getAttribute('data-jql');
  expect(scopeJql).toBeTruthy();

  // An open issue of the initiative, moved to Done by an editor through the emulated REST.
  const open = await rest(
    `/rest/api/3/search/jql?${new URLSearchParams({ jql: 'project = LAUNCH AND parent = LAUNCH-1 AND statusCategory != Done', fields: 'status', maxResults: '5' }).toString()}`,
    'priya',
  );
  const issues = (open.body as { issues?: Array<{ key: string }> }).issues ?? [];
  expect(issues.length).toBeGreaterThan(0);
  const key = issues[0]!.key;
  const transitions = await rest(`/rest/api/3/issue/${key}/transitions`, 'priya');
  const done = (
    (transitions.body as { transitions?: Array<{ id: string; to?: { statusCategory?: { key?: string } } }> })
      .transitions ?? []
  ).find((t) => t.to?.statusCategory?.key === 'done');
  expect(done).toBeDefined();
  const moved = await rest(`/rest/api/3/issue/${key}/transitions`, 'priya', {
    method: 'POST',
    body: { transition: { id: done!.id } },
  });
  expect(moved.status).toBe(204);
  await fetch(`${site.url}/forge/settle`, { method: 'POST' });

  app = await openOverview('priya');
  const after = await percentOf(app, 'Feature X launch');
  expect(Number.parseInt(after, 10)).toBeGreaterThan(Number.parseInt(before, 10));
  const blocked =
    (await row(app, 'Feature X launch')
      .getByRole('link', { name: /blocked/ })
      .textContent()) ?? '';
  const reason = (await row(app, 'Feature X launch').getByTestId('initiative-reason').textContent()) ?? '';
  const rag = (await row(app, 'Feature X launch').locator('[data-rag]').textContent()) ?? '';

  // The dashboard gadget starts unconfigured, is configured through its edit view, and shows the same figures.
  await page.goto(`${site.url}/jira/dashboards/accord?as=priya`);
  const gadget = page.frameLocator('iframe[title="Accord initiative status"]');
  await expect(gadget.getByTestId('empty-state').textContent({ timeout: 30_000 })).resolves.toContain(
    'Choose an initiative',
  );
  await page.getByRole('link', { name: 'Edit' }).click();
  const edit = page.frameLocator('iframe[title="Accord initiative status (edit)"]');
  const input = edit.getByLabel('Initiative');
  await input.waitFor({ timeout: 30_000 });
  await input.fill('Feature X');
  await input.press('Enter');
  await edit.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL((url) => !url.searchParams.has('edit'), { timeout: 20_000 });

  const card = page.frameLocator('iframe[title="Accord initiative status"]');
  await card.getByTestId('initiative-card').waitFor({ timeout: 30_000 });
  await expect(card.getByTestId('figure-percent').textContent()).resolves.toBe(after);
  await expect(card.getByTestId('figure-blocked').textContent()).resolves.toBe(blocked);
  await expect(card.getByTestId('initiative-reason').textContent()).resolves.toBe(reason);
  await expect(card.locator('[data-rag]').textContent()).resolves.toBe(rag);

  // Stored per gadget: a fresh load shows the same initiative.
  await page.reload();
  await page
    .frameLocator('iframe[title="Accord initiative status"]')
    .getByTestId('initiative-card')
    .waitFor({ timeout: 30_000 });
});
