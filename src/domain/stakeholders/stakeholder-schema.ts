import { z } from 'zod';
import { parseWith, type Parsed } from '../brief/parse-result';
import { isReferenceId } from '../brief/reference-id';
import { isValidAccountId } from '../roles/account-id';
import { CADENCES, GRID_LIMITS as L, QUADRANTS, type StakeholderGrid } from './stakeholder';

const unknownKeys = (what: string, otherwise: string) => (issue: { code?: string; keys?: string[] }) =>
  issue.code === 'unrecognized_keys'
    ? `${what} has no field called ${(issue.keys ?? []).map((k) => `"${k}"`).join(', ')}.`
    : otherwise;

const score = (what: string) =>
  z
    .number({ error: `${what} must be a whole number from 1 to 5.` })
    .int({ error: `${what} must be a whole number from 1 to 5.` })
    .min(1, { error: `${what} must be a whole number from 1 to 5.` })
    .max(5, { error: `${what} must be a whole number from 1 to 5.` })
    .transform((n) => n as 1 | 2 | 3 | 4 | 5);

const text = (what: string, max: number) =>
  z
    .string({ error: `The ${what} must be text.` })
    .trim()
    .max(max, { error: `Keep the ${what} to ${max.toLocaleString('en-US')} characters.` });

const party = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('user'),
      accountId: z.string({ error: 'Pick the Jira user again.' }).refine(isValidAccountId, {
        error: 'This is not a known Atlassian account; pick the Jira user again.',
      }),
    }),
    z.strictObject({
      kind: z.literal('external'),
      name: text('name', L.name).pipe(z.string().min(1, { error: 'Give the external party a name.' })),
      organisation: text('organisation', L.organisation).default(''),
    }),
  ],
  { error: 'A stakeholder is either a Jira user or a named external party.' },
);

const stakeholder = z.strictObject(
  {
    id: z
      .string({ error: 'A stakeholder id must be text.' })
      .refine(isReferenceId, { error: 'A stakeholder id is not an Accord id; add the stakeholder again.' }),
    party,
    role: text('role', L.role).default(''),
    authority: score('Authority'),
    concern: score('Concern'),
    notes: z
      .string({ error: 'The notes must be text.' })
      .max(L.notes, { error: `Keep the notes to ${L.notes.toLocaleString('en-US')} characters.` })
      .default(''),
  },
  { error: unknownKeys('A stakeholder', 'Each stakeholder must be an object with a party and two scores.') },
);

const plan = z.strictObject(
  {
    cadence: z.enum(CADENCES, { error: `Pick a cadence: ${CADENCES.join(', ')}.` }),
    channel: text('channel', L.channel).pipe(
      z.string().min(1, { error: 'Say through which channel they hear from you.' }),
    ),
  },
  { error: unknownKeys('An engagement plan', 'An engagement plan needs a cadence and a channel.') },
);

/** The schema of a Stakeholder Analysis Grid; every refusal carries a sentence. */
export const stakeholderGridSchema = z
  .strictObject(
    {
      title: text('title', L.title).pipe(z.string().min(1, { error: 'Give the grid a title.' })),
      ownerAccountId: z
        .string({ error: 'The owner must be a person.' })
        .refine(isValidAccountId, {
          error: 'The owner is not a known Atlassian account; pick the owner again.',
        })
        .nullable()
        .default(null),
      stakeholders: z
        .array(stakeholder, { error: 'Stakeholders must be a list.' })
        .max(L.stakeholders, {
          error: `Keep to ${L.stakeholders} stakeholders on one grid; group people who share a stake.`,
        })
        .default([]),
      engagement: z
        .strictObject(
          {
            'manage-closely': plan.optional(),
            'keep-satisfied': plan.optional(),
            'keep-informed': plan.optional(),
            monitor: plan.optional(),
          },
          {
            error: (issue) =>
              issue.code === 'unrecognized_keys'
                ? `There is no quadrant called ${issue.keys.map((k) => `"${k}"`).join(', ')}; ` +
                  `the quadrants are ${QUADRANTS.join(', ')}.`
                : 'The engagement plans must be an object keyed by quadrant.',
          },
        )
        .default({}),
    },
    {
      error: unknownKeys(
        'A stakeholder grid',
        'The grid must be an object with a title and its stakeholders.',
      ),
    },
  )
  .superRefine((grid, ctx) => {
    const ids = new Set<string>();
    const parties = new Map<string, number>();
    grid.stakeholders.forEach((s, i) => {
      if (ids.has(s.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['stakeholders', i, 'id'],
          message: `Two stakeholders share the id "${s.id}"; add the stakeholder again.`,
        });
      }
      ids.add(s.id);
      const key =
        s.party.kind === 'user'
          ? `user:${s.party.accountId}`
          : `external:${s.party.name.toLocaleLowerCase('en')}|${s.party.organisation.toLocaleLowerCase('en')}`;
      const earlier = parties.get(key);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['stakeholders', i, 'party'],
          message:
            s.party.kind === 'user'
              ? `This person is already on the grid (row ${earlier + 1}); change their scores there.`
              : `"${s.party.name}" is already on the grid (row ${earlier + 1}); change their scores there.`,
        });
      } else {
        parties.set(key, i);
      }
    });
  });

/** Reads an untrusted grid (from a payload or from storage): the grid, or every problem. */
export function parseStakeholderGrid(input: unknown): Parsed<StakeholderGrid> {
  return parseWith<StakeholderGrid>(stakeholderGridSchema, input, 'stakeholder grid');
}

/** A new, empty grid. */
export function emptyStakeholderGrid(title: string, ownerAccountId: string | null): StakeholderGrid {
  return { title, ownerAccountId, stakeholders: [], engagement: {} };
}
