import { join } from 'node:path';
import type { FunctionHost } from '../platform/function-host';
import type { SiteClockControl } from '../platform/site-clock';
import type { JiraService } from '../jira/jira-service';
import type { ConfluenceService } from '../confluence/confluence-service';
import { demoJiraSeed } from './jira-seed';
import {
  CAMPAIGN_BRIEF_ID,
  CAMPAIGN_BRIEF_PAGE_ID,
  demoConfluenceSeed,
  DEMO_BRIEF_ID,
  DEMO_STATUS_REPORT_ID,
  LEGAL_BRIEF_ID,
  LEGAL_BRIEF_PAGE_ID,
} from './confluence-seed';
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
      await seedInitiatives(root, now, confluence.homePageId);
      await (require('./brief-seed') as typeof import('./brief-seed')).seedBriefContent(root, now);
      await (require('./decision-seed') as typeof import('./decision-seed')).seedDecisions(now, confluence);
      await (require('./escalation-seed') as typeof import('./escalation-seed')).seedEscalation(
        now,
        confluence.briefPageId,
      );
    },
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The executive view's three demo initiatives: Feature X (the LAUNCH-1 epic and the pricing story's subtasks,
 * baseline in 5 days: red, LAUNCH-3 is blocked), the launch campaign (MKT-1, baseline far out: green) and
 * legal readiness (LEGAL-1: hidden from anyone who cannot browse LEGAL, such as Erik).
 */
async function seedInitiatives(
  root: typeof import('../../src/forge/composition-root'),
  now: Date,
  statusReportPageId: string,
): Promise<void> {
  const day = (n: number) => new Date(now.getTime() + n * DAY_MS).toISOString().slice(0, 10);
  const briefs = root.briefStore();
  const initiatives = root.initiativeStore();
  const brief = (title: string, problem: string, ownerAccountId: string, pageId: string) => ({
    title,
    problem,
    ownerAccountId,
    status: 'approved' as const,
    pageId,
    updatedAt: now.toISOString(),
  });
  await initiatives.set(DEMO_BRIEF_ID, {
    // `parent in (...)` reaches one level; the pricing story's subtasks (LAUNCH-3, LAUNCH-9) come in by JQL.
    scope: { epics: ['LAUNCH-1'], jql: 'parent = LAUNCH-2' },
    baseline: { date: day(5), original: day(5) },
  });
  await briefs.put(
    CAMPAIGN_BRIEF_ID,
    brief(
      'Launch campaign',
      'Prospects hear about Feature X from us first: blog, press kit, webinar and e-mail on launch day.',
      PEOPLE.lucia.accountId,
      CAMPAIGN_BRIEF_PAGE_ID,
    ),
    0,
  );
  await initiatives.set(CAMPAIGN_BRIEF_ID, {
    scope: { epics: ['MKT-1'] },
    baseline: { date: day(150), original: day(150) },
  });
  await briefs.put(
    LEGAL_BRIEF_ID,
    brief(
      'Legal readiness',
      'New pricing needs updated terms, a data processing addendum and trademark clearance before launch.',
      PEOPLE.david.accountId,
      LEGAL_BRIEF_PAGE_ID,
    ),
    0,
  );
  await initiatives.set(LEGAL_BRIEF_ID, {
    scope: { epics: ['LEGAL-1'] },
    baseline: { date: day(20), original: day(14), movedOn: day(-3) },
  });
  await root.statusReportStore().put(
    DEMO_STATUS_REPORT_ID,
    {
      briefId: DEMO_BRIEF_ID,
      pageId: statusReportPageId,
      updatedAt: now.toISOString(),
      body: {
        problemAndImpact:
          'Pricing cannot go live: the billing API integration is blocked, so the December partner event date is at risk.',
        rootCauseAndOptions:
          'The terms of service for the new pricing are not approved yet (LEGAL-2). Options: launch with old pricing, or move GA by one week.',
        recommendation:
          'Move GA to 9 December; legal reviews the terms this week; one engineer stays on billing until done.',
      },
    },
    0,
  );
}
