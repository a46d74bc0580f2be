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
 * the fallback that always renders.
 */
export function renderTrend({
  segment,
  trend = 'text',
}: {
  segment: SegmentReport;
  trend?: TrendStyle;
}): MarkdownLine[] {
  const fallback = renderSegmentTrend({ segment });
  if (trend === 'text') return fallback;
  return [...renderMermaidTrend({ segment }), { text: '' }, ...fallback];
}
