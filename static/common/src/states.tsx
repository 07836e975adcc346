/** Loading, empty and error states shared by every app, so all screens say things the same way. */
import type { ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Heading from '@atlaskit/heading';

export function LoadingState({ label }: { label: string }) {
  return (
    <Inline space="space.100" alignBlock="center" testId="loading-state">
      <Spinner size="medium" label={label} />
      <Text color="color.text.subtle">{label}</Text>
    </Inline>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Box padding="space.200" testId="empty-state">
      <Stack space="space.100">
        <Heading size="small" as="h3">
          {title}
        </Heading>
        {children ? <Text color="color.text.subtle">{children}</Text> : null}
      </Stack>
    </Box>
  );
}

export function ErrorState({
  title,
  message,
  onRetry,
}: {
  title: string;
  /** A sentence that says what happened and what to do next. */
  message: string;
  onRetry?: () => void;
}) {
  return (
    <SectionMessage appearance="error" title={title} testId="error-state">
      <Stack space="space.100">
        <Text>{message}</Text>
        {onRetry ? (
          <Inline>
            <Button onClick={onRetry}>Try again</Button>
          </Inline>
        ) : null}
      </Stack>
    </SectionMessage>
  );
}
