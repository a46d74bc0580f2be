import { describe, expect, it } from 'vitest';
import { renderSparkline } from '../../src/markdown/index.ts';

describe('renderSparkline', () => {
  it('maps the lowest value to the lowest bar and the highest to the highest', () => {
    expect(renderSparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(renderSparkline([10, 80])).toBe('▁█');
  });

  it('shows missing values as a dot', () => {
    expect(renderSparkline([null, 0, null, 7])).toBe('·▁·█');
    expect(renderSparkline([null, null])).toBe('··');
  });

  it('uses a given scale and clamps values outside it', () => {
    expect(renderSparkline([0, 50, 100], { min: 0, max: 100 })).toBe('▁▅█');
    expect(renderSparkline([95, 100], { min: 0, max: 100 })).toBe('██');
    expect(renderSparkline([-5, 150], { min: 0, max: 100 })).toBe('▁█');
  });

  it('shows a flat series as middle bars', () => {
    expect(renderSparkline([3, 3, 3])).toBe('▄▄▄');
  });

  it('has one character per value', () => {
    const values = [12, null, 40, 33, null, 90, 1];
    expect(Array.from(renderSparkline(values))).toHaveLength(values.length);
  });

  it('returns an empty string for no values', () => {
    expect(renderSparkline([])).toBe('');
  });
});
