/** A page editor changes the brief through the macro's config and sees the macro show it. */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startSite, type RunningSite } from './browser';

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
