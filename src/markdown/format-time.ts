import { parseInstant } from '../time/index.ts';

/**
 * A report time as people read it: `2026-03-10 10:00 UTC`. Text that is not
 * an instant is returned as it is, so a bad value shows rather than vanishes.
 */
export function formatTime(iso: string): string {
  const instant = parseInstant(iso);
  if (instant === null) return iso;
  const text = new Date(instant).toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}
