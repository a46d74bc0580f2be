import { createRepoEvaluator, type RepoEvaluation, shownPeriods, tallyReport } from '../../src/kpi/index.ts';
import type { Report } from '../../src/report/types.ts';
import type { StoreSlices } from '../../src/store/index.ts';
import { isUsableEvaluation } from './is-usable-evaluation.ts';
import { readReportConfig } from './read-report-config.ts';

/**
 * An org's report (one repository's with `repo`) as of `now`, with the org's
 * config (the repo's with `repo`) as last read from GitHub — what
 * `GET /shipwell/api/report` answers and the dashboard and `/metrics` show
 * (docs/architecture.md, "Facts and evaluations"). It judges and tallies
 * what the evaluation job concluded about each repository, reading only the
 * releases its periods show, never facts; a repository with no usable
 * evaluation (none yet, another config, or one later than `now`: a look
 * back in time) is evaluated here from its facts. A stored config that does
 * not validate throws the ConfigError (the caller answers 422).
 */
export async function loadOrgReport({
  store,
  org,
  repo,
  now,
}: {
  store: Pick<StoreSlices, 'configs' | 'facts' | 'states' | 'repos'>;
  org: string;
  repo?: string | undefined;
  now: number;
}): Promise<Report> {
  const config = await readReportConfig({ store, org, repo });
  const releasesFrom = shownPeriods({ now, config })[0]!.start;
  const evaluator = createRepoEvaluator(config);
  const stored = repo
    ? [await store.states.read({ repo })].filter((s): s is RepoEvaluation => s !== null)
    : await store.states.readOrg({ org, releasesFrom });
  const usable = new Map<string, RepoEvaluation>();
  for (const evaluation of stored) {
    if (isUsableEvaluation({ evaluator, evaluation, now })) usable.set(evaluation.repo, evaluation);
  }
  const repos = repo ? [repo] : (await store.repos.list({ org })).map((r) => r.repo);
  const evaluations: RepoEvaluation[] = [];
  for (const name of repos) {
    const found = usable.get(name);
    if (found) {
      evaluations.push(found);
      continue;
    }
    const facts = await store.facts.read({ repo: name });
    if (facts.length > 0) evaluations.push(evaluator.evaluate({ repo: name, facts, now }));
  }
  return tallyReport({ evaluations, config, now, ...(repo ? { repo } : {}) });
}
