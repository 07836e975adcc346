/** The sentences about one field, shown beside it and tied to it with aria-describedby. */
import { Stack, Text } from '@atlaskit/primitives';

export function FieldProblems({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <Stack space="space.025" testId={`problems-${id}`}>
      {messages.map((m) => (
        <Text key={m} size="small" color="color.text.danger" id={id}>
          {m}
        </Text>
      ))}
    </Stack>
  );
}

/** Props for an Atlaskit Textfield or Select whose problems are shown by FieldProblems with this id. */
export const describedBy = (id: string, messages: readonly string[] | undefined) =>
  messages && messages.length > 0 ? { 'aria-describedby': id, isInvalid: true } : {};

/** The same for a native element (a fieldset of check boxes). */
export const nativeDescribedBy = (id: string, messages: readonly string[] | undefined) =>
  messages && messages.length > 0 ? { 'aria-describedby': id, 'aria-invalid': true as const } : {};
