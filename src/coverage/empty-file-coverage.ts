import type { BranchOutcomes, FileCoverage } from './types.ts';

// Shared by every empty file: growing code replaces arrays (and a BranchOutcomes
// without spare capacity), never writes into a zero-length one.
const NO_LINES = new Uint8Array(0);
const NO_BRANCHES = Object.freeze({ pairs: new Uint32Array(0), length: 0 }) as BranchOutcomes;

/** An empty FileCoverage; `branches` is empty (not null) when the format has branches. */
export function emptyFileCoverage({ withBranches }: { withBranches: boolean }): FileCoverage {
  return {
    lines: NO_LINES,
    branches: withBranches ? NO_BRANCHES : null,
    blocks: null,
    totals: null,
  };
}
