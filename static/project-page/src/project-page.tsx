/** The Jira project page: the project's RACI matrix, the viewer's own roles, and bulk apply. */
import { useEffect, useState } from 'react';
import { view } from '@forge/bridge';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { Box } from '@atlaskit/primitives';
import { ErrorState, LoadingState } from '../../common/src/states';
import { projectApi } from './api';
import { bridgeRequest } from './jira';
import { MatrixTab } from './matrix-tab';
import { MyRolesTab } from './my-roles-tab';
import { BulkApplyTab } from './bulk-apply-tab';

interface PageContext {
  projectKey: string;
  accountId: string;
}

export function ProjectPage() {
  const [context, setContext] = useState<PageContext | 'loading' | 'missing'>('loading');
  useEffect(() => {
    view.getContext().then(
      (c) => {
        const projectKey = (c.extension as { project?: { key?: unknown } }).project?.key;
        setContext(typeof projectKey === 'string' ? { projectKey, accountId: c.accountId ?? '' } : 'missing');
      },
      () => setContext('missing'),
    );
  }, []);

  if (context === 'loading') return <LoadingState label="Loading the project" />;
  if (context === 'missing') {
    return (
      <ErrorState
        title="No project"
        message="This page only works inside a Jira project. Open a project and choose Roles & stakeholders."
      />
    );
  }
  return (
    <Box padding="space.100">
      <Tabs id="accord-project-tabs">
        <TabList>
          <Tab>Matrix</Tab>
          <Tab>My roles</Tab>
          <Tab>Bulk apply</Tab>
        </TabList>
        <TabPanel>
          <MatrixTab api={projectApi} request={bridgeRequest} projectKey={context.projectKey} />
        </TabPanel>
        <TabPanel>
          <MyRolesTab request={bridgeRequest} projectKey={context.projectKey} accountId={context.accountId} />
        </TabPanel>
        <TabPanel>
          <BulkApplyTab api={projectApi} request={bridgeRequest} projectKey={context.projectKey} />
        </TabPanel>
      </Tabs>
    </Box>
  );
}
