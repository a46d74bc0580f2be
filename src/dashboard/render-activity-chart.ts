import { DEVOPS_KINDS } from '../config/types.ts';
import { formatPeriod } from '../markdown/index.ts';
import type { SegmentReport } from '../report/types.ts';
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

/**
 * DevOps activities counted for each period's releases, stacked by kind
 * (manual workflow runs, re-runs, manual deployments, approvals, hotfixes).
 */
export function renderActivityChart({ segment }: { segment: SegmentReport }): string {
  const periods = segment.periods;
  const totals = periods.map((p) => DEVOPS_KINDS.reduce((sum, kind) => sum + p.devopsActivities[kind], 0));
  const max = niceCeiling({ value: Math.max(1, ...totals) });
  const y = scaleLinear({ domain: [0, max], range: [PLOT.y + PLOT.height, PLOT.y] });
  const bands = bandLayout({ count: periods.length, fill: 0.55 });
  const frame = renderChartFrame({
    left: axisValues({ max }).map((v) => ({ at: y(v), text: String(v) })),
    bands: bands.map((b, i) => ({ center: b.center, text: labelPeriod(periods[i]!) })),
    leftTitle: 'activities',
  });
  const bars = periods
    .map((period, i) => {
      const band = bands[i]!;
      let base = 0;
      return DEVOPS_KINDS.map((kind, k) => {
        const value = period.devopsActivities[kind];
        const top = y(base + value);
        const height = Math.round((y(base) - top) * 10) / 10;
        base += value;
        return `<rect class="bar k${k}" x="${band.x}" y="${top}" width="${band.width}" height="${height}" data-series="${kind}" data-period="${escapeHtml(period.start)}" data-value="${value}"><title>${escapeHtml(`${formatPeriod(period)}: ${value} ${kind}`)}</title></rect>`;
      }).join('');
    })
    .join('');
  const sentence = periods
    .map((p) => {
      const parts = DEVOPS_KINDS.filter((kind) => p.devopsActivities[kind] > 0).map(
        (kind) => `${p.devopsActivities[kind]} ${kind}`,
      );
      return `${labelPeriod(p)}: ${parts.length > 0 ? parts.join(', ') : 'none'}`;
    })
    .join('; ');
  return renderFigure({
    id: 'activities',
    title: `DevOps activities of segment ${segment.name} by kind, per period`,
    description: `Manual work counted against each period's releases, oldest first. ${sentence}.`,
    body: frame + bars,
    legend: DEVOPS_KINDS.map((kind, k) => ({ swatch: `k${k}`, text: kind })),
    table: renderDataTable({
      caption: `DevOps activities of segment ${segment.name} by kind`,
      columns: ['period', ...DEVOPS_KINDS],
      rows: periods.map((period) => ({
        header: `${formatPeriod(period)}${period.current ? ' (current)' : ''}`,
        key: period.start,
        cells: DEVOPS_KINDS.map((kind) => ({
          text: String(period.devopsActivities[kind]),
          value: period.devopsActivities[kind],
        })),
      })),
      id: 'activities-table',
    }),
  });
}
