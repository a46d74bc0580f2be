import type { SegmentTargets } from '../config/types.ts';
import { formatCount } from './format-count.ts';
import { formatPercent } from './format-percent.ts';

/** `Targets: ≥ 3 well-packaged per period · share ≥ 90.0 % · …`, or null when the segment has none. */
export function describeTargets(targets: SegmentTargets): string | null {
  const parts = [
    targets.wellPackaged === undefined ? null : `≥ ${formatCount(targets.wellPackaged)} well-packaged per period`,
    targets.share === undefined ? null : `share ≥ ${formatPercent(targets.share)}`,
    targets.patchCoverage === undefined ? null : `patch coverage ≥ ${formatPercent(targets.patchCoverage)}`,
  ].filter((part) => part !== null);
  return parts.length > 0 ? `Targets (✅ on, ⚠️ off): ${parts.join(' · ')}` : null;
}
