import { adfNodesOfType, adfPlainText, adfSchemaErrors } from '../brief/__fixtures__/adf-schema';
import { APPROVER, CHANNEL_DECISION as OPEN, ENGINEER, LEGAL } from './__fixtures__/channel-decision';
import type { Decision } from './decision';
import { decisionToAdf } from './decision-adf';
import { approve, recordInput, reject, reopen } from './decision-transitions';

const must = (r: { ok: true; decision: Decision } | { ok: false; message: string }): Decision => {
  if (!r.ok) throw new Error(r.message);
  return r.decision;
};

describe('decisionToAdf', () => {
  test('an open decision: valid ADF with status, due date, DACI people, options and the log', () => {
    const adf = decisionToAdf(OPEN);
    expect(adfSchemaErrors(adf)).toEqual([]);
    expect(adfNodesOfType(adf, 'status')[0]?.attrs).toMatchObject({ text: 'OPEN', color: 'yellow' });
    expect(adfNodesOfType(adf, 'date')[0]?.attrs).toEqual({ timestamp: String(Date.UTC(2025, 3, 15)) });
    expect(adfNodesOfType(adf, 'mention').map((m) => m.attrs?.id)).toEqual([
      OPEN.driver,
      OPEN.approver,
      LEGAL,
      ENGINEER,
      ...OPEN.informed,
      LEGAL, // the log's author
    ]);
    const all = adfPlainText(adf);
    for (const text of [
      'Decision: Which reminder channel ships first?',
      'In-app banner',
      'Reaches everyone',
      'Needs phone numbers: a privacy review (legal flag)',
      'Marketing needs a launch date by 30 June.',
      'LAUNCH-3',
      '2025-04-01 09:00 UTC',
      'Input: SMS needs a DPIA first.',
    ]) {
      expect(all).toContain(text);
    }
    expect(all).not.toContain('(chosen)');
    expect(all).not.toContain('Outcome');
  });

  test('a decided decision shows its outcome, the chosen option and every round', () => {
    let d = must(reject(OPEN, APPROVER, 'sms', 'Not before the DPIA.', '2025-04-02T10:00:00Z'));
    d = must(recordInput(d, ENGINEER, 'In-app is ready.', '2025-04-03T10:00:00Z'));
    d = must(
      approve(d, APPROVER, 'in-app', 'Ships first.\n\nSMS follows after the DPIA.', '2025-04-04T10:00:00Z'),
    );
    const adf = decisionToAdf(d);
    expect(adfSchemaErrors(adf)).toEqual([]);
    expect(adfNodesOfType(adf, 'status')[0]?.attrs).toMatchObject({ text: 'DECIDED', color: 'green' });
    expect(adfNodesOfType(adf, 'panel')).toHaveLength(1);
    const all = adfPlainText(adf);
    expect(all).toContain('In-app banner (chosen)');
    expect(all).toContain('Decided: In-app banner');
    expect(all).toContain('SMS follows after the DPIA.');
    expect(all).toContain('Rejected "SMS": Not before the DPIA.');
    expect(all).toContain('Approved "In-app banner": Ships first.');
  });

  test('a reopened decision logs the reopening; a removed option is named as such', () => {
    let d = must(approve(OPEN, APPROVER, 'sms', 'Yes.', '2025-04-04T10:00:00Z'));
    d = must(reopen(d, APPROVER, 'Vendor went bust.', '2025-04-05T10:00:00Z'));
    d = { ...d, options: d.options.filter((o) => o.id !== 'sms') };
    const adf = decisionToAdf(d);
    expect(adfSchemaErrors(adf)).toEqual([]);
    const all = adfPlainText(adf);
    expect(all).toContain('Reopened: Vendor went bust.');
    expect(all).toContain('Approved "an option since removed": Yes.');
  });

  test('an empty decision exports dashes and "none" rather than empty text', () => {
    const bare: Decision = {
      ...OPEN,
      driver: null,
      approver: null,
      contributors: [],
      informed: [],
      options: [],
      dueDate: null,
      linkedIssueKeys: [],
      context: '',
      log: [],
    };
    const adf = decisionToAdf(bare);
    expect(adfSchemaErrors(adf)).toEqual([]);
    const all = adfPlainText(adf);
    expect(all).toContain('no due date');
    expect(all).toContain('No options yet.');
    expect(all).toContain('Nothing recorded yet.');
  });

  test.each([
    [undefined, 'This Accord decision is not set up yet.'],
    [{ ...OPEN, status: 'decided' }, 'A decided decision must record its outcome.'],
    [42, 'The decision must be an object with a question and its options.'],
  ])('a stored value that cannot be read exports a sentence (%#)', (input, sentence) => {
    const adf = decisionToAdf(input);
    expect(adfSchemaErrors(adf)).toEqual([]);
    expect(adfPlainText(adf)).toContain(sentence);
  });
});
