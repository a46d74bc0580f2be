import { DAY, parseInstant } from '../time/index.ts';
import { formatTime } from './format-time.ts';

/**
 * A period as `2026-03-09 → 2026-03-23` (end exclusive); with times when
 * either bound is not at midnight UTC.
 */
export function formatPeriod({ start, end }: { start: string; end: string }): string {
  const bounds = [start, end].map((iso) => ({ iso, instant: parseInstant(iso) }));
  const midnight = bounds.every(({ instant }) => instant !== null && instant % DAY === 0);
  const [from, to] = bounds.map(({ iso }) => (midnight ? formatTime(iso).slice(0, 10) : formatTime(iso)));
  return `${from} → ${to}`;
}
