import type { Config } from '../../config/types.ts';
import { shownPeriods } from '../../kpi/index.ts';
import type { Instant } from '../../time/index.ts';

/**
 * The oldest instant a report at `now` can need: the start of the oldest shown
 * period minus the longest rollback window (the config's or any segment
 * override's) — a release published before it cannot be shown, and no
 * activity before it can belong to a shown release. Collectors read from here.
 */
export function reportHorizon({
  config,
  now,
}: {
  config: Pick<Config, 'period' | 'periodAnchor' | 'history' | 'rollbackWindow' | 'overrides'>;
  now: Instant;
}): Instant {
  const oldest = shownPeriods({ now, config })[0]!.start;
  const windows = [config.rollbackWindow, ...Object.values(config.overrides).map((o) => o.rollbackWindow ?? 0)];
  return oldest - Math.max(...windows);
}
