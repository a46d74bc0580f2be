import { Context } from 'probot';
import { type Config, ConfigError, configFromObject } from '../../src/config/index.ts';
import { type Configs, orgOf } from '../../src/store/index.ts';
import { MINUTE } from '../durations.ts';
import type { AppOctokit, JobHelpers } from '../types.ts';

/** How long a config read from GitHub is trusted before it is read again. */
export const CONFIG_MAX_AGE = 10 * MINUTE;

const FILE = 'shipwell.yml';

/** `context.config('shipwell.yml')` for a repository, as Probot reads it: the repo's file, else the org's `.github` repo, `_extends` followed. */
async function readFromGitHub({
  octokit,
  log,
  owner,
  name,
}: {
  octokit: AppOctokit;
  log: JobHelpers['log'];
  owner: string;
  name: string;
}): Promise<unknown> {
  const event = {
    id: `shipwell-config-${owner}-${name}`,
    name: 'repository',
    payload: { repository: { name, owner: { login: owner } } },
  };
  const context = new Context(event as unknown as ConstructorParameters<typeof Context>[0], octokit, log);
  return context.config(FILE);
}

/**
 * The validated config of a repository (repo file, else org defaults), read
 * through Probot's `context.config` and kept in the store for CONFIG_MAX_AGE
 * (a push that changes the file drops it sooner). The org's own config is
 * refreshed alongside (the org report uses it). An invalid file throws a
 * ConfigError naming the file and keys, and the error is kept in the store.
 */
export async function loadRepoConfig({
  configs,
  helpers,
  octokit,
  repo,
}: {
  configs: Configs;
  helpers: Pick<JobHelpers, 'clock' | 'log'>;
  octokit: AppOctokit;
  repo: string;
}): Promise<Config> {
  const now = helpers.clock();
  const file = `${repo}/.github/${FILE}`;
  let cached = await configs.read({ scope: repo });
  if (!cached || now - cached.readAt >= CONFIG_MAX_AGE) {
    const owner = orgOf(repo);
    const value = await readFromGitHub({ octokit, log: helpers.log, owner, name: repo.slice(owner.length + 1) });
    const orgValue = await readFromGitHub({ octokit, log: helpers.log, owner, name: '.github' });
    cached = { scope: repo, value, error: null, readAt: now };
    try {
      configFromObject({ value, file });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      cached.error = error.message;
    }
    await configs.save(cached);
    await configs.save({ scope: owner, value: orgValue, error: null, readAt: now });
  }
  return configFromObject({ value: cached.value, file });
}
