import { formatNumber, formatPercent } from '../markdown/index.ts';
import type { SegmentReport } from '../report/types.ts';
import { describeOnTarget } from './describe-on-target.ts';
import { escapeHtml } from './escape-html.ts';

function card({
  id,
  label,
  value,
  text,
  verdict,
}: {
  id: string;
  label: string;
  value: number | null;
  text: string;
  verdict?: boolean | null | undefined;
}): string {
  const tone = verdict === true ? ' on-target' : verdict === false ? ' off-target' : '';
  const mark =
    verdict === undefined || verdict === null
      ? ''
      : ` <span class="${tone.trim()}">(${describeOnTarget(verdict)})</span>`;
  return `<li data-card="${id}" data-value="${value ?? 'null'}"><span class="muted">${escapeHtml(label)}</span><span class="big${tone}">${escapeHtml(text)}</span>${mark}</li>`;
}

/** The segment at a glance: this period's North Star, the last complete period's share and patch coverage, alerts past due, time to fix. */
export function renderSummaryCards({ segment }: { segment: SegmentReport }): string {
  const current = segment.periods.find((p) => p.current);
  const lastIndex = segment.periods.findLastIndex((p) => !p.current);
  const last = lastIndex >= 0 ? segment.periods[lastIndex] : undefined;
  const cards = [
    current
      ? card({
          id: 'well-packaged-current',
          label: 'Well-packaged, current period',
          value: current.wellPackaged,
          text: `${current.wellPackaged} of ${current.releases} (${current.pending} pending)`,
          verdict: current.onTarget.wellPackaged,
        })
      : '',
    last
      ? card({
          id: 'share-last',
          label: 'Share, last complete period',
          value: last.share,
          text: formatPercent(last.share),
          verdict: last.onTarget.share,
        })
      : '',
    last
      ? card({
          id: 'patch-coverage-last',
          label: 'Patch coverage, last complete period',
          value: last.patchCoverage,
          text: formatPercent(last.patchCoverage),
          verdict: last.onTarget.patchCoverage,
        })
      : '',
    card({
      id: 'open-alerts-past-due',
      label: 'Open alerts past due',
      value: segment.openAlertsPastDue,
      text: String(segment.openAlertsPastDue),
    }),
    card({
      id: 'median-time-to-fix',
      label: 'Median time to fix',
      value: segment.medianTimeToFixHours,
      text: formatNumber({ value: segment.medianTimeToFixHours, unit: 'h' }),
    }),
  ];
  return `<ul class="cards" aria-label="At a glance">${cards.join('')}</ul>`;
}
