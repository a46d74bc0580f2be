import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/config/index.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('parseDuration', () => {
  it.each([
    ['45s', 45 * SECOND],
    ['30m', 30 * MINUTE],
    ['12h', 12 * HOUR],
    ['7d', 7 * DAY],
    ['14d', 14 * DAY],
    ['2w', 14 * DAY],
    ['1.5d', 36 * HOUR],
  ])('reads %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '7', 'd', '0d', '0.0001s', '-1d', '7 d', ' 7d', '7d ', '7D', '7x', '7days', '1e3s', '.5d', 'P7D'])(
    'rejects %j',
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );

  it('is n times the unit for every positive whole number', () => {
    const units = { s: SECOND, m: MINUTE, h: HOUR, d: DAY, w: 7 * DAY };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(...Object.keys(units)), (n, unit) => {
        expect(parseDuration(`${n}${unit}`)).toBe(n * units[unit as keyof typeof units]);
      }),
    );
  });
});
