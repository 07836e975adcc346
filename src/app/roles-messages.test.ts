import { buildRolesProperty, ROLES_PROPERTY_KEY, type RolesProperty } from '../domain/roles';
import type { Assignment, Framework } from '../shared/roles';
import { adfProblems } from '../../local/confluence/page-body';
import { AppError } from './errors';
import { askAccountable } from './ask-accountable';
import { askCommentAdf, signOffCommentAdf } from './comment-adf';
import { getRolesHistory } from './get-roles-history';
import { RESPONSES_PROPERTY_KEY } from './load-roles';
import { respondToRoles } from './respond-to-roles';
import { setRoles } from './set-roles';
import { tellInformed } from './tell-informed';
import { fixedClock } from '../../test/support/in-memory-ports';
import { FakeJira, memoryAuditLog } from '../../test/support/roles-fakes';

const EDITOR = '712020:editor-0001';
const LEGAL = '712020:legal-0002'; // may comment, not edit
const FINANCE = '712020:finance-0003'; // may only view
const ANA = '712020:ana-0004';

const property = (framework: Framework, assignments: Assignment[]): RolesProperty =>
  buildRolesProperty({
    framework,
    assignments,
    revision: 1,
    updatedAt: '2026-11-01T00:00:00.000Z',
    updatedBy: ANA,
  });

function setup() {
  const jira = new FakeJira()
    .add({ key: 'P-1', type: 'Epic' })
    .add({ key: 'P-2', type: 'Story', parentKey: 'P-1' })
    .add({ key: 'P-3', type: 'Decision' })
    .grant(EDITOR, 'BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADD_COMMENTS')
    .grant(LEGAL, 'BROWSE_PROJECTS', 'ADD_COMMENTS')
    .grant(FINANCE, 'BROWSE_PROJECTS')
    .grant(ANA, 'BROWSE_PROJECTS', 'ADD_COMMENTS');
  jira.issues.get('P-1')!.properties[ROLES_PROPERTY_KEY] = property('RACI', [
    { accountId: ANA, role: 'accountable' },
    { accountId: EDITOR, role: 'responsible' },
    { accountId: LEGAL, role: 'consulted' },
    { accountId: FINANCE, role: 'informed' },
    { accountId: ANA, role: 'informed' },
  ]);
  jira.issues.get('P-3')!.properties[ROLES_PROPERTY_KEY] = property('DACI', [
    { accountId: EDITOR, role: 'driver' },
    { accountId: ANA, role: 'approver' },
    { accountId: FINANCE, role: 'contributor' },
  ]);
  const audit = memoryAuditLog();
  const clock = fixedClock('2026-11-27T10:00:00Z');
  const deps = (who: string) => ({
    jira: jira.as(who),
    actions: jira.as(who),
    appActions: jira.as('app'),
    audit,
    clock,
  });
  return { jira, audit, clock, deps };
}

const failure = async (p: Promise<unknown>): Promise<AppError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
};

describe('comment ADF', () => {
  it.each([
    ['a one-line question', askCommentAdf(ANA, 'Can we ship on the 2nd?')],
    [
      'a question over several lines with blank lines and markup characters',
      askCommentAdf(ANA, 'Line one\n\n  <b>two</b> & "three"\r\nfour  '),
    ],
    ['a sign-off with words', signOffCommentAdf('Consulted', 'Terms look good.\nShip it.')],
  ])('%s validates against the published ADF schema (full.json)', (_n, doc) => {
    expect(adfProblems(doc)).toEqual([]);
  });

  it('mentions the person by account id at the start of the first paragraph', () => {
    expect(askCommentAdf(ANA, 'Ready?')).toEqual({
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'mention', attrs: { id: ANA, accessLevel: '' } },
            { type: 'text', text: ' Ready?' },
          ],
        },
      ],
    });
  });
});

describe('askAccountable', () => {
  it('posts, as the caller, a comment that mentions the inherited Accountable (RACI)', async () => {
    const { deps, jira, audit } = setup();
    const { commentId } = await askAccountable(deps(LEGAL), {
      issueKey: 'P-2',
      accountId: LEGAL,
      message: 'Is legal needed here?',
    });
    const [comment] = jira.issues.get('P-2')!.comments;
    expect(comment).toMatchObject({ id: commentId, author: LEGAL });
    expect(JSON.stringify(comment!.body)).toContain(`"id":"${ANA}"`);
    expect(audit.records[0]).toMatchObject({ issueKey: 'P-2', action: 'ask', accountId: LEGAL });
    expect(JSON.stringify(audit.records[0])).not.toContain('Is legal needed');
  });

  it('mentions the Approver on a DACI decision', async () => {
    const { deps, jira } = setup();
    await askAccountable(deps(EDITOR), { issueKey: 'P-3', accountId: EDITOR, message: 'Decide?' });
    expect(JSON.stringify(jira.issues.get('P-3')!.comments[0]!.body)).toContain(`"id":"${ANA}"`);
  });

  it('says there is nobody to ask when nobody is Accountable, and refuses a caller Jira will not let comment', async () => {
    const { deps, jira } = setup();
    jira.add({ key: 'P-9', type: 'Task' });
    const none = await failure(
      askAccountable(deps(EDITOR), { issueKey: 'P-9', accountId: EDITOR, message: 'Hi' }),
    );
    expect(none.code).toBe('NOT_FOUND');
    expect(none.message).toMatch(/Nobody is Accountable on P-9 yet/);
    expect(
      (await failure(askAccountable(deps(FINANCE), { issueKey: 'P-2', accountId: FINANCE, message: 'Hi' })))
        .code,
    ).toBe('FORBIDDEN');
    expect(
      (await failure(askAccountable(deps(EDITOR), { issueKey: 'P-2', accountId: EDITOR, message: '   ' })))
        .code,
    ).toBe('INVALID_INPUT');
    expect(jira.writes()).toEqual([]);
  });
});

describe('tellInformed', () => {
  it('notifies every Informed person once, only them, as the caller, and says how many', async () => {
    const { deps, jira, audit } = setup();
    expect(
      await tellInformed(deps(EDITOR), {
        issueKey: 'P-2',
        accountId: EDITOR,
        subject: 'Shipped',
        message: 'It is <live> & well',
      }),
    ).toEqual({ notified: 2 });
    expect(jira.notifications).toEqual([
      {
        issueKey: 'P-2',
        sender: EDITOR,
        subject: 'Shipped',
        textBody: 'It is <live> & well',
        htmlBody: 'It is &#60;live&#62; &#38; well',
        accountIds: [FINANCE, ANA],
      },
    ]);
    expect(audit.records[0]).toMatchObject({
      action: 'tell',
      entry: { note: 'Notified 2 Informed people.' },
    });
  });

  it('says there is nobody to tell when nobody is Informed', async () => {
    const { deps, jira } = setup();
    const e = await failure(
      tellInformed(deps(EDITOR), { issueKey: 'P-3', accountId: EDITOR, subject: 'x', message: 'y' }),
    );
    expect(e).toMatchObject({ code: 'NOT_FOUND' });
    expect(e.message).toMatch(/Nobody is Informed on P-3/);
    expect(jira.notifications).toEqual([]);
  });
});

describe('respondToRoles', () => {
  it('a Consulted person who may only comment signs off with a comment: comment as them, property as the app', async () => {
    const { deps, jira, audit } = setup();
    const view = await respondToRoles(deps(LEGAL), {
      issueKey: 'P-2',
      accountId: LEGAL,
      kind: 'sign-off',
      comment: 'Terms are fine.',
    });
    expect(jira.writes()).toEqual(['comment P-2 as ' + LEGAL, `put P-2 ${RESPONSES_PROPERTY_KEY} as app`]);
    expect(view.responses).toEqual([
      { accountId: LEGAL, kind: 'sign-off', at: '2026-11-27T10:00:00.000Z', commentId: '1' },
    ]);
    expect(view.canEdit).toBe(false);
    expect(jira.issues.get('P-2')!.properties[RESPONSES_PROPERTY_KEY]).toEqual({
      version: 1,
      responses: view.responses,
    });
    expect(audit.records[0]).toMatchObject({ action: 'sign-off', accountId: LEGAL });
  });

  it('an Informed viewer acknowledges; doing it again writes nothing', async () => {
    const { deps, jira, clock } = setup();
    await respondToRoles(deps(FINANCE), { issueKey: 'P-2', accountId: FINANCE, kind: 'acknowledge' });
    clock.set('2026-11-28T10:00:00Z');
    const again = await respondToRoles(deps(FINANCE), {
      issueKey: 'P-2',
      accountId: FINANCE,
      kind: 'acknowledge',
    });
    expect(again.responses).toEqual([
      { accountId: FINANCE, kind: 'acknowledge', at: '2026-11-27T10:00:00.000Z' },
    ]);
    expect(jira.writes()).toEqual([`put P-2 ${RESPONSES_PROPERTY_KEY} as app`]);
  });

  it.each<[string, string, 'sign-off' | 'acknowledge', string, RegExp]>([
    [
      'an Informed person signs off',
      FINANCE,
      'sign-off',
      'P-2',
      /Only people Consulted on P-2 can sign it off/,
    ],
    [
      'a Consulted person acknowledges',
      LEGAL,
      'acknowledge',
      'P-2',
      /Only people Informed on P-2 can acknowledge/,
    ],
    ['the Approver signs off a decision', ANA, 'sign-off', 'P-3', /Only people Contributor on P-3/],
  ])('refuses when %s (FORBIDDEN), writing nothing', async (_n, who, kind, issueKey, sentence) => {
    const { deps, jira, audit } = setup();
    const e = await failure(respondToRoles(deps(who), { issueKey, accountId: who, kind }));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toMatch(sentence);
    expect(jira.writes()).toEqual([]);
    expect(audit.records).toEqual([]);
  });

  it('a Contributor who cannot comment may sign off without words, but not with them (nothing stored then)', async () => {
    const { deps, jira } = setup();
    expect(
      (
        await failure(
          respondToRoles(deps(FINANCE), {
            issueKey: 'P-3',
            accountId: FINANCE,
            kind: 'sign-off',
            comment: 'ok',
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(jira.writes()).toEqual([]);
    const view = await respondToRoles(deps(FINANCE), {
      issueKey: 'P-3',
      accountId: FINANCE,
      kind: 'sign-off',
    });
    expect(view.responses).toHaveLength(1);
  });

  it('only responses of current role holders are shown', async () => {
    const { deps } = setup();
    await respondToRoles(deps(LEGAL), { issueKey: 'P-1', accountId: LEGAL, kind: 'sign-off' });
    const view = await setRoles(deps(EDITOR), {
      issueKey: 'P-1',
      accountId: EDITOR,
      framework: 'RACI',
      assignments: [
        { accountId: ANA, role: 'accountable' },
        { accountId: LEGAL, role: 'informed' },
      ],
      revision: 1,
    });
    expect(view.responses).toEqual([]);
  });

  it('refuses a comment on an acknowledgement', async () => {
    const { deps } = setup();
    expect(
      (
        await failure(
          respondToRoles(deps(FINANCE), {
            issueKey: 'P-2',
            accountId: FINANCE,
            kind: 'acknowledge',
            comment: 'seen',
          }),
        )
      ).code,
    ).toBe('INVALID_INPUT');
  });
});

describe('getRolesHistory', () => {
  it('lists the issue’s audit lines newest first, only to someone who can browse it', async () => {
    const { deps, clock } = setup();
    await setRoles(deps(EDITOR), {
      issueKey: 'P-2',
      accountId: EDITOR,
      framework: 'RACI',
      assignments: [{ accountId: ANA, role: 'accountable' }],
      revision: 0,
    });
    clock.set('2026-11-27T11:00:00Z');
    await respondToRoles(deps(FINANCE), { issueKey: 'P-1', accountId: FINANCE, kind: 'acknowledge' });
    clock.set('2026-11-27T12:00:00Z');
    await setRoles(deps(EDITOR), {
      issueKey: 'P-2',
      accountId: EDITOR,
      framework: 'RACI',
      assignments: [],
      revision: 1,
    });
    const history = await getRolesHistory(deps(FINANCE), { issueKey: 'P-2' });
    expect(history.issueKey).toBe('P-2');
    expect(history.entries.map((e) => [e.at, e.action, e.changes?.map((c) => c.change)])).toEqual([
      ['2026-11-27T12:00:00.000Z', 'set', ['removed']],
      ['2026-11-27T10:00:00.000Z', 'set', ['added']],
    ]);
    expect((await failure(getRolesHistory(deps('712020:stranger'), { issueKey: 'P-2' }))).code).toBe(
      'NOT_FOUND',
    );
  });
});
