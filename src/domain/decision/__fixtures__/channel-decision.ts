/** The demo's decision awaiting the Approver: which reminder channel ships first. */
import type { Decision } from '../decision';

export const DRIVER = '712020:pm-priya';
export const APPROVER = '712020:vp-marcus';
export const LEGAL = '712020:legal-lena';
export const ENGINEER = '712020:eng-omar';
export const FINANCE = '712020:fin-sara';
export const STRANGER = '712020:someone-else';

export const CHANNEL_DECISION: Decision = {
  id: 'decision-channel',
  question: 'Which reminder channel ships first?',
  context: 'Marketing needs a launch date by 30 June.\n\nThe notification service is rate-limited until Q3.',
  driver: DRIVER,
  approver: APPROVER,
  contributors: [LEGAL, ENGINEER],
  informed: [FINANCE],
  options: [
    {
      id: 'in-app',
      title: 'In-app banner',
      description: '',
      pros: ['No new vendor'],
      cons: ['Only reaches active users'],
    },
    {
      id: 'sms',
      title: 'SMS',
      description: 'Through the existing SMS vendor.',
      pros: ['Reaches everyone'],
      cons: ['Needs phone numbers: a privacy review (legal flag)', 'Costs per message'],
    },
  ],
  dueDate: '2025-04-15',
  linkedIssueKeys: ['LAUNCH-3'],
  briefId: 'brief-launch',
  status: 'open',
  outcome: null,
  log: [{ kind: 'input', at: '2025-04-01T09:00:00.000Z', by: LEGAL, text: 'SMS needs a DPIA first.' }],
};

export const T1 = '2025-04-02T10:00:00.000Z';
export const T2 = '2025-04-03T10:00:00.000Z';
