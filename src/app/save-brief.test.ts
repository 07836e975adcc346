import { saveBrief } from './save-brief';
import { getBrief } from './get-brief';
import { AppError } from './errors';
import type { Brief } from '../domain/brief/brief';
import {
  fixedClock,
  memoryDocumentStore,
  memoryRecordStore,
  sequentialIds,
  wikiWith,
} from '../../test/support/in-memory-ports';
import type { InitiativeRecord, IssueActions } from './ports';

const noJira: IssueActions = {
  permissions: async () => null,
  setProperty: async () => undefined,
  deleteProperty: async () => undefined,
  addComment: async () => ({ id: '1' }),
  notify: async () => undefined,
};

const PAGE = '1001';
const setup = (access: 'edit' | 'view' | 'none' = 'edit') => {
  const briefs = memoryDocumentStore<Brief>();
  const deps = {
    briefs,
    wiki: wikiWith({ [PAGE]: access }),
    clock: fixedClock('2026-11-27T10:00:00Z'),
    ids: sequentialIds(),
    initiatives: memoryRecordStore<InitiativeRecord>(),
    actions: noJira,
  };
  return { briefs, deps };
};
const draft = {
  revision: 0,
  title: 'Feature X launch',
  problem: 'Onboarding takes a week.',
  status: 'draft' as const,
};
const code = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : `unexpected ${String(e)}`),
  );

describe('saveBrief / getBrief', () => {
  it('creates a brief at revision 1 owned by its author and reads it back on its page', async () => {
    const { deps } = setup();
    const saved = await saveBrief(deps, { ...draft, pageId: PAGE, accountId: 'acc-pm' });
    expect(saved).toMatchObject({
      id: 'brief-1',
      revision: 1,
      ownerAccountId: 'acc-pm',
      title: 'Feature X launch',
      updatedAt: '2026-11-27T10:00:00.000Z',
    });
    await expect(getBrief(deps, { briefId: 'brief-1', pageId: PAGE })).resolves.toEqual(saved);
  });

  it('updates with the revision it was based on and keeps the original owner', async () => {
    const { deps } = setup();
    await saveBrief(deps, { ...draft, pageId: PAGE, accountId: 'acc-pm' });
    const updated = await saveBrief(deps, {
      ...draft,
      briefId: 'brief-1',
      revision: 1,
      title: 'Renamed',
      pageId: PAGE,
      accountId: 'acc-eng',
    });
    expect(updated).toMatchObject({ revision: 2, title: 'Renamed', ownerAccountId: 'acc-pm' });
  });

  it('refuses a stale revision with CONFLICT and keeps the newer text', async () => {
    const { deps, briefs } = setup();
    await saveBrief(deps, { ...draft, pageId: PAGE, accountId: 'a' });
    await saveBrief(deps, {
      ...draft,
      briefId: 'brief-1',
      revision: 1,
      title: 'First editor',
      pageId: PAGE,
      accountId: 'a',
    });
    expect(
      await code(
        saveBrief(deps, {
          ...draft,
          briefId: 'brief-1',
          revision: 1,
          title: 'Stale editor',
          pageId: PAGE,
          accountId: 'b',
        }),
      ),
    ).toBe('CONFLICT');
    expect(briefs.data.get('brief-1')?.value.title).toBe('First editor');
  });

  it.each([
    ['a viewer', 'view', 'FORBIDDEN'],
    ['someone who cannot see the page', 'none', 'FORBIDDEN'],
  ] as const)('refuses %s and writes nothing', async (_who, access, expected) => {
    const { deps, briefs } = setup(access);
    expect(await code(saveBrief(deps, { ...draft, pageId: PAGE, accountId: 'a' }))).toBe(expected);
    expect(briefs.data.size).toBe(0);
  });

  it.each([
    ['an empty title', { title: '   ' }],
    ['an oversize title', { title: 'x'.repeat(201) }],
    ['an oversize problem section', { problem: 'x'.repeat(20_001) }],
    ['a new brief not at revision 0', { revision: 3 }],
  ])('refuses %s with INVALID_INPUT and writes nothing', async (_what, change) => {
    const { deps, briefs } = setup();
    expect(await code(saveBrief(deps, { ...draft, ...change, pageId: PAGE, accountId: 'a' }))).toBe(
      'INVALID_INPUT',
    );
    expect(briefs.data.size).toBe(0);
  });

  it('does not let a macro on another page read or overwrite a brief (forged id)', async () => {
    const { deps } = setup();
    await saveBrief(deps, { ...draft, pageId: PAGE, accountId: 'a' });
    const other = { ...deps, wiki: wikiWith({ [PAGE]: 'edit', '2002': 'edit' }) };
    expect(await code(getBrief(other, { briefId: 'brief-1', pageId: '2002' }))).toBe('NOT_FOUND');
    expect(
      await code(
        saveBrief(other, { ...draft, briefId: 'brief-1', revision: 1, pageId: '2002', accountId: 'a' }),
      ),
    ).toBe('NOT_FOUND');
  });
});
