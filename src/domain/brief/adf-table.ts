import { p, table, tableCell, tableHeader, tableRow, text } from '@atlaskit/adf-utils/builders';
import type { Inline, TableDefinition, TableCellDefinition } from '@atlaskit/adf-schema';

/** A table cell's content: plain text, inline nodes for one paragraph, or ready block nodes. */
export type AdfCell = string | Inline[] | { blocks: TableCellDefinition['content'] };

const cellContent = (cell: AdfCell): TableCellDefinition['content'] => {
  if (typeof cell === 'string') return [p(text(cell.trim() === '' ? '—' : cell))];
  if (Array.isArray(cell)) return [cell.length === 0 ? p(text('—')) : p(...cell)];
  return cell.blocks.length === 0 ? [p(text('—'))] : cell.blocks;
};

/** A table with one header row and the given rows; blank cells show a dash (ADF refuses empty text). */
export function adfTable(headers: readonly string[], rows: readonly (readonly AdfCell[])[]): TableDefinition {
  return table(
    tableRow(headers.map((h) => tableHeader()(p(text(h))))),
    ...rows.map((row) => tableRow(row.map((cell) => tableCell()(...cellContent(cell))))),
  );
}
