import {
  adfDateTimestamp,
  calendarDateIn,
  daysBetween,
  isIsoDate,
  isIsoInstant,
  normaliseInstant,
  readableInstant,
} from './iso-date';
import { normaliseIssueKey } from './issue-key';
import { isReferenceId } from './reference-id';
import { wordCount } from './word-count';

describe('isIsoDate', () => {
  test.each([
    ['2025-01-31', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-1-1', false],
    ['2025-01-01T00:00:00Z', false],
    ['', false],
    [20250101, false],
    [null, false],
  ])('%p → %p', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('instants', () => {
  test.each([
    ['2025-03-04T09:30:00Z', '2025-03-04T09:30:00.000Z'],
    ['2025-03-04T11:30+02:00', '2025-03-04T09:30:00.000Z'],
    ['2025-03-04T09:30:00.5Z', '2025-03-04T09:30:00.500Z'],
    ['2025-03-04T09:30:00', undefined],
    ['2025-03-04', undefined],
    ['2025-02-30T09:30:00Z', undefined],
    ['yesterday', undefined],
    [1741080600000, undefined],
  ])('normaliseInstant(%p) → %p', (value, expected) => {
    expect(normaliseInstant(value)).toBe(expected);
    expect(isIsoInstant(value)).toBe(expected !== undefined);
  });

  test.each([
    ['2025-03-04T23:30:00Z', 'UTC', '2025-03-04'],
    ['2025-03-04T23:30:00Z', 'Asia/Tokyo', '2025-03-05'],
    ['2025-03-04T03:30:00Z', 'America/New_York', '2025-03-03'],
    ['2025-03-04T03:30:00Z', 'Not/AZone', undefined],
    ['nonsense', 'UTC', undefined],
  ])('calendarDateIn(%p, %p) → %p', (now, zone, expected) => {
    expect(calendarDateIn(now, zone)).toBe(expected);
  });

  test('daysBetween, ADF timestamps and readable instants', () => {
    expect(daysBetween('2025-03-01', '2025-03-04')).toBe(3);
    expect(daysBetween('2025-03-04', '2025-03-01')).toBe(-3);
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(adfDateTimestamp('1970-01-02')).toBe('86400000');
    expect(readableInstant('2025-03-04T09:30:00.000Z')).toBe('2025-03-04 09:30 UTC');
  });
});

describe('normaliseIssueKey', () => {
  test.each([
    ['LAUNCH-42', 'LAUNCH-42'],
    [' launch-42 ', 'LAUNCH-42'],
    ['A1_B-7', 'A1_B-7'],
    ['A-1', undefined],
    ['1A-1', undefined],
    ['LAUNCH-0', undefined],
    ['LAUNCH-042', undefined],
    ['LAUNCH 42', undefined],
    ['LAUNCH-42; DROP', undefined],
    [42, undefined],
  ])('%p → %p', (value, expected) => {
    expect(normaliseIssueKey(value)).toBe(expected);
  });
});

describe('isReferenceId and wordCount', () => {
  test.each([
    ['brief-0f6a1c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b', true],
    ['grid_1', true],
    ['', false],
    ['../etc', false],
    ['-lead', false],
    ['x'.repeat(101), false],
  ])('isReferenceId(%p) → %p', (value, expected) => {
    expect(isReferenceId(value)).toBe(expected);
  });

  test.each([
    ['', 0],
    ['one', 1],
    ['Go-to-market is the customer’s way in.', 6],
    ['**bold** - list\n- item 2', 4],
    ['Größe über Maß', 3],
  ])('wordCount(%p) → %p', (text, expected) => {
    expect(wordCount(text)).toBe(expected);
  });
});
