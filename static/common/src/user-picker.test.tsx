import { useState } from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { UserPicker, type PersonOption } from './user-picker';
import { AMARA, fakeJira, users } from '../../roles-panel/src/test-support/fake-jira';

function Harness({
  request,
  onPicked,
}: {
  request: Parameters<typeof UserPicker>[0]['request'];
  onPicked: (o: PersonOption | null) => void;
}) {
  const [value, setValue] = useState<PersonOption | null>(null);
  const [error, setError] = useState<string | undefined>();
  return (
    <>
      <label htmlFor="who">Person</label>
      <UserPicker
        request={request}
        inputId="who"
        value={value}
        onChange={(o) => {
          setValue(o);
          onPicked(o);
        }}
        onError={setError}
      />
      {error ? <p data-testid="error">{error}</p> : null}
    </>
  );
}

const optionTexts = () =>
  [...document.querySelectorAll('[id*="-option-"]')].map((el) => el.textContent ?? '');

test('searches Jira users as the viewer and picks one', async () => {
  const jira = fakeJira(users);
  const picked: Array<PersonOption | null> = [];
  render(<Harness request={jira.request} onPicked={(o) => picked.push(o)} />);
  fireEvent.change(screen.getByLabelText('Person'), { target: { value: 'am' } });
  await waitFor(() => expect(optionTexts()).toEqual(['Amara Okafor (Engineer)']));
  const call = new URL(jira.calls[0]!, 'https://x');
  expect(call.pathname).toBe('/rest/api/3/user/search');
  expect(call.searchParams.get('query')).toBe('am');
  fireEvent.click(document.querySelector('[id*="-option-"]')!);
  expect(picked.map((o) => o?.value)).toEqual([AMARA]);
});

test('apps and deactivated people are not offered', async () => {
  const jira = fakeJira((path) =>
    path === '/rest/api/3/user/search'
      ? {
          status: 200,
          body: [
            { accountId: 'app-1', displayName: 'Automation for Jira', accountType: 'app', active: true },
            { accountId: 'gone-1', displayName: 'Former colleague', accountType: 'atlassian', active: false },
            {
              accountId: AMARA,
              displayName: 'Amara Okafor (Engineer)',
              accountType: 'atlassian',
              active: true,
            },
          ],
        }
      : undefined,
  );
  render(<Harness request={jira.request} onPicked={() => undefined} />);
  fireEvent.change(screen.getByLabelText('Person'), { target: { value: 'a' } });
  await waitFor(() => expect(optionTexts()).toEqual(['Amara Okafor (Engineer)']));
});

test('nobody matching says so', async () => {
  render(<Harness request={fakeJira(users).request} onPicked={() => undefined} />);
  fireEvent.change(screen.getByLabelText('Person'), { target: { value: 'zed' } });
  await screen.findByText('No one in Jira matches “zed”');
});

test('a failed search says what to do and offers no one', async () => {
  const jira = fakeJira((path) => (path === '/rest/api/3/user/search' ? { status: 429 } : undefined));
  render(<Harness request={jira.request} onPicked={() => undefined} />);
  fireEvent.change(screen.getByLabelText('Person'), { target: { value: 'am' } });
  expect((await screen.findByTestId('error')).textContent).toBe(
    'Jira answered 429 when searching for people. Try again in a moment.',
  );
  expect(optionTexts()).toEqual([]);
});
