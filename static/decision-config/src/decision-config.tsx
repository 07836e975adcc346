/**
 * The Decision macro's config (opened large by Confluence): load the decision the macro points at, edit it,
 * save with the revision it was loaded at (`decision/save`), then hand the decision id back as the macro config.
 */
import Heading from '@atlaskit/heading';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { DecisionDraftData, DecisionView, SaveDecisionPayload } from '../../../src/shared/decision';
import type { JiraRequest } from '../../common/src/user-picker-people';
import { ErrorState, LoadingState } from '../../common/src/states';
import { SaveErrorMessage } from '../../common/src/macro-config/save-error-message';
import { useMacroConfig, type MacroContext } from '../../common/src/macro-config/use-macro-config';
import { DecisionForm, EMPTY_DRAFT } from './decision-form';

export const CONFLICT_TITLE = 'Someone changed this decision while you were editing';

export interface DecisionConfigDeps {
  getContext: () => Promise<MacroContext>;
  getDecision: (decisionId: string) => Promise<DecisionView>;
  save: (payload: SaveDecisionPayload) => Promise<DecisionView>;
  names: (accountIds: string[]) => Promise<Map<string, string>>;
  request: JiraRequest;
  submit: (config: { decisionId: string }) => Promise<void>;
  close: () => Promise<void>;
}

interface Loaded {
  decisionId?: string;
  revision: number;
  initial: DecisionDraftData;
  names: Map<string, string>;
}

export function toDraft(view: DecisionView): DecisionDraftData {
  const { id: _id, status: _s, outcome: _o, log: _l, ...draft } = view.decision;
  return draft;
}

export function DecisionConfig({ deps }: { deps: DecisionConfigDeps }) {
  const config = useMacroConfig<Loaded, 'decisionId'>({
    idKey: 'decisionId',
    getContext: deps.getContext,
    submit: deps.submit,
    load: async (id, context) => {
      const view = id ? await deps.getDecision(id) : undefined;
      const initial = view ? toDraft(view) : { ...EMPTY_DRAFT, driver: context.accountId ?? null };
      const ids = [initial.driver, initial.approver, ...initial.contributors, ...initial.informed].filter(
        (x): x is string => typeof x === 'string',
      );
      const names =
        ids.length > 0
          ? await deps.names(ids).catch(() => new Map<string, string>())
          : new Map<string, string>();
      return {
        ...(view ? { decisionId: view.decision.id } : {}),
        revision: view ? view.revision : 0,
        initial,
        names,
      };
    },
  });
  const { state: loaded } = config;

  if (loaded.kind === 'loading') return <LoadingState label="Loading the decision" />;
  if (loaded.kind === 'error') {
    return (
      <ErrorState title="The decision could not be loaded" message={loaded.message} onRetry={config.reload} />
    );
  }
  const state = loaded.value;

  const save = (draft: DecisionDraftData) =>
    config.save(async () => {
      const saved = await deps.save({
        ...(state.decisionId ? { decisionId: state.decisionId } : {}),
        revision: state.revision,
        draft,
      });
      return saved.decision.id;
    });

  return (
    <Box padding="space.300">
      <Stack space="space.200">
        <Heading size="medium" as="h1">
          {state.decisionId ? 'Edit decision' : 'New decision'}
        </Heading>
        <Text color="color.text.subtle">
          The Driver frames the question and the options; Contributors add their input on the page; only the
          Approver decides.
        </Text>
        <SaveErrorMessage
          error={config.saveError}
          conflictTitle={CONFLICT_TITLE}
          testId="decision-save-error"
          onReload={config.reload}
        />
        <DecisionForm
          key={loaded.loads}
          initial={state.initial}
          names={state.names}
          request={deps.request}
          saving={config.saving}
          onSave={(draft) => void save(draft)}
          onCancel={() => void deps.close().catch(() => undefined)}
        />
      </Stack>
    </Box>
  );
}
