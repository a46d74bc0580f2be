import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { ConfigError, defaultConfig, parseConfig } from '../src/config/index.ts';
import type { Config } from '../src/config/types.ts';
import { type GitHubClient, httpStatus } from '../src/github/index.ts';
import { ActionInputError } from './input-error.ts';

const DEFAULT_PATH = '.github/shipwell.yml';

/** Where the config came from, for the job summary. */
export interface LoadedConfig {
  config: Config;
  source: string;
}

async function readFromApi({
  octokit,
  owner,
  repo,
  path,
}: {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  path: string;
}): Promise<string | null> {
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return null;
    return Buffer.from(data.content, 'base64').toString('utf8');
  } catch (error) {
    if (httpStatus(error) === 404) return null;
    throw error;
  }
}

/**
 * The config file: from the workspace when the repository is checked out,
 * else from the repository's default branch through the API (a report on a
 * release needs no checkout). The default path may be absent (every default);
 * a path the user named must exist. `segment` input overrides the segment.
 * A bad file → ActionInputError naming the file, line and key.
 */
export async function loadConfig({
  path,
  workspace,
  octokit,
  owner,
  repo,
  segment,
}: {
  path: string;
  workspace: string;
  octokit: GitHubClient;
  owner: string;
  repo: string;
  segment: string | null;
}): Promise<LoadedConfig> {
  let text: string | null = null;
  let source = path;
  try {
    text = await readFile(isAbsolute(path) ? path : join(workspace, path), 'utf8');
  } catch {
    text = isAbsolute(path) ? null : await readFromApi({ octokit, owner, repo, path });
    source = `${path} (default branch of ${owner}/${repo})`;
  }
  let config: Config;
  if (text === null) {
    if (path !== DEFAULT_PATH)
      throw new ActionInputError(`input "config": ${path} not found in the workspace or the repository`);
    config = defaultConfig();
    source = `defaults (no ${DEFAULT_PATH})`;
  } else {
    try {
      config = parseConfig({ text, file: path });
    } catch (error) {
      if (error instanceof ConfigError) throw new ActionInputError(error.message);
      throw error;
    }
  }
  return { config: segment === null ? config : { ...config, segment }, source };
}
