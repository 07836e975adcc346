/**
 * The errors the emulated KVS answers with. The real service answers every non-2xx with
 * `{ code, message }`; `@forge/kvs` turns that into a `ForgeKvsAPIError` carrying the same code.
 *
 * Codes marked "documented" are the ones Atlassian lists in "Error handling for the Key-Value Store"
 * and "... for the Custom Entity Store" (and KEY_NOT_FOUND / BAD_REQUEST from the SDK's own tests).
 * The others are not documented anywhere public; their names are ours and say what went wrong.
 */
export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KvsError';
  }
}

const bad = (code: string, message: string) => new KvsError(400, code, message);

export const errors = {
  // documented
  badRequest: (detail?: string) =>
    bad(
      'BAD_REQUEST',
      detail ? `Provided request body is invalid: ${detail}` : 'Provided request body is invalid',
    ),
  keyNotFound: () => new KvsError(404, 'KEY_NOT_FOUND', 'Provided key does not exist'),
  keyTooShort: () => bad('KEY_TOO_SHORT', 'The provided key needs to be more than one character.'),
  emptyKey: () => bad('EMPTY_KEY', 'Key cannot be empty.'),
  keyTooLong: () => bad('KEY_TOO_LONG', 'The provided key has exceeded the maximum 500 characters.'),
  invalidKey: () =>
    bad('INVALID_KEY', 'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/'),
  maxSize: () => bad('MAX_SIZE', 'The provided value has exceeded the maximum size limit.'),
  maxDepth: () => bad('MAX_DEPTH', 'The provided value has exceeded the maximum object depth (32) limit.'),
  invalidFilterCondition: (c: unknown) =>
    bad('INVALID_FILTER_CONDITION', `The specified condition is not supported for filters: ${String(c)}`),
  invalidFilterValues: (detail: string) =>
    bad(
      'INVALID_FILTER_VALUES',
      `The specified number of values are not supported by the given condition: ${detail}`,
    ),
  listQueryLimitExceeded: () => bad('LIST_QUERY_LIMIT_EXCEEDED', 'Limit for list query should be below 100.'),
  queryWhereInvalid: () =>
    bad('QUERY_WHERE_INVALID', 'KVS queries should contain only a single "where" clause.'),
  queryWhereFieldInvalid: () =>
    bad('QUERY_WHERE_FIELD_INVALID', 'The specified field is not supported for filters.'),
  entityTypeTooShort: () =>
    bad('ENTITY_TYPE_TOO_SHORT', 'The provided key needs to be more than 3 characters.'),
  entityTypeTooLarge: () =>
    bad('ENTITY_TYPE_TOO_LARGE', 'The provided key has exceeded the maximum 60 characters.'),
  invalidEntityType: (detail: string) => bad('INVALID_ENTITY_TYPE', detail),
  invalidEntityValue: (detail: string) => bad('INVALID_ENTITY_VALUE', detail),
  invalidEntityIndex: (detail: string) => bad('INVALID_ENTITY_INDEX', detail),
  pageLimitNotInRange: () =>
    bad('COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', 'The page limit must be set between 1 and 100.'),
  emptyFilterOperator: () => bad('EMPTY_FILTER_OPERATOR', 'Filter operators "and" and "or" cannot be empty.'),
  filterOperatorsCombination: () =>
    bad(
      'INVALID_FILTER_OPERATORS_COMBINATION',
      'Filter operators "and" and "or" cannot be present at the same level.',
    ),
  insufficientFilterValues: () =>
    bad('INSUFFICIENT_FILTER_VALUES', 'The specified condition needs at least two values.'),
  // not publicly documented: our names
  anyAttributeInFilter: (attr: string) =>
    new KvsError(
      422,
      'INVALID_FILTER_ATTRIBUTE',
      `Attribute "${attr}" cannot be used in a condition: only declared attributes of type string, integer, float or boolean can.`,
    ),
  tooManyConditions: () =>
    bad(
      'QUERY_CONDITIONS_LIMIT_EXCEEDED',
      'A query can have at most 100 conditions (where and filters together).',
    ),
  invalidCursor: () =>
    bad('INVALID_CURSOR', 'The cursor is not valid for this query. Cursors must come from the same query.'),
  invalidTtl: (detail: string) => bad('INVALID_TTL', detail),
  keyAlreadyExists: () =>
    new KvsError(409, 'KEY_ALREADY_EXISTS', 'Provided key already exists (keyPolicy FAIL_IF_EXISTS).'),
  batchTooLarge: () => bad('BATCH_SIZE_EXCEEDED', 'A batch operation can contain at most 25 items.'),
  batchEmpty: () => bad('BATCH_EMPTY', 'A batch operation must contain at least one item.'),
  duplicateKeys: (what: string) => bad('DUPLICATE_KEYS', `Each key can only be used once in a ${what}.`),
  transactionTooLarge: () =>
    bad('TRANSACTION_OPERATIONS_LIMIT_EXCEEDED', 'Each transaction can contain a maximum of 25 operations.'),
  payloadTooLarge: () => bad('PAYLOAD_TOO_LARGE', 'The request payload exceeds the 4MB limit.'),
  conditionFailed: (op: string, key: string) =>
    new KvsError(
      409,
      'CONDITIONAL_CHECK_FAILED',
      `Transaction cancelled: the condition of ${op} on key "${key}" was not met.`,
    ),
  notFoundPath: (path: string) => new KvsError(404, 'NOT_FOUND', `The KVS API has no endpoint ${path}.`),
};

/** The body a failed request answers with. */
export function errorBody(e: KvsError): { code: string; message: string } {
  return { code: e.code, message: e.message };
}
