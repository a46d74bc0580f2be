export { ALL_SEGMENTS, computeReport } from './compute-report.ts';
export { evaluateRepo } from './evaluate-repo.ts';
export { indexFacts } from './index-facts.ts';
export { indexRepoFacts } from './index-repo-facts.ts';
export { type Period, periodIndex, shownPeriods } from './periods.ts';
export { createSegmentResolver, UNSEGMENTED } from './resolve-segment.ts';
export type * from './types.ts';
