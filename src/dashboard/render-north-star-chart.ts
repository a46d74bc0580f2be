import { formatPercent, formatPeriod } from '../markdown/index.ts';
import type { SegmentReport } from '../report/types.ts';
import { axisValues } from './axis-values.ts';
import { bandLayout } from './band-layout.ts';
import { PLOT } from './chart-layout.ts';
import { describeOnTarget } from './describe-on-target.ts';
import { escapeHtml } from './escape-html.ts';
import { labelPeriod } from './label-period.ts';
import { niceCeiling } from './nice-ceiling.ts';
import { renderChartFrame } from './render-chart-frame.ts';
import { renderDataTable } from './render-data-table.ts';
import { renderFigure } from './render-figure.ts';
import { scaleLinear } from './scale-linear.ts';

const STACK = [
  { series: 'well-packaged', key: 'wellPackaged', swatch: 's-wp', text: 'well-packaged' },
  { series: 'not-well-packaged', key: 'notWellPackaged', swatch: 's-not', text: 'not well-packaged' },
  { series: 'pending', key: 'pending', swatch: 's-pending', text: 'pending' },
] as const;

function markerOf(verdict: boolean | null | undefined): string {
  if (verdict === true) return 'on';
  if (verdict === false) return 'off';
  return 'none';
}

/**
 * The North Star of one segment per period: stacked bars (well-packaged, not
 * well-packaged, pending), the share as a line on the right axis, the
 * segment's targets as dashed reference lines, and on/off-target marks
 * (✓ / ✗ above a bar for the well-packaged target; a green or red point for
 * the share target).
 */
export function renderNorthStarChart({ segment }: { segment: SegmentReport }): string {
  const periods = segment.periods;
  const { targets } = segment;
  const max = niceCeiling({ value: Math.max(...periods.map((p) => p.releases), targets.wellPackaged ?? 0, 1) });
  const y = scaleLinear({ domain: [0, max], range: [PLOT.y + PLOT.height, PLOT.y] });
  const yShare = scaleLinear({ domain: [0, 100], range: [PLOT.y + PLOT.height, PLOT.y] });
  const bands = bandLayout({ count: periods.length, fill: 0.55 });
  const frame = renderChartFrame({
    left: axisValues({ max }).map((v) => ({ at: y(v), text: String(v) })),
    right: [0, 50, 100].map((v) => ({ at: yShare(v), text: `${v} %` })),
    bands: bands.map((b, i) => ({ center: b.center, text: labelPeriod(periods[i]!) })),
    leftTitle: 'releases',
    rightTitle: 'share',
  });

  const bars = periods
    .map((period, i) => {
      const band = bands[i]!;
      let base = 0;
      const rects = STACK.map(({ series, key, text }) => {
        const value = period[key];
        const top = y(base + value);
        const height = Math.round((y(base) - top) * 10) / 10;
        base += value;
        return `<rect class="bar ${STACK.find((s) => s.series === series)!.swatch}" x="${band.x}" y="${top}" width="${band.width}" height="${height}" data-series="${series}" data-period="${escapeHtml(period.start)}" data-value="${value}"><title>${escapeHtml(`${formatPeriod(period)}: ${value} ${text}`)}</title></rect>`;
      }).join('');
      const marker = markerOf(period.onTarget.wellPackaged);
      const mark =
        marker === 'none'
          ? ''
          : `<text class="mark ${marker}" x="${band.center}" y="${y(period.releases) - 6}" text-anchor="middle" data-series="well-packaged-target" data-period="${escapeHtml(period.start)}" data-value="${marker === 'on' ? 1 : 0}">${marker === 'on' ? '✓' : '✗'}</text>`;
      return rects + mark;
    })
    .join('');

  let path = '';
  let pen = false;
  const points = periods
    .map((period, i) => {
      const band = bands[i]!;
      if (period.share === null) {
        pen = false;
        return '';
      }
      const py = yShare(period.share);
      path += `${pen ? 'L' : 'M'}${band.center} ${py} `;
      pen = true;
      const marker = markerOf(period.onTarget.share);
      return `<circle class="halo" cx="${band.center}" cy="${py}" r="7" aria-hidden="true"/><circle class="point ${marker}" cx="${band.center}" cy="${py}" r="4.5" data-series="share" data-period="${escapeHtml(period.start)}" data-value="${period.share}"><title>${escapeHtml(`${formatPeriod(period)}: share ${formatPercent(period.share)}`)}</title></circle>`;
    })
    .join('');
  const line = path ? `<path class="line" d="${path.trim()}"/>` : '';

  const references = [
    targets.wellPackaged === undefined
      ? ''
      : `<line class="target" x1="${PLOT.x}" x2="${PLOT.x + PLOT.width}" y1="${y(targets.wellPackaged)}" y2="${y(targets.wellPackaged)}" data-series="well-packaged-target-line" data-value="${targets.wellPackaged}"/>`,
    targets.share === undefined
      ? ''
      : `<line class="target share" x1="${PLOT.x}" x2="${PLOT.x + PLOT.width}" y1="${yShare(targets.share)}" y2="${yShare(targets.share)}" data-series="share-target-line" data-value="${targets.share}"/>`,
  ].join('');

  const rows = periods.map((period) => ({
    header: `${formatPeriod(period)}${period.current ? ' (current)' : ''}`,
    key: period.start,
    cells: [
      { text: String(period.releases), value: period.releases },
      { text: String(period.wellPackaged), value: period.wellPackaged },
      { text: String(period.notWellPackaged), value: period.notWellPackaged },
      { text: String(period.pending), value: period.pending },
      { text: formatPercent(period.share), value: period.share },
      { text: describeOnTarget(period.onTarget.wellPackaged) },
      { text: describeOnTarget(period.onTarget.share) },
    ],
  }));
  const sentence = periods
    .map(
      (p) =>
        `${labelPeriod(p)}: ${p.wellPackaged} well-packaged of ${p.releases} (${p.pending} pending, share ${formatPercent(p.share)})`,
    )
    .join('; ');
  const targetText = [
    targets.wellPackaged === undefined ? null : `target ${targets.wellPackaged} well-packaged per period`,
    targets.share === undefined ? null : `share target ${formatPercent(targets.share)}`,
  ].filter((t) => t !== null);
  return renderFigure({
    id: 'north-star',
    title: `North Star of segment ${segment.name}: well-packaged releases per period`,
    description: `Oldest period first. ${sentence}.${targetText.length > 0 ? ` ${targetText.join('; ')}.` : ' No target set.'}`,
    body: frame + references + bars + line + points,
    legend: [
      ...STACK.map(({ swatch, text }) => ({ swatch, text })),
      { swatch: 's-line', text: 'share well-packaged, % (line, right axis)' },
      ...(targets.wellPackaged === undefined
        ? []
        : [
            {
              swatch: 's-dash',
              text: `dashed line: target ≥ ${targets.wellPackaged} well-packaged (left axis); ✓ / ✗ above a bar: that period on / off it`,
            },
          ]),
      ...(targets.share === undefined
        ? []
        : [
            {
              swatch: 's-dot',
              text: `dotted line: share target ${formatPercent(targets.share)} (right axis); a green / red point: on / off it`,
            },
          ]),
    ],
    table: renderDataTable({
      caption: `North Star of segment ${segment.name}, per period`,
      columns: [
        'period',
        'releases',
        'well-packaged',
        'not well-packaged',
        'pending',
        'share',
        'well-packaged target',
        'share target',
      ],
      rows,
      id: 'north-star-table',
    }),
  });
}
