import type { SegmentRules } from '../config/types.ts';
import type { ReleaseStatus, VerdictReason } from '../report/types.ts';
import type { Instant } from '../time/index.ts';
import type { ChosenCoverage, DevopsActivity, Rollback, ScopedRelease } from './types.ts';

/**
 * The status of a release at `now` (docs/kpis.md, "The North Star: well-packaged releases per two weeks") with every failing reason.
 * Its inputs are already cut to the facts dated before the window ends.
 */
export function judgeRelease({
  release,
  rollbacks,
  activities,
  coverage,
  rules,
  now,
}: {
  release: ScopedRelease;
  rollbacks: readonly Rollback[];
  activities: readonly DevopsActivity[];
  coverage: ChosenCoverage | null;
  rules: Pick<SegmentRules, 'maxDevopsActivities' | 'minCoverage'>;
  now: Instant;
}): { status: ReleaseStatus; reasons: VerdictReason[] } {
  const reasons: VerdictReason[] = [];
  const windowClosed = now >= release.windowEnd;
  if (rollbacks.length > 0) reasons.push('rolled-back');
  if (activities.length >= rules.maxDevopsActivities) reasons.push('devops-activities');
  if (coverage) {
    // The exact ratio, never a rounded float.
    if (coverage.covered * 100 < rules.minCoverage * coverage.total) reasons.push('coverage-below-threshold');
  } else if (windowClosed) {
    reasons.push('coverage-missing');
  }
  if (reasons.length > 0) return { status: 'not-well-packaged', reasons };
  return { status: windowClosed ? 'well-packaged' : 'pending', reasons };
}
