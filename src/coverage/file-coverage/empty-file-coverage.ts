import type { BranchOutcomes, FileCoverage } from '../types.ts';

// Shared by every empty file: growing code copies to a new array when there is
// no room, so these are never written to.
const NO_LINES = new Uint8Array(0);
const NO_BRANCHES = Object.freeze({ pairs: new Uint32Array(0), start: 0, length: 0 }) as BranchOutcomes;

/** An empty FileCoverage; `branches` is empty (not null) when the format has branches. */
export function emptyFileCoverage({ withBranches }: { withBranches: boolean }): FileCoverage {
  return {
    lines: NO_LINES,
    lineStart: 0,
    lineCount: 0,
    branches: withBranches ? NO_BRANCHES : null,
    blocks: null,
    totals: null,
  };
}
