// Times are read exactly: every real calendar time as Date reads it, every
// time the calendar does not have refused with the reason, never rolled over.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant, readInstant } from '../../src/time/index.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('readInstant', () => {
  it('reads every real calendar time in every accepted form as Date does', () => {
    const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const time = fc
      .record({
        year: fc.integer({ min: 0, max: 9999 }),
        month: fc.integer({ min: 1, max: 12 }),
        dayIndex: fc.nat(30),
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
        second: fc.option(fc.integer({ min: 0, max: 59 })),
        fraction: fc.option(fc.stringMatching(/^\d{1,9}$/)),
        zone: fc.oneof(
          fc.constantFrom('Z', 'z'),
          fc
            .record({
              sign: fc.constantFrom('+', '-'),
              h: fc.integer({ min: 0, max: 23 }),
              m: fc.integer({ min: 0, max: 59 }),
              colon: fc.boolean(),
            })
            .map(({ sign, h, m, colon }) => `${sign}${pad(h)}${colon ? ':' : ''}${pad(m)}`),
        ),
      })
      .map((t) => {
        const inMonth = t.month === 2 && leap(t.year) ? 29 : days[t.month - 1]!;
        const day = (t.dayIndex % inMonth) + 1;
        const seconds = t.second === null ? '' : `:${pad(t.second)}${t.fraction === null ? '' : `.${t.fraction}`}`;
        return `${pad(t.year, 4)}-${pad(t.month)}-${pad(day)}T${pad(t.hour)}:${pad(t.minute)}${seconds}${t.zone}`;
      });
    fc.assert(
      fc.property(time, (text) => {
        expect(readInstant(text)).toEqual({ ok: true, instant: Date.parse(text) });
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['2026-02-30T10:00:00Z', 'February 2026 has 28 days'],
    ['2026-02-29T10:00:00Z', 'February 2026 has 28 days'],
    ['2100-02-29T00:00:00Z', 'February 2100 has 28 days'],
    ['2026-04-31T00:00:00+02:00', 'April has 30 days'],
    ['2026-03-00T00:00:00Z', 'days start at 01'],
    ['2026-13-01T00:00:00Z', 'there is no month 13'],
    ['2026-00-10T00:00:00Z', 'there is no month 0'],
    ['2026-01-01T24:00:00Z', 'hours run from 00 to 23'],
    ['2026-01-01T10:60:00Z', 'minutes run from 00 to 59'],
    ['2026-12-31T23:59:60Z', 'seconds run from 00 to 59'],
    ['2026-01-01T10:00:00+24:00', 'a zone offset runs from 00:00 to 23:59'],
    ['2026-01-01T10:00:00-05:60', 'a zone offset runs from 00:00 to 23:59'],
  ])('refuses %s: %s', (text, why) => {
    expect(readInstant(text)).toEqual({
      ok: false,
      problem: 'calendar',
      why,
      message: `"${text}" is not a real calendar time (${why})`,
    });
    expect(parseInstant(text)).toBeNull();
  });

  it('accepts the leap days that exist', () => {
    expect(parseInstant('2024-02-29T10:00:00Z')).toBe(Date.UTC(2024, 1, 29, 10));
    expect(parseInstant('2000-02-29T00:00:00.000Z')).toBe(Date.UTC(2000, 1, 29));
  });

  it.each(['2026-03-01', '2026-03-01T10:00:00', 'yesterday', '2026-3-1T10:00:00Z', ' 2026-03-01T10:00:00Z', ''])(
    'says %j is not an ISO-8601 time with a zone',
    (text) => {
      expect(readInstant(text)).toEqual({ ok: false, problem: 'format' });
    },
  );
});
