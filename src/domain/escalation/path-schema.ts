/** Validates an Escalation Path document and says, in sentences, what to fix. */
import { z } from 'zod';
import { isValidAccountId } from '../roles/account-id';
import {
  type BusinessCalendar,
  calendarProblems,
  clockMinutes,
  holidayCountries,
  isKnownTimeZone,
} from './business-calendar';
import { businessDurationMillis, describeBusinessDuration, parseBusinessDuration } from './business-duration';
import type { EscalationPath } from './escalation-path';

export interface PathProblem {
  /** Where the problem is, e.g. `levels.1.after` (0-based indexes). */
  field: string;
  /** A sentence that says what is wrong and what to do. */
  message: string;
}

export type PathParseResult = { ok: true; path: EscalationPath } | { ok: false; problems: PathProblem[] };

export const MAX_LEVELS = 10;
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,254}$/;
const LABEL = /^[^\s]{1,255}$/;

const nonEmpty = (what: string, max = 255) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, { error: `Enter ${what}.` })
    .max(max, { error: `Shorten ${what} to at most ${max} characters.` });

const durationSchema = z.custom<string | { days?: number; hours?: number; minutes?: number }>(
  (value) => parseBusinessDuration(value).ok,
  {
    error: (issue) =>
      (parseBusinessDuration(issue.input) as { message?: string }).message ?? 'Enter a delay.',
  },
);

const conditionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('status-in'),
      statuses: z
        .array(nonEmpty('a status name'), { error: 'List the statuses, e.g. ["Blocked"].' })
        .min(1, { error: 'Name at least one status, e.g. Blocked.' }),
    }),
    z.object({ kind: z.literal('flagged') }),
    z.object({ kind: z.literal('priority-at-least'), priority: nonEmpty('the priority, e.g. High') }),
    z.object({ kind: z.literal('due-date-passed') }),
    z.object({ kind: z.literal('time-in-status'), atLeast: durationSchema }),
    z.object({ kind: z.literal('decision-overdue') }),
    z.object({ kind: z.literal('no-accountable') }),
  ],
  {
    error:
      'Choose a condition: status-in, flagged, priority-at-least, due-date-passed, time-in-status, decision-overdue or no-accountable.',
  },
);

const targetSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('person'),
      accountId: z
        .string()
        .refine(isValidAccountId, { error: 'Pick a person: this is not an Atlassian account id.' }),
    }),
    z.object({ kind: z.literal('group'), name: nonEmpty('the group name') }),
    z.object({
      kind: z.literal('role'),
      role: z.enum(['issue-accountable', 'epic-accountable', 'decision-approver', 'brief-owner'], {
        error: 'Choose a role: issue-accountable, epic-accountable, decision-approver or brief-owner.',
      }),
    }),
  ],
  { error: 'Choose whom to involve: a person, a group or a role.' },
);

const weekday = z
  .number({ error: 'Working days are numbers from 1 (Monday) to 7 (Sunday).' })
  .int({ error: 'Working days are numbers from 1 (Monday) to 7 (Sunday).' })
  .min(1, { error: 'Working days are numbers from 1 (Monday) to 7 (Sunday).' })
  .max(7, { error: 'Working days are numbers from 1 (Monday) to 7 (Sunday).' });

const clockTime = (which: 'start' | 'end', example: string) =>
  z
    .string({ error: `Enter the ${which} of the working day as HH:mm, e.g. ${example}.` })
    .trim()
    .refine((v) => clockMinutes(v) !== undefined && (which === 'end' || v !== '24:00'), {
      error: `Enter the ${which} of the working day as HH:mm, e.g. ${example}.`,
    });

const calendarSchema = z.object(
  {
    timeZone: nonEmpty('a time zone, e.g. Europe/Berlin').refine(isKnownTimeZone, {
      error: (issue) =>
        `"${String(issue.input)}" is not a known time zone; use an IANA name such as Europe/Berlin or America/New_York.`,
    }),
    workingDays: z
      .array(weekday, { error: 'Working days are numbers from 1 (Monday) to 7 (Sunday).' })
      .min(1, { error: 'Choose at least one working day.' }),
    hours: z.object(
      { start: clockTime('start', '09:00'), end: clockTime('end', '17:00') },
      { error: 'Enter working hours, e.g. { "start": "09:00", "end": "17:00" }.' },
    ),
    holidays: z
      .object(
        {
          country: nonEmpty('a two-letter country code, e.g. DE')
            .transform((c) => c.toUpperCase())
            .refine((c) => c in holidayCountries(), {
              error: (issue) =>
                `"${String(issue.input)}" is not a country code with a holiday calendar; use a two-letter code such as DE, FR or US.`,
            }),
          region: z.string().trim().min(1).optional(),
        },
        { error: 'Holidays need a country, e.g. { "country": "DE" }.' },
      )
      .optional(),
    pausedStatuses: z
      .array(nonEmpty('a status name'), { error: 'List the statuses that pause the clock.' })
      .default([]),
  },
  { error: 'Enter a business calendar: time zone, working days, working hours and holidays.' },
);

const levelSchema = z.object({
  name: nonEmpty('a name for the level, e.g. Team lead', 100),
  after: durationSchema,
  targets: z.array(targetSchema).min(1, { error: 'Choose at least one person, group or role to involve.' }),
  actions: z
    .array(
      z.enum(['comment', 'notify', 'add-watchers', 'raise-priority', 'add-label'], {
        error: 'Choose actions from comment, notify, add-watchers, raise-priority and add-label.',
      }),
    )
    .min(1, { error: 'Choose at least one action, e.g. comment.' }),
  label: z.string().trim().optional(),
});

/** The zod schema of the path document (structure only; use `parseEscalationPath` for the full rules). */
export const escalationPathSchema = z.object(
  {
    id: nonEmpty('an id for the path', 100),
    name: nonEmpty('a name for the path', 200),
    scope: z.object(
      {
        projects: z
          .array(
            z
              .string()
              .trim()
              .toUpperCase()
              .regex(PROJECT_KEY, { error: 'A project key is capital letters, digits and _, e.g. LAUNCH.' }),
          )
          .default([]),
        jql: z.string().trim().optional(),
      },
      { error: 'Say which issues the path watches: projects and/or a JQL filter.' },
    ),
    match: z.enum(['all', 'any'], { error: 'Match "all" conditions or "any" of them.' }).default('all'),
    conditions: z
      .array(conditionSchema, { error: 'List the conditions.' })
      .min(1, { error: 'Add at least one condition, e.g. status is Blocked.' }),
    calendar: calendarSchema,
    levels: z
      .array(levelSchema, { error: 'List the levels.' })
      .min(1, { error: 'Add at least one level, e.g. the issue’s Accountable after 2 business days.' })
      .max(MAX_LEVELS, { error: `A path has at most ${MAX_LEVELS} levels.` }),
  },
  { error: 'An escalation path is an object with id, name, scope, conditions, calendar and levels.' },
);

/** Reads an Escalation Path document; every problem comes back as a sentence with the field it is about. */
export function parseEscalationPath(input: unknown): PathParseResult {
  const parsed = escalationPathSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const field = issue.path.map(String).join('.');
      return { field, message: withPlace(issue.path, issue.message) };
    });
    return { ok: false, problems: dedupe(problems) };
  }
  const path = normalize(parsed.data);
  const problems = ruleProblems(path);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, path };
}

function normalize(data: z.output<typeof escalationPathSchema>): EscalationPath {
  const calendar: BusinessCalendar = {
    timeZone: data.calendar.timeZone,
    workingDays: [...new Set(data.calendar.workingDays)].sort(
      (a, b) => a - b,
    ) as BusinessCalendar['workingDays'],
    hours: { start: data.calendar.hours.start.trim(), end: data.calendar.hours.end.trim() },
    pausedStatuses: data.calendar.pausedStatuses,
  };
  if (data.calendar.holidays) {
    const { country, region } = data.calendar.holidays;
    calendar.holidays = region ? { country, region } : { country };
  }
  return {
    id: data.id,
    name: data.name,
    scope: {
      projects: [...new Set(data.scope.projects)],
      ...(data.scope.jql ? { jql: data.scope.jql } : {}),
    },
    match: data.match,
    conditions: data.conditions,
    calendar,
    levels: data.levels.map((l) => ({
      name: l.name,
      after: l.after,
      targets: l.targets,
      actions: [...new Set(l.actions)],
      ...(l.label ? { label: l.label } : {}),
    })),
  };
}

function ruleProblems(path: EscalationPath): PathProblem[] {
  const problems: PathProblem[] = [];
  if (path.scope.projects.length === 0 && !path.scope.jql) {
    problems.push({
      field: 'scope',
      message: 'Say which issues the path watches: name a project or write a JQL filter.',
    });
  }
  if (path.scope.jql && /\border\s+by\b/i.test(path.scope.jql)) {
    problems.push({
      field: 'scope.jql',
      message: 'Remove ORDER BY from the JQL filter: the path only selects issues.',
    });
  }
  const seen = new Map<string, number>();
  path.conditions.forEach((c, i) => {
    const first = seen.get(c.kind);
    if (first !== undefined) {
      problems.push({
        field: `conditions.${i}`,
        message: `Condition ${i + 1} repeats condition ${first + 1} (${c.kind}); merge them into one.`,
      });
    } else seen.set(c.kind, i);
  });
  for (const p of calendarProblems(path.calendar)) {
    problems.push({ field: `calendar.${p.field}`, message: `Calendar: ${p.message}` });
  }
  const calendarOk = problems.every((p) => !p.field.startsWith('calendar.hours'));
  path.levels.forEach((level, i) => {
    if (level.actions.includes('add-label') && !level.label) {
      problems.push({
        field: `levels.${i}.label`,
        message: `Level ${i + 1}: enter the label that add-label adds.`,
      });
    }
    if (level.label !== undefined && !LABEL.test(level.label)) {
      problems.push({
        field: `levels.${i}.label`,
        message: `Level ${i + 1}: a Jira label has no spaces, e.g. escalated.`,
      });
    }
    const previous = path.levels[i - 1];
    if (previous && calendarOk) {
      const mine = businessDurationMillis(level.after, path.calendar);
      const before = businessDurationMillis(previous.after, path.calendar);
      if (mine <= before) {
        problems.push({
          field: `levels.${i}.after`,
          message: `Level ${i + 1} must come later than level ${i}: ${describeBusinessDuration(level.after)} is not longer than ${describeBusinessDuration(previous.after)}.`,
        });
      }
    }
  });
  return problems;
}

function withPlace(path: readonly PropertyKey[], message: string): string {
  const [head, index] = path;
  const n = typeof index === 'number' ? index + 1 : undefined;
  if (head === 'levels' && n !== undefined) return `Level ${n}: ${message}`;
  if (head === 'conditions' && n !== undefined) return `Condition ${n}: ${message}`;
  if (head === 'calendar') return `Calendar: ${message}`;
  if (head === 'scope') return `Scope: ${message}`;
  return message;
}

function dedupe(problems: PathProblem[]): PathProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
