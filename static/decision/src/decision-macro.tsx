/**
 * The Decision macro's view: the macro config holds only the decision id; the decision lives in Accord. Names
 * come from Jira as the viewer (one `user/bulk`). Every act goes to `decision/act`, which checks the stored
 * decision: the buttons shown are only a hint.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DecisionView } from '../../../src/shared/decision';
import { ResolverCallError, describeError } from '../../common/src/resolver-client';
import { EmptyState, ErrorState, LoadingState } from '../../common/src/states';
import { DecisionCard, type ActRequest } from './decision-card';

export interface DecisionMacroDeps {
  getContext: () => Promise<{ extension: unknown }>;
  getDecision: (decisionId: string) => Promise<DecisionView>;
  act: (payload: ActRequest & { decisionId: string }) => Promise<DecisionView>;
  names: (accountIds: string[]) => Promise<Map<string, string>>;
  now: () => Date;
}

type State =
  | { kind: 'loading' }
  | { kind: 'unconfigured' }
  | { kind: 'error'; title: string; message: string }
  | { kind: 'loaded'; view: DecisionView };

export function decisionIdOf(extension: unknown): string {
  const config = (extension as { config?: { decisionId?: unknown } } | null)?.config;
  return typeof config?.decisionId === 'string' ? config.decisionId : '';
}

const everyone = (v: DecisionView): string[] => {
  const d = v.decision;
  return [
    ...(d.driver ? [d.driver] : []),
    ...(d.approver ? [d.approver] : []),
    ...d.contributors,
    ...d.informed,
    ...d.log.map((e) => e.by),
  ];
};

export function DecisionMacro({ deps }: { deps: DecisionMacroDeps }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const [actError, setActError] = useState<string | undefined>();

  const show = useCallback(
    (view: DecisionView) => {
      setState({ kind: 'loaded', view });
      deps.names(everyone(view)).then(setNames, () => undefined);
    },
    [deps],
  );

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const id = decisionIdOf((await deps.getContext()).extension);
      if (!id) {
        setState({ kind: 'unconfigured' });
        return;
      }
      show(await deps.getDecision(id));
    } catch (error) {
      const missing = error instanceof ResolverCallError && error.code === 'NOT_FOUND';
      setState({
        kind: 'error',
        title: missing ? 'This decision no longer exists' : 'The decision could not be loaded',
        message: missing ? 'Edit the macro to create or pick a decision.' : describeError(error),
      });
    }
  }, [deps, show]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <LoadingState label="Loading the decision" />;
  if (state.kind === 'unconfigured') {
    return (
      <EmptyState title="No decision yet">Edit the macro to write the question and its options.</EmptyState>
    );
  }
  if (state.kind === 'error') {
    return <ErrorState title={state.title} message={state.message} onRetry={() => void load()} />;
  }
  const view = state.view;
  const onAct = async (request: ActRequest) => {
    setBusy(true);
    setActError(undefined);
    try {
      show(await deps.act({ ...request, decisionId: view.decision.id }));
    } catch (error) {
      setActError(describeError(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <DecisionCard
      view={view}
      nameOf={(id) => names.get(id) ?? 'Unknown person'}
      today={deps.now().toISOString().slice(0, 10)}
      busy={busy}
      {...(actError ? { error: actError } : {})}
      onAct={(r) => void onAct(r)}
    />
  );
}
