import type { Config } from '../../config/types.ts';
import { fitMarkdown, GITHUB_SUMMARY_LIMIT, type ReleaseRules } from '../../markdown/index.ts';
import type { ReleaseReport } from '../../report/types.ts';
import type { ExistingCheckRun, GitHubClient, PublishResult } from '../types.ts';
import { findCheckRun } from './find-check-run.ts';
import { VERDICT_CHECK, verdictCheck } from './verdict-check.ts';
import { writeOrExplain } from './write-or-explain.ts';

/**
 * Creates or updates the check run "Shipwell KPIs" on the release's commit:
 * in progress while pending, completed with success / neutral / failure once
 * decided (verdictCheck). An existing run of that name on the commit is
 * updated — or left alone when status, conclusion, title and summary are
 * already the same (running twice changes nothing). `previous`: the existing
 * run when the caller already knows it (null: known to be none); otherwise it
 * is looked up. Skipped when `publish.checkRun` is off or the release has no
 * known commit. A read-only token → ReadOnlyTokenError.
 */
export async function publishReleaseVerdict({
  octokit,
  owner,
  repo,
  release,
  rules,
  summary,
  config,
  previous,
}: {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  release: ReleaseReport;
  /** The rules of the release's segment, as the report carries them (the title says the reasons' figures). */
  rules: ReleaseRules;
  summary: string;
  config: Pick<Config, 'publish'>;
  previous?: ExistingCheckRun | null;
}): Promise<PublishResult> {
  if (!config.publish.checkRun || release.sha === null) return { action: 'skipped', checkRunId: null };
  const sha = release.sha;
  const check = verdictCheck({ release, rules, publish: config.publish });
  const text =
    summary.length <= GITHUB_SUMMARY_LIMIT
      ? summary
      : fitMarkdown({
          lines: summary.split('\n').map((line) => ({ text: line })),
          maxLength: GITHUB_SUMMARY_LIMIT,
          hint: '',
        });
  const existing =
    previous === undefined ? await findCheckRun({ octokit, owner, repo, sha, name: VERDICT_CHECK }) : previous;
  if (
    existing &&
    existing.status === check.status &&
    existing.conclusion === check.conclusion &&
    existing.title === check.title &&
    existing.summary === text
  ) {
    return { action: 'unchanged', checkRunId: existing.id };
  }
  const fields = {
    status: check.status,
    ...(check.conclusion ? { conclusion: check.conclusion } : {}),
    output: { title: check.title, summary: text },
  };
  if (existing) {
    const route = 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}';
    await writeOrExplain({
      route,
      write: () => octokit.request(route, { owner, repo, check_run_id: existing.id, ...fields }),
    });
    return { action: 'updated', checkRunId: existing.id };
  }
  const route = 'POST /repos/{owner}/{repo}/check-runs';
  const { data } = await writeOrExplain({
    route,
    write: () => octokit.request(route, { owner, repo, name: VERDICT_CHECK, head_sha: sha, ...fields }),
  });
  return { action: 'created', checkRunId: Number(data.id) };
}
