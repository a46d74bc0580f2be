import type { Config } from './types.ts';

/** Segment rules in the order their names were written (`keys`); names not in `keys` last. */
export function orderSegments({
  segments,
  keys,
}: {
  segments: Config['segments'];
  keys: readonly string[];
}): Config['segments'] {
  const rank = (name: string) => {
    const index = keys.indexOf(name);
    return index === -1 ? keys.length : index;
  };
  return [...segments].sort((a, b) => rank(a.name) - rank(b.name));
}
