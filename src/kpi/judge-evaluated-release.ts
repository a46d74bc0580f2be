import type { SegmentRules } from '../config/types.ts';
import type { Instant } from '../time/index.ts';
import { chooseCoverage } from './choose-coverage.ts';
import { judgeRelease } from './judge-release.ts';
import type { ReleaseEvaluation, ReleaseVerdict } from './types.ts';

/** A release's verdict at `now` from its evaluation: its coverage chosen and its status judged. */
export function judgeEvaluatedRelease({
  evaluated,
  segment,
  rules,
  now,
}: {
  evaluated: ReleaseEvaluation;
  segment: string;
  rules: Pick<SegmentRules, 'coverage' | 'maxDevopsActivities' | 'minCoverage'>;
  now: Instant;
}): ReleaseVerdict {
  const { release, activities, rollbacks } = evaluated;
  const coverage = chooseCoverage({ own: evaluated.ownCoverage, before: evaluated.coverageBefore, rules });
  const { status, reasons } = judgeRelease({ release, rollbacks, activities, coverage, rules, now });
  return { release, segment, status, reasons, coverage, activities, rollbacks };
}
