import { describe, expect, it } from 'vitest';
import { suggestKey } from '../../src/config/suggest-key.ts';

const known = ['minCoverage', 'maxDevopsActivities', 'rollbackWindow', 'coverage', 'period', 'periodAnchor', 'labels'];

describe('suggestKey', () => {
  it.each([
    ['minCoverge', 'minCoverage'],
    ['mincoverage', 'minCoverage'],
    ['minCovearge', 'minCoverage'],
    ['rolbackWindow', 'rollbackWindow'],
    ['maxDevOpsActivity', 'maxDevopsActivities'],
    ['lables', 'labels'],
    ['periodAnchr', 'periodAnchor'],
    ['perod', 'period'],
  ])('suggests %s → %s', (key, expected) => {
    expect(suggestKey({ key, known })).toBe(expected);
  });

  it('suggests nothing when no key is close', () => {
    expect(suggestKey({ key: 'zzz', known })).toBeNull();
    expect(suggestKey({ key: 'threshold', known })).toBeNull();
  });
});
