/** The brief macro's view: the page's macro config holds only the brief id; the brief lives in Accord. */
import { useCallback, useEffect, useState } from 'react';
import { requestJira, router, view } from '@forge/bridge';
import type { BriefDetail } from '../../../src/shared/brief';
import { ResolverCallError, describeError } from '../../common/src/resolver-client';
import { EmptyState, ErrorState, LoadingState } from '../../common/src/states';
import { getBrief } from './api';
import { BriefView } from './brief-view';

type State =
  | { kind: 'loading' }
  | { kind: 'unconfigured' }
  | { kind: 'error'; title: string; message: string }
  | { kind: 'loaded'; brief: BriefDetail; locale: string; ownerName?: string };

export function BriefMacro() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(async () => {
    try {
      const context = await view.getContext();
      const config = (context.extension as { config?: { briefId?: unknown } }).config;
      const briefId = typeof config?.briefId === 'string' ? config.briefId : '';
      if (!briefId) {
        setState({ kind: 'unconfigured' });
        return;
      }
      const brief = await getBrief(briefId);
      setState({ kind: 'loaded', brief, locale: context.locale ?? 'en' });
      if (brief.ownerAccountId) {
        const ownerName = await readDisplayName(brief.ownerAccountId);
        if (ownerName) setState({ kind: 'loaded', brief, locale: context.locale ?? 'en', ownerName });
      }
    } catch (error) {
      const missing = error instanceof ResolverCallError && error.code === 'NOT_FOUND';
      setState({
        kind: 'error',
        title: missing ? 'This brief no longer exists' : 'The brief could not be loaded',
        message: missing
          ? 'It may have been deleted. Edit the macro to create a new brief.'
          : describeError(error),
      });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  switch (state.kind) {
    case 'loading':
      return <LoadingState label="Loading the brief" />;
    case 'unconfigured':
      return <EmptyState title="This brief is not set up yet — edit the macro to start" />;
    case 'error':
      return <ErrorState title={state.title} message={state.message} onRetry={() => void load()} />;
    case 'loaded':
      return (
        <BriefView
          brief={state.brief}
          now={new Date()}
          locale={state.locale}
          {...(state.ownerName ? { ownerName: state.ownerName } : {})}
          onOpenIssue={(issueKey) => void router.navigate({ target: 'issue', issueKey })}
          onOpenJql={(jql) => void router.open(`/issues/?jql=${encodeURIComponent(jql)}`)}
        />
      );
  }
}

/** The owner's name, read as the viewer straight from Jira (no invocation); undefined when it cannot be read. */
async function readDisplayName(accountId: string): Promise<string | undefined> {
  try {
    const res = await requestJira(`/rest/api/3/user/bulk?accountId=${encodeURIComponent(accountId)}`, {
      headers: { Accept: 'application/json' },
    });
    if (!res.ok) return undefined;
    const body = (await res.json()) as { values?: Array<{ accountId?: string; displayName?: string }> };
    return body.values?.find((u) => u.accountId === accountId)?.displayName;
  } catch {
    return undefined;
  }
}
