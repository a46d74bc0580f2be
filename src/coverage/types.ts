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

/** What a parser reads: a report's bytes as they stream in, and its file name for errors. */
export interface CoverageInput {
  chunks: AsyncIterable<string | Uint8Array>;
  file: string;
}

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
 * on line `pairs[start + 2i]` and was taken `pairs[start + 2i + 1]` times
 * (saturating); `length` counts outcomes. An outcome is identified by its
 * line and its rank among that line's outcomes (see `branchHitsOf`).
 */
export interface BranchOutcomes {
  pairs: Uint32Array;
  /**
   * 0: `pairs` belongs to this file alone (room after `length` outcomes may
   * be used). Otherwise the outcomes are a slice of a block shared with
   * other files: never write outside it (copy to grow).
   */
  start: number;
  length: number;
}

/** Bit of a `FileCoverage.lines` entry: the line is executable. */
export const LINE_EXECUTABLE = 1;
/** Bit of a `FileCoverage.lines` entry: the line ran at least once (always set together with LINE_EXECUTABLE). */
export const LINE_COVERED = 2;
/**
 * Highest source line number a report may name: lines are stored densely by
 * number, one byte each, so a 30-byte report naming line 2,000,000,000 would
 * otherwise allocate 2 GB (and one naming 2^28, 256 MB per file). 2^24 - 1
 * (16 MB per file at most) is far beyond any real source file.
 */
export const MAX_LINE_NUMBER = 0x00ff_ffff;
/**
 * Most branch outcomes one line may declare as a count (Cobertura's
 * condition-coverage, JaCoCo's mb + cb, Clover's truecount + falsecount):
 * each is stored, so `(1/20000000002)` would otherwise exhaust memory.
 */
export const MAX_BRANCHES_PER_LINE = 0xffff;

/**
 * Longest line a line-based report (lcov, Go coverprofile) may have, in
 * bytes: a real record is a path or a few numbers. A longer one is refused
 * with a CoverageError naming file and line, so a report that is one huge
 * line costs at most this much memory and linear time (docs/coverage.md).
 */
export const MAX_REPORT_LINE_BYTES = 1024 * 1024;

/**
 * Coverage of one source file.
 *
 * Lines are dense by line number with one byte of flags per line
 * (LINE_EXECUTABLE | LINE_COVERED; 0 = not an executable line): the flags of
 * line n (n < lineCount) are `lines[lineStart + n]`. Totals need only
 * "executable" and "covered", and merging is a bitwise OR: commutative,
 * associative and idempotent. Hit counts are not kept (see `lineHitsOf`).
 * A large lcov report stores its files' lines as slices of shared blocks
 * (no array object per file), so millions of lines in tens of thousands of
 * files stay small.
 */
export interface FileCoverage {
  lines: Uint8Array;
  /**
   * 0: `lines` belongs to this file alone (bytes after lineCount are zero and
   * may be used). Otherwise a slice of a block shared with other files: never
   * write outside [lineStart, lineStart + lineCount) (copy to grow).
   */
  lineStart: number;
  /** Highest line number with flags + 1. */
  lineCount: number;
  /** Branch outcomes; null when the format has no branches. */
  branches: BranchOutcomes | null;
  /** Go only: statement blocks keyed `startLine.startCol,endLine.endCol`. */
  blocks: Map<string, StatementBlock> | null;
  /**
   * Per-file totals: of formats that give only those (Istanbul
   * coverage-summary.json, xccov), and of Clover files whose own `<metrics
   * statements coveredstatements>` disagree with their line elements
   * (`overridesLines`: these totals count; the lines still give line-level
   * data). See docs/coverage.md, "Clover".
   */
  totals: { lines: CoverageCounts; branches: CoverageCounts | null; overridesLines?: true } | null;
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
