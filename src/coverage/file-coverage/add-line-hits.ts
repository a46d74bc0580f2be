import type { FileCoverage } from '../types.ts';
import { LINE_COVERED, LINE_EXECUTABLE } from '../types.ts';

/**
 * Marks a line executable, and covered when `hits` > 0 (a bitwise OR: adding
 * the same line again never uncovers it). Grows the file's own flag array by
 * doubling; a slice of a shared block is copied to an own array first.
 */
export function addLineHits({ file, line, hits }: { file: FileCoverage; line: number; hits: number }): void {
  const flag = hits > 0 ? LINE_EXECUTABLE | LINE_COVERED : LINE_EXECUTABLE;
  if (line < file.lineCount) {
    file.lines[file.lineStart + line]! |= flag;
    return;
  }
  if (file.lineStart !== 0 || line >= file.lines.length) {
    const grown = new Uint8Array(Math.max(64, line + 1, file.lineCount * 2));
    grown.set(file.lines.subarray(file.lineStart, file.lineStart + file.lineCount));
    file.lines = grown;
    file.lineStart = 0;
  }
  file.lines[line]! |= flag;
  file.lineCount = line + 1;
}
