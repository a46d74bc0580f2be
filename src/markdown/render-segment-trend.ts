import type { SegmentReport } from '../report/types.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import { formatPercent } from './format-percent.ts';
import { formatPeriod } from './format-period.ts';
import { markTarget } from './mark-target.ts';
import { renderSegmentHeading } from './render-segment-heading.ts';
import { renderSparkline } from './render-sparkline.ts';
import { renderTable } from './render-table.ts';
import type { MarkdownLine } from './types.ts';

/**
 * A segment's trend over the shown periods, for one release's summary: the
 * North Star (well-packaged per period), its share and patch coverage as a
 * small table with on/off-target marks, then as text sparklines.
 */
export function renderSegmentTrend({ segment }: { segment: SegmentReport }): MarkdownLine[] {
  const periods = segment.periods;
  const rows = periods.map((period) => {
    const label = formatPeriod(period);
    return [
      period.current ? `**${label} (current)**` : label,
      String(period.releases),
      `${period.wellPackaged}${markTarget(period.onTarget.wellPackaged)}`,
      `${formatPercent(period.share)}${markTarget(period.onTarget.share)}`,
      `${formatPercent(period.patchCoverage)}${markTarget(period.onTarget.patchCoverage)}`,
    ];
  });
  const wellPackaged = periods.map((p) => p.wellPackaged);
  const sparklines = [
    [
      'well-packaged ',
      renderSparkline(wellPackaged, { min: 0, max: Math.max(1, segment.targets.wellPackaged ?? 0, ...wellPackaged) }),
    ],
    [
      'share         ',
      renderSparkline(
        periods.map((p) => p.share),
        { min: 0, max: 100 },
      ),
    ],
    [
      'patch coverage',
      renderSparkline(
        periods.map((p) => p.patchCoverage),
        { min: 0, max: 100 },
      ),
    ],
  ].map(([label, line]) => ({ text: `${label}  ${line}` }));
  return [
    ...renderSegmentHeading({
      heading: { text: `#### Segment ${escapeMarkdown(segment.name)}: last ${periods.length} periods, oldest first` },
      targets: segment.targets,
    }),
    ...renderTable({
      columns: [
        { header: 'period' },
        { header: 'releases', numeric: true },
        { header: 'well-packaged', numeric: true },
        { header: 'share', numeric: true },
        { header: 'patch coverage', numeric: true },
      ],
      rows,
    }),
    { text: '' },
    { text: '```text', keepWithNext: true },
    ...sparklines.map((line) => ({ ...line, keepWithNext: true })),
    { text: '```' },
    { text: '' },
    { text: '_Sparklines: one bar per period, oldest first; `·` = no number (nothing settled or decided)._' },
  ];
}
