import { type Config, defaultConfig } from '../../src/config/index.ts';
import type { StoreSlices } from '../../src/store/index.ts';
import { resolveStoredConfig } from '../resolve-stored-config.ts';

/**
 * The config as last read from GitHub (resolveStoredConfig): the
 * repository's with `repo` (else the org's), the org's `.github`
 * repository's for an org; the defaults when none was stored. One that does
 * not validate, or that GitHub refused, throws a ConfigError naming it.
 */
export async function readReportConfig({
  store,
  org,
  repo,
}: {
  store: Pick<StoreSlices, 'configs'>;
  org: string;
  repo?: string | undefined;
}): Promise<Config> {
  const stored =
    (repo ? await store.configs.read({ scope: repo }) : null) ?? (await store.configs.read({ scope: org }));
  if (!stored) return defaultConfig();
  return resolveStoredConfig(stored);
}
