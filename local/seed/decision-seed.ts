/**
 * The demo's decision, decision log and stakeholder grid on the launch brief page (98307): a decision awaiting
 * its Approver (Grace) on whether to share customer e-mails with the ad partner, with one Contributor's input
 * recorded and LAUNCH-2 linked both ways, and the launch's stakeholders plus an external vendor.
 */
import { join } from 'node:path';
import { PEOPLE } from './people';

export const DEMO_DECISION_ID = 'decision-launch-privacy';
export const DEMO_GRID_ID = 'grid-launch';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Writes the records through the app's own adapters (inside the demo seed's invocation context). */
export async function seedDecisions(
  now: Date,
  confluence: { briefPageId: string; spaceId: string },
): Promise<void> {
  const compose = require(
    join(__dirname, '..', '..', 'src', 'forge', 'compose-decisions'),
  ) as typeof import('../../src/forge/compose-decisions');
  const links = require(
    join(__dirname, '..', '..', 'src', 'app', 'decisions', 'decision-links'),
  ) as typeof import('../../src/app/decisions/decision-links');
  const { priya, grace, erik, david, lucia, tom, amara, fatima } = PEOPLE;
  const day = (n: number) => new Date(now.getTime() + n * DAY_MS).toISOString().slice(0, 10);
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 60 * 60 * 1000).toISOString();

  const decision = {
    id: DEMO_DECISION_ID,
    question: 'Share customer emails with the ad partner, or run the campaign on aggregated segments?',
    context:
      'Marketing has committed the launch campaign to the December partner event. The ad partner asks for ' +
      'hashed customer e-mails to target look-alike audiences; the alternative runs the campaign on ' +
      'aggregated segments only.\n\nLegal has flagged the proposed alternative of sharing e-mails: it needs ' +
      'consent we do not have and a data processing addendum.',
    driver: priya.accountId,
    approver: grace.accountId,
    contributors: [erik.accountId, david.accountId, lucia.accountId],
    informed: [tom.accountId],
    options: [
      {
        id: 'option-1',
        title: 'Share hashed customer e-mails with the ad partner',
        description: 'Upload hashed e-mails so the partner can build look-alike audiences.',
        pros: ['Best targeting, about 30% more reach'],
        cons: [
          'Legal privacy flag: needs explicit consent and a DPA with the partner',
          'Engineering needs two sprints for the export pipeline',
        ],
      },
      {
        id: 'option-2',
        title: 'Run the campaign on aggregated segments',
        description: 'Send only segment counts by region and plan; no personal data leaves Accord.',
        pros: ['No personal data shared', 'Ready for the partner event'],
        cons: ['Less precise targeting'],
      },
    ],
    dueDate: day(2),
    linkedIssueKeys: ['LAUNCH-2'],
    briefId: 'brief-launch',
    status: 'open' as const,
    outcome: null,
    log: [
      {
        kind: 'input' as const,
        at: at(20),
        by: david.accountId,
        text: 'Sharing e-mails needs consent we have not collected; aggregated segments need no DPA.',
      },
    ],
  };
  await compose.decisionStore().put(
    DEMO_DECISION_ID,
    {
      pageId: confluence.briefPageId,
      spaceId: confluence.spaceId,
      briefId: 'brief-launch',
      dueKey: decision.dueDate,
      status: 'open',
      updatedAt: at(20),
      body: decision,
    },
    0,
  );
  await links.syncDecisionLinks(compose.asAppDecisionLinks(), decision, confluence.briefPageId, []);

  const user = (id: string, accountId: string, role: string, authority: number, concern: number) => ({
    id,
    party: { kind: 'user' as const, accountId },
    role,
    authority: authority as 1 | 2 | 3 | 4 | 5,
    concern: concern as 1 | 2 | 3 | 4 | 5,
    notes: '',
  });
  await compose.stakeholderStore().put(
    DEMO_GRID_ID,
    {
      pageId: confluence.briefPageId,
      updatedAt: at(30),
      body: {
        title: 'Feature X launch stakeholders',
        ownerAccountId: priya.accountId,
        stakeholders: [
          user('sh-grace', grace.accountId, 'VP Product, approves the launch', 5, 4),
          user('sh-tom', tom.accountId, 'Director of Engineering', 4, 2),
          user('sh-david', david.accountId, 'Legal Counsel, privacy review', 4, 5),
          user('sh-lucia', lucia.accountId, 'Marketing Lead, owns the campaign', 2, 5),
          user('sh-erik', erik.accountId, 'Engineering Lead', 3, 4),
          user('sh-amara', amara.accountId, 'Engineer on billing', 1, 3),
          user('sh-fatima', fatima.accountId, 'Finance Partner', 2, 2),
          {
            id: 'sh-adpartner',
            party: { kind: 'external', name: 'Brightline Ads', organisation: 'Ad partner (vendor)' },
            role: 'Runs the launch campaign',
            authority: 2,
            concern: 4,
            notes: 'Wants customer e-mails for targeting; see the decision above.',
          },
        ],
        engagement: {
          'manage-closely': { cadence: 'twice-weekly', channel: 'Launch sync and the decision log' },
        },
      },
    },
    0,
  );
}
