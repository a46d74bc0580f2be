import type { RollbackReasonCount } from '../report/types.ts';
import { rankRollbackReasons } from './rank-rollback-reasons.ts';
import type { Rollback } from './types.ts';

/**
 * The most frequent reasons among the given first rollbacks, one per
 * rolled-back release (docs/kpis.md, "Rollbacks"): the first `limit` of
 * rankRollbackReasons (blank = none, not listed). The order of
 * `firstRollbacks` does not matter.
 */
export function topRollbackReasons({
  firstRollbacks,
  limit = 3,
}: {
  firstRollbacks: readonly Pick<Rollback, 'at' | 'reason'>[];
  limit?: number;
}): RollbackReasonCount[] {
  return rankRollbackReasons({ firstRollbacks }).ranked.slice(0, limit);
}
