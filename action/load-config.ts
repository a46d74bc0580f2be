import { isAbsolute, join } from 'node:path';
import { readLocalConfig } from '../files/index.ts';
import {
  CONFIG_PATH,
  ConfigError,
  type ConfigFileReader,
  type LoadedConfig,
  loadConfig as loadConfigFiles,
  overlayConfigFile,
} from '../src/config/index.ts';
import { createConfigFileReader, type GitHubClient } from '../src/github/index.ts';
import { ActionInputError } from './input-error.ts';

/**
 * The config of `owner/repo` as the App reads it (loadConfig): its `path`,
 * else the org's `.github` repository's, `_extends` followed through the
 * API. The workspace's copy stands in for the repository's own file when the
 * workspace is that repository (`checkedOut`) and has it; an absolute `path`
 * is a file on the runner, which must exist. A path the user named must be
 * found somewhere; the default may be absent (every default applies, and
 * `description` says so). `segment` input overrides the segment. A bad file
 * → ActionInputError naming the file, line and key.
 */
export async function loadConfig({
  path,
  workspace,
  checkedOut,
  octokit,
  owner,
  repo,
  segment,
}: {
  path: string;
  workspace: string;
  checkedOut: boolean;
  octokit: GitHubClient;
  owner: string;
  repo: string;
  segment: string | null;
}): Promise<LoadedConfig> {
  if (!isAbsolute(path) && !/\.ya?ml$/i.test(path))
    throw new ActionInputError(`input "config": expected a .yml or .yaml file, found "${path}"`);
  let read: ConfigFileReader = createConfigFileReader({ octokit });
  const location = { owner, repo, path: isAbsolute(path) ? CONFIG_PATH : path };
  let loaded: LoadedConfig;
  try {
    const text =
      isAbsolute(path) || checkedOut ? await readLocalConfig(isAbsolute(path) ? path : join(workspace, path)) : null;
    if (text === null && isAbsolute(path))
      throw new ActionInputError(`input "config": ${path} not found on the runner`);
    if (text !== null) read = overlayConfigFile({ location, name: path, text, read });
    loaded = await loadConfigFiles({ ...location, read });
  } catch (error) {
    if (error instanceof ConfigError) throw new ActionInputError(error.message);
    throw error;
  }
  if (path !== CONFIG_PATH && loaded.files.length === 0 && loaded.refused.length === 0) {
    throw new ActionInputError(
      `input "config": ${path} not found in the workspace, ${owner}/${repo} or ${owner}/.github`,
    );
  }
  return segment === null ? loaded : { ...loaded, config: { ...loaded.config, segment } };
}
