/**
 * The emulated Confluence Cloud: the REST v2 subset Accord uses (spaces, pages with ADF bodies,
 * content properties, permitted operations, users-bulk) plus the v1 content permission check, with per-person
 * space access, optimistic locking on versions and Forge page events. Shapes follow
 * ../shared/reference/openapi/confluence-v2.json and are checked by test/contract.
 */
import type {
  EmitProductEvent,
  ProductRequest,
  ProductResponse,
  ProductService,
  SiteClock,
} from '../platform/product-service';
import {
  ConfluenceStore,
  PAGE_ORDERS,
  type ConfluenceSeed,
  type Database,
  type PageOrder,
  type PageRow,
  type PageStatus,
  type PropertyRow,
  type SpaceRow,
} from './confluence-store';
import { ALL_PEOPLE } from '../seed/people';
import { pageEvent, type PageEventType } from './confluence-events';
import { EMPTY_ADF, parseAdfValue, renderBody, type BodyRepresentation } from './page-body';

export type { ConfluenceSeed, SeedPage, SeedSpace, SpaceAccess } from './confluence-store';

export interface ConfluenceServiceOptions {
  db: Database;
  clock: SiteClock;
  emit: EmitProductEvent;
  /** Origin of the site, for `_links.base` and `Link` headers. */
  siteUrl?: string;
  /** The account id Confluence records for changes the app makes as itself. */
  appAccountId?: string;
}

export interface ConfluenceService extends ProductService {
  /** Deletes every space, page and property (the `confluence_` tables). */
  reset(): void;
  /** Writes seed content as is: no events, no permission checks. */
  seed(data: ConfluenceSeed): void;
  /** Requests handled since creation or the last reset. */
  counts(): { calls: number };
}

/** The app's own Confluence account, as the author of pages written with `asApp()`. */
export const CONFLUENCE_APP_ACCOUNT_ID = '557058:accord-app-0000-0000-000000000001';

const V2 = '/wiki/api/v2';
const V1 = '/wiki/rest/api';
const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 250;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const TITLES: Record<number, [string, string]> = {
  400: ['INVALID_REQUEST_PARAMETER', 'Bad Request'],
  401: ['UNAUTHORIZED', 'Unauthorized'],
  403: ['FORBIDDEN', 'Forbidden'],
  404: ['NOT_FOUND', 'Not Found'],
  405: ['METHOD_NOT_ALLOWED', 'Method Not Allowed'],
  409: ['CONFLICT', 'Conflict'],
};

/** v2 error body: `{ errors: [{ status, code, title, detail }] }`, as Confluence Cloud answers. */
function errorResponse(status: number, detail: string): ProductResponse {
  const [code, title] = TITLES[status] ?? ['ERROR', 'Error'];
  return { status, body: { errors: [{ status, code, title, detail }] } };
}

const bad = (message: string) => new HttpError(400, message);
const notFound = (what = 'The requested resource was not found') => new HttpError(404, what);

interface Ctx {
  req: ProductRequest;
  params: string[];
  /** The acting account; the app's account for asApp(). */
  actorId: string;
  /** undefined for the app (sees everything), else the person whose access applies. */
  viewer: string | undefined;
}

type Handler = (ctx: Ctx) => ProductResponse;

export function createConfluenceService(opts: ConfluenceServiceOptions): ConfluenceService {
  const store = new ConfluenceStore(opts.db);
  const appAccountId = opts.appAccountId ?? CONFLUENCE_APP_ACCOUNT_ID;
  const base = `${(opts.siteUrl ?? 'http://localhost:8787').replace(/\/$/, '')}/wiki`;
  let calls = 0;

  // --- permissions ---

  const canView = (spaceId: string, viewer: string | undefined): boolean =>
    viewer === undefined || store.access(spaceId, viewer) !== undefined;
  const canEdit = (spaceId: string, viewer: string | undefined): boolean =>
    viewer === undefined || store.access(spaceId, viewer) === 'edit';

  /** A page the caller may see; anything else is 404, as Confluence hides what you cannot view. */
  function visiblePage(
    id: string,
    viewer: string | undefined,
    statuses: PageStatus[] = ['current', 'archived'],
  ): PageRow {
    if (!/^\d+$/.test(id)) throw bad(`Page id must be a number: ${id}`);
    const page = store.page(id);
    if (!page || !statuses.includes(page.status) || !canView(page.space_id, viewer)) throw notFound();
    return page;
  }

  function requireEdit(page: PageRow, viewer: string | undefined): void {
    if (!canEdit(page.space_id, viewer))
      throw new HttpError(403, 'You do not have permission to edit this page');
  }

  // --- shapes ---

  const versionJson = (v: {
    number: number;
    createdAt: string;
    authorId: string;
    message: string;
    minor: boolean;
  }) => ({
    createdAt: v.createdAt,
    message: v.message,
    number: v.number,
    minorEdit: v.minor,
    authorId: v.authorId,
  });

  const pageVersion = (p: PageRow) =>
    versionJson({
      number: p.version_number,
      createdAt: p.version_created_at,
      authorId: p.version_author_id,
      message: p.version_message,
      minor: p.version_minor === 1,
    });

  function pageJson(
    p: PageRow,
    space: SpaceRow | undefined,
    bodyFormat: string | undefined,
    includeVersion = true,
  ) {
    const body = bodyFormat
      ? {
          [bodyFormat]: {
            representation: bodyFormat,
            value: renderBody({ representation: p.body_representation, value: p.body_value }, bodyFormat),
          },
        }
      : {};
    return {
      id: p.id,
      status: p.status,
      title: p.title,
      spaceId: p.space_id,
      parentId: p.parent_id,
      parentType: p.parent_id ? 'page' : null,
      position: p.position,
      authorId: p.author_id,
      ownerId: p.owner_id,
      lastOwnerId: null,
      createdAt: p.created_at,
      ...(includeVersion ? { version: pageVersion(p) } : {}),
      body,
      _links: {
        webui: `/spaces/${space?.key ?? p.space_id}/pages/${p.id}/${encodeURIComponent(p.title).replace(/%20/g, '+')}`,
        editui: `/pages/resumedraft.action?draftId=${p.id}`,
        tinyui: `/x/${Number(p.id).toString(36)}`,
      },
    };
  }

  function spaceJson(s: SpaceRow, descriptionFormat: string | undefined) {
    return {
      id: s.id,
      key: s.key,
      name: s.name,
      type: 'global',
      status: 'current',
      authorId: s.author_id,
      createdAt: s.created_at,
      ...(s.homepage_id ? { homepageId: s.homepage_id } : {}),
      ...(descriptionFormat
        ? {
            description: { [descriptionFormat]: { representation: descriptionFormat, value: s.description } },
          }
        : {}),
      _links: { webui: `/spaces/${s.key}` },
    };
  }

  const propertyJson = (p: PropertyRow) => ({
    id: p.id,
    key: p.key,
    value: JSON.parse(p.value) as unknown,
    version: versionJson({
      number: p.version_number,
      createdAt: p.version_created_at,
      authorId: p.version_author_id,
      message: p.version_message,
      minor: false,
    }),
  });

  function operationsOf(
    page: PageRow,
    viewer: string | undefined,
  ): { operation: string; targetType: string }[] {
    const ops = [{ operation: 'read', targetType: 'page' }];
    if (canEdit(page.space_id, viewer)) {
      ops.push({ operation: 'update', targetType: 'page' }, { operation: 'delete', targetType: 'page' });
    }
    return ops;
  }

  // --- query parameters ---

  const listParam = (q: URLSearchParams, name: string): string[] | undefined => {
    const values = q
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    return values.length ? values : undefined;
  };

  function paging(q: URLSearchParams): { offset: number; limit: number } {
    const rawLimit = q.get('limit');
    const limit = rawLimit === null ? DEFAULT_LIMIT : Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      throw bad(`limit must be between 1 and ${MAX_LIMIT}`);
    const cursor = q.get('cursor');
    if (cursor === null) return { offset: 0, limit };
    try {
      const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { offset?: unknown };
      if (typeof decoded.offset === 'number' && Number.isInteger(decoded.offset) && decoded.offset >= 0) {
        return { offset: decoded.offset, limit };
      }
    } catch {
      // falls through to the 400 below
    }
    throw bad('Invalid cursor');
  }

  /** A result page with `_links.next` and the `Link` header when more rows exist (fetch limit + 1). */
  function paged<T>(
    req: ProductRequest,
    rows: T[],
    page: { offset: number; limit: number },
    toJson: (row: T) => unknown,
  ): ProductResponse {
    const hasMore = rows.length > page.limit;
    const results = rows.slice(0, page.limit).map(toJson);
    const links: Record<string, string> = { base };
    const headers: Record<string, string> = {};
    if (hasMore) {
      const q = new URLSearchParams(req.query);
      q.set(
        'cursor',
        Buffer.from(JSON.stringify({ offset: page.offset + page.limit })).toString('base64url'),
      );
      links.next = `${req.path}?${q.toString()}`;
      headers.link = `<${links.next}>; rel="next", <${base}>; rel="base"`;
    }
    return { status: 200, headers, body: { results, _links: links } };
  }

  function bodyFormatParam(q: URLSearchParams, allowed: string[]): string | undefined {
    const format = q.get('body-format') ?? undefined;
    if (format !== undefined && !allowed.includes(format))
      throw bad(`body-format ${format} is not supported`);
    return format;
  }

  function statusesParam(q: URLSearchParams): PageStatus[] {
    const statuses = listParam(q, 'status') ?? ['current', 'archived'];
    for (const s of statuses) {
      if (!['current', 'archived', 'trashed', 'deleted', 'draft'].includes(s))
        throw bad(`Invalid status: ${s}`);
    }
    return statuses as PageStatus[];
  }

  function orderParam(q: URLSearchParams): PageOrder {
    const sort = q.get('sort') ?? 'id';
    if (!(PAGE_ORDERS as string[]).includes(sort)) throw bad(`Invalid sort: ${sort}`);
    return sort as PageOrder;
  }

  const spaceCache = (): ((id: string) => SpaceRow | undefined) => {
    const seen = new Map<string, SpaceRow | undefined>();
    return (id) => {
      if (!seen.has(id)) seen.set(id, store.space(id));
      return seen.get(id);
    };
  };

  // --- request bodies ---

  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);

  function jsonBody(req: ProductRequest): Record<string, unknown> {
    if (!isObject(req.body)) throw bad('The request body must be a JSON object');
    return req.body;
  }

  /** Accepts `{representation, value}` or `{atlas_doc_format: {...}}`/`{storage: {...}}`; normalises ADF. */
  function parseWriteBody(raw: unknown): { representation: BodyRepresentation; value: string } {
    if (!isObject(raw)) throw bad('body must be an object');
    let inner: Record<string, unknown> = raw;
    if (!('representation' in raw)) {
      const keys = Object.keys(raw);
      const only = keys[0];
      if (keys.length !== 1 || only === undefined || !isObject(raw[only]))
        throw bad('body must hold exactly one representation');
      inner = raw[only];
      if (inner.representation === undefined) inner = { ...inner, representation: only };
    }
    const { representation, value } = inner;
    if (typeof value !== 'string') throw bad('body.value must be a string');
    if (representation === 'atlas_doc_format') {
      const parsed = parseAdfValue(value);
      if ('error' in parsed) throw bad(parsed.error);
      return { representation, value: JSON.stringify(parsed.doc) };
    }
    if (representation === 'storage') return { representation, value };
    throw bad(`body representation ${String(representation)} is not supported by the emulated Confluence`);
  }

  /** An id field as JSON may carry it: a numeric string or a number; anything else is no id. */
  const idOf = (v: unknown): string | undefined =>
    typeof v === 'string' && /^\d+$/.test(v)
      ? v
      : typeof v === 'number' && Number.isSafeInteger(v)
        ? String(v)
        : undefined;

  function requireTitle(v: unknown): string {
    if (typeof v !== 'string' || v.trim() === '') throw bad('title is required');
    if (v.length > 255) throw bad('title must be at most 255 characters');
    return v;
  }

  function versionNumber(v: unknown): number {
    const n = isObject(v) ? v.number : undefined;
    if (typeof n !== 'number' || !Number.isInteger(n)) throw bad('version.number is required');
    return n;
  }

  function emitPage(eventType: PageEventType, page: PageRow, ctx: Ctx): void {
    const space = store.space(page.space_id);
    if (!space) return;
    opts.emit(
      pageEvent({
        eventType,
        page,
        space,
        actorAccountId: ctx.actorId,
        appAccountId,
        selfGenerated: ctx.req.selfGenerated,
        now: opts.clock.now(),
      }),
    );
  }

  // --- handlers ---

  const getSpaces: Handler = ({ req, viewer }) => {
    const q = req.query;
    const page = paging(q);
    const type = q.get('type');
    const status = q.get('status');
    // Every emulated space is a current global space.
    if ((type && type !== 'global') || (status && status !== 'current'))
      return paged(req, [], page, (s) => s);
    const rows = store.spaces({
      ids: listParam(q, 'ids'),
      keys: listParam(q, 'keys'),
      viewer,
      offset: page.offset,
      limit: page.limit + 1,
    });
    const descriptionFormat = q.get('description-format') ?? undefined;
    return paged(req, rows, page, (s) => spaceJson(s, descriptionFormat));
  };

  function visibleSpace(id: string, viewer: string | undefined): SpaceRow {
    if (!/^\d+$/.test(id)) throw bad(`Space id must be a number: ${id}`);
    const space = store.space(id);
    if (!space || !canView(space.id, viewer)) throw notFound();
    return space;
  }

  const getSpace: Handler = ({ req, params, viewer }) => {
    const space = visibleSpace(params[0]!, viewer);
    return {
      status: 200,
      body: {
        ...spaceJson(space, req.query.get('description-format') ?? undefined),
        _links: { webui: `/spaces/${space.key}`, base },
      },
    };
  };

  const getSpacePages: Handler = ({ req, params, viewer }) => {
    const space = visibleSpace(params[0]!, viewer);
    const q = req.query;
    const page = paging(q);
    const bodyFormat = bodyFormatParam(q, ['storage', 'atlas_doc_format']);
    const depth = q.get('depth') ?? 'all';
    if (depth !== 'all' && depth !== 'root') throw bad(`Invalid depth: ${depth}`);
    const rows = store.pages({
      spaceIds: [space.id],
      statuses: statusesParam(q),
      title: q.get('title') ?? undefined,
      rootOnly: depth === 'root',
      viewer,
      order: orderParam(q),
      offset: page.offset,
      limit: page.limit + 1,
    });
    return paged(req, rows, page, (p) => pageJson(p, space, bodyFormat));
  };

  const getPages: Handler = ({ req, viewer }) => {
    const q = req.query;
    const page = paging(q);
    const bodyFormat = bodyFormatParam(q, ['storage', 'atlas_doc_format']);
    const spaceOf = spaceCache();
    const rows = store.pages({
      ids: listParam(q, 'id'),
      spaceIds: listParam(q, 'space-id'),
      statuses: statusesParam(q),
      title: q.get('title') ?? undefined,
      viewer,
      order: orderParam(q),
      offset: page.offset,
      limit: page.limit + 1,
    });
    return paged(req, rows, page, (p) => pageJson(p, spaceOf(p.space_id), bodyFormat));
  };

  const getPage: Handler = ({ req, params, viewer }) => {
    const q = req.query;
    const statuses = (listParam(q, 'status') as PageStatus[] | undefined) ?? ['current', 'archived'];
    const page = visiblePage(params[0]!, viewer, statuses);
    const version = q.get('version');
    if (version !== null && Number(version) !== page.version_number) {
      // Only the current version is kept; older ones are not emulated.
      throw notFound(`Version ${version} of page ${page.id} is not available`);
    }
    const bodyFormat = bodyFormatParam(q, [
      'storage',
      'atlas_doc_format',
      'view',
      'export_view',
      'styled_view',
      'anonymous_export_view',
    ]);
    const json: Record<string, unknown> = pageJson(
      page,
      store.space(page.space_id),
      bodyFormat,
      q.get('include-version') !== 'false',
    );
    const meta = { hasMore: false };
    if (q.get('include-operations') === 'true')
      json.operations = { results: operationsOf(page, viewer), meta };
    if (q.get('include-properties') === 'true') {
      json.properties = {
        results: store.properties(page.id, { descending: false, offset: 0, limit: 50 }).map(propertyJson),
        meta,
      };
    }
    if (q.get('include-labels') === 'true') json.labels = { results: [], meta };
    json._links = { ...(json._links as object), base };
    return { status: 200, body: json };
  };

  const createPage: Handler = (ctx) => {
    const { req, viewer } = ctx;
    const body = jsonBody(req);
    const spaceId = idOf(body.spaceId);
    if (spaceId === undefined) throw bad('spaceId is required');
    const status = body.status ?? 'current';
    if (status !== 'current' && status !== 'draft') throw bad(`Invalid status: ${JSON.stringify(status)}`);
    const space = store.space(spaceId);
    if (!space || !canView(space.id, viewer)) throw notFound(`No space with id ${spaceId}`);
    if (!canEdit(space.id, viewer))
      throw new HttpError(403, 'You do not have permission to create pages in this space');
    const title = status === 'draft' && body.title === undefined ? '' : requireTitle(body.title);
    if (status === 'current' && store.pageByTitle(space.id, title)) {
      throw bad(
        `A page with this title already exists: A page already exists with the same TITLE in this space`,
      );
    }
    let parentId: string | null = null;
    if (body.parentId !== undefined && body.parentId !== null) {
      if (req.query.get('root-level') === 'true') throw bad('parentId cannot be given with root-level=true');
      const wanted = idOf(body.parentId);
      if (wanted === undefined) throw bad('parentId must be a page id');
      const parent = store.page(wanted);
      if (!parent || parent.space_id !== space.id || parent.status !== 'current')
        throw notFound(`No parent page ${wanted}`);
      parentId = parent.id;
    } else if (req.query.get('root-level') !== 'true') {
      parentId = space.homepage_id;
    }
    const written =
      body.body === undefined
        ? { representation: 'atlas_doc_format' as const, value: JSON.stringify(EMPTY_ADF) }
        : parseWriteBody(body.body);
    const now = opts.clock.now().toISOString();
    const page = store.transaction(() => {
      const row: PageRow = {
        id: store.nextId(),
        space_id: space.id,
        parent_id: parentId,
        title,
        status,
        author_id: ctx.actorId,
        owner_id: ctx.actorId,
        created_at: now,
        position: store.nextPosition(space.id, parentId),
        version_number: 1,
        version_created_at: now,
        version_author_id: ctx.actorId,
        version_message: '',
        version_minor: 0,
        body_representation: written.representation,
        body_value: written.value,
      };
      store.upsertPage(row);
      if (!space.homepage_id && parentId === null && status === 'current')
        store.upsertSpace({ ...space, homepage_id: row.id });
      return row;
    });
    if (page.status === 'current') emitPage('avi:confluence:created:page', page, ctx);
    return {
      status: 200,
      body: {
        ...pageJson(page, space, written.representation),
        _links: { ...pageJson(page, space, undefined)._links, base },
      },
    };
  };

  const updatePage: Handler = (ctx) => {
    const { req, params, viewer } = ctx;
    const id = params[0]!;
    const existing = visiblePage(id, viewer, ['current', 'archived', 'trashed']);
    const body = jsonBody(req);
    if (String(body.id) !== id) throw bad('The id in the body must match the page id in the path');
    if (body.status !== 'current') {
      throw bad(
        body.status === 'draft'
          ? 'Saving a published page as a draft is not supported by the emulated Confluence'
          : 'status must be current',
      );
    }
    requireEdit(existing, viewer);
    const number = versionNumber(body.version);
    if (number !== existing.version_number + 1) {
      throw new HttpError(
        409,
        `Version must be incremented on update. Current version is: ${existing.version_number}`,
      );
    }
    if (body.spaceId !== undefined && idOf(body.spaceId) !== existing.space_id) {
      throw bad('Moving a page to another space is not supported');
    }
    const title = requireTitle(body.title);
    const sameTitle = store.pageByTitle(existing.space_id, title);
    if (sameTitle && sameTitle.id !== id) throw bad('A page with this title already exists in this space');
    let parentId = existing.parent_id;
    if (body.parentId !== undefined && body.parentId !== null && idOf(body.parentId) !== existing.parent_id) {
      const wanted = idOf(body.parentId);
      if (wanted === undefined) throw bad('parentId must be a page id');
      parentId = wanted;
      for (let at: string | null = parentId; at !== null; at = store.page(at)?.parent_id ?? null) {
        if (at === id) throw bad('A page cannot be moved below itself');
      }
      const parent = store.page(parentId);
      if (!parent || parent.space_id !== existing.space_id)
        throw bad(`No parent page ${parentId} in this space`);
    }
    if (body.body === undefined) throw bad('body is required');
    const written = parseWriteBody(body.body);
    const message =
      isObject(body.version) && typeof body.version.message === 'string' ? body.version.message : '';
    const ownerId =
      typeof body.ownerId === 'string' && body.ownerId !== '' ? body.ownerId : existing.owner_id;
    const updated: PageRow = {
      ...existing,
      parent_id: parentId,
      title,
      // Putting a trashed page back to `current` restores it (the v2 spec's restore path).
      status: 'current',
      owner_id: ownerId,
      version_number: number,
      version_created_at: opts.clock.now().toISOString(),
      version_author_id: ctx.actorId,
      version_message: message,
      version_minor: 0,
      body_representation: written.representation,
      body_value: written.value,
    };
    if (!store.updatePageIfVersion(updated, existing.version_number)) {
      throw new HttpError(
        409,
        `Version must be incremented on update. Current version is: ${store.page(id)?.version_number ?? '?'}`,
      );
    }
    emitPage('avi:confluence:updated:page', updated, ctx);
    const space = store.space(updated.space_id);
    return {
      status: 200,
      body: {
        ...pageJson(updated, space, written.representation),
        _links: { ...pageJson(updated, space, undefined)._links, base },
      },
    };
  };

  const deletePage: Handler = (ctx) => {
    const { req, params, viewer } = ctx;
    const page = visiblePage(params[0]!, viewer, ['current', 'archived', 'trashed', 'draft']);
    requireEdit(page, viewer);
    const purge = req.query.get('purge') === 'true';
    if (purge) {
      if (page.status !== 'trashed') throw bad('Only a trashed page can be purged; delete it first');
      store.deletePage(page.id);
      emitPage('avi:confluence:deleted:page', page, ctx);
    } else {
      if (page.status === 'trashed') throw notFound();
      store.setPageStatus(page.id, 'trashed');
      emitPage('avi:confluence:trashed:page', { ...page, status: 'trashed' }, ctx);
    }
    return { status: 204 };
  };

  const getOperations: Handler = ({ params, viewer }) => {
    const page = visiblePage(params[0]!, viewer);
    return { status: 200, body: { operations: operationsOf(page, viewer) } };
  };

  const getProperties: Handler = ({ req, params, viewer }) => {
    const page = visiblePage(params[0]!, viewer);
    const q = req.query;
    const p = paging(q);
    const sort = q.get('sort') ?? 'key';
    if (sort !== 'key' && sort !== '-key') throw bad(`Invalid sort: ${sort}`);
    const rows = store.properties(page.id, {
      key: q.get('key') ?? undefined,
      descending: sort === '-key',
      offset: p.offset,
      limit: p.limit + 1,
    });
    return paged(req, rows, p, propertyJson);
  };

  function propertyValue(body: Record<string, unknown>): string {
    if (!('value' in body) || body.value === undefined) throw bad('value is required');
    const value = JSON.stringify(body.value);
    // Confluence caps a property value at 32 KB.
    if (value.length > 32_768) throw bad('value is larger than 32 KB');
    return value;
  }

  const createProperty: Handler = (ctx) => {
    const page = visiblePage(ctx.params[0]!, ctx.viewer);
    const body = jsonBody(ctx.req);
    const key = body.key;
    if (typeof key !== 'string' || key === '' || key.length > 255)
      throw bad('key is required (1 to 255 characters)');
    const value = propertyValue(body);
    requireEdit(page, ctx.viewer);
    if (store.propertyByKey(page.id, key))
      throw new HttpError(409, `A property with key ${key} already exists on page ${page.id}`);
    const row: PropertyRow = {
      id: store.nextId(),
      page_id: page.id,
      key,
      value,
      version_number: 1,
      version_created_at: opts.clock.now().toISOString(),
      version_author_id: ctx.actorId,
      version_message: '',
    };
    store.upsertProperty(row);
    return { status: 200, body: propertyJson(row) };
  };

  function existingProperty(ctx: Ctx): { page: PageRow; property: PropertyRow } {
    const page = visiblePage(ctx.params[0]!, ctx.viewer);
    const property = store.property(page.id, ctx.params[1]!);
    if (!property) throw notFound(`No property ${ctx.params[1]!} on page ${page.id}`);
    return { page, property };
  }

  const getProperty: Handler = (ctx) => ({ status: 200, body: propertyJson(existingProperty(ctx).property) });

  const updateProperty: Handler = (ctx) => {
    const { page, property } = existingProperty(ctx);
    const body = jsonBody(ctx.req);
    if (body.key !== undefined && body.key !== property.key) throw bad('The key of a property cannot change');
    const value = propertyValue(body);
    requireEdit(page, ctx.viewer);
    const number = versionNumber(body.version);
    const conflict = () =>
      new HttpError(
        409,
        `Version must be incremented on update. Current version is: ${store.property(page.id, property.id)?.version_number ?? '?'}`,
      );
    if (number !== property.version_number + 1) throw conflict();
    const updated: PropertyRow = {
      ...property,
      value,
      version_number: number,
      version_created_at: opts.clock.now().toISOString(),
      version_author_id: ctx.actorId,
      version_message:
        isObject(body.version) && typeof body.version.message === 'string' ? body.version.message : '',
    };
    if (!store.updatePropertyIfVersion(updated, property.version_number)) throw conflict();
    return { status: 200, body: propertyJson(updated) };
  };

  const deleteProperty: Handler = (ctx) => {
    const { page, property } = existingProperty(ctx);
    requireEdit(page, ctx.viewer);
    store.deleteProperty(page.id, property.id);
    return { status: 204 };
  };

  /**
   * v1 `POST /wiki/rest/api/content/{id}/permission/check`: v2 only tells the caller about itself
   * (`/pages/{id}/operations`), so checking another person (e.g. "can the Approver see this brief")
   * needs v1. Checking someone else requires admin rights; the app is treated as such.
   */
  const checkPermission: Handler = ({ req, params, viewer }) => {
    const page = visiblePage(params[0]!, viewer);
    const body = jsonBody(req);
    const subject = body.subject;
    const operation = body.operation;
    if (!isObject(subject) || typeof subject.identifier !== 'string' || typeof subject.type !== 'string') {
      throw bad('subject {type, identifier} is required');
    }
    if (subject.type !== 'user') throw bad('Only user subjects are supported by the emulated Confluence');
    if (operation !== 'read' && operation !== 'update' && operation !== 'delete')
      throw bad('operation must be read, update or delete');
    if (viewer !== undefined && subject.identifier !== viewer) {
      throw new HttpError(
        403,
        'Checking the permissions of another user requires the Confluence Administrator permission',
      );
    }
    const access = store.access(page.space_id, subject.identifier);
    const allowed = operation === 'read' ? access !== undefined : access === 'edit';
    const errors = allowed
      ? []
      : [
          {
            translation:
              access === undefined
                ? 'User does not have permission to the space'
                : 'User does not have permission to the content',
            args: [],
          },
        ];
    return { status: 200, body: { hasPermission: allowed, errors, _links: {} } };
  };

  /** `POST /users-bulk` `{ accountIds }`: the demo people (unknown ids are left out, as Confluence does). */
  const usersBulk: Handler = ({ req }) => {
    const ids = jsonBody(req).accountIds;
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string'))
      throw bad('accountIds must be a list of strings');
    const results = ALL_PEOPLE.filter((p) => ids.includes(p.accountId)).map((p) => ({
      accountId: p.accountId,
      accountType: 'atlassian',
      accountStatus: 'active',
      displayName: p.displayName,
      publicName: p.displayName,
      // Hidden by the demo people's privacy settings, as Accord must not rely on e-mail addresses.
      email: '',
      timeZone: p.timeZone,
      isExternalCollaborator: false,
      profilePicture: { path: `/wiki/aa-avatar/${p.accountId}`, isDefault: false },
    }));
    return { status: 200, body: { results, _links: { base } } };
  };

  const routes: { method: string; pattern: RegExp; handler: Handler }[] = [
    { method: 'POST', pattern: /^\/wiki\/api\/v2\/users-bulk$/, handler: usersBulk },
    { method: 'GET', pattern: /^\/wiki\/api\/v2\/spaces$/, handler: getSpaces },
    { method: 'GET', pattern: /^\/wiki\/api\/v2\/spaces\/([^/]+)$/, handler: getSpace },
    { method: 'GET', pattern: /^\/wiki\/api\/v2\/spaces\/([^/]+)\/pages$/, handler: getSpacePages },
    { method: 'GET', pattern: /^\/wiki\/api\/v2\/pages$/, handler: getPages },
    { method: 'POST', pattern: /^\/wiki\/api\/v2\/pages$/, handler: createPage },
    { method: 'GET', pattern: /^\/wiki\/api\/v2\/pages\/([^/]+)$/, handler: getPage },
    { method: 'PUT', pattern: /^\/wiki\/api\/v2\/pages\/([^/]+)$/, handler: updatePage },
    { method: 'DELETE', pattern: /^\/wiki\/api\/v2\/pages\/([^/]+)$/, handler: deletePage },
    { method: 'GET', pattern: /^\/wiki\/api\/v2\/pages\/([^/]+)\/operations$/, handler: getOperations },
    { method: 'GET', pattern: /^\/wiki\/api\/v2\/pages\/([^/]+)\/properties$/, handler: getProperties },
    { method: 'POST', pattern: /^\/wiki\/api\/v2\/pages\/([^/]+)\/properties$/, handler: createProperty },
    {
      method: 'GET',
      pattern: /^\/wiki\/api\/v2\/pages\/([^/]+)\/properties\/([^/]+)$/,
      handler: getProperty,
    },
    {
      method: 'PUT',
      pattern: /^\/wiki\/api\/v2\/pages\/([^/]+)\/properties\/([^/]+)$/,
      handler: updateProperty,
    },
    {
      method: 'DELETE',
      pattern: /^\/wiki\/api\/v2\/pages\/([^/]+)\/properties\/([^/]+)$/,
      handler: deleteProperty,
    },
    {
      method: 'POST',
      pattern: /^\/wiki\/rest\/api\/content\/([^/]+)\/permission\/check$/,
      handler: checkPermission,
    },
  ];

  function handle(req: ProductRequest): ProductResponse {
    calls++;
    const path = req.path.replace(/\/+$/, '');
    if (!path.startsWith(V2 + '/') && !path.startsWith(V1 + '/'))
      return errorResponse(404, `No Confluence API at ${req.path}`);
    const method = req.method.toUpperCase();
    let matched = false;
    for (const route of routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      matched = true;
      if (route.method !== method) continue;
      if (req.actor.kind === 'anonymous') return errorResponse(401, 'Authentication is required');
      const actorId = req.actor.kind === 'user' ? req.actor.accountId : appAccountId;
      const viewer = req.actor.kind === 'user' ? req.actor.accountId : undefined;
      const params = m.slice(1).map((p) => decodeURIComponent(p));
      try {
        return route.handler({ req, params, actorId, viewer });
      } catch (e) {
        if (e instanceof HttpError) return errorResponse(e.status, e.message);
        throw e;
      }
    }
    return matched
      ? errorResponse(405, `${method} is not allowed on ${req.path}`)
      : errorResponse(404, `No Confluence API at ${req.path}`);
  }

  function seed(data: ConfluenceSeed): void {
    store.transaction(() => {
      // Reserve every seeded id first, so ids allocated below (properties) cannot collide with them.
      for (const item of [...data.spaces, ...data.pages]) store.reserveId(item.id);
      for (const s of data.spaces) {
        store.upsertSpace({
          id: s.id,
          key: s.key,
          name: s.name,
          description: s.description ?? '',
          author_id: s.authorId,
          created_at: s.createdAt,
          homepage_id: s.homepageId ?? null,
        });
        for (const [accountId, access] of Object.entries(s.permissions))
          store.setAccess(s.id, accountId, access);
      }
      for (const p of data.pages) {
        let body: { representation: BodyRepresentation; value: string };
        if ('adf' in p.body) {
          const parsed = parseAdfValue(JSON.stringify(p.body.adf));
          if ('error' in parsed) throw new Error(`Seed page ${p.id}: ${parsed.error}`);
          body = { representation: 'atlas_doc_format', value: JSON.stringify(parsed.doc) };
        } else {
          body = { representation: 'storage', value: p.body.storage };
        }
        const parentId = p.parentId ?? null;
        store.upsertPage({
          id: p.id,
          space_id: p.spaceId,
          parent_id: parentId,
          title: p.title,
          status: p.status ?? 'current',
          author_id: p.authorId,
          owner_id: p.authorId,
          created_at: p.createdAt,
          position: store.nextPosition(p.spaceId, parentId),
          version_number: p.version?.number ?? 1,
          version_created_at: p.version?.createdAt ?? p.createdAt,
          version_author_id: p.version?.authorId ?? p.authorId,
          version_message: p.version?.message ?? '',
          version_minor: 0,
          body_representation: body.representation,
          body_value: body.value,
        });
        for (const prop of p.properties ?? []) {
          const existing = store.propertyByKey(p.id, prop.key);
          const id = existing?.id ?? store.nextId();
          store.upsertProperty({
            id,
            page_id: p.id,
            key: prop.key,
            value: JSON.stringify(prop.value),
            version_number: 1,
            version_created_at: p.createdAt,
            version_author_id: p.authorId,
            version_message: '',
          });
        }
      }
    });
  }

  return {
    handle,
    seed,
    reset() {
      store.reset();
      calls = 0;
    },
    counts: () => ({ calls }),
  };
}
