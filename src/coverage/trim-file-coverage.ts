import type { FileCoverage } from './types.ts';

/** Drops the spare capacity of a file's growable arrays (call when a parser is done with it). */
export function trimFileCoverage(file: FileCoverage): void {
  let end = file.lines.length;
  while (end > 0 && file.lines[end - 1] === 0) end--;
  if (end < file.lines.length) file.lines = file.lines.slice(0, end);
  const branches = file.branches;
  if (branches && 2 * branches.length < branches.pairs.length) {
    file.branches = { pairs: branches.pairs.slice(0, 2 * branches.length), length: branches.length };
  }
}
