import { coveragePercent } from './coverage-percent.ts';
import type { CoverageCounts, CoverageTotals, CoverageUnit } from './types.ts';

/** One row of the table: a format's merged totals, or the overall total. */
export interface CoverageTableRow {
  label: string;
  unit: CoverageUnit;
  totals: CoverageTotals;
}

function cell(counts: CoverageCounts | null): string {
  if (!counts) return '—';
  const pct = coveragePercent(counts);
  return `${pct === null ? '—' : `${pct.toFixed(1)}%`} (${counts.covered}/${counts.total})`;
}

/** A plain-text table of coverage rows: files, lines (or statements), branches. */
export function renderCoverageTable({ rows }: { rows: readonly CoverageTableRow[] }): string {
  const cells = [
    ['format', 'files', 'lines', 'branches'],
    ...rows.map((row) => [
      row.label,
      String(row.totals.files),
      `${cell(row.totals.lines)}${row.unit === 'lines' ? '' : ` ${row.unit}`}`,
      cell(row.totals.branches),
    ]),
  ];
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
