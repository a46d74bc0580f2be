import type { Config, SegmentTargets } from './types.ts';

const TARGET_KEYS = ['wellPackaged', 'share', 'patchCoverage'] as const;

/**
 * A segment's targets, key by key: `targets[segment].key`, else
 * `targets.all.key`; a key set in neither is left out (the report then uses
 * the segment's `patches.target` for patchCoverage).
 */
export function targetsForSegment({ config, segment }: { config: Config; segment: string }): SegmentTargets {
  const own = Object.hasOwn(config.targets, segment) ? config.targets[segment] : undefined;
  const all = Object.hasOwn(config.targets, 'all') ? config.targets.all : undefined;
  const targets: SegmentTargets = {};
  for (const key of TARGET_KEYS) {
    const value = own?.[key] ?? all?.[key];
    if (value !== undefined) targets[key] = value;
  }
  return targets;
}
