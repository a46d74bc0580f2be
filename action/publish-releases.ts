import type { Config } from '../src/config/types.ts';
import {
  findCheckRun,
  type GitHubClient,
  publishReleaseVerdict,
  updateReleaseNotes,
  VERDICT_CHECK,
  verdictCheck,
} from '../src/github/index.ts';
import {
  escapeMarkdown,
  findReleaseRules,
  GITHUB_SUMMARY_LIMIT,
  renderReleaseSummary,
  type TrendStyle,
} from '../src/markdown/index.ts';
import type { ReleaseReport, Report } from '../src/report/types.ts';

const HINT = 'Full report: the JSON file named by this step’s `report` output.';

/**
 * For each release: the check run "Shipwell KPIs" and the release-notes
 * section. A release whose decided verdict the check run already shows is
 * left alone (nothing to change); pending ones are refreshed. Returns one
 * Markdown list line per release. A read-only token's ReadOnlyTokenError
 * propagates (the caller says so and stops writing).
 */
export async function publishReleases({
  octokit,
  owner,
  repo,
  report,
  releases,
  config,
  webUrl,
}: {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  report: Report;
  releases: readonly ReleaseReport[];
  config: Config;
  /** GitHub's web root (the runner's GITHUB_SERVER_URL): where the evidence links point. */
  webUrl: string;
}): Promise<string[]> {
  const lines: string[] = [];
  for (const release of releases) {
    const name = `\`${escapeMarkdown(release.tag)}\``;
    // The report is this repository's alone: the trend is labelled as the repository's (docs/action.md,
    // "What each output shows"). Release notes draw its chart; check runs keep the text trend.
    const render = (maxLength: number, trend: TrendStyle = 'text') =>
      renderReleaseSummary({
        report,
        repo: release.repo,
        tag: release.tag,
        maxLength,
        fullReportHint: HINT,
        trend,
        webUrl,
      });
    const rules = findReleaseRules({ report, release });
    const check = verdictCheck({ release, rules, publish: config.publish });
    const existing =
      config.publish.checkRun && release.sha
        ? await findCheckRun({ octokit, owner, repo, sha: release.sha, name: VERDICT_CHECK })
        : null;
    if (
      check.status === 'completed' &&
      existing?.status === 'completed' &&
      existing.conclusion === check.conclusion &&
      existing.title === check.title
    ) {
      lines.push(`- ${name}: ${release.status}, already published`);
      continue;
    }
    const published = await publishReleaseVerdict({
      octokit,
      owner,
      repo,
      release,
      rules,
      summary: render(GITHUB_SUMMARY_LIMIT),
      config,
      previous: config.publish.checkRun && release.sha ? existing : null,
    });
    const notes = await updateReleaseNotes({
      octokit,
      owner,
      repo,
      tag: release.tag,
      section: (room) => render(Math.min(room, GITHUB_SUMMARY_LIMIT), 'mermaid'),
      config,
    });
    const checkText =
      published.action === 'skipped'
        ? release.sha
          ? 'check run off'
          : 'no known commit, no check run'
        : `check run ${published.action}`;
    const notesText = config.publish.releaseNotes
      ? notes
        ? 'release notes updated'
        : 'release notes unchanged'
      : 'release notes off';
    lines.push(`- ${name}: ${release.status} — ${checkText}, ${notesText}`);
  }
  return lines;
}
