import { type SegmentPeriodReport, VERDICT_REASONS, type VerdictReason } from '../report/types.ts';

/**
 * A period's biggest blocker (docs/dashboard.md, "Seed questions"): the
 * criteria its releases fail most often, all of them on a tie, in the
 * contract's order; none when no release failed.
 */
export function findBiggestBlockers(period: Pick<SegmentPeriodReport, 'failing'>): VerdictReason[] {
  const most = Math.max(...VERDICT_REASONS.map((reason) => period.failing[reason]));
  return most === 0 ? [] : VERDICT_REASONS.filter((reason) => period.failing[reason] === most);
}
