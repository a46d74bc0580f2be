import type { FileCoverage } from './types.ts';
import { LINE_COVERED, LINE_EXECUTABLE } from './types.ts';

/**
 * Marks a line executable, and covered when `hits` > 0 (a bitwise OR: adding
 * the same line again never uncovers it). Grows the dense flag array by
 * doubling as needed.
 */
export function addLineHits({ file, line, hits }: { file: FileCoverage; line: number; hits: number }): void {
  let lines = file.lines;
  if (line >= lines.length) {
    const grown = new Uint8Array(Math.max(64, line + 1, lines.length * 2));
    grown.set(lines);
    file.lines = grown;
    lines = grown;
  }
  lines[line]! |= hits > 0 ? LINE_EXECUTABLE | LINE_COVERED : LINE_EXECUTABLE;
}
