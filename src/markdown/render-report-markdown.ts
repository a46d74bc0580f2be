import type { Report } from '../report/types.ts';
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

/**
 * The org (or repo) report as Markdown: a header with `now` and the current
 * period, the warnings (when there are any), a section per segment, then every release of the shown periods.
 * At most `maxLength` characters; when cut, the oldest releases go first.
 */
export function renderReportMarkdown({
  report,
  maxLength = GITHUB_SUMMARY_LIMIT,
  fullReportHint = DEFAULT_FULL_REPORT_HINT,
  trend,
}: {
  report: Report;
  /** `mermaid`: each segment section ends with its North Star chart; unset or `text`: no chart (the sections have the tables). */
  trend?: TrendStyle;
} & RenderLimits): string {
  const current = report.periods.find((period) => period.current);
  const facts = [
    `As of ${formatTime(report.now)}`,
    current ? `current period ${formatPeriod(current)}` : 'no current period',
    `${formatCount(report.periods.length)} periods shown, oldest first`,
    `${formatCount(report.releases.length)} release${report.releases.length === 1 ? '' : 's'}`,
  ];
  const lines: MarkdownLine[] = [
    { text: '## Shipwell KPIs', keepWithNext: true },
    { text: '', keepWithNext: true },
    { text: facts.join(' · ') },
    ...renderWarnings({ warnings: report.warnings }),
    ...report.segments.flatMap((segment) => [
      { text: '' },
      ...renderSegmentSection({ segment }),
      ...(trend === 'mermaid' ? [{ text: '' }, ...renderMermaidTrend({ segment })] : []),
    ]),
    { text: '' },
    ...renderReleasesTable({ report }),
  ];
  return fitMarkdown({ lines, maxLength, hint: fullReportHint });
}
