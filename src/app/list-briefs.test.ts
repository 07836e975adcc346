import { listBriefs } from './list-briefs';
import type { Brief } from '../domain/brief/brief';
import { memoryFeed, pageDirectoryFor } from '../../test/support/pages-fakes';

const brief = (n: number, pageId: string, overrides: Partial<Brief> = {}) => ({
  id: `brief-${n}`,
  value: {
    title: `Brief ${n}`,
    problem: 'Why it matters.',
    ownerAccountId: `owner-${n % 3}`,
    status: 'draft' as const,
    pageId,
    updatedAt: new Date(Date.UTC(2026, 0, 1) - n * 3_600_000).toISOString(),
    ...overrides,
  },
});

describe('listBriefs', () => {
  it('lists, newest first, only the briefs on pages the caller may view, with their page address', async () => {
    const feed = memoryFeed([
      brief(1, '100', { status: 'in-review' }),
      brief(2, '200'),
      brief(3, '100', { status: 'approved' }),
    ]);
    const pages = pageDirectoryFor(['100']);
    const list = await listBriefs({ briefs: feed, pages });
    expect(list).toEqual({
      truncated: false,
      briefs: [
        {
          id: 'brief-1',
          title: 'Brief 1',
          status: 'in-review',
          ownerAccountId: 'owner-1',
          updatedAt: '2025-12-31T23:00:00.000Z',
          pageId: '100',
          pageUrl: '/wiki/spaces/S/pages/100',
        },
        expect.objectContaining({ id: 'brief-3', status: 'approved', pageId: '100' }),
      ],
    });
    // One Confluence call for both pages, each page asked about once.
    expect(pages.calls).toEqual([['100', '200']]);
  });

  it('reads the index page by page and asks Confluence once per batch of pages, not once per brief', async () => {
    const rows = Array.from({ length: 620 }, (_, i) => brief(i, String(1000 + i)));
    const feed = memoryFeed(rows);
    const pages = pageDirectoryFor(
      rows.filter((_, i) => i % 2 === 0).map((r) => r.value.pageId),
      250,
    );
    const list = await listBriefs({ briefs: feed, pages });
    expect(feed.queries).toBe(7); // 620 briefs in pages of 100
    expect(pages.calls.map((c) => c.length)).toEqual([250, 250, 120]);
    expect(list.briefs).toHaveLength(310);
    expect(list.briefs.map((b) => b.id).slice(0, 3)).toEqual(['brief-0', 'brief-2', 'brief-4']);
    expect(list.truncated).toBe(false);
  });

  it('stops at the listing limit and says the list was truncated', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => brief(i, '100'));
    const list = await listBriefs(
      { briefs: memoryFeed(rows), pages: pageDirectoryFor(['100']) },
      { pageSize: 10, maxBriefs: 25, parallel: 2 },
    );
    expect(list.briefs.map((b) => b.id)).toEqual(rows.slice(0, 25).map((r) => r.id));
    expect(list.truncated).toBe(true);
  });

  it('an empty site lists nothing and asks Confluence nothing', async () => {
    const pages = pageDirectoryFor([]);
    expect(await listBriefs({ briefs: memoryFeed<Brief>([]), pages })).toEqual({
      briefs: [],
      truncated: false,
    });
    expect(pages.calls).toEqual([]);
  });

  it('a caller who can view none of the pages gets an empty list', async () => {
    const list = await listBriefs({
      briefs: memoryFeed([brief(1, '100'), brief(2, '200')]),
      pages: pageDirectoryFor([]),
    });
    expect(list.briefs).toEqual([]);
  });
});
