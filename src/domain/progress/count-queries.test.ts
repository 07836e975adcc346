import { STATUS_CATEGORY_AGE, planCountQueries, readCountAnswers, type CountPlan } from './count-queries';

const now = new Date('2026-12-01T11:00:00Z'); // a Tuesday
const scope = 'project = LAUNCH AND labels = launch';

function plan(jql = scope, options = {}): CountPlan {
  const result = planCountQueries(jql, now, options);
  if (!result.ok) throw new Error(result.problem);
  return result.plan;
}

describe('planCountQueries', () => {
  test('gives the exact JQL for every number, each scoped to the initiative', () => {
    const p = plan();
    const s = `(${scope})`;
    expect(Object.fromEntries(p.counts.map((q) => [q.key, q.jql]))).toEqual({
      new: `${s} AND statusCategory = "To Do"`,
      indeterminate: `${s} AND statusCategory = "In Progress"`,
      done: `${s} AND statusCategory = Done`,
      blocked: `${s} AND statusCategory != Done AND (status = Blocked)`,
      blockedLong:
        `${s} AND statusCategory != Done AND (status = Blocked) AND ` +
        'NOT status CHANGED AFTER "2026-11-27 11:00" AND created <= "2026-11-27 11:00"',
      overdue: `${s} AND statusCategory != Done AND duedate < "2026-12-01"`,
      openWithDueDate: `${s} AND statusCategory != Done AND duedate is not EMPTY`,
      'throughput-0': `${s} AND statusCategory = Done AND resolved >= "2026-11-03" AND resolved < "2026-11-10"`,
      'throughput-1': `${s} AND statusCategory = Done AND resolved >= "2026-11-10" AND resolved < "2026-11-17"`,
      'throughput-2': `${s} AND statusCategory = Done AND resolved >= "2026-11-17" AND resolved < "2026-11-24"`,
      'throughput-3': `${s} AND statusCategory = Done AND resolved >= "2026-11-24" AND resolved < "2026-12-01"`,
    });
    expect(p.latestOpenDue).toEqual({
      key: 'latestOpenDue',
      label: 'Latest due date of open work',
      jql: `${s} AND statusCategory != Done AND duedate is not EMPTY ORDER BY duedate DESC`,
      fields: ['duedate'],
      maxResults: 1,
    });
    expect(p.sources.total).toBe(scope);
    expect(p.sources.throughput).toBe(
      `${s} AND statusCategory = Done AND resolved >= "2026-11-03" AND resolved < "2026-12-01"`,
    );
    expect(p.asOf).toBe('2026-12-01');
  });

  test.each([
    // [now, business days, holidays, cutoff]
    ['2026-12-01T11:00:00Z', 2, [], '2026-11-27 11:00'], // Tue → Fri, over the weekend
    ['2026-12-03T09:30:00Z', 2, [], '2026-12-01 09:30'], // Thu → Tue
    ['2026-11-30T08:00:00Z', 1, [], '2026-11-27 08:00'], // Mon → Fri
    ['2026-12-05T12:00:00Z', 1, [], '2026-12-04 12:00'], // Sat → Fri
    ['2026-12-01T11:00:00Z', 2, ['2026-11-27'], '2026-11-26 11:00'], // Friday off → Thursday
    ['2026-12-01T11:00:00Z', 0, [], '2026-12-01 11:00'],
  ])('at %s, %i business days back (holidays %j) is %s', (at, days, holidays, cutoff) => {
    const result = planCountQueries(scope, new Date(at), {
      blockedBusinessDays: days,
      calendar: { timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5], holidays },
    });
    expect(result.ok && result.plan.blockedCutoff).toBe(cutoff);
  });

  test("today, the overdue line and the cutoff are in the site's time zone", () => {
    const result = planCountQueries(scope, new Date('2026-12-01T23:30:00Z'), {
      calendar: { timeZone: 'Pacific/Auckland', workingDays: [1, 2, 3, 4, 5], holidays: [] },
    });
    expect(result.ok && result.plan.asOf).toBe('2026-12-02');
    expect(result.ok && result.plan.blockedCutoff).toBe('2026-11-30 12:30');
  });

  test('drops a trailing ORDER BY but keeps one inside a quoted value', () => {
    expect(plan('project = LAUNCH ORDER BY rank ASC').scopeJql).toBe('project = LAUNCH');
    expect(plan('summary ~ "order by date" order by created').scopeJql).toBe('summary ~ "order by date"');
  });

  test('takes another meaning of blocked and the approximate age clause', () => {
    const p = plan(scope, { blockedClause: 'flagged = Impediment', blockedAgeClause: STATUS_CATEGORY_AGE });
    expect(p.counts.find((q) => q.key === 'blockedLong')?.jql).toBe(
      `(${scope}) AND statusCategory != Done AND (flagged = Impediment) AND statusCategoryChangedDate <= "2026-11-27 11:00"`,
    );
  });

  test('counts as many throughput weeks as asked for', () => {
    expect(plan(scope, { throughputWeeks: 2 }).throughputWeeks).toEqual([
      { key: 'throughput-0', from: '2026-11-17', to: '2026-11-24' },
      { key: 'throughput-1', from: '2026-11-24', to: '2026-12-01' },
    ]);
  });

  test.each([
    ['', {}, 'The initiative has no JQL yet. Link epics or enter a JQL query that finds its work.'],
    ['   ', {}, 'The initiative has no JQL yet. Link epics or enter a JQL query that finds its work.'],
    [
      'ORDER BY created',
      {},
      "The initiative's JQL only sorts and does not select any work; add a condition such as project = LAUNCH.",
    ],
    ['summary ~ "oops', {}, "The initiative's JQL has a quote that is never closed."],
    ['<4001 characters>', {}, "The initiative's JQL is 4001 characters long; keep it under 4000."],
    [scope, { throughputWeeks: 0 }, 'Throughput weeks must be a whole number from 1 to 26.'],
    [scope, { blockedBusinessDays: -1 }, 'Blocked business days must be a whole number from 0 to 250.'],
    [scope, { blockedClause: ' ' }, 'The clause that says what "blocked" means is empty.'],
    [
      scope,
      { calendar: { timeZone: 'Mars/Olympus', workingDays: [1], holidays: [] } },
      'The time zone "Mars/Olympus" is not known; use a name such as Europe/Berlin.',
    ],
    [
      scope,
      { calendar: { timeZone: 'UTC', workingDays: [], holidays: [] } },
      'Working days must be a non-empty list of weekdays from 1 (Monday) to 7 (Sunday).',
    ],
  ])('refuses %j with %j: %s', (jql, options, problem) => {
    const text = jql === '<4001 characters>' ? 'x'.repeat(4001) : jql;
    expect(planCountQueries(text, now, options)).toEqual({ ok: false, problem });
  });

  test('refuses an invalid current time', () => {
    expect(planCountQueries(scope, new Date('nope'))).toEqual({
      ok: false,
      problem: 'The current time is not a valid date.',
    });
  });
});

describe('readCountAnswers', () => {
  const p = plan();
  const answers = {
    new: 5,
    indeterminate: 3,
    done: 12,
    blocked: 2,
    blockedLong: 1,
    overdue: 1,
    openWithDueDate: 6,
    'throughput-0': 1,
    'throughput-1': 2,
    'throughput-2': 0,
    'throughput-3': 4,
  };

  test('turns the answers into roll-up input, throughput oldest week first', () => {
    expect(readCountAnswers(p, answers, '2026-12-18')).toEqual({
      ok: true,
      figures: {
        counts: { new: 5, indeterminate: 3, done: 12 },
        blocked: 2,
        blockedLong: 1,
        overdue: 1,
        openDueDates: { latest: '2026-12-18', withDueDate: 6 },
        throughput: [1, 2, 0, 4],
        sources: p.sources,
      },
    });
  });

  test('reads no due date as null, and a date-time as its date', () => {
    const none = readCountAnswers(p, answers, null);
    expect(none.ok && none.figures.openDueDates).toEqual({ latest: null, withDueDate: 6 });
    const dt = readCountAnswers(p, answers, '2026-12-18T00:00:00.000+0000');
    expect(dt.ok && dt.figures.openDueDates?.latest).toBe('2026-12-18');
  });

  test('names every missing or malformed answer with its JQL', () => {
    const { done: _done, ...withoutDone } = answers;
    const result = readCountAnswers(p, { ...withoutDone, blocked: -1, overdue: 1.5 }, 'soon');
    expect(result).toEqual({
      ok: false,
      problems: [
        `Jira gave no count for "Done" (${p.sources.done}).`,
        `Jira's count for "Blocked" is not a whole number: -1.`,
        `Jira's count for "Overdue" is not a whole number: 1.5.`,
        'The latest due date Jira returned, "soon", is not a date.',
      ],
    });
  });
});
