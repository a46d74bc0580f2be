import { normalizePath } from './normalize-path.ts';
import type {
  BranchOutcomes,
  CoverageReport,
  CoverageUnit,
  FileCoverage,
  MergedCoverage,
  StatementBlock,
} from './types.ts';
import { COVERAGE_FORMATS } from './types.ts';

type Lines = Pick<FileCoverage, 'lines' | 'lineStart' | 'lineCount'>;

function mergeLines(a: Lines, b: Lines): Lines {
  if (b.lineCount === 0) return a;
  if (a.lineCount === 0) return b;
  const [long, short] = a.lineCount >= b.lineCount ? [a, b] : [b, a];
  const out = long.lines.slice(long.lineStart, long.lineStart + long.lineCount);
  // Flags (executable, covered): a line is covered when any report covers it.
  for (let i = 0; i < short.lineCount; i++) out[i]! |= short.lines[short.lineStart + i]!;
  return { lines: out, lineStart: 0, lineCount: long.lineCount };
}

function mergeBranches(a: BranchOutcomes | null, b: BranchOutcomes | null): BranchOutcomes | null {
  if (!a || a.length === 0) return b ?? a;
  if (!b || b.length === 0) return a;
  // Outcomes are identified by line and rank on the line: take the higher count of each.
  const byLine = new Map<number, number[]>();
  for (const source of [a, b]) {
    const rank = new Map<number, number>();
    for (let i = 0; i < source.length; i++) {
      const line = source.pairs[source.start + 2 * i]!;
      const index = rank.get(line) ?? 0;
      rank.set(line, index + 1);
      const outcomes = byLine.get(line) ?? [];
      outcomes[index] = Math.max(outcomes[index] ?? 0, source.pairs[source.start + 2 * i + 1]!);
      byLine.set(line, outcomes);
    }
  }
  const lines = [...byLine.keys()].sort((x, y) => x - y);
  const length = lines.reduce((n, line) => n + byLine.get(line)!.length, 0);
  const out: BranchOutcomes = { pairs: new Uint32Array(2 * length), start: 0, length };
  let i = 0;
  for (const line of lines) {
    for (const hits of byLine.get(line)!) {
      out.pairs[i++] = line;
      out.pairs[i++] = hits ?? 0;
    }
  }
  return out;
}

function mergeBlocks(
  a: Map<string, StatementBlock> | null,
  b: Map<string, StatementBlock> | null,
): Map<string, StatementBlock> | null {
  if (!a && !b) return null;
  const out = new Map<string, StatementBlock>();
  for (const source of [a, b]) {
    for (const [key, block] of source ?? []) {
      const seen = out.get(key);
      out.set(
        key,
        seen
          ? { statements: Math.max(seen.statements, block.statements), hits: Math.max(seen.hits, block.hits) }
          : { ...block },
      );
    }
  }
  return out;
}

function biggerTotals(a: FileCoverage['totals'], b: FileCoverage['totals']): FileCoverage['totals'] {
  if (!a || !b) return a ?? b;
  const bigger = a.lines.total !== b.lines.total ? a.lines.total > b.lines.total : a.lines.covered >= b.lines.covered;
  return bigger ? a : b;
}

function hasLineData(file: FileCoverage): boolean {
  return file.lineCount > 0 || (file.blocks?.size ?? 0) > 0;
}

/**
 * The bigger totals. Totals that override their report's lines (a Clover
 * file's metrics) keep doing so only while no other report brings lines of
 * that file: then the union of the lines counts (docs/coverage.md, "Clover").
 */
function mergeTotals(a: FileCoverage, b: FileCoverage): FileCoverage['totals'] {
  const totals = biggerTotals(a.totals, b.totals);
  if (!totals || !(a.totals?.overridesLines || b.totals?.overridesLines)) return totals;
  const { lines, branches } = totals;
  const keep = [a, b].every((file) => file.totals?.overridesLines === true || !hasLineData(file));
  return keep ? { lines, branches, overridesLines: true } : { lines, branches };
}

function mergeFile(a: FileCoverage, b: FileCoverage): FileCoverage {
  return {
    ...mergeLines(a, b),
    branches: mergeBranches(a.branches, b.branches),
    blocks: mergeBlocks(a.blocks, b.blocks),
    totals: mergeTotals(a, b),
  };
}

/**
 * Merges reports per source file (paths normalised, see `normalizePath`): a
 * line, branch outcome or statement block is covered when any report covers
 * it (lines: a bitwise OR of flags; branch outcomes and Go blocks: the
 * highest hit count any report gives). Merging is commutative,
 * associative and idempotent (merging a report with itself changes nothing).
 * Inputs are never changed; the result may share their (read-only) arrays.
 */
export function mergeCoverage(
  reports: readonly CoverageReport[],
  { workspace }: { workspace?: string } = {},
): MergedCoverage {
  const files = new Map<string, FileCoverage>();
  for (const report of reports) {
    for (const [path, coverage] of report.files) {
      const key = normalizePath({ path, workspace });
      const seen = files.get(key);
      // A file seen once is shared as it is (merging with nothing changes nothing).
      files.set(key, seen ? mergeFile(seen, coverage) : coverage);
    }
  }
  const units = new Set(reports.map((report) => report.unit));
  const unit: CoverageUnit = units.has('statements')
    ? units.has('lines')
      ? 'lines+statements'
      : 'statements'
    : 'lines';
  const formats = COVERAGE_FORMATS.filter((format) => reports.some((report) => report.format === format));
  return { formats, unit, files };
}
