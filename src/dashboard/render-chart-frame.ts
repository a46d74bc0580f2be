import { CHART, PLOT } from './chart-layout.ts';
import { escapeHtml } from './escape-html.ts';

/** One tick of an axis: where (in SVG units) and what it says. */
export interface AxisTick {
  at: number;
  text: string;
}

/**
 * The frame of a period chart: horizontal grid lines with the left axis'
 * labels, optional right-axis labels, the period labels under the bands and
 * the axis titles. Decorative for assistive technology (the figure's title,
 * description and data table carry the meaning).
 */
export function renderChartFrame({
  left,
  right = [],
  bands,
  leftTitle,
  rightTitle,
}: {
  left: readonly AxisTick[];
  right?: readonly AxisTick[];
  bands: readonly { center: number; text: string }[];
  leftTitle: string;
  rightTitle?: string;
}): string {
  const grid = left
    .map(
      (tick) =>
        `<line class="grid" x1="${PLOT.x}" x2="${PLOT.x + PLOT.width}" y1="${tick.at}" y2="${tick.at}"/>` +
        `<text class="tick" x="${PLOT.x - 6}" y="${tick.at + 4}" text-anchor="end">${escapeHtml(tick.text)}</text>`,
    )
    .join('');
  const rightTicks = right
    .map(
      (tick) =>
        `<text class="tick" x="${PLOT.x + PLOT.width + 6}" y="${tick.at + 4}" text-anchor="start">${escapeHtml(tick.text)}</text>`,
    )
    .join('');
  const labels = bands
    .map(
      (band) =>
        `<text class="tick" x="${band.center}" y="${PLOT.y + PLOT.height + 16}" text-anchor="middle">${escapeHtml(band.text)}</text>`,
    )
    .join('');
  const titles =
    `<text class="axis-title" x="${PLOT.x}" y="${CHART.top - 10}" text-anchor="start">${escapeHtml(leftTitle)}</text>` +
    (rightTitle
      ? `<text class="axis-title" x="${PLOT.x + PLOT.width}" y="${CHART.top - 10}" text-anchor="end">${escapeHtml(rightTitle)}</text>`
      : '');
  const base = `<line class="axis" x1="${PLOT.x}" x2="${PLOT.x + PLOT.width}" y1="${PLOT.y + PLOT.height}" y2="${PLOT.y + PLOT.height}"/>`;
  return `<g aria-hidden="true">${grid}${rightTicks}${base}${labels}${titles}</g>`;
}
