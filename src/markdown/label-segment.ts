import type { SegmentReport } from '../report/types.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import { formatCount } from './format-count.ts';

/**
 * The label of a segment's figures, saying whose they are (docs/report.md,
 * "Which repositories a figure covers"): `Segment cloud (2 repos)` for the
 * segment across every repository the report knows, `acme/shop (cloud)` for
 * one repository's alone. Escaped.
 */
export function labelSegment({
  segment,
  repo,
}: {
  segment: Pick<SegmentReport, 'name' | 'repos'>;
  /** The one repository the figures are of; unset: the segment's. */
  repo?: string | undefined;
}): string {
  if (repo !== undefined) return `${escapeMarkdown(repo)} (${escapeMarkdown(segment.name)})`;
  const n = segment.repos.length;
  return `Segment ${escapeMarkdown(segment.name)} (${formatCount(n)} repo${n === 1 ? '' : 's'})`;
}
