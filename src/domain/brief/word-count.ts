/** The number of words in `text`: runs of letters or digits, so punctuation and Markdown do not count. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
