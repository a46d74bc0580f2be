import type { SegmentRules } from '../config/types.ts';
import { formatInstant, type Instant } from '../time/index.ts';
import { judgeEvaluatedRelease } from './judge-evaluated-release.ts';
import { settleAlert } from './settle-alert.ts';
import type { PatchSettlement, ReleaseVerdict, RepoEvaluation } from './types.ts';

/**
 * Every verdict and settlement of one evaluated repository at `now`:
 * exactly what evaluating its facts at `now` gives, provided no fact has a
 * time in (evaluation.now, now] (else re-evaluate first). `rules` are its
 * segment's (`rulesForSegment({ config, segment: evaluation.segment })`).
 * Throws for a `now` before the evaluation's, which would count facts from
 * after it.
 */
export function judgeRepoEvaluation({
  evaluation,
  rules,
  now,
}: {
  evaluation: RepoEvaluation;
  rules: Pick<SegmentRules, 'coverage' | 'maxDevopsActivities' | 'minCoverage' | 'patches'>;
  now: Instant;
}): { verdicts: ReleaseVerdict[]; settlements: PatchSettlement[] } {
  if (now < evaluation.now) {
    throw new Error(
      `cannot judge ${evaluation.repo} at ${formatInstant(now)}: it was evaluated at ${formatInstant(evaluation.now)}, later; evaluate it again at that time`,
    );
  }
  const { repo, segment } = evaluation;
  return {
    verdicts: evaluation.releases.map((evaluated) => judgeEvaluatedRelease({ evaluated, segment, rules, now })),
    settlements: evaluation.alerts.map((alert) => settleAlert({ repo, segment, alert, rules, now })),
  };
}
