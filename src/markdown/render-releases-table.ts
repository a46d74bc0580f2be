import type { ReleaseReport, Report } from '../report/types.ts';
import { describeReasons } from './describe-reasons.ts';
import { describeRollback } from './describe-rollback.ts';
import { describeStatus } from './describe-status.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import { findReleaseRules } from './find-release-rules.ts';
import { formatCount } from './format-count.ts';
import { formatPercent } from './format-percent.ts';
import { formatTime } from './format-time.ts';
import { renderTable } from './render-table.ts';
import { shortenText } from './shorten-text.ts';
import type { MarkdownLine } from './types.ts';

/** Longest tag shown, before escaping. */
const MAX_TAG = 120;

function newestFirst(a: ReleaseReport, b: ReleaseReport): number {
  if (a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt ? 1 : -1;
  if (a.repo !== b.repo) return a.repo < b.repo ? -1 : 1;
  return a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0;
}

/**
 * The releases of the shown periods, newest first (so a truncated table drops
 * the oldest), one row each: repo, tag, segment, published, status, reasons,
 * coverage, DevOps activities, the rollback that counts.
 */
export function renderReleasesTable({ report }: { report: Pick<Report, 'releases' | 'segments'> }): MarkdownLine[] {
  const { releases } = report;
  const heading = { text: `### Releases (${formatCount(releases.length)}, newest first)`, keepWithNext: true };
  if (releases.length === 0) return [heading, { text: '' }, { text: 'No releases in the shown periods.' }];
  const rows = [...releases]
    .sort(newestFirst)
    .map((release) => [
      escapeMarkdown(release.repo),
      `${escapeMarkdown(shortenText({ text: release.tag, max: MAX_TAG }))}${release.prerelease ? ' (prerelease)' : ''}`,
      escapeMarkdown(release.segment),
      formatTime(release.publishedAt),
      describeStatus(release.status),
      describeReasons({ release, rules: findReleaseRules({ report, release }) }),
      formatPercent(release.coverage),
      formatCount(release.devopsActivities),
      release.rollback ? describeRollback(release.rollback) : '—',
    ]);
  return [
    heading,
    { text: '', keepWithNext: true },
    ...renderTable({
      columns: [
        { header: 'repo' },
        { header: 'tag' },
        { header: 'segment' },
        { header: 'published' },
        { header: 'status' },
        { header: 'reasons' },
        { header: 'coverage', numeric: true },
        { header: 'activities', numeric: true },
        { header: 'rollback' },
      ],
      rows,
      unit: 'release',
    }),
  ];
}
