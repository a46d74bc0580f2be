import type { CoverageFact } from '../events/types.ts';
import type { CoverageReading, ScopedRelease } from './types.ts';

function newer(a: CoverageFact, b: CoverageFact | undefined): boolean {
  return !b || a.at > b.at || (a.at === b.at && a.checkRunId > b.checkRunId);
}

function readingOf(fact: CoverageFact | undefined): CoverageReading | null {
  if (!fact) return null;
  return { checkRunId: fact.checkRunId, sha: fact.sha, covered: fact.covered, total: fact.total, at: fact.at };
}

/**
 * A release's two coverage candidates (docs/kpis.md, "Coverage"): the newest report for
 * its sha before its window closes, and the repo's newest report at or
 * before publishedAt. chooseCoverage picks between them.
 */
export function findCoverage({ release, coverage }: { release: ScopedRelease; coverage: readonly CoverageFact[] }): {
  own: CoverageReading | null;
  before: CoverageReading | null;
} {
  let own: CoverageFact | undefined;
  let before: CoverageFact | undefined;
  for (const fact of coverage) {
    if (release.sha !== null && fact.sha === release.sha && fact.at < release.windowEnd && newer(fact, own)) own = fact;
    if (fact.at <= release.publishedAt && newer(fact, before)) before = fact;
  }
  return { own: readingOf(own), before: readingOf(before) };
}
