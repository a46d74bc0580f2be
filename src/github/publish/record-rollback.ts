import { printRollbackSummary, ROLLBACK_CHECK } from '../../events/index.ts';
import type { GitHubClient } from '../types.ts';
import { createCompletedCheckRun } from './create-completed-check-run.ts';

/**
 * Records that release `tag` was rolled back: a completed `shipwell/rollback`
 * check run on the release's commit with `Release: TAG` and `Reason: …`
 * lines, which the next report and the App count (docs/kpis.md, "Rollbacks").
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
  return createCompletedCheckRun({
    octokit,
    owner,
    repo,
    sha,
    name: ROLLBACK_CHECK,
    conclusion: 'neutral',
    title: `Rollback of ${tag}`,
    summary,
  });
}
