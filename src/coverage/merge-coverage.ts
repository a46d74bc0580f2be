import { normalizePath } from './normalize-path.ts';
import type { CoverageReport, CoverageUnit, FileCoverage, MergedCoverage, StatementBlock } from './types.ts';
import { COVERAGE_FORMATS } from './types.ts';

function mergeLines(a: Uint32Array, b: Uint32Array): Uint32Array {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  const out = long.slice();
  // Stored values are hits + 1 (0 = not executable), so the max is the merge.
  for (let i = 0; i < short.length; i++) if (short[i]! > out[i]!) out[i] = short[i]!;
  return out;
}

function mergeBranches(a: Map<number, number[]> | null, b: Map<number, number[]> | null): Map<number, number[]> | null {
  if (!a && !b) return null;
  const out = new Map<number, number[]>();
  for (const source of [a, b]) {
    for (const [line, outcomes] of source ?? []) {
      const seen = out.get(line) ?? [];
      out.set(
        line,
        Array.from({ length: Math.max(seen.length, outcomes.length) }, (_, i) =>
          Math.max(seen[i] ?? 0, outcomes[i] ?? 0),
        ),
      );
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

function mergeTotals(a: FileCoverage['totals'], b: FileCoverage['totals']): FileCoverage['totals'] {
  if (!a || !b) return a ?? b;
  const bigger = a.lines.total !== b.lines.total ? a.lines.total > b.lines.total : a.lines.covered >= b.lines.covered;
  return bigger ? a : b;
}

function mergeFile(a: FileCoverage, b: FileCoverage): FileCoverage {
  return {
    lines: mergeLines(a.lines, b.lines),
    branches: mergeBranches(a.branches, b.branches),
    blocks: mergeBlocks(a.blocks, b.blocks),
    totals: mergeTotals(a.totals, b.totals),
  };
}

const EMPTY: FileCoverage = { lines: new Uint32Array(0), branches: null, blocks: null, totals: null };

/**
 * Merges reports per source file (paths normalised, see `normalizePath`): a
 * line, branch outcome or statement block is covered when any report covers
 * it; its hit count is the highest any report gives. Merging is commutative,
 * associative and idempotent (merging a report with itself changes nothing).
 */
export function mergeCoverage(
  reports: readonly CoverageReport[],
  { workspace }: { workspace?: string } = {},
): MergedCoverage {
  const files = new Map<string, FileCoverage>();
  for (const report of reports) {
    for (const [path, coverage] of report.files) {
      const key = normalizePath({ path, workspace });
      files.set(key, mergeFile(files.get(key) ?? EMPTY, coverage));
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
