import type { ReleaseReport } from '../report/types.ts';
import { VERDICT_REASONS } from '../report/types.ts';
import { describeReason, type ReleaseRules } from './describe-reason.ts';

/**
 * Why a release failed, every reason as a sentence with its figures, in the
 * contract's order and joined by `; `: `coverage 77 % is below 80 %;
 * 3 DevOps activities (fewer than 3 allowed)`. `—` for none. Plain text
 * (see describeReason).
 */
export function describeReasons({ release, rules }: { release: ReleaseReport; rules: ReleaseRules }): string {
  const text = VERDICT_REASONS.filter((reason) => release.reasons.includes(reason)).map((reason) =>
    describeReason({ reason, release, rules }),
  );
  return text.length > 0 ? text.join('; ') : '—';
}
