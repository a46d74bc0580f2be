import { type Config, rulesForSegment } from '../../config/index.ts';
import { shownPeriods } from '../../kpi/index.ts';
import type { Instant } from '../../time/index.ts';

/**
 * The oldest instant a report at `now` can need: the start of the oldest shown
 * period minus the longest rollback window any segment is judged by (its
 * rules as the report resolves them: the config's, or a segment override's)
 * — a release published before it cannot be shown, and no activity before it
 * can belong to a shown release. Collectors read from here.
 */
export function reportHorizon({
  config,
  now,
  periods,
}: {
  config: Config;
  now: Instant;
  /** Only the newest `periods` shown periods (2: the current and the last complete one — the partial report). */
  periods?: number;
}): Instant {
  const shown = shownPeriods({ now, config });
  const oldest = shown[periods === undefined ? 0 : Math.max(0, shown.length - periods)]!.start;
  const segments = Object.keys(config.overrides);
  const windows = [config, ...segments.map((segment) => rulesForSegment({ config, segment }))].map(
    (rules) => rules.rollbackWindow,
  );
  return oldest - Math.max(...windows);
}
