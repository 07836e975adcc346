import { z } from 'zod';
import { isValidAccountId } from '../roles/account-id';
import type { Brief, BriefStatus } from './brief';
import { BRIEF_TEXT_SECTION_IDS, briefSection, type BriefTextSectionId } from './brief-sections';
import { isIsoDate } from './iso-date';
import { badIssueKeySentence, normaliseIssueKey } from './issue-key';
import { parseWith, type Parsed } from './parse-result';
import { isReferenceId } from './reference-id';

/** A milestone with the date committed to when the brief was agreed (the baseline) and today's forecast. */
export interface BriefMilestone {
  id: string;
  name: string;
  /** `YYYY-MM-DD`. */
  baselineDate: string;
  /** `YYYY-MM-DD`, or null when nobody has re-forecast it. */
  forecastDate: string | null;
  done: boolean;
}

/** Where the brief's work lives in Jira: epics, a JQL query, or both. */
export interface BriefLinkedWork {
  epicKeys: string[];
  jql: string;
}

/** The other Accord documents a brief points at, by id (their content lives in their own entities). */
export interface BriefReferences {
  stakeholderGridId: string | null;
  raciMatrixId: string | null;
  decisionIds: string[];
  escalationPathId: string | null;
}

/** The full Project Brief as a PM edits it (storage metadata such as revision and page id lives beside it). */
export interface BriefDocument {
  title: string;
  ownerAccountId: string | null;
  status: BriefStatus;
  sections: Record<BriefTextSectionId, string>;
  milestones: BriefMilestone[];
  linkedWork: BriefLinkedWork;
  references: BriefReferences;
}

export const BRIEF_DOCUMENT_LIMITS = {
  title: 200,
  sectionText: 20_000,
  milestones: 50,
  milestoneName: 200,
  epicKeys: 50,
  jql: 2_000,
  decisions: 100,
} as const;

const n = (value: number): string => value.toLocaleString('en-US');

const STATUS_SENTENCE = 'Set the status to draft, in-review or approved.';

const referenceId = (what: string) =>
  z
    .string({ error: `The ${what} id must be text.` })
    .refine(isReferenceId, { error: `The ${what} id is not an Accord id; pick the ${what} again.` });

const nullableReference = (what: string) => referenceId(what).nullable().default(null);

const sectionText = (id: BriefTextSectionId) => {
  const title = briefSection(id).title;
  return z
    .string({ error: `"${title}" must be text.` })
    .max(BRIEF_DOCUMENT_LIMITS.sectionText, {
      error: (issue) =>
        `Keep "${title}" to ${n(BRIEF_DOCUMENT_LIMITS.sectionText)} characters ` +
        `(it has ${n(typeof issue.input === 'string' ? issue.input.length : 0)}); link longer material instead.`,
    })
    .default('');
};

const sectionsSchema = z.strictObject(
  Object.fromEntries(BRIEF_TEXT_SECTION_IDS.map((id) => [id, sectionText(id)])) as Record<
    BriefTextSectionId,
    ReturnType<typeof sectionText>
  >,
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `A brief has no section called ${issue.keys.map((k) => `"${k}"`).join(', ')}.`
        : 'The sections of the brief must be an object of texts.',
  },
);

const milestoneSchema = z.strictObject(
  {
    id: referenceId('milestone'),
    name: z
      .string({ error: 'A milestone name must be text.' })
      .trim()
      .min(1, { error: 'Give every milestone a name.' })
      .max(BRIEF_DOCUMENT_LIMITS.milestoneName, {
        error: `Keep milestone names to ${BRIEF_DOCUMENT_LIMITS.milestoneName} characters.`,
      }),
    baselineDate: z
      .string({ error: 'Give every milestone a baseline date.' })
      .refine(isIsoDate, { error: 'A baseline date must be a real date written YYYY-MM-DD.' }),
    forecastDate: z
      .string({ error: 'A forecast date must be a date written YYYY-MM-DD.' })
      .refine(isIsoDate, { error: 'A forecast date must be a real date written YYYY-MM-DD.' })
      .nullable()
      .default(null),
    done: z.boolean({ error: 'Whether a milestone is done must be true or false.' }).default(false),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `A milestone has no field called ${issue.keys.map((k) => `"${k}"`).join(', ')}.`
        : 'Each milestone must be an object with a name and a baseline date.',
  },
);

const issueKey = z.string({ error: 'An epic key must be text.' }).transform((value, ctx) => {
  const key = normaliseIssueKey(value);
  if (key === undefined) {
    ctx.addIssue({ code: 'custom', message: badIssueKeySentence(value) });
    return z.NEVER;
  }
  return key;
});

const linkedWorkSchema = z.strictObject(
  {
    epicKeys: z
      .array(issueKey, { error: 'Epic keys must be a list.' })
      .max(BRIEF_DOCUMENT_LIMITS.epicKeys, {
        error: `Link at most ${BRIEF_DOCUMENT_LIMITS.epicKeys} epics; use a JQL query for more.`,
      })
      .default([])
      .transform((keys) => [...new Set(keys)]),
    jql: z
      .string({ error: 'The JQL query must be text.' })
      .trim()
      .max(BRIEF_DOCUMENT_LIMITS.jql, {
        error: `Keep the JQL query to ${n(BRIEF_DOCUMENT_LIMITS.jql)} characters.`,
      })
      .default(''),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Linked work has no field called ${issue.keys.map((k) => `"${k}"`).join(', ')}.`
        : 'Linked work must be an object with epic keys and a JQL query.',
  },
);

const referencesSchema = z.strictObject(
  {
    stakeholderGridId: nullableReference('stakeholder grid'),
    raciMatrixId: nullableReference('RACI matrix'),
    decisionIds: z
      .array(referenceId('decision'), { error: 'Decisions must be a list of decision ids.' })
      .max(BRIEF_DOCUMENT_LIMITS.decisions, {
        error: `Link at most ${BRIEF_DOCUMENT_LIMITS.decisions} decisions to one brief.`,
      })
      .default([])
      .transform((ids) => [...new Set(ids)]),
    escalationPathId: nullableReference('escalation path'),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `A brief links no document called ${issue.keys.map((k) => `"${k}"`).join(', ')}.`
        : 'The linked documents of the brief must be an object of ids.',
  },
);

const emptySections = (): Record<BriefTextSectionId, string> =>
  Object.fromEntries(BRIEF_TEXT_SECTION_IDS.map((id) => [id, ''])) as Record<BriefTextSectionId, string>;

/** The schema of a Project Brief document; every refusal carries a sentence. */
export const briefDocumentSchema = z
  .strictObject(
    {
      title: z
        .string({ error: 'The title must be text.' })
        .trim()
        .min(1, { error: 'Give the brief a title.' })
        .max(BRIEF_DOCUMENT_LIMITS.title, {
          error: `Keep the title to ${BRIEF_DOCUMENT_LIMITS.title} characters.`,
        }),
      ownerAccountId: z
        .string({ error: 'The owner must be a person.' })
        .refine(isValidAccountId, {
          error: 'The owner is not a known Atlassian account; pick the owner again.',
        })
        .nullable()
        .default(null),
      status: z.enum(['draft', 'in-review', 'approved'], { error: STATUS_SENTENCE }).default('draft'),
      sections: sectionsSchema.default(emptySections),
      milestones: z
        .array(milestoneSchema, { error: 'Milestones must be a list.' })
        .max(BRIEF_DOCUMENT_LIMITS.milestones, {
          error: `Keep to ${BRIEF_DOCUMENT_LIMITS.milestones} milestones; group smaller steps under them.`,
        })
        .default([]),
      linkedWork: linkedWorkSchema.default({ epicKeys: [], jql: '' }),
      references: referencesSchema.default({
        stakeholderGridId: null,
        raciMatrixId: null,
        decisionIds: [],
        escalationPathId: null,
      }),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `A brief has no field called ${issue.keys.map((k) => `"${k}"`).join(', ')}.`
          : 'The brief must be an object with a title and its sections.',
    },
  )
  .superRefine((brief, ctx) => {
    const seen = new Set<string>();
    brief.milestones.forEach((m, i) => {
      if (seen.has(m.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['milestones', i, 'id'],
          message: `Two milestones share the id "${m.id}"; give each milestone its own id.`,
        });
      }
      seen.add(m.id);
    });
  });

/** Reads an untrusted brief document (from a payload or from storage): the document, or every problem. */
export function parseBriefDocument(input: unknown): Parsed<BriefDocument> {
  return parseWith<BriefDocument>(briefDocumentSchema, input, 'brief');
}

/** A new, empty brief owned by `ownerAccountId`. */
export function emptyBriefDocument(title: string, ownerAccountId: string | null): BriefDocument {
  return {
    title,
    ownerAccountId,
    status: 'draft',
    sections: emptySections(),
    milestones: [],
    linkedWork: { epicKeys: [], jql: '' },
    references: { stakeholderGridId: null, raciMatrixId: null, decisionIds: [], escalationPathId: null },
  };
}

/** A foundation brief (title, problem, owner, status) as a full document, so stored briefs carry over. */
export function briefDocumentFromBrief(
  brief: Pick<Brief, 'title' | 'problem' | 'ownerAccountId' | 'status'>,
): BriefDocument {
  const doc = emptyBriefDocument(brief.title, brief.ownerAccountId === '' ? null : brief.ownerAccountId);
  return { ...doc, status: brief.status, sections: { ...doc.sections, problem: brief.problem } };
}
