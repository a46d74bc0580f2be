import { type Config, configFromObject, defaultConfig } from '../../src/config/index.ts';
import { computeReport } from '../../src/kpi/index.ts';
import type { Report } from '../../src/report/types.ts';
import type { Store } from '../../src/store/index.ts';

/**
 * An org's report from its stored facts and its config as last read from
 * GitHub (the org's `.github` repository), as of `now` — what
 * `GET /shipwell/api/report?org=…` answers. A stored config that does not
 * validate throws the ConfigError (the caller answers 422).
 */
export async function loadOrgReport({ store, org, now }: { store: Store; org: string; now: number }): Promise<Report> {
  const stored = await store.readConfig({ scope: org });
  const config: Config = stored
    ? configFromObject({ value: stored.value, file: `${stored.scope}/.github/.github/shipwell.yml` })
    : defaultConfig();
  const facts = await store.readFacts({ org });
  return computeReport({ facts, config, now });
}
