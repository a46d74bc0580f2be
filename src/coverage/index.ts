export { addBranchHits } from './add-branch-hits.ts';
export { addLineHits } from './add-line-hits.ts';
export { appendBranch } from './append-branch.ts';
export { branchHitsOf } from './branch-hits-of.ts';
export { CoverageError } from './coverage-error.ts';
export { coveragePercent } from './coverage-percent.ts';
export { coverageTotals } from './coverage-totals.ts';
export { DETECT_HEAD_LENGTH, detectFormat } from './detect-format.ts';
export { emptyFileCoverage } from './empty-file-coverage.ts';
export { lineHitsOf } from './line-hits-of.ts';
export { mergeCoverage } from './merge-coverage.ts';
export { normalizePath } from './normalize-path.ts';
export { parseCoverage } from './parse-coverage.ts';
export type { CoverageTableRow } from './render-coverage-table.ts';
export { renderCoverageTable } from './render-coverage-table.ts';
export { trimFileCoverage } from './trim-file-coverage.ts';
export type {
  BranchOutcomes,
  CoverageCounts,
  CoverageFormat,
  CoverageReport,
  CoverageTotals,
  CoverageUnit,
  FileCoverage,
  MergedCoverage,
  StatementBlock,
} from './types.ts';
export { COVERAGE_FORMATS, LINE_COVERED, LINE_EXECUTABLE } from './types.ts';
