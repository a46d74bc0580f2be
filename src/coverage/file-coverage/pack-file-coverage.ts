import type { FileCoverage } from '../types.ts';
import type { Arena } from './create-arena.ts';

/**
 * Moves a file's own (growable) line and branch arrays into shared blocks of
 * `arena`: call when a parser is done with a file, so a report with many
 * files holds no array object per file and no spare capacity. A file packed
 * before and not grown since is left as it is.
 */
export function packFileCoverage({ file, arena }: { file: FileCoverage; arena: Arena }): void {
  if (file.lineStart === 0) {
    const placed = arena.copyBytes(file.lines, file.lineCount);
    file.lines = placed.block;
    file.lineStart = placed.start;
  }
  const branches = file.branches;
  if (branches && branches.start === 0 && branches.length > 0) {
    const placed = arena.copyWords(branches.pairs, 2 * branches.length);
    file.branches = { pairs: placed.block, start: placed.start, length: branches.length };
  }
}
