/** The drawing area every period chart shares, in SVG user units (the SVG scales to its box). */
export const CHART = {
  width: 640,
  height: 250,
  top: 24,
  right: 56,
  bottom: 44,
  left: 48,
} as const;

/** The plot area inside the margins. */
export const PLOT = {
  x: CHART.left,
  y: CHART.top,
  width: CHART.width - CHART.left - CHART.right,
  height: CHART.height - CHART.top - CHART.bottom,
} as const;
