/**
 * The Escalation Path in Chromium on the local site. (a) Priya writes a path on a fresh Confluence page through
 * the macro's config flow: a bad delay is refused beside its field, the saved path reads as a document, and a dry
 * run lists the Blocked LAUNCH-3 once the clock has moved past level 1. (b) The demo: LAUNCH-3 goes Blocked, the
 * clock passes level 1, the hourly sweep fires the seeded path (`path-launch-blocked`): the Roles panel's
 * Escalation tab shows level 1 fired for Erik (the issue's seeded Accountable), Erik acknowledges, the ladder
 * stops, and the comment mentioning Erik is on the issue.
 */
import type { Browser, Page } from 'playwright-core';
import { LAUNCH_SPACE_ID, LAUNCH_SPACE_KEY } from '../../local/seed/confluence-seed';
import { PEOPLE } from '../../local/seed/people';
import { launchBrowser, startSite, type RunningSite } from './browser';
import { escalationComments as commentsOf, move as moveIssue, siteCaller } from '../support/escalation-site';

jest.setTimeout(180_000);

const PRIYA = PEOPLE.priya.accountId;
const ERIK = PEOPLE.erik.accountId;
let browser: Browser;
let site: RunningSite;
let page: Page;
const pageErrors: string[] = [];

const call = siteCaller(() => site.url);
const settle = () => call('/forge/settle', { body: {} });
const sweep = async () => {
  expect((await call('/forge/scheduled/accord-escalation-sweep', { body: {} })).status).toBeLessThan(300);
  await settle();
};
/** Moves an issue through the REST API as Priya (she edits LAUNCH), then lets the triggers run. */
const move = (issueKey: string, to: string) => moveIssue(call, issueKey, to, PRIYA);
const escalationComments = (issueKey: string) => commentsOf(call, issueKey, ERIK);

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  // Tuesday 9 March 2027, 10:00 in Berlin (no holiday near): LAUNCH-3 leaves its seeded Blocked stretch and goes
  // back to Blocked, so the demo path's episode starts now.
  await call('/forge/clock', { body: { set: '2027-03-09T09:00:00Z' } });
  await move('LAUNCH-3', 'In Progress');
  await sweep();
  await move('LAUNCH-3', 'Blocked');
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterEach(async () => {
  await page.close();
  expect(pageErrors.splice(0)).toEqual([]);
});

test('a PM writes an escalation path on a new page: a bad delay is refused beside its field; the saved path reads as a document and dry-runs', async () => {
  const stamp = Date.now();
  const created = await call('/wiki/api/v2/pages', {
    body: { spaceId: LAUNCH_SPACE_ID, status: 'current', title: `Launch escalation ${stamp}` },
    as: PRIYA,
  });
  expect(created.status).toBe(200);
  const pageId = (created.body as { id: string }).id;
  await page.goto(`${site.url}/wiki/spaces/${LAUNCH_SPACE_KEY}/pages/${pageId}?as=priya`);
  await page.getByRole('button', { name: 'Insert Accord Escalation path' }).click();

  const config = page.frameLocator('iframe[title="Accord Escalation path configuration"]');
  await config.getByRole('heading', { name: 'New escalation path' }).waitFor({ timeout: 20_000 });
  await config.getByLabel('Path name').fill(`Blocked pricing work ${stamp}`);
  await config.getByLabel(/^Projects/).fill('LAUNCH');
  await config.getByLabel(/^Statuses \(comma separated\)/).fill('Blocked');
  // The calendar: Berlin time.
  await config.getByLabel(/^Time zone/).fill('Europe/Berlin');
  await config.getByRole('option', { name: 'Europe/Berlin' }).click();
  // A bad value first: the delay is not a number. The problem shows beside the field and nothing is saved.
  await config.getByLabel(/^After/).fill('one');
  await config.getByRole('button', { name: 'Save' }).click();
  const problem = config.getByTestId('problems-level-0-after-problems');
  await expect(problem.textContent({ timeout: 20_000 })).resolves.toBe(
    'Level 1: enter the delay as a whole number of days, e.g. 2.',
  );
  expect(await config.getByLabel(/^After/).getAttribute('aria-describedby')).toBe('level-0-after-problems');
  // The level's default target is the issue's Accountable, with a comment (and a Jira notification).
  expect(await config.getByTestId('level-0').textContent()).toContain("The issue's Accountable");
  await config.getByLabel(/^After/).fill('1');
  await problem.waitFor({ state: 'detached' });
  await config.getByRole('button', { name: 'Save' }).click();

  // The host writes the macro into the page as Priya and reloads it: the path reads as a document.
  await page.waitForEvent('load', { timeout: 20_000 });
  const macro = page.frameLocator('iframe[title="Accord Escalation path macro"]');
  const document = macro.getByTestId('path-document');
  await expect(document.textContent({ timeout: 20_000 })).resolves.toContain('When an issue in LAUNCH');
  const text = (await document.textContent())!;
  expect(text).toContain('Blocked');
  expect(text).toContain('Level 1');
  expect(text).toContain("the issue's Accountable");
  expect(await macro.getByTestId('path-state').textContent()).toBe('Draft');

  // A day and a minute later (Wednesday 10:01 Berlin) level 1 is due for LAUNCH-3: the dry run lists it, for Erik.
  await call('/forge/clock', { body: { set: '2027-03-10T09:01:00Z' } });
  await macro.getByRole('button', { name: 'Dry run' }).click();
  const dry = macro.getByTestId('dry-run');
  await dry.waitFor({ timeout: 20_000 });
  const row = dry.locator('tbody tr', { hasText: 'LAUNCH-3' });
  await row.waitFor({ timeout: 20_000 });
  expect(await row.textContent()).toContain('1 (Team lead)');
  expect(await row.textContent()).toContain('Erik Lindqvist');
  // A dry run acts on nothing.
  expect(await escalationComments('LAUNCH-3')).toEqual([]);
});

test('the demo path fires level 1 for Erik after a business day; Erik acknowledges in the Roles panel and the ladder stops', async () => {
  // Wednesday 10 March 10:01 Berlin: the hourly sweep fires level 1 of the seeded path.
  await call('/forge/clock', { body: { set: '2027-03-10T09:01:00Z' } });
  await sweep();
  const fired = await escalationComments('LAUNCH-3');
  expect(fired).toHaveLength(1);
  expect(fired[0]!.text).toContain('Escalation level 1 of 2');
  expect(fired[0]!.mentions).toEqual([ERIK]);

  // Priya sees the state in the Roles panel's Escalation tab: level 1 fired, no Acknowledge for her.
  await page.goto(`${site.url}/jira/browse/LAUNCH-3?as=priya`);
  let panel = page.frameLocator('iframe[title="Roles panel"]');
  await panel.getByTestId('escalation-tab').click({ timeout: 30_000 });
  let content = panel.getByTestId('escalation-tab-content');
  await content.waitFor({ timeout: 20_000 });
  const levels = content.getByRole('list', { name: 'Levels of Blocked launch work' });
  await expect(levels.textContent()).resolves.toMatch(/Level 1 \(Accountable\): fired/);
  expect(await levels.textContent()).toMatch(/Level 2 \(Epic owner and brief owner\): due/);
  expect(await content.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);

  // Erik, level 1's target, opens the issue and acknowledges.
  await page.goto(`${site.url}/jira/browse/LAUNCH-3?as=erik`);
  panel = page.frameLocator('iframe[title="Roles panel"]');
  await panel.getByTestId('escalation-tab').click({ timeout: 30_000 });
  content = panel.getByTestId('escalation-tab-content');
  await content.getByRole('button', { name: 'Acknowledge' }).click({ timeout: 20_000 });
  await content.getByText('No open escalation on this issue.').waitFor({ timeout: 20_000 });
  expect(await content.textContent()).toContain('Acknowledged');
  expect((await call('/rest/api/3/issue/LAUNCH-3/properties/accord-escalation')).status).toBe(404);

  // Level 2 would have been due on Friday: a week later the ladder has stopped, and nothing else was posted.
  await call('/forge/clock', { body: { set: '2027-03-17T09:00:00Z' } });
  await sweep();
  expect(await escalationComments('LAUNCH-3')).toHaveLength(1);
});
