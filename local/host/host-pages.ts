/**
 * The local site's host pages: a Jira-like issue view, a Confluence-like page, generic Jira app pages and
 * an index, each placing the manifest's Custom UI modules in iframes of their real builds. The iframes talk
 * to the page through the bridge shim (client/bridge-shim.js → postMessage → client/host-page.js).
 * local/site.ts owns /forge/*, /rest/*, /wiki/api/* and /health; everything here is UI.
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SiteRouter } from '../platform/router';
import { PEOPLE } from '../seed/people';
import { renderAdf } from './adf-render';
import { Html, escapeHtml, hostLink, html, page, viewerFrom, type Viewer } from './html';
import { macroConfig, macroLocalId, macroModuleKey, LOCAL_ENVIRONMENT_ID, type AdfNode } from './macro-nodes';
import { writeMacroConfig } from './macro-config-write';
import { gadgetConfigStore, mountJiraDashboard } from './jira-dashboard';
import type Database from 'better-sqlite3';
import {
  JIRA_PAGE_TYPES,
  appUuid,
  fileInside,
  findModule,
  iconUrl,
  modulesOfType,
  resourceDir,
  type UiModule,
} from './manifest-modules';
import { productErrorText, productFetchFor } from './product-fetch';
import { CONTENT_VIEW_PATH, pagePathOf } from './page-url';

type AnyManifest = any;

/** The cloud id the local site reports in every context. */
export const LOCAL_CLOUD_ID = 'a4c1e2d3-0000-4000-8000-accordlocal01';
export const SHIM_TAG = '<script src="/host/bridge-shim.js"></script>';

/** One iframe on a host page: everything the host-page script needs to answer its bridge calls. */
export interface FrameDescriptor {
  id: string;
  moduleKey: string;
  moduleType: string;
  resourceKey: string;
  functionKey?: string;
  localId: string;
  extension: Record<string, unknown>;
}

interface MacroModuleInfo {
  key: string;
  title: string;
  functionKey?: string;
  configResource?: string;
  viewportSize?: string;
  openOnInsert: boolean;
}

const CLIENT_DIR = join(__dirname, 'client');
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Injects the bridge shim before the app's first script, so `@forge/bridge` finds `__bridge` when it loads. */
export function injectShim(indexHtml: string): string {
  if (indexHtml.includes(SHIM_TAG)) return indexHtml;
  const head = /<head[^>]*>/i.exec(indexHtml);
  if (head) return indexHtml.replace(head[0], `${head[0]}\n    ${SHIM_TAG}`);
  return `${SHIM_TAG}\n${indexHtml}`;
}

function sendHtml(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

function sendJsonBody(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function viewerData(viewer: Viewer) {
  return {
    name: viewer.name,
    accountId: viewer.person.accountId,
    displayName: viewer.person.displayName,
    timeZone: viewer.person.timeZone,
  };
}

function frameIframe(frame: FrameDescriptor, title: string, extraClass = ''): Html {
  const src = `/static/${encodeURIComponent(frame.resourceKey)}/index.html?frame=${encodeURIComponent(frame.id)}`;
  return html`<iframe
    class="host-frame ${extraClass}"
    data-frame="${frame.id}"
    title="${title}"
    src="${src}"
  ></iframe>`;
}

function macroModules(manifest: AnyManifest): MacroModuleInfo[] {
  return modulesOfType(manifest, 'macro').map((m) => ({
    key: m.key,
    title: m.title,
    ...(m.functionKey ? { functionKey: m.functionKey } : {}),
    ...(m.config?.resource ? { configResource: m.config.resource } : {}),
    ...(m.config?.viewportSize ? { viewportSize: m.config.viewportSize } : {}),
    openOnInsert: m.config?.openOnInsert === true,
  }));
}

function errorBlock(title: string, message: string): Html {
  return html`<section class="host-error" role="alert">
    <h2>${title}</h2>
    <p>${message}</p>
  </section>`;
}

export function mountHostPages(
  router: SiteRouter,
  // `db` (the site's SQLite) keeps dashboard gadget configurations across restarts; without it they live in memory.
  opts: { manifest: AnyManifest; repoRoot: string; db?: Database.Database },
): void {
  const { manifest, repoRoot } = opts;
  const appId = appUuid(manifest);
  const common = (viewer: Viewer) => ({
    viewer: viewerData(viewer),
    cloudId: LOCAL_CLOUD_ID,
    environmentId: LOCAL_ENVIRONMENT_ID,
    appId,
  });

  // ---- client assets -------------------------------------------------------------------------------
  for (const name of ['bridge-shim.js', 'host-page.js', 'host.css']) {
    router.add('GET', `/host/${name}`, async (_req, res) => {
      const body = await readFile(join(CLIENT_DIR, name));
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(name)] ?? 'text/plain',
        'cache-control': 'no-store',
      });
      res.end(body);
    });
  }

  // ---- resources -----------------------------------------------------------------------------------
  const serveResource = async (res: ServerResponse, resourceKey: string, relative: string): Promise<void> => {
    const dir = resourceDir(manifest, repoRoot, resourceKey);
    if (!dir) return sendHtml(res, 404, `No resource "${escapeHtml(resourceKey)}" in manifest.yml.`);
    const file = fileInside(dir, relative);
    if (!file) return sendHtml(res, 403, 'That path is outside the resource.');
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) {
      const built = await stat(join(dir, 'index.html')).catch(() => undefined);
      return sendHtml(
        res,
        404,
        built
          ? `Not found: ${escapeHtml(relative)}`
          : `The resource "${escapeHtml(resourceKey)}" is not built. Run <code>npm run build:static</code> and reload.`,
      );
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    if (extname(file) === '.html') {
      const text = await readFile(file, 'utf8');
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(injectShim(text));
      return;
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(await readFile(file));
  };
  router.add('GET', '/static/:resourceKey/*', async (_req, res, params) => {
    await serveResource(res, params.resourceKey ?? '', params['*'] ?? '');
  });
  router.add('GET', '/static/:resourceKey', (_req, res, params) => {
    res.writeHead(302, { location: `/static/${encodeURIComponent(params.resourceKey ?? '')}/index.html` });
    res.end();
  });

  // ---- index ---------------------------------------------------------------------------------------
  router.add('GET', '/', async (req, res, _params, url) => {
    const viewer = viewerFrom(url);
    const get = productFetchFor(req, viewer.person.accountId);
    const jql = 'project = LAUNCH ORDER BY key ASC';
    const [issues, spaces] = await Promise.all([
      get<{ issues?: Array<{ key: string; fields?: { summary?: string; status?: { name?: string } } }> }>(
        `/rest/api/3/search/jql?${new URLSearchParams({ jql, fields: 'summary,status', maxResults: '50' }).toString()}`,
      ),
      get<{ results?: Array<{ id: string; key: string; name?: string }> }>('/wiki/api/v2/spaces?limit=25'),
    ]);
    const issueList =
      issues.status === 200
        ? html`<ul class="host-list">
            ${(issues.body?.issues ?? []).map(
              (i) =>
                html`<li>
                  <a href="${hostLink(`/jira/browse/${encodeURIComponent(i.key)}`, viewer)}">${i.key}</a>
                  ${i.fields?.summary ?? ''} <span class="host-status">${i.fields?.status?.name ?? ''}</span>
                </li>`,
            )}
          </ul>`
        : html`<p class="host-muted">
            Jira search answered ${issues.status}: ${productErrorText(issues.body)}
          </p>`;
    const spaceList =
      spaces.status === 200
        ? html`<ul class="host-list">
            ${(spaces.body?.results ?? []).map(
              (s) =>
                html`<li>
                  <a href="${hostLink(`/wiki/spaces/${encodeURIComponent(s.key)}`, viewer)}"
                    >${s.name ?? s.key}</a
                  >
                </li>`,
            )}
          </ul>`
        : html`<p class="host-muted">
            Confluence answered ${spaces.status}: ${productErrorText(spaces.body)}
          </p>`;
    const appPages = JIRA_PAGE_TYPES.flatMap((type) => modulesOfType(manifest, type));
    const people = (Object.keys(PEOPLE) as Array<keyof typeof PEOPLE>).map(
      (name) =>
        html`<li>
          <a
            href="${hostLink('/', { name, person: PEOPLE[name] })}"
            ${name === viewer.name ? new Html('aria-current="true"') : ''}
            >${PEOPLE[name].displayName}</a
          >
        </li>`,
    );
    const body = html` <h1>Accord local site</h1>
      <p>
        You are viewing as <strong>${viewer.person.displayName}</strong>. Jira and Confluence below are
        emulated; the app's panels and macros are its real Custom UI builds.
      </p>
      <div class="host-columns">
        <section>
          <h2>Jira issues</h2>
          ${issueList}
        </section>
        <section>
          <h2>Confluence</h2>
          ${spaceList}
        </section>
        <section>
          <h2>App pages</h2>
          ${
            appPages.length
              ? html`<ul class="host-list">
                  ${appPages.map(
                    (m) =>
                      html`<li>
                        <a href="${hostLink(`/jira/apps/${encodeURIComponent(m.key)}`, viewer)}"
                          >${m.title}</a
                        >
                        <span class="host-muted">${m.type}</span>
                      </li>`,
                  )}
                </ul>`
              : html`<p class="host-muted">The manifest has no global, admin or project pages yet.</p>`
          }
        </section>
        <section>
          <h2>Dashboards</h2>
          <ul class="host-list">
            <li><a href="${hostLink('/jira/dashboards/accord', viewer)}">Accord dashboard</a></li>
          </ul>
        </section>
        <section>
          <h2>View as</h2>
          <ul class="host-list">
            ${people}
          </ul>
        </section>
      </div>`;
    sendHtml(
      res,
      200,
      page({ title: 'Home', viewer, currentPath: '/', product: 'home', body, data: common(viewer) }),
    );
  });

  // ---- Jira issue view -----------------------------------------------------------------------------
  router.add('GET', '/jira/browse/:issueKey', async (req, res, params, url) => {
    const viewer = viewerFrom(url);
    const issueKey = params.issueKey ?? '';
    const get = productFetchFor(req, viewer.person.accountId);
    const fields =
      'summary,status,issuetype,project,assignee,reporter,priority,labels,created,updated,description,parent';
    const answer = await get<{
      id: string;
      key: string;
      fields?: Record<string, unknown> & {
        summary?: string;
        status?: { name?: string; statusCategory?: { key?: string } };
        issuetype?: { id?: string; name?: string };
        project?: { id?: string; key?: string; name?: string; projectTypeKey?: string };
        description?: AdfNode | null;
        updated?: string;
      };
    }>(`/rest/api/3/issue/${encodeURIComponent(issueKey)}?fields=${fields}`);
    const currentPath = `/jira/browse/${encodeURIComponent(issueKey)}`;
    if (answer.status !== 200 || !answer.body) {
      const body = errorBlock(
        answer.status === 404 ? `${issueKey} cannot be shown` : 'Jira did not answer',
        answer.status === 404
          ? `The issue does not exist, or ${viewer.person.displayName} does not have permission to see it. Try another viewer.`
          : `Jira answered ${answer.status}: ${productErrorText(answer.body)}`,
      );
      return sendHtml(
        res,
        answer.status === 404 ? 404 : 502,
        page({ title: issueKey, viewer, currentPath, product: 'jira', body, data: common(viewer) }),
      );
    }
    const issue = answer.body;
    const f = issue.fields ?? {};
    const panels = modulesOfType(manifest, 'jira:issuePanel').filter((m) => m.resource);
    const frames: FrameDescriptor[] = panels.map((m, i) => ({
      id: `panel-${i}`,
      moduleKey: m.key,
      moduleType: m.type,
      resourceKey: m.resource ?? '',
      ...(m.functionKey ? { functionKey: m.functionKey } : {}),
      localId: `${m.key}-${issue.id}`,
      extension: {
        type: 'jira:issuePanel',
        issue: { id: issue.id, key: issue.key, type: f.issuetype?.name, typeId: f.issuetype?.id },
        project: { id: f.project?.id, key: f.project?.key, type: f.project?.projectTypeKey ?? 'software' },
        isNewToIssue: false,
      },
    }));
    // jira:issueContext modules sit at the top of the issue's side column, as in Jira.
    const contexts = modulesOfType(manifest, 'jira:issueContext').filter((m) => m.resource);
    const contextFrames: FrameDescriptor[] = contexts.map((m, i) => ({
      id: `context-${i}`,
      moduleKey: m.key,
      moduleType: m.type,
      resourceKey: m.resource ?? '',
      ...(m.functionKey ? { functionKey: m.functionKey } : {}),
      localId: `${m.key}-${issue.id}`,
      extension: {
        type: 'jira:issueContext',
        issue: { id: issue.id, key: issue.key, type: f.issuetype?.name, typeId: f.issuetype?.id },
        project: { id: f.project?.id, key: f.project?.key, type: f.project?.projectTypeKey ?? 'software' },
      },
    }));
    const person = (value: unknown) =>
      isRecord(value) && typeof value.displayName === 'string' ? value.displayName : 'Unassigned';
    const fieldRows: Array<[string, unknown]> = [
      ['Status', f.status?.name],
      ['Type', f.issuetype?.name],
      ['Priority', isRecord(f.priority) ? f.priority.name : undefined],
      ['Assignee', person(f.assignee)],
      ['Reporter', person(f.reporter)],
      ['Labels', Array.isArray(f.labels) && f.labels.length ? f.labels.join(', ') : 'None'],
      ['Parent', isRecord(f.parent) ? f.parent.key : undefined],
      ['Updated', f.updated],
    ];
    const body = html` <nav class="host-crumbs">
        <a href="${hostLink('/', viewer)}">Projects</a> / ${f.project?.name ?? f.project?.key ?? ''} /
        <span>${issue.key}</span>
      </nav>
      <div class="jira-issue">
        <article class="jira-main">
          <h1 id="issue-summary">${f.summary ?? issue.key}</h1>
          <section class="jira-description">
            <h2>Description</h2>
            ${
              f.description
                ? new Html(renderAdf(f.description, () => ''))
                : html`<p class="host-muted">No description.</p>`
            }
          </section>
          ${frames.map((frame, i) => {
            const module = panels[i] as UiModule;
            const icon = iconUrl(module.icon);
            return html`<section class="jira-panel" aria-labelledby="panel-title-${i}">
              <h2 class="jira-panel-title" id="panel-title-${i}">
                ${icon ? html`<img src="${icon}" alt="" width="16" height="16" />` : ''} ${module.title}
              </h2>
              ${frameIframe(frame, `${module.title} panel`)}
            </section>`;
          })}
        </article>
        <aside class="jira-fields">
          ${contextFrames.map((frame, i) => {
            const module = contexts[i] as UiModule;
            const label = typeof module.raw.label === 'string' ? module.raw.label : module.title;
            return html`<section class="jira-context" aria-label="${label}">
              <h2 class="jira-context-title">${module.title}</h2>
              ${frameIframe(frame, `${module.title} context`, 'host-frame-context')}
            </section>`;
          })}
          <h2>Details</h2>
          <dl>
            ${fieldRows.map(
              ([name, value]) =>
                html`<dt>${name}</dt>
                  <dd>${value ?? '—'}</dd>`,
            )}
          </dl>
        </aside>
      </div>`;
    sendHtml(
      res,
      200,
      page({
        title: `${issue.key} ${f.summary ?? ''}`,
        viewer,
        currentPath,
        product: 'jira',
        body,
        data: {
          ...common(viewer),
          frames: [...frames, ...contextFrames],
          issue: {
            id: issue.id,
            key: issue.key,
            projectId: f.project?.id,
            updated: f.updated ?? null,
            fields,
          },
        },
      }),
    );
  });

  // ---- Confluence space and page -------------------------------------------------------------------
  router.add('GET', '/wiki/spaces/:spaceKey', async (req, res, params, url) => {
    const viewer = viewerFrom(url);
    const spaceKey = params.spaceKey ?? '';
    const get = productFetchFor(req, viewer.person.accountId);
    const currentPath = `/wiki/spaces/${encodeURIComponent(spaceKey)}`;
    const spaces = await get<{ results?: Array<{ id: string; key: string; name?: string }> }>(
      `/wiki/api/v2/spaces?keys=${encodeURIComponent(spaceKey)}`,
    );
    const space = spaces.body?.results?.find((s) => s.key === spaceKey);
    if (!space) {
      const body = errorBlock(
        `Space ${spaceKey} cannot be shown`,
        `It does not exist, or ${viewer.person.displayName} cannot see it.`,
      );
      return sendHtml(
        res,
        404,
        page({ title: spaceKey, viewer, currentPath, product: 'confluence', body, data: common(viewer) }),
      );
    }
    const pages = await get<{ results?: Array<{ id: string; title: string }> }>(
      `/wiki/api/v2/spaces/${encodeURIComponent(space.id)}/pages?limit=50`,
    );
    const list =
      pages.status === 200
        ? html`<ul class="host-list">
            ${(pages.body?.results ?? []).map(
              (p) =>
                html`<li>
                  <a href="${hostLink(`${currentPath}/pages/${encodeURIComponent(p.id)}`, viewer)}"
                    >${p.title}</a
                  >
                </li>`,
            )}
          </ul>`
        : html`<p class="host-muted">
            Confluence answered ${pages.status}: ${productErrorText(pages.body)}
          </p>`;
    const body = html`<h1>${space.name ?? space.key}</h1>
      <h2>Pages</h2>
      ${list}`;
    sendHtml(
      res,
      200,
      page({
        title: space.name ?? spaceKey,
        viewer,
        currentPath,
        product: 'confluence',
        body,
        data: common(viewer),
      }),
    );
  });

  const confluencePage = async (
    req: IncomingMessage,
    res: ServerResponse,
    params: Record<string, string>,
    url: URL,
  ) => {
    const viewer = viewerFrom(url);
    const spaceKey = params.spaceKey ?? '';
    const pageId = params.pageId ?? '';
    const get = productFetchFor(req, viewer.person.accountId);
    const currentPath = `/wiki/spaces/${encodeURIComponent(spaceKey)}/pages/${encodeURIComponent(pageId)}`;
    const [answer, operations] = await Promise.all([
      get<{
        id: string;
        title: string;
        spaceId?: string;
        version?: { number?: number };
        body?: { atlas_doc_format?: { value?: string } };
      }>(`/wiki/api/v2/pages/${encodeURIComponent(pageId)}?body-format=atlas_doc_format`),
      get<{ operations?: Array<{ operation?: string; targetType?: string }> }>(
        `/wiki/api/v2/pages/${encodeURIComponent(pageId)}/operations`,
      ),
    ]);
    if (answer.status !== 200 || !answer.body) {
      const body = errorBlock(
        'This page cannot be shown',
        answer.status === 404
          ? `It does not exist, or ${viewer.person.displayName} does not have permission to see it.`
          : `Confluence answered ${answer.status}: ${productErrorText(answer.body)}`,
      );
      return sendHtml(
        res,
        answer.status === 404 ? 404 : 502,
        page({ title: 'Page', viewer, currentPath, product: 'confluence', body, data: common(viewer) }),
      );
    }
    const p = answer.body;
    let doc: AdfNode = { type: 'doc', content: [] };
    try {
      doc = JSON.parse(p.body?.atlas_doc_format?.value ?? '{"type":"doc","content":[]}') as AdfNode;
    } catch {
      doc = {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'This page body is not valid ADF.' }] },
        ],
      };
    }
    // Only when Confluence says so do we hide editing; an emulator without /operations lets the PUT decide.
    const canEdit =
      operations.status === 200
        ? (operations.body?.operations ?? []).some((o) => o.operation === 'update')
        : operations.status !== 403;
    const macros = macroModules(manifest);
    const frames: FrameDescriptor[] = [];
    const space = { id: p.spaceId, key: spaceKey };
    const rendered = renderAdf(doc, (node) => {
      const moduleKey = macroModuleKey(node);
      const module = macros.find((m) => m.key === moduleKey);
      const manifestModule = moduleKey ? findModule(manifest, ['macro'], moduleKey) : undefined;
      if (!module || !manifestModule?.resource) {
        return html`<div class="adf-foreign-macro">
          A macro of another app (${moduleKey ?? 'unknown'}) is not installed here.
        </div>`.value;
      }
      const localId = macroLocalId(node) ?? `macro-${frames.length}`;
      const frame: FrameDescriptor = {
        id: `macro-${frames.length}`,
        moduleKey: module.key,
        moduleType: 'macro',
        resourceKey: manifestModule.resource,
        ...(module.functionKey ? { functionKey: module.functionKey } : {}),
        localId,
        extension: {
          type: 'macro',
          content: { id: p.id, type: 'page' },
          space,
          config: macroConfig(node),
          macro: { localId, title: module.title, isConfiguring: false, isInserting: false },
          isEditing: false,
          references: [],
        },
      };
      frames.push(frame);
      return html`<div class="confluence-macro" data-macro-local-id="${localId}">
        ${frameIframe(frame, `${module.title} macro`)}
        ${canEdit && module.configResource ? html`<button type="button" class="host-button" data-edit-macro="${frame.id}">Edit macro</button>` : ''}
      </div>`.value;
    });
    // The page's byline items (confluence:contentBylineItem): a button in the byline that opens the app's
    // Custom UI in a small popup, as Confluence does. The frame loads with the page; the popup shows it.
    const bylineItems = modulesOfType(manifest, 'confluence:contentBylineItem')
      .filter((m) => m.resource)
      .map((m, index) => {
        const frame: FrameDescriptor = {
          id: `byline-${index}`,
          moduleKey: m.key,
          moduleType: m.type,
          resourceKey: m.resource ?? '',
          ...(m.functionKey ? { functionKey: m.functionKey } : {}),
          localId: m.key,
          extension: {
            type: m.type,
            content: { id: p.id, type: 'page', subtype: null },
            space,
            location: currentPath,
          },
        };
        frames.push(frame);
        const icon = iconUrl(m.icon);
        const tooltip = typeof m.raw.tooltip === 'string' ? m.raw.tooltip : m.title;
        return html`<span class="confluence-byline-item">
          <button
            type="button"
            class="host-byline-button"
            data-byline-toggle="${frame.id}"
            aria-expanded="false"
            aria-controls="byline-popup-${index}"
            title="${tooltip}"
          >
            ${icon ? html`<img src="${icon}" alt="" width="16" height="16" />` : ''}${m.title}
          </button>
          <div
            class="host-byline-popup"
            id="byline-popup-${index}"
            role="dialog"
            aria-label="${m.title}"
            hidden
          >
            ${frameIframe(frame, `${m.title} byline`, 'host-frame-byline')}
          </div>
        </span>`;
      });
    const body = html` <nav class="host-crumbs">
        <a href="${hostLink(`/wiki/spaces/${encodeURIComponent(spaceKey)}`, viewer)}">${spaceKey}</a> /
        <span>${p.title}</span>
      </nav>
      <article class="confluence-page">
        <h1>${p.title}</h1>
        ${bylineItems.length ? html`<div class="confluence-byline" aria-label="Page byline">${bylineItems}</div>` : ''}
        <div class="confluence-body">${new Html(rendered)}</div>
        ${
          canEdit
            ? html`<div class="confluence-insert">
                ${macros
                  .filter((m) => m.configResource)
                  .map(
                    (m) =>
                      html`<button type="button" class="host-button" data-insert-macro="${m.key}">
                        Insert ${m.title}
                      </button>`,
                  )}
              </div>`
            : html`<p class="host-muted">View only: ${viewer.person.displayName} cannot edit this page.</p>`
        }
      </article>
      <dialog class="host-modal" id="host-modal" aria-label="Macro configuration">
        <div class="host-modal-body"></div>
      </dialog>`;
    sendHtml(
      res,
      200,
      page({
        title: p.title,
        viewer,
        currentPath,
        product: 'confluence',
        body,
        data: {
          ...common(viewer),
          frames,
          page: { id: p.id, spaceId: p.spaceId ?? null, spaceKey, canEdit, version: p.version?.number ?? 1 },
          macroModules: macros,
        },
      }),
    );
  };
  router.add('GET', '/wiki/spaces/:spaceKey/pages/:pageId', confluencePage);
  // Confluence page URLs carry a title slug after the id.
  router.add('GET', '/wiki/spaces/:spaceKey/pages/:pageId/*', confluencePage);
  // A contentView target by page id alone (e.g. from a Jira issue view): find the page's space, then redirect.
  router.add('GET', CONTENT_VIEW_PATH, async (req, res, _params, url) => {
    const viewer = viewerFrom(url);
    const pageId = url.searchParams.get('pageId') ?? '';
    const path = await pagePathOf(productFetchFor(req, viewer.person.accountId), pageId);
    if (!path) {
      const body = errorBlock(
        'This page cannot be shown',
        `It does not exist, or ${viewer.person.displayName} does not have permission to see it.`,
      );
      const currentPath = CONTENT_VIEW_PATH;
      return sendHtml(
        res,
        404,
        page({ title: 'Page', viewer, currentPath, product: 'confluence', body, data: common(viewer) }),
      );
    }
    res.writeHead(302, { Location: hostLink(path, viewer) });
    res.end();
  });

  // The editor's save after a macro config `view.submit`, done as the viewer (see macro-config-write.ts).
  router.add('POST', '/host/confluence/pages/:pageId/macro-config', async (req, res, params) => {
    const body = await readJson(req).catch(() => undefined);
    if (
      !isRecord(body) ||
      typeof body.accountId !== 'string' ||
      !isRecord(body.config) ||
      typeof body.baseVersion !== 'number'
    ) {
      return sendJsonBody(res, 400, {
        ok: false,
        message: 'Send {accountId, baseVersion, localId?, moduleKey?, config}.',
      });
    }
    const moduleKey = typeof body.moduleKey === 'string' ? body.moduleKey : undefined;
    const module = moduleKey ? findModule(manifest, ['macro'], moduleKey) : undefined;
    const result = await writeMacroConfig(productFetchFor(req, body.accountId), {
      pageId: params.pageId ?? '',
      baseVersion: body.baseVersion,
      ...(typeof body.localId === 'string' ? { localId: body.localId } : {}),
      ...(body.insert === true && module
        ? { insert: { appId, moduleKey: module.key, title: module.title, newLocalId: randomUUID() } }
        : {}),
      config: body.config,
    });
    sendJsonBody(res, result.ok ? 200 : result.status, result);
  });

  // ---- Jira dashboard with the app's gadgets, and the issue search page ------------------------------
  mountJiraDashboard(router, { manifest, store: gadgetConfigStore(opts.db), common });

  // ---- generic Jira app pages ----------------------------------------------------------------------
  router.add('GET', '/jira/apps/:moduleKey', async (_req, res, params, url) => {
    const viewer = viewerFrom(url);
    const moduleKey = params.moduleKey ?? '';
    const currentPath = `/jira/apps/${encodeURIComponent(moduleKey)}`;
    const module = findModule(manifest, JIRA_PAGE_TYPES, moduleKey);
    if (!module?.resource) {
      const body = errorBlock(
        'No such app page',
        `The manifest has no global, admin or project page "${moduleKey}".`,
      );
      return sendHtml(
        res,
        404,
        page({ title: moduleKey, viewer, currentPath, product: 'jira', body, data: common(viewer) }),
      );
    }
    const projectKey = url.searchParams.get('project') ?? 'LAUNCH';
    const extension: Record<string, unknown> = { type: module.type };
    if (module.type === 'jira:projectPage') extension.project = { key: projectKey, type: 'software' };
    const frame: FrameDescriptor = {
      id: 'page-0',
      moduleKey: module.key,
      moduleType: module.type,
      resourceKey: module.resource,
      ...(module.functionKey ? { functionKey: module.functionKey } : {}),
      localId: module.key,
      extension,
    };
    const body = html`<h1>${module.title}</h1>
      ${frameIframe(frame, module.title, 'host-frame-page')}`;
    sendHtml(
      res,
      200,
      page({
        title: module.title,
        viewer,
        currentPath,
        product: 'jira',
        body,
        data: { ...common(viewer), frames: [frame] },
      }),
    );
  });
}
