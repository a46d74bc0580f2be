import type { Config } from '../config/types.ts';
import type { Instant } from '../time/index.ts';

/** Period k is [anchor + k·period, anchor + (k+1)·period) (docs/kpis.md, "Periods and time"). */
export interface Period {
  index: number;
  start: Instant;
  end: Instant;
  current: boolean;
}

type PeriodRules = Pick<Config, 'period' | 'periodAnchor'>;

/** The index of the period that contains `at`. */
export function periodIndex({ at, config }: { at: Instant; config: PeriodRules }): number {
  return Math.floor((at - config.periodAnchor) / config.period);
}

/** The `history` periods before the current one, then the current one: oldest first. */
export function shownPeriods({
  now,
  config,
}: {
  now: Instant;
  config: PeriodRules & Pick<Config, 'history'>;
}): Period[] {
  const current = periodIndex({ at: now, config });
  const periods: Period[] = [];
  for (let index = current - config.history; index <= current; index++) {
    const start = config.periodAnchor + index * config.period;
    periods.push({ index, start, end: start + config.period, current: index === current });
  }
  return periods;
}
