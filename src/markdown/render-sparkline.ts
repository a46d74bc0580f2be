const BARS = '▁▂▃▄▅▆▇█';
const MISSING = '·';

/**
 * A text sparkline, one bar per value (`▁▂▃▄▅▆▇█`); null shows as `·`. The
 * scale runs from `range.min` to `range.max` (default: the values' own
 * minimum and maximum); values outside it are clamped. When the scale is flat,
 * every value gets the middle bar.
 */
export function renderSparkline(values: (number | null)[], range: { min?: number; max?: number } = {}): string {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const min = range.min ?? Math.min(...known);
  const max = range.max ?? Math.max(...known);
  const top = BARS.length - 1;
  return values
    .map((value) => {
      if (value === null || !Number.isFinite(value)) return MISSING;
      if (!(max > min)) return BARS[Math.floor(top / 2)];
      const level = Math.round(((Math.min(max, Math.max(min, value)) - min) / (max - min)) * top);
      return BARS[level];
    })
    .join('');
}
