/**
 * The page byline's popup: "● Amber · 62% done" for the brief on this page, then the reason and the numbers.
 * The resolver finds the brief from the page in the platform context (never from the browser) and reads the
 * numbers as the viewer; a page without a brief, or one whose initiative the viewer cannot see, says so.
 */
import { useCallback, useEffect, useState } from 'react';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { BylineView } from '../../../src/shared/progress';
import { InitiativeNumbers } from '../../common/src/initiative-numbers';
import { RagDot, compactStatus } from '../../common/src/rag-status';
import { describeError } from '../../common/src/resolver-client';
import { ErrorState, LoadingState } from '../../common/src/states';

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; view: BylineView; locale: string };

export interface BylineDeps {
  getContext: () => Promise<{ locale?: string }>;
  getByline: () => Promise<BylineView>;
}

export const NO_BRIEF_TEXT = 'No Accord initiative on this page that you can see.';

export function BriefByline({ deps }: { deps: BylineDeps }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const [context, view] = await Promise.all([deps.getContext(), deps.getByline()]);
      setState({ kind: 'loaded', view, locale: context.locale ?? 'en' });
    } catch (error) {
      setState({ kind: 'error', message: describeError(error) });
    }
  }, [deps]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <LoadingState label="Loading the status" />;
  if (state.kind === 'error') {
    return (
      <ErrorState
        title="The status could not be loaded"
        message={state.message}
        onRetry={() => void load()}
      />
    );
  }
  const { status } = state.view;
  if (!status) {
    return (
      <Box padding="space.150" testId="byline-empty">
        <Text color="color.text.subtle">{NO_BRIEF_TEXT}</Text>
      </Box>
    );
  }
  return (
    <Box padding="space.150" testId="byline-status">
      <Stack space="space.150">
        <Inline space="space.075" alignBlock="center">
          <RagDot rag={status.rag} />
          <Text weight="bold" testId="byline-compact">
            {compactStatus(status)}
          </Text>
        </Inline>
        <Text size="small" color="color.text.subtle" testId="byline-title">
          {status.title}
        </Text>
        <InitiativeNumbers status={status} locale={state.locale} />
      </Stack>
    </Box>
  );
}
