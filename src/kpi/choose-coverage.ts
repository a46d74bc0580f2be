import type { SegmentRules } from '../config/types.ts';
import type { ChosenCoverage, CoverageReading } from './types.ts';

/**
 * A release's coverage (docs/kpis.md, "Coverage"): its own report; else, with
 * `latest-before`, the repo's newest report at or before publishedAt. A
 * chosen report with zero lines is no coverage.
 */
export function chooseCoverage({
  own,
  before,
  rules,
}: {
  own: CoverageReading | null;
  before: CoverageReading | null;
  rules: Pick<SegmentRules, 'coverage'>;
}): ChosenCoverage | null {
  const fallback = own === null;
  const chosen = own ?? (rules.coverage.fallback === 'latest-before' ? before : null);
  return chosen && chosen.total > 0 ? { ...chosen, fallback } : null;
}
