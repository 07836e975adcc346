import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, type Site } from '../local/site';
import { PEOPLE } from '../local/seed/people';
import { launchBlockedDocument } from './support/escalation-path-fakes';

/** Escalation Path storage on the local site: page permissions as the user, forged pages, revisions, admin rules. */
jest.setTimeout(60_000);

const PAGE = '98307';
const { priya, erik, grace, fatima } = PEOPLE;
let site: Site;

beforeAll(async () => {
  site = await createSite({ dataDir: mkdtempSync(join(tmpdir(), 'accord-esc-path-')), port: 0 });
});
afterAll(async () => site.close());

async function invoke(functionKey: string, call: string, payload: unknown, as: string, pageId?: string) {
  const res = await fetch(`${site.url}/forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      functionKey,
      call,
      payload,
      context: {
        accountId: as,
        extension: pageId ? { type: 'macro', content: { id: pageId, type: 'page' } } : {},
      },
    }),
  });
  return (await res.json()) as {
    ok: boolean;
    data?: any;
    error?: { code: string; message: string; details?: any };
  };
}
const macro = (call: string, payload: unknown, as: string, pageId = PAGE) =>
  invoke('macro-resolver', call, payload, as, pageId);
const admin = (call: string, payload: unknown, as: string) => invoke('admin-resolver', call, payload, as);
const writes = () => site.services.kvs.counts().writes;

describe('escalation/path-save and path-get through the macro', () => {
  let pathId: string;

  it('a PM who can edit the page creates a path; the page comes from the context', async () => {
    const saved = await macro(
      'escalation/path-save',
      { revision: 0, enabled: true, path: launchBlockedDocument() },
      priya.accountId,
    );
    expect(saved).toMatchObject({
      ok: true,
      data: { revision: 1, enabled: true, pageId: PAGE, ownerAccountId: priya.accountId, canEdit: true },
    });
    pathId = saved.data.pathId;
    expect(pathId).toMatch(/^path-/);
    const read = await macro('escalation/path-get', { pathId }, grace.accountId);
    expect(read).toMatchObject({ ok: true, data: { pathId, canEdit: false } });
    expect(read.data.description.text).toContain('When an issue in LAUNCH is Blocked');
  });

  it('someone who cannot view the page (Fatima) cannot read it', async () => {
    const read = await macro('escalation/path-get', { pathId }, fatima.accountId);
    expect(read.error?.code).toBe('FORBIDDEN');
  });

  it('a viewer (Grace) cannot save; nothing is written', async () => {
    const before = writes();
    const refused = await macro(
      'escalation/path-save',
      { pathId, revision: 1, enabled: false, path: launchBlockedDocument() },
      grace.accountId,
    );
    expect(refused.error?.code).toBe('FORBIDDEN');
    expect(writes()).toBe(before);
  });

  it('the same path from another page the PM can edit is NOT_FOUND (a forged page changes nothing)', async () => {
    const before = writes();
    const forged = await macro(
      'escalation/path-save',
      { pathId, revision: 1, enabled: false, path: launchBlockedDocument() },
      priya.accountId,
      '98308',
    );
    expect(forged.error?.code).toBe('NOT_FOUND');
    expect((await macro('escalation/path-get', { pathId }, priya.accountId, '98308')).error?.code).toBe(
      'NOT_FOUND',
    );
    expect(writes()).toBe(before);
  });

  it('a stale revision is CONFLICT; an invalid document lists its problems; both write nothing', async () => {
    const updated = await macro(
      'escalation/path-save',
      { pathId, revision: 1, enabled: false, path: launchBlockedDocument({ name: 'v2' }) },
      erik.accountId,
    );
    expect(updated).toMatchObject({
      ok: true,
      data: { revision: 2, enabled: false, ownerAccountId: priya.accountId },
    });
    const before = writes();
    const stale = await macro(
      'escalation/path-save',
      { pathId, revision: 1, enabled: true, path: launchBlockedDocument({ name: 'mine' }) },
      priya.accountId,
    );
    expect(stale.error).toMatchObject({ code: 'CONFLICT', details: { currentRevision: 2 } });
    const invalid = await macro(
      'escalation/path-save',
      {
        pathId,
        revision: 2,
        enabled: true,
        path: launchBlockedDocument({
          calendar: { ...launchBlockedDocument().calendar, timeZone: 'Mars/Base' },
        }),
      },
      priya.accountId,
    );
    expect(invalid.error?.code).toBe('INVALID_INPUT');
    expect(invalid.error?.details.problems[0]).toMatchObject({ field: 'calendar.timeZone' });
    const badPayload = await macro(
      'escalation/path-save',
      { pathId: '../x', revision: 2, enabled: true, path: {} },
      priya.accountId,
    );
    expect(badPayload.error?.code).toBe('INVALID_INPUT');
    expect(writes()).toBe(before);
  });
});

describe('the admin page: site default path, list, defaults', () => {
  it('only a Jira admin (Priya) lists paths and saves defaults; Erik is refused', async () => {
    expect((await admin('escalation/paths', {}, erik.accountId)).error?.code).toBe('FORBIDDEN');
    const list = await admin('escalation/paths', {}, priya.accountId);
    expect(list.ok).toBe(true);
    expect(list.data.paths[0]).toMatchObject({ name: 'v2', enabled: false, pageId: PAGE });
    expect(list.data.paths[0].pageUrl).toEqual(expect.any(String));

    const defaults = await admin('escalation/defaults-get', {}, priya.accountId);
    expect(defaults).toMatchObject({ ok: true, data: { revision: 0, sitePathId: null } });
    const calendar = { ...defaults.data.calendar, timeZone: 'Europe/Berlin', holidays: { country: 'DE' } };
    expect(
      (await admin('escalation/defaults-save', { calendar, revision: 0 }, erik.accountId)).error?.code,
    ).toBe('FORBIDDEN');
    const saved = await admin('escalation/defaults-save', { calendar, revision: 0 }, priya.accountId);
    expect(saved).toMatchObject({ ok: true, data: { revision: 1, calendar: { timeZone: 'Europe/Berlin' } } });
  });

  it('the site default path has no page and is saved by an admin only', async () => {
    const refused = await admin(
      'escalation/path-save',
      { revision: 0, enabled: true, path: launchBlockedDocument() },
      erik.accountId,
    );
    expect(refused.error?.code).toBe('FORBIDDEN');
    const saved = await admin(
      'escalation/path-save',
      { revision: 0, enabled: true, path: launchBlockedDocument({ name: 'Site default' }) },
      priya.accountId,
    );
    expect(saved).toMatchObject({ ok: true, data: { pageId: null } });
    expect((await admin('escalation/defaults-get', {}, priya.accountId)).data.sitePathId).toBe(
      saved.data.pathId,
    );
    expect(
      (await macro('escalation/path-get', { pathId: saved.data.pathId }, priya.accountId)).error?.code,
    ).toBe('NOT_FOUND');
  });
});
