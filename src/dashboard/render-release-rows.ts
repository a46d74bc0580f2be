import { describeReasons, findReleaseRules, formatPercent, formatTime } from '../markdown/index.ts';
import type { Report } from '../report/types.ts';
import { checkRunUrl } from './check-run-url.ts';
import { describeReleaseRollback } from './describe-release-rollback.ts';
import { escapeHtml } from './escape-html.ts';
import { newestReleases } from './newest-releases.ts';

/** Most rows shown; the CSV export has them all. */
const MAX_ROWS = 200;

const STATUS_TEXT = {
  'well-packaged': '✓ well-packaged',
  'not-well-packaged': '✗ not well-packaged',
  pending: '… pending',
};

/**
 * The recent releases of a segment (newest first): verdict, reasons,
 * coverage, DevOps activities, the rollback that counts and a link to the
 * release commit's check runs.
 */
export function renderReleaseRows({
  report,
  segment,
  baseUrl,
}: {
  report: Report;
  segment: string;
  baseUrl?: string;
}): string {
  const releases = newestReleases({ report, segment });
  if (releases.length === 0) return '<p class="empty" id="releases">No releases in the shown periods.</p>';
  const rows = releases
    .slice(0, MAX_ROWS)
    .map((release) => {
      const kinds = release.activities.map((a) => a.kind).join(', ');
      const url = checkRunUrl({ ...(baseUrl === undefined ? {} : { baseUrl }), repo: release.repo, sha: release.sha });
      return (
        `<tr data-repo="${escapeHtml(release.repo)}" data-tag="${escapeHtml(release.tag)}">` +
        `<td>${escapeHtml(formatTime(release.publishedAt))}</td>` +
        `<td>${escapeHtml(release.repo)}</td>` +
        `<th scope="row">${escapeHtml(release.tag)}${release.prerelease ? ' <span class="muted">(prerelease)</span>' : ''}</th>` +
        `<td class="status ${escapeHtml(release.status)}" data-value="${escapeHtml(release.status)}">${escapeHtml(STATUS_TEXT[release.status])}</td>` +
        `<td>${escapeHtml(describeReasons({ release, rules: findReleaseRules({ report, release }) }))}</td>` +
        `<td class="num" data-value="${release.coverage ?? 'null'}">${escapeHtml(formatPercent(release.coverage))}</td>` +
        `<td class="num" data-value="${release.devopsActivities}">${release.devopsActivities}${kinds ? ` <span class="muted">(${escapeHtml(kinds)})</span>` : ''}</td>` +
        `<td>${escapeHtml(describeReleaseRollback(release.rollback))}</td>` +
        `<td><a href="${escapeHtml(url)}" rel="noreferrer">${release.sha ? 'checks' : 'runs'}<span class="visually-hidden"> of ${escapeHtml(`${release.repo} ${release.tag}`)}</span></a></td>` +
        `</tr>`
      );
    })
    .join('');
  const more =
    releases.length > MAX_ROWS
      ? `<p class="muted">${MAX_ROWS} newest of ${releases.length} shown; the CSV export has all.</p>`
      : '';
  return (
    `<table class="releases" id="releases"><caption>Releases of the shown periods, newest first</caption>` +
    `<thead><tr><th scope="col">published</th><th scope="col">repo</th><th scope="col">tag</th><th scope="col">verdict</th><th scope="col">reasons</th><th scope="col">coverage</th><th scope="col">activities</th><th scope="col">rollback</th><th scope="col">check run</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>${more}`
  );
}
