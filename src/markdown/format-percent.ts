/** `81.2 %` (one decimal, rounded half up), or `—` when there is no number. */
export function formatPercent(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return `${(Math.round(x * 10) / 10).toFixed(1)} %`;
}
