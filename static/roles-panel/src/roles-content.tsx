/**
 * What the panel shows for each state of loading: a spinner, an error that says what to do, or the tabs
 * Roles · History. The container (roles-panel.tsx) loads; this draws, so it can be tested without a bridge.
 */
import { useState } from 'react';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { Box } from '@atlaskit/primitives';
import { ErrorState, LoadingState } from '../../common/src/states';
import type { RolesApi } from './api';
import { HistoryTab } from './history-tab';
import { EscalationTab } from './escalation-tab';
import type { Person } from '../../common/src/user-picker-people';
import type { PanelData } from './read-roles';
import { RolesEditor } from './roles-editor';
import { BriefLinkLine } from './brief-link';
import { DecisionsList } from './decisions-list';

export type RolesState =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'loaded'; data: PanelData };

export interface RolesContentProps {
  state: RolesState;
  api: RolesApi;
  viewerAccountId?: string;
  onRetry: () => void;
  onReload: () => Promise<void>;
  onOpenIssue: (issueKey: string) => void;
  onDirtyChange?: (dirty: boolean) => void;
  onPeopleAdded?: (people: Person[]) => void;
  now?: Date;
}

export function RolesContent({ state, onRetry, ...editor }: RolesContentProps) {
  const [tab, setTab] = useState(0);
  if (state.kind === 'loading') return <LoadingState label="Loading roles" />;
  if (state.kind === 'error') {
    return <ErrorState title="Roles could not be loaded" message={state.message} onRetry={onRetry} />;
  }
  const { data } = state;
  return (
    <Tabs id="accord-roles-tabs" selected={tab} onChange={setTab}>
      <TabList>
        <Tab testId="roles-tab">Roles</Tab>
        <Tab testId="history-tab">History</Tab>
        <Tab testId="escalation-tab">Escalation</Tab>
      </TabList>
      <TabPanel>
        <Box paddingBlockStart="space.150" style={{ width: '100%' }}>
          <BriefLinkLine data={data} />
          <RolesEditor data={data} {...editor} />
          <DecisionsList decisions={data.decisions} />
        </Box>
      </TabPanel>
      <TabPanel>
        <Box paddingBlockStart="space.150" style={{ width: '100%' }}>
          {/* History is an audit read in KVS: only asked for when the person opens the tab. */}
          {tab === 1 ? (
            <HistoryTab
              issueKey={data.view.issueKey}
              api={editor.api}
              {...(editor.now ? { now: editor.now } : {})}
            />
          ) : null}
        </Box>
      </TabPanel>
      <TabPanel>
        <Box paddingBlockStart="space.150" style={{ width: '100%' }}>
          {/* Escalations are a resolver read: only asked for when the person opens the tab. */}
          {tab === 2 ? (
            <EscalationTab issueKey={data.view.issueKey} {...(editor.now ? { now: editor.now } : {})} />
          ) : null}
        </Box>
      </TabPanel>
    </Tabs>
  );
}
