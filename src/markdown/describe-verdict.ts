import type { ReleaseReport } from '../report/types.ts';
import type { ReleaseRules } from './describe-reason.ts';
import { describeReasons } from './describe-reasons.ts';
import { describeStatus } from './describe-status.ts';

/**
 * A verdict in one line, its reasons said plainly: `❌ not well-packaged:
 * coverage 77 % is below 80 %`, `✅ well-packaged`, `⏳ pending`. Plain
 * text (see describeReason).
 */
export function describeVerdict({ release, rules }: { release: ReleaseReport; rules: ReleaseRules }): string {
  const status = describeStatus(release.status);
  return release.reasons.length > 0 ? `${status}: ${describeReasons({ release, rules })}` : status;
}
