import { DAY, type Duration, HOUR, MINUTE } from '../time/index.ts';

const UNIT_MS: Record<string, Duration> = { s: 1000, m: MINUTE, h: HOUR, d: DAY, w: 7 * DAY };

/** What config accepts as a duration: a positive number, then one unit letter. */
export const DURATION_PATTERN = /^(\d+(?:\.\d+)?)([smhdw])$/;

/**
 * Parses a config duration: a positive number followed by a unit, `s`, `m`,
 * `h`, `d` or `w` (`45s`, `30m`, `12h`, `7d`, `2w`, `1.5d`). Returns
 * milliseconds (rounded to a whole one), or null for anything else, zero
 * included: like parseInstant, the caller says what was wrong and where.
 */
export function parseDuration(text: string): Duration | null {
  const match = DURATION_PATTERN.exec(text);
  if (!match) return null;
  const ms = Math.round(Number(match[1]) * UNIT_MS[match[2]!]!);
  return ms > 0 ? ms : null;
}
