import { formatPercent } from '../markdown/index.ts';
import type { SegmentReport } from '../report/types.ts';
import { labelPeriod } from './label-period.ts';
import { renderPeriodBars } from './render-period-bars.ts';

/** Security-patch coverage per period (settled in SLA / settled) against the segment's patch-coverage target. */
export function renderPatchCoverageChart({ segment }: { segment: SegmentReport }): string {
  const target = segment.targets.patchCoverage;
  const sentence = segment.periods
    .map(
      (p) => `${labelPeriod(p)}: ${formatPercent(p.patchCoverage)} (${p.patchesInSla} of ${p.patchesSettled} in SLA)`,
    )
    .join('; ');
  return renderPeriodBars({
    id: 'patch-coverage',
    title: `Security-patch coverage of segment ${segment.name} per period`,
    description: `Alerts fixed within their SLA among those settled in each period, oldest first. ${sentence}.${target === undefined ? '' : ` Target ${formatPercent(target)}.`} A dash: nothing settled.`,
    series: 'patch-coverage',
    bars: segment.periods.map((period) => ({
      period,
      value: period.patchCoverage,
      onTarget: period.onTarget.patchCoverage,
    })),
    format: formatPercent,
    axisTitle: '% in SLA',
    fixedMax: 100,
    ...(target === undefined
      ? {}
      : {
          reference: {
            value: target,
            label: `dashed line: target ${formatPercent(target)}`,
            series: 'patch-coverage-target-line',
            kind: 'target',
          },
        }),
    columns: ['period', 'patch coverage', 'target'],
  });
}
