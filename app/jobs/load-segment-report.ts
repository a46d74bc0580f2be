import { ConfigError } from '../../src/config/index.ts';
import { createRepoEvaluator, type RepoEvaluation, shownPeriods, tallyReport } from '../../src/kpi/index.ts';
import type { Report } from '../../src/report/types.ts';
import type { StoreSlices } from '../../src/store/index.ts';
import { isUsableEvaluation } from '../dashboard/is-usable-evaluation.ts';
import { readReportConfig } from '../dashboard/read-report-config.ts';

/** The org's report a verdict's trend is read from, and the repositories it had to leave out. */
export interface OrgTrendReport {
  report: Report;
  /** Repositories of the org whose stored evaluation was made under another config or engine: not counted. */
  uncounted: string[];
}

/**
 * The org's report, as the dashboard tallies it, for the trend under a
 * verdict of `repo` (docs/app.md, "What each output shows"): the org's
 * config as last read, `evaluation` standing for `repo` (evaluated again from
 * its own facts when it was made under another config), and every other
 * repository through its stored evaluation only — publishing never reads
 * another repository's facts. One without a usable evaluation is left out
 * and named. Null when the org's stored config does not validate: the trend
 * is then the repository's own.
 */
export async function loadSegmentReport({
  store,
  org,
  repo,
  evaluation,
  now,
}: {
  store: Pick<StoreSlices, 'configs' | 'facts' | 'states'>;
  org: string;
  repo: string;
  /** `repo`'s evaluation, at or before `now`. */
  evaluation: RepoEvaluation;
  now: number;
}): Promise<OrgTrendReport | null> {
  let config: Awaited<ReturnType<typeof readReportConfig>>;
  try {
    config = await readReportConfig({ store, org });
  } catch (error) {
    if (error instanceof ConfigError) return null;
    throw error;
  }
  const evaluator = createRepoEvaluator(config);
  const own = isUsableEvaluation({ evaluator, evaluation, now })
    ? evaluation
    : evaluator.evaluate({ repo, facts: await store.facts.read({ repo }), now });
  const evaluations = [own];
  const uncounted: string[] = [];
  const releasesFrom = shownPeriods({ now, config })[0]!.start;
  for (const stored of await store.states.readOrg({ org, releasesFrom })) {
    if (stored.repo === repo) continue;
    if (isUsableEvaluation({ evaluator, evaluation: stored, now })) evaluations.push(stored);
    else uncounted.push(stored.repo);
  }
  return { report: tallyReport({ evaluations, config, now }), uncounted: uncounted.sort() };
}
