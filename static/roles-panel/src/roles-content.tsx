/**
 * What the panel shows for each state of loading. Pure: the container (roles-panel.tsx) loads, this
 * draws, so the states can be tested without a bridge.
 */
import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives';
import type { RolesView } from '../../../src/shared/roles';
import { EmptyState, ErrorState, LoadingState } from '../../common/src/states';
import type { Person } from './people';
import { RolesTable } from './roles-table';

export type RolesState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; roles: RolesView; people: ReadonlyMap<string, Person>; peopleError?: string };

export function RolesContent({ state, onRetry }: { state: RolesState; onRetry: () => void }) {
  if (state.kind === 'loading') return <LoadingState label="Loading roles" />;
  if (state.kind === 'error') {
    return <ErrorState title="Roles could not be loaded" message={state.message} onRetry={onRetry} />;
  }
  const { roles, people, peopleError } = state;
  return (
    <Stack space="space.150">
      {roles.findings.map((finding) => (
        <SectionMessage
          key={`${finding.code}:${finding.message}`}
          appearance={finding.severity === 'error' ? 'error' : 'warning'}
          testId="roles-finding"
        >
          <Text>{finding.message}</Text>
        </SectionMessage>
      ))}
      {roles.source === 'inherited' && roles.inheritedFrom ? (
        <Text color="color.text.subtle" testId="roles-inherited">
          {roles.framework} inherited from {roles.inheritedFrom}
        </Text>
      ) : null}
      {peopleError ? (
        <SectionMessage appearance="information" testId="roles-people-error">
          <Text>{peopleError}</Text>
        </SectionMessage>
      ) : null}
      {roles.assignments.length === 0 ? (
        <EmptyState title="No roles on this issue yet">
          Decide who is Accountable for this work and who is Responsible for doing it, then record them here
          so everyone knows whom to consult and whom to inform.
        </EmptyState>
      ) : (
        <RolesTable assignments={roles.assignments} people={people} />
      )}
    </Stack>
  );
}
