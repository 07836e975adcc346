/**
 * The RACI matrix macro: activities × people. Issue rows are the issues' own roles (saved through roles/set's
 * use case); free-text rows live in the matrix. Each row shows its findings; CSV export in the project page's
 * format, CSV import mapped by column name to the matrix's people.
 */
import { useCallback, useEffect, useState } from 'react';
import { router, view } from '@forge/bridge';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import TextArea from '@atlaskit/textarea';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { RaciMatrixView, RaciRowView } from '../../../src/shared/raci';
import { formatRaciCsv } from '../../../src/domain/roles/raci-csv';
import { ResolverCallError, describeError } from '../../common/src/resolver-client';
import { EmptyState, ErrorState, LoadingState } from '../../common/src/states';
import { getMatrix, importCsv, jiraAsViewer, setRow } from './api';
import { fetchNames } from '../../common/src/user-picker-people';
import { CELL_OPTIONS, cellOf, withCell } from './raci-cells';

type State =
  | { kind: 'loading' }
  | { kind: 'unconfigured' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; matrix: RaciMatrixView; names: Map<string, string> };

export function RaciMatrixMacro() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const load = useCallback(async () => {
    try {
      const context = await view.getContext();
      const config = (context.extension as { config?: { matrixId?: unknown } }).config;
      const matrixId = typeof config?.matrixId === 'string' ? config.matrixId : '';
      if (!matrixId) return setState({ kind: 'unconfigured' });
      const matrix = await getMatrix(matrixId);
      setState({ kind: 'loaded', matrix, names: await fetchNames(jiraAsViewer, matrix.people) });
    } catch (error) {
      setState({ kind: 'error', message: describeError(error) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <LoadingState label="Loading the RACI matrix" />;
  if (state.kind === 'unconfigured')
    return <EmptyState title="This RACI matrix is not set up yet — edit the macro to start" />;
  if (state.kind === 'error')
    return (
      <ErrorState
        title="The RACI matrix could not be loaded"
        message={state.message}
        onRetry={() => void load()}
      />
    );
  return <MatrixTable matrix={state.matrix} names={state.names} onReload={load} />;
}

function MatrixTable({
  matrix,
  names,
  onReload,
}: {
  matrix: RaciMatrixView;
  names: Map<string, string>;
  onReload: () => Promise<void>;
}) {
  const [rows, setRows] = useState(matrix.rows);
  const [csv, setCsv] = useState<string | null>(null);
  const [importText, setImportText] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const name = (id: string) => names.get(id) ?? 'Unknown person';

  const saveRow = async (row: RaciRowView, assignments: RaciRowView['assignments']) => {
    try {
      const saved = await setRow({ matrixId: matrix.id, rowId: row.id, assignments, revision: row.revision });
      setRows((all) => all.map((r) => (r.id === row.id ? { ...saved, name: r.name } : r)));
      setMessage(null);
    } catch (error) {
      const conflict = error instanceof ResolverCallError && error.code === 'CONFLICT';
      setMessage(
        conflict
          ? 'Someone changed this row while you were editing. Reload to see their version.'
          : describeError(error),
      );
    }
  };
  const exportCsv = () =>
    setCsv(
      formatRaciCsv({
        framework: 'RACI',
        activityLabel: 'Activity',
        holders: matrix.people.map(name),
        rows: rows.map((r) => ({
          activity: r.kind === 'issue' ? (r.issueKey ?? '') : r.name,
          cells: matrix.people.map((p) => r.assignments.filter((a) => a.accountId === p).map((a) => a.role)),
        })),
      }),
    );
  const runImport = async () => {
    const header =
      importText
        .split(/\r?\n/)[0]
        ?.split(',')
        .slice(1)
        .map((h) => h.trim().replace(/^"|"$/g, '')) ?? [];
    const byName = new Map(matrix.people.map((p) => [name(p).toLowerCase(), p]));
    const columns = Object.fromEntries(header.map((h) => [h, byName.get(h.toLowerCase()) ?? '']));
    try {
      const result = await importCsv({ matrixId: matrix.id, csv: importText, columns });
      setRows(result.matrix.rows);
      const errors = result.rows.filter((r) => r.outcome === 'error');
      setMessage(
        `Imported: ${result.applied} row(s) changed.${errors.map((e) => ` Line ${e.line}: ${e.message ?? ''}`).join('')}`,
      );
    } catch (error) {
      setMessage(describeError(error));
    }
  };

  return (
    <Box padding="space.200" testId="raci-matrix">
      <Stack space="space.150">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Heading size="small" as="h2">
            {matrix.title}
          </Heading>
          {matrix.canEdit ? null : <Text color="color.text.subtlest">View only</Text>}
        </Inline>
        {message ? (
          <Inline space="space.100" alignBlock="center">
            <Text color="color.text.danger" testId="raci-message">
              {message}
            </Text>
            <Button onClick={() => void onReload()}>Reload</Button>
          </Inline>
        ) : null}
        <table data-testid="raci-table">
          <thead>
            <tr>
              <th scope="col">Activity</th>
              {matrix.people.map((p) => (
                <th scope="col" key={p}>
                  {name(p)}
                </th>
              ))}
              <th scope="col">Findings</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const label = row.kind === 'issue' ? (row.issueKey ?? '') : row.name;
              return (
                <tr key={row.id} data-testid={`raci-row-${label}`}>
                  <th scope="row">
                    {row.kind === 'issue' ? (
                      <>
                        <button
                          type="button"
                          onClick={() => void router.navigate({ target: 'issue', issueKey: label })}
                        >
                          {label}
                        </button>
                        {row.name ? <span data-testid="raci-summary"> {row.name}</span> : null}
                      </>
                    ) : (
                      label
                    )}
                  </th>
                  {matrix.people.map((p) => (
                    <td key={p}>
                      {row.canEdit && !row.problem ? (
                        <select
                          aria-label={`${label}: ${name(p)}`}
                          value={cellOf(row.assignments, p)}
                          onChange={(e) =>
                            void saveRow(row, withCell(row.assignments, p, e.currentTarget.value))
                          }
                        >
                          {CELL_OPTIONS.map((o) => (
                            <option key={o} value={o}>
                              {o || '—'}
                            </option>
                          ))}
                        </select>
                      ) : (
                        cellOf(row.assignments, p) || '—'
                      )}
                    </td>
                  ))}
                  <td>
                    {row.problem ??
                      (row.findings.length === 0 ? '✓' : row.findings.map((f) => f.message).join(' '))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <Inline space="space.100">
          <Button onClick={exportCsv}>Export CSV</Button>
        </Inline>
        {csv !== null ? <TextArea aria-label="Exported CSV" value={csv} isReadOnly minimumRows={4} /> : null}
        {matrix.canEdit ? (
          <Stack space="space.050">
            <TextArea
              aria-label="CSV to import (columns named after the people in the matrix)"
              value={importText}
              minimumRows={3}
              onChange={(e) => setImportText(e.currentTarget.value)}
            />
            <Inline space="space.100">
              <Button onClick={() => void runImport()} isDisabled={!importText.trim()}>
                Import CSV
              </Button>
            </Inline>
          </Stack>
        ) : null}
      </Stack>
    </Box>
  );
}
