import { UpstreamError } from '../app/errors';
import { createJiraEscalationActions } from './jira-escalation-actions';
import type { JiraRequester, RouteBuilder } from './jira-issue-tracker';
import type { MinimalResponse } from './retrying-fetch';
import { defaultRetryPolicy } from './retrying-fetch';

const route: RouteBuilder = (strings, ...values) =>
  strings.reduce(
    (out, s, i) => out + s + (i < values.length ? encodeURIComponent(String(values[i])) : ''),
    '',
  );
const noWait = { ...defaultRetryPolicy, sleep: async () => undefined };

const reply = (body: unknown, status = 200): MinimalResponse => ({
  status,
  ok: status >= 200 && status < 300,
  headers: { get: () => null },
  json: async () => body,
  text: async () => JSON.stringify(body ?? ''),
});

/** The actions over a fake Jira answering each call in turn from `answers`. */
function setup(...answers: MinimalResponse[]) {
  const sent: string[] = [];
  const requester: JiraRequester = {
    async requestJira(path) {
      sent.push(String(path));
      return answers.shift() ?? reply({}, 404);
    },
  };
  return { sent, actions: createJiraEscalationActions(requester, route, noWait) };
}

describe('createJiraEscalationActions', () => {
  it('pages group members as before', async () => {
    const { actions, sent } = setup(
      reply({ values: [{ accountId: 'a' }, { accountId: 'b' }], isLast: false }),
      reply({ values: [{ accountId: 'c' }, null, { name: 'no id' }], isLast: true }),
    );
    await expect(actions.groupMembers('leads')).resolves.toEqual(['a', 'b', 'c']);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toContain('startAt=2');
  });

  it('reads a missing group as no members', async () => {
    await expect(setup(reply({}, 404)).actions.groupMembers('gone')).resolves.toEqual([]);
  });

  it.each([
    ['values not a list', { values: 'a,b', isLast: true }],
    ['values missing', { isLast: true }],
    ['a null body', null],
  ])('throws a clear 502 when the group members page has %s', async (_, body) => {
    const err = await setup(reply(body))
      .actions.groupMembers('leads')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({
      status: 502,
      message: 'Jira answered the members of leads with an unexpected shape.',
    });
  });

  it('reads priority names, skipping entries without one, and refuses a body that is not a list', async () => {
    await expect(
      setup(reply([{ name: 'Highest' }, null, { id: '3' }, { name: 'Low' }])).actions.priorities(),
    ).resolves.toEqual(['Highest', 'Low']);
    await expect(setup(reply(null)).actions.priorities()).rejects.toMatchObject({
      status: 502,
      message: 'Jira answered the priorities with an unexpected shape.',
    });
  });
});
