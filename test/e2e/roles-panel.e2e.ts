/** The Roles panel renders from its real build inside the issue view's iframe. */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startSite, type RunningSite } from './browser';

jest.setTimeout(60_000);

let browser: Browser;
let site: RunningSite;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterEach(async () => {
  await page.close();
});

test('LAUNCH-10 (an epic without roles) shows the Roles panel with its empty state', async () => {
  await page.goto(`${site.url}/jira/browse/LAUNCH-10?as=erik`);
  expect((await page.locator('#issue-summary').textContent())?.trim()).toBeTruthy();
  expect(await page.locator('.jira-panel-title').first().textContent()).toContain('Roles');

  const panel = page.frameLocator('iframe[title="Roles panel"]');
  await panel.getByText('No roles on this issue yet').waitFor({ timeout: 20_000 });
  // The empty state says what to do next, not just that nothing is there.
  expect(await panel.getByTestId('empty-state').textContent()).toContain('Accountable');
  // The iframe grows to its content (the shim reports its size to the host): the picker below the empty
  // state is inside the frame's visible box, not clipped by it.
  const frameBox = async () => (await page.locator('iframe[title="Roles panel"]').boundingBox())!;
  const picker = panel.getByText('Choose a role');
  await picker.waitFor({ timeout: 20_000 });
  let fits = false;
  for (let i = 0; i < 50 && !fits; i++) {
    const [frame, box] = [await frameBox(), (await picker.boundingBox())!];
    fits = box.y + box.height <= frame.y + frame.height;
    if (!fits) await page.waitForTimeout(100);
  }
  expect(fits).toBe(true);
  expect(pageErrors).toEqual([]);
});

test('the panel follows the host into dark mode', async () => {
  await page.goto(`${site.url}/jira/browse/LAUNCH-10?as=erik`);
  const panel = page.frameLocator('iframe[title="Roles panel"]');
  await panel.getByText('No roles on this issue yet').waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Dark mode' }).click();
  const frame = page.frame({ url: /roles-panel/ });
  if (!frame) throw new Error('The roles panel frame is missing');
  // Strings, not functions: they run in the page, and the node tsconfig has no DOM types.
  await frame.waitForFunction("document.documentElement.getAttribute('data-color-mode') === 'dark'");
  // Token CSS for dark mode is in the extracted stylesheet, so the surface token changes value.
  const surface = await frame.evaluate<string>(
    "getComputedStyle(document.documentElement).getPropertyValue('--ds-surface').trim().toLowerCase()",
  );
  expect(surface).not.toBe('');
  expect(surface).not.toBe('#ffffff');
});

test('a frame that calls before the host page is listening still gets its answers', async () => {
  // The host page's script is deferred, so on a busy machine an app frame can start first. Holding that script
  // back makes it certain: the panel's first bridge calls are posted before the host listens.
  let held = 0;
  await page.route('**/host/host-page.js', async (route) => {
    held++;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await route.continue();
  });
  await page.goto(`${site.url}/jira/browse/LAUNCH-10?as=erik`, { waitUntil: 'commit' });
  const panel = page.frameLocator('iframe[title="Roles panel"]');
  await panel.getByText('No roles on this issue yet').waitFor({ timeout: 20_000 });
  expect(held).toBe(1);
  // Its size reached the host too: the frame grew past its initial 60 px.
  let height = 0;
  for (let i = 0; i < 50 && height <= 100; i++) {
    height = (await page.locator('iframe[title="Roles panel"]').boundingBox())?.height ?? 0;
    if (height <= 100) await page.waitForTimeout(100);
  }
  expect(height).toBeGreaterThan(100);
});
