/**
 * The Stakeholder grid macro: the 2×2 (drag or arrow keys move a stakeholder, saved at once with the revision
 * it was loaded at) and a table view with the same data for screen readers, plus CSV export. Readers who
 * cannot edit the page see the grid without moving anything.
 */
import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { stakeholderRows } from '../../../src/domain/stakeholders';
import type { SaveStakeholderGridPayload, StakeholderGridView } from '../../../src/shared/stakeholders';
import { ResolverCallError, describeError } from '../../common/src/resolver-client';
import { EmptyState, ErrorState, LoadingState } from '../../common/src/states';
import { stakeholderCsv } from './stakeholder-csv';
import { StakeholderGridSvg } from './stakeholder-grid-svg';

export interface StakeholdersDeps {
  getContext: () => Promise<{ extension: unknown }>;
  getGrid: (gridId: string) => Promise<StakeholderGridView>;
  saveGrid: (payload: SaveStakeholderGridPayload) => Promise<StakeholderGridView>;
  names: (ids: string[]) => Promise<Map<string, string>>;
  download: (fileName: string, csv: string) => void;
}

export function gridIdOf(extension: unknown): string {
  const config = (extension as { config?: { gridId?: unknown } } | null)?.config;
  return typeof config?.gridId === 'string' ? config.gridId : '';
}

type State =
  | { kind: 'loading' }
  | { kind: 'unconfigured' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; view: StakeholderGridView };

export function StakeholdersMacro({ deps }: { deps: StakeholdersDeps }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [table, setTable] = useState(false);
  const [saveError, setSaveError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const show = useCallback(
    (view: StakeholderGridView) => {
      setState({ kind: 'loaded', view });
      const ids = view.grid.stakeholders.flatMap((s) => (s.party.kind === 'user' ? [s.party.accountId] : []));
      if (ids.length > 0) deps.names(ids).then(setNames, () => undefined);
    },
    [deps],
  );

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    setSaveError(undefined);
    try {
      const id = gridIdOf((await deps.getContext()).extension);
      if (!id) return setState({ kind: 'unconfigured' });
      show(await deps.getGrid(id));
    } catch (error) {
      setState({ kind: 'error', message: describeError(error) });
    }
  }, [deps, show]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <LoadingState label="Loading the stakeholder grid" />;
  if (state.kind === 'unconfigured') {
    return <EmptyState title="No stakeholder grid yet">Edit the macro to add stakeholders.</EmptyState>;
  }
  if (state.kind === 'error') {
    return (
      <ErrorState
        title="The stakeholder grid could not be loaded"
        message={state.message}
        onRetry={() => void load()}
      />
    );
  }
  const { view } = state;
  const grid = view.grid;
  const lookup = (id: string) => names.get(id);
  const rows = stakeholderRows(grid, lookup);

  const move = async (stakeholderId: string, scores: { authority: number; concern: number }) => {
    if (saving) return;
    const next = {
      ...view.grid,
      stakeholders: view.grid.stakeholders.map((s) => (s.id === stakeholderId ? { ...s, ...scores } : s)),
    } as StakeholderGridView['grid'];
    setState({ kind: 'loaded', view: { ...view, grid: next } });
    setSaving(true);
    setSaveError(undefined);
    try {
      show(await deps.saveGrid({ gridId: view.gridId, revision: view.revision, grid: next }));
    } catch (error) {
      setState({ kind: 'loaded', view });
      setSaveError(
        error instanceof ResolverCallError && error.code === 'CONFLICT'
          ? 'Someone changed this grid while you were looking at it. Reload to see their version, then move again.'
          : describeError(error),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box padding="space.200" testId="stakeholders-view">
      <Stack space="space.150">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Text weight="bold">{grid.title}</Text>
          <Button testId="stakeholders-toggle" onClick={() => setTable((t) => !t)} aria-pressed={table}>
            {table ? 'Grid view' : 'Table view'}
          </Button>
          <Button
            testId="stakeholders-csv"
            onClick={() => deps.download('stakeholders.csv', stakeholderCsv(rows))}
          >
            Export CSV
          </Button>
          {saving ? <Text size="small">Saving…</Text> : null}
        </Inline>
        {view.canEdit ? (
          <Text size="small" color="color.text.subtle">
            Drag a dot, or focus it and use the arrow keys, to change authority (up/down) and concern
            (left/right).
          </Text>
        ) : null}
        {saveError ? (
          <SectionMessage appearance="warning" title="Not saved" testId="stakeholders-save-error">
            <Stack space="space.100">
              <Text>{saveError}</Text>
              <Box>
                <Button onClick={() => void load()}>Reload</Button>
              </Box>
            </Stack>
          </SectionMessage>
        ) : null}
        {table ? (
          <table data-testid="stakeholders-table">
            <caption>Stakeholders by quadrant</caption>
            <thead>
              <tr>
                <th scope="col">Stakeholder</th>
                <th scope="col">Role</th>
                <th scope="col">Authority</th>
                <th scope="col">Concern</th>
                <th scope="col">Quadrant</th>
                <th scope="col">Cadence and channel</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.stakeholderId} data-testid={`stakeholder-row-${r.stakeholderId}`}>
                  <th scope="row">
                    {r.name}
                    {r.organisation ? ` (${r.organisation})` : ''}
                  </th>
                  <td>{r.role}</td>
                  <td>{r.authority}</td>
                  <td>{r.concern}</td>
                  <td data-testid="stakeholder-quadrant">{r.quadrantLabel}</td>
                  <td>{`${r.cadenceLabel} · ${r.channel}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <StakeholderGridSvg
            grid={grid}
            names={lookup}
            canMove={view.canEdit && !saving}
            onMove={(id, s) => void move(id, s)}
          />
        )}
      </Stack>
    </Box>
  );
}
