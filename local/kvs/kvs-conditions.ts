/**
 * Conditions on entity attributes: the `where` range of an index query, the `filters` of a query and
 * the `conditions` of a transaction operation. Validation mirrors the documented rules (which
 * condition fits which attribute type, how many values each takes); evaluation is plain JS because
 * filters only ever look at the at most 100 rows of one page, or at one item in a transaction.
 */
import type { AttributeType, ResolvedEntity } from './entity-definitions';
import { errors } from './kvs-errors';

export type ConditionName =
  | 'BEGINS_WITH'
  | 'BETWEEN'
  | 'CONTAINS'
  | 'EQUAL_TO'
  | 'EXISTS'
  | 'GREATER_THAN'
  | 'GREATER_THAN_EQUAL_TO'
  | 'LESS_THAN'
  | 'LESS_THAN_EQUAL_TO'
  | 'NOT_CONTAINS'
  | 'NOT_EQUAL_TO'
  | 'NOT_EXISTS';

export type RangeConditionName = Extract<
  ConditionName,
  | 'BEGINS_WITH'
  | 'BETWEEN'
  | 'EQUAL_TO'
  | 'GREATER_THAN'
  | 'GREATER_THAN_EQUAL_TO'
  | 'LESS_THAN'
  | 'LESS_THAN_EQUAL_TO'
>;

export type Scalar = string | number | boolean;

export interface Condition {
  property: string;
  condition: ConditionName;
  values: Scalar[];
}

export interface RangeCondition {
  condition: RangeConditionName;
  values: Scalar[];
}

export interface FilterGroup {
  operator: 'and' | 'or';
  items: Condition[];
}

const RANGE_CONDITIONS: readonly string[] = [
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
];
const FILTER_CONDITIONS: readonly string[] = [
  ...RANGE_CONDITIONS,
  'CONTAINS',
  'NOT_CONTAINS',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
];
const STRING_ONLY: readonly string[] = ['BEGINS_WITH', 'CONTAINS', 'NOT_CONTAINS'];
const ORDERED: readonly string[] = [
  'BETWEEN',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
];

/** Max conditions in one query (where + filters), as documented for complex queries. */
export const MAX_CONDITIONS = 100;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const valueFitsAttribute = (type: AttributeType, v: unknown): boolean =>
  type === 'string'
    ? typeof v === 'string'
    : type === 'boolean'
      ? typeof v === 'boolean'
      : typeof v === 'number' && Number.isFinite(v);

/** Validates the condition part shared by range and filter conditions against one attribute type. */
function checkCondition(
  raw: Record<string, unknown>,
  allowed: readonly string[],
  type: AttributeType,
  label: string,
): { condition: ConditionName; values: Scalar[] } {
  const condition = raw.condition;
  if (typeof condition !== 'string' || !allowed.includes(condition))
    throw errors.invalidFilterCondition(condition);
  const values = raw.values;
  if (!Array.isArray(values)) throw errors.invalidFilterValues(`${condition} needs a values list`);
  if (condition === 'BETWEEN') {
    if (values.length < 2) throw errors.insufficientFilterValues();
    if (values.length > 2) throw errors.invalidFilterValues('BETWEEN takes exactly two values');
  } else if (values.length !== 1) {
    throw errors.invalidFilterValues(`${condition} takes exactly one value`);
  }
  if (condition === 'EXISTS' || condition === 'NOT_EXISTS') {
    if (values[0] !== true) throw errors.invalidFilterValues(`${condition} takes the value true`);
  } else {
    if (STRING_ONLY.includes(condition) && type !== 'string') {
      throw errors.invalidFilterValues(
        `${condition} applies to string attributes only (${label} is ${type})`,
      );
    }
    if (ORDERED.includes(condition) && type === 'boolean') {
      throw errors.invalidFilterValues(`${condition} does not apply to boolean attribute ${label}`);
    }
    if (!values.every((v) => valueFitsAttribute(type, v))) {
      throw errors.invalidFilterValues(`the values of ${condition} on ${label} must be of type ${type}`);
    }
  }
  return { condition: condition as ConditionName, values: values as Scalar[] };
}

/** Parses the `range` of an index query; `type` is the type of the index's range attribute. */
export function parseRange(raw: unknown, type: AttributeType, label: string): RangeCondition | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) throw errors.badRequest('range must be an object');
  const { condition, values } = checkCondition(raw, RANGE_CONDITIONS, type, label);
  return { condition: condition as RangeConditionName, values };
}

/** Parses `{ and: [...] }` or `{ or: [...] }` (filters of a query, conditions of a transaction). */
export function parseFilterGroup(raw: unknown, entity: ResolvedEntity): FilterGroup | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) throw errors.badRequest('filters must be an object');
  const hasAnd = raw.and !== undefined;
  const hasOr = raw.or !== undefined;
  if (hasAnd && hasOr) throw errors.filterOperatorsCombination();
  if (!hasAnd && !hasOr) {
    if (Object.keys(raw).length === 0) return undefined;
    throw errors.badRequest('filters must have an "and" or an "or" list');
  }
  const operator = hasAnd ? 'and' : 'or';
  const list = raw[operator];
  if (!Array.isArray(list)) throw errors.badRequest(`filters.${operator} must be a list`);
  if (list.length === 0) throw errors.emptyFilterOperator();
  if (list.length > MAX_CONDITIONS) throw errors.tooManyConditions();
  const items = list.map((item): Condition => {
    if (!isRecord(item) || typeof item.property !== 'string')
      throw errors.badRequest('each condition needs a property');
    const type = entity.attributes.get(item.property);
    if (type === undefined || type === 'any') throw errors.anyAttributeInFilter(item.property);
    return { property: item.property, ...checkCondition(item, FILTER_CONDITIONS, type, item.property) };
  });
  return { operator, items };
}

function compare(a: Scalar, b: Scalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** True when `attr` (possibly missing) satisfies one condition. Types must agree for a comparison to hold. */
export function conditionHolds(condition: ConditionName, values: Scalar[], attr: unknown): boolean {
  const present = attr !== undefined && attr !== null;
  const v0 = values[0] as Scalar;
  const sameKind = present && typeof attr === typeof v0;
  switch (condition) {
    case 'EXISTS':
      return present;
    case 'NOT_EXISTS':
      return !present;
    case 'EQUAL_TO':
      return sameKind && attr === v0;
    case 'NOT_EQUAL_TO':
      return !(sameKind && attr === v0);
    case 'BEGINS_WITH':
      return typeof attr === 'string' && attr.startsWith(String(v0));
    case 'CONTAINS':
      return typeof attr === 'string' && attr.includes(String(v0));
    case 'NOT_CONTAINS':
      return !(typeof attr === 'string' && attr.includes(String(v0)));
    case 'GREATER_THAN':
      return sameKind && compare(attr as Scalar, v0) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return sameKind && compare(attr as Scalar, v0) >= 0;
    case 'LESS_THAN':
      return sameKind && compare(attr as Scalar, v0) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return sameKind && compare(attr as Scalar, v0) <= 0;
    case 'BETWEEN': {
      const v1 = values[1] as Scalar;
      return sameKind && compare(attr as Scalar, v0) >= 0 && compare(attr as Scalar, v1) <= 0;
    }
  }
}

/** Evaluates a filter group against an entity value. */
export function groupHolds(group: FilterGroup, value: Record<string, unknown>): boolean {
  const test = (c: Condition) => conditionHolds(c.condition, c.values, value[c.property]);
  return group.operator === 'and' ? group.items.every(test) : group.items.some(test);
}
