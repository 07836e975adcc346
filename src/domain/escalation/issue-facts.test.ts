import { effectivePauses, isPausedStatus, pausesFromStatusHistory } from './issue-facts';
import { BERLIN, blockedFacts, utc } from './__fixtures__/launch-path';

test('a status history becomes pause intervals; the last paused period stays open', () => {
  const history = [
    { status: 'Blocked', since: utc('2024-12-19T09:00') },
    { status: 'Waiting for vendor', since: utc('2024-12-20T09:00') },
    { status: 'Blocked', since: utc('2024-12-23T09:00') },
    { status: 'waiting FOR vendor ', since: utc('2024-12-24T09:00') },
  ];
  expect(pausesFromStatusHistory(history, BERLIN.pausedStatuses)).toEqual([
    { start: utc('2024-12-20T09:00'), end: utc('2024-12-23T09:00') },
    { start: utc('2024-12-24T09:00') },
  ]);
  expect(pausesFromStatusHistory(history, [])).toEqual([]);
});

test('the current status adds an open pause only when the calendar pauses it', () => {
  expect(effectivePauses(BERLIN, blockedFacts())).toEqual([]);
  const waiting = blockedFacts({ status: { name: 'Waiting for vendor', category: 'indeterminate' } });
  expect(effectivePauses(BERLIN, waiting)).toEqual([{ start: waiting.statusSince }]);
  expect(isPausedStatus(BERLIN, ' waiting for VENDOR')).toBe(true);
});
