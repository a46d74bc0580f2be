import type { FileCoverage } from './types.ts';

/** An empty FileCoverage; `branches` is a Map when the format has branches. */
export function emptyFileCoverage({ withBranches }: { withBranches: boolean }): FileCoverage {
  return { lines: new Uint32Array(0), branches: withBranches ? new Map() : null, blocks: null, totals: null };
}
