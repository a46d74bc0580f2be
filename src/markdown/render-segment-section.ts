import type { ReleaseReport, SegmentReport } from '../report/types.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import { formatCount } from './format-count.ts';
import { formatNumber } from './format-number.ts';
import { formatPercent } from './format-percent.ts';
import { formatPeriod } from './format-period.ts';
import { markTarget } from './mark-target.ts';
import { renderSeedAnswers } from './render-seed-answers.ts';
import { renderSegmentHeading } from './render-segment-heading.ts';
import { renderTable } from './render-table.ts';
import { shortenText } from './shorten-text.ts';
import type { MarkdownLine } from './types.ts';

/** Longest rollback reason shown, before escaping. */
const MAX_REASON = 200;

/**
 * One segment of the org report: a table of the shown periods (North Star,
 * its breakdown, rollbacks, patch coverage), open alerts past due, median
 * time to fix and the top rollback reasons.
 */
export function renderSegmentSection({
  segment,
  releases = [],
  now,
}: {
  segment: SegmentReport;
  /** The report's releases, for the seed answers' drill-down. */
  releases?: readonly ReleaseReport[];
  /** The report's `now`: with it, the section answers the seed questions (renderSeedAnswers). */
  now?: string;
}): MarkdownLine[] {
  const repos = segment.repos.length;
  const rows = segment.periods.map((period) => {
    const label = formatPeriod(period);
    return [
      period.current ? `**${label} (current)**` : label,
      formatCount(period.releases),
      `${formatCount(period.wellPackaged)}${markTarget(period.onTarget.wellPackaged)}`,
      formatCount(period.pending),
      formatCount(period.notWellPackaged),
      `${formatPercent(period.share)}${markTarget(period.onTarget.share)}`,
      formatCount(period.rolledBack),
      formatNumber({ value: period.medianRollbackMinutes, unit: 'min' }),
      `${formatPercent(period.patchCoverage)}${markTarget(period.onTarget.patchCoverage)}`,
      `${formatCount(period.patchesSettled)} / ${formatCount(period.patchesInSla)}`,
    ];
  });
  const reasons = segment.topRollbackReasons.map(
    ({ reason, count }, i) =>
      `${i + 1}. ${escapeMarkdown(shortenText({ text: reason, max: MAX_REASON }))} (${formatCount(count)})`,
  );
  return [
    ...renderSegmentHeading({
      heading: {
        text: `### Segment ${escapeMarkdown(segment.name)} (${formatCount(repos)} repo${repos === 1 ? '' : 's'})`,
        unit: 'segment',
      },
      targets: segment.targets,
    }),
    ...renderTable({
      columns: [
        { header: 'period' },
        { header: 'releases', numeric: true },
        { header: 'well-packaged', numeric: true },
        { header: 'pending', numeric: true },
        { header: 'not well-packaged', numeric: true },
        { header: 'share', numeric: true },
        { header: 'rolled back', numeric: true },
        { header: 'median rollback', numeric: true },
        { header: 'patch coverage', numeric: true },
        { header: 'settled / in SLA', numeric: true },
      ],
      rows,
    }),
    { text: '' },
    {
      text: `Open alerts past due: **${formatCount(segment.openAlertsPastDue)}** · median time to fix: ${formatNumber({ value: segment.medianTimeToFixHours, unit: 'h' })}`,
    },
    { text: '' },
    ...(now === undefined ? [] : [...renderSeedAnswers({ segment, releases, now }), { text: '' }]),
    ...(reasons.length > 0
      ? [
          { text: 'Top rollback reasons:', keepWithNext: true },
          { text: '', keepWithNext: true },
          ...reasons.map((text) => ({ text })),
        ]
      : [{ text: 'Top rollback reasons: none' }]),
  ];
}
