import { type Config, defaultConfig } from '../../src/config/index.ts';
import {
  createRepoEvaluator,
  EVALUATION_VERSION,
  type RepoEvaluation,
  shownPeriods,
  tallyReport,
} from '../../src/kpi/index.ts';
import type { Report } from '../../src/report/types.ts';
import type { StoreSlices } from '../../src/store/index.ts';
import { resolveStoredConfig } from '../resolve-stored-config.ts';

/**
 * The config as last read from GitHub (resolveStoredConfig): the
 * repository's with `repo` (else the org's), the org's `.github`
 * repository's for an org; the defaults when none was stored. One that does
 * not validate, or that GitHub refused, throws a ConfigError naming it.
 */
async function readStoredConfig({
  store,
  org,
  repo,
}: {
  store: Pick<StoreSlices, 'configs'>;
  org: string;
  repo: string | undefined;
}): Promise<Config> {
  const stored =
    (repo ? await store.configs.read({ scope: repo }) : null) ?? (await store.configs.read({ scope: org }));
  if (!stored) return defaultConfig();
  return resolveStoredConfig(stored);
}

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
  const config = await readStoredConfig({ store, org, repo });
  const releasesFrom = shownPeriods({ now, config })[0]!.start;
  const evaluator = createRepoEvaluator(config);
  const stored = repo
    ? [await store.states.read({ repo })].filter((s): s is RepoEvaluation => s !== null)
    : await store.states.readOrg({ org, releasesFrom });
  const usable = new Map<string, RepoEvaluation>();
  for (const evaluation of stored) {
    const { configKey } = evaluator.settingsOf(evaluator.segmentOf(evaluation.repo, evaluation.repoInfo));
    if (evaluation.version === EVALUATION_VERSION && evaluation.configKey === configKey && evaluation.now <= now) {
      usable.set(evaluation.repo, evaluation);
    }
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
