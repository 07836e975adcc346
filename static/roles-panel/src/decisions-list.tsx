/**
 * "Decisions that affect this issue": read from the issue's `accord-decisions` property in the panel's one
 * issue read (no extra product call, no invocation); each opens its Confluence page through the router.
 */
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { IssueDecisionEntry } from '../../../src/shared/decision';
import { APPEARANCE, LABEL } from './decisions-list-property';

// Loaded on click, so reading the panel (and its tests) never needs the bridge.
const openPage = (pageId: string) =>
  void import('@forge/bridge').then(({ router }) =>
    router.navigate({ target: 'contentView', contentId: pageId }),
  );

export function DecisionsList({
  decisions,
  onOpen = openPage,
}: {
  decisions: readonly IssueDecisionEntry[] | undefined;
  onOpen?: (pageId: string) => void;
}) {
  if (!decisions || decisions.length === 0) return null;
  return (
    <Box paddingBlockStart="space.150" testId="roles-decisions">
      <Stack space="space.075">
        <Text weight="bold">Decisions ({decisions.length})</Text>
        {decisions.map((d) => (
          <Inline key={d.id} space="space.100" alignBlock="center" shouldWrap>
            <Lozenge appearance={APPEARANCE[d.status]}>{LABEL[d.status]}</Lozenge>
            <Button appearance="subtle" testId={`roles-decision-${d.id}`} onClick={() => onOpen(d.pageId)}>
              {d.title}
            </Button>
            {d.dueDate ? <Text size="small" color="color.text.subtle">{`due ${d.dueDate}`}</Text> : null}
          </Inline>
        ))}
      </Stack>
    </Box>
  );
}
