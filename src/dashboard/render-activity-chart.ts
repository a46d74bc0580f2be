import { DEVOPS_KINDS } from '../config/types.ts';
import { formatPeriod } from '../markdown/index.ts';
import type { SegmentReport } from '../report/types.ts';
import { labelPeriod } from './label-period.ts';
import { renderDataTable } from './render-data-table.ts';
import { renderFigure } from './render-figure.ts';
import { renderStackedPeriodBars } from './render-stacked-period-bars.ts';

/** The DevOps kinds as stacked parts, one colour each. */
export const KIND_PARTS = DEVOPS_KINDS.map((kind, k) => ({ key: kind, text: kind, swatch: `k${k}` }));

/**
 * DevOps activities counted for each period's releases, stacked by kind
 * (manual workflow runs, re-runs, manual deployments, approvals, hotfixes).
 */
export function renderActivityChart({ segment }: { segment: SegmentReport }): string {
  const periods = segment.periods;
  const body = renderStackedPeriodBars({
    periods,
    parts: KIND_PARTS,
    amountOf: (i, part) => periods[i]!.devopsActivities[part.key as (typeof DEVOPS_KINDS)[number]],
    format: String,
    axisTitle: 'activities',
  });
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
    body,
    legend: KIND_PARTS.map((part) => ({ swatch: part.swatch, text: part.text })),
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
