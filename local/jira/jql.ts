/**
 * JQL for the emulated Jira: parsed by Atlassian's own grammar (`@atlaskit/jql-ast`), then compiled to a
 * predicate and a comparator over in-memory issue records. Error texts follow Jira Cloud's wording.
 */
import { JastBuilder } from '@atlaskit/jql-ast';
import type { Clause, Operand, OrderBy, TerminalClause } from '@atlaskit/jql-ast';
import {
  FLAGGED_OPTION,
  ISSUE_TYPES,
  PRIORITIES,
  RESOLUTIONS,
  STATUSES,
  STATUS_CATEGORIES,
  issueTypeById,
  priorityById,
  resolutionById,
  statusById,
  statusCategoryOf,
} from './catalog';
import { DATE_FUNCTIONS, dateOnlyToMs, parseJqlDate } from './dates';
import type { IssueRecord } from './model';
import type { JiraStore } from './store';

/** A JQL problem: Jira answers 400 `{ errorMessages, errors: {} }`. */
export class JqlError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join(' '));
  }
}

export type EntityPropertyValueType = 'user' | 'string' | 'number' | 'date' | 'text';

/** One `values[]` item of a manifest `jira:entityProperty` module. */
export interface EntityPropertyAlias {
  propertyKey: string;
  path: string;
  type: EntityPropertyValueType;
  searchAlias?: string;
}

/** Reads the indexed issue properties declared by `manifest.modules['jira:entityProperty']`. */
export function readEntityPropertyIndex(manifest: unknown): EntityPropertyAlias[] {
  const modules = (manifest as { modules?: Record<string, unknown> } | undefined)?.modules;
  const list = modules?.['jira:entityProperty'];
  if (!Array.isArray(list)) return [];
  const out: EntityPropertyAlias[] = [];
  for (const module of list as Array<Record<string, unknown>>) {
    if (module.entityType !== undefined && module.entityType !== 'issue') continue;
    if (typeof module.propertyKey !== 'string' || !Array.isArray(module.values)) continue;
    for (const v of module.values as Array<Record<string, unknown>>) {
      if (typeof v.path !== 'string' || typeof v.type !== 'string') continue;
      out.push({
        propertyKey: module.propertyKey,
        path: v.path,
        type: v.type as EntityPropertyValueType,
        ...(typeof v.searchAlias === 'string' ? { searchAlias: v.searchAlias } : {}),
      });
    }
  }
  return out;
}

export interface JqlEnv {
  store: JiraStore;
  now: Date;
  /** The acting user's account id; null for the app (currentUser() then matches nobody). */
  currentUser: string | null;
  index: readonly EntityPropertyAlias[];
  /**
   * Whether the caller may browse a project. Jira answers a project or issue key the caller may not see as if it
   * did not exist (400), never with an empty result; without it every project is browsable (the app, jql/parse).
   */
  canBrowse?: (projectId: number) => boolean;
}

export interface CompiledJql {
  /** Null when the query has no WHERE clause (an unbounded query). */
  where: ((issue: IssueRecord) => boolean) | null;
  /** Sorts issues in place by the ORDER BY clause (newest first without one). */
  sort: (issues: IssueRecord[]) => IssueRecord[];
}

type Scalar = string | number;
type Kind = 'enum' | 'ordered' | 'date' | 'text' | 'user';

interface FieldSpec {
  name: string;
  kind: Kind;
  values: (issue: IssueRecord) => readonly Scalar[];
  /** Literal → normalised scalars; pushes an error and returns [] when the value is unknown. */
  resolve: (literal: string, errors: string[]) => Scalar[];
  text?: (issue: IssueRecord) => string;
  /** Overrides the generic `< <= > >=` evaluation (issue keys compare within their project). */
  compareTo?: (op: string, literal: string, errors: string[]) => ((issue: IssueRecord) => boolean) | null;
  sortKey?: (issue: IssueRecord) => Scalar | null;
}

const OPS: Record<Kind, readonly string[]> = {
  enum: ['=', '!=', 'in', 'not in', 'is', 'is not'],
  user: ['=', '!=', 'in', 'not in', 'is', 'is not'],
  ordered: ['=', '!=', 'in', 'not in', 'is', 'is not', '<', '<=', '>', '>='],
  date: ['=', '!=', 'in', 'not in', 'is', 'is not', '<', '<=', '>', '>='],
  text: ['~', '!~', 'is', 'is not'],
};

const DATE_FORMATS_HINT =
  "Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.";

/** Words of a text for `~`: lower-case letters and digits. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Collects the text of an ADF document (or a plain string). */
export function adfText(node: unknown): string {
  if (node === null || node === undefined) return '';
  if (typeof node === 'string') return node;
  if (typeof node !== 'object') return '';
  const n = node as { text?: unknown; content?: unknown; attrs?: { text?: unknown } };
  let out = typeof n.text === 'string' ? n.text : '';
  if (n.attrs && typeof n.attrs.text === 'string') out += ` ${n.attrs.text}`;
  if (Array.isArray(n.content)) for (const child of n.content) out += ` ${adfText(child)}`;
  return out;
}

const textCache = new WeakMap<object, string>();
function descriptionText(issue: IssueRecord): string {
  const d = issue.description;
  if (d === null || typeof d !== 'object') return typeof d === 'string' ? d : '';
  let t = textCache.get(d);
  if (t === undefined) textCache.set(d, (t = adfText(d)));
  return t;
}

/** Jira's `~`: every term must occur (terms match word prefixes, like Jira's stemming); quotes ask for a phrase. */
function textMatcher(query: string): (text: string) => boolean {
  const trimmed = query.trim();
  if (trimmed.length > 1 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    const phrase = tokenize(trimmed.slice(1, -1)).join(' ');
    return (text) => ` ${tokenize(text).join(' ')} `.includes(` ${phrase}`);
  }
  const terms = tokenize(trimmed);
  return (text) => {
    const words = tokenize(text);
    return terms.every((term) => words.some((w) => w.startsWith(term)));
  };
}

function readPath(value: unknown, path: string): unknown[] {
  let current: unknown[] = [value];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const c of current) {
      const items = Array.isArray(c) ? c : [c];
      for (const item of items) {
        if (item && typeof item === 'object' && part in (item as object)) {
          next.push((item as Record<string, unknown>)[part]);
        }
      }
    }
    current = next;
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => v !== null && v !== undefined);
}

/** Builds the field table for one query: Jira's system fields plus the manifest's property aliases. */
function fieldFor(
  nameRaw: string,
  env: JqlEnv,
  property?: { key: string; path: string },
): FieldSpec | undefined {
  const { store } = env;
  const name = nameRaw.toLowerCase();
  const unknownValue = (field: string) => (literal: string, errors: string[]) => {
    errors.push(`The value '${literal}' does not exist for the field '${field}'.`);
    return [] as Scalar[];
  };

  const browsable = (issue: IssueRecord | undefined): IssueRecord | undefined =>
    issue && (!env.canBrowse || env.canBrowse(issue.projectId)) ? issue : undefined;
  const issueRef: FieldSpec = {
    name: nameRaw,
    kind: 'ordered',
    values: (i) => [i.id],
    resolve: (literal, errors) => {
      const issue = browsable(
        /^\d+$/.test(literal)
          ? store.issues.get(Number(literal))
          : store.issuesByKey.get(literal.toUpperCase()),
      );
      if (!issue) {
        errors.push(
          /^[A-Za-z][A-Za-z0-9_]*-\d+$/.test(literal) || /^\d+$/.test(literal)
            ? `An issue with key '${literal}' does not exist for field '${nameRaw}'.`
            : `The issue key '${literal}' for field '${nameRaw}' is invalid.`,
        );
        return [];
      }
      return [issue.id];
    },
    compareTo: (op, literal, errors) => {
      const m = /^([A-Za-z][A-Za-z0-9_]*)-(\d+)$/.exec(literal);
      if (m) {
        const project = store.projectsByKey.get(m[1]!.toUpperCase());
        if (!project) {
          errors.push(`The issue key '${literal}' for field '${nameRaw}' is invalid.`);
          return null;
        }
        const num = Number(m[2]);
        const test = numberTest(op, num);
        return (i) => i.projectId === project.id && test(i.num);
      }
      if (/^\d+$/.test(literal)) {
        const test = numberTest(op, Number(literal));
        return (i) => test(i.id);
      }
      errors.push(`The issue key '${literal}' for field '${nameRaw}' is invalid.`);
      return null;
    },
    // Keys sort by project key, then number (LAUNCH-9 before LAUNCH-10).
    sortKey: (i) => `${store.projects.get(i.projectId)?.key ?? ''}\u0000${String(i.num).padStart(10, '0')}`,
  };

  const userField = (get: (i: IssueRecord) => string | null): FieldSpec => ({
    name: nameRaw,
    kind: 'user',
    values: (i) => {
      const v = get(i);
      return v === null ? [] : [v];
    },
    resolve: (literal) => [literal],
    sortKey: (i) => {
      const v = get(i);
      return v === null ? null : (store.users.get(v)?.displayName ?? v).toLowerCase();
    },
  });

  const dateField = (get: (i: IssueRecord) => number | null): FieldSpec => ({
    name: nameRaw,
    kind: 'date',
    values: (i) => {
      const v = get(i);
      return v === null ? [] : [v];
    },
    resolve: (literal, errors) => {
      const ms = parseJqlDate(literal, env.now);
      if (ms === undefined) {
        errors.push(`Date value '${literal}' for field '${nameRaw}' is invalid. ${DATE_FORMATS_HINT}`);
        return [];
      }
      return [ms];
    },
    sortKey: (i) => get(i),
  });

  switch (name) {
    case 'key':
    case 'issuekey':
    case 'issue':
      return issueRef;
    case 'id':
      return { ...issueRef, sortKey: (i) => i.id };
    case 'project': {
      return {
        name: nameRaw,
        kind: 'enum',
        values: (i) => [i.projectId],
        resolve: (literal, errors) => {
          const p =
            store.projectsByKey.get(literal.toUpperCase()) ??
            (/^\d+$/.test(literal) ? store.projects.get(Number(literal)) : undefined) ??
            [...store.projects.values()].find((x) => x.name.toLowerCase() === literal.toLowerCase());
          return p && (!env.canBrowse || env.canBrowse(p.id))
            ? [p.id]
            : unknownValue('project')(literal, errors);
        },
        sortKey: (i) => store.projects.get(i.projectId)?.key ?? '',
      };
    }
    case 'summary':
      return {
        name: nameRaw,
        kind: 'text',
        values: () => [],
        resolve: () => [],
        text: (i) => i.summary,
        sortKey: (i) => i.summary.toLowerCase(),
      };
    case 'description':
      return { name: nameRaw, kind: 'text', values: () => [], resolve: () => [], text: descriptionText };
    case 'text':
      return {
        name: nameRaw,
        kind: 'text',
        values: () => [],
        resolve: () => [],
        text: (i) =>
          `${i.summary} ${descriptionText(i)} ${(store.comments.get(i.id) ?? []).map((c) => adfText(c.body)).join(' ')}`,
      };
    case 'status':
      return {
        name: nameRaw,
        kind: 'enum',
        values: (i) => [i.statusId],
        resolve: (literal, errors) => {
          const s = STATUSES.find((x) => x.id === literal || x.name.toLowerCase() === literal.toLowerCase());
          return s ? [s.id] : unknownValue('status')(literal, errors);
        },
        sortKey: (i) => statusById.get(i.statusId)?.sequence ?? 0,
      };
    case 'statuscategory':
      return {
        name: nameRaw,
        kind: 'enum',
        values: (i) => [statusCategoryOf(i.statusId).key],
        resolve: (literal, errors) => {
          const l = literal.toLowerCase();
          const c = Object.values(STATUS_CATEGORIES).find(
            (x) => x.key === l || x.name.toLowerCase() === l || String(x.id) === l,
          );
          return c ? [c.key] : unknownValue('statusCategory')(literal, errors);
        },
        sortKey: (i) => ({ new: 1, indeterminate: 2, done: 3 })[statusCategoryOf(i.statusId).key],
      };
    case 'issuetype':
    case 'type':
      return {
        name: nameRaw,
        kind: 'enum',
        values: (i) => [i.issueTypeId],
        resolve: (literal, errors) => {
          const t = ISSUE_TYPES.find(
            (x) => x.id === literal || x.name.toLowerCase() === literal.toLowerCase(),
          );
          return t ? [t.id] : unknownValue('issuetype')(literal, errors);
        },
        sortKey: (i) => issueTypeById.get(i.issueTypeId)?.name ?? '',
      };
    case 'priority':
      return {
        name: nameRaw,
        kind: 'ordered',
        // Higher number = more urgent, so `priority >= High` is High or Highest, as in Jira.
        values: (i) => (i.priorityId === null ? [] : [6 - (priorityById.get(i.priorityId)?.rank ?? 3)]),
        resolve: (literal, errors) => {
          const p = PRIORITIES.find(
            (x) => x.id === literal || x.name.toLowerCase() === literal.toLowerCase(),
          );
          return p ? [6 - p.rank] : unknownValue('priority')(literal, errors);
        },
        sortKey: (i) => (i.priorityId === null ? null : 6 - (priorityById.get(i.priorityId)?.rank ?? 3)),
      };
    case 'resolution':
      return {
        name: nameRaw,
        kind: 'enum',
        values: (i) => (i.resolutionId === null ? [] : [i.resolutionId]),
        resolve: (literal, errors) => {
          if (literal.toLowerCase() === 'unresolved') return ['\u0000unresolved'];
          const r = RESOLUTIONS.find(
            (x) => x.id === literal || x.name.toLowerCase() === literal.toLowerCase(),
          );
          return r ? [r.id] : unknownValue('resolution')(literal, errors);
        },
        sortKey: (i) => (i.resolutionId === null ? null : (resolutionById.get(i.resolutionId)?.name ?? '')),
      };
    case 'labels':
      return {
        name: nameRaw,
        kind: 'enum',
        values: (i) => i.labels.map((l) => l.toLowerCase()),
        resolve: (literal) => [literal.toLowerCase()],
        sortKey: (i) => (i.labels.length ? [...i.labels].sort().join(' ').toLowerCase() : null),
      };
    case 'parent':
      return {
        name: nameRaw,
        kind: 'enum',
        values: (i) => (i.parentId === null ? [] : [i.parentId]),
        resolve: (literal, errors) => {
          const issue = browsable(
            /^\d+$/.test(literal)
              ? store.issues.get(Number(literal))
              : store.issuesByKey.get(literal.toUpperCase()),
          );
          if (!issue) {
            errors.push(`An issue with key '${literal}' does not exist for field '${nameRaw}'.`);
            return [];
          }
          return [issue.id];
        },
        sortKey: (i) => (i.parentId === null ? null : i.parentId),
      };
    case 'assignee':
      return userField((i) => i.assignee);
    case 'reporter':
      return userField((i) => i.reporter);
    case 'creator':
      return userField((i) => i.creator);
    case 'duedate':
    case 'due':
      return dateField((i) => (i.duedate === null ? null : dateOnlyToMs(i.duedate)));
    case 'created':
    case 'createddate':
      return dateField((i) => i.created);
    case 'updated':
    case 'updateddate':
      return dateField((i) => i.updated);
    case 'statuscategorychangeddate':
      return dateField((i) => i.statusCategoryChangedDate);
    case 'resolutiondate':
    case 'resolved':
      return dateField((i) => i.resolutionDate);
    case 'flagged':
    case 'customfield_10021':
      // Jira Software's Flagged: `flagged = Impediment`, `flagged is EMPTY` / `is not EMPTY`.
      return {
        name: nameRaw,
        kind: 'enum',
        values: (i) => (i.flagged ? [FLAGGED_OPTION.id] : []),
        resolve: (literal, errors) =>
          literal.toLowerCase() === FLAGGED_OPTION.value.toLowerCase() || literal === FLAGGED_OPTION.id
            ? [FLAGGED_OPTION.id]
            : unknownValue(nameRaw)(literal, errors),
        sortKey: (i) => (i.flagged ? FLAGGED_OPTION.value : null),
      };
  }

  const alias = property
    ? env.index.find((a) => a.propertyKey === property.key && a.path === property.path)
    : env.index.find((a) => a.searchAlias?.toLowerCase() === name);
  if (!alias) return undefined;
  const raw = (i: IssueRecord): unknown[] => {
    const value = store.properties.get(i.id)?.get(alias.propertyKey);
    return value === undefined ? [] : readPath(value, alias.path);
  };
  switch (alias.type) {
    case 'user':
      return {
        name: nameRaw,
        kind: 'user',
        values: (i) => raw(i).filter((v): v is string => typeof v === 'string'),
        resolve: (literal) => [literal],
        sortKey: (i) => {
          const first = raw(i).find((v): v is string => typeof v === 'string');
          return first === undefined ? null : (store.users.get(first)?.displayName ?? first).toLowerCase();
        },
      };
    case 'number':
      return {
        name: nameRaw,
        kind: 'ordered',
        values: (i) => raw(i).filter((v): v is number => typeof v === 'number'),
        resolve: (literal, errors) => {
          const n = Number(literal);
          if (!Number.isFinite(n)) {
            errors.push(`The value '${literal}' for field '${nameRaw}' is invalid.`);
            return [];
          }
          return [n];
        },
        sortKey: (i) => raw(i).find((v): v is number => typeof v === 'number') ?? null,
      };
    case 'date': {
      const ms = (i: IssueRecord) =>
        raw(i)
          .map((v) => (typeof v === 'string' ? Date.parse(v) : NaN))
          .filter((v) => Number.isFinite(v));
      const spec = dateField((i) => ms(i)[0] ?? null);
      return { ...spec, values: ms };
    }
    case 'text':
      return {
        name: nameRaw,
        kind: 'text',
        values: () => [],
        resolve: () => [],
        text: (i) => raw(i).map(scalarString).join(' '),
      };
    default:
      return {
        name: nameRaw,
        kind: 'enum',
        values: (i) => raw(i).map((v) => scalarString(v).toLowerCase()),
        resolve: (literal) => [literal.toLowerCase()],
        sortKey: (i) => {
          const first = raw(i)[0];
          return first === undefined ? null : scalarString(first).toLowerCase();
        },
      };
  }
}

/** A property value as JQL compares it: scalars as text, objects as JSON. */
const scalarString = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);

function numberTest(op: string, n: number): (v: number) => boolean {
  switch (op) {
    case '<':
      return (v) => v < n;
    case '<=':
      return (v) => v <= n;
    case '>':
      return (v) => v > n;
    default:
      return (v) => v >= n;
  }
}

/** Parses with Atlassian's grammar and turns ANTLR's complaint into Jira's sentence. */
function syntaxMessage(
  jql: string,
  error: { message: string; charPositionInLine?: number; line?: number },
): string {
  const m = /input '((?:[^']|'(?!\s+expecting))*)' expecting (.*)$/s.exec(error.message);
  const got = m ? (m[1] === '<EOF>' ? 'end of query' : `'${m[1]}'`) : undefined;
  const expecting = m?.[2] ?? '';
  const where = `(line ${error.line ?? 1}, character ${(error.charPositionInLine ?? 0) + 1})`;
  let sentence: string;
  if (got && /'='|'!='|\bIN\b|\bIS\b/.test(expecting)) {
    sentence = `Expecting operator but got ${got}. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.`;
  } else if (got && /QUOTE_STRING|POSNUMBER/.test(expecting) && /EMPTY/.test(expecting)) {
    sentence = `Expecting either a value, list or function but got ${got}.`;
  } else if (got && /<EOF>|ORDER/.test(expecting)) {
    sentence = `Expecting either 'OR' or 'AND' but got ${got}.`;
  } else if (got) {
    sentence = `Expecting a field name but got ${got}.`;
  } else {
    sentence = `The JQL query '${jql}' could not be parsed.`;
  }
  return `Error in the JQL Query: ${sentence} ${where}`;
}

/** Compiles `jql`; throws JqlError with Jira's messages for syntax errors, unknown fields and bad values. */
export function compileJql(jql: string, env: JqlEnv): CompiledJql {
  // A fresh builder each time: JastBuilder memoises the token stream of the last string, so parsing the
  // same text twice with one builder finds the stream already consumed and yields an empty query.
  const jast = new JastBuilder().build(jql);
  if (jast.errors.length > 0) {
    throw new JqlError([syntaxMessage(jql, jast.errors[0] as never)]);
  }
  const errors: string[] = [];
  const query = jast.query;
  const where = query && query.where ? compileClause(query.where, env, errors) : null;
  const sort = query && query.orderBy ? compileOrderBy(query.orderBy, env, errors) : defaultSort;
  if (errors.length > 0) throw new JqlError([...new Set(errors)]);
  return { where, sort };
}

/** Without ORDER BY, newest issues first. */
const defaultSort = (issues: IssueRecord[]) => issues.sort((a, b) => b.id - a.id);

function compileClause(clause: Clause, env: JqlEnv, errors: string[]): (issue: IssueRecord) => boolean {
  if (clause.clauseType === 'compound') {
    const parts = clause.clauses.map((c) => compileClause(c, env, errors));
    return clause.operator.value === 'and' ? (i) => parts.every((p) => p(i)) : (i) => parts.some((p) => p(i));
  }
  if (clause.clauseType === 'not') {
    const inner = compileClause(clause.clause, env, errors);
    return (i) => !inner(i);
  }
  return compileTerminal(clause, env, errors);
}

const never = () => false;

function fieldOf(clauseField: TerminalClause['field'], env: JqlEnv): FieldSpec | undefined {
  const props = clauseField.properties;
  if (clauseField.value.toLowerCase() === 'issue.property' && props && props[0]?.key) {
    const key = props[0].key.value;
    const path = (props[0].path ?? []).map((p) => p.value.replace(/^\./, '')).join('.');
    return fieldFor(`issue.property[${key}].${path}`, env, { key, path });
  }
  return fieldFor(clauseField.value, env);
}

function compileTerminal(
  clause: TerminalClause,
  env: JqlEnv,
  errors: string[],
): (issue: IssueRecord) => boolean {
  const field = fieldOf(clause.field, env);
  if (!field) {
    errors.push(`Field '${clause.field.value}' does not exist or you do not have permission to view it.`);
    return never;
  }
  const operator = clause.operator;
  const operand = clause.operand;
  if (!operator || !operand) return never;
  const op = operator.value.toLowerCase();
  if (!OPS[field.kind].includes(op)) {
    errors.push(`The operator '${operator.value}' is not supported by the '${field.name}' field.`);
    return never;
  }

  if (field.kind === 'text') {
    if (op === 'is' || op === 'is not') return emptiness(field, op, operand, errors);
    if (operand.operandType !== 'value') {
      errors.push(
        `The operator '${operator.value}' does not support the value supplied for field '${field.name}'.`,
      );
      return never;
    }
    const matches = textMatcher(operand.value);
    const text = field.text!;
    return op === '~' ? (i) => matches(text(i)) : (i) => !matches(text(i));
  }

  if (op === 'is' || op === 'is not') return emptiness(field, op, operand, errors);

  if (op === '<' || op === '<=' || op === '>' || op === '>=') {
    if (operand.operandType === 'list' || operand.operandType === 'keyword') {
      errors.push(
        `The operator '${operator.value}' does not support the value supplied for field '${field.name}'.`,
      );
      return never;
    }
    if (field.compareTo && operand.operandType === 'value') {
      return field.compareTo(op, operand.value, errors) ?? never;
    }
    const [bound] = operandScalars(field, operand, env, errors);
    if (typeof bound !== 'number') return never;
    const test = numberTest(op, bound);
    return (i) => field.values(i).some((v) => typeof v === 'number' && test(v));
  }

  const listOp = op === 'in' || op === 'not in';
  if (listOp && operand.operandType !== 'list' && operand.operandType !== 'function') {
    errors.push(`The operator '${operator.value}' only supports lists of values for field '${field.name}'.`);
    return never;
  }
  if (!listOp && operand.operandType === 'list') {
    errors.push(
      `The operator '${operator.value}' does not support a list of values for field '${field.name}'.`,
    );
    return never;
  }
  const members = operand.operandType === 'list' ? operand.values : [operand];
  const wanted = new Set<Scalar>();
  let includesEmpty = false;
  for (const member of members) {
    if (member.operandType === 'keyword') includesEmpty = true;
    else for (const s of operandScalars(field, member, env, errors)) wanted.add(s);
  }
  const unresolvedOnly = wanted.has('\u0000unresolved');
  if (unresolvedOnly) {
    wanted.delete('\u0000unresolved');
    includesEmpty = true;
  }
  const positive = (i: IssueRecord) => {
    const values = field.values(i);
    if (values.length === 0) return includesEmpty;
    return values.some((v) => wanted.has(v));
  };
  if (op === '=' || op === 'in') return positive;
  // Jira's `!=` / NOT IN never match an empty field unless EMPTY is named explicitly.
  return (i) => {
    const values = field.values(i);
    if (values.length === 0) return false;
    if (includesEmpty && wanted.size === 0) return true;
    return !values.some((v) => wanted.has(v));
  };
}

function emptiness(field: FieldSpec, op: string, operand: Operand, errors: string[]) {
  if (operand.operandType !== 'keyword') {
    errors.push(
      `The operator '${op.toUpperCase()}' only supports 'EMPTY' or 'NULL' for field '${field.name}'.`,
    );
    return never;
  }
  const isEmpty =
    field.kind === 'text'
      ? (i: IssueRecord) => field.text!(i).trim() === ''
      : (i: IssueRecord) => field.values(i).length === 0;
  return op === 'is' ? isEmpty : (i: IssueRecord) => !isEmpty(i);
}

function operandScalars(field: FieldSpec, operand: Operand, env: JqlEnv, errors: string[]): Scalar[] {
  if (operand.operandType === 'value') return field.resolve(operand.value, errors);
  if (operand.operandType === 'function') {
    const fn = operand.function.value.toLowerCase();
    const args = operand.arguments.map((a) => a.value);
    if (fn === 'currentuser') {
      if (field.kind !== 'user') {
        errors.push(
          `A value provided by the function 'currentUser' is invalid for the field '${field.name}'.`,
        );
        return [];
      }
      // The app has no user: currentUser() matches nobody, as for anonymous searches in Jira.
      return env.currentUser ? [env.currentUser] : ['\u0000nobody'];
    }
    const dateFn = DATE_FUNCTIONS[fn];
    if (dateFn) {
      if (field.kind !== 'date') {
        errors.push(
          `A value provided by the function '${operand.function.value}' is invalid for the field '${field.name}'.`,
        );
        return [];
      }
      const ms = dateFn(env.now, args);
      if (ms === undefined) {
        errors.push(`Function '${operand.function.value}' has an invalid argument: '${args.join(', ')}'.`);
        return [];
      }
      return [ms];
    }
    if (fn === 'standardissuetypes' || fn === 'subtaskissuetypes') {
      const sub = fn === 'subtaskissuetypes';
      return ISSUE_TYPES.filter((t) => t.subtask === sub).map((t) => t.id);
    }
    errors.push(`Unable to find JQL function '${operand.function.value}(${args.join(', ')})'.`);
    return [];
  }
  if (operand.operandType === 'list')
    return operand.values.flatMap((v) => operandScalars(field, v, env, errors));
  return [];
}

function compileOrderBy(orderBy: OrderBy, env: JqlEnv, errors: string[]) {
  const keys: Array<{ key: (i: IssueRecord) => Scalar | null; dir: 1 | -1 }> = [];
  for (const f of orderBy.fields) {
    const spec = fieldOf(f.field, env);
    if (!spec) {
      errors.push(`Field '${f.field.value}' does not exist or you do not have permission to view it.`);
      continue;
    }
    if (!spec.sortKey) {
      errors.push(`Field '${f.field.value}' does not support sorting.`);
      continue;
    }
    keys.push({ key: spec.sortKey, dir: f.direction?.value.toUpperCase() === 'DESC' ? -1 : 1 });
  }
  if (keys.length > 7) errors.push('The ORDER BY clause can contain a maximum of 7 fields.');
  // Sort keys are computed once per issue, not once per comparison (searches sort up to 100,000 issues).
  return (issues: IssueRecord[]): IssueRecord[] => {
    const decorated = issues.map((issue) => ({ issue, values: keys.map((k) => k.key(issue)) }));
    decorated.sort((a, b) => {
      for (let n = 0; n < keys.length; n++) {
        const va = a.values[n]!;
        const vb = b.values[n]!;
        let c: number;
        if (va === vb) c = 0;
        else if (va === null)
          c = 1; // empty values last when ascending, first when descending
        else if (vb === null) c = -1;
        else if (typeof va === 'number' && typeof vb === 'number') c = va - vb;
        else c = String(va) < String(vb) ? -1 : 1;
        if (c !== 0) return c * keys[n]!.dir;
      }
      return a.issue.id - b.issue.id;
    });
    for (let n = 0; n < decorated.length; n++) issues[n] = decorated[n]!.issue;
    return issues;
  };
}
