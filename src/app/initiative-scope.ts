import type { InitiativeRecord } from './ports';

const EPIC_KEY = /^[A-Z][A-Z0-9_]{0,19}-[1-9][0-9]{0,9}$/;

/** The JQL that selects an initiative's work: the linked epics and their children, or-ed with the brief's JQL. */
export function scopeJqlOf(record: InitiativeRecord): string {
  const parts: string[] = [];
  const epics = record.scope.epics.filter((k) => EPIC_KEY.test(k));
  if (epics.length > 0) {
    const list = epics.join(', ');
    parts.push(`issuekey in (${list}) OR parent in (${list})`);
  }
  const jql = record.scope.jql?.trim();
  if (jql) parts.push(jql);
  if (parts.length === 1) return parts[0] ?? '';
  return parts.map((p) => `(${p})`).join(' OR ');
}

/** The epic keys of a scope that are well formed; others are ignored (and reported by the brief editor). */
export function epicsOf(record: InitiativeRecord): string[] {
  return record.scope.epics.filter((k) => EPIC_KEY.test(k));
}

/**
 * The change counters an initiative's numbers depend on: each linked epic's project, and `*` (any project)
 * when the scope has a JQL, since a JQL may select work anywhere.
 */
export function epochKeysOf(record: InitiativeRecord): string[] {
  const keys = new Set(epicsOf(record).map((k) => k.slice(0, k.lastIndexOf('-'))));
  if (record.scope.jql?.trim()) keys.add('*');
  return [...keys].sort();
}

/** True when a stored record has the shape of an initiative (defensive: KVS data may be old or damaged). */
export function isInitiativeRecord(value: unknown): value is InitiativeRecord {
  if (typeof value !== 'object' || value === null) return false;
  const scope = (value as { scope?: unknown }).scope;
  if (typeof scope !== 'object' || scope === null) return false;
  const { epics, jql } = scope as { epics?: unknown; jql?: unknown };
  return (
    Array.isArray(epics) &&
    epics.every((e) => typeof e === 'string') &&
    (jql === undefined || typeof jql === 'string')
  );
}
