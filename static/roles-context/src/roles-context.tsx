/**
 * The issue sidebar's one-line roles summary (`jira:issueContext`). One `roles/get` (so the sidebar shows the
 * same server-computed findings as the API) and one `user/bulk` for the lead's name. Clicking it brings the
 * Roles panel into view and gives it focus (an app event the panel listens for).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { events, view } from '@forge/bridge';
import { Pressable, Text } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import { FOCUS_ROLES_PANEL } from '../../common/src/app-events';
import { describeError } from '../../common/src/resolver-client';
import { contextApi, type ContextApi } from './api';
import { contextLine } from './context-line';

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'loaded'; text: string };

export function RolesContext({ api = contextApi }: { api?: ContextApi }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const loads = useRef(0);

  const load = useCallback(async () => {
    const mine = ++loads.current;
    const show = (next: State) => {
      if (mine === loads.current) setState(next);
    };
    try {
      const context = await view.getContext();
      const issueKey = (context.extension as { issue?: { key?: string } }).issue?.key;
      if (!issueKey) {
        show({ kind: 'error', message: 'Open an issue to see its roles.' });
        return;
      }
      const roles = await api.getRoles(issueKey);
      const { lead } = contextLine(roles);
      const names = lead ? await api.names([lead]).catch(() => new Map<string, string>()) : new Map();
      show({ kind: 'loaded', text: contextLine(roles, names).text });
    } catch (error) {
      show({ kind: 'error', message: describeError(error) });
    }
  }, [api]);

  useEffect(() => {
    void load();
    const changed = events.on('JIRA_ISSUE_CHANGED', () => void load());
    return () => {
      void changed.then((s) => s.unsubscribe());
    };
  }, [load]);

  if (state.kind === 'loading') return <Spinner size="small" label="Loading roles" />;
  if (state.kind === 'error') {
    return (
      <Text color="color.text.danger" testId="roles-context-error">
        {state.message}
      </Text>
    );
  }
  return (
    <Pressable
      testId="roles-context"
      padding="space.050"
      backgroundColor="color.background.neutral.subtle"
      aria-label={`${state.text}. Open the Roles panel`}
      onClick={() => void events.emit(FOCUS_ROLES_PANEL, {})}
    >
      <Text>{state.text}</Text>
    </Pressable>
  );
}
