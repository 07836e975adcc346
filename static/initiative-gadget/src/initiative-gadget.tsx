/**
 * The dashboard gadget AND its edit view (one app): `extension.entryPoint === 'edit'` is the edit view, which
 * submits `{ briefId }` as the gadget configuration; the view reads it back from
 * `extension.gadgetConfiguration` and shows that initiative, computed from Jira as the viewer.
 */
import { useCallback, useEffect, useState } from 'react';
import { router, view } from '@forge/bridge';
import Button from '@atlaskit/button/new';
import { Box, Inline } from '@atlaskit/primitives';
import type { InitiativeDetail, InitiativeStatus } from '../../../src/shared/progress';
import { describeError } from '../../common/src/resolver-client';
import { EmptyState, ErrorState, LoadingState } from '../../common/src/states';
import { searchPath } from '../../overview-page/src/initiatives-view';
import { jiraAsViewer, loadInitiative, loadOverview } from './api';
import { useApproverNames } from '../../common/src/initiative-numbers-decisions';
import { GadgetEdit } from './gadget-edit';
import { readGadgetContext, type GadgetContext } from './gadget-context';
import { InitiativeCard } from './initiative-card';

export const CHOOSE_TITLE = 'Choose an initiative';

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'unconfigured' }
  | { kind: 'view'; detail: InitiativeDetail; now: Date }
  | { kind: 'edit'; initiatives: InitiativeStatus[]; saving: boolean; error?: string };

export function InitiativeGadget() {
  const [context, setContext] = useState<GadgetContext | null>(null);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const nameOf = useApproverNames(state.kind === 'view' ? [state.detail.status] : [], jiraAsViewer);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const ctx = readGadgetContext(await view.getContext());
      setContext(ctx);
      if (ctx.mode === 'edit') {
        const overview = await loadOverview();
        setState({ kind: 'edit', initiatives: overview.initiatives, saving: false });
      } else if (!ctx.briefId) {
        setState({ kind: 'unconfigured' });
      } else {
        setState({ kind: 'view', detail: await loadInitiative(ctx.briefId), now: new Date() });
      }
    } catch (error) {
      setState({ kind: 'error', message: describeError(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const save = async (briefId: string) => {
    if (state.kind !== 'edit') return;
    setState({ ...state, saving: true });
    try {
      await view.submit({ briefId });
    } catch (error) {
      setState({ ...state, saving: false, error: describeError(error) });
    }
  };
  // The dashboard's Edit action opens the edit view; from the empty state the gadget asks for it.
  const openEdit = () => void view.open().catch(() => undefined);

  return (
    <Box padding="space.200">
      {state.kind === 'loading' ? <LoadingState label="Loading the initiative" /> : null}
      {state.kind === 'error' ? (
        <ErrorState
          title="The initiative could not be loaded"
          message={state.message}
          onRetry={() => void load()}
        />
      ) : null}
      {state.kind === 'unconfigured' ? (
        <EmptyState title={CHOOSE_TITLE}>
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <span>This gadget shows one initiative&apos;s status, computed from Jira.</span>
            <Button appearance="primary" onClick={openEdit}>
              Choose an initiative
            </Button>
          </Inline>
        </EmptyState>
      ) : null}
      {state.kind === 'view' ? (
        <InitiativeCard
          detail={state.detail}
          now={state.now}
          onOpenSearch={(jql) => void router.navigate(searchPath(jql))}
          nameOf={nameOf}
          onOpenPage={(path) => void router.navigate(path)}
        />
      ) : null}
      {state.kind === 'edit' ? (
        <GadgetEdit
          initiatives={state.initiatives}
          current={context?.briefId ?? null}
          saving={state.saving}
          {...(state.error ? { error: state.error } : {})}
          onSave={(briefId) => void save(briefId)}
          onCancel={() => void view.close().catch(() => undefined)}
        />
      ) : null}
    </Box>
  );
}
