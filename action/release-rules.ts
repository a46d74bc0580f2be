import { rulesForSegment } from '../src/config/index.ts';
import type { Config } from '../src/config/types.ts';
import type { ReleaseRules } from '../src/markdown/index.ts';
import { DAY } from '../src/time/index.ts';

/** The limits a release of `segment` is judged against, as the release summary shows them. */
export function releaseRules({ config, segment }: { config: Config; segment: string }): ReleaseRules {
  const rules = rulesForSegment({ config, segment });
  return {
    maxDevopsActivities: rules.maxDevopsActivities,
    minCoverage: rules.minCoverage,
    rollbackWindowDays: rules.rollbackWindow / DAY,
  };
}
