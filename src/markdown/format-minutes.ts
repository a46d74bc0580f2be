/** Minutes for reading: `45 min`, `2 h 05 min`, `—` for none (whole minutes, rounded). */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return '—';
  const whole = Math.round(minutes);
  if (whole < 60) return `${whole} min`;
  const rest = whole % 60;
  return `${Math.floor(whole / 60)} h ${String(rest).padStart(2, '0')} min`;
}
