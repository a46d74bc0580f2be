import type { FileCoverage } from '../types.ts';

/** Drops the spare capacity of a file's own growable arrays (call when a parser is done with it). */
export function trimFileCoverage(file: FileCoverage): void {
  if (file.lineStart === 0 && file.lines.length > file.lineCount) file.lines = file.lines.slice(0, file.lineCount);
  const branches = file.branches;
  if (branches && branches.start === 0 && 2 * branches.length < branches.pairs.length) {
    file.branches = { pairs: branches.pairs.slice(0, 2 * branches.length), start: 0, length: branches.length };
  }
}
