import type { ReleaseReport, SegmentRulesReport, VerdictReason } from '../report/types.ts';
import { describeSignal } from './describe-signal.ts';
import { formatCount } from './format-count.ts';
import { formatTime } from './format-time.ts';

/** The limits a verdict was judged against: its segment's rules, as the report carries them. */
export type ReleaseRules = Pick<SegmentRulesReport, 'maxDevopsActivities' | 'minCoverage' | 'rollbackWindowHours'>;

/** `77 %`, `77.5 %`: a percentage as a sentence says it, without a trailing `.0`. */
function sayPercent(x: number): string {
  return `${formatCount(Math.round(x * 10) / 10)} %`;
}

function coverageBelow(release: ReleaseReport, rules: ReleaseRules): string {
  const threshold = sayPercent(rules.minCoverage);
  const report = release.coverageReport;
  const percent = report && report.total > 0 ? (report.covered / report.total) * 100 : release.coverage;
  if (percent === null) return `coverage is below ${threshold}`;
  const shown = sayPercent(percent);
  // 79.96 % shows as 80 %: then the lines say why it is still below.
  const lines =
    report && shown === threshold ? ` (${formatCount(report.covered)} of ${formatCount(report.total)} lines)` : '';
  return `coverage ${shown}${lines} is below ${threshold}`;
}

/**
 * One failing criterion as a sentence with its figures, in plain text made
 * only of our words and numbers (safe in Markdown, HTML-escape it in pages):
 * `coverage 77 % is below 80 %`, `4 DevOps activities (fewer than 3
 * allowed)`, `rolled back 2026-03-03 09:04 UTC (redeploy of an older
 * release)`, `no coverage report before the window closed`
 * (docs/kpis.md, "How a verdict reads").
 */
export function describeReason({
  reason,
  release,
  rules,
}: {
  reason: VerdictReason;
  release: ReleaseReport;
  rules: ReleaseRules;
}): string {
  switch (reason) {
    case 'rolled-back':
      return release.rollback
        ? `rolled back ${formatTime(release.rollback.at)} (${describeSignal(release.rollback.signal)})`
        : 'rolled back';
    case 'devops-activities': {
      const n = release.devopsActivities;
      return `${formatCount(n)} DevOps ${n === 1 ? 'activity' : 'activities'} (fewer than ${formatCount(rules.maxDevopsActivities)} allowed)`;
    }
    case 'coverage-below-threshold':
      return coverageBelow(release, rules);
    case 'coverage-missing':
      return 'no coverage report before the window closed';
  }
}
