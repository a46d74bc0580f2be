import type { Report, SegmentReport } from '../report/types.ts';
import { formatCount } from './format-count.ts';
import { formatNumber } from './format-number.ts';
import { formatPercent } from './format-percent.ts';
import { formatPeriod } from './format-period.ts';
import { labelSegment } from './label-segment.ts';
import { markTarget } from './mark-target.ts';
import { renderRollbackReasons } from './render-rollback-reasons.ts';
import { renderSeedAnswers } from './render-seed-answers.ts';
import { renderSegmentHeading } from './render-segment-heading.ts';
import { renderTable } from './render-table.ts';
import type { MarkdownLine } from './types.ts';

/**
 * One segment of the org report: a table of the shown periods (North Star,
 * its breakdown, rollbacks, patch coverage), open alerts past due, median
 * time to fix and the top rollback reasons. Labelled as the segment, or with
 * `repo` as that one repository's figures (labelSegment).
 */
export function renderSegmentSection({
  report,
  segment,
  repo,
  now,
}: {
  report: Pick<Report, 'releases'>;
  segment: SegmentReport;
  repo?: string | undefined;
  /** The report's `now`: with it, the section answers the seed questions (renderSeedAnswers). */
  now?: string;
}): MarkdownLine[] {
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
  return [
    ...renderSegmentHeading({
      heading: { text: `### ${labelSegment({ segment, repo })}`, unit: 'segment' },
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
    ...(now === undefined ? [] : [...renderSeedAnswers({ segment, releases: report.releases, now }), { text: '' }]),
    ...renderRollbackReasons({ report, segment }),
  ];
}
