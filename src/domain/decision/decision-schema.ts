import { z } from 'zod';
import { isIsoDate, normaliseInstant } from '../brief/iso-date';
import { badIssueKeySentence, normaliseIssueKey } from '../brief/issue-key';
import { parseWith, type Parsed } from '../brief/parse-result';
import { isReferenceId } from '../brief/reference-id';
import { isValidAccountId } from '../roles/account-id';
import { DECISION_LIMITS as L, DECISION_STATUSES, type Decision, type DecisionDraft } from './decision';

const n = (value: number): string => value.toLocaleString('en-US');
const unknownKeys = (what: string, otherwise: string) => (issue: { code?: string; keys?: string[] }) =>
  issue.code === 'unrecognized_keys'
    ? `${what} has no field called ${(issue.keys ?? []).map((k) => `"${k}"`).join(', ')}.`
    : otherwise;

const person = (role: string) =>
  z
    .string({ error: `The ${role} must be a person.` })
    .refine(isValidAccountId, { error: `The ${role} is not a known Atlassian account; pick them again.` });

const people = (role: string, max: number) =>
  z
    .array(person(role), {
      error: `${role[0]?.toUpperCase() ?? ''}${role.slice(1)}s must be a list of people.`,
    })
    .max(max, { error: `Name at most ${max} ${role}s.` })
    .default([])
    .transform((ids) => [...new Set(ids)]);

const point = (side: 'pro' | 'con') =>
  z
    .string({ error: `Each ${side} must be text.` })
    .trim()
    .min(1, { error: `Remove the empty ${side}.` })
    .max(L.point, { error: `Keep each ${side} to ${L.point} characters.` });

const optionSchema = z.strictObject(
  {
    id: z
      .string({ error: 'An option id must be text.' })
      .refine(isReferenceId, { error: 'An option id is not an Accord id; add the option again.' }),
    title: z
      .string({ error: 'An option title must be text.' })
      .trim()
      .min(1, { error: 'Give every option a title.' })
      .max(L.optionTitle, { error: `Keep option titles to ${L.optionTitle} characters.` }),
    description: z
      .string({ error: 'An option description must be text.' })
      .max(L.optionDescription, {
        error: `Keep option descriptions to ${n(L.optionDescription)} characters.`,
      })
      .default(''),
    pros: z
      .array(point('pro'), { error: 'Pros must be a list.' })
      .max(L.prosOrCons, { error: `List at most ${L.prosOrCons} pros per option.` })
      .default([]),
    cons: z
      .array(point('con'), { error: 'Cons must be a list.' })
      .max(L.prosOrCons, { error: `List at most ${L.prosOrCons} cons per option.` })
      .default([]),
  },
  { error: unknownKeys('An option', 'Each option must be an object with a title, pros and cons.') },
);

const issueKey = z.string({ error: 'A linked issue key must be text.' }).transform((value, ctx) => {
  const key = normaliseIssueKey(value);
  if (key === undefined) {
    ctx.addIssue({ code: 'custom', message: badIssueKeySentence(value) });
    return z.NEVER;
  }
  return key;
});

const draftShape = {
  question: z
    .string({ error: 'The question must be text.' })
    .trim()
    .min(1, { error: 'Write the question this decision answers.' })
    .max(L.question, { error: `Keep the question to ${L.question} characters; put detail in the context.` }),
  context: z
    .string({ error: 'The context must be text.' })
    .max(L.context, { error: `Keep the context to ${n(L.context)} characters; link longer material.` })
    .default(''),
  driver: person('Driver').nullable().default(null),
  approver: person('Approver').nullable().default(null),
  contributors: people('contributor', L.contributors),
  informed: people('informed person', L.informed),
  options: z
    .array(optionSchema, { error: 'Options must be a list.' })
    .max(L.options, { error: `Offer at most ${L.options} options; merge the similar ones.` })
    .default([]),
  dueDate: z
    .string({ error: 'The due date must be a date written YYYY-MM-DD.' })
    .refine(isIsoDate, { error: 'The due date must be a real date written YYYY-MM-DD.' })
    .nullable()
    .default(null),
  linkedIssueKeys: z
    .array(issueKey, { error: 'Linked issues must be a list of issue keys.' })
    .max(L.linkedIssues, { error: `Link at most ${L.linkedIssues} issues to one decision.` })
    .default([])
    .transform((keys) => [...new Set(keys)]),
  briefId: z
    .string({ error: 'The brief id must be text.' })
    .refine(isReferenceId, { error: 'The brief id is not an Accord id; pick the brief again.' })
    .nullable()
    .default(null),
};

function uniqueOptionIds(draft: { options: { id: string }[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  draft.options.forEach((o, i) => {
    if (seen.has(o.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['options', i, 'id'],
        message: `Two options share the id "${o.id}"; give each option its own id.`,
      });
    }
    seen.add(o.id);
  });
}

/** The schema of what the Driver edits. */
export const decisionDraftSchema = z
  .strictObject(draftShape, {
    error: unknownKeys('A decision', 'The decision must be an object with a question and its options.'),
  })
  .superRefine(uniqueOptionIds);

const at = z.string({ error: 'Every log entry needs a time.' }).transform((value, ctx) => {
  const instant = normaliseInstant(value);
  if (instant === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: 'A log entry time must be an ISO instant such as 2025-03-04T09:30:00Z.',
    });
    return z.NEVER;
  }
  return instant;
});
const by = person('author of a log entry');
const words = (what: string) =>
  z
    .string({ error: `The ${what} must be text.` })
    .max(L.comment, { error: `Keep the ${what} to ${n(L.comment)} characters.` });
const status = z.enum(DECISION_STATUSES, { error: 'The status must be open, decided, deferred or revoked.' });

const logEntrySchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('input'), at, by, text: words('input') }),
    z.strictObject({ kind: z.literal('approved'), at, by, optionId: z.string(), comment: words('comment') }),
    z.strictObject({
      kind: z.literal('rejected'),
      at,
      by,
      optionId: z.string().nullable(),
      comment: words('comment'),
    }),
    z.strictObject({ kind: z.literal('status'), at, by, from: status, to: status, reason: words('reason') }),
  ],
  { error: 'Each log entry must be input, approved, rejected or a status change.' },
);

/** The schema of a stored decision (draft fields plus status, outcome and log). */
export const decisionSchema = z
  .strictObject(
    {
      ...draftShape,
      id: z
        .string({ error: 'The decision id must be text.' })
        .refine(isReferenceId, { error: 'The decision id is not an Accord id.' }),
      status,
      outcome: z
        .strictObject(
          {
            optionId: z.string({ error: 'The outcome must name an option.' }),
            rationale: words('rationale'),
          },
          { error: 'The outcome must name an option and a rationale.' },
        )
        .nullable()
        .default(null),
      log: z
        .array(logEntrySchema, { error: 'The decision log must be a list.' })
        .max(L.log, { error: `A decision log holds at most ${n(L.log)} entries.` })
        .default([]),
    },
    { error: unknownKeys('A decision', 'The decision must be an object with a question and its options.') },
  )
  .superRefine(uniqueOptionIds)
  .superRefine((d, ctx) => {
    if (d.status === 'decided' && d.outcome === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['outcome'],
        message: 'A decided decision must record its outcome.',
      });
    }
    if (d.status !== 'decided' && d.outcome !== null) {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'Only a decided decision has an outcome.' });
    }
  });

/** Reads what the Driver sends when creating or editing a decision: the draft, or every problem. */
export function parseDecisionDraft(input: unknown): Parsed<DecisionDraft> {
  return parseWith<DecisionDraft>(decisionDraftSchema, input, 'decision');
}

/** Reads a stored decision defensively: the decision, or every problem. */
export function parseDecision(input: unknown): Parsed<Decision> {
  return parseWith<Decision>(decisionSchema, input, 'decision');
}

/** A new open decision with an empty log. */
export function newDecision(id: string, draft: DecisionDraft): Decision {
  return { ...draft, id, status: 'open', outcome: null, log: [] };
}

/** The next free option id (`option-1`, `option-2`, ...), for the UI when someone adds an option. */
export function nextOptionId(options: readonly { id: string }[]): string {
  const used = new Set(options.map((o) => o.id));
  let i = options.length + 1;
  while (used.has(`option-${i}`)) i += 1;
  return `option-${i}`;
}
