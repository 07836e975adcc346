import { hardBreak, p, text } from '@atlaskit/adf-utils/builders';
import type { ParagraphDefinition } from '@atlaskit/adf-schema';

/**
 * Plain text as ADF paragraphs: a blank line starts a paragraph, a single newline is a line break.
 * ADF refuses empty text nodes, so blank text gives the `placeholder` sentence instead.
 */
export function textToParagraphs(value: string, placeholder = 'Not written yet.'): ParagraphDefinition[] {
  const paragraphs = value
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((para) => para.trim())
    .filter((para) => para.length > 0)
    .map((para) => {
      const lines = para.split('\n').filter((line) => line.length > 0);
      return p(...lines.flatMap((line, i) => (i === 0 ? [text(line)] : [hardBreak(), text(line)])));
    });
  return paragraphs.length > 0 ? paragraphs : [p(text(placeholder))];
}

/** An ADF text node that is never empty (ADF refuses `""`). */
export function nonEmptyText(value: string, fallback = '—'): ReturnType<typeof text> {
  return text(value.trim().length > 0 ? value : fallback);
}
