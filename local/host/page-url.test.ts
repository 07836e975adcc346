/**
 * A contentView target by page id alone (the Roles panel's "Part of brief", its decisions — opened from a Jira
 * issue view, where there is no current space): the site finds the page's space as the viewer and redirects.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, type Site } from '../site';
import { LAUNCH_BRIEF_PAGE_ID } from '../seed/confluence-seed';
import { CONTENT_VIEW_PATH } from './page-url';

jest.setTimeout(60_000);

let site: Site;
beforeAll(async () => {
  site = await createSite({ dataDir: mkdtempSync(join(tmpdir(), 'accord-page-url-')), port: 0 });
});
afterAll(async () => site.close());

const open = (query: string) => fetch(`${site.url}${CONTENT_VIEW_PATH}?${query}`, { redirect: 'manual' });

test('redirects a page id to /wiki/spaces/<its space>/pages/<id>, keeping the viewer', async () => {
  const res = await open(`pageId=${LAUNCH_BRIEF_PAGE_ID}&as=erik`);
  expect(res.status).toBe(302);
  expect(res.headers.get('location')).toBe(`/wiki/spaces/LAUNCH/pages/${LAUNCH_BRIEF_PAGE_ID}?as=erik`);
  const page = await fetch(site.url + (res.headers.get('location') ?? ''));
  expect(page.status).toBe(200);
});

test('a page the viewer cannot see, an unknown page and a malformed id are a 404 page, not a redirect', async () => {
  // Fatima cannot view the LAUNCH space: the host must not reveal which space the page is in.
  const hidden = await open(`pageId=${LAUNCH_BRIEF_PAGE_ID}&as=fatima`);
  expect(hidden.status).toBe(404);
  expect(hidden.headers.get('location')).toBeNull();
  expect(await hidden.text()).toMatch(/does not have permission to see it/);
  expect((await open('pageId=99999999&as=priya')).status).toBe(404);
  expect((await open('pageId=..%2F..%2Fetc&as=priya')).status).toBe(404);
});

test('the host page script sends contentView targets of other pages through the resolver', async () => {
  const script = await (await fetch(`${site.url}/host/host-page.js`)).text();
  expect(script).toContain(`'${CONTENT_VIEW_PATH}?pageId='`);
});
