import { fireEvent, render, screen } from '@testing-library/react';
import { readRoles } from './read-roles';
import { BriefLinkLine } from './brief-link';
import { ERIK, fakeJira, issue, permissions, rolesProperty, users } from './test-support/fake-jira';

const link = { briefId: 'brief-launch', title: 'Feature X launch', pageId: '98307' };
const roles = rolesProperty('RACI', [{ accountId: ERIK, role: 'accountable' }], 1);

test('the epic itself: "Part of brief" from its own property, still one issue read and one user/bulk', async () => {
  const jira = fakeJira(
    issue('LAUNCH-1', { type: 'Epic', properties: { 'accord-roles': roles, 'accord-brief': link } }),
    permissions(true),
    users,
  );
  const data = await readRoles(jira.request, 'LAUNCH-1');
  expect(data.briefLink).toEqual({ ...link, fromIssueKey: 'LAUNCH-1' });
  expect(jira.calls).toHaveLength(2);

  const opened: string[] = [];
  render(<BriefLinkLine data={data} onOpen={(id) => opened.push(id)} />);
  fireEvent.click(screen.getByRole('button', { name: 'Feature X launch' }));
  expect(screen.getByTestId('roles-brief-link').textContent).toMatch(/Part of brief/);
  expect(opened).toEqual(['98307']);
});

test('a child that inherits its roles shows the brief of the epic read on the same walk', async () => {
  const jira = fakeJira(
    issue('LAUNCH-2', { parent: 'LAUNCH-1' }),
    issue('LAUNCH-1', { type: 'Epic', properties: { 'accord-roles': roles, 'accord-brief': link } }),
    permissions(false),
    users,
  );
  const data = await readRoles(jira.request, 'LAUNCH-2');
  expect(data.briefLink).toEqual({ ...link, fromIssueKey: 'LAUNCH-1' });
});

test('a malformed property shows nothing', async () => {
  const jira = fakeJira(
    issue('LAUNCH-1', { properties: { 'accord-roles': roles, 'accord-brief': { briefId: 1 } } }),
    permissions(true),
    users,
  );
  const data = await readRoles(jira.request, 'LAUNCH-1');
  expect(data.briefLink).toBeUndefined();
  const { container } = render(<BriefLinkLine data={data} />);
  expect(container.textContent).toBe('');
});
