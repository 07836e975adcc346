/**
 * The SQLite side of the emulated KVS. Everything lives in `kvs_` tables of the site database:
 *
 * - `kvs_items`: one row per stored key. `ns` separates plain KVS (`kvs`), secrets (`secret`) and each
 *   custom entity (`entity/<name>`: `/` cannot occur in an entity name).
 * - `kvs_index_entries`: one row per (entity, declared index, item) with the item's partition values
 *   (as JSON) and range value; its primary key is the index, so an index query is one B-tree range scan.
 *   Items lacking an index's attributes have no entry in it (sparse indexes, like Forge's).
 * - `kvs_index_meta`: the definition each index was built from; a changed manifest rebuilds it.
 *
 * Expired rows (TTL on the site clock) are hidden from every read at once and purged lazily.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { ResolvedEntity, ResolvedIndex } from './entity-definitions';
import type { RangeCondition, Scalar } from './kvs-conditions';

export interface StoredItem {
  key: string;
  /** JSON text. */
  value: string;
  createdAt: number;
  updatedAt: number;
  expireAt: number | null;
}

export interface ScanRow extends StoredItem {
  /** The index's range value (custom indexes only). */
  rng?: number | string;
}

/** SQLite's own value for an index attribute: booleans become 0/1 so they sort and bind. */
export type IndexValue = number | string;

export interface Scan {
  ns: string;
  /** A custom index, or undefined to scan by key. */
  index?: { entity: string; def: ResolvedIndex; partition: string };
  range?: RangeCondition;
  /** Exclusive start: [rng, key] for a custom index, [key] for a key scan. */
  after?: [IndexValue, string] | [string];
  desc: boolean;
  limit: number;
  now: number;
}

export const toIndexValue = (v: Scalar): IndexValue => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
export const partitionText = (values: Scalar[]): string => JSON.stringify(values.map(toIndexValue));

/** Larger than any string beginning with the prefix (U+10FFFF sorts after every other code point in UTF-8). */
const PREFIX_END = '\u{10FFFF}';

export const entityNs = (entity: string) => `entity/${entity}`;

export class KvsStore {
  private readonly statements = new Map<string, Statement>();
  private readonly getStmt: Statement<[string, string, number], StoredItemRow>;
  private readonly upsertStmt: Statement<[string, string, string, number, number, number | null]>;
  private readonly deleteStmt: Statement<[string, string]>;
  private readonly deleteEntriesStmt: Statement<[string, string]>;
  private readonly insertEntryStmt: Statement<[string, string, string, IndexValue, string, number | null]>;

  constructor(
    private readonly db: Database,
    private readonly entities: Map<string, ResolvedEntity>,
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS kvs_items (
        ns TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        expire_at INTEGER,
        PRIMARY KEY (ns, key)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS kvs_items_expiry ON kvs_items (expire_at) WHERE expire_at IS NOT NULL;
      CREATE TABLE IF NOT EXISTS kvs_index_entries (
        entity TEXT NOT NULL,
        idx TEXT NOT NULL,
        part TEXT NOT NULL,
        rng BLOB NOT NULL, -- BLOB affinity: numbers stay numbers, text stays text, nothing is converted
        key TEXT NOT NULL,
        expire_at INTEGER,
        PRIMARY KEY (entity, idx, part, rng, key)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS kvs_index_entries_by_item ON kvs_index_entries (entity, key);
      CREATE TABLE IF NOT EXISTS kvs_index_meta (
        entity TEXT NOT NULL,
        idx TEXT NOT NULL,
        signature TEXT NOT NULL,
        PRIMARY KEY (entity, idx)
      ) WITHOUT ROWID;
    `);
    this.getStmt = db.prepare(
      `SELECT key, value, created_at, updated_at, expire_at FROM kvs_items
       WHERE ns = ? AND key = ? AND (expire_at IS NULL OR expire_at > ?)`,
    );
    this.upsertStmt = db.prepare(
      `INSERT INTO kvs_items (ns, key, value, created_at, updated_at, expire_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at,
         updated_at = excluded.updated_at, expire_at = excluded.expire_at`,
    );
    this.deleteStmt = db.prepare('DELETE FROM kvs_items WHERE ns = ? AND key = ?');
    // INDEXED BY: without ANALYZE statistics SQLite would pick the primary key's (entity) prefix and scan.
    this.deleteEntriesStmt = db.prepare(
      'DELETE FROM kvs_index_entries INDEXED BY kvs_index_entries_by_item WHERE entity = ? AND key = ?',
    );
    this.insertEntryStmt = db.prepare(
      'INSERT OR REPLACE INTO kvs_index_entries (entity, idx, part, rng, key, expire_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.syncIndexes();
  }

  /** Runs `fn` atomically: a thrown error rolls every write back. */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  get(ns: string, key: string, now: number): StoredItem | undefined {
    const row = this.getStmt.get(ns, key, now);
    return row && fromRow(row);
  }

  /** Writes an item (and, for an entity, its index entries). `parsed` is the entity value as an object. */
  put(ns: string, item: StoredItem, entity?: ResolvedEntity, parsed?: Record<string, unknown>): void {
    this.upsertStmt.run(ns, item.key, item.value, item.createdAt, item.updatedAt, item.expireAt);
    if (entity && parsed) {
      this.deleteEntriesStmt.run(entity.name, item.key);
      this.writeEntries(entity, item.key, parsed, item.expireAt);
    }
  }

  remove(ns: string, key: string, entity?: ResolvedEntity): void {
    this.deleteStmt.run(ns, key);
    if (entity) this.deleteEntriesStmt.run(entity.name, key);
  }

  /** One page of a key scan or an index scan, in index order, expired rows excluded. */
  scan(s: Scan): ScanRow[] {
    const { sql, params } = this.scanSql(s);
    return (this.prepared(sql).all(...params) as StoredItemRow[]).map(fromRow);
  }

  /** SQLite's plan for a scan (tests use it to prove index queries never scan a whole table). */
  explain(s: Scan): string[] {
    const { sql, params } = this.scanSql(s);
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map(
      (r) => r.detail,
    );
  }

  /** Deletes rows whose TTL has passed (reads already ignore them). */
  purgeExpired(now: number): void {
    this.db.prepare('DELETE FROM kvs_items WHERE expire_at IS NOT NULL AND expire_at <= ?').run(now);
    this.db.prepare('DELETE FROM kvs_index_entries WHERE expire_at IS NOT NULL AND expire_at <= ?').run(now);
  }

  reset(): void {
    this.db.exec('DELETE FROM kvs_items; DELETE FROM kvs_index_entries;');
  }

  private scanSql(s: Scan): { sql: string; params: Array<string | number> } {
    const dir = s.desc ? 'DESC' : 'ASC';
    const cmp = s.desc ? '<' : '>';
    if (!s.index) {
      const where = ['ns = ?', '(expire_at IS NULL OR expire_at > ?)'];
      const params: Array<string | number> = [s.ns, s.now];
      rangeSql('key', s.range, where, params);
      if (s.after) {
        where.push(`key ${cmp} ?`);
        params.push(s.after[0]);
      }
      params.push(s.limit);
      return {
        sql: `SELECT key, value, created_at, updated_at, expire_at FROM kvs_items
              WHERE ${where.join(' AND ')} ORDER BY key ${dir} LIMIT ?`,
        params,
      };
    }
    const where = ['i.entity = ?', 'i.idx = ?', 'i.part = ?', '(i.expire_at IS NULL OR i.expire_at > ?)'];
    const params: Array<string | number> = [s.ns, s.index.entity, s.index.def.name, s.index.partition, s.now];
    rangeSql('i.rng', s.range, where, params);
    if (s.after && s.after.length === 2) {
      // A row-value comparison keeps the scan a single range seek on the primary key.
      where.push(`(i.rng, i.key) ${cmp} (?, ?)`);
      params.push(s.after[0], s.after[1]);
    }
    params.push(s.limit);
    return {
      sql: `SELECT i.rng AS rng, i.key AS key, t.value AS value, t.created_at AS created_at,
                   t.updated_at AS updated_at, t.expire_at AS expire_at
            FROM kvs_index_entries i JOIN kvs_items t ON t.ns = ? AND t.key = i.key
            WHERE ${where.join(' AND ')} ORDER BY i.rng ${dir}, i.key ${dir} LIMIT ?`,
      params,
    };
  }

  private prepared(sql: string): Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  private writeEntries(
    entity: ResolvedEntity,
    key: string,
    value: Record<string, unknown>,
    expireAt: number | null,
  ) {
    for (const idx of entity.indexes.values()) this.writeEntry(entity.name, idx, key, value, expireAt);
  }

  private writeEntry(
    entity: string,
    idx: ResolvedIndex,
    key: string,
    value: Record<string, unknown>,
    expireAt: number | null,
  ) {
    const attrs = [...idx.partition, idx.range].map((a) => value[a]);
    if (attrs.some((v) => v === undefined || v === null)) return;
    const partition = idx.partition.map((a) => value[a] as Scalar);
    this.insertEntryStmt.run(
      entity,
      idx.name,
      partitionText(partition),
      toIndexValue(value[idx.range] as Scalar),
      key,
      expireAt,
    );
  }

  /** Builds index entries for indexes that are new or changed since the database was last opened. */
  private syncIndexes(): void {
    const stored = this.db.prepare('SELECT entity, idx, signature FROM kvs_index_meta').all() as Array<{
      entity: string;
      idx: string;
      signature: string;
    }>;
    const storedSig = new Map(stored.map((r) => [`${r.entity}\u0000${r.idx}`, r.signature]));
    this.atomically(() => {
      for (const r of stored) {
        if (!this.entities.get(r.entity)?.indexes.has(r.idx)) {
          this.db.prepare('DELETE FROM kvs_index_entries WHERE entity = ? AND idx = ?').run(r.entity, r.idx);
          this.db.prepare('DELETE FROM kvs_index_meta WHERE entity = ? AND idx = ?').run(r.entity, r.idx);
        }
      }
      for (const entity of this.entities.values()) {
        for (const idx of entity.indexes.values()) {
          if (storedSig.get(`${entity.name}\u0000${idx.name}`) === idx.signature) continue;
          this.db
            .prepare('DELETE FROM kvs_index_entries WHERE entity = ? AND idx = ?')
            .run(entity.name, idx.name);
          const rows = this.db
            .prepare('SELECT key, value, expire_at FROM kvs_items WHERE ns = ?')
            .iterate(entityNs(entity.name)) as IterableIterator<{
            key: string;
            value: string;
            expire_at: number | null;
          }>;
          const all = [...rows];
          for (const row of all) {
            this.writeEntry(
              entity.name,
              idx,
              row.key,
              JSON.parse(row.value) as Record<string, unknown>,
              row.expire_at,
            );
          }
          this.db
            .prepare('INSERT OR REPLACE INTO kvs_index_meta (entity, idx, signature) VALUES (?, ?, ?)')
            .run(entity.name, idx.name, idx.signature);
        }
      }
    });
  }
}

interface StoredItemRow {
  key: string;
  value: string;
  created_at: number;
  updated_at: number;
  expire_at: number | null;
  rng?: number | string;
}

function fromRow(r: StoredItemRow): ScanRow {
  return {
    key: r.key,
    value: r.value,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    expireAt: r.expire_at,
    ...(r.rng !== undefined ? { rng: r.rng } : {}),
  };
}

function rangeSql(
  col: string,
  range: RangeCondition | undefined,
  where: string[],
  params: Array<string | number>,
) {
  if (!range) return;
  const [a, b] = range.values.map(toIndexValue) as [IndexValue, IndexValue | undefined];
  switch (range.condition) {
    case 'EQUAL_TO':
      where.push(`${col} = ?`);
      params.push(a);
      return;
    case 'GREATER_THAN':
      where.push(`${col} > ?`);
      params.push(a);
      return;
    case 'GREATER_THAN_EQUAL_TO':
      where.push(`${col} >= ?`);
      params.push(a);
      return;
    case 'LESS_THAN':
      where.push(`${col} < ?`);
      params.push(a);
      return;
    case 'LESS_THAN_EQUAL_TO':
      where.push(`${col} <= ?`);
      params.push(a);
      return;
    case 'BETWEEN':
      where.push(`${col} >= ?`, `${col} <= ?`);
      params.push(a, b as IndexValue);
      return;
    case 'BEGINS_WITH':
      where.push(`${col} >= ?`, `${col} < ?`);
      params.push(String(a), `${String(a)}${PREFIX_END}`);
      return;
  }
}
