import type { Report } from '../report/types.ts';
import { checkRunUrl } from './check-run-url.ts';
import { newestReleases } from './newest-releases.ts';
import { quoteCsvCell } from './quote-csv-cell.ts';

const HEADER = [
  'repo',
  'tag',
  'segment',
  'published_at',
  'status',
  'reasons',
  'coverage',
  'devops_activities',
  'activity_kinds',
  'rollback_at',
  'rollback_signal',
  'rollback_reason',
  'rollback_minutes',
  'check_runs_url',
];

/**
 * The dashboard's release table as CSV (RFC 4180: CRLF line ends, a header
 * row), newest first, for one segment (`all`: every release). Cells that a
 * spreadsheet would run as a formula are neutralised with a leading `'`.
 */
export function renderReleasesCsv({
  report,
  segment = 'all',
  baseUrl,
}: {
  report: Report;
  segment?: string;
  baseUrl?: string;
}): string {
  const rows = newestReleases({ report, segment }).map((r) => [
    r.repo,
    r.tag,
    r.segment,
    r.publishedAt,
    r.status,
    r.reasons.join(' '),
    r.coverage,
    r.devopsActivities,
    r.activities.map((a) => a.kind).join(' '),
    r.rollback?.at ?? null,
    r.rollback?.signal ?? null,
    r.rollback?.reason ?? null,
    r.rollback?.durationMinutes ?? null,
    checkRunUrl({ ...(baseUrl === undefined ? {} : { baseUrl }), repo: r.repo, sha: r.sha }),
  ]);
  return [HEADER, ...rows].map((row) => `${row.map(quoteCsvCell).join(',')}\r\n`).join('');
}
