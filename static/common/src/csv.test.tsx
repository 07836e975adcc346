import { csvCell, toCsv } from './csv';
import { downloadCsv } from './download';

test('a cell is quoted only when it needs it, quotes doubled', () => {
  expect(csvCell('plain')).toBe('plain');
  expect(csvCell('a, b')).toBe('"a, b"');
  expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  expect(csvCell('two\nlines')).toBe('"two\nlines"');
  expect(csvCell(undefined)).toBe('');
  expect(csvCell(null)).toBe('');
  expect(csvCell(3)).toBe('3');
  expect(csvCell('plain', { quoteAll: true })).toBe('"plain"');
});

test.each(['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx'])(
  'a cell starting like a formula (%j) is neutralised',
  (v) => {
    expect(csvCell(v)).toBe(`"'${v}"`);
    expect(csvCell(v, { quoteAll: true })).toBe(`"'${v}"`);
  },
);

test('rows become CRLF lines', () => {
  expect(
    toCsv([
      ['A', 'B'],
      ['=x', 'y, z'],
    ]),
  ).toBe(`A,B\r\n"'=x","y, z"\r\n`);
  expect(toCsv([['A']], { quoteAll: true })).toBe('"A"\r\n');
});

test('downloadCsv clicks a temporary link to a UTF-8 CSV blob and revokes its URL later', () => {
  jest.useFakeTimers();
  const blobs: Blob[] = [];
  const revoked: string[] = [];
  const original = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
  URL.createObjectURL = (blob: Blob) => {
    blobs.push(blob);
    return 'blob:csv-1';
  };
  URL.revokeObjectURL = (url: string) => void revoked.push(url);
  const clicks: Array<{ href: string; download: string; attached: boolean }> = [];
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicks.push({ href: this.href, download: this.download, attached: document.body.contains(this) });
  });
  try {
    downloadCsv('out.csv', 'a,b\r\n');
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    expect(clicks).toEqual([{ href: 'blob:csv-1', download: 'out.csv', attached: true }]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoked).toEqual([]);
    jest.advanceTimersByTime(1000);
    expect(revoked).toEqual(['blob:csv-1']);
  } finally {
    click.mockRestore();
    Object.assign(URL, original);
    jest.useRealTimers();
  }
});
