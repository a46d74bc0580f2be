import type { Report } from '../report/types.ts';
import { escapeHtml } from './escape-html.ts';

/**
 * The segment selector: a plain GET form (no script), so it works with the
 * keyboard and without JavaScript. Keeps `org` and a pinned `now`.
 */
export function renderSegmentSelector({
  report,
  org,
  segment,
  action,
  pinnedNow,
}: {
  report: Report;
  org: string;
  segment: string;
  action: string;
  pinnedNow?: string;
}): string {
  const options = report.segments
    .map(
      (s) =>
        `<option value="${escapeHtml(s.name)}"${s.name === segment ? ' selected' : ''}>${escapeHtml(s.name === 'all' ? 'all segments' : s.name)}</option>`,
    )
    .join('');
  return (
    `<form method="get" action="${escapeHtml(action)}" class="selector">` +
    `<input type="hidden" name="org" value="${escapeHtml(org)}">` +
    (pinnedNow === undefined ? '' : `<input type="hidden" name="now" value="${escapeHtml(pinnedNow)}">`) +
    `<label for="segment">Segment</label>` +
    `<select id="segment" name="segment">${options}</select>` +
    `<button type="submit">Show</button>` +
    `</form>`
  );
}
