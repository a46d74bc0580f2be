/** The report formats Shipwell reads. */
export type CoverageFormat = 'lcov' | 'cobertura' | 'jacoco' | 'clover' | 'istanbul' | 'go' | 'xccov';

/** Every format, in the order the CLI lists them and merged names are joined. */
export const COVERAGE_FORMATS: readonly CoverageFormat[] = [
  'lcov',
  'cobertura',
  'jacoco',
  'clover',
  'istanbul',
  'go',
  'xccov',
];

/** What a report counts: source lines, or Go's statements. Mixing both in one merge gives `lines+statements`. */
export type CoverageUnit = 'lines' | 'statements' | 'lines+statements';

export interface CoverageCounts {
  covered: number;
  total: number;
}

/** A Go statement block (`file:startLine.startCol,endLine.endCol numStmts count`). */
export interface StatementBlock {
  statements: number;
  hits: number;
}

/**
 * Branch outcomes of a file in compact form, one array of pairs: outcome i is
 * on line `pairs[2i]` and was taken `pairs[2i + 1]` times (saturating).
 * `length` counts outcomes (the array may have spare capacity). An outcome is
 * identified by its line and its rank among that line's outcomes (see
 * `branchHitsOf`).
 */
export interface BranchOutcomes {
  pairs: Uint32Array;
  length: number;
}

/** Bit of a `FileCoverage.lines` entry: the line is executable. */
export const LINE_EXECUTABLE = 1;
/** Bit of a `FileCoverage.lines` entry: the line ran at least once (always set together with LINE_EXECUTABLE). */
export const LINE_COVERED = 2;

/**
 * Coverage of one source file.
 *
 * `lines` is dense by line number and holds one byte of flags per line
 * (LINE_EXECUTABLE | LINE_COVERED; 0 = not an executable line), so millions
 * of lines stay small. Totals need only "executable" and "covered", and
 * merging is a bitwise OR: commutative, associative and idempotent. Hit
 * counts are not kept (see `lineHitsOf`).
 */
export interface FileCoverage {
  lines: Uint8Array;
  /** Branch outcomes; null when the format has no branches. */
  branches: BranchOutcomes | null;
  /** Go only: statement blocks keyed `startLine.startCol,endLine.endCol`. */
  blocks: Map<string, StatementBlock> | null;
  /** Formats that give only per-file totals (Istanbul coverage-summary.json, xccov). */
  totals: { lines: CoverageCounts; branches: CoverageCounts | null } | null;
}

/** One parsed report. */
export interface CoverageReport {
  format: CoverageFormat;
  unit: 'lines' | 'statements';
  files: Map<string, FileCoverage>;
}

/** Several reports merged per (normalised) source path. */
export interface MergedCoverage {
  /** Formats merged, unique, in COVERAGE_FORMATS order. */
  formats: CoverageFormat[];
  unit: CoverageUnit;
  files: Map<string, FileCoverage>;
}

export interface CoverageTotals {
  lines: CoverageCounts;
  branches: CoverageCounts | null;
  files: number;
}
