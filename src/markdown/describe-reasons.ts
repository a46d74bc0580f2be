import { VERDICT_REASONS, type VerdictReason } from '../report/types.ts';

const REASON_TEXT: Record<VerdictReason, string> = {
  'rolled-back': 'rolled back',
  'devops-activities': 'too many DevOps activities',
  'coverage-below-threshold': 'coverage below threshold',
  'coverage-missing': 'coverage missing',
};

/** Why a release failed, in the contract's order: `rolled back, coverage missing`; `—` for none. */
export function describeReasons(reasons: readonly VerdictReason[]): string {
  const text = VERDICT_REASONS.filter((reason) => reasons.includes(reason)).map((reason) => REASON_TEXT[reason]);
  return text.length > 0 ? text.join(', ') : '—';
}
