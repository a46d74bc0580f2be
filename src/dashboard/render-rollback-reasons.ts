import { shortenText } from '../markdown/shorten-text.ts';
import { summarizeRollbackReasons } from '../report/summarize-rollback-reasons.ts';
import type { Report, SegmentReport } from '../report/types.ts';
import { CHART } from './chart-layout.ts';
import { escapeHtml } from './escape-html.ts';
import { renderDataTable } from './render-data-table.ts';
import { renderFigure } from './render-figure.ts';
import { scaleLinear } from './scale-linear.ts';

/** Longest reason drawn in the chart (the table shows it whole). */
const MAX_LABEL = 60;
const ROW = 34;
/** The label of rollbacks that gave no reason (docs/kpis.md, "Top rollback reasons"). */
const NO_REASON = 'no reason given';

interface ReasonBar {
  label: string;
  count: number;
  series: 'rollback-reason' | 'rollback-no-reason';
}

/**
 * The segment's top rollback reasons over the shown periods as horizontal
 * bars, by count; then, apart, the rolled-back releases whose rollback gave
 * no reason ("no reason given"), and "+ N more with the same count" when the
 * report's list of three is cut inside a tie (summarizeRollbackReasons).
 */
export function renderRollbackReasons({
  report,
  segment,
}: {
  report: Pick<Report, 'releases'>;
  segment: SegmentReport;
}): string {
  const { top, tiedPastCut, withoutReason } = summarizeRollbackReasons({ report, segment });
  const bars: ReasonBar[] = [
    ...top.map((r) => ({ label: r.reason, count: r.count, series: 'rollback-reason' as const })),
    ...(withoutReason > 0 ? [{ label: NO_REASON, count: withoutReason, series: 'rollback-no-reason' as const }] : []),
  ];
  if (bars.length === 0) {
    return `<p class="empty" id="rollback-reasons">No rollback in the shown periods.</p>`;
  }
  const height = 16 + bars.length * ROW;
  const max = Math.max(...bars.map((r) => r.count));
  const x = scaleLinear({ domain: [0, max], range: [0, CHART.width - 80] });
  const body = bars
    .map((bar, i) => {
      const top = 8 + i * ROW;
      const label = escapeHtml(shortenText({ text: bar.label, max: MAX_LABEL }));
      const style = bar.series === 'rollback-reason' ? 's-not' : 's-pending';
      return (
        `<text class="reason" x="8" y="${top + 11}">${label}</text>` +
        `<rect class="bar ${style}" x="8" y="${top + 15}" width="${Math.max(2, x(bar.count))}" height="12" data-series="${bar.series}" data-key="${escapeHtml(bar.label)}" data-value="${bar.count}"><title>${escapeHtml(`${bar.label}: ${bar.count}`)}</title></rect>` +
        `<text class="value" x="${14 + Math.max(2, x(bar.count))}" y="${top + 25}" aria-hidden="true">${bar.count}</text>`
      );
    })
    .join('');
  const tie =
    tiedPastCut > 0
      ? `<p class="muted">+ ${tiedPastCut} more with the same count as “${escapeHtml(shortenText({ text: top.at(-1)!.reason, max: MAX_LABEL }))}” (${top.at(-1)!.count}): the list keeps three, cut by text.</p>`
      : '';
  return (
    renderFigure({
      id: 'rollback-reasons',
      title: `Top rollback reasons of segment ${segment.name}`,
      description: `The first rollback of each release in the shown periods, grouped by reason: ${bars
        .map((r) => `${r.label} (${r.count})`)
        .join('; ')}${tiedPastCut > 0 ? `; ${tiedPastCut} more with the same count as the last reason` : ''}.`,
      body,
      height,
      table: renderDataTable({
        caption: `Top rollback reasons of segment ${segment.name}`,
        columns: ['reason', 'rollbacks'],
        rows: bars.map((r) => ({
          header: r.label,
          key: r.label,
          cells: [{ text: String(r.count), value: r.count }],
        })),
        id: 'rollback-reasons-table',
      }),
    }) + tie
  );
}
