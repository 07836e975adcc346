/**
 * Saves `text` as a UTF-8 CSV file in the browser: a Blob behind an object URL, clicked through a temporary anchor.
 * The URL is revoked after a delay so the download has started before it goes.
 */
export function downloadCsv(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
