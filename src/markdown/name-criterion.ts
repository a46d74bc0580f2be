import type { VerdictReason } from '../report/types.ts';

const CRITERION_TEXT: Record<VerdictReason, string> = {
  'rolled-back': 'rolled back',
  'devops-activities': 'too many DevOps activities',
  'coverage-below-threshold': 'coverage below threshold',
  'coverage-missing': 'coverage missing',
};

/** A criterion a release can fail, in words, without one release's figures (charts and tallies name it so). */
export function nameCriterion(reason: VerdictReason): string {
  return CRITERION_TEXT[reason];
}
