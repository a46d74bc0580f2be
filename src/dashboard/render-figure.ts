import { CHART } from './chart-layout.ts';
import { escapeHtml } from './escape-html.ts';

/**
 * A chart as an accessible figure: the SVG is one image (`role="img"`) named
 * by its `<title>` and described by its `<desc>` (a sentence with the
 * numbers), followed by the data table as its text alternative and a legend.
 */
export function renderFigure({
  id,
  title,
  description,
  body,
  table,
  legend = [],
  height = CHART.height,
}: {
  id: string;
  title: string;
  description: string;
  /** SVG elements (already escaped). */
  body: string;
  /** The data table's HTML (already escaped). */
  table: string;
  legend?: readonly { swatch: string; text: string }[];
  height?: number;
}): string {
  const key = escapeHtml(id);
  const legendHtml =
    legend.length === 0
      ? ''
      : `<ul class="legend">${legend
          .map(
            (item) =>
              `<li><span class="swatch ${escapeHtml(item.swatch)}" aria-hidden="true"></span>${escapeHtml(item.text)}</li>`,
          )
          .join('')}</ul>`;
  return (
    `<figure class="chart" id="${key}">` +
    `<svg viewBox="0 0 ${CHART.width} ${height}" role="img" aria-labelledby="${key}-title ${key}-desc" data-chart="${key}">` +
    `<title id="${key}-title">${escapeHtml(title)}</title>` +
    `<desc id="${key}-desc">${escapeHtml(description)}</desc>` +
    body +
    `</svg>` +
    legendHtml +
    `<details><summary>${escapeHtml(title)}: data table</summary>${table}</details>` +
    `</figure>`
  );
}
