import type { ConfigFileReader, LoadedConfig } from './config-reads.ts';
import { CONFIG_PATH } from './config-reads.ts';
import { readConfigFiles } from './read-config-files.ts';
import { resolveConfig } from './resolve-config.ts';

/**
 * The one config loader (docs/configuration.md, "Where the file comes
 * from"): `owner/repo`'s `.github/shipwell.yml`, else the org's `.github`
 * repository's, `_extends` followed, each file read through `read` — the
 * source the adapter hands in (GitHub's contents API, a checkout overlaid on
 * it) — then resolved (resolveConfig). Keep `reads` of the result to resolve
 * the same config again without GitHub (the App's stored copy). Throws a
 * ConfigError for a bad file, and what `read` throws (network).
 */
export async function loadConfig({
  owner,
  repo,
  path = CONFIG_PATH,
  read,
}: {
  owner: string;
  repo: string;
  path?: string;
  read: ConfigFileReader;
}): Promise<LoadedConfig> {
  return resolveConfig(await readConfigFiles({ owner, repo, path, read }));
}
