import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../src/time/index.ts';

describe('formatInstant', () => {
  it('prints exactly what Date#toISOString prints, for any instant Date can hold', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (instant) => {
        expect(formatInstant(instant)).toBe(new Date(instant).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it('handles leap days, epoch and year boundaries', () => {
    for (const text of [
      '1970-01-01T00:00:00.000Z',
      '2024-02-29T23:59:59.999Z',
      '2000-03-01T00:00:00.000Z',
      '2100-02-28T12:00:00.001Z',
      '1969-12-31T23:59:59.999Z',
      '0000-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
    ]) {
      expect(formatInstant(Date.parse(text))).toBe(text);
    }
  });
});
