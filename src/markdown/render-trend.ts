import type { SegmentReport } from '../report/types.ts';
import { renderMermaidTrend } from './render-mermaid-trend.ts';
import { renderSegmentTrend } from './render-segment-trend.ts';
import type { MarkdownLine } from './types.ts';

/**
 * Where a trend goes: `mermaid` adds a chart GitHub draws in Markdown it
 * renders with Mermaid (issues, pull requests, discussions, files, job
 * summaries); `text` needs no renderer (check runs: see docs/dashboard.md).
 */
export type TrendStyle = 'mermaid' | 'text';

/**
 * A segment's North Star trend for a summary. `text` (the default) is the
 * table and sparklines of renderSegmentTrend; `mermaid` puts an
 * `xychart-beta` chart before that same table and sparklines, which stay as
 * the fallback that always renders. With `repo`, both are labelled as that
 * repository's figures.
 */
export function renderTrend({
  segment,
  trend = 'text',
  repo,
}: {
  segment: SegmentReport;
  trend?: TrendStyle;
  /** The one repository the figures are of; unset: the segment's across its repositories. */
  repo?: string | undefined;
}): MarkdownLine[] {
  const fallback = renderSegmentTrend({ segment, repo });
  if (trend === 'text') return fallback;
  return [...renderMermaidTrend({ segment, repo }), { text: '' }, ...fallback];
}
