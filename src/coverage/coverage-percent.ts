import type { CoverageCounts } from './types.ts';

/** Percent covered, rounded half up to one decimal; null when nothing is counted. */
export function coveragePercent({ covered, total }: CoverageCounts): number | null {
  return total === 0 ? null : Math.round(((covered * 100) / total) * 10) / 10;
}
