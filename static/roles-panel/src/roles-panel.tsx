/** The Roles issue panel: loads the issue's roles and the people in them, reloads when the issue changes. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { events, view } from '@forge/bridge';
import { Box } from '@atlaskit/primitives';
import { describeError } from '../../common/src/resolver-client';
import { getRoles } from './api';
import { fetchPeople } from './people';
import { RolesContent, type RolesState } from './roles-content';

const PEOPLE_ERROR = 'Names and pictures could not be loaded from Jira; reload the issue to try again.';

export function RolesPanel() {
  const [state, setState] = useState<RolesState>({ kind: 'loading' });
  // Only the newest load may update the screen (an issue change can start one while another runs).
  const loadCount = useRef(0);

  const load = useCallback(async () => {
    const mine = ++loadCount.current;
    const show = (next: RolesState) => {
      if (mine === loadCount.current) setState(next);
    };
    try {
      const context = await view.getContext();
      const issueKey = (context.extension as { issue?: { key?: string } }).issue?.key;
      if (!issueKey) {
        show({
          kind: 'error',
          message: 'This panel only works on a Jira issue. Open an issue and look again.',
        });
        return;
      }
      const roles = await getRoles(issueKey);
      try {
        const people = await fetchPeople(roles.assignments.map((a) => a.accountId));
        show({ kind: 'loaded', roles, people });
      } catch {
        show({ kind: 'loaded', roles, people: new Map(), peopleError: PEOPLE_ERROR });
      }
    } catch (error) {
      show({ kind: 'error', message: describeError(error) });
    }
  }, []);

  useEffect(() => {
    void load();
    const subscription = events.on('JIRA_ISSUE_CHANGED', () => {
      void load();
    });
    return () => {
      void subscription.then((s) => s.unsubscribe());
    };
  }, [load]);

  return (
    <Box padding="space.100">
      <RolesContent
        state={state}
        onRetry={() => {
          setState({ kind: 'loading' });
          void load();
        }}
      />
    </Box>
  );
}
