import { join } from 'node:path';
import type { FunctionHost } from '../platform/function-host';
import type { SiteClockControl } from '../platform/site-clock';
import type { JiraService } from '../jira/jira-service';
import type { ConfluenceService } from '../confluence/confluence-service';
import { demoJiraSeed } from './jira-seed';
import { demoConfluenceSeed, DEMO_BRIEF_ID } from './confluence-seed';
import { PEOPLE } from './people';
import { invocationStore } from '../platform/invocation-context';

/** Loads the demo site: Jira projects and issues, the Confluence space and brief page, and Accord's own data. */
export async function seedDemo(deps: {
  jira: JiraService;
  confluence: ConfluenceService;
  host: FunctionHost;
  clock: SiteClockControl;
}): Promise<void> {
  const now = deps.clock.now();
  deps.jira.seed(demoJiraSeed(now));
  const confluence = demoConfluenceSeed(now);
  deps.confluence.seed(confluence);

  // Accord's own records are written through the app's real storage adapter, as the app would write them.

  const root = require(
    join(__dirname, '..', '..', 'src', 'forge', 'composition-root'),
  ) as typeof import('../../src/forge/composition-root');
  await invocationStore.run(
    { kind: 'resolver', functionKey: 'demo-seed', accountId: PEOPLE.priya.accountId },
    async () => {
      await root.briefStore().put(
        DEMO_BRIEF_ID,
        {
          title: 'Feature X launch',
          problem:
            'Customers churn when onboarding takes more than a week. Feature X cuts onboarding to a day, ' +
            'and marketing has committed the launch to the December partner event.',
          ownerAccountId: PEOPLE.priya.accountId,
          status: 'in-review',
          pageId: confluence.briefPageId,
          updatedAt: now.toISOString(),
        },
        0,
      );
    },
  );
}
