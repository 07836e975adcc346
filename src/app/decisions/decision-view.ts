import type { Decision } from '../../domain/decision';
import type { DecisionAbilities, DecisionView } from '../../shared/decision';
import type { PageAccess, Versioned } from '../ports';
import type { StoredDecision } from './decision-ports';

/** What `viewer` may do with the decision, given their access to its page (the server decides, the UI shows). */
export function abilitiesOf(decision: Decision, viewer: string, access: PageAccess): DecisionAbilities {
  const canView = access !== 'none';
  const open = decision.status === 'open';
  const steers = viewer === decision.driver || viewer === decision.approver;
  return {
    edit: access === 'edit',
    input: canView && open && (decision.contributors.includes(viewer) || viewer === decision.driver),
    approve: canView && open && viewer === decision.approver,
    defer: canView && open && steers,
    revoke: canView && (open || decision.status === 'deferred') && steers,
    reopen: canView && !open && (decision.status === 'decided' ? viewer === decision.approver : steers),
  };
}

export const toDecisionView = (
  { value, revision }: Versioned<StoredDecision>,
  viewer: string,
  access: PageAccess,
): DecisionView => ({
  decision: value.body,
  revision,
  pageId: value.pageId,
  updatedAt: value.updatedAt,
  can: abilitiesOf(value.body, viewer, access),
});
