import type { SegmentPeriodReport, SegmentReport } from '../report/types.ts';
import { describeNorthStar } from './describe-north-star.ts';
import { formatCount } from './format-count.ts';
import { formatPercent } from './format-percent.ts';
import { formatPeriod } from './format-period.ts';
import { labelSegment } from './label-segment.ts';
import { markTarget } from './mark-target.ts';
import { renderSegmentHeading } from './render-segment-heading.ts';
import { renderSparkline } from './render-sparkline.ts';
import { renderTable } from './render-table.ts';
import type { MarkdownLine } from './types.ts';

/** A period worth a row: it has releases or settled alerts, or it is the current one. */
function hasData(period: SegmentPeriodReport): boolean {
  return period.current || period.releases > 0 || period.patchesSettled > 0;
}

/**
 * A segment's trend over the shown periods, for one release's summary: its
 * label (the segment across its repositories, or with `repo` that one
 * repository's figures: labelSegment), the North Star in one sentence, then
 * the North Star (well-packaged per period), its share and patch coverage as
 * a small table of the periods that have data (and the current one) with
 * on/off-target marks, then every shown period as text sparklines.
 */
export function renderSegmentTrend({
  segment,
  repo,
}: {
  segment: SegmentReport;
  /** The one repository the figures are of; unset: the segment's across its repositories. */
  repo?: string | undefined;
}): MarkdownLine[] {
  const periods = segment.periods;
  const shown = periods.filter(hasData);
  const rows = shown.map((period) => {
    const label = formatPeriod(period);
    return [
      period.current ? `**${label} (current)**` : label,
      formatCount(period.releases),
      `${formatCount(period.wellPackaged)}${markTarget(period.onTarget.wellPackaged)}`,
      `${formatPercent(period.share)}${markTarget(period.onTarget.share)}`,
      `${formatPercent(period.patchCoverage)}${markTarget(period.onTarget.patchCoverage)}`,
    ];
  });
  const left = periods.length - shown.length;
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
      heading: { text: `#### ${labelSegment({ segment, repo })}: trend, oldest first` },
      targets: segment.targets,
    }),
    { text: describeNorthStar({ segment }), keepWithNext: true },
    { text: '', keepWithNext: true },
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
    ...(left > 0
      ? [
          { text: '' },
          {
            text: `_${formatCount(left)} of the last ${formatCount(periods.length)} periods had no releases and no settled alerts: left out of the table._`,
          },
        ]
      : []),
    { text: '' },
    { text: '```text', keepWithNext: true },
    ...sparklines.map((line) => ({ ...line, keepWithNext: true })),
    { text: '```' },
    { text: '' },
    {
      text: `_Sparklines: one bar per period of the last ${formatCount(periods.length)}, oldest first; \`·\` = no number (nothing settled or decided)._`,
    },
  ];
}
