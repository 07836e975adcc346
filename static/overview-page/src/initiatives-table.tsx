/**
 * The executive table: one row per initiative (RAG, title, % done, baseline → forecast, blocked, escalations,
 * decisions waiting, trend) with its reason sentence always shown under it. Sortable by every column,
 * filterable by owner and RAG, every number a link to the Jira search behind it. Pure: the container
 * decides what opening a search and exporting mean (router, Blob).
 */
import { useMemo, useState, type CSSProperties, type MouseEvent, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import Select from '@atlaskit/select';
import SectionMessage from '@atlaskit/section-message';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { InitiativeStatus, Rag } from '../../../src/shared/progress';
import { EmptyState } from '../../common/src/states';
import { relativeTime } from '../../common/src/relative-time';
import { RagLozenge, RAG_WORDS } from '../../common/src/charts/rag-lozenge';
import { Sparkline } from '../../common/src/charts/trend-charts';
import { PendingDecisions } from '../../common/src/initiative-numbers-decisions';
import type { Person } from './people';
import {
  baselineForecastText,
  escalationLinks,
  escalationText,
  filterInitiatives,
  initiativeOwnerOptions,
  jqlFor,
  ownerNameOf,
  searchPath,
  sortInitiatives,
  type InitiativeFilters,
  type InitiativeSortKey,
  type SortOrder,
} from './initiatives-view';

export const NO_INITIATIVES_TITLE = 'No initiatives yet — link a Project Brief to Jira epics or a JQL';

const RAG_OPTIONS = (['red', 'amber', 'green', 'grey'] as const).map((value) => ({
  value,
  label: RAG_WORDS[value],
}));

interface Option {
  value: string;
  label: string;
}

export interface InitiativesTableProps {
  initiatives: readonly InitiativeStatus[];
  people: ReadonlyMap<string, Person>;
  peopleError?: string;
  asOf: string;
  now: Date;
  onOpenSearch: (jql: string) => void;
  onExport: (rows: InitiativeStatus[]) => void;
  onRefresh?: () => void;
  /** Opens a Confluence page (a DACI decision's) by its path; without it the decision lines are plain links. */
  onOpenPage?: (path: string) => void;
}

const COLUMNS: Array<{ key: InitiativeSortKey | 'trend'; label: string; numeric?: boolean }> = [
  { key: 'rag', label: 'RAG' },
  { key: 'title', label: 'Initiative' },
  { key: 'percent', label: '% done', numeric: true },
  { key: 'forecast', label: 'Baseline → Forecast' },
  { key: 'blocked', label: 'Blocked', numeric: true },
  { key: 'escalations', label: 'Escalations', numeric: true },
  { key: 'decisions', label: 'Decisions', numeric: true },
  { key: 'trend', label: 'Trend' },
];

const cell: CSSProperties = {
  padding: `${token('space.100', '8px')} ${token('space.100', '8px')}`,
  textAlign: 'left',
  verticalAlign: 'top',
  color: token('color.text', '#172B4D'),
};
const headCell: CSSProperties = {
  ...cell,
  borderBottom: `2px solid ${token('color.border', '#091E4224')}`,
  color: token('color.text.subtle', '#44546F'),
  whiteSpace: 'nowrap',
};
const reasonCell: CSSProperties = {
  ...cell,
  paddingTop: 0,
  color: token('color.text.subtle', '#44546F'),
  borderBottom: `1px solid ${token('color.border', '#091E4224')}`,
};
const sortButton: CSSProperties = {
  background: 'none',
  border: 'none',
  padding: 0,
  font: 'inherit',
  fontWeight: 600,
  color: 'inherit',
  cursor: 'pointer',
};

/** A number that opens the Jira search that produced it; plain text when the back end gave no JQL. */
function SearchLink({
  jql,
  label,
  children,
  onOpenSearch,
}: {
  jql: string | undefined;
  label: string;
  children: ReactNode;
  onOpenSearch: (jql: string) => void;
}) {
  if (!jql) return <span>{children}</span>;
  const open = (event: MouseEvent) => {
    event.preventDefault();
    onOpenSearch(jql);
  };
  return (
    <a href={searchPath(jql)} onClick={open} aria-label={label} data-jql={jql}>
      {children}
    </a>
  );
}

export function InitiativesTable({
  initiatives,
  people,
  peopleError,
  asOf,
  now,
  onOpenSearch,
  onExport,
  onRefresh,
  onOpenPage,
}: InitiativesTableProps) {
  const [filters, setFilters] = useState<InitiativeFilters>({});
  const [sort, setSort] = useState<{ key: InitiativeSortKey; order: SortOrder }>({
    key: 'rag',
    order: 'DESC',
  });
  const owners = useMemo(() => initiativeOwnerOptions(initiatives, people), [initiatives, people]);
  const shown = useMemo(
    () => sortInitiatives(filterInitiatives(initiatives, filters), sort.key, sort.order),
    [initiatives, filters, sort],
  );

  if (initiatives.length === 0) {
    return (
      <EmptyState title={NO_INITIATIVES_TITLE}>
        An initiative is a Project Brief with linked Jira work. Open a brief in Confluence, link its epics or
        a JQL and set a baseline date; its status then appears here, computed from Jira.
      </EmptyState>
    );
  }

  const ownerValue = owners.find((o) => o.value === filters.owner) ?? null;
  const ragValue = RAG_OPTIONS.find((o) => o.value === filters.rag) ?? null;
  const filtered = filters.owner !== undefined || filters.rag !== undefined;
  const toggleSort = (key: InitiativeSortKey) =>
    setSort((s) =>
      s.key === key ? { key, order: s.order === 'ASC' ? 'DESC' : 'ASC' } : { key, order: 'ASC' },
    );

  return (
    <Stack space="space.200">
      {peopleError ? (
        <SectionMessage appearance="warning" testId="people-error">
          <Text>{peopleError}</Text>
        </SectionMessage>
      ) : null}
      <Inline space="space.200" alignBlock="end" shouldWrap spread="space-between">
        <Inline space="space.200" alignBlock="end" shouldWrap>
          <Stack space="space.050">
            <Label htmlFor="filter-initiative-owner">Owner</Label>
            <Select<Option>
              inputId="filter-initiative-owner"
              isClearable
              placeholder="All owners"
              options={owners}
              value={ownerValue}
              onChange={(option) => setFilters({ ...filters, owner: option?.value })}
            />
          </Stack>
          <Stack space="space.050">
            <Label htmlFor="filter-initiative-rag">RAG</Label>
            <Select<{ value: Rag; label: string }>
              inputId="filter-initiative-rag"
              isClearable
              placeholder="All RAG"
              options={RAG_OPTIONS}
              value={ragValue}
              onChange={(option) => setFilters({ ...filters, rag: option?.value })}
            />
          </Stack>
          {filtered ? (
            <Button appearance="subtle" onClick={() => setFilters({})}>
              Clear filters
            </Button>
          ) : null}
          <Button onClick={() => onExport(shown)} isDisabled={shown.length === 0}>
            Export CSV
          </Button>
        </Inline>
        <Inline space="space.100" alignBlock="center">
          <Text color="color.text.subtle" testId="updated-ago">
            <time dateTime={asOf}>Updated {relativeTime(asOf, now)}</time>
          </Text>
          {onRefresh ? (
            <Button appearance="subtle" onClick={onRefresh}>
              Refresh
            </Button>
          ) : null}
        </Inline>
      </Inline>
      <Text color="color.text.subtle" testId="initiatives-count">
        {shown.length === initiatives.length
          ? `${initiatives.length} ${initiatives.length === 1 ? 'initiative' : 'initiatives'}`
          : `${shown.length} of ${initiatives.length} initiatives`}
      </Text>
      {shown.length === 0 ? (
        <EmptyState title="No initiatives match these filters">
          Clear the filters to see every initiative.
        </EmptyState>
      ) : (
        <table data-testid="initiatives-table" style={{ borderCollapse: 'collapse', width: '100%' }}>
          <caption style={{ position: 'absolute', left: -10000 }}>
            Initiatives, sorted by {COLUMNS.find((c) => c.key === sort.key)?.label}{' '}
            {sort.order === 'ASC' ? 'ascending' : 'descending'}
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                const active = c.key === sort.key;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    style={{ ...headCell, ...(c.numeric ? { textAlign: 'right' } : {}) }}
                    aria-sort={active ? (sort.order === 'ASC' ? 'ascending' : 'descending') : undefined}
                  >
                    {c.key === 'trend' ? (
                      c.label
                    ) : (
                      <button
                        type="button"
                        style={sortButton}
                        onClick={() => toggleSort(c.key as InitiativeSortKey)}
                      >
                        {c.label}
                        <span aria-hidden="true">{active ? (sort.order === 'ASC' ? ' ▲' : ' ▼') : ''}</span>
                      </button>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          {shown.map((i) => {
            const escalations = escalationText(i);
            return (
              <tbody key={i.briefId} data-testid={`initiative-${i.briefId}`}>
                <tr>
                  <td style={cell}>
                    <RagLozenge rag={i.rag} />
                  </td>
                  <th scope="row" style={{ ...cell, fontWeight: 600 }}>
                    {i.title}
                    <div style={{ fontWeight: 400, color: token('color.text.subtlest', '#626F86') }}>
                      {ownerNameOf(i, people)}
                    </div>
                  </th>
                  <td style={{ ...cell, textAlign: 'right' }}>
                    <SearchLink
                      jql={jqlFor(i, 'percent')}
                      label={`${i.percentDone}% done (${i.counts.done} of ${i.counts.total}) in ${i.title}: open in Jira search`}
                      onOpenSearch={onOpenSearch}
                    >
                      {i.percentDone}%
                    </SearchLink>
                  </td>
                  <td style={cell} title={i.forecastNote}>
                    {baselineForecastText(i)}
                  </td>
                  <td style={{ ...cell, textAlign: 'right' }}>
                    <SearchLink
                      jql={jqlFor(i, 'blocked')}
                      label={`${i.blocked} blocked in ${i.title}: open in Jira search`}
                      onOpenSearch={onOpenSearch}
                    >
                      {i.blocked}
                    </SearchLink>
                  </td>
                  <td style={{ ...cell, textAlign: 'right' }} data-testid="escalations-cell">
                    {escalations ? (
                      // Each level is its own number, each opening the Jira search that finds exactly it.
                      escalationLinks(i).map((e, n) => (
                        <span key={e.level}>
                          {n > 0 ? ', ' : ''}
                          <SearchLink
                            jql={e.jql ?? jqlFor(i, 'escalations')}
                            label={`${e.count} open escalations at level ${e.level} in ${i.title}: open in Jira search`}
                            onOpenSearch={onOpenSearch}
                          >
                            {`L${e.level}: ${e.count}`}
                          </SearchLink>
                        </span>
                      ))
                    ) : (
                      <SearchLink
                        jql={jqlFor(i, 'escalations')}
                        label={`No open escalations in ${i.title}: open in Jira search`}
                        onOpenSearch={onOpenSearch}
                      >
                        —
                      </SearchLink>
                    )}
                  </td>
                  <td style={{ ...cell, textAlign: 'right' }} data-testid="decisions-cell">
                    {i.decisionsAwaiting > 0 || !(i.pendingDecisionsTotal ?? 0) ? (
                      <SearchLink
                        jql={jqlFor(i, 'decisions')}
                        label={`${i.decisionsAwaiting} decisions waiting in ${i.title}: open in Jira search`}
                        onOpenSearch={onOpenSearch}
                      >
                        {i.decisionsAwaiting ? `${i.decisionsAwaiting} waiting` : '—'}
                      </SearchLink>
                    ) : null}
                    <PendingDecisions
                      status={i}
                      nameOf={(id) => people.get(id)?.displayName}
                      now={now}
                      onOpenPage={(path) => (onOpenPage ? onOpenPage(path) : window.open(path, '_top'))}
                    />
                  </td>
                  <td style={cell}>
                    <Sparkline history={i.trend ?? []} label={`Trend of ${i.title}`} />
                  </td>
                </tr>
                <tr>
                  <td style={reasonCell} />
                  <td style={reasonCell} colSpan={COLUMNS.length - 1} data-testid="initiative-reason">
                    {i.reason}
                  </td>
                </tr>
              </tbody>
            );
          })}
        </table>
      )}
    </Stack>
  );
}
