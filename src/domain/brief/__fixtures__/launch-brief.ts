/** A filled-in brief for the cross-functional launch the demo site tells (realistic wording and lengths). */
import type { BriefDocument } from '../brief-document';

const words = (n: number, topic: string): string =>
  Array.from({ length: n }, (_, i) => (i === 0 ? topic : `word${i}`)).join(' ');

export const LAUNCH_BRIEF: BriefDocument = {
  title: 'Smart Reminders launch',
  ownerAccountId: '712020:pm-priya',
  status: 'in-review',
  sections: {
    problem:
      'Customers miss renewals because reminders arrive by e-mail only, and 18% of churned accounts never ' +
      'opened one. Support spends about 40 hours a week on late-renewal tickets.\n\n' +
      'Every month without in-app reminders costs an estimated 120k in lost renewals, mostly in the SMB ' +
      'segment, where the account owner is also the only administrator and rarely reads the billing inbox.',
    goals: words(45, 'Cut'),
    scope: words(41, 'In'),
    engineering:
      'The notification service is shared with billing and cannot take more than 50 requests per second ' +
      'until the queue migration lands in Q3; reminders must be batched.',
    legal: words(60, 'Privacy'),
    cost: '',
    marketing: words(50, 'Launch'),
    risks: '',
  },
  milestones: [
    {
      id: 'm-beta',
      name: 'Private beta',
      baselineDate: '2025-05-12',
      forecastDate: '2025-05-19',
      done: false,
    },
    { id: 'm-ga', name: 'General availability', baselineDate: '2025-06-30', forecastDate: null, done: false },
  ],
  linkedWork: { epicKeys: ['LAUNCH-1', 'LAUNCH-7'], jql: 'project = LAUNCH AND labels = reminders' },
  references: {
    stakeholderGridId: 'grid-launch',
    raciMatrixId: null,
    decisionIds: ['decision-channel'],
    escalationPathId: 'path-launch',
  },
};
