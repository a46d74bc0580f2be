import type { MarkdownLine, MarkdownUnit } from './types.ts';

/** One table column: its header and whether numbers align right. */
export interface TableColumn {
  header: string;
  numeric?: boolean;
}

/**
 * A GitHub-flavoured Markdown table, one line per row. Cells must already be
 * inline Markdown with every user-controlled part escaped (so no raw `|`).
 * The header lines keep with the first row; each row counts as one `unit`.
 */
export function renderTable({
  columns,
  rows,
  unit,
}: {
  columns: readonly TableColumn[];
  rows: readonly (readonly string[])[];
  unit?: MarkdownUnit;
}): MarkdownLine[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    { text: line(columns.map((column) => column.header)), keepWithNext: true },
    { text: `|${columns.map((column) => (column.numeric ? '---:' : '---')).join('|')}|`, keepWithNext: true },
    ...rows.map((row) => (unit ? { text: line(row), unit } : { text: line(row) })),
  ];
}
