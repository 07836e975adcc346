/** The one line the issue sidebar shows: who answers for the issue and how many findings it has. */
import type { RolesView } from '../../../src/shared/roles';

export interface ContextLine {
  text: string;
  /** The account id whose name the line needs (Accountable or Approver), if any. */
  lead?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Accountable: Erik Lindqvist · 1 finding", "Approver: … · inherited", or "No roles yet". */
export function contextLine(view: RolesView, names: ReadonlyMap<string, string> = new Map()): ContextLine {
  if (view.assignments.length === 0) {
    return {
      text:
        view.findings.length > 0
          ? `No roles yet · ${plural(view.findings.length, 'finding')}`
          : 'No roles yet',
    };
  }
  const leadRole = view.framework === 'DACI' ? 'approver' : 'accountable';
  const leadWord = view.framework === 'DACI' ? 'Approver' : 'Accountable';
  const lead = view.assignments.find((a) => a.role === leadRole)?.accountId;
  const who = lead ? (names.get(lead) ?? 'someone you cannot see') : 'nobody yet';
  const parts = [`${leadWord}: ${who}`];
  if (view.findings.length > 0) parts.push(plural(view.findings.length, 'finding'));
  if (view.source === 'inherited' && view.inheritedFrom) parts.push(`from ${view.inheritedFrom}`);
  return { text: parts.join(' · '), ...(lead ? { lead } : {}) };
}
