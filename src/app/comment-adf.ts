import { doc, mention, p, text } from '@atlaskit/adf-utils/builders';

/** An ADF document as the builders make it. */
export type AdfDoc = ReturnType<typeof doc>;

/** Paragraphs of plain text, one per non-blank line (ADF forbids empty text nodes). */
function lines(message: string): string[] {
  return message
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
}

/** A comment that mentions one person and asks them something, as Jira's ADF comment body. */
export function askCommentAdf(accountId: string, message: string): AdfDoc {
  const [first = '', ...rest] = lines(message);
  return doc(p(mention({ id: accountId }), text(` ${first.trim()}`)), ...rest.map((l) => p(text(l))));
}

/** A comment that records a sign-off with the words of the person signing off. */
export function signOffCommentAdf(roleLabel: string, comment: string): AdfDoc {
  return doc(p(text(`Signed off as ${roleLabel}:`)), ...lines(comment).map((l) => p(text(l))));
}
