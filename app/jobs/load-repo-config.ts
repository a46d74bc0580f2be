import { CONFIG_PATH, type Config, ConfigError, type ConfigReads, readConfigFiles } from '../../src/config/index.ts';
import { createConfigFileReader } from '../../src/github/index.ts';
import { type Configs, nameOf, orgOf, type StoredConfig } from '../../src/store/index.ts';
import { MINUTE } from '../durations.ts';
import { resolveStoredConfig } from '../resolve-stored-config.ts';
import type { AppOctokit, JobHelpers } from '../types.ts';

/** How long a config read from GitHub is trusted before it is read again. */
export const CONFIG_MAX_AGE = 10 * MINUTE;

/** What is stored for `scope`: the files read, and why they were rejected, if they were. */
function toStored({ scope, reads, now }: { scope: string; reads: ConfigReads; now: number }): StoredConfig {
  const stored: StoredConfig = { scope, value: reads, error: null, readAt: now };
  try {
    resolveStoredConfig(stored);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    stored.error = error.message;
  }
  return stored;
}

/**
 * The validated config of a repository, read with the one config loader
 * (src/config: the repo's file, else the org's `.github` repository's,
 * `_extends` followed) and stored for CONFIG_MAX_AGE (a push that changes
 * the file drops it sooner). The org's own config is refreshed alongside
 * (the org report uses it). An invalid or unreadable file throws a
 * ConfigError naming the file, line and key; the error is kept in the store.
 */
export async function loadRepoConfig({
  configs,
  helpers,
  octokit,
  repo,
}: {
  configs: Configs;
  helpers: Pick<JobHelpers, 'clock'>;
  octokit: AppOctokit;
  repo: string;
}): Promise<Config> {
  const now = helpers.clock();
  let cached = await configs.read({ scope: repo });
  if (!cached || now - cached.readAt >= CONFIG_MAX_AGE) {
    const owner = orgOf(repo);
    const read = createConfigFileReader({ octokit });
    const own = await readConfigFiles({ owner, repo: nameOf(repo), path: CONFIG_PATH, read });
    const org = await readConfigFiles({ owner, repo: '.github', path: CONFIG_PATH, read });
    cached = toStored({ scope: repo, reads: own, now });
    await configs.save(cached);
    await configs.save(toStored({ scope: owner, reads: org, now }));
  }
  return resolveStoredConfig(cached);
}
