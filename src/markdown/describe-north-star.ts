import type { SegmentReport } from '../report/types.ts';
import { DAY, parseInstant } from '../time/index.ts';
import { formatCount } from './format-count.ts';
import { formatPercent } from './format-percent.ts';

/**
 * The North Star in one sentence with the segment's own rules
 * (docs/kpis.md, "The North Star: well-packaged releases per two weeks"):
 * `North Star: well-packaged releases per 14-day period — published, not
 * rolled back within 7 days, fewer than 3 DevOps activities, line coverage
 * ≥ 80.0 %.`
 */
export function describeNorthStar({ segment }: { segment: Pick<SegmentReport, 'rules' | 'periods'> }): string {
  const { rules } = segment;
  const first = segment.periods[0];
  const days = first ? ((parseInstant(first.end) ?? 0) - (parseInstant(first.start) ?? 0)) / DAY : 0;
  const period = days > 0 ? `${formatCount(Math.round(days * 100) / 100)}-day period` : 'period';
  const window = formatCount(Math.round((rules.rollbackWindowHours / 24) * 100) / 100);
  return `North Star: well-packaged releases per ${period} — releases not rolled back within ${window} days, with fewer than ${formatCount(rules.maxDevopsActivities)} DevOps activities and line coverage ≥ ${formatPercent(rules.minCoverage)}.`;
}
