import type { FileCoverage } from '../types.ts';
import { LINE_COVERED } from '../types.ts';

/**
 * Line number → hits of every executable line of a file, in line order.
 * Only "covered or not" is kept, so hits are 1 (ran at least once) or 0.
 */
export function lineHitsOf(file: FileCoverage): Map<number, number> {
  const result = new Map<number, number>();
  const { lines, lineStart, lineCount } = file;
  for (let line = 0; line < lineCount; line++) {
    const flags = lines[lineStart + line]!;
    if (flags !== 0) result.set(line, flags & LINE_COVERED ? 1 : 0);
  }
  return result;
}
