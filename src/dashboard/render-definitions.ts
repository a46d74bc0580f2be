import { REST_LIMITATIONS } from '../github/collect/rest-limitations.ts';
import { formatPercent } from '../markdown/index.ts';
import type { SegmentReport } from '../report/types.ts';
import { escapeHtml } from './escape-html.ts';

function hours(value: number): string {
  return value % 24 === 0 ? `${value / 24} days` : `${value} hours`;
}

/**
 * What the page's words mean for this segment (docs/dashboard.md,
 * "Definitions"): well-packaged with the segment's own thresholds, the
 * patch SLAs and targets, and where the numbers came from.
 */
export function renderDefinitions({ segment }: { segment: SegmentReport }): string {
  const { rules, targets } = segment;
  const sla = rules.patchSlaHours;
  const target = (label: string, value: string | undefined) =>
    value === undefined ? '' : `<li>${escapeHtml(label)}: ${escapeHtml(value)}</li>`;
  const targetItems = [
    target(
      'Well-packaged releases per period',
      targets.wellPackaged === undefined ? undefined : `at least ${targets.wellPackaged}`,
    ),
    target('Share well-packaged', targets.share === undefined ? undefined : `at least ${formatPercent(targets.share)}`),
    target(
      'Patch coverage',
      targets.patchCoverage === undefined ? undefined : `at least ${formatPercent(targets.patchCoverage)}`,
    ),
  ].join('');
  return (
    `<dl class="definitions" id="definitions" data-segment="${escapeHtml(segment.name)}">` +
    `<dt>Well-packaged, segment ${escapeHtml(segment.name)}</dt>` +
    `<dd>A published release whose first ${escapeHtml(hours(rules.rollbackWindowHours))} (its rollback window) show:<ul>` +
    `<li data-rule="rollback-window" data-value="${rules.rollbackWindowHours}">no rollback within ${escapeHtml(hours(rules.rollbackWindowHours))};</li>` +
    `<li data-rule="max-devops-activities" data-value="${rules.maxDevopsActivities}">fewer than ${rules.maxDevopsActivities} manual DevOps activities (counted: ${escapeHtml(rules.devopsKinds.join(', ') || 'none')});</li>` +
    `<li data-rule="min-coverage" data-value="${rules.minCoverage}">line coverage of at least ${escapeHtml(formatPercent(rules.minCoverage))}${rules.coverageFallback === 'latest-before' ? ' (without a report for its commit, the repository’s latest before publication)' : ''}.</li>` +
    `</ul>Until the window closes a release with nothing failing is pending.</dd>` +
    `<dt>Security-patch coverage</dt>` +
    `<dd>Dependabot alerts fixed within their SLA among those settled in the period: critical ${escapeHtml(hours(sla.critical))}, high ${escapeHtml(hours(sla.high))}, medium ${escapeHtml(hours(sla.medium))}, low ${escapeHtml(hours(sla.low))}${rules.dismissedAsFixed ? '; a dismissal counts as a fix' : ''}.</dd>` +
    `<dt>Targets</dt><dd>${targetItems === '' ? 'None set for this segment.' : `<ul>${targetItems}</ul>`} Targets colour the charts; they never change a number.</dd>` +
    `<dt>DevOps time</dt><dd>A manual or re-run workflow attempt from start to last update; a manual deployment from creation to its first final status; an approval’s wait from when the run started waiting. Hotfixes are counted, not timed.</dd>` +
    `<dt>Where the numbers come from</dt><dd>The webhook deliveries the App received as things happened, and for history before it was installed (or deliveries it missed) its backfill from GitHub’s REST API. REST keeps only current state, so for backfilled history:<ul>${REST_LIMITATIONS.map(
      (text) => `<li>${escapeHtml(text.replaceAll('`', ''))}</li>`,
    ).join(
      '',
    )}</ul>The deliveries export (JSON Lines) holds everything the report was computed from, backfilled facts included.</dd>` +
    `</dl>`
  );
}
