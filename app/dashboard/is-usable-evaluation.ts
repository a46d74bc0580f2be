import { EVALUATION_VERSION, type RepoEvaluation, type RepoEvaluator } from '../../src/kpi/index.ts';

/**
 * Whether a stored evaluation can be tallied under the evaluator's config at
 * `now` (docs/architecture.md, "Facts and evaluations"): made by this engine
 * version, under a config that evaluates its segment the same way, and not
 * later than `now` (a look back in time).
 */
export function isUsableEvaluation({
  evaluator,
  evaluation,
  now,
}: {
  evaluator: RepoEvaluator;
  evaluation: RepoEvaluation;
  now: number;
}): boolean {
  const { configKey } = evaluator.settingsOf(evaluator.segmentOf(evaluation.repo, evaluation.repoInfo));
  return evaluation.version === EVALUATION_VERSION && evaluation.configKey === configKey && evaluation.now <= now;
}
