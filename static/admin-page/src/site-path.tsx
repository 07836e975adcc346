/**
 * The admin page's site default escalation path: a path stored like any other but on no page, which only Jira
 * administrators read and write (`escalation/path-get`/`escalation/path-save` on the admin resolver, which
 * remembers it as the defaults' `sitePathId`). It is edited with the Escalation Path macro's own editor, and a
 * new one starts from the site's default business calendar. Its Dry run is the macro's (`DryRunPanel`).
 */
import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { BusinessCalendar } from '../../../src/domain/escalation/escalation-path';
import type { DryRunResult, EscalationPathView, SavePathPayload } from '../../../src/shared/escalation';
import { describeError } from '../../common/src/resolver-client';
import { ErrorState, LoadingState } from '../../common/src/states';
import type { JiraRequest } from '../../common/src/jira-request';
import { EscalationPathConfig } from '../../common/src/escalation/escalation-path-config';
import { DryRunPanel } from '../../common/src/escalation/dry-run';

export interface SitePathApi {
  getPath(pathId: string): Promise<EscalationPathView>;
  savePath(payload: SavePathPayload): Promise<EscalationPathView>;
  /** `escalation/dry-run` on the admin resolver: what the site path would do now (nothing is changed). */
  dryRun(pathId: string): Promise<DryRunResult>;
}

/** Where the dry run's CSV and candidate search go (the page's download and Jira's router). */
export interface SitePathOutlets {
  download: (filename: string, text: string) => void;
  openSearch: (path: string) => void;
}

export const SITE_PATH_INTRO =
  'The site-wide path covers issues whatever page they belong to. Only Jira administrators can change it; ' +
  'Accord runs it once it is enabled.';

export function SitePathPanel({
  api,
  jira,
  outlets,
  sitePathId,
  calendar,
  onSaved,
}: {
  api: SitePathApi;
  jira: JiraRequest;
  outlets: SitePathOutlets;
  /** The site path's id (from the defaults), or null while there is none. */
  sitePathId: string | null;
  /** The site's default calendar: a new path starts from it. */
  calendar: BusinessCalendar;
  /** Called with the saved path's id (the list of paths and the defaults change). */
  onSaved: (pathId: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [view, setView] = useState<
    | { kind: 'idle' }
    | { kind: 'loading' }
    | { kind: 'error'; message: string }
    | { kind: 'loaded'; view: EscalationPathView }
  >({ kind: 'idle' });

  const show = useCallback(
    async (pathId: string) => {
      setView({ kind: 'loading' });
      try {
        setView({ kind: 'loaded', view: await api.getPath(pathId) });
      } catch (e) {
        setView({ kind: 'error', message: describeError(e) });
      }
    },
    [api],
  );
  useEffect(() => {
    if (sitePathId) void show(sitePathId);
  }, [sitePathId, show]);

  return (
    <Stack space="space.150" testId="site-path">
      <Heading size="small" as="h3">
        Site default escalation path
      </Heading>
      {editing ? (
        <Box style={{ border: '1px solid var(--ds-border, #091e4224)', borderRadius: 4 }}>
          <EscalationPathConfig
            deps={{
              getContext: () =>
                Promise.resolve({ extension: { config: sitePathId ? { pathId: sitePathId } : {} } }),
              getPath: (pathId) => api.getPath(pathId),
              save: (payload) => api.savePath(payload),
              submit: ({ pathId }) => {
                setEditing(false);
                onSaved(pathId);
                if (pathId === sitePathId) void show(pathId);
                return Promise.resolve();
              },
              close: () => {
                setEditing(false);
                return Promise.resolve();
              },
              jira,
              starterCalendar: calendar,
              intro: SITE_PATH_INTRO,
            }}
          />
        </Box>
      ) : (
        <>
          {!sitePathId ? (
            <Text color="color.text.subtle" testId="site-path-none">
              No site default path yet. Paths written on Confluence pages run on their own; a site path covers
              the rest.
            </Text>
          ) : null}
          {view.kind === 'loading' ? <LoadingState label="Loading the site default path" /> : null}
          {view.kind === 'error' ? (
            <ErrorState
              title="The site default path could not be loaded"
              message={view.message}
              onRetry={() => sitePathId && void show(sitePathId)}
            />
          ) : null}
          {view.kind === 'loaded' ? (
            <Stack space="space.075" testId="site-path-document">
              <Inline space="space.100" alignBlock="center">
                <Text weight="bold">{view.view.path.name}</Text>
                <Lozenge appearance={view.view.enabled ? 'success' : 'default'}>
                  {view.view.enabled ? 'Enabled' : 'Draft'}
                </Lozenge>
              </Inline>
              <Box style={{ whiteSpace: 'pre-line' }}>
                <Text>{view.view.description.text}</Text>
              </Box>
              <DryRunPanel
                pathId={view.view.pathId}
                deps={{ dryRun: (pathId) => api.dryRun(pathId), jira, ...outlets }}
              />
            </Stack>
          ) : null}
          <Box>
            <Button onClick={() => setEditing(true)} testId="site-path-edit">
              {sitePathId ? 'Edit the site default path' : 'Create a site default path'}
            </Button>
          </Box>
        </>
      )}
    </Stack>
  );
}

/** Loads the defaults (site path id and calendar) and shows the panel; reloads them after a save. */
export function SiteDefaultPath({
  api,
  jira,
  outlets,
  defaults,
  onSaved,
}: {
  api: SitePathApi;
  jira: JiraRequest;
  outlets: SitePathOutlets;
  defaults: () => Promise<{ calendar: BusinessCalendar; sitePathId: string | null }>;
  onSaved: () => void;
}) {
  const [state, setState] = useState<
    | { kind: 'loading' }
    | { kind: 'error'; message: string }
    | { kind: 'loaded'; calendar: BusinessCalendar; sitePathId: string | null }
  >({ kind: 'loading' });
  const load = useCallback(async () => {
    try {
      const d = await defaults();
      setState({ kind: 'loaded', calendar: d.calendar, sitePathId: d.sitePathId });
    } catch (e) {
      setState({ kind: 'error', message: describeError(e) });
    }
  }, [defaults]);
  useEffect(() => {
    void load();
  }, [load]);
  if (state.kind === 'loading') return <LoadingState label="Loading the site default path" />;
  if (state.kind === 'error') {
    return (
      <ErrorState
        title="The site default path could not be loaded"
        message={state.message}
        onRetry={() => void load()}
      />
    );
  }
  return (
    <SitePathPanel
      api={api}
      jira={jira}
      outlets={outlets}
      sitePathId={state.sitePathId}
      calendar={state.calendar}
      onSaved={(pathId) => {
        setState({ ...state, sitePathId: pathId });
        onSaved();
      }}
    />
  );
}
