import { getPath, getSitePath } from '../src/app/escalation-paths/get-path';
import { savePath } from '../src/app/escalation-paths/save-path';
import { listPaths } from '../src/app/escalation-paths/list-paths';
import {
  BUILT_IN_CALENDAR,
  getEscalationDefaults,
  saveEscalationDefaults,
} from '../src/app/escalation-paths/escalation-defaults';
import { escalationPathToAdf } from '../src/app/escalation-paths/path-adf';
import { AppError } from '../src/app/errors';
import type { EscalationDefaultsRecord } from '../src/app/escalation-ports';
import { adfNodesOfType, adfPlainText, adfSchemaErrors } from '../src/domain/brief/__fixtures__/adf-schema';
import { fixedClock, memoryDocumentStore, sequentialIds, wikiWith } from './support/in-memory-ports';
import {
  ERIK,
  PRIYA,
  adminIs,
  launchBlockedDocument,
  memoryPathStore,
  pageDirectoryWith,
  projectRightsIn,
} from './support/escalation-path-fakes';

const PAGE = '98307';
const OTHER_PAGE = '98308';

function setup() {
  const paths = memoryPathStore();
  const clock = fixedClock('2026-11-20T10:00:00.000Z');
  const deps = { paths, clock, ids: sequentialIds() };
  // By default the caller may edit and comment in LAUNCH (the project the sample path names), and is no admin.
  const page = (
    access: 'none' | 'view' | 'edit',
    pageId = PAGE,
    jira = projectRightsIn(['LAUNCH']),
    admin = adminIs(false),
  ) => ({
    kind: 'page' as const,
    pageId,
    wiki: wikiWith({ [pageId]: access }),
    jira,
    admin,
  });
  return { paths, clock, deps, page };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('savePath on a page', () => {
  it('enabling a path needs edit and comment rights in its projects, or Jira admin for a JQL-only scope', async () => {
    const { deps, page, paths } = setup();
    const save = (place: ReturnType<typeof page>, enabled: boolean, scope = launchBlockedDocument().scope) =>
      savePath(deps, place, {
        revision: 0,
        enabled,
        path: { ...launchBlockedDocument(), scope },
        accountId: ERIK,
      });
    const noRights = projectRightsIn([]);
    const refused = await rejection(save(page('edit', PAGE, noRights), true));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/You cannot edit and comment on issues in LAUNCH/);
    expect(noRights.asked).toEqual([['LAUNCH', 'EDIT_ISSUES', 'ADD_COMMENTS']]);
    const jqlOnly = { projects: [], jql: 'labels = launch' };
    expect((await rejection(save(page('edit'), true, jqlOnly))).message).toMatch(/only a Jira administrator/);
    expect(paths.writes).toBe(0);
    // A draft needs only the page; an admin may enable a JQL-only scope.
    expect((await save(page('edit', PAGE, noRights), false)).enabled).toBe(false);
    expect((await save(page('edit', PAGE, noRights, adminIs(true)), true, jqlOnly)).enabled).toBe(true);
  });

  it('creates a path with an app id, the caller as owner, and the page from the context', async () => {
    const { deps, page, paths } = setup();
    const view = await savePath(deps, page('edit'), {
      revision: 0,
      enabled: true,
      path: launchBlockedDocument(),
      accountId: PRIYA,
    });
    expect(view).toMatchObject({
      pathId: 'path-1',
      revision: 1,
      enabled: true,
      pageId: PAGE,
      ownerAccountId: PRIYA,
      canEdit: true,
      updatedAt: '2026-11-20T10:00:00.000Z',
    });
    expect(view.path.id).toBe('path-1');
    expect(view.description.text).toContain('When an issue in LAUNCH is Blocked');
    expect(view.description.text).toContain(
      "Level 1 (Team lead) after 1 business day → the issue's Accountable",
    );
    expect(paths.data.get('path-1')?.value.path.calendar.holidays).toEqual({ country: 'DE', region: 'BE' });
  });

  it('an id in the document is ignored: the app names the path', async () => {
    const { deps, page } = setup();
    const view = await savePath(deps, page('edit'), {
      revision: 0,
      enabled: false,
      path: { ...launchBlockedDocument(), id: 'path-forged' } as never,
      accountId: PRIYA,
    });
    expect(view.pathId).toBe('path-1');
    expect(view.path.id).toBe('path-1');
  });

  it('refuses an invalid document with each problem and its field, writing nothing', async () => {
    const { deps, page, paths } = setup();
    const error = await rejection(
      savePath(deps, page('edit'), {
        revision: 0,
        enabled: true,
        path: launchBlockedDocument({
          name: ' ',
          levels: [
            {
              name: 'L1',
              after: 'P2D',
              targets: [{ kind: 'role', role: 'issue-accountable' }],
              actions: ['comment'],
            },
            {
              name: 'L2',
              after: 'P1D',
              targets: [{ kind: 'group', name: 'directors' }],
              actions: ['notify'],
            },
          ],
        }),
        accountId: PRIYA,
      }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    const { problems } = error.details as { problems: Array<{ field: string; message: string }> };
    expect(problems.map((p) => p.field)).toEqual(['name']);
    expect(error.message).toContain('Enter a name for the path.');
    expect(paths.writes).toBe(0);

    const later = await rejection(
      savePath(deps, page('edit'), {
        revision: 0,
        enabled: true,
        path: launchBlockedDocument({
          levels: [
            {
              name: 'L1',
              after: 'P2D',
              targets: [{ kind: 'role', role: 'issue-accountable' }],
              actions: ['comment'],
            },
            {
              name: 'L2',
              after: 'P1D',
              targets: [{ kind: 'group', name: 'directors' }],
              actions: ['notify'],
            },
          ],
        }),
        accountId: PRIYA,
      }),
    );
    expect((later.details as { problems: Array<{ field: string }> }).problems).toEqual([
      expect.objectContaining({
        field: 'levels.1.after',
        message: expect.stringContaining('Level 2 must come later'),
      }),
    ]);
    expect(paths.writes).toBe(0);
  });

  it('refuses a person who can only view the page', async () => {
    const { deps, page, paths } = setup();
    const error = await rejection(
      savePath(deps, page('view'), {
        revision: 0,
        enabled: true,
        path: launchBlockedDocument(),
        accountId: PRIYA,
      }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/edit this page/);
    expect(paths.writes).toBe(0);
  });

  it('updates with the revision it was based on, keeps the owner, and refuses a stale revision', async () => {
    const { deps, page, paths, clock } = setup();
    await savePath(deps, page('edit'), {
      revision: 0,
      enabled: false,
      path: launchBlockedDocument(),
      accountId: PRIYA,
    });
    clock.set('2026-11-21T10:00:00.000Z');
    const updated = await savePath(deps, page('edit'), {
      pathId: 'path-1',
      revision: 1,
      enabled: true,
      path: launchBlockedDocument({ name: 'Blocked launch work (v2)' }),
      accountId: ERIK,
    });
    expect(updated).toMatchObject({ revision: 2, enabled: true, ownerAccountId: PRIYA });
    expect(updated.updatedAt).toBe('2026-11-21T10:00:00.000Z');
    const stale = await rejection(
      savePath(deps, page('edit'), {
        pathId: 'path-1',
        revision: 1,
        enabled: true,
        path: launchBlockedDocument({ name: 'Mine' }),
        accountId: ERIK,
      }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(stale.details).toEqual({ currentRevision: 2 });
    expect(paths.data.get('path-1')?.value.path.name).toBe('Blocked launch work (v2)');
  });

  it('an unchanged save writes nothing', async () => {
    const { deps, page, paths } = setup();
    await savePath(deps, page('edit'), {
      revision: 0,
      enabled: true,
      path: launchBlockedDocument(),
      accountId: PRIYA,
    });
    const again = await savePath(deps, page('edit'), {
      pathId: 'path-1',
      revision: 1,
      enabled: true,
      path: launchBlockedDocument(),
      accountId: PRIYA,
    });
    expect(again.revision).toBe(1);
    expect(paths.writes).toBe(1);
  });

  it('a path of page A cannot be saved from page B, nor can the site path', async () => {
    const { deps, page, paths } = setup();
    await savePath(deps, page('edit'), {
      revision: 0,
      enabled: true,
      path: launchBlockedDocument(),
      accountId: PRIYA,
    });
    const error = await rejection(
      savePath(deps, page('edit', OTHER_PAGE), {
        pathId: 'path-1',
        revision: 1,
        enabled: false,
        path: launchBlockedDocument(),
        accountId: PRIYA,
      }),
    );
    expect(error.code).toBe('NOT_FOUND');
    expect(paths.data.get('path-1')?.value).toMatchObject({ pageId: PAGE, enabled: true });
  });

  it('a new path must start at revision 0', async () => {
    const { deps, page } = setup();
    const error = await rejection(
      savePath(deps, page('edit'), {
        revision: 3,
        enabled: true,
        path: launchBlockedDocument(),
        accountId: PRIYA,
      }),
    );
    expect(error.code).toBe('INVALID_INPUT');
  });
});

describe('getPath', () => {
  it('shows the path to a viewer of its page, with canEdit from their access', async () => {
    const { deps, page, paths } = setup();
    await savePath(deps, page('edit'), {
      revision: 0,
      enabled: true,
      path: launchBlockedDocument(),
      accountId: PRIYA,
    });
    const asViewer = await getPath(
      { paths, wiki: wikiWith({ [PAGE]: 'view' }) },
      { pathId: 'path-1', pageId: PAGE },
    );
    expect(asViewer).toMatchObject({ pathId: 'path-1', canEdit: false, enabled: true });
    const asEditor = await getPath(
      { paths, wiki: wikiWith({ [PAGE]: 'edit' }) },
      { pathId: 'path-1', pageId: PAGE },
    );
    expect(asEditor.canEdit).toBe(true);
  });

  it('refuses someone who cannot view the page, and a path of another page', async () => {
    const { deps, page, paths } = setup();
    await savePath(deps, page('edit'), {
      revision: 0,
      enabled: true,
      path: launchBlockedDocument(),
      accountId: PRIYA,
    });
    const hidden = await rejection(
      getPath({ paths, wiki: wikiWith({}) }, { pathId: 'path-1', pageId: PAGE }),
    );
    expect(hidden.code).toBe('FORBIDDEN');
    const elsewhere = await rejection(
      getPath({ paths, wiki: wikiWith({ [OTHER_PAGE]: 'edit' }) }, { pathId: 'path-1', pageId: OTHER_PAGE }),
    );
    expect(elsewhere.code).toBe('NOT_FOUND');
  });
});

describe('the site default path, the list and the defaults (Jira administrators)', () => {
  const siteDeps = () => {
    const s = setup();
    const defaults = memoryDocumentStore<EscalationDefaultsRecord>();
    return { ...s, defaults };
  };

  it('an admin saves the site path (no page); the defaults remember it; a non-admin is refused', async () => {
    const { deps, defaults, paths } = siteDeps();
    const refused = await rejection(
      savePath(
        deps,
        { kind: 'site', admin: adminIs(false), defaults },
        {
          revision: 0,
          enabled: true,
          path: launchBlockedDocument(),
          accountId: ERIK,
        },
      ),
    );
    expect(refused.code).toBe('FORBIDDEN');
    expect(paths.writes).toBe(0);
    const view = await savePath(
      deps,
      { kind: 'site', admin: adminIs(true), defaults },
      {
        revision: 0,
        enabled: true,
        path: launchBlockedDocument(),
        accountId: PRIYA,
      },
    );
    expect(view.pageId).toBeNull();
    expect((await getEscalationDefaults({ defaults, admin: adminIs(true) })).sitePathId).toBe(view.pathId);
    expect((await getSitePath({ paths, admin: adminIs(true) }, { pathId: view.pathId })).pathId).toBe(
      view.pathId,
    );
    expect(
      (await rejection(getSitePath({ paths, admin: adminIs(false) }, { pathId: view.pathId }))).code,
    ).toBe('FORBIDDEN');
  });

  it('the site path cannot be reached from a page, nor a page path from the admin page', async () => {
    const { deps, defaults, page, paths } = siteDeps();
    const site = await savePath(
      deps,
      { kind: 'site', admin: adminIs(true), defaults },
      {
        revision: 0,
        enabled: true,
        path: launchBlockedDocument(),
        accountId: PRIYA,
      },
    );
    expect(
      (
        await rejection(
          getPath({ paths, wiki: wikiWith({ [PAGE]: 'edit' }) }, { pathId: site.pathId, pageId: PAGE }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    const onPage = await savePath(deps, page('edit'), {
      revision: 0,
      enabled: true,
      path: launchBlockedDocument(),
      accountId: PRIYA,
    });
    expect(
      (await rejection(getSitePath({ paths, admin: adminIs(true) }, { pathId: onPage.pathId }))).code,
    ).toBe('NOT_FOUND');
  });

  it('lists every path newest first with page links the admin may open', async () => {
    const { deps, page, paths, clock } = siteDeps();
    await savePath(deps, page('edit'), {
      revision: 0,
      enabled: true,
      path: launchBlockedDocument(),
      accountId: PRIYA,
    });
    clock.set('2026-11-22T10:00:00.000Z');
    await savePath(deps, page('edit', OTHER_PAGE), {
      revision: 0,
      enabled: false,
      path: launchBlockedDocument({ name: 'Draft' }),
      accountId: ERIK,
    });
    const pages = pageDirectoryWith([PAGE]);
    const list = await listPaths({ paths, admin: adminIs(true), pages });
    expect(list.paths).toEqual([
      expect.objectContaining({
        pathId: 'path-2',
        name: 'Draft',
        enabled: false,
        pageId: OTHER_PAGE,
        pageUrl: null,
      }),
      expect.objectContaining({
        pathId: 'path-1',
        enabled: true,
        pageUrl: `/wiki/spaces/S/pages/${PAGE}`,
        ownerAccountId: PRIYA,
      }),
    ]);
    expect(pages.calls).toEqual([[OTHER_PAGE, PAGE]]);
    expect((await rejection(listPaths({ paths, admin: adminIs(false), pages }))).code).toBe('FORBIDDEN');
  });

  it('defaults: built-in until saved; validated; admin only; stale revision is CONFLICT; unchanged writes nothing', async () => {
    const defaults = memoryDocumentStore<EscalationDefaultsRecord>();
    const deps = { defaults, admin: adminIs(true) };
    expect(await getEscalationDefaults(deps)).toEqual({
      calendar: BUILT_IN_CALENDAR,
      sitePathId: null,
      revision: 0,
    });
    const bad = await rejection(
      saveEscalationDefaults(deps, {
        calendar: { ...BUILT_IN_CALENDAR, timeZone: 'Mars/Olympus' },
        revision: 0,
      }),
    );
    expect(bad.code).toBe('INVALID_INPUT');
    expect((bad.details as { problems: Array<{ field: string }> }).problems[0]?.field).toBe(
      'calendar.timeZone',
    );
    expect(defaults.data.size).toBe(0);
    const berlin = { ...BUILT_IN_CALENDAR, timeZone: 'Europe/Berlin', holidays: { country: 'de' } };
    const saved = await saveEscalationDefaults(deps, { calendar: berlin, revision: 0 });
    expect(saved).toMatchObject({
      revision: 1,
      calendar: { timeZone: 'Europe/Berlin', holidays: { country: 'DE' } },
    });
    const again = await saveEscalationDefaults(deps, { calendar: berlin, revision: 1 });
    expect(again.revision).toBe(1);
    expect(
      (await rejection(saveEscalationDefaults(deps, { calendar: BUILT_IN_CALENDAR, revision: 0 }))).code,
    ).toBe('CONFLICT');
    expect(
      (
        await rejection(
          saveEscalationDefaults(
            { defaults, admin: adminIs(false) },
            { calendar: BUILT_IN_CALENDAR, revision: 1 },
          ),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });
});

describe('escalationPathToAdf (PDF and Word export)', () => {
  it('is valid ADF that reads like the macro, with people as mentions', async () => {
    const { deps, page, paths } = setup();
    await savePath(deps, page('edit'), {
      revision: 0,
      enabled: true,
      path: launchBlockedDocument(),
      accountId: PRIYA,
    });
    const adf = escalationPathToAdf(paths.data.get('path-1')?.value);
    expect(adfSchemaErrors(adf)).toEqual([]);
    const plain = adfPlainText(adf);
    expect(plain).toContain('When an issue in LAUNCH is Blocked');
    expect(plain).toContain(
      "Level 1 (Team lead) after 1 business day → the issue's Accountable · comment + notify",
    );
    expect(plain).toContain('the group directors');
    expect(adfNodesOfType(adf, 'mention').map((m) => (m as { attrs: { id: string } }).attrs.id)).toEqual([
      ERIK,
    ]);
    expect(adfSchemaErrors(escalationPathToAdf(undefined))).toEqual([]);
  });
});
