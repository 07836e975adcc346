/**
 * The Decision and Stakeholder grid macros in Chromium on the local site: the demo decision shows its log, a
 * Contributor records input, the Approver approves, the Roles panel of LAUNCH-2 lists the decision; a
 * stakeholder dot moved with the keyboard, or dragged with the mouse, lands in a new quadrant that the table shows
 * after a reload.
 */
import type { Browser, Page } from 'playwright-core';
import { LAUNCH_BRIEF_PAGE_ID, LAUNCH_SPACE_ID, LAUNCH_SPACE_KEY } from '../../local/seed/confluence-seed';
import { PEOPLE } from '../../local/seed/people';
import { launchBrowser, startSite, type RunningSite } from './browser';

jest.setTimeout(180_000);

let browser: Browser;
let site: RunningSite;
let page: Page;

const briefPage = (as: string) =>
  `${site.url}/wiki/spaces/${LAUNCH_SPACE_KEY}/pages/${LAUNCH_BRIEF_PAGE_ID}?as=${as}`;
const decision = () => page.frameLocator('iframe[title="Accord Decision (DACI) macro"]');
const grid = () => page.frameLocator('iframe[title="Accord Stakeholder grid macro"]');

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
});
afterEach(async () => page.close());

test('a Contributor records input, the Approver approves, and LAUNCH-2 lists the decision', async () => {
  await page.goto(briefPage('erik'));
  await decision().getByTestId('decision-question').waitFor();
  await expect(decision().getByTestId('decision-log-entry').count()).resolves.toBe(1);
  await decision().getByTestId('decision-input-text').fill('Aggregated segments are enough for the event.');
  await decision().getByTestId('decision-input-submit').click();
  await decision().getByTestId('decision-log-entry').nth(1).waitFor();

  await page.goto(briefPage('grace'));
  await decision().getByTestId('decision-comment').fill('No personal data leaves us.');
  await decision().getByTestId('decision-approve-option-2').click();
  await decision().getByTestId('decision-rationale').waitFor();
  expect(await decision().getByTestId('decision-status').textContent()).toBe('Decided');

  await page.goto(`${site.url}/jira/browse/LAUNCH-2?as=erik`);
  const panel = page.frameLocator('iframe[title="Roles panel"]');
  const entry = panel.getByTestId('roles-decision-decision-launch-privacy');
  await entry.waitFor();
  expect(await entry.textContent()).toContain('Share customer emails');
  expect(await panel.getByTestId('roles-decisions').textContent()).toContain('Decided');
});

test('a keyboard move of a stakeholder lands in the new quadrant after a reload', async () => {
  await page.goto(briefPage('priya'));
  const dot = grid().getByTestId('stakeholder-dot-sh-lucia');
  await dot.waitFor();
  expect(await dot.getAttribute('data-quadrant')).toBe('keep-informed');
  await dot.focus();
  await dot.press('ArrowUp');
  await grid().locator('[data-testid="stakeholder-dot-sh-lucia"][data-quadrant="manage-closely"]').waitFor();
  await grid().getByText('Saving…').waitFor({ state: 'detached' });
  await page.reload();
  await grid().getByTestId('stakeholders-toggle').click();
  expect(await grid().getByTestId('stakeholder-row-sh-lucia').textContent()).toContain('Manage closely');
});

test('a mouse drag of a stakeholder to another quadrant is saved and the table shows it after a reload', async () => {
  await page.goto(briefPage('priya'));
  const dot = grid().getByTestId('stakeholder-dot-sh-tom');
  await dot.waitFor();
  expect(await dot.getAttribute('data-quadrant')).toBe('keep-satisfied');
  await grid().getByTestId('stakeholder-svg').scrollIntoViewIfNeeded();
  const from = await dot.boundingBox();
  const svg = await grid().getByTestId('stakeholder-svg').boundingBox();
  if (!from || !svg) throw new Error('The grid is not on screen.');
  // Top right of the drawing: high authority, high concern ("Manage closely").
  const to = { x: svg.x + svg.width * 0.85, y: svg.y + svg.height * 0.12 };
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  await grid().locator('[data-testid="stakeholder-dot-sh-tom"][data-quadrant="manage-closely"]').waitFor();
  await grid().getByText('Saving…').waitFor({ state: 'detached' });
  await page.reload();
  await grid().getByTestId('stakeholders-toggle').click();
  expect(await grid().getByTestId('stakeholder-row-sh-tom').textContent()).toContain('Manage closely');
});

test('insert a brand-new Decision on a page: question, options, Approver from the picker; save, reload', async () => {
  const stamp = Date.now();
  const created = await fetch(`${site.url}/wiki/api/v2/pages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forge-user': PEOPLE.priya.accountId },
    body: JSON.stringify({ spaceId: LAUNCH_SPACE_ID, status: 'current', title: `Pricing decision ${stamp}` }),
  });
  expect(created.status).toBe(200);
  const pageId = ((await created.json()) as { id: string }).id;
  await page.goto(`${site.url}/wiki/spaces/${LAUNCH_SPACE_KEY}/pages/${pageId}?as=priya`);
  await page.getByRole('button', { name: 'Insert Accord Decision (DACI)' }).click();

  const config = page.frameLocator('iframe[title="Accord Decision (DACI) configuration"]');
  await config.getByRole('heading', { name: 'New decision' }).waitFor({ timeout: 20_000 });
  await config
    .getByLabel('The question this decision answers')
    .fill(`Annual or monthly billing first? ${stamp}`);
  const approver = config.getByLabel('Approver');
  await approver.fill('grace');
  await config.getByRole('option', { name: /Grace/ }).click();
  await config.getByTestId('decision-add-option').click();
  await config.getByLabel('Option 1: title').fill('Annual first');
  await config.getByTestId('decision-add-option').click();
  await config.getByLabel('Option 2: title').fill('Monthly first');
  await config.getByLabel('Due date').fill('2030-01-15');
  await config.getByTestId('decision-save').click();

  await page.waitForEvent('load', { timeout: 20_000 });
  const check = async () => {
    await expect(decision().getByTestId('decision-question').textContent({ timeout: 20_000 })).resolves.toBe(
      `Annual or monthly billing first? ${stamp}`,
    );
    await expect(decision().getByTestId('decision-option-option-1').textContent()).resolves.toContain(
      'Annual first',
    );
    await expect(decision().getByTestId('decision-option-option-2').textContent()).resolves.toContain(
      'Monthly first',
    );
    await expect(
      decision()
        .getByTestId('decision-role-approver')
        .filter({ hasText: 'Grace' })
        .textContent({ timeout: 20_000 }),
    ).resolves.toContain('Grace');
    await expect(decision().getByTestId('decision-status').textContent()).resolves.toBe('Open');
  };
  await check();
  await page.reload();
  await check();
});

test('from LAUNCH-2 in Jira, a decision in the Roles panel opens its page in its Confluence space', async () => {
  await page.goto(`${site.url}/jira/browse/LAUNCH-2?as=erik`);
  const panel = page.frameLocator('iframe[title="Roles panel"]');
  const entry = panel.getByTestId('roles-decision-decision-launch-privacy');
  await entry.waitFor({ timeout: 20_000 });
  await Promise.all([page.waitForURL(/\/wiki\/spaces\/LAUNCH\/pages\//, { timeout: 20_000 }), entry.click()]);
  expect(new URL(page.url()).pathname).toBe(`/wiki/spaces/${LAUNCH_SPACE_KEY}/pages/${LAUNCH_BRIEF_PAGE_ID}`);
  await decision().getByTestId('decision-question').waitFor({ timeout: 20_000 });
});
