/** A page editor changes the brief through the macro's config and sees the macro show it. */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, settledInputValue, startSite, type RunningSite } from './browser';
import { PEOPLE } from '../../local/seed/people';
import { LAUNCH_BRIEF_PAGE_ID, LAUNCH_SPACE_ID } from '../../local/seed/confluence-seed';

jest.setTimeout(90_000);

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
  page = await browser.newPage({ viewport: { width: 1280, height: 960 } });
});

afterEach(async () => {
  await page.close();
});

/** The demo's brief page, found the way a person would: from the LAUNCH space. */
async function openBriefPage(as: string): Promise<void> {
  await page.goto(`${site.url}/wiki/spaces/LAUNCH?as=${as}`);
  const links = page.locator('main a[href*="/pages/"]');
  await links.first().waitFor();
  const hrefs = await links.evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''));
  for (const href of hrefs.filter(Boolean)) {
    await page.goto(new URL(href, site.url).toString());
    if ((await page.locator('iframe[title="Accord Project Brief macro"]').count()) > 0) return;
  }
  throw new Error('No page in space LAUNCH holds the Accord Project Brief macro');
}

test('edit the brief title in the macro config, submit, and see it on the page', async () => {
  await openBriefPage('priya');
  const macro = page.frameLocator('iframe[title="Accord Project Brief macro"]');
  await macro.getByTestId('brief-title').waitFor({ timeout: 20_000 });

  await page.getByRole('button', { name: 'Edit macro' }).first().click();
  const config = page.frameLocator('iframe[title="Accord Project Brief configuration"]');
  const title = config.getByLabel('Title');
  await title.waitFor({ timeout: 20_000 });
  await expect(title.inputValue()).resolves.not.toBe('');
  const newTitle = `Feature X launch — reviewed ${Date.now()}`;
  await title.fill(newTitle);
  await config.getByRole('button', { name: 'Save' }).click();

  // The host saves the macro config into the page and reloads it; the macro shows the new title.
  await page.waitForEvent('load', { timeout: 20_000 });
  const reloaded = page.frameLocator('iframe[title="Accord Project Brief macro"]');
  await expect(reloaded.getByTestId('brief-title').textContent({ timeout: 20_000 })).resolves.toBe(newTitle);

  // And after a fresh load, too (it is stored, not just shown).
  await page.reload();
  await expect(
    page
      .frameLocator('iframe[title="Accord Project Brief macro"]')
      .getByTestId('brief-title')
      .textContent({ timeout: 20_000 }),
  ).resolves.toBe(newTitle);
});

test('cancel closes the config without changing the brief', async () => {
  await openBriefPage('priya');
  const macro = page.frameLocator('iframe[title="Accord Project Brief macro"]');
  const before = await macro.getByTestId('brief-title').textContent({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Edit macro' }).first().click();
  const config = page.frameLocator('iframe[title="Accord Project Brief configuration"]');
  await config.getByLabel('Title').fill('Not saved');
  await config.getByRole('button', { name: 'Cancel' }).click();
  await page.locator('#host-modal').waitFor({ state: 'hidden' });
  expect(await macro.getByTestId('brief-title').textContent()).toBe(before);
});

const CONFIG = 'iframe[title="Accord Project Brief configuration"]';
const MACRO = 'iframe[title="Accord Project Brief macro"]';

/** Saves the brief as another person, straight through the platform (a second editor's save). */
async function saveAs(accountId: string, patch: Record<string, unknown>): Promise<void> {
  const invoke = (call: string, payload: unknown) =>
    fetch(`${site.url}/forge/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        functionKey: 'macro-resolver',
        call,
        payload,
        context: { accountId, extension: { type: 'macro', content: { id: '98307', type: 'page' } } },
      }),
    }).then(
      (r) => r.json() as Promise<{ ok: boolean; data: { revision: number; title: string; status: string } }>,
    );
  const { data } = await invoke('brief/get', { briefId: 'brief-launch' });
  const saved = await invoke('brief/save', {
    briefId: 'brief-launch',
    revision: data.revision,
    title: data.title,
    status: data.status,
    ...patch,
  });
  expect(saved.ok).toBe(true);
}

test('fill a section in the config, save, and see it in the brief after a reload', async () => {
  await openBriefPage('priya');
  await page.frameLocator(MACRO).getByTestId('brief-title').waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Edit macro' }).first().click();
  const config = page.frameLocator(CONFIG);
  const cost = config.getByLabel('Cost and finance');
  await cost.waitFor({ timeout: 20_000 });
  const text = `Two engineers for ten weeks; vendor fees rise ${Date.now()}.`;
  await cost.fill(text);
  await config.getByRole('button', { name: 'Save' }).click();
  await page.waitForEvent('load', { timeout: 20_000 });
  await page.reload();
  const section = page.frameLocator(MACRO).getByTestId('brief-section-cost');
  await expect(section.textContent({ timeout: 20_000 })).resolves.toContain(text);
  await expect(page.frameLocator(MACRO).getByTestId('brief-completeness').textContent()).resolves.toMatch(
    /Complete: \d+\/14/,
  );
});

test('a second editor with a stale copy sees a conflict and can reload', async () => {
  await openBriefPage('priya');
  await page.frameLocator(MACRO).getByTestId('brief-title').waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Edit macro' }).first().click();
  const config = page.frameLocator(CONFIG);
  await config.getByLabel('Risks and mitigations').waitFor({ timeout: 20_000 });
  // Erik saves while Priya's editor is open on the old revision.
  await saveAs('712020:1f0a6c1e-2b7d-4c55-9e0f-0a1b2c3d4e02', { sections: { scope: 'Changed by Erik.' } });
  await config.getByLabel('Risks and mitigations').fill('Priya’s stale edit');
  await config.getByRole('button', { name: 'Save' }).click();
  const error = config.getByTestId('brief-save-error');
  await expect(error.textContent({ timeout: 20_000 })).resolves.toContain('Reload to see their version');
  await config.getByRole('button', { name: 'Reload' }).click();
  // The reload is asynchronous: wait for the form to show their version rather than reading it once.
  await expect(settledInputValue(config.getByLabel('Scope and non-goals'), 'Changed by Erik.')).resolves.toBe(
    'Changed by Erik.',
  );
});

test('a reader without edit permission (grace) sees the brief read-only', async () => {
  await openBriefPage('grace');
  const macro = page.frameLocator(MACRO);
  await macro.getByTestId('brief-title').waitFor({ timeout: 20_000 });
  await expect(macro.getByTestId('brief-read-only').textContent()).resolves.toBe('View only');
  await expect(macro.getByTestId('brief-section-engineering').textContent()).resolves.toContain(
    'payments service',
  );
  expect(await page.getByRole('button', { name: 'Edit macro' }).count()).toBe(0);
});

test('RACI matrix: edit an issue row cell, and the Roles panel of that issue shows it', async () => {
  await openBriefPage('priya');
  const raci = page.frameLocator('iframe[title="Accord RACI matrix macro"]');
  const cell = raci.getByLabel('LAUNCH-2: Tom');
  const hasTom = await cell.count().catch(() => 0);
  const target = hasTom ? cell : raci.getByLabel(/^LAUNCH-2: /).last();
  await target.waitFor({ timeout: 20_000 });
  const label = (await target.getAttribute('aria-label')) ?? '';
  const person = label.replace(/^LAUNCH-2: /, '');
  await target.selectOption('C');
  await expect(raci.getByLabel(label).inputValue({ timeout: 20_000 })).resolves.toBe('C');
  await raci
    .getByTestId('raci-message')
    .waitFor({ state: 'detached', timeout: 2_000 })
    .catch(() => undefined);

  await page.goto(`${site.url}/jira/browse/LAUNCH-2?as=priya`);
  const panel = page.frameLocator('iframe[title="Roles panel"]');
  await expect(panel.getByText(person).first().textContent({ timeout: 20_000 })).resolves.toContain(person);
});

/** A fresh page in the LAUNCH space, created as priya through the emulated Confluence REST API. */
async function newLaunchPage(title: string): Promise<string> {
  const res = await fetch(`${site.url}/wiki/api/v2/pages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forge-user': PEOPLE.priya.accountId },
    body: JSON.stringify({ spaceId: LAUNCH_SPACE_ID, status: 'current', title }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

test('insert a brand-new Brief on a page without one: fill sections and the owner, save, reload, still there', async () => {
  const stamp = Date.now();
  const pageId = await newLaunchPage(`Partner programme brief ${stamp}`);
  await page.goto(`${site.url}/wiki/spaces/LAUNCH/pages/${pageId}?as=priya`);
  expect(await page.locator(`iframe[title="Accord Project Brief macro"]`).count()).toBe(0);
  await page.getByRole('button', { name: 'Insert Accord Project Brief' }).click();

  const config = page.frameLocator(CONFIG);
  await config.getByRole('heading', { name: 'New project brief' }).waitFor({ timeout: 20_000 });
  await config.getByLabel('Title').fill(`Partner programme ${stamp}`);
  await config.getByLabel('Problem and business impact').fill('Partners cannot resell Accord today.');
  await config.getByLabel('Engineering constraints').fill('Billing must support reseller accounts.');
  // The owner comes from the shared user picker, searching Jira as Priya.
  const owner = config.getByLabel('Owner');
  await owner.fill('erik');
  await config.getByRole('option', { name: /Erik/ }).click();
  await config.getByRole('button', { name: 'Save' }).click();

  // The host writes the macro (config: the new brief id) into the page as Priya and reloads it.
  await page.waitForEvent('load', { timeout: 20_000 });
  const check = async () => {
    const macro = page.frameLocator(MACRO);
    await expect(macro.getByTestId('brief-title').textContent({ timeout: 20_000 })).resolves.toBe(
      `Partner programme ${stamp}`,
    );
    await expect(macro.getByTestId('brief-section-problem').textContent()).resolves.toContain(
      'Partners cannot resell Accord today.',
    );
    await expect(macro.getByTestId('brief-section-engineering').textContent()).resolves.toContain(
      'Billing must support reseller accounts.',
    );
    await expect(
      macro.getByTestId('brief-owner').filter({ hasText: 'Erik' }).textContent({ timeout: 20_000 }),
    ).resolves.toContain('Erik');
  };
  await check();
  await page.reload();
  await check();
});

test('from LAUNCH-1 in Jira, "Part of brief" opens the brief page in its Confluence space', async () => {
  await page.goto(`${site.url}/jira/browse/LAUNCH-1?as=erik`);
  const panel = page.frameLocator('iframe[title="Roles panel"]');
  const link = panel.getByTestId('roles-brief-link').getByRole('button');
  await link.waitFor({ timeout: 20_000 });
  await Promise.all([page.waitForURL(/\/wiki\/spaces\/LAUNCH\/pages\//, { timeout: 20_000 }), link.click()]);
  expect(new URL(page.url()).pathname).toBe(`/wiki/spaces/LAUNCH/pages/${LAUNCH_BRIEF_PAGE_ID}`);
  await page.frameLocator(MACRO).getByTestId('brief-title').waitFor({ timeout: 20_000 });
});
