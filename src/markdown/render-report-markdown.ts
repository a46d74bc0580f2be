import { ALL_SEGMENTS } from '../kpi/tally-report.ts';
import type { Report, SegmentReport } from '../report/types.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import { fitMarkdown } from './fit-markdown.ts';
import { formatCount } from './format-count.ts';
import { formatPeriod } from './format-period.ts';
import { formatTime } from './format-time.ts';
import { renderMermaidTrend } from './render-mermaid-trend.ts';
import { renderReleasesTable } from './render-releases-table.ts';
import { renderSegmentSection } from './render-segment-section.ts';
import type { TrendStyle } from './render-trend.ts';
import { renderWarnings } from './render-warnings.ts';
import { DEFAULT_FULL_REPORT_HINT, GITHUB_SUMMARY_LIMIT, type MarkdownLine, type RenderLimits } from './types.ts';

/** The segments shown: each one, or for one repository's report only its own segment's (`all` when it has none). */
function shownSegments({ report, repo }: { report: Report; repo: string | undefined }): SegmentReport[] {
  if (repo === undefined) return report.segments;
  const own = report.segments.filter((s) => s.name !== ALL_SEGMENTS && s.repos.includes(repo));
  return own.length > 0 ? own : report.segments.filter((s) => s.name === ALL_SEGMENTS);
}

/**
 * The org (or repo) report as Markdown: a header with `now`, the current
 * period and whose figures these are, the warnings (when there are any), a
 * section per segment, then every release of the shown periods. An org's
 * report (or one of many repositories, `repo` unset) labels each section as
 * its segment across the report's repositories; with `repo`, the report is
 * that repository's alone, and its one segment section is labelled as the
 * repository's (`acme/shop (cloud)`; docs/report.md, "Which repositories a
 * figure covers"). At most `maxLength` characters; when cut, the oldest
 * releases go first.
 */
export function renderReportMarkdown({
  report,
  maxLength = GITHUB_SUMMARY_LIMIT,
  fullReportHint = DEFAULT_FULL_REPORT_HINT,
  trend,
  repo,
}: {
  report: Report;
  /** The one repository the report is of (computeReport with `repo`); unset: the segments of every repository in it. */
  repo?: string | undefined;
  /** `mermaid`: each segment section ends with its North Star chart; unset or `text`: no chart (the sections have the tables). */
  trend?: TrendStyle;
} & RenderLimits): string {
  const current = report.periods.find((period) => period.current);
  const repos = report.segments.find((s) => s.name === ALL_SEGMENTS)?.repos.length ?? 0;
  const facts = [
    `As of ${formatTime(report.now)}`,
    current ? `current period ${formatPeriod(current)}` : 'no current period',
    `${formatCount(report.periods.length)} periods shown, oldest first`,
    `${formatCount(report.releases.length)} release${report.releases.length === 1 ? '' : 's'}`,
    repo === undefined
      ? `each segment across the ${formatCount(repos)} repositor${repos === 1 ? 'y' : 'ies'} of this report`
      : `figures of ${escapeMarkdown(repo)} alone`,
  ];
  const lines: MarkdownLine[] = [
    { text: '## Shipwell KPIs', keepWithNext: true },
    { text: '', keepWithNext: true },
    { text: facts.join(' · ') },
    ...renderWarnings({ warnings: report.warnings }),
    ...shownSegments({ report, repo }).flatMap((segment) => [
      { text: '' },
      ...renderSegmentSection({ report, segment, repo, now: report.now }),
      ...(trend === 'mermaid' ? [{ text: '' }, ...renderMermaidTrend({ segment, repo })] : []),
    ]),
    { text: '' },
    ...renderReleasesTable({ report }),
  ];
  return fitMarkdown({ lines, maxLength, hint: fullReportHint });
}
