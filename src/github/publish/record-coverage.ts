import { COVERAGE_CHECK, type LineCoverage, printCoverageLine } from '../../events/index.ts';
import type { GitHubClient } from '../types.ts';
import { createCompletedCheckRun } from './create-completed-check-run.ts';

/**
 * Records a commit's line coverage as a completed `shipwell/coverage` check
 * run whose summary starts with the `Lines: COVERED/TOTAL` line the
 * normalizer reads back (later reports and the App count it). `details`:
 * Markdown after that line (a table per format). Conclusion neutral unless
 * given (failure under a `fail-under` the user asked for). Returns the check
 * run id. A read-only token → ReadOnlyTokenError.
 */
export async function recordCoverage({
  octokit,
  owner,
  repo,
  sha,
  totals,
  details = '',
  conclusion = 'neutral',
}: {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  sha: string;
  totals: LineCoverage;
  details?: string;
  conclusion?: 'success' | 'neutral' | 'failure';
}): Promise<number> {
  const line = printCoverageLine(totals);
  const summary = details.trim() === '' ? line : `${line}\n\n${details.trim()}`;
  return createCompletedCheckRun({ octokit, owner, repo, sha, name: COVERAGE_CHECK, conclusion, title: line, summary });
}
