/** HTML helpers for the host pages: escaping, the page frame (header, viewer switcher, theme switch). */
import { PEOPLE, DEFAULT_VIEWER, type DemoPerson } from '../seed/people';

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A tagged template that escapes every interpolation unless it is already `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(value);
}

export type ViewerName = keyof typeof PEOPLE;

export interface Viewer {
  name: ViewerName;
  person: DemoPerson;
}

/** The viewer chosen with `?as=<name>`; unknown names fall back to the default viewer. */
export function viewerFrom(url: URL): Viewer {
  const asked = url.searchParams.get('as') ?? '';
  const names = Object.keys(PEOPLE) as ViewerName[];
  const name =
    names.find((n) => n === asked) ??
    names.find((n) => PEOPLE[n].accountId === DEFAULT_VIEWER.accountId) ??
    'priya';
  return { name, person: PEOPLE[name] };
}

/** A host link that keeps the viewer. */
export function hostLink(path: string, viewer: Viewer, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ as: viewer.name, ...extra });
  return `${path}?${query.toString()}`;
}

/**
 * The whole page. Page data travels as a JSON block (not executed), read by /host/host-page.js, so the
 * host pages need no inline script.
 */
export function page(opts: {
  title: string;
  viewer: Viewer;
  currentPath: string;
  product: 'jira' | 'confluence' | 'home';
  body: Html;
  data?: unknown;
}): string {
  const { viewer } = opts;
  const people = (Object.keys(PEOPLE) as ViewerName[]).map(
    (name) =>
      html`<option value="${name}" ${name === viewer.name ? new Html('selected') : ''}>
        ${PEOPLE[name].displayName}
      </option>`,
  );
  // `</script` inside JSON would end the block early; escape the `<`.
  const data = JSON.stringify(opts.data ?? {}).replace(/</g, '\\u003c');
  return `<!doctype html>
${html`<html lang="en" data-product="${opts.product}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${opts.title} · Accord local site</title>
    <link rel="stylesheet" href="/host/host.css" />
    <script type="application/json" id="accord-host-data">
      ${new Html(data)}
    </script>
    <script src="/host/host-page.js" defer></script>
  </head>
  <body>
    <header class="host-bar">
      <a class="host-home" href="${hostLink('/', viewer)}">Accord local site</a>
      <span class="host-product"
        >${opts.product === 'jira' ? 'Jira' : opts.product === 'confluence' ? 'Confluence' : ''}</span
      >
      <form class="host-viewer" method="get" action="${opts.currentPath}">
        <label for="host-viewer-select">Viewing as</label>
        <select id="host-viewer-select" name="as" data-autosubmit>
          ${people}
        </select>
        <noscript><button type="submit">Switch</button></noscript>
      </form>
      <button type="button" class="host-theme-toggle" id="host-theme-toggle" aria-pressed="false">
        Dark mode
      </button>
    </header>
    <main class="host-main" id="main">${opts.body}</main>
    <div class="host-flags" id="host-flags" role="status" aria-live="polite"></div>
  </body>
</html>`}`;
}
