/**
 * Page bodies of the emulated Confluence. ADF is the canonical form (Accord writes and reads
 * `atlas_doc_format`); `storage` is accepted and rendered with a small converter that covers the
 * nodes Accord and the demo use, not the whole of Confluence's XHTML.
 */
import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';

export type BodyRepresentation = 'atlas_doc_format' | 'storage';

/** An ADF node as stored: deliberately loose, the ADF JSON schema is what checks it. */
export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
  version?: number;
}

let adfValidator: ValidateFunction | undefined;

/**
 * Validates against Atlassian's published ADF JSON schema (`@atlaskit/adf-schema` full.json), as
 * Confluence rejects malformed ADF with 400. Compiled on first use: it takes a few hundred ms.
 */
export function adfProblems(doc: unknown): string[] {
  if (!adfValidator) {
    const schema = JSON.parse(
      readFileSync(require.resolve('@atlaskit/adf-schema/json-schema/v1/full.json'), 'utf8'),
    ) as Record<string, unknown>;
    // The schema declares draft-04, which ajv 8 does not bundle; it uses no draft-04-only keyword.
    delete schema.$schema;
    adfValidator = new Ajv({ strict: false, allErrors: false }).compile(schema);
  }
  if (adfValidator(doc)) return [];
  return (adfValidator.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword}`);
}

/** Parses the `value` of an `atlas_doc_format` body: ADF as a JSON string, as the real API sends it. */
export function parseAdfValue(value: string): { doc: AdfNode } | { error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(value);
  } catch {
    return { error: 'atlas_doc_format value is not valid JSON' };
  }
  const problems = adfProblems(doc);
  if (problems.length > 0) return { error: `atlas_doc_format value is not valid ADF: ${problems[0]}` };
  return { doc: doc as AdfNode };
}

export const EMPTY_ADF: AdfNode = { type: 'doc', version: 1, content: [] };

/** Renders a stored body in the representation a reader asked for. */
export function renderBody(
  stored: { representation: BodyRepresentation; value: string },
  wanted: string,
): string {
  if (wanted === stored.representation) return stored.value;
  if (wanted === 'atlas_doc_format') return JSON.stringify(storageToAdf(stored.value));
  const doc = JSON.parse(stored.value) as AdfNode;
  // `view` and the export views are HTML; without macros they read like storage.
  return adfToStorage(doc, wanted === 'storage');
}

/** An attribute as text; ADF attributes that are not strings render as nothing. */
const attr = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** ADF → storage XHTML for the common block and inline nodes; unknown nodes render their children. */
export function adfToStorage(node: AdfNode, withMacros = true): string {
  const inner = (): string => (node.content ?? []).map((n) => adfToStorage(n, withMacros)).join('');
  switch (node.type) {
    case 'doc':
      return inner();
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 1)));
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${inner()}</ul>`;
    case 'orderedList':
      return `<ol>${inner()}</ol>`;
    case 'listItem':
      return `<li>${inner()}</li>`;
    case 'blockquote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'rule':
      return '<hr />';
    case 'hardBreak':
      return '<br />';
    case 'codeBlock':
      return `<pre>${inner()}</pre>`;
    case 'mention':
      return withMacros
        ? `<ac:link><ri:user ri:account-id="${escapeXml(attr(node.attrs?.id))}" /></ac:link>`
        : escapeXml(attr(node.attrs?.text));
    case 'text':
      return (node.marks ?? []).reduce(
        (html, mark) => {
          if (mark.type === 'strong') return `<strong>${html}</strong>`;
          if (mark.type === 'em') return `<em>${html}</em>`;
          if (mark.type === 'code') return `<code>${html}</code>`;
          if (mark.type === 'link') return `<a href="${escapeXml(attr(mark.attrs?.href))}">${html}</a>`;
          return html;
        },
        escapeXml(node.text ?? ''),
      );
    case 'extension':
    case 'bodiedExtension':
    case 'inlineExtension':
      // Confluence keeps Forge macros in storage as an ADF island; the emulator keeps key and type.
      return withMacros
        ? `<ac:adf-extension><ac:adf-node type="${node.type}">` +
            `<ac:adf-attribute key="extension-key">${escapeXml(attr(node.attrs?.extensionKey))}</ac:adf-attribute>` +
            `<ac:adf-attribute key="extension-type">${escapeXml(attr(node.attrs?.extensionType))}</ac:adf-attribute>` +
            `</ac:adf-node></ac:adf-extension>`
        : '';
    default:
      return inner();
  }
}

/** storage → ADF, by block: each paragraph/heading/list item becomes a paragraph of its plain text. */
export function storageToAdf(storage: string): AdfNode {
  const decode = (s: string): string =>
    s
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  const blocks = storage.split(/<\/(?:p|h[1-6]|li|pre|blockquote)>|<br\s*\/?>/i).map(decode);
  const content: AdfNode[] = blocks
    .map((text) => text.trim())
    .filter((text) => text.length > 0)
    .map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }));
  return { type: 'doc', version: 1, content };
}
