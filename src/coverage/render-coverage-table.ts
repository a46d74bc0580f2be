import { COVERAGE_COLUMNS, type CoverageTableRow, coverageTableCells } from './coverage-table-cells.ts';

export type { CoverageTableRow } from './coverage-table-cells.ts';

/** A plain-text table of coverage rows for a terminal: format, source files, lines (or statements), branches. */
export function renderCoverageTable({ rows }: { rows: readonly CoverageTableRow[] }): string {
  const cells = [[...COVERAGE_COLUMNS], ...coverageTableCells({ rows })];
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((line) => line[column]!.length)));
  return cells
    .map((line) =>
      line
        .map((text, column) => (column === 1 ? text.padStart(widths[column]!) : text.padEnd(widths[column]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
