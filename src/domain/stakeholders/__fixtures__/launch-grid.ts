/** The demo launch's stakeholders: engineering, legal, finance, marketing, an executive and a vendor. */
import type { StakeholderGrid } from '../stakeholder';

export const OWNER = '712020:pm-priya';

export const NAMES: Record<string, string> = {
  '712020:vp-marcus': 'Marcus Obi',
  '712020:legal-lena': 'Lena Fischer',
  '712020:eng-omar': 'Omar Haddad',
  '712020:fin-sara': 'Sara Lind',
  '712020:mkt-jo': 'Jo',
};
export const names = (id: string): string | undefined => NAMES[id];

export const LAUNCH_GRID: StakeholderGrid = {
  title: 'Smart Reminders launch',
  ownerAccountId: OWNER,
  stakeholders: [
    {
      id: 's-vp',
      party: { kind: 'user', accountId: '712020:vp-marcus' },
      role: 'VP Product',
      authority: 5,
      concern: 4,
      notes: '',
    },
    {
      id: 's-legal',
      party: { kind: 'user', accountId: '712020:legal-lena' },
      role: 'Privacy counsel',
      authority: 4,
      concern: 5,
      notes: 'Flagged SMS.',
    },
    {
      id: 's-eng',
      party: { kind: 'user', accountId: '712020:eng-omar' },
      role: 'Tech lead',
      authority: 2,
      concern: 5,
      notes: '',
    },
    {
      id: 's-fin',
      party: { kind: 'user', accountId: '712020:fin-sara' },
      role: 'Finance partner',
      authority: 4,
      concern: 2,
      notes: '',
    },
    {
      id: 's-mkt',
      party: { kind: 'user', accountId: '712020:mkt-jo' },
      role: 'Launch marketing',
      authority: 2,
      concern: 3,
      notes: '',
    },
    {
      id: 's-vendor',
      party: { kind: 'external', name: 'Textly', organisation: 'SMS vendor' },
      role: 'Supplier',
      authority: 1,
      concern: 2,
      notes: '',
    },
  ],
  engagement: { 'keep-satisfied': { cadence: 'monthly', channel: 'Finance review' } },
};
