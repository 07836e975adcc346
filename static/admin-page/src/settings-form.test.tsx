import { fireEvent, render, screen } from '@testing-library/react';
import type { SettingsValues } from '../../../src/domain/settings';
import { SettingsForm } from './settings-form';
import { LastSweep, sweepSummary } from './last-sweep';

const saved = { blockedThresholdHours: 48, consultedThreshold: 5, revision: 3 };

const renderForm = (serverProblems?: Record<string, string>) => {
  const saves: SettingsValues[] = [];
  render(
    <SettingsForm
      saved={saved}
      saving={false}
      {...(serverProblems ? { serverProblems } : {})}
      onSave={(v) => saves.push(v)}
    />,
  );
  return saves;
};

test('shows the saved numbers and saves the edited ones', () => {
  const saves = renderForm();
  const hours = screen.getByLabelText<HTMLInputElement>('Blocked threshold (hours)');
  expect(hours.value).toBe('48');
  fireEvent.change(hours, { target: { value: '24' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  expect(saves).toEqual([{ blockedThresholdHours: 24, consultedThreshold: 5 }]);
});

test.each([
  ['', 'Enter a whole number of hours from 1 to 720'],
  ['0', 'Enter a whole number of hours from 1 to 720'],
  ['1.5', 'Enter a whole number of hours from 1 to 720'],
  ['721', 'Enter a whole number of hours from 1 to 720'],
])('hours %p: says what to enter, marks the field, saves nothing', (value, message) => {
  const saves = renderForm();
  const hours = screen.getByLabelText('Blocked threshold (hours)');
  fireEvent.change(hours, { target: { value } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  expect(screen.getByTestId('blockedThresholdHours-error').textContent).toContain(message);
  expect(hours.getAttribute('aria-describedby')).toBe('blockedThresholdHours-error');
  expect(saves).toEqual([]);
  // Editing the field clears its message.
  fireEvent.change(hours, { target: { value: '12' } });
  expect(screen.queryByTestId('blockedThresholdHours-error')).toBeNull();
});

test("shows the resolver's per-field sentence", () => {
  renderForm({ consultedThreshold: 'Enter a whole number of people from 1 to 50.' });
  expect(screen.getByTestId('consultedThreshold-error').textContent).toBe(
    'Enter a whole number of people from 1 to 50.',
  );
});

describe('LastSweep', () => {
  const now = new Date('2026-01-10T12:00:00.000Z');
  test('before the first sweep', () => {
    render(<LastSweep sweep={null} thresholdHours={48} now={now} onOpenIssue={() => undefined} />);
    expect(screen.getByTestId('last-sweep').textContent).toMatch(/has not run yet/);
  });

  test('lists the blocked issues as links that open them', () => {
    const opened: string[] = [];
    const sweep = {
      at: '2026-01-10T10:00:00.000Z',
      blocked: ['LAUNCH-3', 'MKT-2'],
      newlyBlocked: ['MKT-2'],
      thresholdHours: 48,
    };
    render(<LastSweep sweep={sweep} thresholdHours={24} now={now} onOpenIssue={(k) => opened.push(k)} />);
    expect(screen.getByTestId('last-sweep').textContent).toMatch(
      /Last sweep 2 hours ago\.2 issues Blocked for more than 48 h:/,
    );
    fireEvent.click(screen.getByRole('link', { name: 'Open MKT-2 (new since the sweep before)' }));
    expect(opened).toEqual(['MKT-2']);
  });

  test.each([
    [[], 'No issue has been Blocked for more than 12 h.'],
    [['A-1'], '1 issue Blocked for more than 12 h:'],
  ])('summary of %p', (blocked, text) => {
    expect(sweepSummary({ at: 'x', blocked, newlyBlocked: [], thresholdHours: 12 }, 48)).toBe(text);
  });
});
