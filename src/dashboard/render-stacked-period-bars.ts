import { formatPeriod } from '../markdown/index.ts';
import type { ReportPeriod } from '../report/types.ts';
import { axisValues } from './axis-values.ts';
import { bandLayout } from './band-layout.ts';
import { PLOT } from './chart-layout.ts';
import { escapeHtml } from './escape-html.ts';
import { labelPeriod } from './label-period.ts';
import { niceCeiling } from './nice-ceiling.ts';
import { renderChartFrame } from './render-chart-frame.ts';
import { scaleLinear } from './scale-linear.ts';

/** One stacked part: its key (`data-series`), its legend text and its swatch class. */
export interface StackPart {
  key: string;
  text: string;
  swatch: string;
}

/**
 * The frame and the bars of a chart stacking, per period, one value per part
 * (bottom first), each bar named by `<title>` and carrying `data-series`,
 * `data-period` and `data-value`. The figure, legend and table are the caller's.
 */
export function renderStackedPeriodBars({
  periods,
  parts,
  amountOf,
  format,
  axisTitle,
}: {
  periods: readonly ReportPeriod[];
  parts: readonly StackPart[];
  amountOf: (period: number, part: StackPart) => number;
  format: (value: number) => string;
  axisTitle: string;
}): string {
  const totals = periods.map((_, i) => parts.reduce((sum, part) => sum + amountOf(i, part), 0));
  const max = niceCeiling({ value: Math.max(1, ...totals) });
  const y = scaleLinear({ domain: [0, max], range: [PLOT.y + PLOT.height, PLOT.y] });
  const bands = bandLayout({ count: periods.length, fill: 0.55 });
  const frame = renderChartFrame({
    left: axisValues({ max }).map((v) => ({ at: y(v), text: String(v) })),
    bands: bands.map((b, i) => ({ center: b.center, text: labelPeriod(periods[i]!) })),
    leftTitle: axisTitle,
  });
  const bars = periods
    .map((period, i) => {
      const band = bands[i]!;
      let base = 0;
      return parts
        .map((part) => {
          const value = amountOf(i, part);
          const top = y(base + value);
          const height = Math.round((y(base) - top) * 10) / 10;
          base += value;
          return `<rect class="bar ${escapeHtml(part.swatch)}" x="${band.x}" y="${top}" width="${band.width}" height="${height}" data-series="${escapeHtml(part.key)}" data-period="${escapeHtml(period.start)}" data-value="${value}"><title>${escapeHtml(`${formatPeriod(period)}: ${part.text} ${format(value)}`)}</title></rect>`;
        })
        .join('');
    })
    .join('');
  return frame + bars;
}
