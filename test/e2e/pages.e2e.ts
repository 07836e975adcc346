/** The Jira global page lists the briefs a person may see; the admin page saves Accord's settings. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { launchBrowser, startSite, type RunningSite } from './browser';

jest.setTimeout(90_000);

let browser: Browser;
let site: RunningSite;
let page: Page;

beforeAll(async () => {
  for (const app of ['overview-page', 'admin-page']) {
    if (!existsSync(join(__dirname, '..', '..', 'static', app, 'build', 'index.html'))) {
      throw new Error(`static/${app}/build is missing: run "node static/build.mjs ${app}" first.`);
    }
  }
  site = await startSite();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 960 } });
});

afterEach(async () => {
  await page.close();
});

const overview = (): FrameLocator => page.frameLocator('iframe[title="Accord overview"]');
const settings = (): FrameLocator => page.frameLocator('iframe[title="Accord settings"]');

test('the global page lists the demo brief with owner and status, and opens its Confluence page', async () => {
  await page.goto(`${site.url}/jira/apps/accord-overview?as=priya`);
  // The briefs list is the overview's second tab ("Initiatives" is the default).
  await overview().getByRole('tab', { name: 'Briefs' }).click({ timeout: 20_000 });
  const table = overview().getByTestId('briefs-table--table');
  await table.waitFor({ timeout: 20_000 });
  const row = overview().locator('tr', { hasText: 'Feature X launch' });
  await expect(row.count()).resolves.toBe(1);
  await expect(row.textContent()).resolves.toMatch(/In review/);
  await expect(row.textContent()).resolves.toMatch(/Priya Raman/);

  // Filter by a status the brief does not have: the table says so; clearing brings it back.
  await overview().getByLabel('Status').click();
  await overview().getByText('Draft', { exact: true }).click();
  await overview().getByText('No briefs match these filters').waitFor();
  await overview().getByRole('button', { name: 'Clear filters' }).click();
  await row.waitFor();

  // The link is a real link: reachable by keyboard, and it opens the page through the router.
  const link = overview().getByRole('link', { name: 'Open the Confluence page of Feature X launch' });
  await link.focus();
  await Promise.all([page.waitForURL(/\/wiki\/spaces\/LAUNCH\/pages\/\d+/), link.press('Enter')]);
  await expect(page.locator('h1').first().textContent()).resolves.toMatch(/project brief/);
});

test('someone who cannot view the LAUNCH space sees the empty state, not the brief', async () => {
  await page.goto(`${site.url}/jira/apps/accord-overview?as=fatima`);
  await overview().getByRole('tab', { name: 'Briefs' }).click({ timeout: 20_000 });
  await overview().getByTestId('empty-state').waitFor({ timeout: 20_000 });
  await expect(overview().getByTestId('empty-state').textContent()).resolves.toMatch(
    /No briefs yet — insert the Accord Project Brief macro on a Confluence page/,
  );
});

test('the admin page saves a new threshold and shows it after reload', async () => {
  await page.goto(`${site.url}/jira/apps/accord-settings?as=priya`);
  const hours = settings().getByLabel('Blocked threshold (hours)');
  await hours.waitFor({ timeout: 20_000 });
  await expect(hours.inputValue()).resolves.toBe('48');

  // A value out of range says what to enter, and nothing is saved.
  await hours.fill('0');
  await settings().getByRole('button', { name: 'Save', exact: true }).click();
  await expect(settings().getByTestId('blockedThresholdHours-error').textContent()).resolves.toMatch(
    /Enter a whole number of hours from 1 to 720/,
  );

  await hours.fill('24');
  await settings().getByRole('button', { name: 'Save', exact: true }).click();
  await expect(settings().getByTestId('save-notice').textContent({ timeout: 20_000 })).resolves.toMatch(
    /Saved\. .*more than 24 h/,
  );

  await page.reload();
  const reloaded = settings().getByLabel('Blocked threshold (hours)');
  await reloaded.waitFor({ timeout: 20_000 });
  await expect(reloaded.inputValue()).resolves.toBe('24');
});

test('the admin page shows the last sweep with links to the blocked issues', async () => {
  await fetch(`${site.url}/forge/scheduled/accord-blocked-sweep`, { method: 'POST' });
  await page.goto(`${site.url}/jira/apps/accord-settings?as=priya`);
  const sweep = settings().getByTestId('last-sweep');
  await sweep.waitFor({ timeout: 20_000 });
  await expect(sweep.textContent()).resolves.toMatch(/Blocked for more than \d+ h/);
  const issue = settings().getByRole('link', { name: /^Open LAUNCH-3/ });
  await Promise.all([page.waitForURL(/\/jira\/browse\/LAUNCH-3/), issue.click()]);
});

test('a person who is not a Jira administrator is told so', async () => {
  await page.goto(`${site.url}/jira/apps/accord-settings?as=erik`);
  const error = settings().getByTestId('error-state');
  await error.waitFor({ timeout: 20_000 });
  await expect(error.textContent()).resolves.toMatch(/Only Jira administrators can see Accord's settings/);
});
