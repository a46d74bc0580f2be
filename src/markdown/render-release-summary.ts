import type { Report, SegmentReport } from '../report/types.ts';
import { describeVerdict } from './describe-verdict.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import { findReleaseRules } from './find-release-rules.ts';
import { fitMarkdown } from './fit-markdown.ts';
import { formatTime } from './format-time.ts';
import { renderReleaseCriteria } from './render-release-criteria.ts';
import { renderTrend, type TrendStyle } from './render-trend.ts';
import { shortenText } from './shorten-text.ts';
import { DEFAULT_FULL_REPORT_HINT, GITHUB_SUMMARY_LIMIT, type MarkdownLine, type RenderLimits } from './types.ts';

/** Longest tag shown, before escaping. */
const MAX_TAG = 120;

/** The segment's trend across `segmentReport`'s repositories when it lists the segment; else the repository's own. */
function trendOf({
  segment,
  segmentReport,
  repo,
  trend,
}: {
  segment: SegmentReport;
  segmentReport: Report | undefined;
  repo: string;
  trend: TrendStyle;
}): MarkdownLine[] {
  const across = segmentReport?.segments.find((s) => s.name === segment.name);
  return across ? renderTrend({ segment: across, trend }) : renderTrend({ segment, trend, repo });
}

/**
 * The summary for one release (check run output, release-notes section):
 * its verdict, a line per criterion against its segment's rules (as the
 * report carries them), then its segment's North Star and patch coverage
 * over the shown periods: the segment's across every repository of
 * `segmentReport` when one is given and lists the segment, labelled as the
 * segment; otherwise `report`'s, labelled as `repo`'s alone (so `report` is
 * then the repository's own). A release the report does not list (a
 * draft, an excluded prerelease, one outside the shown periods) gets a
 * one-line explanation instead. At most `maxLength` characters.
 */
export function renderReleaseSummary({
  report,
  repo,
  tag,
  maxLength = GITHUB_SUMMARY_LIMIT,
  fullReportHint = DEFAULT_FULL_REPORT_HINT,
  trend = 'text',
  segmentReport,
  webUrl,
  dashboardUrl,
}: {
  report: Report;
  repo: string;
  tag: string;
  /** A report of every repository the caller knows (the App: the org's), for the segment's trend. */
  segmentReport?: Report | undefined;
  /** GitHub's web root, where the evidence links point (default https://github.com). */
  webUrl?: string;
  /** The org's dashboard at the release's segment, when the publisher knows where people reach it: linked under the facts line. */
  dashboardUrl?: string | null;
  /** `mermaid` adds a chart before the segment's table and sparklines (job summaries; check runs stay `text`). */
  trend?: TrendStyle;
} & RenderLimits): string {
  const name = `${escapeMarkdown(repo)} ${escapeMarkdown(shortenText({ text: tag, max: MAX_TAG }))}`;
  const release = report.releases.find((r) => r.repo === repo && r.tag === tag);
  let lines: MarkdownLine[];
  if (!release) {
    lines = [
      { text: `### ℹ️ ${name}: not counted` },
      { text: '' },
      {
        text: `This release is not in the report as of ${formatTime(report.now)}: drafts never count, prereleases only with \`includePrereleases: true\`, and only releases published in the shown periods are listed.`,
      },
    ];
  } else {
    const rules = findReleaseRules({ report, release });
    const segment = report.segments.find((s) => s.name === release.segment);
    // The engine lists every segment that has a release; a report without it is not one it made.
    if (!segment)
      throw new Error(`the report lists ${release.repo} ${release.tag} but not its segment "${release.segment}"`);
    const facts = [
      `Published ${formatTime(release.publishedAt)}`,
      `segment ${escapeMarkdown(release.segment)}`,
      ...(release.sha ? [`commit ${escapeMarkdown(release.sha.slice(0, 7))}`] : []),
      ...(release.prerelease ? ['prerelease'] : []),
      `as of ${formatTime(report.now)}`,
    ];
    lines = [
      { text: `### ${name}: ${describeVerdict({ release, rules })}`, keepWithNext: true },
      { text: '', keepWithNext: true },
      { text: facts.join(' · '), keepWithNext: true },
      ...(dashboardUrl
        ? [
            { text: '', keepWithNext: true },
            {
              text: `[Open the dashboard of segment ${escapeMarkdown(release.segment)}](${dashboardUrl})`,
              keepWithNext: true,
            },
          ]
        : []),
      { text: '', keepWithNext: true },
      ...renderReleaseCriteria({ release, rules, now: report.now, ...(webUrl === undefined ? {} : { webUrl }) }),
      { text: '' },
      ...trendOf({ segment, segmentReport, repo, trend }),
    ];
  }
  return fitMarkdown({ lines, maxLength, hint: fullReportHint });
}
