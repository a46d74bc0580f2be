import type { Config, SegmentRules } from './types.ts';

/**
 * A segment's rules: the config's, deep-merged with `overrides[segment]`.
 * Mappings merge key by key (an `sla` naming only `critical` keeps the other
 * severities); lists and patterns replace.
 */
export function rulesForSegment({ config, segment }: { config: Config; segment: string }): SegmentRules {
  const override = Object.hasOwn(config.overrides, segment) ? config.overrides[segment] : undefined;
  return {
    rollbackWindow: override?.rollbackWindow ?? config.rollbackWindow,
    maxDevopsActivities: override?.maxDevopsActivities ?? config.maxDevopsActivities,
    minCoverage: override?.minCoverage ?? config.minCoverage,
    coverage: { fallback: override?.coverage?.fallback ?? config.coverage.fallback },
    devops: {
      kinds: override?.devops?.kinds ?? config.devops.kinds,
      hotfixPattern: override?.devops?.hotfixPattern ?? config.devops.hotfixPattern,
    },
    patches: {
      sla: {
        critical: override?.patches?.sla?.critical ?? config.patches.sla.critical,
        high: override?.patches?.sla?.high ?? config.patches.sla.high,
        medium: override?.patches?.sla?.medium ?? config.patches.sla.medium,
        low: override?.patches?.sla?.low ?? config.patches.sla.low,
      },
      dismissedAsFixed: override?.patches?.dismissedAsFixed ?? config.patches.dismissedAsFixed,
      target: override?.patches?.target ?? config.patches.target,
    },
  };
}
