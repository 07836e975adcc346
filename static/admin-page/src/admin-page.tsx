/** The Jira admin page: Accord's site settings and what the last blocked sweep found. */
import { useCallback, useEffect, useState } from 'react';
import { router } from '@forge/bridge';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { SettingsView } from '../../../src/shared/settings';
import type { SettingsValues } from '../../../src/domain/settings';
import { ResolverCallError, describeError } from '../../common/src/resolver-client';
import { ErrorState, LoadingState } from '../../common/src/states';
import { downloadCsv } from '../../common/src/download';
import { escalationAdminApi, getSettings, jiraAsViewer, peopleNames, saveSettings, sitePathApi } from './api';
import { EscalationSection } from './escalation-section';
import { LastSweep } from './last-sweep';
import { SettingsForm, type FieldProblems } from './settings-form';

type Notice = { kind: 'success' | 'conflict' | 'error'; message: string };
type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | {
      kind: 'loaded';
      view: SettingsView;
      saving: boolean;
      notice?: Notice;
      problems?: FieldProblems;
      now: Date;
    };

export function AdminPage() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(async () => {
    try {
      setState({ kind: 'loaded', view: await getSettings(), saving: false, now: new Date() });
    } catch (error) {
      setState({ kind: 'error', message: describeError(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const save = async (view: SettingsView, values: SettingsValues) => {
    setState({ kind: 'loaded', view, saving: true, now: new Date() });
    try {
      const next = await saveSettings({ ...values, revision: view.settings.revision });
      setState({
        kind: 'loaded',
        view: next,
        saving: false,
        now: new Date(),
        notice: {
          kind: 'success',
          message: `Saved. From the next hourly sweep on, issues Blocked for more than ${next.settings.blockedThresholdHours} h are listed.`,
        },
      });
    } catch (error) {
      const code = error instanceof ResolverCallError ? error.code : 'UNREACHABLE';
      const problems =
        code === 'INVALID_INPUT'
          ? ((error as ResolverCallError).details as { problems?: FieldProblems } | undefined)?.problems
          : undefined;
      setState({
        kind: 'loaded',
        view,
        saving: false,
        now: new Date(),
        notice: { kind: code === 'CONFLICT' ? 'conflict' : 'error', message: describeError(error) },
        ...(problems ? { problems } : {}),
      });
    }
  };

  return (
    <Box padding="space.300">
      <Stack space="space.300">
        <Heading size="large" as="h1">
          Accord settings
        </Heading>
        {state.kind === 'loading' ? <LoadingState label="Loading settings" /> : null}
        {state.kind === 'error' ? (
          <ErrorState
            title="Settings could not be loaded"
            message={state.message}
            onRetry={() => {
              setState({ kind: 'loading' });
              void load();
            }}
          />
        ) : null}
        {state.kind === 'loaded' ? (
          <>
            {state.notice?.kind === 'success' ? (
              <SectionMessage appearance="success" testId="save-notice">
                <Text>{state.notice.message}</Text>
              </SectionMessage>
            ) : null}
            {state.notice?.kind === 'conflict' ? (
              <SectionMessage
                appearance="warning"
                title="Someone else saved first"
                testId="save-notice"
                actions={[
                  <Button
                    key="reload"
                    onClick={() => {
                      setState({ kind: 'loading' });
                      void load();
                    }}
                  >
                    Reload settings
                  </Button>,
                ]}
              >
                <Text>{state.notice.message}</Text>
              </SectionMessage>
            ) : null}
            {state.notice?.kind === 'error' ? (
              <SectionMessage appearance="error" title="Not saved" testId="save-notice">
                <Text>{state.notice.message}</Text>
              </SectionMessage>
            ) : null}
            <SettingsForm
              // A new revision starts a fresh form with the saved values.
              key={state.view.settings.revision}
              saved={state.view.settings}
              saving={state.saving}
              {...(state.problems ? { serverProblems: state.problems } : {})}
              onSave={(values) => void save(state.view, values)}
            />
            <Stack space="space.100">
              <Heading size="small" as="h2">
                Blocked sweep
              </Heading>
              <LastSweep
                sweep={state.view.lastSweep}
                thresholdHours={state.view.settings.blockedThresholdHours}
                now={state.now}
                onOpenIssue={(issueKey) => void router.navigate({ target: 'issue', issueKey })}
              />
            </Stack>
            <EscalationSection
              api={escalationAdminApi}
              sitePath={{
                api: sitePathApi,
                jira: jiraAsViewer,
                openSearch: (path) => void router.open(path),
              }}
              names={peopleNames}
              download={downloadCsv}
              onOpenIssue={(issueKey) => void router.navigate({ target: 'issue', issueKey })}
            />
          </>
        ) : null}
      </Stack>
    </Box>
  );
}
