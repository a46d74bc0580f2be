import type { ExistingCheckRun, GitHubClient } from '../types.ts';

/**
 * The newest check run named `name` on commit `sha`, or null
 * (`GET …/commits/{sha}/check-runs?check_name=…`; GitHub lists newest first).
 */
export async function findCheckRun({
  octokit,
  owner,
  repo,
  sha,
  name,
}: {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  sha: string;
  name: string;
}): Promise<ExistingCheckRun | null> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
    owner,
    repo,
    ref: sha,
    check_name: name,
    per_page: 1,
  });
  const run = data.check_runs[0];
  if (!run) return null;
  return {
    id: Number(run.id),
    status: run.status,
    conclusion: run.conclusion ?? null,
    title: run.output?.title ?? null,
    summary: run.output?.summary ?? null,
  };
}
