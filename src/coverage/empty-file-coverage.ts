import type { FileCoverage } from './types.ts';

// Shared by every empty file: growing code replaces arrays, never writes into a zero-length one.
const NONE = new Uint32Array(0);

/** An empty FileCoverage; `branches` is empty (not null) when the format has branches. */
export function emptyFileCoverage({ withBranches }: { withBranches: boolean }): FileCoverage {
  return {
    lines: NONE,
    branches: withBranches ? { line: NONE, hits: NONE, length: 0 } : null,
    blocks: null,
    totals: null,
  };
}
