import { configFromObject } from '../../src/config/index.ts';
import { computeReport } from '../../src/kpi/index.ts';
import type { Report } from '../../src/report/types.ts';
import type { Store } from '../../src/store/index.ts';
import type { ComputeReport } from '../start-report-thread.ts';

/**
 * The config as last read from GitHub: the repository's own with `repo` (else
 * the org's), the org's `.github` repository's for an org; the default when
 * none was stored. One that does not validate throws a ConfigError naming it.
 */
async function readStoredConfig({
  store,
  org,
  repo,
}: {
  store: Store;
  org: string;
  repo: string | undefined;
}): Promise<{ value: unknown; file: string }> {
  const stored = (repo ? await store.readConfig({ scope: repo }) : null) ?? (await store.readConfig({ scope: org }));
  if (!stored) return { value: {}, file: '(defaults)' };
  return {
    value: stored.value,
    file: `${stored.scope}${stored.scope.includes('/') ? '' : '/.github'}/.github/shipwell.yml`,
  };
}

/**
 * An org's report (one repository's with `repo`) from its stored facts and
 * its config as last read from GitHub, as of `now` — what
 * `GET /shipwell/api/report` answers and the dashboard and `/metrics` show.
 * A stored config that does not validate throws the ConfigError (the caller
 * answers 422).
 */
export async function loadOrgReport({
  store,
  org,
  repo,
  now,
  compute,
}: {
  store: Store;
  org: string;
  repo?: string;
  now: number;
  /** The App's report thread: the report is computed there, off the thread answering webhooks. */
  compute?: ComputeReport | undefined;
}): Promise<Report> {
  const source = await readStoredConfig({ store, org, repo });
  const facts = await store.readFacts(repo ? { repo } : { org });
  if (compute) return compute({ facts, config: source, now, ...(repo ? { repo } : {}) });
  const config = configFromObject(source);
  return computeReport({ facts, config, now, ...(repo ? { repo } : {}) });
}
