import { coveragePercent } from './coverage-percent.ts';
import type { CoverageCounts, CoverageTotals, CoverageUnit } from './types.ts';

/** One row of the table: a format's merged totals, or the overall total. */
export interface CoverageTableRow {
  label: string;
  unit: CoverageUnit;
  totals: CoverageTotals;
}

/** The columns: the report format, the source files the reports cover, lines (or statements), branches. */
export const COVERAGE_COLUMNS = ['format', 'source files', 'lines', 'branches'] as const;

function cell(counts: CoverageCounts | null): string {
  if (!counts) return '—';
  const pct = coveragePercent(counts);
  return `${pct === null ? '—' : `${pct.toFixed(1)}%`} (${counts.covered}/${counts.total})`;
}

/** Each row's cells, in COVERAGE_COLUMNS order, as plain text. */
export function coverageTableCells({ rows }: { rows: readonly CoverageTableRow[] }): string[][] {
  return rows.map((row) => [
    row.label,
    String(row.totals.files),
    `${cell(row.totals.lines)}${row.unit === 'lines' ? '' : ` ${row.unit}`}`,
    cell(row.totals.branches),
  ]);
}
