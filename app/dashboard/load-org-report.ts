import { type Config, defaultConfig } from '../../src/config/index.ts';
import { computeReport } from '../../src/kpi/index.ts';
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
}: {
  store: Pick<StoreSlices, 'configs' | 'facts'>;
  org: string;
  repo?: string | undefined;
  now: number;
}): Promise<Report> {
  const config = await readStoredConfig({ store, org, repo });
  const facts = await store.facts.read(repo ? { repo } : { org });
  return computeReport({ facts, config, now, ...(repo ? { repo } : {}) });
}
