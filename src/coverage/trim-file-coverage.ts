import type { FileCoverage } from './types.ts';

/** Drops the spare capacity of a file's growable arrays (call when a parser is done with it). */
export function trimFileCoverage(file: FileCoverage): void {
  let end = file.lines.length;
  while (end > 0 && file.lines[end - 1] === 0) end--;
  if (end < file.lines.length) file.lines = file.lines.slice(0, end);
  const branches = file.branches;
  if (branches && branches.length < branches.line.length) {
    branches.line = branches.line.slice(0, branches.length);
    branches.hits = branches.hits.slice(0, branches.length);
  }
}
