/**
 * The Roles issue panel. Opening it invokes no function: the issue, its roles and the people in them are read
 * in the browser as the viewer (read-roles.ts). Resolvers are called only to write and for the audit history.
 * Reloads when the issue changes, unless the person is in the middle of an edit.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { events, router, view } from '@forge/bridge';
import { Box } from '@atlaskit/primitives';
import { FOCUS_ROLES_PANEL } from '../../common/src/app-events';
import { rolesApi, type RolesApi } from './api';
import { JiraReadError } from './jira-request';
import type { Person } from '../../common/src/user-picker-people';
import { readRoles } from './read-roles';
import { RolesContent, type RolesState } from './roles-content';

const UNREACHABLE = 'Jira could not be reached. Check your connection, then reload the issue.';

export function RolesPanel({ api = rolesApi }: { api?: RolesApi }) {
  const [state, setState] = useState<RolesState>({ kind: 'loading' });
  const [viewer, setViewer] = useState<string | undefined>();
  const loadCount = useRef(0);
  const dirty = useRef(false);
  const root = useRef<HTMLDivElement>(null);

  const load = useCallback(
    async (quiet = false) => {
      const mine = ++loadCount.current;
      const show = (next: RolesState) => {
        if (mine === loadCount.current) setState(next);
      };
      if (!quiet) show({ kind: 'loading' });
      try {
        const context = await view.getContext();
        setViewer(context.accountId);
        const issueKey = (context.extension as { issue?: { key?: string } }).issue?.key;
        if (!issueKey) {
          show({
            kind: 'error',
            message: 'This panel only works on a Jira issue. Open an issue and look again.',
          });
          return;
        }
        show({ kind: 'loaded', data: await readRoles(api.jira, issueKey) });
      } catch (error) {
        show({ kind: 'error', message: error instanceof JiraReadError ? error.message : UNREACHABLE });
      }
    },
    [api],
  );

  useEffect(() => {
    void load();
    const changed = events.on('JIRA_ISSUE_CHANGED', () => {
      // Someone's unsaved draft stays; their save will meet the newer revision as a conflict instead.
      if (!dirty.current) void load(true);
    });
    const focus = events.on(FOCUS_ROLES_PANEL, () => {
      root.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      root.current?.focus();
    });
    return () => {
      void changed.then((s) => s.unsubscribe());
      void focus.then((s) => s.unsubscribe());
    };
  }, [load]);

  const onDirtyChange = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);
  const onPeopleAdded = useCallback((people: Person[]) => {
    setState((current) => {
      if (current.kind !== 'loaded') return current;
      const merged = new Map(current.data.people);
      for (const person of people) merged.set(person.accountId, person);
      return { kind: 'loaded', data: { ...current.data, people: merged } };
    });
  }, []);

  return (
    <div ref={root} tabIndex={-1} aria-label="Roles on this issue" style={{ outline: 'none' }}>
      <Box padding="space.100">
        <RolesContent
          state={state}
          api={api}
          {...(viewer ? { viewerAccountId: viewer } : {})}
          onRetry={() => void load()}
          onReload={() => load(true)}
          onOpenIssue={(issueKey) => void router.navigate({ target: 'issue', issueKey })}
          onDirtyChange={onDirtyChange}
          onPeopleAdded={onPeopleAdded}
        />
      </Box>
    </div>
  );
}
