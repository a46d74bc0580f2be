import { escapeMarkdown } from '../markdown/index.ts';
import { renderTable } from '../markdown/render-table.ts';
import { COVERAGE_COLUMNS, type CoverageTableRow, coverageTableCells } from './coverage-table-cells.ts';

/**
 * The coverage rows as a Markdown table (job summaries, the
 * `shipwell/coverage` check run): format, source files, lines (or
 * statements), branches; numbers align right.
 */
export function renderCoverageMarkdown({ rows }: { rows: readonly CoverageTableRow[] }): string {
  return renderTable({
    columns: COVERAGE_COLUMNS.map((header, i) => ({ header, numeric: i > 0 })),
    rows: coverageTableCells({ rows }).map((cells) => cells.map((text) => escapeMarkdown(text))),
  })
    .map((line) => line.text)
    .join('\n');
}
