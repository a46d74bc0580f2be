import { DEVOPS_KINDS } from '../config/types.ts';
import {
  findBiggestBlockers,
  findTopDevopsTime,
  formatMinutes,
  formatNumber,
  formatPercent,
  formatPeriod,
  nameCriterion,
} from '../markdown/index.ts';
import type { SegmentPeriodReport, SegmentReport } from '../report/types.ts';
import { describeOnTarget } from './describe-on-target.ts';
import { escapeHtml } from './escape-html.ts';

function card({
  id,
  label,
  value,
  text,
  verdict,
  note = '',
}: {
  id: string;
  label: string;
  value: number | null;
  text: string;
  verdict?: boolean | null | undefined;
  /** A line under the figure: its target, its change (plain text). */
  note?: string;
}): string {
  const tone = verdict === true ? ' on-target' : verdict === false ? ' off-target' : '';
  const mark =
    verdict === undefined || verdict === null
      ? ''
      : ` <span class="${tone.trim()}">(${describeOnTarget(verdict)})</span>`;
  const noteHtml = note === '' ? '' : `<span class="muted note">${escapeHtml(note)}</span>`;
  return `<li data-card="${id}" data-value="${value ?? 'null'}"><span class="muted">${escapeHtml(label)}</span><span class="big${tone}">${escapeHtml(text)}</span>${mark}${noteHtml}</li>`;
}

/** `+2`, `−1`, `±0` against the previous complete period, or nothing without one. */
function change(now: number | null, before: number | null, unit = ''): string {
  if (now === null || before === null) return '';
  const delta = Math.round((now - before) * 10) / 10;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return `${sign}${Math.abs(delta)}${unit}`;
}

/**
 * The segment at a glance (docs/dashboard.md, "At a glance"): every period
 * figure is about one stated period, the last complete one, with its target
 * and its change against the complete period before; then what is true now
 * (alerts past due), over the shown periods (time to fix), and the current
 * period so far.
 */
export function renderSummaryCards({ segment }: { segment: SegmentReport }): string {
  const lastIndex = segment.periods.findLastIndex((p) => !p.current);
  const last: SegmentPeriodReport | undefined = segment.periods[lastIndex];
  const before: SegmentPeriodReport | undefined = lastIndex > 0 ? segment.periods[lastIndex - 1] : undefined;
  const current = segment.periods.find((p) => p.current);
  const vs = before ? ` vs ${formatPeriod(before)}` : '';
  const periodCards = last
    ? [
        card({
          id: 'north-star',
          label: 'North Star: well-packaged releases',
          value: last.wellPackaged,
          text: `${last.wellPackaged} of ${last.releases}`,
          verdict: last.onTarget.wellPackaged,
          note: [
            segment.targets.wellPackaged === undefined ? 'no target set' : `target ≥ ${segment.targets.wellPackaged}`,
            before ? `${change(last.wellPackaged, before.wellPackaged)}${vs} (${before.wellPackaged})` : '',
          ]
            .filter(Boolean)
            .join(' · '),
        }),
        card({
          id: 'share',
          label: 'Share well-packaged',
          value: last.share,
          text: formatPercent(last.share),
          verdict: last.onTarget.share,
          note: [
            segment.targets.share === undefined ? '' : `target ≥ ${formatPercent(segment.targets.share)}`,
            before && change(last.share, before.share, ' pts') !== ''
              ? `${change(last.share, before.share, ' pts')}${vs}`
              : '',
          ]
            .filter(Boolean)
            .join(' · '),
        }),
        card({
          id: 'patch-coverage',
          label: 'Security-patch coverage',
          value: last.patchCoverage,
          text: formatPercent(last.patchCoverage),
          verdict: last.onTarget.patchCoverage,
          note: `${last.patchesInSla} of ${last.patchesSettled} settled in SLA${segment.targets.patchCoverage === undefined ? '' : ` · target ≥ ${formatPercent(segment.targets.patchCoverage)}`}`,
        }),
        (() => {
          const blockers = findBiggestBlockers(last);
          return card({
            id: 'biggest-blocker',
            label: 'Biggest blocker',
            value: blockers.length === 0 ? 0 : last.failing[blockers[0]!],
            text: blockers.length === 0 ? 'none' : blockers.map(nameCriterion).join(' and '),
            note:
              blockers.length === 0
                ? 'no release failed'
                : `${last.failing[blockers[0]!]} of ${last.releases} releases`,
          });
        })(),
        (() => {
          const top = findTopDevopsTime(last);
          const total = DEVOPS_KINDS.reduce((sum, kind) => sum + (last.devopsMinutes[kind] ?? 0), 0);
          return card({
            id: 'devops-time',
            label: 'DevOps time',
            value: total,
            text: formatMinutes(total),
            note: top.length === 0 ? 'nothing timed' : `most on ${top.join(' and ')}`,
          });
        })(),
      ]
    : [];
  const nowCards = [
    card({
      id: 'open-alerts-past-due',
      label: 'Open alerts past due, now',
      value: segment.openAlertsPastDue,
      text: String(segment.openAlertsPastDue),
      note: segment.openAlertsPastDue > 0 ? 'listed below' : '',
    }),
    card({
      id: 'median-time-to-fix',
      label: 'Median time to fix, shown periods',
      value: segment.medianTimeToFixHours,
      text: formatNumber({ value: segment.medianTimeToFixHours, unit: 'h' }),
    }),
    current
      ? card({
          id: 'well-packaged-current',
          label: 'Current period so far',
          value: current.wellPackaged,
          text: `${current.wellPackaged} of ${current.releases}`,
          note: `${current.pending} pending · ${formatPeriod(current)}`,
        })
      : '',
  ];
  const stated = last
    ? `<p class="stated" data-period="${escapeHtml(last.start)}">Period ${escapeHtml(formatPeriod(last))}, the last complete one${before ? `; changes against ${escapeHtml(formatPeriod(before))}` : ''}.</p><ul class="cards" aria-label="Last complete period">${periodCards.join('')}</ul>`
    : '<p class="empty">No complete period is shown yet.</p>';
  return `${stated}<ul class="cards" aria-label="Now and over the shown periods">${nowCards.join('')}</ul>`;
}
