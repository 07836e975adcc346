import { fireEvent, render, screen, within } from '@testing-library/react';
import type { BriefListItem } from '../../../src/shared/settings';
import type { Person } from './people';
import { BriefsTable, NO_BRIEFS_TITLE } from './briefs-table';
import { briefsCsv, filterBriefs, ownerOptions, sortBriefs } from './briefs-view';

const PRIYA = '712020:priya';
const ERIK = '712020:erik';
const item = (id: string, over: Partial<BriefListItem>): BriefListItem => ({
  id,
  title: id,
  status: 'draft',
  ownerAccountId: PRIYA,
  updatedAt: '2026-01-10T10:00:00.000Z',
  pageId: '100',
  pageUrl: '/wiki/spaces/LAUNCH/pages/100/Brief',
  ...over,
});
const briefs = [
  item('brief-a', { title: 'Vendor migration', status: 'approved', updatedAt: '2026-01-07T10:00:00.000Z' }),
  item('brief-b', { title: 'Feature X launch', status: 'in-review', ownerAccountId: ERIK }),
  item('brief-c', {
    title: '=cmd|calc',
    status: 'draft',
    ownerAccountId: null,
    updatedAt: '2026-01-09T10:00:00.000Z',
  }),
];
const people = new Map<string, Person>([
  [PRIYA, { accountId: PRIYA, displayName: 'Priya Raman' }],
  [ERIK, { accountId: ERIK, displayName: 'Erik Lindqvist' }],
]);
const now = new Date('2026-01-10T10:00:00.000Z');

describe('briefs-view', () => {
  test('filters by owner (including "no owner") and by status', () => {
    expect(filterBriefs(briefs, { owner: ERIK }).map((b) => b.id)).toEqual(['brief-b']);
    expect(filterBriefs(briefs, { owner: 'none' }).map((b) => b.id)).toEqual(['brief-c']);
    expect(filterBriefs(briefs, { status: 'approved' }).map((b) => b.id)).toEqual(['brief-a']);
    expect(filterBriefs(briefs, { owner: PRIYA, status: 'draft' })).toEqual([]);
  });

  test.each([
    ['updated', 'DESC', ['brief-b', 'brief-c', 'brief-a']],
    ['updated', 'ASC', ['brief-a', 'brief-c', 'brief-b']],
    ['title', 'ASC', ['brief-c', 'brief-b', 'brief-a']],
    ['status', 'DESC', ['brief-a', 'brief-b', 'brief-c']],
    ['owner', 'ASC', ['brief-b', 'brief-c', 'brief-a']],
  ] as const)('sorts by %s %s', (key, order, ids) => {
    expect(sortBriefs(briefs, key, order, people).map((b) => b.id)).toEqual(ids);
  });

  test('owner options are the owners in the list, by name', () => {
    expect(ownerOptions(briefs, people)).toEqual([
      { value: ERIK, label: 'Erik Lindqvist' },
      { value: 'none', label: 'No owner' },
      { value: PRIYA, label: 'Priya Raman' },
    ]);
  });

  test('CSV quotes every cell, defuses formulas and makes page links absolute', () => {
    const csv = briefsCsv(briefs.slice(1), people, 'https://acme.atlassian.net');
    expect(csv.split('\r\n')).toEqual([
      '"Title","Status","Owner","Owner account id","Updated","Confluence page"',
      `"Feature X launch","In review","Erik Lindqvist","${ERIK}","2026-01-10T10:00:00.000Z","https://acme.atlassian.net/wiki/spaces/LAUNCH/pages/100/Brief"`,
      `"'=cmd|calc","Draft","No owner","","2026-01-09T10:00:00.000Z","https://acme.atlassian.net/wiki/spaces/LAUNCH/pages/100/Brief"`,
      '',
    ]);
  });
});

describe('BriefsTable', () => {
  const renderTable = (list: BriefListItem[], extra: { truncated?: boolean; peopleError?: string } = {}) => {
    const opened: string[] = [];
    const exported: string[][] = [];
    render(
      <BriefsTable
        briefs={list}
        people={people}
        truncated={extra.truncated ?? false}
        {...(extra.peopleError ? { peopleError: extra.peopleError } : {})}
        now={now}
        onOpenPage={(b) => opened.push(b.id)}
        onExport={(rows) => exported.push(rows.map((r) => r.id))}
      />,
    );
    return { opened, exported };
  };

  test('no briefs: the empty state says how to make one', () => {
    renderTable([]);
    expect(screen.getByTestId('empty-state').textContent).toContain(NO_BRIEFS_TITLE);
    expect(screen.queryByRole('table')).toBeNull();
  });

  test('shows each brief newest first with status, owner, relative time and a page link', () => {
    const { opened } = renderTable(briefs);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^Feature X launchIn review.*Erik Lindqvist.*this minuteOpen page ↗$/),
      expect.stringMatching(/^=cmd\|calcDraft.*No owner.*yesterdayOpen page ↗$/),
      expect.stringMatching(/^Vendor migrationApproved.*Priya Raman.*3 days agoOpen page ↗$/),
    ]);
    fireEvent.click(screen.getByRole('link', { name: 'Open the Confluence page of Vendor migration' }));
    expect(opened).toEqual(['brief-a']);
    expect(screen.getByTestId('briefs-count').textContent).toBe('3 briefs');
  });

  test('export hands over the rows as shown', () => {
    const { exported } = renderTable(briefs);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(exported).toEqual([['brief-b', 'brief-c', 'brief-a']]);
  });

  test('says when the list was truncated and when names could not be loaded', () => {
    renderTable(briefs, { truncated: true, peopleError: 'Owners could not be loaded.' });
    expect(screen.getByTestId('briefs-truncated').textContent).toMatch(/Showing the 3 most recently updated/);
    expect(screen.getByTestId('people-error').textContent).toBe('Owners could not be loaded.');
  });
});
