export { CoverageError } from './coverage-error.ts';
export { coveragePercent } from './coverage-percent.ts';
export { coverageTotals } from './coverage-totals.ts';
export { addBranchHits } from './file-coverage/add-branch-hits.ts';
export { addLineHits } from './file-coverage/add-line-hits.ts';
export { appendBranch } from './file-coverage/append-branch.ts';
export { branchHitsOf } from './file-coverage/branch-hits-of.ts';
export { emptyFileCoverage } from './file-coverage/empty-file-coverage.ts';
export { lineHitsOf } from './file-coverage/line-hits-of.ts';
export { trimFileCoverage } from './file-coverage/trim-file-coverage.ts';
export { mergeCoverage } from './merge-coverage.ts';
export { normalizePath } from './normalize-path.ts';
export { DETECT_HEAD_LENGTH, detectFormat } from './parse/detect-format.ts';
export { parseCoverage } from './parse/parse-coverage.ts';
export { renderCoverageMarkdown } from './render-coverage-markdown.ts';
export type { CoverageTableRow } from './render-coverage-table.ts';
export { renderCoverageTable } from './render-coverage-table.ts';
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
export { COVERAGE_FORMATS, LINE_COVERED, LINE_EXECUTABLE, MAX_REPORT_LINE_BYTES } from './types.ts';
