import { fireEvent, render, screen, within } from '@testing-library/react';
import type { InitiativeStatus } from '../../../src/shared/progress';
import type { Person } from './people';
import { InitiativesTable, NO_INITIATIVES_TITLE } from './initiatives-table';
import {
  baselineForecastText,
  filterInitiatives,
  initiativesCsv,
  initiativeOwnerOptions,
  sortInitiatives,
} from './initiatives-view';

const PRIYA = '712020:priya';
const ERIK = '712020:erik';
const status = (briefId: string, over: Partial<InitiativeStatus>): InitiativeStatus => ({
  briefId,
  title: briefId,
  ownerAccountId: PRIYA,
  pageId: '100',
  rag: 'green',
  reason: `Green: ${briefId} is on track`,
  percentDone: 50,
  counts: { todo: 1, inProgress: 0, done: 1, total: 2 },
  blocked: 0,
  blockedTooLong: 0,
  overdue: 0,
  escalationsByLevel: {},
  decisionsAwaiting: 0,
  figures: [
    { key: 'done', label: 'Done', value: 1, jql: `(${briefId}) AND statusCategory = Done` },
    { key: 'blocked', label: 'Blocked', value: 0, jql: `(${briefId}) AND status = Blocked` },
  ],
  scopeJql: `parent = ${briefId}`,
  asOf: '2026-01-10T09:58:00.000Z',
  ...over,
});
const items = [
  status('vendor', {
    title: 'Vendor migration',
    percentDone: 88,
    baseline: '2026-11-30',
    forecast: '2026-11-28',
    slipDays: -2,
  }),
  status('launch', {
    title: 'Feature X launch',
    ownerAccountId: ERIK,
    rag: 'red',
    reason: 'Red: forecast 9 days after baseline; 2 items blocked > 2 business days',
    percentDone: 62,
    blocked: 2,
    baseline: '2026-12-12',
    forecast: '2026-12-21',
    slipDays: 9,
    escalationsByLevel: { '2': 1 },
    decisionsAwaiting: 1,
    figures: [
      { key: 'done', label: 'Done', value: 5, jql: 'project = LAUNCH AND statusCategory = Done' },
      { key: 'blocked', label: 'Blocked', value: 2, jql: 'project = LAUNCH AND status = Blocked' },
      {
        key: 'decisions',
        label: 'Decisions waiting',
        value: 1,
        jql: 'issuetype = Decision AND status != Done',
      },
    ],
    trend: [
      { date: '2026-01-08', total: 10, done: 4 },
      { date: '2026-01-09', total: 10, done: 6 },
    ],
  }),
  status('legal', { title: '=Legal review', rag: 'amber', reason: 'Amber: baseline moved', percentDone: 10 }),
];
const people = new Map<string, Person>([
  [PRIYA, { accountId: PRIYA, displayName: 'Priya Raman' }],
  [ERIK, { accountId: ERIK, displayName: 'Erik Lindqvist' }],
]);
const now = new Date('2026-01-10T10:00:00.000Z');

describe('initiatives-view', () => {
  test.each([
    ['rag', 'DESC', ['launch', 'legal', 'vendor']],
    ['title', 'ASC', ['legal', 'launch', 'vendor']],
    ['percent', 'DESC', ['vendor', 'launch', 'legal']],
    ['forecast', 'DESC', ['launch', 'legal', 'vendor']],
    ['blocked', 'DESC', ['launch', 'legal', 'vendor']],
    ['escalations', 'DESC', ['launch', 'legal', 'vendor']],
    ['decisions', 'ASC', ['legal', 'vendor', 'launch']],
  ] as const)('sorts by %s %s', (key, order, ids) => {
    expect(sortInitiatives(items, key, order).map((i) => i.briefId)).toEqual(ids);
  });

  test('filters by owner and by RAG', () => {
    expect(filterInitiatives(items, { owner: ERIK }).map((i) => i.briefId)).toEqual(['launch']);
    expect(filterInitiatives(items, { rag: 'amber' }).map((i) => i.briefId)).toEqual(['legal']);
    expect(filterInitiatives(items, { owner: ERIK, rag: 'green' })).toEqual([]);
    expect(initiativeOwnerOptions(items, people)).toEqual([
      { value: ERIK, label: 'Erik Lindqvist' },
      { value: PRIYA, label: 'Priya Raman' },
    ]);
  });

  test('baseline → forecast shows the slip in days', () => {
    expect(baselineForecastText(items[1]!)).toBe('12 Dec → 21 Dec (+9d)');
    expect(baselineForecastText(items[0]!)).toBe('30 Nov → 28 Nov (−2d)');
    expect(baselineForecastText(items[2]!)).toBe('No baseline → no forecast');
  });

  test('CSV quotes every cell, defuses formulas and links the scope search', () => {
    const lines = initiativesCsv([items[2]!], people, 'https://acme.atlassian.net').split('\r\n');
    expect(lines[0]).toMatch(/^"RAG","Initiative","Owner","% done"/);
    expect(lines[1]).toContain(`"Amber","'=Legal review","Priya Raman","10"`);
    expect(lines[1]).toContain('"https://acme.atlassian.net/issues/?jql=parent%20%3D%20legal"');
  });
});

describe('InitiativesTable', () => {
  const renderTable = (list: InitiativeStatus[] = items) => {
    const opened: string[] = [];
    const exported: string[][] = [];
    render(
      <InitiativesTable
        initiatives={list}
        people={people}
        asOf="2026-01-10T09:58:00.000Z"
        now={now}
        onOpenSearch={(jql) => opened.push(jql)}
        onExport={(rows) => exported.push(rows.map((r) => r.briefId))}
      />,
    );
    return { opened, exported };
  };
  const order = () =>
    screen.getAllByTestId(/^initiative-(?!reason)/).map((el) => el.getAttribute('data-testid')?.slice(11));

  test('no initiatives: the empty state says how to make one', () => {
    renderTable([]);
    expect(screen.getByTestId('empty-state').textContent).toContain(NO_INITIATIVES_TITLE);
  });

  test('worst first, RAG as word, every reason shown under its row, updated time', () => {
    renderTable();
    expect(order()).toEqual(['launch', 'legal', 'vendor']);
    const launch = screen.getByTestId('initiative-launch');
    expect(within(launch).getByTestId('rag-red').textContent).toContain('Red');
    expect(within(launch).getByText('12 Dec → 21 Dec (+9d)')).toBeTruthy();
    expect(within(launch).getByText('L2: 1')).toBeTruthy();
    expect(screen.getAllByTestId('initiative-reason').map((r) => r.textContent)).toEqual([
      'Red: forecast 9 days after baseline; 2 items blocked > 2 business days',
      'Amber: baseline moved',
      'Green: vendor is on track',
    ]);
    expect(screen.getByTestId('updated-ago').textContent).toBe('Updated 2 minutes ago');
  });

  test('clicking a column header sorts, clicking again reverses', () => {
    renderTable();
    fireEvent.click(screen.getByRole('button', { name: /% done/ }));
    expect(order()).toEqual(['legal', 'launch', 'vendor']);
    fireEvent.click(screen.getByRole('button', { name: /% done/ }));
    expect(order()).toEqual(['vendor', 'launch', 'legal']);
    expect(screen.getByRole('columnheader', { name: /% done/ }).getAttribute('aria-sort')).toBe('descending');
  });

  test('numbers are links carrying the JQL that produced them', () => {
    const { opened } = renderTable();
    const launch = screen.getByTestId('initiative-launch');
    const percent = within(launch).getByRole('link', { name: /62% done/ });
    expect(percent.getAttribute('href')).toBe(
      `/issues/?jql=${encodeURIComponent('project = LAUNCH AND statusCategory = Done')}`,
    );
    fireEvent.click(within(launch).getByRole('link', { name: /2 blocked/ }));
    fireEvent.click(within(launch).getByRole('link', { name: /1 decisions waiting/ }));
    expect(opened).toEqual([
      'project = LAUNCH AND status = Blocked',
      'issuetype = Decision AND status != Done',
    ]);
  });

  test('each escalation level is its own link to the search that finds exactly it', () => {
    const scope = 'project = LAUNCH';
    const level = (n: number) => `accordEscalationLevel = ${n} AND (${scope}) AND statusCategory != Done`;
    const escalated = status('esc', {
      title: 'Escalated',
      escalationsByLevel: { '1': 2, '2': 1 },
      figures: [
        { key: 'escalations', label: 'Open escalations', value: 3, jql: 'accordEscalationLevel >= 1' },
        { key: 'escalations-1', label: 'Open escalations at level 1', value: 2, jql: level(1) },
        { key: 'escalations-2', label: 'Open escalations at level 2', value: 1, jql: level(2) },
      ],
    });
    const { opened } = renderTable([escalated]);
    const row = screen.getByTestId('initiative-esc');
    expect(within(row).getByTestId('escalations-cell').textContent).toBe('L2: 1, L1: 2');
    fireEvent.click(within(row).getByRole('link', { name: /2 open escalations at level 1/ }));
    fireEvent.click(within(row).getByRole('link', { name: /1 open escalations at level 2/ }));
    expect(opened).toEqual([level(1), level(2)]);
  });

  test('export hands over the rows as shown', () => {
    const { exported } = renderTable();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(exported).toEqual([['launch', 'legal', 'vendor']]);
  });

  test('the trend sparkline names what it draws', () => {
    renderTable();
    expect(
      screen.getByRole('img', {
        name: /Trend of Feature X launch: 40% done on 2026-01-08, 60% on 2026-01-09/,
      }),
    ).toBeTruthy();
  });
});

describe('pending DACI decisions in the Decisions cell', () => {
  const GRACE = '712020:grace';
  const pending = status('launch', {
    title: 'Feature X launch',
    decisionsAwaiting: 0,
    pendingDecisions: [
      {
        id: 'decision-launch-privacy',
        question: 'Share customer emails with the ad partner, or run the campaign on aggregated segments?',
        approverAccountId: GRACE,
        dueDate: '2026-01-12',
        overdue: false,
        pageId: '98307',
      },
    ],
    pendingDecisionsTotal: 1,
  });

  test('names the Approver, the question and the due date, and opens the page through the router', () => {
    const pages: string[] = [];
    render(
      <InitiativesTable
        initiatives={[pending]}
        people={new Map([...people, [GRACE, { accountId: GRACE, displayName: 'Grace Miller' }]])}
        asOf="2026-01-10T09:58:00.000Z"
        now={now}
        onOpenSearch={() => undefined}
        onExport={() => undefined}
        onOpenPage={(p) => pages.push(p)}
      />,
    );
    const cell = screen.getByTestId('decisions-cell');
    expect(cell.textContent).toBe('1 awaiting Grace Miller: Share customer emails… (due in 2 days)');
    fireEvent.click(within(cell).getByRole('link', { name: /awaiting Grace Miller/ }));
    expect(pages).toEqual(['/wiki/pages/viewpage.action?pageId=98307']);
  });

  test('sorting and the CSV count Jira decisions plus pending ones', () => {
    const both = { ...pending, decisionsAwaiting: 1 };
    expect(sortInitiatives([both, items[0]!], 'decisions', 'DESC').map((i) => i.briefId)).toEqual([
      'launch',
      'vendor',
    ]);
    expect(sortInitiatives([both, { ...pending, briefId: 'one' }], 'decisions', 'DESC')[0]?.briefId).toBe(
      'launch',
    );
    // Only the pending decision puts 'launch' (0 in Jira, 1 pending) after 'vendor' (0): without it they tie and
    // the title ('Feature X launch') would come first.
    expect(sortInitiatives([pending, items[0]!], 'decisions', 'ASC').map((i) => i.briefId)).toEqual([
      'vendor',
      'launch',
    ]);
    // The CSV's "Decisions waiting" is 1 in Jira + 1 pending.
    const [header, line] = initiativesCsv([both], people, 'https://acme.atlassian.net').split('\r\n');
    expect(header).toContain('"Blocked","Escalations","Decisions waiting","Reason"');
    expect(line).toContain('"0","0","2","Green: launch is on track"');
  });
});
