import { formatDuration, formatTime } from '../markdown/index.ts';
import type { SegmentReport } from '../report/types.ts';
import { parseInstant } from '../time/index.ts';
import { escapeHtml } from './escape-html.ts';
import { githubPageUrl } from './github-page-url.ts';

/**
 * The segment's open Dependabot alerts past due (docs/dashboard.md, "Seed
 * questions"): repo, alert (a link to it on GitHub), severity, due, age
 * (since it opened) and how long overdue, the longest overdue first.
 */
export function renderAlertsPastDue({
  segment,
  now,
  baseUrl,
}: {
  segment: SegmentReport;
  now: string;
  baseUrl?: string | undefined;
}): string {
  const alerts = segment.alertsPastDue;
  if (alerts.length === 0) return '<p class="empty" id="alerts-past-due">No open alert is past its due time.</p>';
  const at = parseInstant(now) ?? 0;
  const rows = alerts
    .map((a) => {
      const url = githubPageUrl({ baseUrl, repo: a.repo, parts: ['security', 'dependabot', String(a.number)] });
      const opened = parseInstant(a.openedAt) ?? at;
      const due = parseInstant(a.due) ?? at;
      return (
        `<tr data-repo="${escapeHtml(a.repo)}" data-alert="${a.number}">` +
        `<td>${escapeHtml(a.repo)}</td>` +
        `<th scope="row"><a href="${escapeHtml(url)}" rel="noreferrer">#${a.number}<span class="visually-hidden"> of ${escapeHtml(a.repo)}</span></a></th>` +
        `<td>${escapeHtml(a.severity ?? 'unknown (default SLA)')}</td>` +
        `<td>${escapeHtml(formatTime(a.due))}</td>` +
        `<td class="num" data-value="${at - opened}">${escapeHtml(formatDuration(at - opened))}</td>` +
        `<td class="num" data-value="${at - due}">${escapeHtml(formatDuration(at - due))}</td>` +
        `</tr>`
      );
    })
    .join('');
  return (
    `<table class="alerts" id="alerts-past-due"><caption>Open alerts past due as of ${escapeHtml(formatTime(now))}, the longest overdue first</caption>` +
    `<thead><tr><th scope="col">repo</th><th scope="col">alert</th><th scope="col">severity</th><th scope="col">due</th><th scope="col">age</th><th scope="col">overdue by</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>`
  );
}
