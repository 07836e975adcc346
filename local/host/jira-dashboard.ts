/**
 * The local site's Jira dashboard (`/jira/dashboards/:dashboardId`) hosting the manifest's
 * `jira:dashboardGadget` modules, each with an "Edit" action that opens the gadget's edit view
 * (`extension.entryPoint: 'edit'`); the edit view's `view.submit(config)` is stored per gadget through
 * `POST /host/jira/dashboards/:dashboardId/gadgets/:itemId/config` and handed back as
 * `extension.gadgetConfiguration`. Also the Jira issue search page (`/issues/?jql=`) that "open in Jira
 * search" links land on, listing `search/jql` as the viewer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Database from 'better-sqlite3';
import type { SiteRouter } from '../platform/router';
import { hostLink, html, page, viewerFrom, type Viewer } from './html';
import { modulesOfType } from './manifest-modules';
import { productErrorText, productFetchFor } from './product-fetch';

/** Where gadget configurations live: the site's SQLite when given, else memory for the site's life. */
export interface GadgetConfigStore {
  get(dashboardId: string, itemId: string): Record<string, unknown> | undefined;
  set(dashboardId: string, itemId: string, config: Record<string, unknown>): void;
}

export function gadgetConfigStore(db?: Database.Database): GadgetConfigStore {
  if (!db) {
    const memory = new Map<string, Record<string, unknown>>();
    return {
      get: (d, i) => memory.get(`${d}/${i}`),
      set: (d, i, config) => void memory.set(`${d}/${i}`, config),
    };
  }
  db.exec(`CREATE TABLE IF NOT EXISTS host_gadget_config (
    dashboard_id TEXT NOT NULL, item_id TEXT NOT NULL, config TEXT NOT NULL,
    PRIMARY KEY (dashboard_id, item_id))`);
  const read = db.prepare('SELECT config FROM host_gadget_config WHERE dashboard_id = ? AND item_id = ?');
  const write = db.prepare(
    `INSERT INTO host_gadget_config (dashboard_id, item_id, config) VALUES (?, ?, ?)
     ON CONFLICT (dashboard_id, item_id) DO UPDATE SET config = excluded.config`,
  );
  return {
    get: (d, i) => {
      const row = read.get(d, i) as { config: string } | undefined;
      return row ? (JSON.parse(row.config) as Record<string, unknown>) : undefined;
    },
    set: (d, i, config) => void write.run(d, i, JSON.stringify(config)),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A gadget configuration is small (Jira stores it as a dashboard item property). */
const MAX_CONFIG_BYTES = 8 * 1024;

function sendHtml(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}
function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : undefined;
}

interface HostDeps {
  manifest: unknown;
  store: GadgetConfigStore;
  /** Context fields every host page carries (viewer, cloud id, environment, app id). */
  common: (viewer: Viewer) => Record<string, unknown>;
}

type Manifest = Parameters<typeof modulesOfType>[0];

export function mountJiraDashboard(router: SiteRouter, deps: HostDeps): void {
  const manifest = deps.manifest as Manifest;

  router.add('GET', '/jira/dashboards/:dashboardId', (_req, res, params, url) => {
    const viewer = viewerFrom(url);
    const dashboardId = params.dashboardId ?? '';
    const currentPath = `/jira/dashboards/${encodeURIComponent(dashboardId)}`;
    if (!SAFE_ID.test(dashboardId)) {
      return sendHtml(
        res,
        404,
        page({
          title: 'Dashboard',
          viewer,
          currentPath,
          product: 'jira',
          body: html`<p>No such dashboard.</p>`,
          data: deps.common(viewer),
        }),
      );
    }
    const editing = url.searchParams.get('edit');
    const gadgets = modulesOfType(manifest, 'jira:dashboardGadget').filter((m) => m.resource);
    const frames = gadgets.map((m) => {
      const itemId = `${m.key}-1`;
      const edit =
        isRecord(m.raw.edit) && typeof m.raw.edit.resource === 'string' ? m.raw.edit.resource : undefined;
      const isEditing = editing === itemId && edit !== undefined;
      const config = deps.store.get(dashboardId, itemId) ?? {};
      return {
        id: `gadget-${itemId}`,
        moduleKey: m.key,
        moduleType: m.type,
        resourceKey: isEditing ? (edit ?? '') : (m.resource ?? ''),
        ...(m.functionKey ? { functionKey: m.functionKey } : {}),
        localId: itemId,
        extension: {
          type: m.type,
          gadget: { id: itemId },
          dashboard: { id: dashboardId },
          gadgetConfiguration: config,
          ...(isEditing ? { entryPoint: 'edit' } : {}),
        },
        gadget: { dashboardId, itemId, editing: isEditing, canEdit: edit !== undefined },
        title: m.title,
      };
    });
    const body = html`<h1>Dashboard ${dashboardId}</h1>
      ${frames.length === 0 ? html`<p class="host-muted">The manifest has no dashboard gadgets.</p>` : ''}
      <div class="host-dashboard">
        ${frames.map(
          (f) =>
            html`<section class="host-gadget" aria-label="${f.title}" data-gadget="${f.localId}">
              <header class="host-gadget-bar">
                <h2>${f.title}</h2>
                ${
                  f.gadget.canEdit && !f.gadget.editing
                    ? html`<a
                        class="host-gadget-edit"
                        href="${hostLink(currentPath, viewer, { edit: f.localId })}"
                        >Edit</a
                      >`
                    : ''
                }
              </header>
              <iframe
                class="host-frame host-frame-page"
                data-frame="${f.id}"
                title="${f.title}${f.gadget.editing ? ' (edit)' : ''}"
                src="/static/${encodeURIComponent(f.resourceKey)}/index.html?frame=${encodeURIComponent(f.id)}"
              ></iframe>
            </section>`,
        )}
      </div>`;
    sendHtml(
      res,
      200,
      page({
        title: `Dashboard ${dashboardId}`,
        viewer,
        currentPath,
        product: 'jira',
        body,
        data: { ...deps.common(viewer), frames },
      }),
    );
  });

  router.add(
    'POST',
    '/host/jira/dashboards/:dashboardId/gadgets/:itemId/config',
    async (req, res, params) => {
      const dashboardId = params.dashboardId ?? '';
      const itemId = params.itemId ?? '';
      const body = await readJson(req).catch(() => undefined);
      if (!SAFE_ID.test(dashboardId) || !SAFE_ID.test(itemId) || !isRecord(body) || !isRecord(body.config)) {
        return sendJson(res, 400, { ok: false, message: 'Send {config: {...}} for a dashboard gadget.' });
      }
      if (JSON.stringify(body.config).length > MAX_CONFIG_BYTES) {
        return sendJson(res, 400, { ok: false, message: 'A gadget configuration must stay under 8 KB.' });
      }
      deps.store.set(dashboardId, itemId, body.config);
      sendJson(res, 200, { ok: true });
    },
  );

  // The issue search that every "open in Jira search" link lands on, run as the viewer.
  router.add('GET', '/issues', async (req, res, _params, url) => {
    const viewer = viewerFrom(url);
    const jql = url.searchParams.get('jql') ?? '';
    const currentPath = '/issues/';
    const get = productFetchFor(req, viewer.person.accountId);
    const query = new URLSearchParams({ jql, fields: 'summary,status,assignee', maxResults: '50' });
    const answer = jql.trim()
      ? await get<{
          issues?: Array<{
            key: string;
            fields?: {
              summary?: string;
              status?: { name?: string };
              assignee?: { displayName?: string } | null;
            };
          }>;
          isLast?: boolean;
        }>(`/rest/api/3/search/jql?${query.toString()}`)
      : undefined;
    const issues = answer?.status === 200 ? (answer.body?.issues ?? []) : [];
    const result = !answer
      ? html`<p class="host-muted">Type a JQL query to search.</p>`
      : answer.status !== 200
        ? html`<section class="host-error" role="alert">
            <h2>The search failed</h2>
            <p>${productErrorText(answer.body) || `Jira answered ${answer.status}.`}</p>
          </section>`
        : html`<p data-testid="search-count">
              ${issues.length}${answer.body?.isLast === false ? '+' : ''}
              ${issues.length === 1 ? 'issue' : 'issues'}
            </p>
            <table class="host-search-results">
              <thead>
                <tr>
                  <th scope="col">Key</th>
                  <th scope="col">Summary</th>
                  <th scope="col">Status</th>
                  <th scope="col">Assignee</th>
                </tr>
              </thead>
              <tbody>
                ${issues.map(
                  (i) =>
                    html`<tr data-issue="${i.key}">
                      <td>
                        <a href="${hostLink(`/jira/browse/${encodeURIComponent(i.key)}`, viewer)}"
                          >${i.key}</a
                        >
                      </td>
                      <td>${i.fields?.summary ?? ''}</td>
                      <td>${i.fields?.status?.name ?? ''}</td>
                      <td>${i.fields?.assignee?.displayName ?? 'Unassigned'}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`;
    const body = html`<h1>Search issues</h1>
      <form method="get" action="/issues/" class="host-search-form">
        <input type="hidden" name="as" value="${viewer.name}" />
        <label for="host-jql">JQL</label>
        <input id="host-jql" name="jql" value="${jql}" size="80" />
        <button type="submit">Search</button>
      </form>
      ${result}`;
    sendHtml(
      res,
      answer && answer.status !== 200 ? 400 : 200,
      page({ title: 'Search issues', viewer, currentPath, product: 'jira', body, data: deps.common(viewer) }),
    );
  });
}
