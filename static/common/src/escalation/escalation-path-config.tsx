/**
 * The Escalation Path macro's config (opened large by Confluence): load the path the macro points at, edit it,
 * check it with the same rules the server applies (each problem beside its field), save with the revision it
 * was loaded at (`escalation/path-save`), then hand the path id back to the page as the macro config.
 */
import { useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { BusinessCalendar, PathProblem } from '../../../../src/domain/escalation';
import type { EscalationPathView, SavePathPayload } from '../../../../src/shared/escalation';
import { ResolverCallError } from '../resolver-client';
import { ErrorState, LoadingState } from '../states';
import type { JiraRequest } from '../jira-request';
import { fetchNames } from '../user-picker-people';
import { SaveErrorMessage } from '../macro-config/save-error-message';
import { useMacroConfig, type MacroContext } from '../macro-config/use-macro-config';
import {
  documentOf,
  draftOf,
  draftProblems,
  emptyDraft,
  problemsByField,
  type PathDraft,
  type ProblemsByField,
} from './path-draft';
import { PathEditor } from './path-editor';

export const CONFLICT_TITLE = 'Someone changed this escalation path while you were editing';

/** Where a new path starts: Mon–Fri 09:00–17:00 in the viewer's time zone. */
export const starterCalendar = (): BusinessCalendar => ({
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  hours: { start: '09:00', end: '17:00' },
  pausedStatuses: [],
});

export interface EscalationPathConfigDeps {
  getContext: () => Promise<MacroContext>;
  getPath: (pathId: string) => Promise<EscalationPathView>;
  save: (payload: SavePathPayload) => Promise<EscalationPathView>;
  submit: (config: { pathId: string }) => Promise<void>;
  close: () => Promise<void>;
  jira: JiraRequest;
  /** Where a new path's calendar starts (the admin page passes the site defaults); the viewer's zone otherwise. */
  starterCalendar?: BusinessCalendar;
  /** What the path is for, under the heading (the admin page's site default path says so). */
  intro?: string;
}

interface Loaded {
  pathId?: string;
  revision: number;
  canEdit: boolean;
  draft: PathDraft;
  enabled: boolean;
}

export function EscalationPathConfig({ deps }: { deps: EscalationPathConfigDeps }) {
  const [showProblems, setShowProblems] = useState(false);
  const [serverProblems, setServerProblems] = useState<PathProblem[]>([]);
  const config = useMacroConfig<Loaded, 'pathId'>({
    idKey: 'pathId',
    getContext: deps.getContext,
    submit: deps.submit,
    load: async (pathId) => {
      if (!pathId) {
        const draft = emptyDraft(deps.starterCalendar ?? starterCalendar());
        return { revision: 0, canEdit: true, draft, enabled: false };
      }
      const view = await deps.getPath(pathId);
      const ids = view.path.levels.flatMap((l) =>
        l.targets.flatMap((t) => (t.kind === 'person' ? [t.accountId] : [])),
      );
      const names = ids.length > 0 ? await fetchNames(deps.jira, ids) : new Map<string, string>();
      return {
        pathId: view.pathId,
        revision: view.revision,
        canEdit: view.canEdit,
        draft: draftOf(view.path, names),
        enabled: view.enabled,
      };
    },
  });
  const { state: loaded, saving, saveError } = config;
  const draft = loaded.kind === 'ready' ? loaded.value.draft : undefined;

  const localProblems = useMemo(
    () => (showProblems && draft ? draftProblems(draft) : []),
    [draft, showProblems],
  );
  const problems = useMemo<ProblemsByField>(
    () => (draft ? problemsByField([...localProblems, ...serverProblems], documentOf(draft)) : new Map()),
    [localProblems, serverProblems, draft],
  );

  const reload = () => {
    setServerProblems([]);
    setShowProblems(false);
    config.reload();
  };

  if (loaded.kind === 'loading') return <LoadingState label="Loading the escalation path" />;
  if (loaded.kind === 'error') {
    return (
      <ErrorState title="The escalation path could not be loaded" message={loaded.message} onRetry={reload} />
    );
  }
  const state = loaded.value;

  const change = (next: PathDraft) => {
    config.update((v) => ({ ...v, draft: next }));
    setServerProblems([]);
  };

  const save = async () => {
    setShowProblems(true);
    config.clearSaveError();
    if (draftProblems(state.draft).length > 0) return;
    await config.save(async () => {
      try {
        const saved = await deps.save({
          ...(state.pathId ? { pathId: state.pathId } : {}),
          revision: state.revision,
          enabled: state.enabled,
          path: documentOf(state.draft),
        });
        return saved.pathId;
      } catch (error) {
        if (error instanceof ResolverCallError && error.code === 'INVALID_INPUT') {
          const details = error.details as { problems?: PathProblem[] } | undefined;
          if (details?.problems) setServerProblems(details.problems);
        }
        throw error;
      }
    });
  };

  const problemCount = [...problems.values()].reduce((n, list) => n + list.length, 0);

  return (
    <Box padding="space.300">
      <Stack space="space.200">
        <Heading size="medium" as="h1">
          {state.pathId ? 'Edit escalation path' : 'New escalation path'}
        </Heading>
        <Text color="color.text.subtle">
          {deps.intro ??
            'Say in advance when a stuck issue climbs, to whom, and on which calendar. The page shows it as a ' +
              'document people can follow; Accord runs it once it is enabled.'}
        </Text>
        {!state.canEdit ? (
          <SectionMessage appearance="information" title="View only">
            <Text>
              You can view this page but not edit it, so you cannot change its escalation path. Ask the page
              owner for edit access.
            </Text>
          </SectionMessage>
        ) : null}
        <SaveErrorMessage
          error={saveError}
          conflictTitle={CONFLICT_TITLE}
          forbiddenTitle="You cannot change this escalation path"
          testId="path-save-error"
          onReload={reload}
        />
        <PathEditor
          draft={state.draft}
          enabled={state.enabled}
          problems={problems}
          request={deps.jira}
          onChange={change}
          onEnabledChange={(enabled) => config.update((v) => ({ ...v, enabled }))}
        />
        {problemCount > 0 ? (
          <Text color="color.text.danger" testId="path-problem-count">
            {problemCount === 1 ? 'Fix 1 problem' : `Fix ${problemCount} problems`} before saving: each is
            shown beside its field.
          </Text>
        ) : null}
        <Inline space="space.100">
          <Button appearance="primary" isDisabled={saving || !state.canEdit} onClick={() => void save()}>
            {saving ? 'Saving…' : 'Save'}
          </Button>
          <Button appearance="subtle" onClick={() => void deps.close().catch(() => undefined)}>
            Cancel
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
