import type { SegmentReport } from '../report/types.ts';
import type { MarkdownLine } from './types.ts';

/**
 * Text safe inside a Mermaid string and a Markdown code fence: letters,
 * digits, spaces and `. _ - / : + #` only (no quote, backtick, bracket,
 * angle bracket or line break).
 */
function mermaidText(text: string): string {
  return text
    .replace(/[^\p{L}\p{N} ._\-/:+#]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
}

/** A period's axis label: its start as `MM-DD`, `now` for the current one. */
function axisLabel(period: { start: string; current: boolean }): string {
  return period.current ? 'now' : period.start.slice(5, 10);
}

/**
 * A segment's North Star as a Mermaid `xychart-beta` code block: well-packaged
 * releases per period as bars (oldest first, every shown period: the axis is
 * time), the well-packaged target as a line when one is set. Titled with the
 * segment, or with `repo` as that one repository's figures. The lines keep
 * together, so a truncated summary never ends inside the fence.
 */
export function renderMermaidTrend({
  segment,
  repo,
}: {
  segment: SegmentReport;
  /** The one repository the figures are of; unset: the segment's across its repositories. */
  repo?: string | undefined;
}): MarkdownLine[] {
  const periods = segment.periods;
  const target = segment.targets.wellPackaged;
  const whose =
    repo === undefined
      ? `North Star of segment ${segment.name} - ${segment.repos.length === 1 ? '1 repo' : `${segment.repos.length} repos`}`
      : `North Star of ${repo} - segment ${segment.name}`;
  const top = Math.max(1, target ?? 0, ...periods.map((p) => p.releases));
  const chart = [
    '```mermaid',
    'xychart-beta',
    `  title "${mermaidText(whose)}: well-packaged releases per period"`,
    `  x-axis [${periods.map((p) => `"${axisLabel(p)}"`).join(', ')}]`,
    `  y-axis "releases" 0 --> ${top}`,
    `  bar [${periods.map((p) => p.wellPackaged).join(', ')}]`,
    ...(target === undefined ? [] : [`  line [${periods.map(() => target).join(', ')}]`]),
    '```',
  ];
  return chart.map((text, i) => (i < chart.length - 1 ? { text, keepWithNext: true } : { text }));
}
