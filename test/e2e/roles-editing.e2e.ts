/**
 * The Roles panel end to end, in Chromium against a fresh demo site: editing through the real user picker,
 * the server's refusal, a conflict between two tabs, a view-only person, inheritance down the hierarchy, and
 * the issue context that opens the panel.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { launchBrowser, startSite, type RunningSite } from './browser';

jest.setTimeout(120_000);

let browser: Browser;
let site: RunningSite;
const pages: Page[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

afterEach(async () => {
  await Promise.all(pages.splice(0).map((p) => p.close()));
  expect(pageErrors.splice(0)).toEqual([]);
});

/** Opens an issue as a demo person (at the narrow width Jira gives panels) and waits for the panel. */
async function openIssue(
  issueKey: string,
  as: string,
  width = 1200,
): Promise<{ page: Page; panel: FrameLocator }> {
  const page = await browser.newPage({ viewport: { width, height: 1000 } });
  pages.push(page);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${site.url}/jira/browse/${issueKey}?as=${as}`);
  const panel = page.frameLocator('iframe[title="Roles panel"]');
  await panel.getByTestId('roles-editor').waitFor({ timeout: 30_000 });
  return { page, panel };
}

async function addPerson(panel: FrameLocator, search: string, name: string, role: string): Promise<void> {
  await panel.locator('#roles-person-input').fill(search);
  await panel.locator('[id*="-option-"]', { hasText: name }).click();
  await panel.locator('#roles-role-input').click();
  await panel.locator('[id*="-option-"]', { hasText: role }).first().click();
  await panel.getByTestId('roles-add').click();
}

const rows = (panel: FrameLocator) => panel.locator('tr[data-testid^="roles-row"]');

async function resolverCalls(): Promise<Array<{ functionKey: string; call?: string }>> {
  const response = await fetch(`${site.url}/forge/log`);
  return ((await response.json()) as Array<{ kind: string; functionKey: string; call?: string }>).filter(
    (entry) => entry.kind === 'resolver',
  );
}

const ERIK = 'Erik Lindqvist (Engineering Lead)';
const AMARA = 'Amara Okafor (Engineer)';
const DAVID = 'David Chen (Legal Counsel)';
const PRIYA = 'Priya Raman (Product Manager)';

test('opening the panel invokes no function: only the issue context asks roles/get', async () => {
  const before = (await resolverCalls()).length;
  const { page } = await openIssue('LAUNCH-10', 'erik');
  const context = page.frameLocator('iframe[title="Roles context"]');
  await context.getByTestId('roles-context').waitFor({ timeout: 30_000 });
  const calls = (await resolverCalls()).slice(0, (await resolverCalls()).length - before);
  expect(calls.map((c) => `${c.functionKey} ${c.call}`)).toEqual(['roles-resolver roles/get']);
});

test('erik adds an Accountable through the picker, saves, and sees it after a reload', async () => {
  const { page, panel } = await openIssue('LAUNCH-10', 'erik', 400);
  await panel.getByText('No roles on this issue yet').waitFor();
  await addPerson(panel, 'erik', ERIK, 'Accountable');
  await panel.getByTestId('roles-save').click();
  await panel.getByTestId('roles-notice').getByText('Roles saved.').waitFor();

  await page.reload();
  const again = page.frameLocator('iframe[title="Roles panel"]');
  await rows(again).first().waitFor({ timeout: 30_000 });
  expect(await rows(again).count()).toBe(1);
  expect(await rows(again).first().textContent()).toContain(ERIK);
  expect(await rows(again).first().locator('[data-role="accountable"]').count()).toBe(1);
  // The sidebar line follows.
  const context = page.frameLocator('iframe[title="Roles context"]');
  await context.getByText(`Accountable: ${ERIK}`, { exact: false }).waitFor({ timeout: 30_000 });
});

test('a second Accountable is refused with the sentence beside Save, and nothing is written', async () => {
  const { page, panel } = await openIssue('LAUNCH-10', 'erik');
  await rows(panel).first().waitFor();
  await addPerson(panel, 'amara', AMARA, 'Accountable');
  await panel.getByTestId('roles-save').click();
  const refusal = panel.getByTestId('roles-refusal');
  await refusal.waitFor();
  expect(await refusal.textContent()).toBe(
    `Only one person can be Accountable: ${ERIK} already is. Make ${AMARA} Responsible instead, or replace ${ERIK}.`,
  );
  // The refusal sits in the save bar, beside Save.
  expect(await panel.getByTestId('roles-save-bar').getByTestId('roles-refusal').count()).toBe(1);

  await page.reload();
  const again = page.frameLocator('iframe[title="Roles panel"]');
  await rows(again).first().waitFor({ timeout: 30_000 });
  expect(await rows(again).count()).toBe(1);
});

test('two tabs edit at once: the later save meets the conflict message and can keep its version', async () => {
  const first = await openIssue('LAUNCH-10', 'erik');
  const second = await openIssue('LAUNCH-10', 'erik');
  await rows(first.panel).first().waitFor();
  await rows(second.panel).first().waitFor();

  // The second tab starts editing before the first saves.
  await addPerson(second.panel, 'david', DAVID, 'Consulted');
  await addPerson(first.panel, 'amara', AMARA, 'Responsible');
  await first.panel.getByTestId('roles-save').click();
  await first.panel.getByTestId('roles-notice').getByText('Roles saved.').waitFor();

  await second.panel.getByTestId('roles-save').click();
  const conflict = second.panel.getByTestId('roles-conflict');
  await conflict.waitFor();
  expect(await conflict.textContent()).toContain('Someone changed these roles while you were editing.');
  await conflict.getByText('Show their version').waitFor();

  await conflict.getByText('Keep mine').click();
  await second.panel.getByTestId('roles-notice').waitFor();
  await second.page.reload();
  const again = second.page.frameLocator('iframe[title="Roles panel"]');
  await rows(again).first().waitFor({ timeout: 30_000 });
  const text = await again.locator('table').textContent();
  expect(text).toContain(DAVID);
  expect(text).toContain(ERIK);
});

test('grace, who can only view LAUNCH, sees the roles read-only with "View only"', async () => {
  const { panel } = await openIssue('LAUNCH-10', 'grace');
  await rows(panel).first().waitFor();
  expect(await panel.getByTestId('roles-view-only').textContent()).toBe('View only');
  expect(await panel.getByTestId('roles-add-person').count()).toBe(0);
  expect(await panel.getByTestId('roles-remove').count()).toBe(0);
  expect(await panel.getByTestId('roles-save').count()).toBe(0);
  expect(await panel.getByTestId('roles-framework-label').textContent()).toBe('RACI');
});

test('LAUNCH-9 inherits the epic LAUNCH-1’s seeded roles through its story, and its context line opens the panel', async () => {
  // The demo seeds RACI roles on the LAUNCH-1 epic (Priya Accountable, Erik Responsible, Lucia Consulted, Grace
  // Informed); the story LAUNCH-2 and its subtask LAUNCH-9 have none of their own.
  const { page, panel } = await openIssue('LAUNCH-9', 'erik');
  await panel.getByTestId('roles-inherited').waitFor();
  expect(await panel.getByTestId('roles-inherited').textContent()).toBe('inherited from LAUNCH-1 ↗');
  expect(await rows(panel).count()).toBe(4);
  expect(await panel.getByTestId('roles-override').count()).toBe(1);
  expect(await panel.getByTestId('roles-add-person').count()).toBe(0);

  const context = page.frameLocator('iframe[title="Roles context"]');
  const line = context.getByTestId('roles-context');
  await line.waitFor({ timeout: 30_000 });
  expect(await line.textContent()).toBe(`Accountable: ${PRIYA} · from LAUNCH-1`);
  await line.click();
  const panelFrame = page.frame({ url: /roles-panel/ });
  if (!panelFrame) throw new Error('The roles panel frame is missing');
  await panelFrame.waitForFunction(
    "document.activeElement && document.activeElement.getAttribute('aria-label') === 'Roles on this issue'",
  );
});
