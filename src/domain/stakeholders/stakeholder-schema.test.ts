import { LAUNCH_GRID } from './__fixtures__/launch-grid';
import { emptyStakeholderGrid, parseStakeholderGrid } from './stakeholder-schema';

const grid = (overrides: Record<string, unknown>) => ({ ...structuredClone(LAUNCH_GRID), ...overrides });
const withStakeholder = (s: Record<string, unknown>) =>
  grid({
    stakeholders: [
      { id: 's-x', party: { kind: 'user', accountId: '712020:x' }, authority: 3, concern: 3, ...s },
    ],
  });

describe('parseStakeholderGrid', () => {
  test('reads the launch grid unchanged and a bare title as an empty grid', () => {
    expect(parseStakeholderGrid(LAUNCH_GRID)).toEqual({ ok: true, value: LAUNCH_GRID });
    expect(parseStakeholderGrid({ title: 'G' })).toEqual({
      ok: true,
      value: emptyStakeholderGrid('G', null),
    });
  });

  test.each<[string, unknown, string, string]>([
    ['nothing', null, '', 'The grid must be an object with a title and its stakeholders.'],
    ['a blank title', grid({ title: ' ' }), 'title', 'Give the grid a title.'],
    [
      'authority 0',
      withStakeholder({ authority: 0 }),
      'stakeholders.0.authority',
      'Authority must be a whole number from 1 to 5.',
    ],
    [
      'authority 6',
      withStakeholder({ authority: 6 }),
      'stakeholders.0.authority',
      'Authority must be a whole number from 1 to 5.',
    ],
    [
      'concern 2.5',
      withStakeholder({ concern: 2.5 }),
      'stakeholders.0.concern',
      'Concern must be a whole number from 1 to 5.',
    ],
    [
      'concern as text',
      withStakeholder({ concern: 'high' }),
      'stakeholders.0.concern',
      'Concern must be a whole number from 1 to 5.',
    ],
    [
      'a user by e-mail',
      withStakeholder({ party: { kind: 'user', accountId: 'lena@example.com' } }),
      'stakeholders.0.party.accountId',
      'This is not a known Atlassian account; pick the Jira user again.',
    ],
    [
      'an external party without a name',
      withStakeholder({ party: { kind: 'external', name: '  ' } }),
      'stakeholders.0.party.name',
      'Give the external party a name.',
    ],
    [
      'a party of unknown kind',
      withStakeholder({ party: { kind: 'group', name: 'x' } }),
      'stakeholders.0.party.kind',
      'A stakeholder is either a Jira user or a named external party.',
    ],
    [
      'a long role',
      withStakeholder({ role: 'x'.repeat(101) }),
      'stakeholders.0.role',
      'Keep the role to 100 characters.',
    ],
    [
      'an unknown stakeholder field',
      withStakeholder({ email: 'x' }),
      'stakeholders.0',
      'A stakeholder has no field called "email".',
    ],
    [
      '101 stakeholders',
      grid({
        stakeholders: Array.from({ length: 101 }, (_, i) => ({
          id: `s${i}`,
          party: { kind: 'external', name: `P${i}` },
          authority: 1,
          concern: 1,
        })),
      }),
      'stakeholders',
      'Keep to 100 stakeholders on one grid; group people who share a stake.',
    ],
    [
      'a person twice',
      grid({ stakeholders: [LAUNCH_GRID.stakeholders[0], { ...LAUNCH_GRID.stakeholders[0], id: 's-vp-2' }] }),
      'stakeholders.1.party',
      'This person is already on the grid (row 1); change their scores there.',
    ],
    [
      'a vendor twice, differently cased',
      grid({
        stakeholders: [
          LAUNCH_GRID.stakeholders[5],
          {
            ...LAUNCH_GRID.stakeholders[5],
            id: 'v2',
            party: { kind: 'external', name: 'TEXTLY', organisation: 'sms vendor' },
          },
        ],
      }),
      'stakeholders.1.party',
      '"TEXTLY" is already on the grid (row 1); change their scores there.',
    ],
    [
      'two rows with one id',
      grid({ stakeholders: [LAUNCH_GRID.stakeholders[0], { ...LAUNCH_GRID.stakeholders[1], id: 's-vp' }] }),
      'stakeholders.1.id',
      'Two stakeholders share the id "s-vp"; add the stakeholder again.',
    ],
    [
      'an unknown quadrant plan',
      grid({ engagement: { centre: { cadence: 'weekly', channel: 'x' } } }),
      'engagement',
      'There is no quadrant called "centre"; the quadrants are manage-closely, keep-satisfied, keep-informed, monitor.',
    ],
    [
      'a plan without a channel',
      grid({ engagement: { monitor: { cadence: 'weekly', channel: '' } } }),
      'engagement.monitor.channel',
      'Say through which channel they hear from you.',
    ],
    [
      'a plan with an unknown cadence',
      grid({ engagement: { monitor: { cadence: 'hourly', channel: 'x' } } }),
      'engagement.monitor.cadence',
      'Pick a cadence: daily, twice-weekly, weekly, fortnightly, monthly, quarterly, at-milestones.',
    ],
  ])('refuses %s', (_name, input, path, message) => {
    const parsed = parseStakeholderGrid(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toContainEqual({ path, message });
  });
});
