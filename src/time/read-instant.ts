import { DAY, HOUR, type Instant, MINUTE } from './instant.ts';

/**
 * What reading a time gave: the instant; or why not — `format` (not an
 * ISO-8601 time naming its zone) or `calendar` (written as one, but no such
 * time exists: `2026-02-30`, hour 24, minute 60), with `why` (`February
 * 2026 has 28 days`) and a `message` that quotes the text and says why.
 */
export type InstantReading =
  | { ok: true; instant: Instant }
  | { ok: false; problem: 'format' }
  | { ok: false; problem: 'calendar'; why: string; message: string };

const ISO_WITH_ZONE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/i;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Why these fields name no time, or null when they do. */
function calendarFault(f: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offsetHours: number;
  offsetMinutes: number;
}): string | null {
  if (f.month < 1 || f.month > 12) return `there is no month ${f.month}`;
  const days = daysInMonth(f.year, f.month);
  if (f.day < 1 || f.day > days) {
    const which = f.month === 2 ? `February ${f.year}` : MONTHS[f.month - 1];
    return f.day < 1 ? 'days start at 01' : `${which} has ${days} days`;
  }
  if (f.hour > 23) return 'hours run from 00 to 23';
  if (f.minute > 59) return 'minutes run from 00 to 59';
  if (f.second > 59) return 'seconds run from 00 to 59';
  if (f.offsetHours > 23 || f.offsetMinutes > 59) return 'a zone offset runs from 00:00 to 23:59';
  return null;
}

/**
 * Reads an ISO-8601 instant that names its zone (`…Z`, `….000Z`, `+00:00`,
 * `+0000`), fractions of a second beyond milliseconds cut off. A time that
 * is written right but does not exist on the calendar is refused, never
 * rolled over to a real one (docs/kpis.md, "Periods and time").
 */
export function readInstant(text: string): InstantReading {
  const m = ISO_WITH_ZONE.exec(text);
  if (m === null) return { ok: false, problem: 'format' };
  const fields = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: m[6] === undefined ? 0 : Number(m[6]),
    offsetHours: m[8] === undefined ? Number(m[10]) : 0,
    offsetMinutes: m[8] === undefined ? Number(m[11]) : 0,
  };
  const fault = calendarFault(fields);
  if (fault !== null) {
    const message = `${JSON.stringify(text)} is not a real calendar time (${fault})`;
    return { ok: false, problem: 'calendar', why: fault, message };
  }
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const offset = (m[9] === '-' ? -1 : 1) * (fields.offsetHours * HOUR + fields.offsetMinutes * MINUTE);
  return {
    ok: true,
    instant:
      daysFromCivil(fields.year, fields.month, fields.day) * DAY +
      fields.hour * HOUR +
      fields.minute * MINUTE +
      fields.second * 1000 +
      ms -
      offset,
  };
}
