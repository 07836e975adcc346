/**
 * The Status report macro's view: the macro config holds only the report id; the report lives in Accord
 * and the numbers are read as the viewer on every load. Readers only read here: the report is edited through
 * the macro's config, which Confluence offers only to people who may edit the page.
 */
import { useCallback, useEffect, useState } from 'react';
import type { StatusReportView } from '../../../src/shared/progress';
import { ResolverCallError, describeError } from '../../common/src/resolver-client';
import { EmptyState, ErrorState, LoadingState } from '../../common/src/states';
import { ReportView } from './report-view';
import type { JiraRequest } from '../../common/src/jira-request';
import { useApproverNames } from '../../common/src/initiative-numbers-decisions';

type State =
  | { kind: 'loading' }
  | { kind: 'unconfigured' }
  | { kind: 'error'; title: string; message: string }
  | { kind: 'loaded'; view: StatusReportView; locale: string };

export interface StatusReportDeps {
  getContext: () => Promise<{ extension: unknown; locale?: string }>;
  getReport: (reportId: string) => Promise<StatusReportView>;
  now: () => Date;
  /** Jira as the viewer, for the names of the pending decisions' Approvers. */
  jira?: JiraRequest;
  /** Opens a decision's Confluence page (the router); without it the decisions are counted, not listed. */
  openPage?: (path: string) => void;
}

/** The report id from the macro config, or '' when the macro is not set up. */
export function reportIdOf(extension: unknown): string {
  const config = (extension as { config?: { reportId?: unknown } } | null)?.config;
  return typeof config?.reportId === 'string' ? config.reportId : '';
}

export function StatusReportMacro({ deps }: { deps: StatusReportDeps }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const nameOf = useApproverNames(
    state.kind === 'loaded' && state.view.status ? [state.view.status] : [],
    deps.jira,
  );

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const context = await deps.getContext();
      const reportId = reportIdOf(context.extension);
      if (!reportId) {
        setState({ kind: 'unconfigured' });
        return;
      }
      const view = await deps.getReport(reportId);
      setState({ kind: 'loaded', view, locale: context.locale ?? 'en' });
    } catch (error) {
      const missing = error instanceof ResolverCallError && error.code === 'NOT_FOUND';
      setState({
        kind: 'error',
        title: missing ? 'This status report no longer exists' : 'The status report could not be loaded',
        message: missing
          ? 'It may have been deleted. Edit the macro to write a new report.'
          : describeError(error),
      });
    }
  }, [deps]);

  useEffect(() => {
    void load();
  }, [load]);

  switch (state.kind) {
    case 'loading':
      return <LoadingState label="Loading the status report" />;
    case 'unconfigured':
      return (
        <EmptyState title="This status report is not written yet">
          Edit the macro to write the three sections and choose the initiative.
        </EmptyState>
      );
    case 'error':
      return <ErrorState title={state.title} message={state.message} onRetry={() => void load()} />;
    case 'loaded':
      return (
        <ReportView
          view={state.view}
          now={deps.now()}
          locale={state.locale}
          {...(deps.openPage ? { decisions: { nameOf, onOpenPage: deps.openPage } } : {})}
        />
      );
  }
}
