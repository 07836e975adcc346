/**
 * The Decision log's config: every decision in this space (the default) or the decisions of one brief, picked
 * from the briefs the viewer can see. Only the choice is stored (`{ scope: 'space' }` or `{ briefId }`).
 */
import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { BriefList } from '../../../src/shared/settings';
import { ErrorState, LoadingState } from '../../common/src/states';
import { useMacroConfig, type MacroContext } from '../../common/src/macro-config/use-macro-config';

export type DecisionLogConfigValue = { scope: 'space' } | { briefId: string };

export interface DecisionLogConfigDeps {
  getContext: () => Promise<MacroContext>;
  listBriefs: () => Promise<BriefList>;
  submit: (config: DecisionLogConfigValue) => Promise<void>;
  close: () => Promise<void>;
}

interface Choice {
  value: string;
  label: string;
}

const SPACE: Choice = { value: '', label: 'Every decision in this space' };

interface Loaded {
  choices: Choice[];
  chosen: string;
  truncated: boolean;
}

export function DecisionLogConfig({ deps }: { deps: DecisionLogConfigDeps }) {
  const config = useMacroConfig<Loaded, 'briefId'>({
    idKey: 'briefId',
    getContext: deps.getContext,
    load: async (stored) => {
      const list = await deps.listBriefs();
      const chosen = stored ?? '';
      const choices: Choice[] = [
        SPACE,
        ...list.briefs.map((b) => ({ value: b.id, label: `Decisions of the brief “${b.title}”` })),
      ];
      // A brief chosen earlier that the viewer can no longer list stays choosable, so saving does not drop it.
      if (chosen && !choices.some((c) => c.value === chosen))
        choices.push({ value: chosen, label: 'The brief chosen before (not visible to you)' });
      return { choices, chosen, truncated: list.truncated };
    },
  });

  if (config.state.kind === 'loading') return <LoadingState label="Loading the briefs" />;
  if (config.state.kind === 'error')
    return (
      <ErrorState
        title="The briefs could not be listed"
        message={config.state.message}
        onRetry={config.reload}
      />
    );
  const state = config.state.value;
  return (
    <Box padding="space.300">
      <Stack space="space.150">
        <Text weight="bold">Which decisions does this log list?</Text>
        <label htmlFor="decision-log-brief">
          <Text>This space, or one brief</Text>
        </label>
        <Select<Choice>
          inputId="decision-log-brief"
          options={state.choices}
          value={state.choices.find((c) => c.value === state.chosen) ?? SPACE}
          onChange={(c) => config.update((v) => ({ ...v, chosen: c?.value ?? '' }))}
        />
        {state.truncated ? (
          <Text size="small" color="color.text.subtlest">
            Only the most recently updated briefs are listed.
          </Text>
        ) : null}
        <Inline space="space.100">
          <Button
            appearance="primary"
            onClick={() => void deps.submit(state.chosen ? { briefId: state.chosen } : { scope: 'space' })}
          >
            Save
          </Button>
          <Button appearance="subtle" onClick={() => void deps.close().catch(() => undefined)}>
            Cancel
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
