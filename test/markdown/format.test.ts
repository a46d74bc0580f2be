import { describe, expect, it } from 'vitest';
import { formatCount, formatNumber, formatPercent, formatPeriod, formatTime } from '../../src/markdown/index.ts';

describe('formatPercent', () => {
  it('shows one decimal and a spaced percent sign', () => {
    expect(formatPercent(81.2)).toBe('81.2 %');
    expect(formatPercent(50)).toBe('50.0 %');
    expect(formatPercent(0)).toBe('0.0 %');
    expect(formatPercent(100)).toBe('100.0 %');
  });

  it('rounds half up when a number arrives unrounded', () => {
    expect(formatPercent(66.66666)).toBe('66.7 %');
    expect(formatPercent(12.25)).toBe('12.3 %');
  });

  it('shows a dash for no number', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});

describe('formatTime', () => {
  it('shows minutes in UTC', () => {
    expect(formatTime('2026-03-10T10:00:00.000Z')).toBe('2026-03-10 10:00 UTC');
    expect(formatTime('2026-03-10T12:30:00+02:00')).toBe('2026-03-10 10:30 UTC');
  });

  it('shows text that is not an instant as it is', () => {
    expect(formatTime('yesterday')).toBe('yesterday');
  });
});

describe('formatPeriod', () => {
  it('shows dates when the bounds are midnights, times otherwise', () => {
    expect(formatPeriod({ start: '2026-03-09T00:00:00.000Z', end: '2026-03-23T00:00:00.000Z' })).toBe(
      '2026-03-09 → 2026-03-23',
    );
    expect(formatPeriod({ start: '2026-03-09T06:00:00.000Z', end: '2026-03-23T06:00:00.000Z' })).toBe(
      '2026-03-09 06:00 UTC → 2026-03-23 06:00 UTC',
    );
  });
});

describe('formatCount and formatNumber', () => {
  it('groups thousands', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(65_535)).toBe('65,535');
    expect(formatCount(1_234_567)).toBe('1,234,567');
  });

  it('shows one decimal and the unit, or a dash', () => {
    expect(formatNumber({ value: 4.5, unit: 'min' })).toBe('4.5 min');
    expect(formatNumber({ value: 48, unit: 'h' })).toBe('48.0 h');
    expect(formatNumber({ value: null, unit: 'h' })).toBe('—');
  });
});
