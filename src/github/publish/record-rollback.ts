import { printRollbackSummary, ROLLBACK_CHECK } from '../../events/index.ts';
import type { GitHubClient } from '../types.ts';
import { writeOrExplain } from './write-or-explain.ts';

/**
 * Records that release `tag` was rolled back: a completed `shipwell/rollback`
 * check run on the release's commit with `Release: TAG` and `Reason: …`
 * lines, which the next report and the App count (kpis.md §3 `recorded`).
 * Returns the check run id. A read-only token → ReadOnlyTokenError.
 */
export async function recordRollback({
  octokit,
  owner,
  repo,
  sha,
  tag,
  reason,
}: {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  sha: string;
  tag: string;
  reason: string | null;
}): Promise<number> {
  const summary = printRollbackSummary({ tag, reason });
  const route = 'POST /repos/{owner}/{repo}/check-runs';
  const { data } = await writeOrExplain({
    route,
    write: () =>
      octokit.request(route, {
        owner,
        repo,
        name: ROLLBACK_CHECK,
        head_sha: sha,
        status: 'completed',
        conclusion: 'neutral',
        output: { title: `Rollback of ${tag}`.slice(0, 255), summary },
      }),
  });
  return Number(data.id);
}
