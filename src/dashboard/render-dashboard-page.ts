import { formatPeriod, formatTime } from '../markdown/index.ts';
import type { Report, SegmentReport } from '../report/types.ts';
import type { BackfillCounts } from '../store/types.ts';
import { DASHBOARD_CSS } from './dashboard-styles.ts';
import { escapeHtml } from './escape-html.ts';
import { newestReleases } from './newest-releases.ts';
import { renderActivityChart } from './render-activity-chart.ts';
import { renderAlertsPastDue } from './render-alerts-past-due.ts';
import { renderBackfillProgress } from './render-backfill-progress.ts';
import { renderBlockerChart } from './render-blocker-chart.ts';
import { renderDefinitions } from './render-definitions.ts';
import { renderDevopsTimeChart } from './render-devops-time-chart.ts';
import { renderMetricsTree } from './render-metrics-tree.ts';
import { renderNorthStarChart } from './render-north-star-chart.ts';
import { renderPatchCoverageChart } from './render-patch-coverage-chart.ts';
import { renderReleaseRows } from './render-release-rows.ts';
import { renderRollbackDurationChart } from './render-rollback-duration-chart.ts';
import { renderRollbackReasons } from './render-rollback-reasons.ts';
import { renderSegmentSelector } from './render-segment-selector.ts';
import { renderSummaryCards } from './render-summary-cards.ts';

function href(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return `${path}?${query}`;
}

/**
 * The dashboard page of one org, for one segment: server-rendered HTML with
 * inline SVG charts and no script or external asset. Every number comes from
 * `report` (computeReport's output); the page only lays it out. A segment the
 * report does not have falls back to `all` with a visible notice.
 */
export function renderDashboardPage({
  report,
  org,
  segment: requested = 'all',
  basePath = '/shipwell',
  baseUrl,
  pinnedNow,
  orgs = [],
  backfill = null,
}: {
  report: Report;
  org: string;
  /** The segment asked for (default `all`). */
  segment?: string;
  /** Where the App serves the dashboard; the API and CSV links hang below it. */
  basePath?: string;
  /** GitHub's web root for check-run links (GHE: `https://ghe.example.com`). */
  baseUrl?: string;
  /** The `now` the page was asked for, kept in the selector and links. */
  pinnedNow?: string;
  /** Other orgs the App knows, linked in the header. */
  orgs?: readonly string[];
  /** The org's backfill while it runs: the report is partial (renderBackfillProgress). */
  backfill?: BackfillCounts | null;
}): string {
  const found = report.segments.find((s) => s.name === requested);
  const segment: SegmentReport | undefined = found ?? report.segments.find((s) => s.name === 'all');
  const name = segment?.name ?? 'all';
  const current = report.periods.find((p) => p.current);
  const lastComplete = report.periods.findLastIndex((p) => !p.current);
  const links = {
    json: href(`${basePath}/api/report`, { org, now: pinnedNow }),
    csv: href(`${basePath}/api/releases.csv`, { org, segment: name, now: pinnedNow }),
  };
  const notice = found
    ? ''
    : `<p class="notice" role="status">Segment “${escapeHtml(requested)}” is not in this report; showing all segments.</p>`;
  const orgNav =
    orgs.length > 1
      ? `<nav aria-label="Organizations"><span class="muted">Orgs:</span> ${orgs
          .map((o) =>
            o === org
              ? `<strong aria-current="page">${escapeHtml(o)}</strong>`
              : `<a href="${escapeHtml(href(basePath, { org: o, now: pinnedNow }))}">${escapeHtml(o)}</a>`,
          )
          .join(' · ')}</nav>`
      : '';
  const releases = newestReleases({ report, segment: name });
  const github = baseUrl === undefined ? {} : { baseUrl };
  const section = (id: string, title: string, body: string) =>
    `<section aria-labelledby="h-${id}"><h2 id="h-${id}">${escapeHtml(title)}</h2>${body}</section>`;
  const sections = segment
    ? [
        section('glance', `At a glance: segment ${name}`, renderSummaryCards({ segment })),
        section('north-star', 'North Star per period', renderNorthStarChart({ segment })),
        section(
          'blockers',
          'Biggest blocker: which criterion fails most',
          renderBlockerChart({ segment, releases, ...github }),
        ),
        section('devops-time', 'Where DevOps time goes', renderDevopsTimeChart({ segment, releases, ...github })),
        section('activities', 'DevOps activities by kind', renderActivityChart({ segment })),
        section('reasons', 'Top rollback reasons', renderRollbackReasons({ report, segment })),
        section('alerts', 'Open alerts past due', renderAlertsPastDue({ segment, now: report.now, ...github })),
        section('patches', 'Security-patch coverage', renderPatchCoverageChart({ segment })),
        section('duration', 'Median rollback duration', renderRollbackDurationChart({ segment })),
        `<section aria-labelledby="h-tree"><h2 id="h-tree">Input metrics: North Star → criteria → segments</h2>${renderMetricsTree({ report, periodIndex: lastComplete >= 0 ? lastComplete : report.periods.length - 1, selected: name })}</section>`,
        `<section aria-labelledby="h-releases"><h2 id="h-releases">Recent releases</h2><p><a href="${escapeHtml(links.csv)}" download>Download this table as CSV</a></p><div class="table-wrap">${renderReleaseRows({ report, segment: name, ...github })}</div></section>`,
        section('definitions', 'What the numbers mean', renderDefinitions({ segment })),
      ].join('')
    : '<p class="empty">This report has no segments.</p>';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(`Shipwell KPIs · ${org} · ${name}`)}</title>`,
    `<style>${DASHBOARD_CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>Shipwell KPIs: ${escapeHtml(org)}</h1>`,
    `<p class="muted">As of ${escapeHtml(formatTime(report.now))}${current ? ` · current period ${escapeHtml(formatPeriod(current))}` : ''} · ${report.periods.length} periods, oldest first</p>`,
    orgNav,
    `<div class="toolbar">${renderSegmentSelector({ report, org, segment: name, action: basePath, ...(pinnedNow === undefined ? {} : { pinnedNow }) })}`,
    `<a href="${escapeHtml(links.json)}">JSON report</a><a href="${escapeHtml(links.csv)}">Releases CSV</a></div>`,
    notice,
    renderBackfillProgress({ progress: backfill, now: Date.parse(report.now) }),
    '</header>',
    `<main data-segment="${escapeHtml(name)}" data-now="${escapeHtml(report.now)}">${sections}</main>`,
    '<footer class="muted">Numbers as defined in Shipwell’s KPI contract; targets never change a number. Each chart has a data table below it; “What the numbers mean” defines them.</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
