/**
 * The launch brief's full document and its RACI matrix: the demo's cross-functional scenario (an engineering
 * constraint, a marketing deadline, a legal privacy flag on the proposed alternative), written through the
 * app's real storage adapters after the foundation seed has created `brief-launch`.
 */
import { briefRecordOf } from '../../src/domain/brief/brief-record';
import { briefDocumentOf } from '../../src/domain/brief/brief-record';
import { BRIEF_PROPERTY_KEY } from '../../src/app/save-brief';
import { DEMO_BRIEF_ID, DEMO_RACI_MATRIX_ID, LAUNCH_BRIEF_PAGE_ID } from './confluence-seed';
import { PEOPLE } from './people';
import { DEMO_DECISION_ID, DEMO_GRID_ID } from './decision-seed';
import { DEMO_PATH_ID } from './escalation-seed';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function seedBriefContent(
  root: typeof import('../../src/forge/composition-root'),
  now: Date,
): Promise<void> {
  const { raciMatrixStore } =
    require('../../src/forge/compose-briefs') as typeof import('../../src/forge/compose-briefs');
  const day = (n: number) => new Date(now.getTime() + n * DAY_MS).toISOString().slice(0, 10);
  const briefs = root.briefStore();
  const stored = await briefs.get(DEMO_BRIEF_ID);
  if (!stored) return;
  const record = await root.initiativeStore().get(DEMO_BRIEF_ID);
  const base = briefDocumentOf(stored.value, record?.scope);
  const doc = {
    ...base,
    sections: {
      ...base.sections,
      goals:
        'Onboarding completes in one working day for 80% of new customers by the end of Q1, measured from ' +
        'signup to first invoice. Churn in the first 90 days falls from 9% to 5%. Support tickets about ' +
        'onboarding halve. We announce Feature X at the December partner event with three reference customers ' +
        'live on it, and the self-serve pricing page converts at least as well as the sales-led flow it replaces.',
      scope:
        'In scope: guided onboarding, the self-serve pricing page, billing integration for the new plans. ' +
        'Not in scope: migrating existing customers to the new plans (a follow-up), partner reselling.',
      engineering:
        'The payments service cannot take more load before the Q1 freeze: the billing integration must batch its ' +
        'calls and stay under the current peak of 40 requests per second, or wait for the new cluster in February. ' +
        'The pricing page depends on the billing API (LAUNCH-3), which is blocked on the vendor sandbox. Capacity: ' +
        'two engineers until the partner event, one after. Security review of the signup flow is booked for week 2.',
      legal:
        'Privacy flag: the proposed alternative (sharing customer e-mail addresses with the ad partner for ' +
        'look-alike targeting) needs a data processing addendum and a consent update; legal advises against it ' +
        'before launch. New terms of service for the pricing plans must be approved (LEGAL-2).',
      cost: 'Build: two engineers for ten weeks. Run: billing vendor fees rise by about 3% of new revenue.',
      marketing:
        `Launch at the December partner event on ${day(24)}: keynote slot, press release and webinar are booked, ` +
        'so the date cannot move without losing the slot. Audience: mid-market operations leads. Channels: ' +
        'partner newsletter, blog, e-mail to trial users, and a reference-customer video.',
      risks:
        'The billing API stays blocked (high impact): fall back to the old pricing on launch day. The payments ' +
        'service load limit (medium): batch calls, load-test in week 3. Terms not approved in time (medium): ' +
        'legal reviews this week.',
    },
    milestones: [
      { id: 'ms-beta', name: 'Private beta', baselineDate: day(-7), forecastDate: day(-5), done: true },
      {
        id: 'ms-billing',
        name: 'Billing integration done',
        baselineDate: day(5),
        forecastDate: day(12),
        done: false,
      },
      {
        id: 'ms-launch',
        name: 'Launch at the partner event',
        baselineDate: day(24),
        forecastDate: null,
        done: false,
      },
    ],
    references: {
      stakeholderGridId: DEMO_GRID_ID,
      raciMatrixId: DEMO_RACI_MATRIX_ID,
      decisionIds: [DEMO_DECISION_ID],
      escalationPathId: DEMO_PATH_ID,
    },
  };
  await briefs.put(
    DEMO_BRIEF_ID,
    briefRecordOf(doc, LAUNCH_BRIEF_PAGE_ID, now.toISOString()),
    stored.revision,
  );
  // "Part of brief Feature X launch" on the linked epic, as a save from the macro would write it.
  for (const epic of doc.linkedWork.epicKeys) {
    await root.asAppJiraActions().setProperty(epic, BRIEF_PROPERTY_KEY, {
      briefId: DEMO_BRIEF_ID,
      title: doc.title,
      pageId: LAUNCH_BRIEF_PAGE_ID,
    });
  }

  const { priya, erik, amara, david, lucia } = PEOPLE;
  await raciMatrixStore().put(
    DEMO_RACI_MATRIX_ID,
    {
      briefId: DEMO_BRIEF_ID,
      pageId: LAUNCH_BRIEF_PAGE_ID,
      title: 'Feature X launch — who does what',
      people: [priya.accountId, erik.accountId, amara.accountId, david.accountId, lucia.accountId],
      activities: [
        { id: 'act-launch-2', kind: 'issue', issueKey: 'LAUNCH-2' },
        { id: 'act-launch-3', kind: 'issue', issueKey: 'LAUNCH-3' },
        {
          id: 'act-press-release',
          kind: 'text',
          name: 'Press release',
          assignments: [
            { accountId: lucia.accountId, role: 'accountable' },
            { accountId: lucia.accountId, role: 'responsible' },
            { accountId: david.accountId, role: 'consulted' },
            { accountId: priya.accountId, role: 'informed' },
          ],
          revision: 1,
        },
        {
          id: 'act-privacy-review',
          kind: 'text',
          name: 'Privacy review',
          assignments: [
            { accountId: david.accountId, role: 'accountable' },
            { accountId: amara.accountId, role: 'consulted' },
          ],
          revision: 1,
        },
      ],
      updatedAt: now.toISOString(),
    },
    0,
  );
}
