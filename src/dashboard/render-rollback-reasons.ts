import { shortenText } from '../markdown/shorten-text.ts';
import type { SegmentReport } from '../report/types.ts';
import { CHART } from './chart-layout.ts';
import { escapeHtml } from './escape-html.ts';
import { renderDataTable } from './render-data-table.ts';
import { renderFigure } from './render-figure.ts';
import { scaleLinear } from './scale-linear.ts';

/** Longest reason drawn in the chart (the table shows it whole). */
const MAX_LABEL = 60;
const ROW = 34;

/** The segment's top rollback reasons over the shown periods as horizontal bars, by count. */
export function renderRollbackReasons({ segment }: { segment: SegmentReport }): string {
  const reasons = segment.topRollbackReasons;
  if (reasons.length === 0) {
    return `<p class="empty" id="rollback-reasons">No rollback with a reason in the shown periods.</p>`;
  }
  const height = 16 + reasons.length * ROW;
  const max = Math.max(...reasons.map((r) => r.count));
  const x = scaleLinear({ domain: [0, max], range: [0, CHART.width - 80] });
  const body = reasons
    .map((reason, i) => {
      const top = 8 + i * ROW;
      const label = escapeHtml(shortenText({ text: reason.reason, max: MAX_LABEL }));
      return (
        `<text class="reason" x="8" y="${top + 11}">${label}</text>` +
        `<rect class="bar s-not" x="8" y="${top + 15}" width="${Math.max(2, x(reason.count))}" height="12" data-series="rollback-reason" data-key="${escapeHtml(reason.reason)}" data-value="${reason.count}"><title>${escapeHtml(`${reason.reason}: ${reason.count}`)}</title></rect>` +
        `<text class="value" x="${14 + Math.max(2, x(reason.count))}" y="${top + 25}" aria-hidden="true">${reason.count}</text>`
      );
    })
    .join('');
  return renderFigure({
    id: 'rollback-reasons',
    title: `Top rollback reasons of segment ${segment.name}`,
    description: `The first rollback of each release in the shown periods, grouped by reason: ${reasons
      .map((r) => `${r.reason} (${r.count})`)
      .join('; ')}.`,
    body,
    height,
    table: renderDataTable({
      caption: `Top rollback reasons of segment ${segment.name}`,
      columns: ['reason', 'rollbacks'],
      rows: reasons.map((r) => ({
        header: r.reason,
        key: r.reason,
        cells: [{ text: String(r.count), value: r.count }],
      })),
      id: 'rollback-reasons-table',
    }),
  });
}
