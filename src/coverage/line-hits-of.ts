import type { FileCoverage } from './types.ts';

/** Line number → hit count of every executable line of a file, in line order. */
export function lineHitsOf(file: FileCoverage): Map<number, number> {
  const result = new Map<number, number>();
  const lines = file.lines;
  for (let line = 0; line < lines.length; line++) {
    const stored = lines[line]!;
    if (stored !== 0) result.set(line, stored - 1);
  }
  return result;
}
