import { findBiggestBlockers, formatPeriod, nameCriterion } from '../markdown/index.ts';
import { VERDICT_REASONS } from '../report/types.ts';
import { escapeHtml } from './escape-html.ts';
import { labelPeriod } from './label-period.ts';
import { renderDataTable } from './render-data-table.ts';
import { renderFigure } from './render-figure.ts';
import { type DrillDownInput, renderReleaseLinks } from './render-release-links.ts';
import { renderStackedPeriodBars } from './render-stacked-period-bars.ts';

const PARTS = VERDICT_REASONS.map((reason, k) => ({ key: reason, text: nameCriterion(reason), swatch: `k${k}` }));

/**
 * The biggest blocker (docs/dashboard.md, "Seed questions"): releases failing
 * each criterion per period, stacked (a release failing two counts in both),
 * the criterion failing most named per period, and per criterion the
 * releases of the shown periods failing it, newest first.
 */
export function renderBlockerChart({ segment, releases, baseUrl }: DrillDownInput): string {
  const periods = segment.periods;
  const blockerText = (i: number) => {
    const blockers = findBiggestBlockers(periods[i]!);
    return blockers.length === 0 ? 'none' : blockers.map(nameCriterion).join(' and ');
  };
  const figure = renderFigure({
    id: 'blockers',
    title: `Releases of segment ${segment.name} failing each criterion, per period`,
    description: `The biggest blocker is the criterion failed most. ${periods
      .map((p, i) => `${labelPeriod(p)}: ${blockerText(i)}`)
      .join('; ')}.`,
    body: renderStackedPeriodBars({
      periods,
      parts: PARTS,
      amountOf: (i, part) => periods[i]!.failing[part.key as (typeof VERDICT_REASONS)[number]],
      format: (v) => `${v} releases`,
      axisTitle: 'releases failing',
    }),
    legend: PARTS.map((part) => ({ swatch: part.swatch, text: part.text })),
    table: renderDataTable({
      caption: `Releases of segment ${segment.name} failing each criterion`,
      columns: ['period', ...PARTS.map((p) => p.text), 'biggest blocker'],
      rows: periods.map((period, i) => ({
        header: `${formatPeriod(period)}${period.current ? ' (current)' : ''}`,
        key: period.start,
        cells: [
          ...VERDICT_REASONS.map((reason) => ({ text: String(period.failing[reason]), value: period.failing[reason] })),
          { text: blockerText(i) },
        ],
      })),
      id: 'blockers-table',
    }),
  });
  const drill = PARTS.map((part) => {
    const failing = releases.filter((r) => r.reasons.includes(part.key as (typeof VERDICT_REASONS)[number]));
    const list =
      failing.length === 0
        ? '<p class="empty">None in the shown periods.</p>'
        : renderReleaseLinks({ releases: failing, baseUrl });
    return `<details class="drill" data-drill="blocker:${escapeHtml(part.key)}" data-count="${failing.length}"><summary>${escapeHtml(`${part.text}: ${failing.length} release${failing.length === 1 ? '' : 's'}`)}</summary>${list}</details>`;
  }).join('');
  return `${figure}<h3>Releases failing each criterion, shown periods</h3>${drill}`;
}
