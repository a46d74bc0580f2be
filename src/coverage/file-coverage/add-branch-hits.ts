import type { FileCoverage } from '../types.ts';
import { appendBranch } from './append-branch.ts';

const MAX_HITS = 0xffff_ffff;

/**
 * Adds hits to the `index`-th branch outcome of a line (outcomes are
 * identified by line and rank), creating missing outcomes. A linear scan:
 * for files seen again; new files use `appendBranch`.
 */
export function addBranchHits({
  file,
  line,
  index,
  hits,
}: {
  file: FileCoverage;
  line: number;
  index: number;
  hits: number;
}): void {
  let rank = 0;
  const branches = file.branches;
  if (branches) {
    const { pairs, start } = branches;
    for (let i = 0; i < branches.length; i++) {
      if (pairs[start + 2 * i] !== line) continue;
      if (rank === index) {
        pairs[start + 2 * i + 1] = Math.min(pairs[start + 2 * i + 1]! + hits, MAX_HITS);
        return;
      }
      rank++;
    }
  }
  for (; rank < index; rank++) appendBranch({ file, line, hits: 0 });
  appendBranch({ file, line, hits });
}
