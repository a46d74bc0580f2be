import { formatNumber } from '../markdown/index.ts';
import type { SegmentReport } from '../report/types.ts';
import { labelPeriod } from './label-period.ts';
import { renderPeriodBars } from './render-period-bars.ts';

/** The guide line: rolling back should take minutes, not tens of minutes. */
const GUIDE_MINUTES = 10;

/** The median time rolling back took per period (redeploy and workflow rollbacks carry a duration). */
export function renderRollbackDurationChart({ segment }: { segment: SegmentReport }): string {
  const format = (value: number | null) => formatNumber({ value, unit: 'min' });
  const sentence = segment.periods
    .map((p) => `${labelPeriod(p)}: ${format(p.medianRollbackMinutes)} (${p.rolledBack} rolled back)`)
    .join('; ');
  return renderPeriodBars({
    id: 'rollback-duration',
    title: `Median rollback duration of segment ${segment.name} per period`,
    description: `How long rolling back took, median per period in minutes, oldest first. ${sentence}. A dash: no rollback with a duration. A dotted guide line at ${GUIDE_MINUTES} minutes marks a quick rollback; it is not a target.`,
    series: 'median-rollback-minutes',
    bars: segment.periods.map((period) => ({ period, value: period.medianRollbackMinutes })),
    format,
    axisTitle: 'minutes',
    reference: {
      value: GUIDE_MINUTES,
      label: `dotted line: ${GUIDE_MINUTES} min, a guide for a quick rollback (not a target)`,
      series: 'rollback-guide-line',
      kind: 'guide',
    },
    columns: ['period', 'median rollback duration'],
  });
}
