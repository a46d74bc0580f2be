import type { Config } from '../config/types.ts';
import type { Fact } from '../events/types.ts';
import type { Instant } from '../time/index.ts';
import { createRepoEvaluator } from './create-repo-evaluator.ts';
import type { RepoEvaluation } from './types.ts';

/**
 * What one repository's facts known at `now` say (every fact given is taken
 * as this repo's), without what only the passing of time decides: the
 * segment, each in-scope release's scope, activities, rollbacks and coverage
 * candidates, each alert reduced. Facts whose own time is after `now` are
 * left out. judgeRepoEvaluation gives the verdicts at any later `now`
 * provided no fact has a time in between (docs/kpis.md, "Re-evaluating only
 * what can change").
 */
export function evaluateRepoState({
  repo,
  facts,
  config,
  now,
}: {
  repo: string;
  facts: Iterable<Fact>;
  config: Config;
  now: Instant;
}): RepoEvaluation {
  return createRepoEvaluator(config).evaluate({ repo, facts, now });
}
