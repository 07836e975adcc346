/** A config screen's "not saved" message: a conflict warns and offers a reload; other errors say what failed. */
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { SaveError } from './use-macro-config';

export function SaveErrorMessage({
  error,
  conflictTitle,
  forbiddenTitle = 'Not saved',
  testId,
  onReload,
}: {
  error: SaveError | null;
  conflictTitle: string;
  forbiddenTitle?: string;
  testId: string;
  onReload: () => void;
}) {
  if (!error) return null;
  const conflict = error.kind === 'conflict';
  return (
    <SectionMessage
      appearance={conflict ? 'warning' : 'error'}
      title={conflict ? conflictTitle : error.kind === 'forbidden' ? forbiddenTitle : 'Not saved'}
      testId={testId}
    >
      <Stack space="space.100">
        <Text>{error.message}</Text>
        {conflict ? (
          <Box>
            <Button onClick={onReload}>Reload</Button>
          </Box>
        ) : null}
      </Stack>
    </SectionMessage>
  );
}
