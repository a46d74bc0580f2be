/** Rounds half up to one decimal, as every displayed percentage is (docs/kpis.md, "Periods and time"). */
export function roundPercent(value: number): number {
  return Math.round(value * 10) / 10;
}

/** `part / whole × 100` rounded for display, or null when `whole` is 0. */
export function percentOf({ part, whole }: { part: number; whole: number }): number | null {
  return whole === 0 ? null : roundPercent((part / whole) * 100);
}

/** The median (mean of the two middle values for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // A typed array sorts numerically without a comparator call per step (same order; no NaN reaches here).
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The mean, or null for none. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
