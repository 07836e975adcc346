import type { RolesView } from '../../../src/shared/roles';
import {
  convertAssignments,
  editorReducer,
  initialEditorState,
  isDirty,
  type EditorState,
} from './editor-state';

const A = '712020:a';
const B = '712020:b';

const view = (over: Partial<RolesView> = {}): RolesView => ({
  issueKey: 'LAUNCH-4',
  framework: 'RACI',
  assignments: [{ accountId: A, role: 'accountable' }],
  source: 'issue',
  findings: [],
  revision: 2,
  canEdit: true,
  ...over,
});

const start = (over?: Partial<RolesView>) => initialEditorState(view(over));

test('a fresh state is clean and based on the loaded revision', () => {
  const state = start();
  expect(isDirty(state)).toBe(false);
  expect(state.revision).toBe(2);
});

test('add makes the draft dirty; adding the same pair twice changes nothing', () => {
  const once = editorReducer(start(), { type: 'add', accountId: B, role: 'responsible' });
  expect(once.assignments).toEqual([
    { accountId: A, role: 'accountable' },
    { accountId: B, role: 'responsible' },
  ]);
  expect(isDirty(once)).toBe(true);
  expect(editorReducer(once, { type: 'add', accountId: B, role: 'responsible' })).toBe(once);
});

test('a role of the other framework cannot be added', () => {
  const state = start();
  expect(editorReducer(state, { type: 'add', accountId: B, role: 'approver' })).toBe(state);
});

test('a second Accountable is allowed in the draft: the server refuses it with its sentence', () => {
  const state = editorReducer(start(), { type: 'add', accountId: B, role: 'accountable' });
  expect(state.assignments.filter((a) => a.role === 'accountable')).toHaveLength(2);
});

test('remove takes out one role of one person; removing and re-adding is clean again', () => {
  const removed = editorReducer(start(), { type: 'remove', accountId: A, role: 'accountable' });
  expect(removed.assignments).toEqual([]);
  expect(isDirty(removed)).toBe(true);
  const back = editorReducer(removed, { type: 'add', accountId: A, role: 'accountable' });
  expect(isDirty(back)).toBe(false);
});

test('switching framework converts roles by their counterpart; Informed stays', () => {
  expect(
    convertAssignments(
      [
        { accountId: A, role: 'accountable' },
        { accountId: A, role: 'responsible' },
        { accountId: B, role: 'consulted' },
        { accountId: B, role: 'informed' },
      ],
      'DACI',
    ),
  ).toEqual([
    { accountId: A, role: 'approver' },
    { accountId: A, role: 'driver' },
    { accountId: B, role: 'contributor' },
    { accountId: B, role: 'informed' },
  ]);
  const state = editorReducer(start(), { type: 'set-framework', framework: 'DACI' });
  expect(state.framework).toBe('DACI');
  expect(isDirty(state)).toBe(true);
});

test('a refusal keeps the draft and carries the server sentence; the next edit clears it', () => {
  const draft = editorReducer(start(), { type: 'add', accountId: B, role: 'accountable' });
  const saving = editorReducer(draft, { type: 'saving' });
  expect(saving.saving).toBe(true);
  const sentence =
    'Only one person can be Accountable: Ann already is. Make Bo Responsible instead, or replace Ann.';
  const refused = editorReducer(saving, { type: 'refused', message: sentence });
  expect(refused).toMatchObject({ saving: false, refusal: sentence, assignments: draft.assignments });
  const edited = editorReducer(refused, { type: 'remove', accountId: B, role: 'accountable' });
  expect(edited.refusal).toBeUndefined();
});

test('saved replaces base and draft with the stored view and says so', () => {
  const draft = editorReducer(start(), { type: 'add', accountId: B, role: 'responsible' });
  const stored = view({ assignments: draft.assignments, revision: 3 });
  const saved = editorReducer(editorReducer(draft, { type: 'saving' }), {
    type: 'saved',
    view: stored,
    notice: 'Roles saved.',
  });
  expect(saved).toMatchObject({ revision: 3, saving: false, notice: 'Roles saved.' });
  expect(isDirty(saved)).toBe(false);
  // The quiet reload that follows keeps the notice.
  expect(editorReducer(saved, { type: 'load', view: stored }).notice).toBe('Roles saved.');
});

describe('conflict', () => {
  const theirs = view({ assignments: [{ accountId: B, role: 'accountable' }], revision: 5 });
  const conflicted = (): EditorState => {
    const draft = editorReducer(start(), { type: 'add', accountId: B, role: 'informed' });
    return editorReducer(editorReducer(draft, { type: 'saving' }), { type: 'conflict', current: theirs });
  };

  test('keeps the draft and their version side by side', () => {
    const state = conflicted();
    expect(state.conflict).toBe(theirs);
    expect(state.revision).toBe(2);
    expect(state.assignments).toContainEqual({ accountId: B, role: 'informed' });
  });

  test('"Keep mine" bases the draft on their revision', () => {
    const state = editorReducer(conflicted(), { type: 'keep-mine' });
    expect(state.conflict).toBeUndefined();
    expect(state.revision).toBe(5);
    expect(state.assignments).toContainEqual({ accountId: B, role: 'informed' });
    expect(isDirty(state)).toBe(true);
  });

  test('"Show their version" (discard) drops the draft and the conflict', () => {
    const state = editorReducer(conflicted(), { type: 'discard' });
    expect(state.conflict).toBeUndefined();
    expect(isDirty(state)).toBe(false);
  });
});
