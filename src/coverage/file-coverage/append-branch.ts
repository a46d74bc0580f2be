import type { FileCoverage } from '../types.ts';

const MAX_HITS = 0xffff_ffff;

/**
 * Appends a new branch outcome to a file (no lookup: the caller knows it is
 * new). Writes in place only into the room of the file's own array;
 * otherwise copies to a new array of twice the size and replaces
 * `file.branches`.
 */
export function appendBranch({ file, line, hits }: { file: FileCoverage; line: number; hits: number }): void {
  const branches = file.branches;
  const length = branches?.length ?? 0;
  if (branches && branches.start === 0 && 2 * length < branches.pairs.length) {
    branches.pairs[2 * length] = line;
    branches.pairs[2 * length + 1] = Math.min(hits, MAX_HITS);
    branches.length = length + 1;
    return;
  }
  const pairs = new Uint32Array(2 * Math.max(16, length * 2));
  if (branches) pairs.set(branches.pairs.subarray(branches.start, branches.start + 2 * length));
  pairs[2 * length] = line;
  pairs[2 * length + 1] = Math.min(hits, MAX_HITS);
  file.branches = { pairs, start: 0, length: length + 1 };
}
