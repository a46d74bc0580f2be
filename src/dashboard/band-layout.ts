import { PLOT } from './chart-layout.ts';

/** Where each of `count` bars goes: equal bands across the plot, each bar `fill` of its band wide. */
export function bandLayout({ count, fill = 0.6 }: { count: number; fill?: number }): {
  x: number;
  width: number;
  center: number;
}[] {
  const band = PLOT.width / Math.max(1, count);
  const width = Math.round(band * fill * 10) / 10;
  return Array.from({ length: count }, (_, i) => {
    const center = Math.round((PLOT.x + band * (i + 0.5)) * 10) / 10;
    return { x: Math.round((center - width / 2) * 10) / 10, width, center };
  });
}
