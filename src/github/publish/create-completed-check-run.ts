import type { GitHubClient } from '../types.ts';
import { writeOrExplain } from './write-or-explain.ts';

/** GitHub's limit on a check run's summary, in characters. */
const MAX_SUMMARY = 65_535;

/**
 * Creates a completed check run on a commit (title cut to GitHub's 255
 * characters, summary to its 65,535) and returns its id. A read-only token →
 * ReadOnlyTokenError (writeOrExplain).
 */
export async function createCompletedCheckRun({
  octokit,
  owner,
  repo,
  sha,
  name,
  conclusion,
  title,
  summary,
}: {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  sha: string;
  name: string;
  conclusion: 'success' | 'neutral' | 'failure';
  title: string;
  summary: string;
}): Promise<number> {
  const route = 'POST /repos/{owner}/{repo}/check-runs';
  const { data } = await writeOrExplain({
    route,
    write: () =>
      octokit.request(route, {
        owner,
        repo,
        name,
        head_sha: sha,
        status: 'completed',
        conclusion,
        output: { title: title.slice(0, 255), summary: summary.slice(0, MAX_SUMMARY) },
      }),
  });
  return Number(data.id);
}
