/**
 * The demo Confluence content: the LAUNCH space of the Feature X launch, whose home page introduces the
 * launch and whose brief page carries Accord's Brief macro. Product and engineering edit the space,
 * the rest of the launch team reads it, and Finance has no access (so the demo can show a refusal).
 */
import type { ConfluenceSeed, SeedPage } from '../confluence/confluence-store';
import type { AdfNode } from '../confluence/page-body';
import { LOCAL_ENVIRONMENT_ID } from '../host/macro-nodes';
import { PEOPLE } from './people';
import { DEMO_DECISION_ID, DEMO_GRID_ID } from './decision-seed';

/** The Forge environment id of the local site; the host pages own it, the seed's macros use the same. */
export { LOCAL_ENVIRONMENT_ID };

/** The uuid in manifest.yml's `app.id` (`ari:cloud:ecosystem::app/<uuid>`); a test keeps them equal. */
export const ACCORD_APP_UUID = '7c4b2e61-0d3a-4f0e-9a51-5f2b8c1d9e47';

export const DEMO_BRIEF_ID = 'brief-launch';
/** The RACI matrix macro on the launch brief page (its records: local/seed/brief-seed.ts). */
export const DEMO_RACI_MATRIX_ID = 'raci-launch';
export const LAUNCH_SPACE_ID = '98305';
export const LAUNCH_SPACE_KEY = 'LAUNCH';
export const LAUNCH_HOME_PAGE_ID = '98306';
export const LAUNCH_BRIEF_PAGE_ID = '98307';
/** The executive view's other demo initiatives, each a brief on its own page in the LAUNCH space. */
export const CAMPAIGN_BRIEF_ID = 'brief-campaign';
export const CAMPAIGN_BRIEF_PAGE_ID = '98308';
export const LEGAL_BRIEF_ID = 'brief-legal';
export const LEGAL_BRIEF_PAGE_ID = '98309';
/** The Status report on the launch space's home page. */
export const DEMO_STATUS_REPORT_ID = 'status-launch';
/** The demo person who cannot view the LAUNCH space. */
export const LAUNCH_NO_ACCESS = PEOPLE.fatima;

export interface DemoConfluenceSeed extends ConfluenceSeed {
  spaceId: string;
  homePageId: string;
  briefPageId: string;
}

/**
 * An ADF `extension` node for one of Accord's Forge macros, in the shape Confluence stores them
 * (extensionKey `<appId>/<envId>/static/<moduleKey>`, the macro config in `parameters.guestParams`).
 */
export function forgeMacroNode(
  moduleKey: string,
  config: Record<string, unknown>,
  localId: string,
  title: string = moduleKey,
): AdfNode {
  const extensionKey = `${ACCORD_APP_UUID}/${LOCAL_ENVIRONMENT_ID}/static/${moduleKey}`;
  return {
    type: 'extension',
    attrs: {
      layout: 'default',
      extensionType: 'com.atlassian.ecosystem',
      extensionKey,
      text: title,
      parameters: {
        layout: 'extension',
        guestParams: config,
        forgeEnvironment: 'DEVELOPMENT',
        render: 'native',
        extensionId: `ari:cloud:ecosystem::extension/${extensionKey}`,
        extensionTitle: title,
        localId,
      },
      localId,
    },
  };
}

const text = (t: string, marks?: AdfNode['marks']): AdfNode => ({
  type: 'text',
  text: t,
  ...(marks ? { marks } : {}),
});
const paragraph = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });
const heading = (level: number, t: string): AdfNode => ({
  type: 'heading',
  attrs: { level },
  content: [text(t)],
});
const mention = (person: { accountId: string; displayName: string }): AdfNode => ({
  type: 'mention',
  attrs: { id: person.accountId, text: `@${person.displayName}`, accessLevel: '' },
});
const bullets = (...items: AdfNode[][]): AdfNode => ({
  type: 'bulletList',
  content: items.map((content) => ({ type: 'listItem', content: [paragraph(...content)] })),
});
const doc = (...content: AdfNode[]): AdfNode => ({ type: 'doc', version: 1, content });

const DAY_MS = 24 * 60 * 60 * 1000;

export function demoConfluenceSeed(now: Date): DemoConfluenceSeed {
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY_MS).toISOString();
  const { priya, erik, amara, lucia, david, grace, tom } = PEOPLE;

  const home: SeedPage = {
    id: LAUNCH_HOME_PAGE_ID,
    spaceId: LAUNCH_SPACE_ID,
    title: 'Feature X launch',
    authorId: priya.accountId,
    createdAt: daysAgo(21),
    body: {
      adf: doc(
        paragraph(
          text(
            'Feature X cuts customer onboarding from a week to a day. This space holds the launch plan, the brief and the decisions taken on the way to the December partner event.',
          ),
        ),
        heading(2, 'Who is who'),
        bullets(
          [text('Product: '), mention(priya)],
          [text('Engineering: '), mention(erik), text(', '), mention(amara)],
          [text('Marketing: '), mention(lucia)],
          [text('Legal: '), mention(david)],
          [text('Sponsors: '), mention(grace), text(', '), mention(tom)],
        ),
        paragraph(
          text('Work is tracked in Jira; status comes from there, so nobody has to ask engineering.', [
            { type: 'em' },
          ]),
        ),
        heading(2, 'Status'),
        forgeMacroNode(
          'accord-status-report',
          { reportId: DEMO_STATUS_REPORT_ID, briefId: DEMO_BRIEF_ID },
          'a1c4e7f0-status-0001',
          'Accord Status report',
        ),
      ),
    },
  };

  const brief: SeedPage = {
    id: LAUNCH_BRIEF_PAGE_ID,
    spaceId: LAUNCH_SPACE_ID,
    parentId: LAUNCH_HOME_PAGE_ID,
    title: 'Feature X launch — project brief',
    authorId: priya.accountId,
    createdAt: daysAgo(14),
    version: {
      number: 3,
      authorId: erik.accountId,
      createdAt: daysAgo(2),
      message: 'Scope and constraints from engineering',
    },
    body: {
      adf: doc(
        paragraph(
          text(
            'The brief below is kept by Accord: edit it in the macro, and Jira shows the same brief on every linked issue.',
          ),
        ),
        forgeMacroNode(
          'accord-brief',
          { briefId: DEMO_BRIEF_ID },
          'a1c4e7f0-brief-0001',
          'Accord Project Brief',
        ),
        heading(2, 'Roles'),
        forgeMacroNode(
          'accord-raci-matrix',
          { matrixId: DEMO_RACI_MATRIX_ID },
          'a1c4e7f0-raci-0001',
          'Accord RACI matrix',
        ),
        heading(2, 'Decisions'),
        forgeMacroNode(
          'accord-decision',
          { decisionId: DEMO_DECISION_ID },
          'a1c4e7f0-decision-0001',
          'Accord Decision (DACI)',
        ),
        forgeMacroNode(
          'accord-decision-log',
          { scope: 'space' },
          'a1c4e7f0-decision-log-0001',
          'Accord Decision log',
        ),
        heading(2, 'Stakeholders'),
        forgeMacroNode(
          'accord-stakeholders',
          { gridId: DEMO_GRID_ID },
          'a1c4e7f0-stakeholders-0001',
          'Accord Stakeholder grid',
        ),
        heading(2, 'Escalation'),
        forgeMacroNode(
          'accord-escalation-path',
          { pathId: 'path-launch-blocked' },
          'a1c4e7f0-escalation-0001',
          'Accord Escalation path',
        ),
        heading(2, 'Notes'),
        paragraph(text('Questions for the brief go to '), mention(priya), text('.')),
      ),
    },
  };

  const initiativePage = (id: string, title: string, briefId: string, localId: string): SeedPage => ({
    id,
    spaceId: LAUNCH_SPACE_ID,
    parentId: LAUNCH_HOME_PAGE_ID,
    title,
    authorId: priya.accountId,
    createdAt: daysAgo(10),
    body: {
      adf: doc(forgeMacroNode('accord-brief', { briefId }, localId, 'Accord Project Brief')),
    },
  });
  const campaign = initiativePage(
    CAMPAIGN_BRIEF_PAGE_ID,
    'Launch campaign — project brief',
    CAMPAIGN_BRIEF_ID,
    'a1c4e7f0-brief-0002',
  );
  const legal = initiativePage(
    LEGAL_BRIEF_PAGE_ID,
    'Legal readiness — project brief',
    LEGAL_BRIEF_ID,
    'a1c4e7f0-brief-0003',
  );

  return {
    spaceId: LAUNCH_SPACE_ID,
    homePageId: LAUNCH_HOME_PAGE_ID,
    briefPageId: LAUNCH_BRIEF_PAGE_ID,
    spaces: [
      {
        id: LAUNCH_SPACE_ID,
        key: LAUNCH_SPACE_KEY,
        name: 'Feature X launch',
        description: 'Plan, brief and decisions of the Feature X launch.',
        authorId: priya.accountId,
        createdAt: daysAgo(21),
        homepageId: LAUNCH_HOME_PAGE_ID,
        // Fatima (finance) is deliberately absent: she cannot view the space.
        permissions: {
          [priya.accountId]: 'edit',
          [erik.accountId]: 'edit',
          [amara.accountId]: 'edit',
          [lucia.accountId]: 'view',
          [david.accountId]: 'view',
          [grace.accountId]: 'view',
          [tom.accountId]: 'view',
        },
      },
    ],
    pages: [home, brief, campaign, legal],
  };
}
