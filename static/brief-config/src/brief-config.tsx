/**
 * The brief macro's config (opened full-size by Confluence): load the brief the macro points at, edit it,
 * save it with the revision it was loaded at, then hand the id back to the page as the macro config.
 */
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { BriefDetail, BriefMacroConfig } from '../../../src/shared/brief';
import { ErrorState, LoadingState } from '../../common/src/states';
import { bridgeHost } from '../../common/src/macro-config/bridge-host';
import { SaveErrorMessage } from '../../common/src/macro-config/save-error-message';
import { useMacroConfig } from '../../common/src/macro-config/use-macro-config';
import { getBrief, jiraAsViewer, saveBrief } from './api';
import { fetchNames } from '../../common/src/user-picker-people';
import { BriefForm, type BriefDraft } from './brief-form';

interface Loaded {
  briefId?: string;
  revision: number;
  initial: BriefDraft;
  readOnly: boolean;
  names: ReadonlyMap<string, string>;
}

const EMPTY: BriefDraft = {
  title: '',
  status: 'draft',
  sections: {
    problem: '',
    goals: '',
    scope: '',
    engineering: '',
    legal: '',
    cost: '',
    marketing: '',
    risks: '',
  },
  milestones: [],
  epicKeys: '',
  jql: '',
  ownerAccountId: null,
};

const draftOf = (brief: BriefDetail): BriefDraft => ({
  title: brief.title,
  status: brief.status,
  sections: { ...brief.sections },
  milestones: brief.milestones.map((m) => ({ ...m })),
  epicKeys: brief.linkedWork.epicKeys.join(', '),
  jql: brief.linkedWork.jql,
  ownerAccountId: brief.ownerAccountId,
});

export function BriefConfig() {
  const config = useMacroConfig<Loaded, keyof BriefMacroConfig>({
    idKey: 'briefId',
    getContext: bridgeHost.getContext,
    submit: bridgeHost.submit,
    conflictMessage:
      'Someone changed this brief while you were editing. Reload to see their version, then make your change again.',
    load: async (briefId) => {
      if (!briefId) return { revision: 0, initial: EMPTY, readOnly: false, names: new Map() };
      const brief = await getBrief(briefId);
      const names = await fetchNames(jiraAsViewer, brief.ownerAccountId ? [brief.ownerAccountId] : []);
      return {
        briefId: brief.id,
        revision: brief.revision,
        initial: draftOf(brief),
        readOnly: !brief.canEdit,
        names,
      };
    },
  });
  const { state: loaded } = config;

  const cancel = () => {
    void bridgeHost.close().catch(() => undefined);
  };

  if (loaded.kind === 'loading') return <LoadingState label="Loading the brief" />;
  if (loaded.kind === 'error') {
    return (
      <ErrorState title="The brief could not be loaded" message={loaded.message} onRetry={config.reload} />
    );
  }
  const state = loaded.value;

  const save = (draft: BriefDraft, epicKeys: string[]) =>
    config.save(async () => {
      const saved = await saveBrief({
        ...(state.briefId ? { briefId: state.briefId } : {}),
        revision: state.revision,
        title: draft.title,
        status: draft.status,
        sections: draft.sections,
        milestones: draft.milestones,
        linkedWork: { epicKeys, jql: draft.jql.trim() },
        ownerAccountId: draft.ownerAccountId ?? null,
      });
      return saved.id;
    });

  return (
    <Box padding="space.300">
      <Stack space="space.200">
        <Heading size="medium" as="h1">
          {state.briefId ? 'Edit project brief' : 'New project brief'}
        </Heading>
        <SaveErrorMessage
          error={config.saveError}
          conflictTitle="Someone changed this brief while you were editing"
          testId="brief-save-error"
          onReload={config.reload}
        />
        {state.readOnly ? (
          <SectionMessage appearance="information" title="View only" testId="brief-read-only">
            <Text>You can view this page but not edit it, so the brief is read-only for you.</Text>
          </SectionMessage>
        ) : null}
        <BriefForm
          key={loaded.loads}
          initial={state.initial}
          saving={config.saving}
          onSave={(draft, epicKeys) => void save(draft, epicKeys)}
          onCancel={cancel}
          people={{ request: jiraAsViewer, names: state.names }}
        />
      </Stack>
    </Box>
  );
}
