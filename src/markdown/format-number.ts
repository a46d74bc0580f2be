/**
 * A measured number with one decimal and its unit (`4.5 min`, `48.0 h`), or
 * `—` when there is none.
 */
export function formatNumber({ value, unit }: { value: number | null; unit: string }): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return `${(Math.round(value * 10) / 10).toFixed(1)} ${unit}`;
}
