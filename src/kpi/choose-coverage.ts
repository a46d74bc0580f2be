import type { SegmentRules } from '../config/types.ts';
import type { CoverageFact } from '../events/types.ts';
import type { ChosenCoverage, ScopedRelease } from './types.ts';

function newer(a: CoverageFact, b: CoverageFact | undefined): boolean {
  return !b || a.at > b.at || (a.at === b.at && a.checkRunId > b.checkRunId);
}

/**
 * A release's coverage (kpis.md §5): the newest report for its sha before
 * its window closes; else, with `latest-before`, the repo's newest report at
 * or before publishedAt. A chosen report with zero lines is no coverage.
 */
export function chooseCoverage({
  release,
  coverage,
  rules,
}: {
  release: ScopedRelease;
  coverage: readonly CoverageFact[];
  rules: Pick<SegmentRules, 'coverage'>;
}): ChosenCoverage | null {
  let own: CoverageFact | undefined;
  let before: CoverageFact | undefined;
  for (const fact of coverage) {
    if (release.sha !== null && fact.sha === release.sha && fact.at < release.windowEnd && newer(fact, own)) own = fact;
    if (fact.at <= release.publishedAt && newer(fact, before)) before = fact;
  }
  const chosen: ChosenCoverage | null = own
    ? { fact: own, fallback: false }
    : before && rules.coverage.fallback === 'latest-before'
      ? { fact: before, fallback: true }
      : null;
  return chosen && chosen.fact.total > 0 ? chosen : null;
}
