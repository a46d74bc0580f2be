import type { FileCoverage } from './types.ts';

const MAX_HITS = 0xffff_ffff;

/** Appends a new branch outcome to a file (no lookup: the caller knows it is new). */
export function appendBranch({ file, line, hits }: { file: FileCoverage; line: number; hits: number }): void {
  let branches = file.branches;
  if (!branches) {
    branches = { line: new Uint32Array(0), hits: new Uint32Array(0), length: 0 };
    file.branches = branches;
  }
  if (branches.length === branches.line.length) {
    const capacity = Math.max(16, branches.length * 2);
    const lines = new Uint32Array(capacity);
    const hitsArray = new Uint32Array(capacity);
    lines.set(branches.line);
    hitsArray.set(branches.hits);
    branches.line = lines;
    branches.hits = hitsArray;
  }
  branches.line[branches.length] = line;
  branches.hits[branches.length] = Math.min(hits, MAX_HITS);
  branches.length++;
}
