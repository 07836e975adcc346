/**
 * The Status report macro's config (opened large by Confluence): load the report the macro points at and the
 * briefs the viewer may see, edit, save with the revision it was loaded at (`status/save`), then hand the
 * report id back to the page as the macro config.
 */
import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { SaveStatusReportPayload, StatusReportView } from '../../../src/shared/progress';
import type { BriefList, BriefListItem } from '../../../src/shared/settings';
import { ResolverCallError, describeError } from '../../common/src/resolver-client';
import { ErrorState, LoadingState } from '../../common/src/states';
import { EMPTY_DRAFT, ReportForm, type ReportDraft } from './report-form';

export const CONFLICT_TITLE = 'Someone changed this report while you were editing';

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | {
      kind: 'editing';
      reportId?: string;
      revision: number;
      initial: ReportDraft;
      briefs: BriefListItem[];
      truncated: boolean;
    };

export interface StatusReportConfigDeps {
  getContext: () => Promise<{ extension: unknown }>;
  getReport: (reportId: string) => Promise<StatusReportView>;
  listBriefs: () => Promise<BriefList>;
  save: (payload: SaveStatusReportPayload) => Promise<StatusReportView>;
  submit: (config: { reportId: string }) => Promise<void>;
  close: () => Promise<void>;
}

const reportIdOf = (extension: unknown): string | undefined => {
  const config = (extension as { config?: { reportId?: unknown } } | null)?.config;
  return typeof config?.reportId === 'string' && config.reportId ? config.reportId : undefined;
};

export function StatusReportConfig({ deps }: { deps: StatusReportConfigDeps }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<{ conflict: boolean; message: string } | null>(null);
  const [loads, setLoads] = useState(0);

  const load = useCallback(async () => {
    setSaveError(null);
    try {
      const context = await deps.getContext();
      const reportId = reportIdOf(context.extension);
      const [list, view] = await Promise.all([
        deps.listBriefs(),
        reportId ? deps.getReport(reportId) : Promise.resolve(undefined),
      ]);
      setLoads((n) => n + 1);
      setState({
        kind: 'editing',
        ...(view ? { reportId: view.report.id } : {}),
        revision: view ? view.report.revision : 0,
        initial: view
          ? {
              briefId: view.report.briefId,
              problemAndImpact: view.report.problemAndImpact,
              rootCauseAndOptions: view.report.rootCauseAndOptions,
              recommendation: view.report.recommendation,
            }
          : EMPTY_DRAFT,
        briefs: list.briefs,
        truncated: list.truncated,
      });
    } catch (error) {
      setState({ kind: 'error', message: describeError(error) });
    }
  }, [deps]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <LoadingState label="Loading the status report" />;
  if (state.kind === 'error') {
    return (
      <ErrorState
        title="The status report could not be loaded"
        message={state.message}
        onRetry={() => void load()}
      />
    );
  }

  const save = async (draft: ReportDraft) => {
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await deps.save({
        ...(state.reportId ? { reportId: state.reportId } : {}),
        revision: state.revision,
        ...draft,
      });
      await deps.submit({ reportId: saved.report.id });
    } catch (error) {
      const conflict = error instanceof ResolverCallError && error.code === 'CONFLICT';
      setSaveError({
        conflict,
        message: conflict
          ? 'Reload to see their version, then make your change again. Copy anything you want to keep first.'
          : describeError(error),
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box padding="space.300">
      <Stack space="space.200">
        <Heading size="medium" as="h1">
          {state.reportId ? 'Edit status report' : 'New status report'}
        </Heading>
        <Text color="color.text.subtle">
          Bad news travels best in this order: the problem and what it costs, why it happened and what you
          considered, then what you recommend and what you need.
        </Text>
        {saveError ? (
          <SectionMessage
            appearance={saveError.conflict ? 'warning' : 'error'}
            title={saveError.conflict ? CONFLICT_TITLE : 'Not saved'}
            testId="status-save-error"
          >
            <Stack space="space.100">
              <Text>{saveError.message}</Text>
              {saveError.conflict ? (
                <Box>
                  <Button onClick={() => void load()}>Reload</Button>
                </Box>
              ) : null}
            </Stack>
          </SectionMessage>
        ) : null}
        {state.truncated ? (
          <Text size="small" color="color.text.subtlest">
            Only the most recently updated initiatives are listed.
          </Text>
        ) : null}
        <ReportForm
          key={loads}
          initial={state.initial}
          briefs={state.briefs}
          saving={saving}
          onSave={(draft) => void save(draft)}
          onCancel={() => void deps.close().catch(() => undefined)}
        />
      </Stack>
    </Box>
  );
}
