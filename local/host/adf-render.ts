/**
 * A small ADF → HTML renderer for the Confluence-like host page: enough to read a page (paragraphs,
 * headings, lists, panels, code, tables, text marks), with Forge macros handed to a callback.
 * Everything is escaped; unknown nodes render their children.
 */
import { escapeHtml } from './html';
import { isForgeMacro, type AdfNode } from './macro-nodes';

export type MacroRenderer = (node: AdfNode) => string;

const SAFE_HREF = /^(https?:|mailto:|\/|#)/i;

function renderText(node: AdfNode): string {
  let out = escapeHtml(node.text ?? '');
  for (const mark of node.marks ?? []) {
    switch (mark.type) {
      case 'strong':
        out = `<strong>${out}</strong>`;
        break;
      case 'em':
        out = `<em>${out}</em>`;
        break;
      case 'code':
        out = `<code>${out}</code>`;
        break;
      case 'strike':
        out = `<s>${out}</s>`;
        break;
      case 'underline':
        out = `<u>${out}</u>`;
        break;
      case 'link': {
        const href = String(mark.attrs?.href ?? '');
        if (SAFE_HREF.test(href)) out = `<a href="${escapeHtml(href)}">${out}</a>`;
        break;
      }
      default:
        break;
    }
  }
  return out;
}

export function renderAdf(node: AdfNode, renderMacro: MacroRenderer): string {
  const children = () => (node.content ?? []).map((child) => renderAdf(child, renderMacro)).join('');
  if (isForgeMacro(node)) return renderMacro(node);
  switch (node.type) {
    case 'doc':
      return children();
    case 'text':
      return renderText(node);
    case 'paragraph':
      return `<p>${children()}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 1));
      return `<h${level}>${children()}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${children()}</ul>`;
    case 'orderedList':
      return `<ol>${children()}</ol>`;
    case 'listItem':
      return `<li>${children()}</li>`;
    case 'blockquote':
      return `<blockquote>${children()}</blockquote>`;
    case 'codeBlock':
      return `<pre><code>${children()}</code></pre>`;
    case 'rule':
      return '<hr>';
    case 'hardBreak':
      return '<br>';
    case 'panel':
      return `<div class="adf-panel adf-panel-${escapeHtml(node.attrs?.panelType ?? 'info')}">${children()}</div>`;
    case 'table':
      return `<table class="adf-table"><tbody>${children()}</tbody></table>`;
    case 'tableRow':
      return `<tr>${children()}</tr>`;
    case 'tableHeader':
      return `<th>${children()}</th>`;
    case 'tableCell':
      return `<td>${children()}</td>`;
    case 'mention':
      // ADF mention text already carries its "@" (e.g. "@Priya"); add one only when it does not.
      return `<span class="adf-mention">${escapeHtml(withAt(String(node.attrs?.text ?? node.attrs?.id ?? 'someone')))}</span>`;
    case 'status':
      return `<span class="adf-status">${escapeHtml(node.attrs?.text ?? '')}</span>`;
    case 'emoji':
      return escapeHtml(node.attrs?.text ?? node.attrs?.shortName ?? '');
    case 'extension':
    case 'inlineExtension':
    case 'bodiedExtension':
      // A macro of another app (or Connect): the real page would render it; we name it.
      return `<div class="adf-foreign-macro">Macro ${escapeHtml(node.attrs?.extensionKey ?? '')} is not part of this site.</div>${children()}`;
    default:
      return children();
  }
}

const withAt = (text: string): string => (text.startsWith('@') ? text : `@${text}`);
