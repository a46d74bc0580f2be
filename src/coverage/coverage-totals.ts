import type { CoverageTotals, MergedCoverage } from './types.ts';
import { LINE_COVERED, LINE_EXECUTABLE } from './types.ts';

/**
 * Totals over merged coverage. Per file: Go statement blocks (statements
 * covered of statements), else executable lines (lines hit at least once),
 * else the file's own totals (Istanbul summary, xccov) — which come first
 * when they override the lines (a Clover file's own metrics). Branches: outcomes
 * taken at least once; null when no file has branch data.
 */
export function coverageTotals(merged: Pick<MergedCoverage, 'files'>): CoverageTotals {
  const lines = { covered: 0, total: 0 };
  let branches: { covered: number; total: number } | null = null;
  for (const file of merged.files.values()) {
    let executable = 0;
    let covered = 0;
    if (file.blocks && file.blocks.size > 0) {
      for (const block of file.blocks.values()) {
        executable += block.statements;
        if (block.hits > 0) covered += block.statements;
      }
    }
    const { lines: flags, lineStart } = file;
    const lineEnd = lineStart + file.lineCount;
    for (let i = lineStart; i < lineEnd; i++) {
      const value = flags[i]!;
      executable += value & LINE_EXECUTABLE;
      covered += (value & LINE_COVERED) >>> 1;
    }
    if (file.totals && (executable === 0 || file.totals.overridesLines)) {
      executable = file.totals.lines.total;
      covered = file.totals.lines.covered;
    }
    lines.total += executable;
    lines.covered += covered;
    if (file.branches) {
      branches ??= { covered: 0, total: 0 };
      const { pairs, start, length } = file.branches;
      branches.total += length;
      for (let i = start + 1; i < start + 2 * length; i += 2) if (pairs[i]! > 0) branches.covered++;
    } else if (file.totals?.branches) {
      branches ??= { covered: 0, total: 0 };
      branches.total += file.totals.branches.total;
      branches.covered += file.totals.branches.covered;
    }
  }
  return { lines, branches, files: merged.files.size };
}
