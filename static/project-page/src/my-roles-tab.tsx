/** My roles: for each role, the issues of this project where the viewer holds it (JQL aliases, from the browser). */
import { useCallback, useEffect, useState } from 'react';
import Lozenge from '@atlaskit/lozenge';
import Heading from '@atlaskit/heading';
import { Stack, Text } from '@atlaskit/primitives';
import { ROLE_LABELS } from '../../roles-panel/src/role-labels';
import { EmptyState, ErrorState, LoadingState } from '../../common/src/states';
import { fetchMyRoles, ROLE_ALIASES, type MyRoles, type ProjectJiraRequest } from './jira';
import { IssueLink } from './issue-link';

export function MyRolesTab({
  request,
  projectKey,
  accountId,
}: {
  request: ProjectJiraRequest;
  projectKey: string;
  accountId: string;
}) {
  const [state, setState] = useState<
    | { kind: 'loading' }
    | { kind: 'error'; message: string }
    | { kind: 'loaded'; roles: MyRoles; more: boolean }
  >({ kind: 'loading' });
  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const { roles, more } = await fetchMyRoles(request, projectKey, accountId);
      setState({ kind: 'loaded', roles, more });
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }, [request, projectKey, accountId]);
  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <LoadingState label="Finding your roles" />;
  if (state.kind === 'error')
    return (
      <ErrorState
        title="Your roles could not be loaded"
        message={state.message}
        onRetry={() => void load()}
      />
    );
  const held = state.roles.filter((r) => r.issues.length > 0);
  if (held.length === 0) {
    return (
      <EmptyState title={`You hold no roles in ${projectKey}`}>
        When someone makes you Accountable, Responsible, Consulted or Informed on an issue, it appears here.
      </EmptyState>
    );
  }
  return (
    <Stack space="space.200" testId="my-roles">
      {held.map(({ role, issues }) => (
        <Stack key={role} space="space.075" testId={`my-roles-${role}`}>
          <Heading size="xsmall" as="h3">
            {ROLE_LABELS[role].name} ({issues.length})
          </Heading>
          <Text color="color.text.subtlest">
            JQL: {ROLE_ALIASES.find(([r]) => r === role)?.[1]} = currentUser()
          </Text>
          <ul>
            {issues.map((issue) => (
              <li key={issue.key}>
                <IssueLink issueKey={issue.key} /> {issue.summary} <Lozenge>{issue.status}</Lozenge>
              </li>
            ))}
          </ul>
        </Stack>
      ))}
      {state.more ? (
        <Text color="color.text.subtle">Showing your 100 most recently updated issues.</Text>
      ) : null}
    </Stack>
  );
}
