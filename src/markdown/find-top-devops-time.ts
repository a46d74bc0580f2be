import { DEVOPS_KINDS, type DevopsKind } from '../config/types.ts';
import type { SegmentPeriodReport } from '../report/types.ts';

/**
 * Where a period's DevOps time went most (docs/dashboard.md, "Seed
 * questions"): the timed kinds with the most minutes, all of them on a tie;
 * none when nothing was timed.
 */
export function findTopDevopsTime(period: Pick<SegmentPeriodReport, 'devopsMinutes'>): DevopsKind[] {
  const minutes = (kind: DevopsKind) => period.devopsMinutes[kind] ?? 0;
  const most = Math.max(...DEVOPS_KINDS.map(minutes));
  return most === 0 ? [] : DEVOPS_KINDS.filter((kind) => minutes(kind) === most);
}
