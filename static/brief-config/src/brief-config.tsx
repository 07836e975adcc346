/**
 * The brief macro's config (opened full-size by Confluence): load the brief the macro points at, edit it,
 * save it with the revision it was loaded at, then hand the id back to the page as the macro config.
 */
import { useCallback, useEffect, useState } from 'react';
import { view } from '@forge/bridge';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { BriefMacroConfig } from '../../../src/shared/brief';
import { ResolverCallError, describeError } from '../../common/src/resolver-client';
import { ErrorState, LoadingState } from '../../common/src/states';
import { getBrief, saveBrief } from './api';
import { BriefForm, type BriefDraft } from './brief-form';

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'editing'; briefId?: string; revision: number; initial: BriefDraft; formKey: number };

const EMPTY: BriefDraft = { title: '', problem: '', status: 'draft' };

export function BriefConfig() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<{ conflict: boolean; message: string } | null>(null);

  const load = useCallback(async () => {
    setSaveError(null);
    try {
      const context = await view.getContext();
      const config = (context.extension as { config?: Partial<BriefMacroConfig> }).config;
      const briefId = typeof config?.briefId === 'string' && config.briefId ? config.briefId : undefined;
      if (!briefId) {
        setState({ kind: 'editing', revision: 0, initial: EMPTY, formKey: Date.now() });
        return;
      }
      const brief = await getBrief(briefId);
      setState({
        kind: 'editing',
        briefId: brief.id,
        revision: brief.revision,
        initial: { title: brief.title, problem: brief.problem, status: brief.status },
        formKey: Date.now(),
      });
    } catch (error) {
      setState({ kind: 'error', message: describeError(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const cancel = () => {
    void view.close().catch(() => undefined);
  };

  if (state.kind === 'loading') return <LoadingState label="Loading the brief" />;
  if (state.kind === 'error') {
    return (
      <ErrorState title="The brief could not be loaded" message={state.message} onRetry={() => void load()} />
    );
  }

  const save = async (draft: BriefDraft) => {
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await saveBrief({
        ...(state.briefId ? { briefId: state.briefId } : {}),
        revision: state.revision,
        ...draft,
      });
      const config: BriefMacroConfig = { briefId: saved.id };
      await view.submit({ config });
    } catch (error) {
      const conflict = error instanceof ResolverCallError && error.code === 'CONFLICT';
      setSaveError({
        conflict,
        message: conflict
          ? 'Someone changed this brief while you were editing. Reload to see their version, then make your change again.'
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
          {state.briefId ? 'Edit project brief' : 'New project brief'}
        </Heading>
        {saveError ? (
          <SectionMessage
            appearance={saveError.conflict ? 'warning' : 'error'}
            title={saveError.conflict ? 'Someone changed this brief while you were editing' : 'Not saved'}
            testId="brief-save-error"
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
        <BriefForm
          key={state.formKey}
          initial={state.initial}
          saving={saving}
          onSave={(draft) => void save(draft)}
          onCancel={cancel}
        />
      </Stack>
    </Box>
  );
}
