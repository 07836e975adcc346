import { useState } from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { BriefList } from '../../../src/shared/settings';
import { BriefPicker } from './brief-picker';

const brief = (id: string, title: string) => ({
  id,
  title,
  status: 'draft' as const,
  ownerAccountId: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
  pageId: '98307',
  pageUrl: '/wiki/spaces/LAUNCH/pages/98307',
});
const LIST: BriefList = {
  briefs: [brief('brief-launch', 'Feature X launch'), brief('brief-campaign', 'Launch campaign')],
  truncated: false,
};

function Harness({
  initial,
  list,
  picked,
}: {
  initial: string;
  list: () => Promise<BriefList>;
  picked: string[];
}) {
  const [value, setValue] = useState(initial);
  return (
    <BriefPicker
      id="brief"
      value={value}
      listBriefs={list}
      onChange={(id) => {
        picked.push(id);
        setValue(id);
      }}
    />
  );
}

const options = () => [...document.querySelectorAll('[id*="-option-"]')].map((el) => el.textContent);

test('offers the briefs the viewer can see, by title, and hands back the id', async () => {
  const picked: string[] = [];
  const list = jest.fn(() => Promise.resolve(LIST));
  render(<Harness initial="" list={list} picked={picked} />);
  const input = screen.getByLabelText('Brief');
  await waitFor(() => expect(list).toHaveBeenCalledTimes(1));
  fireEvent.keyDown(input, { key: 'ArrowDown' });
  await waitFor(() => expect(options()).toEqual(['Feature X launch', 'Launch campaign']));
  fireEvent.click(screen.getByText('Launch campaign'));
  expect(picked).toEqual(['brief-campaign']);
  expect(screen.getByText('Launch campaign')).toBeTruthy();
});

test('a brief chosen before that the viewer cannot list stays selected; a failure says so', async () => {
  render(<Harness initial="brief-legal" list={() => Promise.resolve(LIST)} picked={[]} />);
  expect(await screen.findByText('The brief chosen before (not visible to you)')).toBeTruthy();
  render(<Harness initial="" list={() => Promise.reject(new Error('Network down.'))} picked={[]} />);
  expect(await screen.findByText('Network down.')).toBeTruthy();
});
