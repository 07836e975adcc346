/**
 * Durable state of the emulated Confluence: spaces, per-person space access, pages and content
 * properties in the site's SQLite file (tables prefixed `confluence_`). Confluence holds few rows next
 * to Jira, so every read goes to SQLite through prepared statements; no cache to keep coherent.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { AdfNode, BodyRepresentation } from './page-body';

export type Database = BetterSqlite3.Database;
export type SpaceAccess = 'view' | 'edit';
export type PageStatus = 'current' | 'draft' | 'archived' | 'trashed';

export interface SpaceRow {
  id: string;
  key: string;
  name: string;
  description: string;
  author_id: string;
  created_at: string;
  homepage_id: string | null;
}

export interface PageRow {
  id: string;
  space_id: string;
  parent_id: string | null;
  title: string;
  status: PageStatus;
  author_id: string;
  owner_id: string;
  created_at: string;
  position: number;
  version_number: number;
  version_created_at: string;
  version_author_id: string;
  version_message: string;
  version_minor: number;
  body_representation: BodyRepresentation;
  body_value: string;
}

export interface PropertyRow {
  id: string;
  page_id: string;
  key: string;
  value: string;
  version_number: number;
  version_created_at: string;
  version_author_id: string;
  version_message: string;
}

/** Demo or test content, written as is (no events, no permission checks). */
export interface ConfluenceSeed {
  spaces: SeedSpace[];
  pages: SeedPage[];
}

export interface SeedSpace {
  id: string;
  key: string;
  name: string;
  description?: string;
  authorId: string;
  createdAt: string;
  homepageId?: string;
  /** Access per account id; anyone not listed cannot see the space at all. */
  permissions: Record<string, SpaceAccess>;
}

export interface SeedPage {
  id: string;
  spaceId: string;
  parentId?: string;
  title: string;
  authorId: string;
  createdAt: string;
  status?: PageStatus;
  /** Version number the page is at (defaults to 1), with its author and time. */
  version?: { number: number; authorId?: string; createdAt?: string; message?: string };
  body: { adf: AdfNode } | { storage: string };
  properties?: { key: string; value: unknown }[];
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS confluence_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS confluence_spaces (
  id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
  author_id TEXT NOT NULL, created_at TEXT NOT NULL, homepage_id TEXT);
CREATE TABLE IF NOT EXISTS confluence_space_permissions (
  space_id TEXT NOT NULL, account_id TEXT NOT NULL, access TEXT NOT NULL CHECK (access IN ('view', 'edit')),
  PRIMARY KEY (space_id, account_id));
CREATE TABLE IF NOT EXISTS confluence_pages (
  id TEXT PRIMARY KEY, space_id TEXT NOT NULL, parent_id TEXT, title TEXT NOT NULL, status TEXT NOT NULL,
  author_id TEXT NOT NULL, owner_id TEXT NOT NULL, created_at TEXT NOT NULL, position INTEGER NOT NULL,
  version_number INTEGER NOT NULL, version_created_at TEXT NOT NULL, version_author_id TEXT NOT NULL,
  version_message TEXT NOT NULL DEFAULT '', version_minor INTEGER NOT NULL DEFAULT 0,
  body_representation TEXT NOT NULL, body_value TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS confluence_pages_by_space ON confluence_pages (space_id, status, title);
CREATE TABLE IF NOT EXISTS confluence_page_properties (
  id TEXT PRIMARY KEY, page_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
  version_number INTEGER NOT NULL, version_created_at TEXT NOT NULL, version_author_id TEXT NOT NULL,
  version_message TEXT NOT NULL DEFAULT '', UNIQUE (page_id, key));
`;

const TABLES = [
  'confluence_meta',
  'confluence_spaces',
  'confluence_space_permissions',
  'confluence_pages',
  'confluence_page_properties',
];

/** Content ids are numeric strings from one counter, like Confluence's; start high enough to look real. */
const FIRST_ID = 1_000_001;

export type PageOrder =
  'id' | '-id' | 'created-date' | '-created-date' | 'modified-date' | '-modified-date' | 'title' | '-title';
const ORDER_SQL: Record<PageOrder, string> = {
  id: 'CAST(id AS INTEGER) ASC',
  '-id': 'CAST(id AS INTEGER) DESC',
  'created-date': 'created_at ASC, CAST(id AS INTEGER) ASC',
  '-created-date': 'created_at DESC, CAST(id AS INTEGER) DESC',
  'modified-date': 'version_created_at ASC, CAST(id AS INTEGER) ASC',
  '-modified-date': 'version_created_at DESC, CAST(id AS INTEGER) DESC',
  title: 'title ASC, CAST(id AS INTEGER) ASC',
  '-title': 'title DESC, CAST(id AS INTEGER) DESC',
};
export const PAGE_ORDERS = Object.keys(ORDER_SQL) as PageOrder[];

export interface PageQuery {
  ids?: string[];
  spaceIds?: string[];
  statuses: PageStatus[];
  title?: string;
  rootOnly?: boolean;
  /** Only pages in spaces this person may view; undefined means no restriction (the app). */
  viewer?: string;
  order: PageOrder;
  offset: number;
  limit: number;
}

export class ConfluenceStore {
  constructor(private readonly db: Database) {
    db.exec(SCHEMA);
  }

  reset(): void {
    this.db.transaction(() => {
      for (const table of TABLES) this.db.prepare(`DELETE FROM ${table}`).run();
    })();
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  nextId(): string {
    const row = this.db.prepare(`SELECT value FROM confluence_meta WHERE key = 'next_id'`).get() as
      { value: string } | undefined;
    const id = row ? Number(row.value) : FIRST_ID;
    this.setNextId(id + 1);
    return String(id);
  }

  /** Keeps the counter above ids that arrived from a seed. */
  reserveId(id: string): void {
    const n = Number(id);
    if (!Number.isSafeInteger(n)) return;
    const row = this.db.prepare(`SELECT value FROM confluence_meta WHERE key = 'next_id'`).get() as
      { value: string } | undefined;
    if (!row || Number(row.value) <= n) this.setNextId(Math.max(n + 1, FIRST_ID));
  }

  private setNextId(n: number): void {
    this.db
      .prepare(
        `INSERT INTO confluence_meta (key, value) VALUES ('next_id', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .run(String(n));
  }

  // --- spaces and access ---

  upsertSpace(space: SpaceRow): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO confluence_spaces (id, key, name, description, author_id, created_at, homepage_id)
         VALUES (@id, @key, @name, @description, @author_id, @created_at, @homepage_id)`,
      )
      .run(space);
  }

  setAccess(spaceId: string, accountId: string, access: SpaceAccess | undefined): void {
    if (access === undefined) {
      this.db
        .prepare('DELETE FROM confluence_space_permissions WHERE space_id = ? AND account_id = ?')
        .run(spaceId, accountId);
    } else {
      this.db
        .prepare(
          'INSERT OR REPLACE INTO confluence_space_permissions (space_id, account_id, access) VALUES (?, ?, ?)',
        )
        .run(spaceId, accountId, access);
    }
  }

  access(spaceId: string, accountId: string): SpaceAccess | undefined {
    const row = this.db
      .prepare('SELECT access FROM confluence_space_permissions WHERE space_id = ? AND account_id = ?')
      .get(spaceId, accountId) as { access: SpaceAccess } | undefined;
    return row?.access;
  }

  space(id: string): SpaceRow | undefined {
    return this.db.prepare('SELECT * FROM confluence_spaces WHERE id = ?').get(id) as SpaceRow | undefined;
  }

  spaces(filter: {
    ids?: string[];
    keys?: string[];
    viewer?: string;
    offset: number;
    limit: number;
  }): SpaceRow[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.ids) {
      where.push(`id IN (${filter.ids.map(() => '?').join(',')})`);
      args.push(...filter.ids);
    }
    if (filter.keys) {
      where.push(`key IN (${filter.keys.map(() => '?').join(',')})`);
      args.push(...filter.keys);
    }
    if (filter.viewer !== undefined) {
      where.push('id IN (SELECT space_id FROM confluence_space_permissions WHERE account_id = ?)');
      args.push(filter.viewer);
    }
    const sql = `SELECT * FROM confluence_spaces ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
                 ORDER BY CAST(id AS INTEGER) LIMIT ? OFFSET ?`;
    return this.db.prepare(sql).all(...args, filter.limit, filter.offset) as SpaceRow[];
  }

  // --- pages ---

  page(id: string): PageRow | undefined {
    return this.db.prepare('SELECT * FROM confluence_pages WHERE id = ?').get(id) as PageRow | undefined;
  }

  pages(q: PageQuery): PageRow[] {
    const where: string[] = [`status IN (${q.statuses.map(() => '?').join(',')})`];
    const args: unknown[] = [...q.statuses];
    if (q.ids) {
      where.push(`id IN (${q.ids.map(() => '?').join(',')})`);
      args.push(...q.ids);
    }
    if (q.spaceIds) {
      where.push(`space_id IN (${q.spaceIds.map(() => '?').join(',')})`);
      args.push(...q.spaceIds);
    }
    if (q.title !== undefined) {
      where.push('title = ?');
      args.push(q.title);
    }
    if (q.rootOnly) where.push('parent_id IS NULL');
    if (q.viewer !== undefined) {
      where.push('space_id IN (SELECT space_id FROM confluence_space_permissions WHERE account_id = ?)');
      args.push(q.viewer);
    }
    const sql = `SELECT * FROM confluence_pages WHERE ${where.join(' AND ')} ORDER BY ${ORDER_SQL[q.order]} LIMIT ? OFFSET ?`;
    return this.db.prepare(sql).all(...args, q.limit, q.offset) as PageRow[];
  }

  /** A current page of that title in the space (titles are unique per space in Confluence). */
  pageByTitle(spaceId: string, title: string): PageRow | undefined {
    return this.db
      .prepare(
        `SELECT * FROM confluence_pages WHERE space_id = ? AND title = ? AND status IN ('current', 'archived')`,
      )
      .get(spaceId, title) as PageRow | undefined;
  }

  nextPosition(spaceId: string, parentId: string | null): number {
    const row = this.db
      .prepare('SELECT MAX(position) AS p FROM confluence_pages WHERE space_id = ? AND parent_id IS ?')
      .get(spaceId, parentId) as { p: number | null };
    return (row.p ?? -1) + 1;
  }

  upsertPage(page: PageRow): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO confluence_pages (id, space_id, parent_id, title, status, author_id, owner_id, created_at,
           position, version_number, version_created_at, version_author_id, version_message, version_minor,
           body_representation, body_value)
         VALUES (@id, @space_id, @parent_id, @title, @status, @author_id, @owner_id, @created_at, @position,
           @version_number, @version_created_at, @version_author_id, @version_message, @version_minor,
           @body_representation, @body_value)`,
      )
      .run(page);
  }

  /** Writes a new version only if the stored one is still `expectedVersion` (optimistic lock). */
  updatePageIfVersion(page: PageRow, expectedVersion: number): boolean {
    const result = this.db
      .prepare(
        `UPDATE confluence_pages SET parent_id = @parent_id, title = @title, status = @status, owner_id = @owner_id,
           version_number = @version_number, version_created_at = @version_created_at,
           version_author_id = @version_author_id, version_message = @version_message, version_minor = @version_minor,
           body_representation = @body_representation, body_value = @body_value
         WHERE id = @id AND version_number = @expected`,
      )
      .run({ ...page, expected: expectedVersion });
    return result.changes === 1;
  }

  setPageStatus(id: string, status: PageStatus): void {
    this.db.prepare('UPDATE confluence_pages SET status = ? WHERE id = ?').run(status, id);
  }

  deletePage(id: string): void {
    this.db.prepare('DELETE FROM confluence_page_properties WHERE page_id = ?').run(id);
    this.db.prepare('DELETE FROM confluence_pages WHERE id = ?').run(id);
  }

  // --- content properties ---

  property(pageId: string, id: string): PropertyRow | undefined {
    return this.db
      .prepare('SELECT * FROM confluence_page_properties WHERE page_id = ? AND id = ?')
      .get(pageId, id) as PropertyRow | undefined;
  }

  propertyByKey(pageId: string, key: string): PropertyRow | undefined {
    return this.db
      .prepare('SELECT * FROM confluence_page_properties WHERE page_id = ? AND key = ?')
      .get(pageId, key) as PropertyRow | undefined;
  }

  properties(
    pageId: string,
    q: { key?: string; descending: boolean; offset: number; limit: number },
  ): PropertyRow[] {
    const args: unknown[] = [pageId];
    let where = 'page_id = ?';
    if (q.key !== undefined) {
      where += ' AND key = ?';
      args.push(q.key);
    }
    return this.db
      .prepare(
        `SELECT * FROM confluence_page_properties WHERE ${where} ORDER BY key ${q.descending ? 'DESC' : 'ASC'} LIMIT ? OFFSET ?`,
      )
      .all(...args, q.limit, q.offset) as PropertyRow[];
  }

  upsertProperty(p: PropertyRow): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO confluence_page_properties (id, page_id, key, value, version_number, version_created_at,
           version_author_id, version_message)
         VALUES (@id, @page_id, @key, @value, @version_number, @version_created_at, @version_author_id, @version_message)`,
      )
      .run(p);
  }

  updatePropertyIfVersion(p: PropertyRow, expectedVersion: number): boolean {
    return (
      this.db
        .prepare(
          `UPDATE confluence_page_properties SET key = @key, value = @value, version_number = @version_number,
             version_created_at = @version_created_at, version_author_id = @version_author_id,
             version_message = @version_message
           WHERE id = @id AND page_id = @page_id AND version_number = @expected`,
        )
        .run({ ...p, expected: expectedVersion }).changes === 1
    );
  }

  deleteProperty(pageId: string, id: string): boolean {
    return (
      this.db.prepare('DELETE FROM confluence_page_properties WHERE page_id = ? AND id = ?').run(pageId, id)
        .changes === 1
    );
  }
}
