/** Test fixtures for the executive-view screens (imported by *.test.tsx only). */
import type { InitiativeStatus, StatusReport } from '../../../src/shared/progress';

export const initiativeStatus = (over: Partial<InitiativeStatus> = {}): InitiativeStatus => ({
  briefId: 'brief-launch',
  title: 'Feature X launch',
  ownerAccountId: '712020:priya',
  pageId: '98307',
  rag: 'amber',
  reason: 'Amber: 3 items blocked > 2 business days; forecast 9 days after baseline',
  percentDone: 62,
  counts: { todo: 3, inProgress: 2, done: 8, total: 13 },
  blocked: 3,
  blockedTooLong: 3,
  overdue: 1,
  baseline: '2026-12-12',
  forecast: '2026-12-21',
  slipDays: 9,
  escalationsByLevel: { '2': 1 },
  decisionsAwaiting: 1,
  figures: [],
  scopeJql: 'project = LAUNCH',
  asOf: '2026-11-27T10:00:00.000Z',
  ...over,
});

export const statusReport = (over: Partial<StatusReport> = {}): StatusReport => ({
  id: 'report-1',
  briefId: 'brief-launch',
  problemAndImpact: 'Launch slips by 9 days.',
  rootCauseAndOptions: 'The vendor API is late.',
  recommendation: 'Add one engineer for two weeks.',
  revision: 3,
  updatedAt: '2026-11-27T09:00:00.000Z',
  ...over,
});
