/** A UTC instant in milliseconds since the Unix epoch. Every time in the core is one. */
export type Instant = number;

/** A duration in milliseconds. */
export type Duration = number;

export const MINUTE: Duration = 60_000;
export const HOUR: Duration = 60 * MINUTE;
export const DAY: Duration = 24 * HOUR;

const ZERO = 48;

/**
 * ISO-8601 UTC with milliseconds, as every report prints times — the same
 * text as `Date#toISOString`, computed with integer arithmetic and built as
 * one flat string from its 24 character codes (a report of 35 k releases
 * keeps ~200 k instants: Date objects, or a template literal's chain of
 * concatenated pieces at ~320 bytes each, made them a large part of the
 * report's time and heap). Years outside 0000–9999 go through Date.
 */
export function formatInstant(instant: Instant): string {
  const days = Math.floor(instant / DAY);
  let rest = instant - days * DAY;
  // Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil, inverted).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999 || !Number.isInteger(instant)) return new Date(instant).toISOString();
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.floor(rest / MINUTE);
  rest -= minutes * MINUTE;
  const seconds = Math.floor(rest / 1000);
  const ms = rest - seconds * 1000;
  return String.fromCharCode(
    ZERO + Math.floor(year / 1000),
    ZERO + (Math.floor(year / 100) % 10),
    ZERO + (Math.floor(year / 10) % 10),
    ZERO + (year % 10),
    0x2d, // -
    ZERO + Math.floor(month / 10),
    ZERO + (month % 10),
    0x2d,
    ZERO + Math.floor(day / 10),
    ZERO + (day % 10),
    0x54, // T
    ZERO + Math.floor(hours / 10),
    ZERO + (hours % 10),
    0x3a, // :
    ZERO + Math.floor(minutes / 10),
    ZERO + (minutes % 10),
    0x3a,
    ZERO + Math.floor(seconds / 10),
    ZERO + (seconds % 10),
    0x2e, // .
    ZERO + Math.floor(ms / 100),
    ZERO + (Math.floor(ms / 10) % 10),
    ZERO + (ms % 10),
    0x5a, // Z
  );
}
