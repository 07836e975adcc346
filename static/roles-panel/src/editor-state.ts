/**
 * The Roles editor's state, as a pure reducer: the roles as loaded (`base`), the person's draft, and what
 * the last save said (a refusal sentence, or a conflict with someone else's newer version).
 */
import { COUNTERPART_ROLE, isRoleOf } from '../../../src/domain/roles';
import type { Assignment, Framework, Role, RolesView } from '../../../src/shared/roles';

export interface EditorState {
  base: RolesView;
  framework: Framework;
  assignments: Assignment[];
  /** The revision a save is based on (moves on only when the person chooses "Keep mine"). */
  revision: number;
  saving: boolean;
  /** The server's sentence why the last save was refused (RULE_VIOLATION, FORBIDDEN, ...). */
  refusal?: string;
  /** Someone saved first: their version, from CONFLICT `details.current`. */
  conflict?: RolesView;
  /** What the last successful action said, for screen readers and sighted people alike. */
  notice?: string;
}

export type EditorAction =
  | { type: 'load'; view: RolesView }
  | { type: 'set-framework'; framework: Framework }
  | { type: 'add'; accountId: string; role: Role }
  | { type: 'remove'; accountId: string; role: Role }
  | { type: 'discard' }
  | { type: 'saving' }
  | { type: 'saved'; view: RolesView; notice: string }
  | { type: 'refused'; message: string }
  | { type: 'conflict'; current: RolesView }
  | { type: 'keep-mine' };

export function initialEditorState(view: RolesView): EditorState {
  return {
    base: view,
    framework: view.framework,
    assignments: view.assignments.map(copy),
    revision: view.revision,
    saving: false,
  };
}

const copy = (a: Assignment): Assignment => ({ accountId: a.accountId, role: a.role });
const same = (a: Assignment, b: Assignment) => a.accountId === b.accountId && a.role === b.role;

/** Moves roles to the other framework by their counterpart (Accountable ↔ Approver, ...); Informed stays. */
export function convertAssignments(assignments: readonly Assignment[], to: Framework): Assignment[] {
  const out: Assignment[] = [];
  for (const a of assignments) {
    const role = isRoleOf(to, a.role) ? a.role : COUNTERPART_ROLE[a.role];
    if (!role || !isRoleOf(to, role)) continue;
    const next = { accountId: a.accountId, role };
    if (!out.some((b) => same(b, next))) out.push(next);
  }
  return out;
}

/** True when the draft differs from what was loaded (order does not matter). */
export function isDirty(state: EditorState): boolean {
  if (state.framework !== state.base.framework) return true;
  const { assignments } = state;
  const base = state.base.assignments;
  return (
    assignments.length !== base.length ||
    assignments.some((a) => !base.some((b) => same(a, b))) ||
    base.some((b) => !assignments.some((a) => same(a, b)))
  );
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const edited = (next: Partial<EditorState>): EditorState => {
    const { refusal: _refusal, notice: _notice, ...rest } = state;
    return { ...rest, ...next };
  };
  switch (action.type) {
    case 'load':
      // A read after a save keeps the save's notice until the person edits again.
      return { ...initialEditorState(action.view), ...(state.notice ? { notice: state.notice } : {}) };
    case 'set-framework':
      if (action.framework === state.framework) return state;
      return edited({
        framework: action.framework,
        assignments: convertAssignments(state.assignments, action.framework),
      });
    case 'add': {
      if (!isRoleOf(state.framework, action.role)) return state;
      const next = { accountId: action.accountId, role: action.role };
      if (state.assignments.some((a) => same(a, next))) return state;
      return edited({ assignments: [...state.assignments, next] });
    }
    case 'remove':
      return edited({ assignments: state.assignments.filter((a) => !same(a, action)) });
    case 'discard': {
      const { conflict: _conflict, ...rest } = initialEditorState(state.base);
      return rest;
    }
    case 'saving': {
      const { refusal: _r, notice: _n, conflict: _c, ...rest } = state;
      return { ...rest, saving: true };
    }
    case 'saved':
      return { ...initialEditorState(action.view), notice: action.notice };
    case 'refused':
      return { ...state, saving: false, refusal: action.message };
    case 'conflict':
      return { ...state, saving: false, conflict: action.current };
    case 'keep-mine': {
      if (!state.conflict) return state;
      // The person has seen that someone else saved and wants their own draft: base it on the newer revision.
      const { conflict, ...rest } = state;
      return { ...rest, base: conflict, revision: conflict.revision };
    }
  }
}
