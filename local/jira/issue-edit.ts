/**
 * Applying `fields` / `update` of an IssueUpdateDetails to an issue record, Jira's way: validate every
 * field first (errors keyed by field id, nothing changes on error), then report what changed as
 * changelog items in the form Jira's webhooks and Forge events carry.
 */
import {
  FLAGGED_FIELD,
  FLAGGED_OPTION,
  ISSUE_TYPES,
  PRIORITIES,
  RESOLUTIONS,
  issueTypeById,
  priorityById,
  resolutionById,
} from './catalog';
import { isValidDateOnly } from './dates';
import { adfText } from './jql';
import type { ChangelogItem, IssueRecord } from './model';
import type { JiraStore } from './store';

export interface EditContext {
  store: JiraStore;
  /** Whether the actor may set the assignee (ASSIGN_ISSUES) in the issue's project. */
  canAssign: boolean;
  /** Whether `accountId` may be assigned issues in the issue's project (ASSIGNABLE_USER). */
  isAssignable: (accountId: string) => boolean;
  /** True while creating: `summary` is then required and changes are not reported. */
  creating: boolean;
}

export interface EditResult {
  errors: Record<string, string>;
  next: IssueRecord;
  items: ChangelogItem[];
}

const EDITABLE = new Set([
  'summary',
  'description',
  'priority',
  'labels',
  'assignee',
  'reporter',
  'duedate',
  'parent',
  FLAGGED_FIELD,
]);
const CREATE_ONLY = new Set(['project', 'issuetype']);

export const isAdf = (v: unknown): boolean =>
  !!v &&
  typeof v === 'object' &&
  (v as { type?: unknown }).type === 'doc' &&
  Array.isArray((v as { content?: unknown }).content);

const item = (
  fieldId: string,
  from: string | null,
  fromString: string | null,
  to: string | null,
  toString: string | null,
  field = fieldId,
): ChangelogItem => ({ field, fieldtype: 'jira', fieldId, from, fromString, to, toString });

/** Reads `{ accountId }`, `{ id }`, a bare string or null. Returns undefined for a malformed value. */
function accountIdOf(value: unknown): string | null | undefined {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as { accountId?: unknown; id?: unknown };
    if (v.accountId === null) return null;
    if (typeof v.accountId === 'string') return v.accountId;
    if (typeof v.id === 'string') return v.id;
  }
  return undefined;
}

/** `{ value: 'Impediment' }` or `{ id: '10019' }`: the one option of Flagged. */
function isFlaggedOption(o: unknown): boolean {
  if (!o || typeof o !== 'object') return false;
  const v = o as { id?: unknown; value?: unknown };
  return v.id === FLAGGED_OPTION.id || v.value === FLAGGED_OPTION.value;
}

/** Turns `update` operations into final values, merged over `fields`. */
function mergeUpdates(
  issue: IssueRecord,
  fields: Record<string, unknown>,
  update: Record<string, unknown>,
  errors: Record<string, string>,
): Record<string, unknown> {
  const merged = { ...fields };
  for (const [field, ops] of Object.entries(update)) {
    if (!Array.isArray(ops)) {
      errors[field] = `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;
      continue;
    }
    if (field === 'labels') {
      let labels = Array.isArray(merged.labels) ? [...(merged.labels as string[])] : [...issue.labels];
      for (const op of ops as Array<Record<string, unknown>>) {
        if ('set' in op) labels = Array.isArray(op.set) ? [...(op.set as string[])] : [];
        if (typeof op.add === 'string' && !labels.includes(op.add)) labels.push(op.add);
        if (typeof op.remove === 'string') labels = labels.filter((l) => l !== op.remove);
      }
      merged.labels = labels;
      continue;
    }
    if (field === FLAGGED_FIELD) {
      // A multi-checkbox: `set` the options, or `add` / `remove` one.
      let options: unknown[] = Array.isArray(merged[field])
        ? [...(merged[field] as unknown[])]
        : issue.flagged
          ? [{ ...FLAGGED_OPTION }]
          : [];
      for (const op of ops as Array<Record<string, unknown>>) {
        if ('set' in op) options = Array.isArray(op.set) ? [...(op.set as unknown[])] : [];
        else if ('add' in op) options.push(op.add);
        else if ('remove' in op)
          options = options.filter((o) => !isFlaggedOption(o) || !isFlaggedOption(op.remove));
        else
          errors[field] = `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;
      }
      merged[field] = options;
      continue;
    }
    for (const op of ops as Array<Record<string, unknown>>) {
      if ('set' in op) merged[field] = op.set;
      else errors[field] = `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;
    }
  }
  return merged;
}

/** Validates and applies an edit (or the fields of a create) to a copy of `issue`. */
export function applyEdit(
  issue: IssueRecord,
  body: { fields?: unknown; update?: unknown },
  ctx: EditContext,
): EditResult {
  const errors: Record<string, string> = {};
  const fieldsIn = (body.fields && typeof body.fields === 'object' ? body.fields : {}) as Record<
    string,
    unknown
  >;
  const updateIn = (body.update && typeof body.update === 'object' ? body.update : {}) as Record<
    string,
    unknown
  >;
  const values = mergeUpdates(issue, fieldsIn, updateIn, errors);
  const next: IssueRecord = { ...issue, labels: [...issue.labels], watchers: [...issue.watchers] };
  const { store } = ctx;

  for (const [field, value] of Object.entries(values)) {
    if (ctx.creating && CREATE_ONLY.has(field)) continue;
    if (!EDITABLE.has(field) && !(field === 'resolution' && !ctx.creating)) {
      errors[field] = `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;
      continue;
    }
    switch (field) {
      case 'summary':
        if (typeof value !== 'string' || value.trim() === '')
          errors.summary = 'You must specify a summary of the issue.';
        else if (value.length > 255) errors.summary = 'Summary must be less than 255 characters.';
        else next.summary = value;
        break;
      case 'description':
        if (value === null) next.description = null;
        else if (!isAdf(value)) {
          errors.description =
            'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
        } else next.description = value;
        break;
      case 'priority': {
        const v = value as { id?: unknown; name?: unknown } | null;
        const p =
          v && typeof v === 'object'
            ? PRIORITIES.find((x) => x.id === v.id || (typeof v.name === 'string' && x.name === v.name))
            : undefined;
        if (!p) errors.priority = 'The priority selected is invalid.';
        else next.priorityId = p.id;
        break;
      }
      case 'resolution': {
        const v = value as { id?: unknown; name?: unknown } | null;
        if (v === null) next.resolutionId = null;
        else {
          const r = RESOLUTIONS.find((x) => x.id === v.id || x.name === v.name);
          if (!r) errors.resolution = 'The resolution selected is invalid.';
          else next.resolutionId = r.id;
        }
        break;
      }
      case 'labels':
        if (!Array.isArray(value) || value.some((l) => typeof l !== 'string')) {
          errors.labels = 'The label must be a string.';
        } else {
          const bad = (value as string[]).find((l) => /\s/.test(l) || l.length === 0 || l.length > 255);
          if (bad !== undefined) errors.labels = `The label '${bad}' contains spaces which is invalid.`;
          else next.labels = [...new Set(value as string[])];
        }
        break;
      case 'assignee':
      case 'reporter': {
        const accountId = accountIdOf(value);
        if (accountId === undefined) {
          errors[field] = `Specify a valid value for ${field}`;
          break;
        }
        if (field === 'assignee' && !ctx.canAssign && accountId !== issue.assignee) {
          errors.assignee =
            "Field 'assignee' cannot be set. It is not on the appropriate screen, or unknown.";
          break;
        }
        if (accountId !== null && !store.users.has(accountId)) {
          errors[field] = `User '${accountId}' does not exist.`;
          break;
        }
        if (field === 'assignee' && accountId !== null && !ctx.isAssignable(accountId)) {
          errors.assignee = `User '${store.users.get(accountId)?.displayName ?? accountId}' cannot be assigned issues.`;
          break;
        }
        if (field === 'reporter' && accountId === null) {
          errors.reporter = 'Reporter is required.';
          break;
        }
        next[field] = accountId;
        break;
      }
      case 'duedate':
        if (value === null || value === '') next.duedate = null;
        else if (typeof value !== 'string' || !isValidDateOnly(value))
          errors.duedate = `Error parsing date string: ${typeof value === 'string' ? value : JSON.stringify(value)}`;
        else next.duedate = value;
        break;
      case FLAGGED_FIELD: {
        if (value === null) next.flagged = false;
        else if (!Array.isArray(value)) errors[field] = 'Specify the value for Flagged in an array.';
        else {
          const bad = value.find((o) => !isFlaggedOption(o));
          if (bad !== undefined) {
            const v = (bad ?? {}) as { value?: unknown; id?: unknown };
            errors[field] = `Option value '${String(v.value ?? v.id ?? JSON.stringify(bad))}' is not valid`;
          } else next.flagged = value.length > 0;
        }
        break;
      }
      case 'parent': {
        const v = value as { key?: unknown; id?: unknown; none?: unknown } | null;
        if (v === null || (v && v.none === true)) {
          next.parentId = null;
          break;
        }
        const parent =
          v && typeof v.key === 'string'
            ? store.issuesByKey.get(v.key.toUpperCase())
            : v && (typeof v.id === 'string' || typeof v.id === 'number')
              ? store.issues.get(Number(v.id))
              : undefined;
        const level = issueTypeById.get(next.issueTypeId)?.hierarchyLevel ?? 0;
        if (!parent) errors.parent = `Could not find issue by id or key.`;
        else if ((issueTypeById.get(parent.issueTypeId)?.hierarchyLevel ?? 0) !== level + 1) {
          errors.parent = 'Given parent work item does not belong to appropriate hierarchy.';
        } else next.parentId = parent.id;
        break;
      }
    }
  }
  if (ctx.creating && (typeof next.summary !== 'string' || next.summary.trim() === '')) {
    errors.summary = 'You must specify a summary of the issue.';
  }
  const items = ctx.creating || Object.keys(errors).length > 0 ? [] : diff(issue, next, store);
  return { errors, next, items };
}

const userName = (store: JiraStore, id: string | null) =>
  id === null ? null : (store.users.get(id)?.displayName ?? id);
/** Jira renders date-only changes as `2026-11-30 00:00:00.0`. */
const dateString = (d: string | null) => (d === null ? null : `${d} 00:00:00.0`);

/** Changelog items between two versions of an issue, in Jira's field order and value forms. */
export function diff(before: IssueRecord, after: IssueRecord, store: JiraStore): ChangelogItem[] {
  const items: ChangelogItem[] = [];
  if (before.summary !== after.summary)
    items.push(item('summary', null, before.summary, null, after.summary));
  if (JSON.stringify(before.description) !== JSON.stringify(after.description)) {
    items.push(
      item(
        'description',
        null,
        before.description ? adfText(before.description).trim() : null,
        null,
        after.description ? adfText(after.description).trim() : null,
      ),
    );
  }
  if (before.priorityId !== after.priorityId) {
    items.push(
      item(
        'priority',
        before.priorityId,
        before.priorityId ? (priorityById.get(before.priorityId)?.name ?? null) : null,
        after.priorityId,
        after.priorityId ? (priorityById.get(after.priorityId)?.name ?? null) : null,
      ),
    );
  }
  const labelsBefore = [...before.labels].sort().join(' ');
  const labelsAfter = [...after.labels].sort().join(' ');
  if (labelsBefore !== labelsAfter) items.push(item('labels', null, labelsBefore, null, labelsAfter));
  if (before.assignee !== after.assignee) {
    items.push(
      item(
        'assignee',
        before.assignee,
        userName(store, before.assignee),
        after.assignee,
        userName(store, after.assignee),
      ),
    );
  }
  if (before.reporter !== after.reporter) {
    items.push(
      item(
        'reporter',
        before.reporter,
        userName(store, before.reporter),
        after.reporter,
        userName(store, after.reporter),
      ),
    );
  }
  if (before.duedate !== after.duedate) {
    items.push(
      item('duedate', before.duedate, dateString(before.duedate), after.duedate, dateString(after.duedate)),
    );
  }
  if (before.parentId !== after.parentId) {
    const keyOf = (id: number | null) => (id === null ? null : (store.issues.get(id)?.key ?? null));
    items.push(
      item(
        'parent',
        before.parentId === null ? null : String(before.parentId),
        keyOf(before.parentId),
        after.parentId === null ? null : String(after.parentId),
        keyOf(after.parentId),
        'IssueParentAssociation',
      ),
    );
  }
  if (!!before.flagged !== !!after.flagged) {
    const on = `[${FLAGGED_OPTION.id}]`;
    items.push({
      field: 'Flagged',
      fieldtype: 'custom',
      fieldId: FLAGGED_FIELD,
      from: before.flagged ? on : null,
      fromString: before.flagged ? FLAGGED_OPTION.value : null,
      to: after.flagged ? on : null,
      toString: after.flagged ? FLAGGED_OPTION.value : null,
    });
  }
  if (before.resolutionId !== after.resolutionId) {
    items.push(
      item(
        'resolution',
        before.resolutionId,
        before.resolutionId ? (resolutionById.get(before.resolutionId)?.name ?? null) : null,
        after.resolutionId,
        after.resolutionId ? (resolutionById.get(after.resolutionId)?.name ?? null) : null,
      ),
    );
  }
  return items;
}

/** Resolves `{ id }` / `{ name }` of an issue type in a create request. */
export function issueTypeOf(value: unknown) {
  const v = value as { id?: unknown; name?: unknown } | null | undefined;
  if (!v || typeof v !== 'object') return undefined;
  return ISSUE_TYPES.find(
    (t) => t.id === v.id || (typeof v.name === 'string' && t.name.toLowerCase() === v.name.toLowerCase()),
  );
}
