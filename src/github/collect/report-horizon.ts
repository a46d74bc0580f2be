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
export function reportHorizon({ config, now }: { config: Config; now: Instant }): Instant {
  const oldest = shownPeriods({ now, config })[0]!.start;
  const segments = Object.keys(config.overrides);
  const windows = [config, ...segments.map((segment) => rulesForSegment({ config, segment }))].map(
    (rules) => rules.rollbackWindow,
  );
  return oldest - Math.max(...windows);
}
