/**
 * The Status report macro's config (opened large by Confluence): load the report the macro points at and the
 * briefs the viewer may see, edit, save with the revision it was loaded at (`status/save`), then hand the
 * report id back to the page as the macro config.
 */
import Heading from '@atlaskit/heading';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { SaveStatusReportPayload, StatusReportView } from '../../../src/shared/progress';
import type { BriefList, BriefListItem } from '../../../src/shared/settings';
import { ErrorState, LoadingState } from '../../common/src/states';
import { SaveErrorMessage } from '../../common/src/macro-config/save-error-message';
import { useMacroConfig, type MacroContext } from '../../common/src/macro-config/use-macro-config';
import { EMPTY_DRAFT, ReportForm, type ReportDraft } from './report-form';

export const CONFLICT_TITLE = 'Someone changed this report while you were editing';

interface Loaded {
  reportId?: string;
  revision: number;
  initial: ReportDraft;
  briefs: BriefListItem[];
  truncated: boolean;
}

export interface StatusReportConfigDeps {
  getContext: () => Promise<MacroContext>;
  getReport: (reportId: string) => Promise<StatusReportView>;
  listBriefs: () => Promise<BriefList>;
  save: (payload: SaveStatusReportPayload) => Promise<StatusReportView>;
  submit: (config: { reportId: string }) => Promise<void>;
  close: () => Promise<void>;
}

export function StatusReportConfig({ deps }: { deps: StatusReportConfigDeps }) {
  const config = useMacroConfig<Loaded, 'reportId'>({
    idKey: 'reportId',
    getContext: deps.getContext,
    submit: deps.submit,
    load: async (reportId) => {
      const [list, view] = await Promise.all([
        deps.listBriefs(),
        reportId ? deps.getReport(reportId) : Promise.resolve(undefined),
      ]);
      return {
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
      };
    },
  });
  const { state: loaded } = config;

  if (loaded.kind === 'loading') return <LoadingState label="Loading the status report" />;
  if (loaded.kind === 'error') {
    return (
      <ErrorState
        title="The status report could not be loaded"
        message={loaded.message}
        onRetry={config.reload}
      />
    );
  }
  const state = loaded.value;

  const save = (draft: ReportDraft) =>
    config.save(async () => {
      const saved = await deps.save({
        ...(state.reportId ? { reportId: state.reportId } : {}),
        revision: state.revision,
        ...draft,
      });
      return saved.report.id;
    });

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
        <SaveErrorMessage
          error={config.saveError}
          conflictTitle={CONFLICT_TITLE}
          testId="status-save-error"
          onReload={config.reload}
        />
        {state.truncated ? (
          <Text size="small" color="color.text.subtlest">
            Only the most recently updated initiatives are listed.
          </Text>
        ) : null}
        <ReportForm
          key={loaded.loads}
          initial={state.initial}
          briefs={state.briefs}
          saving={config.saving}
          onSave={(draft) => void save(draft)}
          onCancel={() => void deps.close().catch(() => undefined)}
        />
      </Stack>
    </Box>
  );
}
