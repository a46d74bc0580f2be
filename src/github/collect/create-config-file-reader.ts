import type { ConfigFileReader } from '../../config/index.ts';
import { httpStatus } from '../http-status.ts';
import type { GitHubClient } from '../types.ts';

/**
 * The GitHub API as a config source (loadConfig): a file's text from the
 * contents API (the default branch, raw). 404: no such file, or a repository
 * the token cannot see (GitHub does not tell them apart). 401/403: refused,
 * with GitHub's answer — except a rate limit, which throws like any other
 * failure. A directory is refused as not a file.
 */
export function createConfigFileReader({ octokit }: { octokit: Pick<GitHubClient, 'request'> }): ConfigFileReader {
  return async ({ owner, repo, path }) => {
    try {
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
        owner,
        repo,
        path,
        mediaType: { format: 'raw' },
      });
      if (typeof data === 'string') return { found: 'file', text: data };
      return { found: 'refused', reason: 'a directory or submodule, not a file' };
    } catch (error) {
      const status = httpStatus(error);
      if (status === 404) return { found: 'none' };
      const message = error instanceof Error ? error.message : String(error);
      if ((status === 401 || status === 403) && !/rate limit/i.test(message)) {
        return { found: 'refused', reason: `GitHub answered ${status}: ${message.split(' - ')[0]}` };
      }
      throw error;
    }
  };
}
