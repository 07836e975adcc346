/**
 * The briefs table with its filters and CSV export. Pure: it gets the loaded briefs and people and calls
 * back to open a page or download the CSV; the container decides what those mean (router, Blob).
 */
import { useMemo, useState, type MouseEvent } from 'react';
import DynamicTable from '@atlaskit/dynamic-table';
import Avatar from '@atlaskit/avatar';
import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import Select from '@atlaskit/select';
import SectionMessage from '@atlaskit/section-message';
import Tooltip from '@atlaskit/tooltip';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { BriefListItem } from '../../../src/shared/settings';
import { BRIEF_STATUS_LABELS, BriefStatusLozenge } from '../../common/src/brief-status';
import { EmptyState } from '../../common/src/states';
import { relativeTime } from '../../common/src/relative-time';
import type { Person } from './people';
import {
  filterBriefs,
  ownerName,
  ownerOptions,
  sortBriefs,
  sortValue,
  type BriefFilters,
  type BriefStatus,
  type SortKey,
  type SortOrder,
} from './briefs-view';

export const NO_BRIEFS_TITLE = 'No briefs yet — insert the Accord Project Brief macro on a Confluence page';

const STATUS_OPTIONS = (Object.keys(BRIEF_STATUS_LABELS) as BriefStatus[]).map((value) => ({
  value,
  label: BRIEF_STATUS_LABELS[value],
}));

interface Option {
  value: string;
  label: string;
}

export interface BriefsTableProps {
  briefs: readonly BriefListItem[];
  people: ReadonlyMap<string, Person>;
  /** Set when names could not be loaded: the table still shows, with a note. */
  peopleError?: string;
  truncated: boolean;
  now: Date;
  onOpenPage: (brief: BriefListItem) => void;
  onExport: (rows: BriefListItem[]) => void;
}

export function BriefsTable({
  briefs,
  people,
  peopleError,
  truncated,
  now,
  onOpenPage,
  onExport,
}: BriefsTableProps) {
  const [filters, setFilters] = useState<BriefFilters>({});
  const [sort, setSort] = useState<{ key: SortKey; order: SortOrder }>({ key: 'updated', order: 'DESC' });

  const owners = useMemo(() => ownerOptions(briefs, people), [briefs, people]);
  const shown = useMemo(
    () => sortBriefs(filterBriefs(briefs, filters), sort.key, sort.order, people),
    [briefs, filters, sort, people],
  );

  if (briefs.length === 0) {
    return (
      <EmptyState title={NO_BRIEFS_TITLE}>
        Open a Confluence page, choose Insert › Accord Project Brief, and fill it in. Every brief you can see
        appears here, newest first.
      </EmptyState>
    );
  }

  const head = {
    cells: [
      { key: 'title', content: 'Brief', isSortable: true },
      { key: 'status', content: 'Status', isSortable: true },
      { key: 'owner', content: 'Owner', isSortable: true },
      { key: 'updated', content: 'Updated', isSortable: true },
      { key: 'page', content: 'Confluence page' },
    ],
  };

  const rows = shown.map((brief) => {
    const owner = brief.ownerAccountId ? people.get(brief.ownerAccountId) : undefined;
    const open = (event: MouseEvent) => {
      event.preventDefault();
      onOpenPage(brief);
    };
    return {
      key: brief.id,
      testId: `brief-row-${brief.id}`,
      cells: [
        { key: sortValue(brief, 'title', people), content: <Text weight="medium">{brief.title}</Text> },
        { key: sortValue(brief, 'status', people), content: <BriefStatusLozenge status={brief.status} /> },
        {
          key: sortValue(brief, 'owner', people),
          content: (
            <Inline space="space.075" alignBlock="center">
              <Avatar size="small" src={owner?.avatarUrl} name={ownerName(brief, people)} />
              <Text>{ownerName(brief, people)}</Text>
            </Inline>
          ),
        },
        {
          key: sortValue(brief, 'updated', people),
          content: (
            <Tooltip content={new Date(brief.updatedAt).toLocaleString()}>
              <time dateTime={brief.updatedAt} tabIndex={0}>
                {relativeTime(brief.updatedAt, now)}
              </time>
            </Tooltip>
          ),
        },
        {
          key: brief.pageId,
          content: (
            <a href={brief.pageUrl} onClick={open} aria-label={`Open the Confluence page of ${brief.title}`}>
              Open page ↗
            </a>
          ),
        },
      ],
    };
  });

  const ownerValue = owners.find((o) => o.value === filters.owner) ?? null;
  const statusValue = STATUS_OPTIONS.find((o) => o.value === filters.status) ?? null;
  const filtered = filters.owner !== undefined || filters.status !== undefined;

  return (
    <Stack space="space.200">
      {truncated ? (
        <SectionMessage appearance="information" testId="briefs-truncated">
          <Text>
            Showing the {briefs.length} most recently updated briefs you can see; older ones are left out.
          </Text>
        </SectionMessage>
      ) : null}
      {peopleError ? (
        <SectionMessage appearance="warning" testId="people-error">
          <Text>{peopleError}</Text>
        </SectionMessage>
      ) : null}
      <Inline space="space.200" alignBlock="end" shouldWrap>
        <Stack space="space.050">
          <Label htmlFor="filter-owner">Owner</Label>
          <Select<Option>
            inputId="filter-owner"
            isClearable
            placeholder="All owners"
            options={owners}
            value={ownerValue}
            onChange={(option) => setFilters({ ...filters, owner: option?.value })}
          />
        </Stack>
        <Stack space="space.050">
          <Label htmlFor="filter-status">Status</Label>
          <Select<{ value: BriefStatus; label: string }>
            inputId="filter-status"
            isClearable
            placeholder="All statuses"
            options={STATUS_OPTIONS}
            value={statusValue}
            onChange={(option) => setFilters({ ...filters, status: option?.value })}
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
      <Text color="color.text.subtle" testId="briefs-count">
        {shown.length === briefs.length
          ? `${briefs.length} ${briefs.length === 1 ? 'brief' : 'briefs'}`
          : `${shown.length} of ${briefs.length} briefs`}
      </Text>
      <DynamicTable
        testId="briefs-table"
        label="Project briefs"
        head={head}
        rows={rows}
        rowsPerPage={25}
        sortKey={sort.key}
        sortOrder={sort.order}
        onSort={(data: { key: SortKey; sortOrder: SortOrder }) =>
          setSort({ key: data.key, order: data.sortOrder })
        }
        emptyView={
          <EmptyState title="No briefs match these filters">Clear the filters to see every brief.</EmptyState>
        }
      />
    </Stack>
  );
}
