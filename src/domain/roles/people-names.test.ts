import { capitalise, describePeople, joinNames, nameOf } from './people-names';
import { AMARA, displayName, ERIK } from './__fixtures__/test-people';

describe('people in sentences', () => {
  test.each([
    [[], ''],
    [['Erik'], 'Erik'],
    [['Erik', 'Amara'], 'Erik and Amara'],
    [['Erik', 'Amara', 'David'], 'Erik, Amara and David'],
  ])('joinNames(%p) → %p', (names, sentence) => {
    expect(joinNames(names)).toBe(sentence);
  });

  test.each([
    [[ERIK], 'Erik Lindqvist'],
    [['712020:nobody'], 'this person'],
    [['712020:nobody', '712020:no-one'], 'these people'],
    [[ERIK, '712020:nobody'], 'Erik Lindqvist and one other person'],
    [[ERIK, AMARA, '712020:x', '712020:y'], 'Erik Lindqvist, Amara Okafor and 2 other people'],
  ])('describePeople(%p) → %p', (ids, sentence) => {
    expect(describePeople(ids, displayName)).toBe(sentence);
  });

  test('nameOf falls back without a lookup and trims names', () => {
    expect(nameOf(ERIK)).toBe('this person');
    expect(nameOf(ERIK, () => '  Erik  ')).toBe('Erik');
    expect(capitalise('this person drives.')).toBe('This person drives.');
  });
});
