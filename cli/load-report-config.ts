import { readLocalConfig } from '../files/index.ts';
import { CONFIG_PATH, ConfigError, type LoadedConfig, loadConfig, overlayConfigFile } from '../src/config/index.ts';
import { createConfigFileReader, type GitHubClient } from '../src/github/index.ts';
import { InputError } from './errors.ts';

/**
 * `shipwell report`'s config, as the App and the Action read it: `owner/repo`'s
 * `.github/shipwell.yml` (for an org, `ORG/.github`'s), else the org's
 * `.github` repository's, `_extends` followed through the API. `file`
 * (`--config`) stands in for the repository's own file; it must exist. Bad
 * config → InputError listing every problem with its file and line.
 */
export async function loadReportConfig({
  octokit,
  owner,
  repo,
  file,
}: {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  file: string | undefined;
}): Promise<LoadedConfig> {
  try {
    let read = createConfigFileReader({ octokit });
    if (file !== undefined) {
      const text = await readLocalConfig(file);
      if (text === null) throw new InputError(`--config ${file}: cannot read the config file (ENOENT)`);
      read = overlayConfigFile({ location: { owner, repo, path: CONFIG_PATH }, name: file, text, read });
    }
    return await loadConfig({ owner, repo, read });
  } catch (error) {
    if (error instanceof ConfigError) throw new InputError(error.message);
    throw error;
  }
}
