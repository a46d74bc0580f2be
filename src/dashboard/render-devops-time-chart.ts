import { DEVOPS_KINDS, type DevopsKind } from '../config/types.ts';
import { findTopDevopsTime, formatMinutes, formatPeriod } from '../markdown/index.ts';
import type { ReleaseReport } from '../report/types.ts';
import { escapeHtml } from './escape-html.ts';
import { labelPeriod } from './label-period.ts';
import { KIND_PARTS } from './render-activity-chart.ts';
import { renderDataTable } from './render-data-table.ts';
import { renderFigure } from './render-figure.ts';
import { type DrillDownInput, renderReleaseLinks } from './render-release-links.ts';
import { renderStackedPeriodBars } from './render-stacked-period-bars.ts';

/** Hotfixes are counted, not timed (docs/kpis.md, "Time spent"). */
const TIMED = KIND_PARTS.filter((part) => part.key !== 'hotfix');

/**
 * Where DevOps time goes (docs/dashboard.md, "Seed questions"): minutes per
 * timed kind per period, stacked, with counts and untimed activities in the
 * table, and per kind the releases whose activities took that time.
 */
export function renderDevopsTimeChart({ segment, releases, baseUrl }: DrillDownInput): string {
  const periods = segment.periods;
  const minutes = (i: number, kind: string) => periods[i]!.devopsMinutes[kind as DevopsKind] ?? 0;
  const topText = (i: number) => {
    const top = findTopDevopsTime(periods[i]!);
    return top.length === 0 ? 'nothing timed' : `${top.join(' and ')} (${formatMinutes(minutes(i, top[0]!))})`;
  };
  const figure = renderFigure({
    id: 'devops-time',
    title: `Time spent on DevOps activities of segment ${segment.name} by kind, per period`,
    description: `Minutes each timed kind took for the period's releases (hotfixes are counted, not timed). Most time: ${periods
      .map((p, i) => `${labelPeriod(p)}: ${topText(i)}`)
      .join('; ')}.`,
    body: renderStackedPeriodBars({
      periods,
      parts: TIMED,
      amountOf: (i, part) => minutes(i, part.key),
      format: formatMinutes,
      axisTitle: 'minutes',
    }),
    legend: TIMED.map((part) => ({ swatch: part.swatch, text: part.text })),
    table: renderDataTable({
      caption: `Time spent on DevOps activities of segment ${segment.name} (count, untimed) by kind`,
      columns: ['period', ...TIMED.map((p) => p.text), 'most time'],
      rows: periods.map((period, i) => ({
        header: `${formatPeriod(period)}${period.current ? ' (current)' : ''}`,
        key: period.start,
        cells: [
          ...TIMED.map((part) => {
            const kind = part.key as DevopsKind;
            const untimed = period.devopsUntimed[kind];
            return {
              text: `${formatMinutes(minutes(i, kind))} (${period.devopsActivities[kind]}${untimed > 0 ? `, ${untimed} untimed` : ''})`,
              value: minutes(i, kind),
            };
          }),
          { text: topText(i) },
        ],
      })),
      id: 'devops-time-table',
    }),
  });
  const drill = DEVOPS_KINDS.map((kind) => {
    const having = releases.filter((r) => r.activities.some((a) => a.kind === kind));
    const noteOf = (r: ReleaseReport) => {
      const own = r.activities.filter((a) => a.kind === kind);
      if (kind === 'hotfix') return `${own.length} × ${kind}`;
      const timed = own.filter((a) => a.minutes !== null);
      const total = timed.reduce((sum, a) => sum + a.minutes!, 0);
      const untimed = own.length - timed.length;
      return `${own.length} × ${kind}, ${formatMinutes(total)}${untimed > 0 ? ` (${untimed} untimed)` : ''}`;
    };
    const list =
      having.length === 0
        ? '<p class="empty">None in the shown periods.</p>'
        : renderReleaseLinks({ releases: having, baseUrl, noteOf });
    return `<details class="drill" data-drill="devops:${escapeHtml(kind)}" data-count="${having.length}"><summary>${escapeHtml(`${kind}: ${having.length} release${having.length === 1 ? '' : 's'}`)}</summary>${list}</details>`;
  }).join('');
  return `${figure}<h3>Releases by the activities they needed, shown periods</h3>${drill}`;
}
