import { formatPeriod } from '../markdown/index.ts';
import type { ReportPeriod } from '../report/types.ts';
import { axisValues } from './axis-values.ts';
import { bandLayout } from './band-layout.ts';
import { PLOT } from './chart-layout.ts';
import { escapeHtml } from './escape-html.ts';
import { labelPeriod } from './label-period.ts';
import { niceCeiling } from './nice-ceiling.ts';
import { renderChartFrame } from './render-chart-frame.ts';
import { renderDataTable } from './render-data-table.ts';
import { renderFigure } from './render-figure.ts';
import { scaleLinear } from './scale-linear.ts';

/** One bar: a period, its number (null: none, drawn as a dash), and whether it is on target. */
export interface PeriodBar {
  period: ReportPeriod;
  value: number | null;
  onTarget?: boolean | null;
}

/**
 * One number per period as bars against an optional reference line (a
 * dashed target, or a dotted grey guide such as "10 min"), every colour and
 * line explained in the legend. A period without a number shows `–` on the
 * axis. Bars on target are green, off target red, otherwise neutral.
 */
export function renderPeriodBars({
  id,
  title,
  description,
  series,
  bars,
  format,
  axisTitle,
  fixedMax,
  reference,
  columns,
}: {
  id: string;
  title: string;
  description: string;
  /** `data-series` of each bar. */
  series: string;
  bars: readonly PeriodBar[];
  format: (value: number | null) => string;
  axisTitle: string;
  /** The axis maximum (100 for percentages); otherwise rounded up from the largest value. */
  fixedMax?: number;
  /** A dashed line: a target (the bars are judged against it), or a guide (only a reference). */
  reference?: { value: number; label: string; series: string; kind: 'target' | 'guide' };
  columns: readonly [period: string, value: string, verdict?: string];
}): string {
  const values = bars.flatMap((b) => (b.value === null ? [] : [b.value]));
  const max = fixedMax ?? niceCeiling({ value: Math.max(1, reference?.value ?? 0, ...values) });
  const y = scaleLinear({ domain: [0, max], range: [PLOT.y + PLOT.height, PLOT.y] });
  const bands = bandLayout({ count: bars.length, fill: 0.5 });
  const frame = renderChartFrame({
    left: axisValues({ max }).map((v) => ({ at: y(v), text: String(v) })),
    bands: bands.map((b, i) => ({ center: b.center, text: labelPeriod(bars[i]!.period) })),
    leftTitle: axisTitle,
  });
  const body = bars
    .map((bar, i) => {
      const band = bands[i]!;
      const period = escapeHtml(bar.period.start);
      const label = escapeHtml(`${formatPeriod(bar.period)}: ${format(bar.value)}`);
      if (bar.value === null) {
        return `<text class="none" x="${band.center}" y="${PLOT.y + PLOT.height - 6}" text-anchor="middle" data-series="${escapeHtml(series)}" data-period="${period}" data-value="null">–<title>${label}</title></text>`;
      }
      const top = y(bar.value);
      const tone = bar.onTarget === true ? 's-on' : bar.onTarget === false ? 's-off' : 's-plain';
      return (
        `<rect class="bar ${tone}" x="${band.x}" y="${top}" width="${band.width}" height="${Math.round((PLOT.y + PLOT.height - top) * 10) / 10}" data-series="${escapeHtml(series)}" data-period="${period}" data-value="${bar.value}"><title>${label}</title></rect>` +
        `<text class="value" x="${band.center}" y="${top - 5}" text-anchor="middle" aria-hidden="true">${escapeHtml(format(bar.value))}</text>`
      );
    })
    .join('');
  const line = reference
    ? `<line class="${reference.kind}" x1="${PLOT.x}" x2="${PLOT.x + PLOT.width}" y1="${y(reference.value)}" y2="${y(reference.value)}" data-series="${escapeHtml(reference.series)}" data-value="${reference.value}"><title>${escapeHtml(reference.label)}</title></line>`
    : '';
  // Every colour and line drawn is in the legend; nothing is labelled inside the plot, so no label overprints a bar's.
  const tones = new Set(bars.filter((b) => b.value !== null).map((b) => b.onTarget ?? null));
  const legend = [
    ...(tones.has(true) ? [{ swatch: 's-on', text: 'bar: on target' }] : []),
    ...(tones.has(false) ? [{ swatch: 's-off', text: 'bar: off target' }] : []),
    ...(tones.has(null) ? [{ swatch: 's-plain', text: reference?.kind === 'target' ? 'bar: not judged' : 'bar' }] : []),
    ...(bars.some((b) => b.value === null) ? [{ swatch: 's-none', text: '–: no number for the period' }] : []),
    ...(reference ? [{ swatch: reference.kind === 'target' ? 's-dash' : 's-guide', text: reference.label }] : []),
  ];
  const verdicts = columns[2] !== undefined;
  const rows = bars.map((bar) => ({
    header: `${formatPeriod(bar.period)}${bar.period.current ? ' (current)' : ''}`,
    key: bar.period.start,
    cells: [
      { text: format(bar.value), value: bar.value },
      ...(verdicts
        ? [{ text: bar.onTarget === true ? 'on target' : bar.onTarget === false ? 'off target' : '—' }]
        : []),
    ],
  }));
  return renderFigure({
    id,
    title,
    description,
    body: frame + line + body,
    legend,
    table: renderDataTable({
      caption: title,
      columns: columns.filter((c) => c !== undefined),
      rows,
      id: `${id}-table`,
    }),
  });
}
