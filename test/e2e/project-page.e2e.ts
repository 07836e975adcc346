/** The project page (matrix, CSV export, bulk apply) renders from its real build inside the Jira host page. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { launchBrowser, startSite, type RunningSite } from './browser';

jest.setTimeout(90_000);

let browser: Browser;
let site: RunningSite;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(__dirname, '..', '..', 'static', 'project-page', 'build', 'index.html'))) {
    throw new Error('static/project-page/build is missing: run "node static/build.mjs project-page" first.');
  }
  site = await startSite();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterEach(async () => {
  await page.close();
});

/** Polls `read` until it passes `check` (jest has no expect.poll); fails with the last value seen. */
async function waitFor<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeout = 20_000,
): Promise<T> {
  const until = Date.now() + timeout;
  let last = await read();
  while (!check(last)) {
    if (Date.now() > until) throw new Error(`Timed out; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
    last = await read();
  }
  return last;
}

const openAsErik = async (): Promise<FrameLocator> => {
  await page.goto(`${site.url}/jira/apps/accord-project-roles?as=erik&project=LAUNCH`);
  const app = page.frameLocator('iframe[title="Roles & stakeholders"]');
  await app.getByTestId('matrix-table').waitFor({ timeout: 30_000 });
  return app;
};

test('the matrix lists the project, filters by JQL and exports the CSV', async () => {
  const app = await openAsErik();
  expect(await app.getByTestId('matrix-row').count()).toBe(10); // every LAUNCH issue, nothing from MKT or LEGAL

  await app.getByTestId('matrix-jql').fill('labels = pricing');
  await app.getByRole('button', { name: 'Filter' }).click();
  await waitFor(
    () => app.getByTestId('matrix-row').count(),
    (n) => n === 3,
  );
  const keys = await app
    .getByTestId('matrix-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-issue-key')));
  expect(keys).toEqual(['LAUNCH-2', 'LAUNCH-3', 'LAUNCH-9']);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    app.getByTestId('matrix-export').click(),
  ]);
  expect(download.suggestedFilename()).toBe('LAUNCH-raci-matrix.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv.trim().split('\n');
  expect(lines[0]).toMatch(/^Activity/);
  expect(lines.slice(1).map((l) => l.split(' ')[0])).toEqual(['LAUNCH-2', 'LAUNCH-3', 'LAUNCH-9']);
  expect(pageErrors).toEqual([]);
});

test('bulk apply shows a progress bar that reaches 100% and lists the skipped issue', async () => {
  const app = await openAsErik();
  await app.getByRole('tab', { name: 'Bulk apply' }).click();
  // MKT is a project Erik can only view: its issue is skipped, not failed.
  await app.getByTestId('bulk-jql').fill('project in (LAUNCH, MKT) AND labels = launch');
  await app.locator('#bulk-person').fill('Amara');
  await app.getByRole('option', { name: /Amara Okafor/ }).click();
  await app.getByTestId('bulk-add').click();
  await app.getByTestId('bulk-role-set').getByText('Amara Okafor (Engineer) — Accountable').waitFor();

  await app.getByTestId('bulk-preview').click();
  const apply = app.getByTestId('bulk-apply-button');
  await apply.waitFor({ timeout: 20_000 });
  expect(await apply.textContent()).toBe('Apply to 5 issues');
  await apply.click();

  const bar = app.getByTestId('bulk-progress-bar');
  await waitFor(
    () => bar.getAttribute('aria-valuenow'),
    (v) => v === '100',
    30_000,
  );
  await waitFor(
    () => app.getByTestId('bulk-progress-text').textContent(),
    (t) => (t ?? '').includes('Done: 5 of 5 issues · 4 applied'),
  );
  expect(await app.getByTestId('bulk-skipped').textContent()).toBe('1 skipped (no edit permission)');
  await app.getByTestId('bulk-skipped-toggle').click();
  expect(await app.getByTestId('bulk-skipped-list').textContent()).toContain('MKT-1');

  // The matrix now shows Amara as Accountable on the launch issues.
  await app.getByRole('tab', { name: 'Matrix' }).click();
  await app.getByTestId('matrix-jql').fill('labels = launch');
  await app.getByRole('button', { name: 'Filter' }).click();
  await waitFor(
    () => app.locator('[data-issue-key="LAUNCH-1"] [data-testid="matrix-cell"]').allTextContents(),
    (cells) => cells.includes('A'),
  );
  expect(pageErrors).toEqual([]);
});
