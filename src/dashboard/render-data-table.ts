import { escapeHtml } from './escape-html.ts';

/** One cell: its text, and the number it shows (written as `data-value`, `null` for none). */
export interface DataCell {
  text: string;
  value?: number | null;
}

/**
 * The accessible alternative of a chart: a plain table with a caption, one
 * row header per row. Cells carrying a number say it in `data-value`.
 */
export function renderDataTable({
  caption,
  columns,
  rows,
  id,
}: {
  caption: string;
  columns: readonly string[];
  rows: readonly { header: string; cells: readonly DataCell[]; key?: string }[];
  id?: string;
}): string {
  const head = `<tr>${columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = rows
    .map((row) => {
      const cells = row.cells
        .map((cell) => {
          const value = cell.value === undefined ? '' : ` data-value="${cell.value === null ? 'null' : cell.value}"`;
          return `<td${value}>${escapeHtml(cell.text)}</td>`;
        })
        .join('');
      const key = row.key === undefined ? '' : ` data-key="${escapeHtml(row.key)}"`;
      return `<tr${key}><th scope="row">${escapeHtml(row.header)}</th>${cells}</tr>`;
    })
    .join('');
  const idAttr = id === undefined ? '' : ` id="${escapeHtml(id)}"`;
  return `<table class="data"${idAttr}><caption>${escapeHtml(caption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table>`;
}
