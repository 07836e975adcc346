/**
 * The emulated Forge Key-Value Store and Custom Entity Store: what `@forge/kvs` talks to on the local
 * site. It answers the SDK's POST JSON calls (`/api/v1/get`, `/set`, `/delete`, `/query`, `/secret/*`,
 * `/entity/*`, `/batch/*`, `/transaction`) with the shapes, status codes and error codes of the real
 * service, keeps everything durable in the site's SQLite file and counts reads and writes for the bench.
 */
import type { Database } from 'better-sqlite3';
import type { ProductRequest, ProductResponse, ProductService, SiteClock } from '../platform/product-service';
import {
  type EntityDefinition,
  KEY_INDEX,
  type ResolvedEntity,
  type ResolvedIndex,
  resolveEntities,
} from './entity-definitions';
import { type FilterGroup, MAX_CONDITIONS, groupHolds, parseFilterGroup, parseRange } from './kvs-conditions';
import { KvsError, errorBody, errors } from './kvs-errors';
import {
  type IndexValue,
  KvsStore,
  type ScanRow,
  type StoredItem,
  entityNs,
  partitionText,
} from './kvs-store';
import {
  fitsType,
  serialiseValue,
  ttlMillis,
  validateEntityName,
  validateEntityValue,
  validateKey,
} from './kvs-validation';

export { entityDefinitionsFromManifest } from './entity-definitions';
export type { EntityDefinition } from './entity-definitions';

export interface KvsService extends ProductService {
  /** Empties all KVS data (keys, secrets, entities) and zeroes the counters. */
  reset(): void;
  /** Storage operations served since start or the last reset: one per item read or written. */
  counts(): { reads: number; writes: number };
}

const MAX_BATCH_ITEMS = 25;
const MAX_TRANSACTION_OPS = 25;
const MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
const DEFAULT_PAGE = 10;
const MAX_PAGE = 100;
const PURGE_EVERY_MS = 60_000;
const METADATA_FIELDS = ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'] as const;
type MetadataField = (typeof METADATA_FIELDS)[number];

/** Where a request's item lives: plain KVS, the secret store or one custom entity. */
interface Target {
  ns: string;
  entity?: ResolvedEntity;
}

interface PreparedSet {
  target: Target;
  key: string;
  json: string;
  parsed: unknown;
  ttlMs: number | undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function createKvsService(opts: {
  db: Database;
  clock: SiteClock;
  entities: EntityDefinition[];
}): KvsService {
  const entities = resolveEntities(opts.entities);
  const store = new KvsStore(opts.db, entities);
  let reads = 0;
  let writes = 0;
  let nextPurge = 0;
  const now = () => opts.clock.now().getTime();

  // ---- request parts ------------------------------------------------------------------------------

  function resolveEntity(name: unknown): ResolvedEntity {
    const valid = validateEntityName(name);
    const entity = entities.get(valid);
    if (!entity) {
      throw errors.invalidEntityType(
        `Entity "${valid}" is not declared in the manifest (app.storage.entities).`,
      );
    }
    return entity;
  }

  function targetOf(kind: 'kvs' | 'secret', entityName: unknown): Target {
    if (entityName === undefined || entityName === null) return { ns: kind };
    const entity = resolveEntity(entityName);
    return { ns: entityNs(entity.name), entity };
  }

  function metadataFields(options: unknown): MetadataField[] {
    const fields = isRecord(options) ? options.metadataFields : undefined;
    if (fields === undefined) return [];
    if (!Array.isArray(fields) || !fields.every((f) => METADATA_FIELDS.includes(f as MetadataField))) {
      throw errors.badRequest(`metadataFields must be a list of ${METADATA_FIELDS.join(', ')}`);
    }
    return fields as MetadataField[];
  }

  function present(item: StoredItem, fields: readonly MetadataField[]): Record<string, unknown> {
    return {
      key: item.key,
      value: JSON.parse(item.value) as unknown,
      ...(fields.includes('CREATED_AT') ? { createdAt: item.createdAt } : {}),
      ...(fields.includes('UPDATED_AT') ? { updatedAt: item.updatedAt } : {}),
      ...(fields.includes('EXPIRE_TIME') && item.expireAt !== null
        ? { expireTime: new Date(item.expireAt).toISOString() }
        : {}),
    };
  }

  function prepareSet(target: Target, rawKey: unknown, value: unknown, options: unknown): PreparedSet {
    const key = validateKey(rawKey, target.entity ? 'entity' : 'kvs');
    const json = serialiseValue(value);
    if (target.entity) validateEntityValue(target.entity, value);
    return { target, key, json, parsed: value, ttlMs: ttlMillis(options) };
  }

  function applySet(p: PreparedSet, at: number): { previous?: StoredItem; item: StoredItem } {
    const previous = store.get(p.target.ns, p.key, at);
    const item: StoredItem = {
      key: p.key,
      value: p.json,
      createdAt: previous?.createdAt ?? at,
      updatedAt: at,
      expireAt: p.ttlMs === undefined ? null : at + p.ttlMs,
    };
    store.put(
      p.target.ns,
      item,
      p.target.entity,
      p.target.entity ? (p.parsed as Record<string, unknown>) : undefined,
    );
    writes++;
    return previous ? { previous, item } : { item };
  }

  function checkPayload(body: unknown) {
    if (Buffer.byteLength(JSON.stringify(body), 'utf8') > MAX_PAYLOAD_BYTES) throw errors.payloadTooLarge();
  }

  // ---- cursors: opaque to the app, bound to the index they came from -------------------------------

  const encodeCursor = (index: string, row: ScanRow): string =>
    Buffer.from(
      JSON.stringify(row.rng === undefined ? [index, row.key] : [index, row.rng, row.key]),
    ).toString('base64url');

  function decodeCursor(
    raw: unknown,
    index: string,
    custom: boolean,
  ): [IndexValue, string] | [string] | undefined {
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw !== 'string') throw errors.invalidCursor();
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    } catch {
      throw errors.invalidCursor();
    }
    if (!Array.isArray(parsed) || parsed[0] !== index) throw errors.invalidCursor();
    if (custom) {
      const [, rng, key] = parsed as unknown[];
      if (
        parsed.length !== 3 ||
        typeof key !== 'string' ||
        (typeof rng !== 'string' && typeof rng !== 'number')
      ) {
        throw errors.invalidCursor();
      }
      return [rng, key];
    }
    const [, key] = parsed as unknown[];
    if (parsed.length !== 2 || typeof key !== 'string') throw errors.invalidCursor();
    return [key];
  }

  // ---- single-item endpoints ----------------------------------------------------------------------

  function get(target: Target, body: Record<string, unknown>): ProductResponse {
    const key = validateKey(body.key, target.entity ? 'entity' : 'kvs');
    const fields = metadataFields(body.options);
    reads++;
    const item = store.get(target.ns, key, now());
    if (!item) throw errors.keyNotFound();
    return { status: 200, body: present(item, fields) };
  }

  function set(target: Target, body: Record<string, unknown>): ProductResponse {
    const options = body.options;
    const keyPolicy = isRecord(options) ? options.keyPolicy : undefined;
    const returnValue = isRecord(options) ? options.returnValue : undefined;
    if (keyPolicy !== undefined && keyPolicy !== 'OVERRIDE' && keyPolicy !== 'FAIL_IF_EXISTS') {
      throw errors.badRequest('keyPolicy must be OVERRIDE or FAIL_IF_EXISTS');
    }
    if (returnValue !== undefined && returnValue !== 'PREVIOUS' && returnValue !== 'LATEST') {
      throw errors.badRequest('returnValue must be PREVIOUS or LATEST');
    }
    if (returnValue !== undefined && keyPolicy === 'FAIL_IF_EXISTS') {
      throw errors.badRequest('returnValue requires keyPolicy OVERRIDE');
    }
    const returnFields = metadataFields(
      isRecord(options) && options.returnMetadataFields !== undefined
        ? { metadataFields: options.returnMetadataFields }
        : undefined,
    );
    if (returnFields.length > 0 && returnValue === undefined) {
      throw errors.badRequest('returnMetadataFields requires returnValue');
    }
    const prepared = prepareSet(target, body.key, body.value, options);
    const at = now();
    const result = store.atomically(() => {
      if (keyPolicy === 'FAIL_IF_EXISTS' && store.get(target.ns, prepared.key, at))
        throw errors.keyAlreadyExists();
      return applySet(prepared, at);
    });
    if (returnValue === 'LATEST') return { status: 200, body: present(result.item, METADATA_FIELDS) };
    if (returnValue === 'PREVIOUS' && result.previous) {
      return { status: 200, body: present(result.previous, METADATA_FIELDS) };
    }
    return { status: 204 };
  }

  function remove(target: Target, body: Record<string, unknown>): ProductResponse {
    const key = validateKey(body.key, target.entity ? 'entity' : 'kvs');
    store.remove(target.ns, key, target.entity);
    writes++;
    // Deleting succeeds whether the key exists or not.
    return { status: 204 };
  }

  // ---- queries ------------------------------------------------------------------------------------

  function kvsQuery(body: Record<string, unknown>): ProductResponse {
    const limit = body.limit ?? DEFAULT_PAGE;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1)
      throw errors.badRequest('limit must be a positive integer');
    if (limit > MAX_PAGE) throw errors.listQueryLimitExceeded();
    const where = body.where ?? [];
    if (!Array.isArray(where)) throw errors.badRequest('where must be a list');
    if (where.length > 1) throw errors.queryWhereInvalid();
    let prefix: string | undefined;
    const clause: unknown = where[0];
    if (clause !== undefined) {
      if (!isRecord(clause)) throw errors.badRequest('where clause must be an object');
      if (clause.property !== 'key') throw errors.queryWhereFieldInvalid();
      if (clause.condition !== 'BEGINS_WITH') throw errors.invalidFilterCondition(clause.condition);
      const values = clause.values;
      if (!Array.isArray(values) || values.length !== 1)
        throw errors.invalidFilterValues('BEGINS_WITH takes one value');
      const v: unknown = values[0];
      if (typeof v !== 'string' && typeof v !== 'number')
        throw errors.invalidFilterValues('BEGINS_WITH takes a string');
      prefix = String(v);
    }
    const fields = metadataFields(body.options);
    const after = decodeCursor(body.after, 'kvs', false);
    reads++;
    const rows = store.scan({
      ns: 'kvs',
      ...(prefix !== undefined ? { range: { condition: 'BEGINS_WITH', values: [prefix] } } : {}),
      ...(after ? { after } : {}),
      desc: false,
      limit: limit + 1,
      now: now(),
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      status: 200,
      body: {
        data: page.map((r) => present(r, fields)),
        ...(rows.length > limit && last ? { cursor: encodeCursor('kvs', last) } : {}),
      },
    };
  }

  function entityQuery(body: Record<string, unknown>): ProductResponse {
    const entity = resolveEntity(body.entityName);
    const indexName = body.indexName;
    if (typeof indexName !== 'string') throw errors.badRequest('indexName is required');
    let index: ResolvedIndex | undefined;
    if (indexName !== KEY_INDEX) {
      index = entity.indexes.get(indexName);
      if (!index) {
        throw errors.invalidEntityIndex(
          `Index "${indexName}" is not defined for entity ${entity.name}; it has ${[KEY_INDEX, ...entity.indexes.keys()].join(', ')}.`,
        );
      }
    }
    const limit = body.limit ?? DEFAULT_PAGE;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
      throw errors.pageLimitNotInRange();
    }
    const sort = body.sort ?? 'ASC';
    if (sort !== 'ASC' && sort !== 'DESC') throw errors.badRequest('sort must be ASC or DESC');

    const partitionAttrs = index?.partition ?? [];
    const partition = body.partition ?? [];
    if (!Array.isArray(partition) || partition.length !== partitionAttrs.length) {
      throw errors.badRequest(
        partitionAttrs.length
          ? `index ${indexName} needs one partition value for each of [${partitionAttrs.join(', ')}], in that order`
          : `index ${indexName} has no partition`,
      );
    }
    partitionAttrs.forEach((attr, i) => {
      const type = entity.attributes.get(attr);
      if (!type || !fitsType(type, partition[i])) {
        throw errors.badRequest(
          `partition value ${i + 1} of index ${indexName} must be of type ${type} (${attr})`,
        );
      }
    });
    const rangeAttr = index?.range;
    const rangeType = rangeAttr ? (entity.attributes.get(rangeAttr) ?? 'string') : 'string';
    const range = parseRange(body.range, rangeType, rangeAttr ?? 'key');
    const filters: FilterGroup | undefined = parseFilterGroup(body.filters, entity);
    if ((range ? 1 : 0) + (filters?.items.length ?? 0) > MAX_CONDITIONS) throw errors.tooManyConditions();
    const fields = metadataFields(
      body.options ?? (body.metadataFields ? { metadataFields: body.metadataFields } : undefined),
    );
    const after = decodeCursor(body.cursor, indexName, index !== undefined);

    reads++;
    const rows = store.scan({
      ns: entityNs(entity.name),
      ...(index ? { index: { entity: entity.name, def: index, partition: partitionText(partition) } } : {}),
      ...(range ? { range } : {}),
      ...(after ? { after } : {}),
      desc: sort === 'DESC',
      limit: limit + 1,
      now: now(),
    });
    // Filters run on the page the index returned, as Forge documents: a page may come back short or
    // even empty while a cursor still points at more matches.
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const data = page
      .filter((r) => !filters || groupHolds(filters, JSON.parse(r.value) as Record<string, unknown>))
      .map((r) => present(r, fields));
    return {
      status: 200,
      body: { data, ...(rows.length > limit && last ? { cursor: encodeCursor(indexName, last) } : {}) },
    };
  }

  // ---- batches ------------------------------------------------------------------------------------

  function batchItems(body: unknown): Record<string, unknown>[] {
    if (!Array.isArray(body)) throw errors.badRequest('a batch body is a list of items');
    if (body.length === 0) throw errors.batchEmpty();
    if (body.length > MAX_BATCH_ITEMS) throw errors.batchTooLarge();
    if (!body.every(isRecord)) throw errors.badRequest('each batch item must be an object');
    const seen = new Set<string>();
    for (const item of body) {
      const id = JSON.stringify([item.entityName ?? null, item.key]);
      if (seen.has(id)) throw errors.duplicateKeys('batch');
      seen.add(id);
    }
    checkPayload(body);
    return body;
  }

  const itemId = (item: Record<string, unknown>) => ({
    key: String(item.key),
    ...(item.entityName !== undefined && item.entityName !== null
      ? { entityName: String(item.entityName) }
      : {}),
  });

  function perItem<T>(items: Record<string, unknown>[], fn: (item: Record<string, unknown>) => T) {
    const successfulKeys: T[] = [];
    const failedKeys: unknown[] = [];
    store.atomically(() => {
      for (const item of items) {
        try {
          successfulKeys.push(fn(item));
        } catch (e) {
          if (!(e instanceof KvsError)) throw e;
          failedKeys.push({ ...itemId(item), error: errorBody(e) });
        }
      }
    });
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  function batchSet(body: unknown): ProductResponse {
    const items = batchItems(body);
    const at = now();
    return perItem(items, (item) => {
      applySet(prepareSet(targetOf('kvs', item.entityName), item.key, item.value, item.options), at);
      return itemId(item);
    });
  }

  function batchGet(body: unknown): ProductResponse {
    const items = batchItems(body);
    const at = now();
    return perItem(items, (item) => {
      const target = targetOf('kvs', item.entityName);
      const key = validateKey(item.key, target.entity ? 'entity' : 'kvs');
      const fields = metadataFields(item.options);
      reads++;
      const found = store.get(target.ns, key, at);
      if (!found) throw errors.keyNotFound();
      return { ...itemId(item), ...present(found, fields) };
    });
  }

  function batchDelete(body: unknown): ProductResponse {
    const items = batchItems(body);
    return perItem(items, (item) => {
      const target = targetOf('kvs', item.entityName);
      store.remove(target.ns, validateKey(item.key, target.entity ? 'entity' : 'kvs'), target.entity);
      writes++;
      return itemId(item);
    });
  }

  // ---- transactions: validate everything, check every condition, then write all or nothing ---------

  function transaction(body: Record<string, unknown>): ProductResponse {
    const lists = (['set', 'delete', 'check'] as const).map((name) => {
      const list = body[name];
      if (list === undefined || list === null) return [] as Record<string, unknown>[];
      if (!Array.isArray(list) || !list.every(isRecord))
        throw errors.badRequest(`${name} must be a list of operations`);
      return list;
    });
    const [sets, deletes, checks] = lists as [
      Record<string, unknown>[],
      Record<string, unknown>[],
      Record<string, unknown>[],
    ];
    const total = sets.length + deletes.length + checks.length;
    if (total === 0) throw errors.badRequest('a transaction needs at least one operation');
    if (total > MAX_TRANSACTION_OPS) throw errors.transactionTooLarge();
    checkPayload(body);
    const seen = new Set<string>();
    for (const op of [...sets, ...deletes, ...checks]) {
      const id = JSON.stringify([op.entityName ?? null, op.key]);
      if (seen.has(id)) throw errors.duplicateKeys('transaction');
      seen.add(id);
    }

    const conditionsOf = (op: Record<string, unknown>, target: Target): FilterGroup | undefined => {
      if (op.conditions === undefined || op.conditions === null) return undefined;
      if (!target.entity)
        throw errors.badRequest('conditions apply to custom entities only: give an entityName');
      return parseFilterGroup(op.conditions, target.entity);
    };
    const planned = {
      sets: sets.map((op) => {
        const target = targetOf('kvs', op.entityName);
        return {
          prepared: prepareSet(target, op.key, op.value, op.options),
          conditions: conditionsOf(op, target),
        };
      }),
      deletes: deletes.map((op) => {
        const target = targetOf('kvs', op.entityName);
        return {
          target,
          key: validateKey(op.key, target.entity ? 'entity' : 'kvs'),
          conditions: conditionsOf(op, target),
        };
      }),
      checks: checks.map((op) => {
        if (op.entityName === undefined || op.entityName === null)
          throw errors.badRequest('check needs an entityName');
        const target = targetOf('kvs', op.entityName);
        const conditions = conditionsOf(op, target);
        if (!conditions) throw errors.badRequest('check needs conditions');
        return { target, key: validateKey(op.key, 'entity'), conditions };
      }),
    };

    const at = now();
    const holds = (target: Target, key: string, conditions: FilterGroup | undefined, mustExist: boolean) => {
      if (!conditions) return true;
      const current = store.get(target.ns, key, at);
      if (!current) return !mustExist && groupHolds(conditions, {});
      return groupHolds(conditions, JSON.parse(current.value) as Record<string, unknown>);
    };
    store.atomically(() => {
      reads += planned.checks.length;
      for (const c of planned.checks) {
        if (!holds(c.target, c.key, c.conditions, true)) throw errors.conditionFailed('check', c.key);
      }
      for (const s of planned.sets) {
        if (!holds(s.prepared.target, s.prepared.key, s.conditions, false))
          throw errors.conditionFailed('set', s.prepared.key);
      }
      for (const d of planned.deletes) {
        if (!holds(d.target, d.key, d.conditions, false)) throw errors.conditionFailed('delete', d.key);
      }
      for (const s of planned.sets) applySet(s.prepared, at);
      for (const d of planned.deletes) {
        store.remove(d.target.ns, d.key, d.target.entity);
        writes++;
      }
    });
    return { status: 204 };
  }

  // ---- routing ------------------------------------------------------------------------------------

  function route(path: string, body: unknown): ProductResponse {
    if (path.startsWith('/api/v1/batch/')) {
      const op = path.slice('/api/v1/batch/'.length);
      if (op === 'set') return batchSet(body);
      if (op === 'get') return batchGet(body);
      if (op === 'delete') return batchDelete(body);
      throw errors.notFoundPath(path);
    }
    if (!isRecord(body)) throw errors.badRequest('the body must be a JSON object');
    switch (path) {
      case '/api/v1/get':
        return get({ ns: 'kvs' }, body);
      case '/api/v1/set':
        return set({ ns: 'kvs' }, body);
      case '/api/v1/delete':
        return remove({ ns: 'kvs' }, body);
      case '/api/v1/query':
        return kvsQuery(body);
      case '/api/v1/secret/get':
        return get({ ns: 'secret' }, body);
      case '/api/v1/secret/set':
        return set({ ns: 'secret' }, body);
      case '/api/v1/secret/delete':
        return remove({ ns: 'secret' }, body);
      case '/api/v1/entity/get':
        return get(targetOf('kvs', body.entityName ?? ''), body);
      case '/api/v1/entity/set':
        return set(targetOf('kvs', body.entityName ?? ''), body);
      case '/api/v1/entity/delete':
        return remove(targetOf('kvs', body.entityName ?? ''), body);
      case '/api/v1/entity/query':
        return entityQuery(body);
      case '/api/v1/transaction':
        return transaction(body);
      default:
        throw errors.notFoundPath(path);
    }
  }

  return {
    handle(req: ProductRequest): ProductResponse {
      try {
        if (req.method.toUpperCase() !== 'POST') {
          return {
            status: 405,
            body: { code: 'METHOD_NOT_ALLOWED', message: 'The KVS API only accepts POST.' },
          };
        }
        const at = now();
        if (at >= nextPurge) {
          store.purgeExpired(at);
          nextPurge = at + PURGE_EVERY_MS;
        }
        return route(req.path, req.body);
      } catch (e) {
        if (e instanceof KvsError) return { status: e.status, body: errorBody(e) };
        return {
          status: 500,
          body: {
            code: 'INTERNAL_SERVER_ERROR',
            message: 'An internal server error has occurred',
            detail: e instanceof Error ? e.message : String(e),
          },
        };
      }
    },
    reset() {
      store.reset();
      reads = 0;
      writes = 0;
    },
    counts: () => ({ reads, writes }),
  };
}
