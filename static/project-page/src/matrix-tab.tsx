/** Matrix tab: issues × people with role letters, a JQL filter, paging, CSV export and import. */
import { useCallback, useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Textfield from '@atlaskit/textfield';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { MatrixRow } from '../../../src/shared/matrix';
import { describeError } from '../../common/src/resolver-client';
import { EmptyState, ErrorState, LoadingState } from '../../common/src/states';
import { fetchPeople } from '../../common/src/user-picker-people';
import type { ProjectApi } from './api';
import type { ProjectJiraRequest } from './jira';
import { cellLetters, holderNames, matrixToCsv } from './matrix-csv';
import { ImportCsv } from './import-csv';
import { downloadCsv } from '../../common/src/download';
import { IssueLink } from './issue-link';

const PAGE_SIZE = 50;
const STATUS_APPEARANCE = {
  new: 'default',
  indeterminate: 'inprogress',
  done: 'success',
  undefined: 'default',
} as const;

interface Loaded {
  rows: MatrixRow[];
  people: string[];
  nextPageToken?: string;
}

export function MatrixTab({
  api,
  request,
  projectKey,
}: {
  api: ProjectApi;
  request: ProjectJiraRequest;
  projectKey: string;
}) {
  const [jql, setJql] = useState('');
  const [applied, setApplied] = useState('');
  const [data, setData] = useState<Loaded | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [importing, setImporting] = useState(false);
  const latest = useRef(0);

  const addNames = useCallback(
    async (ids: readonly string[]) => {
      const missing = ids.filter((id) => !names.has(id));
      if (missing.length === 0) return;
      try {
        const people = await fetchPeople(request, missing);
        setNames((old) => {
          const next = new Map(old);
          for (const [id, p] of people) next.set(id, p.displayName);
          return next;
        });
      } catch {
        // Names are a nicety: the columns still show, labelled by account id.
      }
    },
    [names, request],
  );

  const load = useCallback(
    async (query: string, token?: string, previous?: Loaded) => {
      const mine = ++latest.current;
      setBusy(true);
      setError(null);
      try {
        const page = await api.getMatrix({
          jql: query,
          pageSize: PAGE_SIZE,
          ...(token ? { nextPageToken: token } : {}),
        });
        if (mine !== latest.current) return;
        const people = [...(previous?.people ?? [])];
        for (const id of page.people) if (!people.includes(id)) people.push(id);
        setData({
          rows: [...(previous?.rows ?? []), ...page.rows],
          people,
          ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
        });
        setApplied(query);
        await addNames(page.people);
      } catch (e) {
        if (mine === latest.current) setError(describeError(e));
      } finally {
        if (mine === latest.current) setBusy(false);
      }
    },
    [api, addNames],
  );

  useEffect(() => {
    void load('');
  }, []);

  const exportCsv = () => {
    if (!data) return;
    downloadCsv(`${projectKey}-raci-matrix.csv`, matrixToCsv(data.rows, data.people, names));
  };

  const headings = data ? holderNames(data.people, names) : [];
  return (
    <Stack space="space.200">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void load(jql.trim());
        }}
      >
        <Inline space="space.100" alignBlock="end">
          <div style={{ flexGrow: 1 }}>
            <label htmlFor="matrix-jql">
              <Text weight="medium">Filter with JQL (inside {projectKey})</Text>
            </label>
            <Textfield
              id="matrix-jql"
              testId="matrix-jql"
              value={jql}
              placeholder="for example: status != Done AND labels = launch"
              onChange={(event) => setJql(event.currentTarget.value)}
            />
          </div>
          <Button type="submit" appearance="primary" isDisabled={busy}>
            Filter
          </Button>
          <Button onClick={exportCsv} isDisabled={!data || data.rows.length === 0} testId="matrix-export">
            Export CSV
          </Button>
          <Button
            onClick={() => setImporting((v) => !v)}
            testId="matrix-import-toggle"
            isSelected={importing}
          >
            Import CSV
          </Button>
        </Inline>
      </form>

      {importing ? (
        <ImportCsv
          api={api}
          request={request}
          projectKey={projectKey}
          names={names}
          onDone={() => void load(applied)}
        />
      ) : null}

      {error ? (
        <ErrorState
          title="The matrix could not be loaded"
          message={error}
          onRetry={() => void load(applied)}
        />
      ) : null}
      {!data && busy ? <LoadingState label="Loading the matrix" /> : null}
      {data && data.rows.length === 0 ? (
        <EmptyState title="No issues match">
          Change the JQL filter, or clear it to see every issue in {projectKey}.
        </EmptyState>
      ) : null}
      {data && data.rows.length > 0 ? (
        <div style={{ overflowX: 'auto' }}>
          <table data-testid="matrix-table" style={{ borderCollapse: 'collapse', width: '100%' }}>
            <caption style={{ textAlign: 'left' }}>
              <Text color="color.text.subtle">
                Roles in {projectKey}: {data.rows.length} issue{data.rows.length === 1 ? '' : 's'}
                {data.nextPageToken ? ' so far' : ''}
              </Text>
            </caption>
            <thead>
              <tr>
                <th scope="col" style={cellStyle}>
                  Issue
                </th>
                <th scope="col" style={cellStyle}>
                  Status
                </th>
                {headings.map((h, i) => (
                  <th scope="col" key={data.people[i]} style={cellStyle} data-account-id={data.people[i]}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.issueKey} data-testid="matrix-row" data-issue-key={row.issueKey}>
                  <th scope="row" style={{ ...cellStyle, fontWeight: 'normal' }}>
                    <Inline space="space.075" alignBlock="center">
                      <FindingDot row={row} />
                      <IssueLink issueKey={row.issueKey} />
                      <Text>{row.summary}</Text>
                      {row.source === 'inherited' ? (
                        <Text color="color.text.subtlest">(inherited)</Text>
                      ) : null}
                    </Inline>
                  </th>
                  <td style={cellStyle}>
                    <Lozenge appearance={STATUS_APPEARANCE[row.statusCategory]}>{row.status}</Lozenge>
                  </td>
                  {data.people.map((id) => {
                    const letters = cellLetters(
                      row.framework,
                      row.assignments.filter((a) => a.accountId === id).map((a) => a.role),
                    );
                    return (
                      <td key={id} style={{ ...cellStyle, textAlign: 'center' }} data-testid="matrix-cell">
                        {letters ? <strong>{letters}</strong> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data?.nextPageToken ? (
        <Inline>
          <Button
            onClick={() => void load(applied, data.nextPageToken, data)}
            isDisabled={busy}
            testId="matrix-more"
          >
            Load more
          </Button>
        </Inline>
      ) : null}
    </Stack>
  );
}

const cellStyle = {
  borderBottom: `1px solid ${token('color.border')}`,
  padding: '4px 8px',
  textAlign: 'left' as const,
  verticalAlign: 'middle' as const,
};

function FindingDot({ row }: { row: MatrixRow }) {
  if (row.errors === 0 && row.warnings === 0)
    return <span aria-hidden style={{ display: 'inline-block', width: 8 }} />;
  const error = row.errors > 0;
  const label = [
    row.errors ? `${row.errors} error${row.errors === 1 ? '' : 's'}` : '',
    row.warnings ? `${row.warnings} warning${row.warnings === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      data-testid={error ? 'finding-error' : 'finding-warning'}
      style={{
        display: 'inline-block',
        width: 8,
        height: 8,
        borderRadius: '50%',
        background: token(error ? 'color.icon.danger' : 'color.icon.warning'),
      }}
    />
  );
}
