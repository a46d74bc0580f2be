import { formatPercent, formatPeriod } from '../markdown/index.ts';
import { type Report, VERDICT_REASONS, type VerdictReason } from '../report/types.ts';
import { escapeHtml } from './escape-html.ts';

const CRITERION: Record<VerdictReason, string> = {
  'rolled-back': 'not rolled back',
  'devops-activities': 'few enough DevOps activities',
  'coverage-below-threshold': 'coverage at or above the threshold',
  'coverage-missing': 'coverage reported',
};

function meter({ value, series, key }: { value: number | null; series: string; key: string }): string {
  const width = value === null ? 0 : Math.max(0, Math.min(100, value));
  return (
    `<svg class="meter" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect class="track" width="100" height="8"/><rect class="fill" width="${width}" height="8"/></svg>` +
    `<data class="rate" value="${value ?? ''}" data-series="${escapeHtml(series)}" data-key="${escapeHtml(key)}" data-value="${value === null ? 'null' : value}">${escapeHtml(formatPercent(value))}</data>`
  );
}

/**
 * The input metrics tree for one period: the North Star share of every
 * release, then each criterion's pass rate, then that rate per segment (the
 * selected segment marked). Nested lists, so it reads as a tree to everyone.
 */
export function renderMetricsTree({
  report,
  periodIndex,
  selected,
}: {
  report: Report;
  /** Index into the report's periods (the last complete one, usually). */
  periodIndex: number;
  selected: string;
}): string {
  const all = report.segments.find((s) => s.name === 'all');
  const period = all?.periods[periodIndex];
  if (!all || !period) return '<p class="empty">No period to show.</p>';
  const others = report.segments.filter((s) => s.name !== 'all');
  const criteria = VERDICT_REASONS.map((reason) => {
    const segments = others
      .map((segment) => {
        const p = segment.periods[periodIndex];
        if (!p) return '';
        const mark = segment.name === selected ? ' class="selected" aria-current="true"' : '';
        return `<li${mark}><span class="node">${escapeHtml(segment.name)} ${meter({ value: p.passRates[reason], series: `pass-rate:${reason}`, key: segment.name })} <span class="muted">${p.releases - p.pending} decided</span></span></li>`;
      })
      .join('');
    return `<li><span class="node">${escapeHtml(CRITERION[reason])} ${meter({ value: period.passRates[reason], series: `pass-rate:${reason}`, key: 'all' })} <span class="muted">${period.failing[reason]} failing</span></span>${segments ? `<ul>${segments}</ul>` : ''}</li>`;
  }).join('');
  return (
    `<div class="tree" id="metrics-tree" data-period="${escapeHtml(period.start)}">` +
    `<p class="muted">Period ${escapeHtml(formatPeriod(period))}${period.current ? ' (current)' : ''}: pass rates over decided releases (published, not pending).</p>` +
    `<ul class="root-list" aria-label="Input metrics: North Star, criteria, segments"><li><span class="node root">North Star share (all segments) ${meter({ value: period.share, series: 'share', key: 'all' })} <span class="muted">${period.wellPackaged} well-packaged of ${period.releases - period.pending} decided</span></span><ul>${criteria}</ul></li></ul>` +
    `</div>`
  );
}
