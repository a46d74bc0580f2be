import type { Config } from '../config/types.ts';
import type { Fact } from '../events/types.ts';
import type { Report } from '../report/types.ts';
import type { Instant } from '../time/index.ts';
import { createRepoEvaluator } from './create-repo-evaluator.ts';
import { groupFactsByRepo } from './group-facts-by-repo.ts';
import { tallyReport } from './tally-report.ts';
import type { RepoEvaluation } from './types.ts';

/**
 * The KPI engine: every number of kpis.md from normalized facts, as the JSON
 * report (docs/report.md). Pure and order-independent; `now` is a parameter.
 * `repo` limits the report to one repository. `warnings` (what reading the
 * input found, e.g. ingestDeliveries') are reported sorted, each once.
 *
 * Each repository is evaluated at `now` (evaluateRepoState), then judged and
 * tallied (tallyReport), one repository at a time: its index and evaluation
 * are garbage once counted, so the heap holds one repo's working state, not
 * every repo's.
 */
export function computeReport({
  facts,
  config,
  now,
  repo,
  warnings = [],
}: {
  facts: Iterable<Fact>;
  config: Config;
  now: Instant;
  repo?: string;
  warnings?: readonly string[];
}): Report {
  // Judged at once and dropped: nothing will re-evaluate these, so they need no seeds.
  const evaluator = createRepoEvaluator(config, { seeds: false });
  const groups = groupFactsByRepo({ facts, ...(repo === undefined ? {} : { repo }) });
  function* evaluations(): Generator<RepoEvaluation> {
    for (const [name, own] of groups) yield evaluator.evaluate({ repo: name, facts: own, now });
  }
  return tallyReport({ evaluations: evaluations(), config, now, warnings, ...(repo === undefined ? {} : { repo }) });
}
