import { CHANNEL_DECISION } from './__fixtures__/channel-decision';
import { newDecision, nextOptionId, parseDecision, parseDecisionDraft } from './decision-schema';

const { id: _id, status: _s, outcome: _o, log: _l, ...DRAFT } = CHANNEL_DECISION;
const draft = (overrides: Record<string, unknown>): Record<string, unknown> => ({
  ...structuredClone(DRAFT),
  ...overrides,
});
const option = (id: string) => ({ id, title: `Option ${id}` });

describe('parseDecisionDraft accepts', () => {
  test('the demo decision as it is', () => {
    expect(parseDecisionDraft(DRAFT)).toEqual({ ok: true, value: DRAFT });
  });

  test('a question alone, with empty defaults', () => {
    expect(parseDecisionDraft({ question: 'Go?' })).toEqual({
      ok: true,
      value: {
        question: 'Go?',
        context: '',
        driver: null,
        approver: null,
        contributors: [],
        informed: [],
        options: [],
        dueDate: null,
        linkedIssueKeys: [],
        briefId: null,
      },
    });
  });

  test('repeated people and issue keys once, keys upper-cased', () => {
    const parsed = parseDecisionDraft(
      draft({ contributors: ['712020:a', '712020:a'], linkedIssueKeys: ['launch-3', 'LAUNCH-3'] }),
    );
    expect(parsed.ok && [parsed.value.contributors, parsed.value.linkedIssueKeys]).toEqual([
      ['712020:a'],
      ['LAUNCH-3'],
    ]);
  });
});

describe('parseDecisionDraft refuses, with a sentence', () => {
  test.each<[string, unknown, string, string]>([
    ['nothing', undefined, '', 'The decision must be an object with a question and its options.'],
    ['no question', draft({ question: ' ' }), 'question', 'Write the question this decision answers.'],
    [
      'a long question',
      draft({ question: 'x'.repeat(301) }),
      'question',
      'Keep the question to 300 characters; put detail in the context.',
    ],
    [
      'oversize context',
      draft({ context: 'x'.repeat(20_001) }),
      'context',
      'Keep the context to 20,000 characters; link longer material.',
    ],
    [
      'an e-mail as Approver',
      draft({ approver: 'vp@example.com' }),
      'approver',
      'The Approver is not a known Atlassian account; pick them again.',
    ],
    ['a Driver that is a number', draft({ driver: 7 }), 'driver', 'The Driver must be a person.'],
    [
      'a bad Contributor',
      draft({ contributors: ['a b'] }),
      'contributors.0',
      'The contributor is not a known Atlassian account; pick them again.',
    ],
    [
      '51 Contributors',
      draft({ contributors: Array.from({ length: 51 }, (_, i) => `712020:p${i}`) }),
      'contributors',
      'Name at most 50 contributors.',
    ],
    [
      'Informed that is not a list',
      draft({ informed: 'everyone' }),
      'informed',
      'Informed persons must be a list of people.',
    ],
    [
      '11 options',
      draft({ options: Array.from({ length: 11 }, (_, i) => option(`o${i}`)) }),
      'options',
      'Offer at most 10 options; merge the similar ones.',
    ],
    [
      'an option without a title',
      draft({ options: [{ id: 'o', title: '' }] }),
      'options.0.title',
      'Give every option a title.',
    ],
    [
      'an empty pro',
      draft({ options: [{ id: 'o', title: 'A', pros: [' '] }] }),
      'options.0.pros.0',
      'Remove the empty pro.',
    ],
    [
      '21 cons',
      draft({ options: [{ id: 'o', title: 'A', cons: Array.from({ length: 21 }, () => 'c') }] }),
      'options.0.cons',
      'List at most 20 cons per option.',
    ],
    [
      'an unknown option field',
      draft({ options: [{ id: 'o', title: 'A', score: 3 }] }),
      'options.0',
      'An option has no field called "score".',
    ],
    [
      'two options with one id',
      draft({ options: [option('a'), option('a')] }),
      'options.1.id',
      'Two options share the id "a"; give each option its own id.',
    ],
    [
      'an impossible due date',
      draft({ dueDate: '2025-04-31' }),
      'dueDate',
      'The due date must be a real date written YYYY-MM-DD.',
    ],
    [
      'a bad issue key',
      draft({ linkedIssueKeys: ['LAUNCH_3'] }),
      'linkedIssueKeys.0',
      '"LAUNCH_3" is not a Jira issue key; write it like LAUNCH-42 (project key, a dash, the number).',
    ],
    [
      'a forged brief id',
      draft({ briefId: 'brief/../../x' }),
      'briefId',
      'The brief id is not an Accord id; pick the brief again.',
    ],
    ['a status in a draft', draft({ status: 'decided' }), '', 'A decision has no field called "status".'],
    ['a log in a draft', draft({ log: [] }), '', 'A decision has no field called "log".'],
  ])('%s', (_name, input, path, message) => {
    const parsed = parseDecisionDraft(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toContainEqual({ path, message });
  });
});

describe('parseDecision (stored)', () => {
  test('reads the demo decision back unchanged', () => {
    expect(parseDecision(CHANNEL_DECISION)).toEqual({ ok: true, value: CHANNEL_DECISION });
  });

  test.each<[string, unknown, string, string]>([
    [
      'a decided decision without an outcome',
      { ...CHANNEL_DECISION, status: 'decided' },
      'outcome',
      'A decided decision must record its outcome.',
    ],
    [
      'an open decision with an outcome',
      { ...CHANNEL_DECISION, outcome: { optionId: 'sms', rationale: 'x' } },
      'outcome',
      'Only a decided decision has an outcome.',
    ],
    [
      'an unknown status',
      { ...CHANNEL_DECISION, status: 'closed' },
      'status',
      'The status must be open, decided, deferred or revoked.',
    ],
    [
      'an unknown log kind',
      { ...CHANNEL_DECISION, log: [{ kind: 'vote', at: '2025-01-01T00:00:00Z', by: '712020:a' }] },
      'log.0.kind',
      'Each log entry must be input, approved, rejected or a status change.',
    ],
    [
      'a log time without offset',
      { ...CHANNEL_DECISION, log: [{ kind: 'input', at: '2025-01-01T00:00', by: '712020:a', text: 'x' }] },
      'log.0.at',
      'A log entry time must be an ISO instant such as 2025-03-04T09:30:00Z.',
    ],
  ])('refuses %s', (_name, input, path, message) => {
    const parsed = parseDecision(input);
    expect(parsed.ok ? [] : parsed.problems).toContainEqual({ path, message });
  });
});

describe('newDecision and nextOptionId', () => {
  test('a new decision is open with an empty log', () => {
    expect(newDecision('decision-1', DRAFT)).toEqual({
      ...DRAFT,
      id: 'decision-1',
      status: 'open',
      outcome: null,
      log: [],
    });
  });

  test.each([
    [[], 'option-1'],
    [[{ id: 'option-1' }], 'option-2'],
    [[{ id: 'option-2' }], 'option-3'],
    [[{ id: 'a' }, { id: 'option-3' }], 'option-4'],
    [[{ id: 'option-3' }, { id: 'option-1' }], 'option-4'],
  ])('after %j comes %p', (options, id) => {
    expect(nextOptionId(options)).toBe(id);
  });
});
