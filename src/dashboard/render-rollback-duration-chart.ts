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
    description: `How long rolling back took, median per period in minutes, oldest first. ${sentence}. A dash: no rollback with a duration. Guide line at ${GUIDE_MINUTES} minutes.`,
    series: 'median-rollback-minutes',
    bars: segment.periods.map((period) => ({ period, value: period.medianRollbackMinutes })),
    format,
    axisTitle: 'minutes',
    reference: { value: GUIDE_MINUTES, label: `${GUIDE_MINUTES} min`, series: 'rollback-guide-line' },
    columns: ['period', 'median rollback duration'],
  });
}
